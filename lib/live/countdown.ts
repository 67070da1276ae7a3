/**
 * Live countdowns without the engine. The background evaluates a ticket at time T and sends each
 * metric with `remainingMs` and `openIntervals` (when the clock will be open from T up to the
 * deadline); from those, the business time left at any later `now` is plain arithmetic:
 *
 *   remaining(now) = remaining(T) − (open time between T and now)
 *
 * One countdown for both surfaces: the sidebar ticks an engine result (`liveMetric`), the popup and
 * the worker's badge tick the stored summaries of the registry (`liveRemainingMs`,
 * `summaryLiveState`); both subtract `openTimeBetween` and read states in one vocabulary.
 *
 * Pure and tiny (no luxon, no zod, no Date.now): it runs every second in the content script.
 * The background re-evaluates when the ticket changes and every minute or so, so the small
 * approximations below (no open intervals past the deadline or the horizon) never live long.
 */
import type { MetricSummary } from '../registry/types.ts';
import type { Evaluation, MetricName, MetricResult } from '../sla/types.ts';

/** What the sidebar shows: the engine's state, refined by the clock (running → at risk → breached). */
export type DisplayState = 'running' | 'at-risk' | 'paused' | 'met' | 'breached' | 'none' | 'exempt';

/**
 * A metric's state as a person reads it at `now`, where no exemption is known (stored summaries).
 * Paused clocks stay `paused` even when little time is left.
 */
export type LiveState = Exclude<DisplayState, 'exempt'>;

/** Most urgent first: breached, at risk, running, paused; then the finished ones. */
export const LIVE_SEVERITY: Record<LiveState, number> = {
  breached: 5,
  'at-risk': 4,
  running: 3,
  paused: 2,
  met: 1,
  none: 0,
};

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

/** Epoch ms of an ISO instant; null for none or an unreadable one. */
export function ms(iso: string | null | undefined): number | null {
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

const severity = (state: DisplayState) => (state === 'exempt' ? 0 : LIVE_SEVERITY[state]);

/**
 * The metric to show on the collapsed edge tab: a live clock (not stopped) with a deadline,
 * breached before at risk before running before paused, then least time left. null when none.
 */
export function mostUrgent<T extends { live: LiveMetric }>(metrics: readonly T[]): T | null {
  let best: T | null = null;
  for (const m of metrics) {
    const l = m.live;
    if (l.stopped || l.remainingMs === null || severity(l.state) < LIVE_SEVERITY.paused) continue;
    if (
      !best ||
      severity(l.state) > severity(best.live.state) ||
      (severity(l.state) === severity(best.live.state) && l.remainingMs < (best.live.remainingMs ?? Infinity))
    )
      best = m;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Stored summaries: the registry's evaluations, as the popup's queue rows and the badge tick them.

/** The part of a metric summary a live countdown needs (what the popup's queue rows carry). */
export type SummaryCountdown = Pick<
  MetricSummary,
  'state' | 'dueAt' | 'atRiskAt' | 'atRisk' | 'remainingMs' | 'businessTime' | 'openIntervals'
>;

/** The live part of a ticket's metric summaries (an evaluation summary, or a queue row). */
export interface CountdownSummary {
  metrics: Partial<Record<MetricName, SummaryCountdown>>;
}

/**
 * Only the fields a countdown uses, rebased to `base` (an instant at or after `evaluatedAt`): the
 * remaining time is what was left at `base`, and only the open intervals still ahead of `base` are kept
 * (at most `max`; the registry refreshes long before a popup could run through three business days).
 * `liveRemainingMs(rebasedCountdown(m, e, base), base, t)` equals `liveRemainingMs(m, e, t)` for t ≥ base.
 */
export function rebasedCountdown(
  m: MetricSummary,
  evaluatedAt: number,
  base: number,
  max = 3,
): SummaryCountdown {
  const ahead: Array<[number, number]> = [];
  for (const iv of m.openIntervals) {
    if (iv[1] <= base) continue;
    ahead.push(iv);
    if (ahead.length >= max) break;
  }
  const remaining = liveRemainingMs(m, evaluatedAt, base);
  return {
    state: m.state,
    dueAt: m.dueAt,
    atRiskAt: m.atRiskAt,
    atRisk: m.atRisk,
    remainingMs: remaining ?? m.remainingMs,
    businessTime: m.businessTime,
    openIntervals: ahead,
  };
}

/** The state of a stored summary at `now`: a running clock turns at-risk at `atRiskAt`, breached at `dueAt`. */
export function liveMetricState(m: SummaryCountdown, now: number): LiveState {
  switch (m.state) {
    case 'met':
    case 'none':
    case 'breached':
    case 'paused':
      return m.state;
    case 'running': {
      const due = ms(m.dueAt);
      if (due !== null && due <= now) return 'breached';
      const risk = ms(m.atRiskAt);
      if (m.atRisk || (risk !== null && risk <= now)) return 'at-risk';
      return 'running';
    }
  }
}

/**
 * Remaining target time at `now`: business ms while the deadline is ahead (counted down through the
 * stored open intervals), and minus the wall-clock time since the deadline once it has passed.
 * Null when the metric has no target or is finished.
 */
export function liveRemainingMs(m: SummaryCountdown, evaluatedAt: number, now: number): number | null {
  if (m.state === 'met' || m.state === 'none' || m.remainingMs === null) return null;
  const due = ms(m.dueAt);
  if (m.state === 'paused') return m.remainingMs;
  if (due !== null && now >= due) return -(now - due);
  if (m.state === 'breached') return m.remainingMs;
  if (now <= evaluatedAt) return m.remainingMs;
  const spent =
    m.businessTime && m.openIntervals.length > 0
      ? openTimeBetween(m.openIntervals, evaluatedAt, now)
      : m.businessTime
        ? 0
        : now - evaluatedAt;
  // The stored intervals are capped: past their end, never show "0" before the deadline has passed.
  return Math.max(m.businessTime ? 1000 : 0, m.remainingMs - spent);
}

export interface EntryLive {
  state: LiveState;
  /** The metric that decides the state (the next deadline), null when none runs. */
  metric: MetricName | null;
  /** Epoch ms of that metric's deadline. */
  dueAt: number | null;
}

/** The worst live state over the ticket's metrics; ties go to the earlier deadline. */
export function summaryLiveState(summary: CountdownSummary | null, now: number): EntryLive {
  let best: EntryLive = { state: 'none', metric: null, dueAt: null };
  if (!summary) return best;
  for (const name of ORDER) {
    const m = summary.metrics[name];
    if (!m) continue;
    const state = liveMetricState(m, now);
    const due = ms(m.dueAt);
    const sev = LIVE_SEVERITY[state];
    const bestSev = LIVE_SEVERITY[best.state];
    if (sev > bestSev || (sev === bestSev && due !== null && (best.dueAt === null || due < best.dueAt))) {
      best = { state, metric: state === 'met' || state === 'none' ? null : name, dueAt: due };
    }
  }
  return best;
}
