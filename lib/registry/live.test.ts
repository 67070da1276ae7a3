import { describe, expect, it } from 'vitest';
import { liveMetricState, liveRemainingMs, openOverlapMs, summaryLiveState } from './live';
import { summaryMetric } from '../../tests/support/registry';

const H = 3600_000;
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

  it('measures overlap of half-open intervals', () => {
    expect(
      openOverlapMs(
        [
          [0, 10],
          [20, 30],
        ],
        5,
        25,
      ),
    ).toBe(10);
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
