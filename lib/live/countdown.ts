/**
 * Live countdowns without the engine. The background evaluates a ticket at time T and sends each
 * metric with `remainingMs` and `openIntervals` (when the clock will be open from T up to the
 * deadline); from those, the business time left at any later `now` is plain arithmetic:
 *
 *   remaining(now) = remaining(T) − (open time between T and now)
 *
 * Pure and tiny (no luxon, no zod, no Date.now): it runs every second in the content script.
 * The background re-evaluates when the ticket changes and every minute or so, so the small
 * approximations below (no open intervals past the deadline or the horizon) never live long.
 */
import type { Evaluation, MetricName, MetricResult } from '../sla/types.ts';

/** What the sidebar shows: the engine's state, refined by the clock (running → at risk → breached). */
export type DisplayState = 'running' | 'at-risk' | 'paused' | 'met' | 'breached' | 'none' | 'exempt';

export type LiveIdleReason = 'paused' | 'closed-hours' | 'not-started';

export interface LiveMetric {
  state: DisplayState;
  /**
   * Time left on the target now: business ms for business targets, elapsed ms for calendar targets.
   * Negative when over. After the deadline it stays at the engine's figure (open intervals end at
   * the deadline); use `calendarRemainingMs` for "breached 2 h ago". Frozen while paused or stopped;
   * for met, how much was left when the clock stopped. null without a target.
   */
  remainingMs: number | null;
  /** dueAt − now in real time (negative when past). null without a deadline. */
  calendarRemainingMs: number | null;
  /** Share of the target used now (0..∞). null without a target. */
  elapsedShare: number | null;
  /** Whether the clock counts at `now` (open hours, not paused, not stopped). */
  ticking: boolean;
  /** Why a live clock is not counting at `now`. */
  idle?: { reason: LiveIdleReason; sinceMs?: number; untilMs?: number | null };
  /** remaining ≤ threshold × target while the clock is live (running or paused). */
  atRisk: boolean;
  /** The soft goal's state now (pending turns missed once the goal moment passes on a running clock). */
  goalState?: 'pending' | 'met' | 'missed';
  dueMs: number | null;
  goalMs: number | null;
  /** The clock stopped for good (reply, solved): nothing counts any more. */
  stopped: boolean;
}

/** Open time of `intervals` between a and b (0 when b ≤ a). */
export function openTimeBetween(
  intervals: ReadonlyArray<readonly [number, number]>,
  a: number,
  b: number,
): number {
  let sum = 0;
  for (const [s, e] of intervals) {
    const from = Math.max(s, a);
    const to = Math.min(e, b);
    if (to > from) sum += to - from;
  }
  return sum;
}

function ms(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const v = Date.parse(iso);
  return Number.isFinite(v) ? v : null;
}

/**
 * The metric as it stands at `pageNowMs` (or at `evaluatedAtMs` when the page's clock is still behind
 * it), from its evaluation at `evaluatedAtMs`.
 * `atRiskShare`: at risk when at most this share of the target remains (Options; default 0.25).
 */
