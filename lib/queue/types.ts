import type { Helpdesk } from '../registry/types';
import type { FetchLike, QueueError } from './http';

export interface QueueProgress {
  helpdesk: Helpdesk;
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
  maxRetries?: number;
  maxRetryAfterMs?: number;
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
  helpdesk: Helpdesk;
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
  helpdesk: Helpdesk;
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
