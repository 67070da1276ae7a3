import { describe, expect, it } from 'vitest';
import type { MetricSummary, Registry, RegistryEntry } from '../registry/types';
import { entry, summaryMetric } from '../../tests/support/registry';
import { badge, BADGE_COLORS } from './badge';
import { planAlerts, type AlertPrefs, type FiredMarkers, type PlannedNotification } from './plan';
import { notificationText } from './text';

const H = 3600_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const ON: AlertPrefs = { notifications: true };

function withMetric(
  id: string,
  m: Partial<MetricSummary>,
  metric: 'response' | 'resolution' = 'resolution',
): RegistryEntry {
  const e = entry({ id });
  return {
    ...e,
    evaluation: {
      evaluatedAt: iso(T0),
      policy: 'mextra',
      policyName: 'Mextra',
      tier: 'standard',
      type: 'incident',
      priority: 'high',
      metrics: { [metric]: summaryMetric(m) },
    },
  };
}

const running = (id: string, riskAt: number, dueAt: number) =>
  withMetric(id, { state: 'running', atRiskAt: iso(riskAt), dueAt: iso(dueAt) });

/** The background's loop with a fake clock: every wake reads markers, plans, keeps the new markers. */
function worker(prefs: AlertPrefs = ON) {
  let markers: FiredMarkers = {};
  const shown: PlannedNotification[] = [];
  return {
    wake(entries: RegistryEntry[], now: number) {
      const plan = planAlerts(entries, now, prefs, markers);
      markers = plan.markers;
      shown.push(...plan.notify);
      return plan;
    },
    shown,
    get markers() {
      return markers;
    },
  };
}