export function liveMetric(
  metric: MetricResult,
  evaluatedAtMs: number,
  pageNowMs: number,
  atRiskShare = 0.25,
): LiveMetric {
  // The page's clock ticks once a second, so a fresh evaluation can be newer than the last tick: a
  // moment before T is read as T (the engine's own state), never as "closed until T" (issue 18).
  const nowMs = Math.max(pageNowMs, evaluatedAtMs);
  const dueMs = metric.dueMs ?? ms(metric.dueAt);
  const goalMs = metric.goalMs ?? ms(metric.goalAt);
  const stopped = metric.stoppedAt !== null;
  const target = metric.targetMs;
  const calendarRemainingMs = dueMs === null ? null : dueMs - nowMs;
  const base = { dueMs, goalMs, stopped, goalState: metric.goalState, calendarRemainingMs };

  if (metric.exempt) {
    return { ...base, state: 'exempt', remainingMs: null, elapsedShare: null, ticking: false, atRisk: false };
  }
  if (metric.state === 'none' || target === null || metric.remainingMs === null) {
    return { ...base, state: 'none', remainingMs: null, elapsedShare: null, ticking: false, atRisk: false };
  }
  const share = (remaining: number) => (target > 0 ? (target - remaining) / target : 1);
  if (metric.state === 'met' || (metric.state === 'breached' && stopped)) {
    return {
      ...base,
      state: metric.state,
      remainingMs: metric.remainingMs,
      elapsedShare: metric.elapsedShare ?? share(metric.remainingMs),
      ticking: false,
      atRisk: false,
    };
  }

  // A live clock: running, paused, or breached and still counting.
  const intervals = metric.openIntervals;
  let remaining = metric.remainingMs;
  let ticking: boolean;
  let idle: LiveMetric['idle'];
  if (metric.state === 'paused') {
    ticking = false;
    idle = { reason: 'paused', sinceMs: ms(metric.idle?.since ?? metric.pauses.at(-1)?.from) ?? undefined };
  } else if (intervals && intervals.length > 0) {
    remaining -= openTimeBetween(intervals, evaluatedAtMs, nowMs);
    ticking = intervals.some(([s, e]) => s <= nowMs && nowMs < e);
    if (!ticking && (dueMs === null || nowMs < dueMs)) {
      const next = intervals.find(([s]) => s > nowMs);
      const prev = intervals.filter(([, e]) => e <= nowMs).at(-1);
      const started = ms(metric.clockStartedAt);
      const notStarted = metric.idle?.reason === 'not-started' && started !== null && nowMs < started;
      idle = {
        reason: notStarted ? 'not-started' : 'closed-hours',
        sinceMs: prev ? prev[1] : (ms(metric.idle?.since) ?? undefined),
        untilMs: next ? next[0] : null,
      };
    }
  } else {
    // No intervals: count elapsed time for calendar targets once any idle window at T is over;
    // business targets stay at the engine's figure until the next evaluation.
    const idleUntil = ms(metric.idle?.until);
    const countFrom = Math.max(evaluatedAtMs, idleUntil ?? evaluatedAtMs);
    if (!metric.businessTime) remaining -= Math.max(0, nowMs - countFrom);
    ticking = metric.businessTime ? !metric.idle : nowMs >= countFrom;
    if (!ticking && metric.idle) {
      idle = {
        reason: metric.idle.reason,
        sinceMs: ms(metric.idle.since) ?? undefined,
        untilMs: ms(metric.idle.until),
      };
    }
  }

  // A paused clock's dueAt is a projection ("if it resumed at T") that moves while it waits: only
  // time actually used can breach it.
  const paused = metric.state === 'paused';
  const breached =
    metric.state === 'breached' || remaining < 0 || (!paused && dueMs !== null && nowMs >= dueMs);
  const atRisk = !breached && remaining <= atRiskShare * target;
  let goalState = metric.goalState;
  if (goalState === 'pending' && goalMs !== null && nowMs >= goalMs && !paused) goalState = 'missed';
  return {
    ...base,
    goalState,
    state: breached ? 'breached' : paused ? 'paused' : atRisk ? 'at-risk' : 'running',
    remainingMs: remaining,
    elapsedShare: share(remaining),
    ticking,
    idle: breached ? undefined : idle,
    atRisk,
  };
}

export interface LiveEvaluation {
  evaluatedAtMs: number;
  metrics: Array<{ name: MetricName; result: MetricResult; live: LiveMetric }>;
}

const ORDER: readonly MetricName[] = ['response', 'resolution'];

/** Every metric of an evaluation at `nowMs`, response first. */
export function liveEvaluation(evaluation: Evaluation, nowMs: number, atRiskShare = 0.25): LiveEvaluation {
  const evaluatedAtMs = ms(evaluation.evaluatedAt) ?? nowMs;
  const metrics: LiveEvaluation['metrics'] = [];
  for (const name of ORDER) {
    const result = evaluation.metrics[name];
    if (result) metrics.push({ name, result, live: liveMetric(result, evaluatedAtMs, nowMs, atRiskShare) });
  }
  return { evaluatedAtMs, metrics };
}

const URGENCY: Record<DisplayState, number> = {
  breached: 0,
  'at-risk': 1,
  running: 2,
  paused: 3,
  met: 9,
  none: 9,
  exempt: 9,
};

/**
 * The metric to show on the collapsed edge tab: a live clock (not stopped) with a deadline,
 * breached before at risk before running before paused, then least time left. null when none.
 */
export function mostUrgent<T extends { live: LiveMetric }>(metrics: readonly T[]): T | null {
  let best: T | null = null;
  for (const m of metrics) {
    const l = m.live;
    if (l.stopped || l.remainingMs === null || URGENCY[l.state] > 3) continue;
    if (
      !best ||
      URGENCY[l.state] < URGENCY[best.live.state] ||
      (URGENCY[l.state] === URGENCY[best.live.state] && l.remainingMs < (best.live.remainingMs ?? Infinity))
    )
      best = m;
  }
  return best;
}
