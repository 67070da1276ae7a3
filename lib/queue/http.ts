/**
 * One GET with rate-limit handling, for the queue fetchers: honours 429 (and 503) `Retry-After`
 * (seconds or HTTP date), backs off exponentially when the header is missing, and never throws.
 * `fetch` and `sleep` are passed in, so tests drive it with fixtures and a fake clock.
 */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  /** For `Retry-After` given as an HTTP date. */
  now?: () => number;
  signal?: AbortSignal;
  /** Retries per request after 429/503 (default 3). */
  maxRetries?: number;
  /** Longest wait the fetcher accepts; a longer Retry-After ends the refresh with 'rate-limited' (default 120 s). */
  maxRetryAfterMs?: number;
  /** Called before each wait, with the wait in ms. */
  onWait?: (ms: number) => void;
}

export type QueueErrorKind = 'http' | 'auth' | 'network' | 'rate-limited' | 'parse' | 'aborted';

export interface QueueError {
  kind: QueueErrorKind;
  message: string;
  status?: number;
  url?: string;
  /** For 'rate-limited': how long the server asked to wait. */
  retryAfterMs?: number;
}

export type HttpResult = { ok: true; status: number; body: unknown } | { ok: false; error: QueueError };

/** `Authorization` value for HTTP Basic auth (UTF-8 user and password, as TOPdesk expects). */
export function basicAuth(c: { username: string; password: string }): string {
  const bytes = new TextEncoder().encode(`${c.username}:${c.password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** An instant as helpdesk queries take it: ISO 8601 in UTC, whole seconds (`2026-11-01T00:00:00Z`). */
export function queryInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The URL without its query, for messages (queries may hold search terms, never secrets, but stay short). */
const shortUrl = (url: string) => url.split('?')[0] ?? url;

export async function getJson(url: string, init: RequestInit, deps: HttpDeps): Promise<HttpResult> {
  const maxRetries = deps.maxRetries ?? 3;
  const cap = deps.maxRetryAfterMs ?? 120_000;
  for (let attempt = 0; ; attempt++) {
    if (deps.signal?.aborted)
      return { ok: false, error: { kind: 'aborted', message: 'refresh cancelled', url: shortUrl(url) } };
    let res: Response;
    try {
      res = await deps.fetch(url, { ...init, signal: deps.signal });
    } catch (e) {
      const aborted = deps.signal?.aborted || (e instanceof Error && e.name === 'AbortError');
      return {
        ok: false,
        error: {
          kind: aborted ? 'aborted' : 'network',
          message: aborted
            ? 'refresh cancelled'
            : `network error: ${e instanceof Error ? e.message : String(e)}`,
          url: shortUrl(url),
        },
      };
    }
    if (res.status === 429 || (res.status === 503 && res.headers.has('Retry-After'))) {
      const asked = parseRetryAfter(res.headers.get('Retry-After'), deps.now?.() ?? Date.now());
      const wait = asked ?? 1000 * 2 ** attempt;
      if (attempt >= maxRetries || wait > cap) {
        return {
          ok: false,
          error: {
            kind: 'rate-limited',
            status: res.status,
            message: `rate limited by the helpdesk (HTTP ${res.status})`,
            url: shortUrl(url),
            retryAfterMs: wait,
          },
        };
      }
      deps.onWait?.(wait);
      await deps.sleep(wait);
      continue;
    }
    if (res.status === 204) return { ok: true, status: 204, body: null };
    if (!res.ok) {
      return {
        ok: false,
        error: {
          kind: res.status === 401 || res.status === 403 ? 'auth' : 'http',
          status: res.status,
          message:
            res.status === 401 || res.status === 403
              ? `not signed in or not allowed (HTTP ${res.status})`
              : `HTTP ${res.status}`,
          url: shortUrl(url),
        },
      };
    }
    try {
      return { ok: true, status: res.status, body: await res.json() };
    } catch {
      return {
        ok: false,
        error: { kind: 'parse', status: res.status, message: 'response was not JSON', url: shortUrl(url) },
      };
    }
  }
}
