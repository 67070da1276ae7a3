/**
 * Live state of a stored evaluation at any `now`, without the engine: a running clock turns at-risk at
 * `atRiskAt` and breached at `dueAt`; its business time counts down through the stored open intervals.
 * Pure and zod-free, so the popup can use it to tick its countdowns.
 */
import type { MetricName } from '../sla/types';
import type { MetricSummary, RegistryEntry } from './types';

/** The part of a metric summary a live countdown needs (what the popup's queue rows carry). */
export type LiveMetric = Pick<
  MetricSummary,
  'state' | 'dueAt' | 'atRiskAt' | 'atRisk' | 'remainingMs' | 'businessTime' | 'openIntervals'
>;

/** The live part of a ticket's metric summaries (an evaluation summary, or a queue row). */
export interface LiveMetrics {
  metrics: Partial<Record<MetricName, LiveMetric>>;
}

/**
 * Only the fields a countdown uses, rebased to `base` (an instant at or after `evaluatedAt`): the
 * remaining time is what was left at `base`, and only the open intervals still ahead of `base` are kept
 * (at most `max`; the registry refreshes long before a popup could run through three business days).
 * `liveRemainingMs(liveMetric(m, e, base), base, t)` equals `liveRemainingMs(m, e, t)` for t ≥ base.
 */
export function liveMetric(m: MetricSummary, evaluatedAt: number, base: number, max = 3): LiveMetric {
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

/** A metric's state as a person reads it at `now`. Paused clocks stay `paused` even when little time is left. */
export type LiveState = 'breached' | 'at-risk' | 'running' | 'paused' | 'met' | 'none';

/** Most urgent first. */
export const LIVE_SEVERITY: Record<LiveState, number> = {
  breached: 5,
  'at-risk': 4,
  running: 3,
  paused: 2,
  met: 1,
  none: 0,
};

export const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** Milliseconds of [from, to) covered by the intervals. */
export function openOverlapMs(
  intervals: ReadonlyArray<readonly [number, number]>,
  from: number,
  to: number,
): number {
  let sum = 0;
  for (const [a, b] of intervals) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}

export function liveMetricState(m: LiveMetric, now: number): LiveState {
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
export function liveRemainingMs(m: LiveMetric, evaluatedAt: number, now: number): number | null {
  if (m.state === 'met' || m.state === 'none' || m.remainingMs === null) return null;
  const due = ms(m.dueAt);
  if (m.state === 'paused') return m.remainingMs;
  if (due !== null && now >= due) return -(now - due);
  if (m.state === 'breached') return m.remainingMs;
  if (now <= evaluatedAt) return m.remainingMs;
  const spent =
    m.businessTime && m.openIntervals.length > 0
      ? openOverlapMs(m.openIntervals, evaluatedAt, now)
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

const METRICS: MetricName[] = ['response', 'resolution'];

/** The worst live state over the ticket's metrics; ties go to the earlier deadline. */
export function summaryLiveState(summary: LiveMetrics | null, now: number): EntryLive {
  let best: EntryLive = { state: 'none', metric: null, dueAt: null };
  if (!summary) return best;
  for (const name of METRICS) {
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

/** A ticket is finished when every metric it has is met, breached-and-stopped or none, or its status says so. */
export function isFinished(entry: Pick<RegistryEntry, 'ticket' | 'evaluation'>): boolean {
  const last = lastStatus(entry);
  if (last === 'solved' || last === 'closed') return true;
  const metrics = Object.values(entry.evaluation?.metrics ?? {});
  if (metrics.length === 0) return false;
  return metrics.every(
    (m) => m.state === 'met' || m.state === 'none' || (m.state === 'breached' && m.stoppedAt !== null),
  );
}

function lastStatus(entry: Pick<RegistryEntry, 'ticket'>) {
  let status: string | null = null;
  let at = -Infinity;
  for (const e of entry.ticket.events ?? []) {
    if (e.type !== 'status') continue;
    const t = Date.parse(e.at);
    if (t >= at) {
      at = t;
      status = e.status;
    }
  }
  return status;
}

/**
 * When a finished ticket finished (epoch ms): its last solved/closed status event, else the latest
 * moment a metric stopped. Null for unfinished tickets.
 */
export function finishedAt(entry: Pick<RegistryEntry, 'ticket' | 'evaluation'>): number | null {
  if (!isFinished(entry)) return null;
  let at: number | null = null;
  for (const e of entry.ticket.events ?? []) {
    if (e.type === 'status' && (e.status === 'solved' || e.status === 'closed')) {
      const t = Date.parse(e.at);
      if (!Number.isNaN(t) && (at === null || t > at)) at = t;
    }
  }
  if (at !== null) return at;
  for (const m of Object.values(entry.evaluation?.metrics ?? {})) {
    const t = ms(m.stoppedAt);
    if (t !== null && (at === null || t > at)) at = t;
  }
  return at;
}
