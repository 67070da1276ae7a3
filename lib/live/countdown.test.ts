import { describe, expect, it } from 'vitest';
import type { MetricResult } from '../sla/types.ts';
import { summaryMetric } from '../../tests/support/registry';
import {
  liveMetric,
  liveMetricState,
  liveRemainingMs,
  mostUrgent,
  openTimeBetween,
  summaryLiveState,
  type LiveMetric,
} from './countdown.ts';

const H = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

// Mextra, incident, priority high (2 business days = 17 h on Service Window 1, Mon–Fri 09:00–17:30),
// created Mon 9 Feb 2026 10:00 and evaluated at 15:30 — as the engine returns it.
const T = at('2026-02-09T15:30:00+01:00');
const running: MetricResult = {
  metric: 'resolution',
  state: 'running',
  dueAt: '2026-02-11T10:00:00+01:00',
  dueMs: at('2026-02-11T10:00:00+01:00'),
  goalAt: '2026-02-10T10:00:00+01:00',
  goalPercent: 90,
  goalState: 'pending',
  atRisk: false,
  atRiskAt: '2026-02-10T14:15:00+01:00',
  clockStartedAt: '2026-02-09T10:00:00+01:00',
  stoppedAt: null,
  targetLabel: '2 business days',
  targetMs: 17 * H,
  elapsedMs: 5.5 * H,
  remainingMs: 11.5 * H,
  elapsedShare: 5.5 / 17,
  pauses: [],
  businessTime: true,
  openIntervals: [
    [at('2026-02-09T15:30:00+01:00'), at('2026-02-09T17:30:00+01:00')],
    [at('2026-02-10T09:00:00+01:00'), at('2026-02-10T17:30:00+01:00')],
    [at('2026-02-11T09:00:00+01:00'), at('2026-02-11T10:00:00+01:00')],
  ],
};

describe('openTimeBetween', () => {
  it('sums only the parts of the intervals between the two moments', () => {
    const iv: Array<[number, number]> = [
      [0, 10],
      [20, 30],
    ];
    expect(openTimeBetween(iv, 5, 25)).toBe(10);
    expect(openTimeBetween(iv, 25, 5)).toBe(0);
  });
});

