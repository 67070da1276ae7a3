/**
 * What a helpdesk's listing answers (its `list` in workers.ts): the open queue for the popup's refresh
 * and the queue watch, or the tickets finished in a range for compliance history. Run in the worker,
 * `fetch` and `sleep` passed in, never throw.
 */
import type { HelpdeskId } from './catalog';
import type { FetchLike, HttpDeps, HttpError } from './http';

/** A listing's failure: the HTTP client's error (http.ts), one taxonomy with the page reads. */
export type QueueError = HttpError;

export interface QueueProgress {
  helpdesk: HelpdeskId;
  host: string;
  /** Pages fetched so far. */
  page: number;
  /** Tickets fetched so far. */
  fetched: number;
  /** Total the helpdesk announced, when it does (Zendesk `count`). */
  total: number | null;
  /** Set while waiting out a 429. */
  waitingMs?: number;
}

export interface QueueDeps {
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  onProgress?: (p: QueueProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
  /** Stop after this many pages (default 50); the result says `truncated`. */
  maxPages?: number;
  /** Retries per request after 429/503 (default 3). */
  maxRetries?: number;
  /** Longest Retry-After waited out; longer ends the listing as 'rate-limited' (default 120 s). */
  maxRetryAfterMs?: number;
}

/** The HTTP client's dependencies for a listing: its retry bounds, 429 waits reported as progress. */
export function listingHttp(deps: QueueDeps, progress: (waitingMs?: number) => void): HttpDeps {
  return {
    fetch: deps.fetch,
    sleep: deps.sleep,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    maxRetries: deps.maxRetries ?? 3,
    maxRetryAfterMs: deps.maxRetryAfterMs ?? 120_000,
    onWait: (ms) => progress(ms),
  };
}

/**
 * Instead of the open queue: the tickets finished (Zendesk: solved; TOPdesk: completed) in
 * [from, to), epoch ms. Compliance history for a period.
 */
export interface FinishedRange {
  from: number;
  to: number;
}

/** One open ticket as listed by the helpdesk. `raw` is the API object, for the helpdesk adapter. */
export interface QueueTicket {
  helpdesk: HelpdeskId;
  host: string;
  ticketId: string;
  ticketKey: string;
  subject: string;
  link: string;
  status: string | null;
  priority: string | null;
  createdAt: string | null;
  raw: Record<string, unknown>;
}

interface QueueResultBase {
  helpdesk: HelpdeskId;
  host: string;
  /** Everything listed, also on failure (the pages before it). */
  tickets: QueueTicket[];
  pages: number;
  /** Rows the API returned that were not tickets we could read. */
  skipped: number;
}

export type QueueResult =
  | (QueueResultBase & {
      ok: true;
      /** Stopped at maxPages: the listing is incomplete. */ truncated: boolean;
    })
  | (QueueResultBase & { ok: false; error: QueueError });