describe('alert planning', () => {
  it('warns at the at-risk instant and again at the deadline, each once, with alarms set at each transition', () => {
    const w = worker();
    const t = running('1', T0 + 6 * H, T0 + 8 * H);
    expect(w.wake([t], T0).nextAlarmAt).toBe(T0 + 6 * H);
    const atRisk = w.wake([t], T0 + 6 * H);
    expect(atRisk.notify).toMatchObject([
      {
        kind: 'single',
        id: 'zendesk:mextra.zendesk.com:1:resolution:at-risk',
        threshold: 'at-risk',
        ticketKey: '#1',
      },
    ]);
    expect(atRisk.nextAlarmAt).toBe(T0 + 8 * H);
    expect(w.wake([t], T0 + 7 * H).notify).toEqual([]);
    const breach = w.wake([t], T0 + 8 * H);
    expect(breach.notify).toMatchObject([{ threshold: 'breach', metric: 'resolution', dueAt: T0 + 8 * H }]);
    expect(breach.nextAlarmAt).toBeNull();
    expect(w.wake([t], T0 + 9 * H).notify).toEqual([]);
    expect(w.shown).toHaveLength(2);
  });

  it('gives one notification, not zero or two, when the deadline passed while the worker slept', () => {
    const w = worker();
    const t = running('1', T0 + 6 * H, T0 + 8 * H);
    w.wake([t], T0);
    const late = w.wake([t], T0 + 30 * H);
    expect(late.notify).toHaveLength(1);
    expect(late.notify[0]).toMatchObject({ threshold: 'breach' });
    expect(late.markers['zendesk:mextra.zendesk.com:1:resolution:at-risk']).toMatchObject({ silent: true });
    expect(w.wake([t], T0 + 30 * H + 1).notify).toEqual([]);
    // The worker was killed and restarted: the markers come back from storage.
    expect(planAlerts([t], T0 + 31 * H, ON, JSON.parse(JSON.stringify(w.markers))).notify).toEqual([]);
  });

  it('notifies a breach found already breached by the engine on wake-up', () => {
    const w = worker();
    const t = withMetric('1', { state: 'breached', dueAt: iso(T0 - H), atRiskAt: iso(T0 - 3 * H) });
    expect(w.wake([t], T0).notify).toMatchObject([{ threshold: 'breach' }]);
    expect(w.wake([t], T0 + H).notify).toEqual([]);
  });

  it('does not warn again when a paused ticket that was already at risk resumes', () => {
    const w = worker();
    w.wake([running('1', T0 + 6 * H, T0 + 8 * H)], T0 + 6 * H);
    // paused at 7h with one hour left: the deadline floats, the at-risk instant is in the past
    const paused = withMetric('1', {
      state: 'paused',
      atRiskAt: iso(T0 + 6 * H),
      dueAt: iso(T0 + 10 * H),
      atRisk: true,
    });
    expect(w.wake([paused], T0 + 9 * H)).toMatchObject({ notify: [], nextAlarmAt: null });
    // resumed at 12h: at-risk instant (shifted by the pause) has passed, deadline 13h
    const resumed = running('1', T0 + 11 * H, T0 + 13 * H);
    expect(w.wake([resumed], T0 + 12 * H).notify).toEqual([]);
    expect(w.wake([resumed], T0 + 13 * H).notify).toMatchObject([{ threshold: 'breach' }]);
    expect(w.shown.map((n) => n.kind === 'single' && n.threshold)).toEqual(['at-risk', 'breach']);
  });

  it('fires once more, for the new deadline only, when a deadline moves later', () => {
    const w = worker();
    w.wake([running('1', T0 + 6 * H, T0 + 8 * H)], T0 + 8 * H); // breached at 8h
    const moved = running('1', T0 + 14 * H, T0 + 16 * H); // priority lowered at 9h
    expect(w.wake([moved], T0 + 9 * H)).toMatchObject({ notify: [], nextAlarmAt: T0 + 14 * H });
    expect(w.wake([moved], T0 + 14 * H).notify).toMatchObject([{ threshold: 'at-risk' }]);
    expect(w.wake([moved], T0 + 16 * H).notify).toMatchObject([{ threshold: 'breach', at: T0 + 16 * H }]);
    expect(w.wake([moved], T0 + 17 * H).notify).toEqual([]);
  });

  it('never fires twice when a deadline moves earlier', () => {
    const w = worker();
    w.wake([running('1', T0 + 6 * H, T0 + 8 * H)], T0 + 8 * H);
    expect(w.wake([running('1', T0 + 5 * H, T0 + 7 * H)], T0 + 9 * H).notify).toEqual([]);
  });

  it('ignores tiny shifts of a deadline that already fired', () => {
    const w = worker();
    w.wake([running('1', T0 + 6 * H, T0 + 8 * H)], T0 + 8 * H);
    expect(w.wake([running('1', T0 + 6 * H, T0 + 8 * H + 30_000)], T0 + 8 * H + 10_000).notify).toEqual([]);
    expect(w.wake([running('1', T0 + 6 * H, T0 + 8 * H + 30_000)], T0 + 8 * H + 40_000).notify).toEqual([]);
  });

  it('warns when the goal passes on a contract with a goal', () => {
    const w = worker();
    const t = withMetric('1', {
      state: 'running',
      atRiskAt: iso(T0 + 5 * H),
      goalAt: iso(T0 + 4 * H),
      goalState: 'pending',
      dueAt: iso(T0 + 6 * H),
    });
    expect(w.wake([t], T0).nextAlarmAt).toBe(T0 + 4 * H);
    expect(w.wake([t], T0 + 4 * H).notify).toMatchObject([{ threshold: 'goal' }]);
    expect(w.wake([t], T0 + 5 * H).notify).toMatchObject([{ threshold: 'at-risk' }]);
  });

  it('coalesces more than three alerts at once into one summary, and marks them all', () => {
    const w = worker();
    const many = ['1', '2', '3', '4', '5'].map((id) => running(id, T0 + H, T0 + 2 * H));
    const plan = w.wake(many, T0 + 3 * H);
    expect(plan.notify).toHaveLength(1);
    expect(plan.notify[0]).toMatchObject({
      kind: 'summary',
      count: 5,
      byThreshold: { breach: 5, 'at-risk': 0, goal: 0 },
    });
    expect(Object.values(plan.markers).filter((m) => !m.silent)).toHaveLength(5);
    expect(w.wake(many, T0 + 4 * H).notify).toEqual([]);
  });

  it('shows three alerts at once one by one, most severe first', () => {
    const plan = planAlerts(
      [running('1', T0 + H, T0 + 9 * H), running('2', T0 - H, T0), running('3', T0 - H, T0 + 9 * H)],
      T0 + 2 * H,
      ON,
      {},
    );
    expect(plan.notify.map((n) => n.kind === 'single' && [n.ticketKey, n.threshold])).toEqual([
      ['#2', 'breach'],
      ['#3', 'at-risk'],
      ['#1', 'at-risk'],
    ]);
  });

  it('shows nothing with notifications off, and releases no backlog when they are turned on again', () => {
    const t = running('1', T0 + H, T0 + 2 * H);
    const off = planAlerts([t], T0 + 3 * H, { notifications: false }, {});
    expect(off.notify).toEqual([]);
    expect(off.nextAlarmAt).toBeNull();
    expect(planAlerts([t], T0 + 4 * H, ON, off.markers).notify).toEqual([]);
  });

  it('keeps scheduling alarms with notifications off, because the badge changes too', () => {
    expect(planAlerts([running('1', T0 + H, T0 + 2 * H)], T0, { notifications: false }, {}).nextAlarmAt).toBe(
      T0 + H,
    );
  });

  it('can switch one threshold off', () => {
    const plan = planAlerts(
      [running('1', T0 + H, T0 + 9 * H)],
      T0 + 2 * H,
      { notifications: true, thresholds: { 'at-risk': false } },
      {},
    );
    expect(plan.notify).toEqual([]);
  });

  it('never notifies paused, met or stopped clocks, and forgets markers of met metrics', () => {
    const paused = withMetric('p', { state: 'paused', atRiskAt: iso(T0 - H), dueAt: iso(T0 + H) });
    const met = withMetric('m', { state: 'met', dueAt: iso(T0 - H) });
    const stopped = withMetric('s', { state: 'breached', dueAt: iso(T0 - H), stoppedAt: iso(T0) });
    const plan = planAlerts([paused, met, stopped], T0 + 2 * H, ON, {
      'zendesk:mextra.zendesk.com:m:resolution:breach': { at: T0 - H, firedAt: T0 },
    });
    expect(plan).toEqual({ notify: [], nextAlarmAt: null, markers: {} });
  });

  it('does not notify again when a breached ticket is briefly without an evaluation (issue 19 #4)', () => {
    const w = worker();
    const breached = ['1', '2', '3'].map((id) => running(id, T0 - 2 * H, T0 - H));
    expect(w.wake(breached, T0).notify).toHaveLength(3);
    // The assignment is removed (no policy: the wake clears the evaluations), then added back.
    const unevaluated = breached.map((e) => ({ ...e, evaluation: null }));
    expect(w.wake(unevaluated, T0 + 60_000).notify).toEqual([]);
    expect(w.wake(breached, T0 + 120_000).notify).toEqual([]);
    // Only leaving the registry forgets them.
    w.wake([breached[0]!], T0 + 180_000);
    expect(Object.keys(w.markers).every((id) => id.startsWith(breached[0]!.key))).toBe(true);
  });

  it('accepts a whole registry and gives the earliest transition of any running clock', () => {
    const a = running('a', T0 + 5 * H, T0 + 6 * H);
    const b = withMetric('b', { state: 'running', dueAt: iso(T0 + 2 * H) }, 'response');
    const reg: Registry = { version: 2, entries: { [a.key]: a, [b.key]: b } };
    expect(planAlerts(reg, T0, ON, {}).nextAlarmAt).toBe(T0 + 2 * H);
  });

  it('words notifications in English and Dutch', () => {
    const [n] = planAlerts([running('1', T0 + H, T0 + 2 * H)], T0 + 3 * H, ON, {}).notify;
    expect(notificationText(n!, 'en', 'Europe/Amsterdam')).toEqual({
      title: 'SLA breached: #1 (high)',
      message: 'resolution deadline passed (Mon 11:00)',
      contextMessage: 'Ticket 1',
    });
    expect(notificationText(n!, 'nl', 'Europe/Amsterdam').title).toBe('SLA verbroken: #1 (high)');
    const many = planAlerts(
      ['1', '2', '3', '4'].map((id) => running(id, T0 + H, T0 + 9 * H)),
      T0 + 2 * H,
      ON,
      {},
    );
    expect(notificationText(many.notify[0]!, 'nl', 'UTC')).toEqual({
      title: '4 SLA-meldingen',
      message: '4 in gevaar — open de pop-up voor de lijst',
    });
  });
});

describe('toolbar badge', () => {
  it('is empty and grey when nothing needs attention', () => {
    expect(badge([running('1', T0 + H, T0 + 2 * H)], T0)).toEqual({
      text: '',
      color: BADGE_COLORS.none,
      breached: 0,
      atRisk: 0,
    });
  });

  it('counts breached plus at-risk open tickets, amber when none is breached', () => {
    expect(badge([running('1', T0 + H, T0 + 2 * H), running('2', T0 - H, T0 + 2 * H)], T0)).toMatchObject({
      text: '1',
      color: BADGE_COLORS['at-risk'],
    });
  });

  it('turns red as soon as one is breached, on the clock alone', () => {
    const list = [running('1', T0 + H, T0 + 2 * H), running('2', T0 - H, T0 + 3 * H)];
    expect(badge(list, T0 + 2 * H)).toEqual({
      text: '2',
      color: BADGE_COLORS.breached,
      breached: 1,
      atRisk: 1,
    });
  });

  it('leaves out finished tickets and tickets without an evaluation', () => {
    const done = withMetric('d', { state: 'breached', dueAt: iso(T0 - H), stoppedAt: iso(T0) });
    expect(badge([done, entry({ id: 'x' })], T0).text).toBe('');
  });
});