describe('liveMetric', () => {
  it('gives the engine’s own figures at the evaluation time', () => {
    const l = liveMetric(running, T, T);
    expect(l.remainingMs).toBe(11.5 * H);
    expect(l.calendarRemainingMs).toBe(at('2026-02-11T10:00:00+01:00') - T);
    expect(l.elapsedShare).toBeCloseTo(5.5 / 17);
    expect(l.state).toBe('running');
    expect(l.ticking).toBe(true);
  });

  it('reads a page clock a moment behind the evaluation as the evaluation time, not as closed hours', () => {
    // The sidebar's last tick can be up to a second older than the evaluation it is shown with.
    const l = liveMetric(running, T, T - 800);
    expect(l.ticking).toBe(true);
    expect(l.idle).toBeUndefined();
    expect(l.state).toBe('running');
    expect(l.remainingMs).toBe(11.5 * H);
  });

  it('counts business time down while the calendar is open', () => {
    const l = liveMetric(running, T, T + H + 30 * 1000);
    expect(l.remainingMs).toBe(10.5 * H - 30 * 1000);
    expect(l.ticking).toBe(true);
  });

  it('stops counting after hours and says until when', () => {
    const l = liveMetric(running, T, at('2026-02-09T20:00:00+01:00'));
    expect(l.remainingMs).toBe(9.5 * H);
    expect(l.ticking).toBe(false);
    expect(l.state).toBe('running');
    expect(l.idle).toEqual({
      reason: 'closed-hours',
      sinceMs: at('2026-02-09T17:30:00+01:00'),
      untilMs: at('2026-02-10T09:00:00+01:00'),
    });
  });

  it('keeps counting calendar time down after hours', () => {
    const l = liveMetric(running, T, at('2026-02-09T20:00:00+01:00'));
    expect(l.calendarRemainingMs).toBe(at('2026-02-11T10:00:00+01:00') - at('2026-02-09T20:00:00+01:00'));
  });

  it('turns at risk exactly when a quarter of the target remains (the engine’s atRiskAt)', () => {
    const before = liveMetric(running, T, at('2026-02-10T14:14:59+01:00'));
    const onTime = liveMetric(running, T, at('2026-02-10T14:15:00+01:00'));
    expect(before.state).toBe('running');
    expect(onTime.state).toBe('at-risk');
    expect(onTime.atRisk).toBe(true);
    expect(onTime.remainingMs).toBe(4.25 * H);
  });

  it('uses the threshold it is given', () => {
    expect(liveMetric(running, T, at('2026-02-10T09:00:00+01:00'), 0.6).state).toBe('at-risk');
    expect(liveMetric(running, T, at('2026-02-10T09:00:00+01:00'), 0.5).state).toBe('running');
  });

  it('marks the soft goal missed once its moment passes on a running clock', () => {
    expect(liveMetric(running, T, at('2026-02-10T09:59:00+01:00')).goalState).toBe('pending');
    expect(liveMetric(running, T, at('2026-02-10T10:00:00+01:00')).goalState).toBe('missed');
  });

  it('turns breached when the deadline passes', () => {
    const l = liveMetric(running, T, at('2026-02-11T12:10:00+01:00'));
    expect(l.state).toBe('breached');
    expect(l.calendarRemainingMs).toBe(-(2 * H + 10 * MIN));
    expect(l.remainingMs).toBe(0);
    expect(l.atRisk).toBe(false);
    expect(l.idle).toBeUndefined();
  });

  it('keeps a paused clock paused and frozen, with when the pause began', () => {
    const paused: MetricResult = {
      ...running,
      state: 'paused',
      remainingMs: 6 * H,
      pauses: [{ from: '2026-02-09T14:02:00+01:00', to: null, status: 'pending' }],
      idle: { reason: 'paused', since: '2026-02-09T14:02:00+01:00' },
    };
    const l = liveMetric(paused, T, T + 50 * H);
    expect(l.state).toBe('paused');
    expect(l.remainingMs).toBe(6 * H);
    expect(l.calendarRemainingMs).toBeLessThan(0); // the projected dueAt passed while it waited
    expect(l.ticking).toBe(false);
    expect(l.atRisk).toBe(false);
    expect(l.idle).toEqual({ reason: 'paused', sinceMs: at('2026-02-09T14:02:00+01:00') });
    expect(liveMetric({ ...paused, remainingMs: H }, T, T).atRisk).toBe(true);
    expect(liveMetric({ ...paused, remainingMs: H }, T, T).state).toBe('paused');
  });

  it('freezes a met clock at what was left when it stopped', () => {
    const met: MetricResult = {
      ...running,
      state: 'met',
      stoppedAt: '2026-02-09T16:00:00+01:00',
      remainingMs: 11 * H,
      elapsedShare: 6 / 17,
      openIntervals: undefined,
    };
    const l = liveMetric(met, T, T + 48 * H);
    expect(l).toMatchObject({ state: 'met', remainingMs: 11 * H, ticking: false, stopped: true });
  });

  it('counts a calendar-time target down in real time once a closed window ends', () => {
    const calendar: MetricResult = {
      ...running,
      businessTime: false,
      targetMs: 4 * H,
      remainingMs: 4 * H,
      openIntervals: undefined,
      idle: { reason: 'not-started', until: '2026-02-09T16:00:00+01:00' },
    };
    const early = liveMetric(calendar, T, T + 10 * MIN);
    expect(early.ticking).toBe(false);
    expect(early.idle?.reason).toBe('not-started');
    expect(early.remainingMs).toBe(4 * H);
    const later = liveMetric(calendar, T, at('2026-02-09T17:00:00+01:00'));
    expect(later.ticking).toBe(true);
    expect(later.remainingMs).toBe(3 * H);
  });

  it('shows no countdown for a target in the contract’s words or an exempt metric', () => {
    const none: MetricResult = {
      ...running,
      state: 'none',
      dueAt: null,
      dueMs: undefined,
      targetLabel: 'Redelijke inspanning',
      targetMs: null,
      remainingMs: null,
      elapsedShare: null,
      openIntervals: undefined,
    };
    expect(liveMetric(none, T, T)).toMatchObject({
      state: 'none',
      remainingMs: null,
      calendarRemainingMs: null,
    });
    expect(liveMetric({ ...none, exempt: { reason: 'hotfix' } }, T, T).state).toBe('exempt');
  });
});

