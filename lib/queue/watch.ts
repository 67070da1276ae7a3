/**
 * The queue watch's pure rules (lib/background/watch.ts runs them): a request meter laid over `fetch`
 * (request budget per poll, Zendesk's `X-Rate-Limit` / `X-Rate-Limit-Remaining`, 429 `Retry-After`,
 * a login page where JSON was asked for), when the next poll is due (interval, jitter, postponement),
 * and the backoff after repeated network or server failures.
 */
import { parseRetryAfter, type FetchLike } from '../helpdesks/http';

/** At most this many requests per host and poll (list pages first; details until the budget is spent). */
export const DEFAULT_POLL_BUDGET = 100;
/** Fewer than this share of the account's rate limit left: stop reading details, postpone the next poll. */
export const LOW_RATE_SHARE = 0.2;
/** Consecutive network/5xx failures before the popup reports them (the ones before are retried quietly). */
export const REPORT_AFTER_FAILURES = 3;
/** Longest backoff after failures. */
export const MAX_BACKOFF_MS = 30 * 60_000;
/** The interval varies by this share either way, so browsers watching one account spread out. */
export const JITTER_SHARE = 0.1;

export interface MeterReport {
  /** Requests sent through the meter. */
  requests: number;
  /** Last `X-Rate-Limit` / `X-Rate-Limit-Remaining` seen (Zendesk), or null. */
  rateLimit: { limit: number; remaining: number } | null;
  /** Longest Retry-After a 429 asked for (ms), or null when none came. */
  retryAfterMs: number | null;
  /** A response that was an HTML page (a login page) where the API answers JSON. */
  sawLoginPage: boolean;
}

export interface Meter extends MeterReport {
  fetch: FetchLike;
  /** False once the budget is spent or the account's rate limit is nearly used up. */
  allows(): boolean;
  /** Why `allows()` said no: 'budget' | 'rate-limit'; null while it allows. */
  stopReason(): 'budget' | 'rate-limit' | null;
  report(): MeterReport;
}

const num = (v: string | null) => (v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null);

/** Wraps `fetch`: counts requests and reads the headers that say how polite to be. */
export function meter(
  fetch: FetchLike,
  options: { budget?: number; lowShare?: number; now?: () => number } = {},
): Meter {
  const budget = options.budget ?? DEFAULT_POLL_BUDGET;
  const lowShare = options.lowShare ?? LOW_RATE_SHARE;
  const now = options.now ?? Date.now;
  const m: Meter = {
    requests: 0,
    rateLimit: null,
    retryAfterMs: null,
    sawLoginPage: false,
    fetch: async (url, init) => {
      m.requests++;
      const res = await fetch(url, init);
      const limit = num(res.headers.get('X-Rate-Limit'));
      const remaining = num(res.headers.get('X-Rate-Limit-Remaining'));
      if (limit !== null && remaining !== null && limit > 0) m.rateLimit = { limit, remaining };
      if (res.status === 429) {
        const wait = parseRetryAfter(res.headers.get('Retry-After'), now()) ?? 60_000;
        m.retryAfterMs = Math.max(m.retryAfterMs ?? 0, wait);
      }
      if (res.ok && /text\/html/i.test(res.headers.get('content-type') ?? '')) m.sawLoginPage = true;
      return res;
    },
    stopReason: () => {
      if (m.requests >= budget) return 'budget';
      if (m.rateLimit && m.rateLimit.remaining < m.rateLimit.limit * lowShare) return 'rate-limit';
      return null;
    },
    allows: () => m.stopReason() === null,
    report: () => ({
      requests: m.requests,
      rateLimit: m.rateLimit,
      retryAfterMs: m.retryAfterMs,
      sawLoginPage: m.sawLoginPage,
    }),
  };
  return m;
}

/** A jitter factor in [1 − JITTER_SHARE, 1 + JITTER_SHARE] from a number in [0, 1). */
export const jitterFactor = (random: number) => 1 - JITTER_SHARE + 2 * JITTER_SHARE * random;

/**
 * When the next poll is due: never polled → now; else the last poll plus the interval (times this
 * browser's jitter); and not before the first host may be asked again (every host postponed or backing
 * off: the earliest of their `retryAt`). Null when the watch is off.
 */
export function nextPollAt(
  state: { lastPollAt: number | null; jitter: number; hosts: Record<string, { retryAt: number | null }> },
  intervalMinutes: number,
  now: number,
  assignedHosts: readonly string[] = Object.keys(state.hosts),
): number | null {
  if (intervalMinutes <= 0 || assignedHosts.length === 0) return null;
  const regular =
    state.lastPollAt === null ? now : state.lastPollAt + Math.round(intervalMinutes * 60_000 * state.jitter);
  const ready = Math.min(...assignedHosts.map((h) => state.hosts[h]?.retryAt ?? 0));
  return Math.max(regular, ready);
}

/** Hosts whose session expired (or TOPdesk without a password): the badge's sign-in state. */
export function signInNeeded(state: { hosts: Record<string, { status: string }> }): string[] {
  return Object.entries(state.hosts)
    .filter(([, h]) => h.status === 'auth' || h.status === 'no-credentials')
    .map(([host]) => host)
    .sort();
}

/**
 * After a poll: how long to hold off the next one beyond the interval. A 429 → its Retry-After and
 * one more interval (the wait was already served inside the poll; the next poll does not pile on).
 * The account's limit nearly used → one more interval. Else none.
 */
export function postponement(
  report: MeterReport,
  intervalMinutes: number,
  finishedAt: number,
): number | null {
  const interval = intervalMinutes * 60_000;
  const low =
    report.rateLimit !== null && report.rateLimit.remaining < report.rateLimit.limit * LOW_RATE_SHARE;
  if (report.retryAfterMs !== null) return finishedAt + interval + Math.max(report.retryAfterMs, interval);
  if (low) return finishedAt + 2 * interval;
  return null;
}

/** Backoff after `failures` consecutive network/5xx failures: the interval doubled per failure, capped. */
export function backoffMs(failures: number, intervalMinutes: number): number {
  const interval = Math.max(1, intervalMinutes) * 60_000;
  return Math.min(MAX_BACKOFF_MS, interval * 2 ** Math.max(0, failures - 1));
}
