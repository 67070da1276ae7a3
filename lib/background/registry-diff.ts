/**
 * Whether a ticket's new registry entry says anything the stored one does not: what lets the
 * re-evaluating wake-up write only the tickets whose summary changed (issue 13), not every evaluated
 * ticket because its evaluation is a minute newer.
 *
 * Ignored, because they change on every evaluation and a reader gets the same answer from the stored
 * entry (`liveRemainingMs` / `rebasedCountdown`, lib/live/countdown.ts, count the stored summary down):
 * - `lastRefresh` and `evaluation.evaluatedAt`;
 * - a metric's `remainingMs`, while the stored summary counted down to the new evaluation's moment
 *   gives the same time left (within `REMAINING_TOLERANCE_MS`);
 * - its `openIntervals`, while the stored ones still ahead of the new moment agree with the new ones
 *   and there are at least `INTERVALS_AHEAD` of them (what the popup's rows carry), or all there are;
 * - a paused clock's `dueAt` / `atRiskAt` / `goalAt`: projections ("if it resumed now") that move
 *   with the wall clock while it waits, for up to `PAUSED_PROJECTION_MS` after the stored evaluation.
 * Everything else (state, at risk, goal state, the ticket, subject, …) is compared exactly.
 */
import { deepEqual } from '../config/diffPolicy';
import { liveRemainingMs, ms } from '../live/countdown';
import type { MetricSummary, RegistryEntry } from '../registry';

export const REMAINING_TOLERANCE_MS = 1000;
export const INTERVALS_AHEAD = 3;
export const PAUSED_PROJECTION_MS = 3_600_000;

/** `o` without the named fields (a shallow copy). */
function without<T extends object>(o: T, keys: readonly (keyof T)[]): Partial<T> {
  const copy: Partial<T> = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

const PROJECTIONS = ['dueAt', 'atRiskAt', 'goalAt'] as const;

function sameMetric(a: MetricSummary, aAt: number, b: MetricSummary, bAt: number): boolean {
  const paused = a.state === 'paused' && b.state === 'paused' && bAt - aAt < PAUSED_PROJECTION_MS;
  const skip: Array<keyof MetricSummary> = ['remainingMs', 'openIntervals', ...(paused ? PROJECTIONS : [])];
  if (!deepEqual(without(a, skip), without(b, skip))) return false;
  // What a view shows at the new moment: the stored summary counted down, the new one as it is.
  const was = liveRemainingMs(a, aAt, bAt);
  const is = liveRemainingMs(b, bAt, bAt);
  if (was === null || is === null) {
    if (was !== is || !deepEqual(a.remainingMs, b.remainingMs)) return false;
  } else if (Math.abs(was - is) > REMAINING_TOLERANCE_MS) return false;
  if (paused) return true;
  // The stored open intervals still ahead must agree with the new ones, and be enough to count down by.
  const ahead = a.openIntervals.filter(([, e]) => e > bAt).map(([s, e]) => [Math.max(s, bAt), e]);
  const fresh = b.openIntervals.map(([s, e]) => [Math.max(s, bAt), e]);
  const need = Math.min(INTERVALS_AHEAD, fresh.length);
  if (ahead.length < need) return false;
  const n = Math.min(ahead.length, fresh.length);
  return deepEqual(ahead.slice(0, n), fresh.slice(0, n));
}

/** True when `next` tells nothing `stored` does not (see the module header): no write needed. */
export function sameSummary(stored: RegistryEntry, next: RegistryEntry): boolean {
  if (stored === next) return true;
  const skip = ['lastRefresh', 'evaluation'] as const;
  if (!deepEqual(without(stored, skip), without(next, skip))) return false;
  const a = stored.evaluation;
  const b = next.evaluation;
  if (a === null || b === null) return a === b;
  if (!deepEqual(without(a, ['evaluatedAt', 'metrics']), without(b, ['evaluatedAt', 'metrics'])))
    return false;
  const aAt = ms(a.evaluatedAt);
  const bAt = ms(b.evaluatedAt);
  if (aAt === null || bAt === null || bAt < aAt) return deepEqual(a, b);
  const names = new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)]) as Set<
    keyof typeof a.metrics
  >;
  for (const name of names) {
    const ma = a.metrics[name];
    const mb = b.metrics[name];
    if (!ma || !mb) {
      if (ma !== mb) return false;
      continue;
    }
    if (!sameMetric(ma, aAt, mb, bAt)) return false;
  }
  return true;
}