describe('mostUrgent', () => {
  const l = (state: LiveMetric['state'], remainingMs: number | null, stopped = false) => ({
    live: { state, remainingMs, stopped } as LiveMetric,
  });
  it('prefers a breached clock, then the least time left, and skips stopped clocks', () => {
    const breached = l('breached', -H);
    const soon = l('running', H);
    const later = l('running', 5 * H);
    expect(mostUrgent([later, soon])).toBe(soon);
    expect(mostUrgent([later, breached, soon])).toBe(breached);
    expect(mostUrgent([l('breached', -H, true), l('met', H, true), l('none', null)])).toBeNull();
  });
});

// The popup's and the badge's side: stored summaries from the registry.
const T0 = Date.parse('2026-03-02T09:00:00Z');

describe('live state of a stored evaluation', () => {
  it('turns a running clock at-risk at atRiskAt and breached at dueAt', () => {
    const m = summaryMetric({
      atRiskAt: new Date(T0 + H).toISOString(),
      dueAt: new Date(T0 + 2 * H).toISOString(),
    });
    expect(liveMetricState(m, T0)).toBe('running');
    expect(liveMetricState(m, T0 + H)).toBe('at-risk');
    expect(liveMetricState(m, T0 + 2 * H)).toBe('breached');
  });

  it('keeps a paused clock paused', () => {
    const m = summaryMetric({ state: 'paused', atRisk: true, dueAt: new Date(T0 - H).toISOString() });
    expect(liveMetricState(m, T0)).toBe('paused');
  });

  it('counts business time down only inside the open intervals', () => {
    const m = summaryMetric({
      businessTime: true,
      remainingMs: 3 * H,
      dueAt: new Date(T0 + 5 * H).toISOString(),
      openIntervals: [
        [T0, T0 + H],
        [T0 + 3 * H, T0 + 5 * H],
      ],
    });
    expect(liveRemainingMs(m, T0, T0 + 2 * H)).toBe(2 * H);
    expect(liveRemainingMs(m, T0, T0 + 4 * H)).toBe(H);
    expect(liveRemainingMs(m, T0, T0 + 6 * H)).toBe(-H);
  });

  it('counts calendar time down on the wall clock', () => {
    const m = summaryMetric({ remainingMs: 3 * H, dueAt: new Date(T0 + 3 * H).toISOString() });
    expect(liveRemainingMs(m, T0, T0 + H)).toBe(2 * H);
  });

  it('picks the worst metric, then the earliest deadline', () => {
    const s = {
      evaluatedAt: new Date(T0).toISOString(),
      policy: 'p',
      policyName: 'P',
      tier: 't',
      type: 'incident',
      priority: 'P1',
      metrics: {
        response: summaryMetric({ state: 'met' }),
        resolution: summaryMetric({ dueAt: new Date(T0 + H).toISOString() }),
      },
    };
    expect(summaryLiveState(s, T0)).toEqual({ state: 'running', metric: 'resolution', dueAt: T0 + H });
    expect(summaryLiveState(s, T0 + H).state).toBe('breached');
    expect(summaryLiveState(null, T0).state).toBe('none');
  });
});
