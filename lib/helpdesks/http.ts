/**
 * The one HTTP client for helpdesk APIs, in the content script (same-origin, the agent's session) and
 * in the worker (queue listings, detail reads, the application-password retry): typed results
 * instead of exceptions, https only, every request bounded in time (AbortSignal), `429` (and `503`
 * with `Retry-After`) waited out within bounds (seconds or HTTP date; backing off exponentially when
 * the header is missing), JSON checked to be JSON, and one error taxonomy (`HttpErrorKind`) that the
 * sidebar, the popup and the watch all explain. `fetch` and `sleep` are passed in, so tests drive it
 * with fixtures and a fake clock. No zod here (content-script budget): callers validate the body.
 */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  /** For `Retry-After` given as an HTTP date. */
  now?: () => number;
  /** Cancels the whole read (the refresh was stopped): answered as `aborted`. */
  signal?: AbortSignal;
  /** Retries per request after 429/503 (default 2). */
  maxRetries?: number;
  /** Longest Retry-After waited out; a longer one is answered as `rate-limited` (default 30 s). */
  maxRetryAfterMs?: number;
  /** Longest one request (headers and body) may take before it is aborted (default 20 s). */
  timeoutMs?: number;
  /** Called before each wait, with the wait in ms. */
  onWait?: (ms: number) => void;
}

export const REQUEST_TIMEOUT_MS = 20_000;

/** Why a read failed, for the sidebar, the popup and the watch to explain. */
export type HttpErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  /** The page side's word for a ticket that is gone (404/410 on the ticket the page shows). */
  | 'deleted'
  | 'rate-limited'
  /** Any other non-2xx answer; `status` says which (400, 422, 5xx, …). */
  | 'server'
  | 'network'
  | 'malformed'
  | 'aborted';

export interface HttpError {
  kind: HttpErrorKind;
  status?: number;
  message: string;
  /** For 'rate-limited': how long the server asked to wait. */
  retryAfterMs?: number;
}

/** The error as a page read carries it to the worker (`PageRead`: kind, status and message only). */
export function pageError(e: HttpError): { kind: HttpErrorKind; status?: number; message: string } {
  return { kind: e.kind, ...(e.status !== undefined ? { status: e.status } : {}), message: e.message };
}

export type HttpResult = { ok: true; status: number; body: unknown } | { ok: false; error: HttpError };
/** The page side's name for the same result. */
export type JsonResult = HttpResult;

export function errorForStatus(status: number, url: string): HttpError {
  const message = `HTTP ${status} from ${pathOf(url)}`;
  const at = { status, message };
  if (status === 401) return { kind: 'unauthorized', ...at };
  if (status === 403) return { kind: 'forbidden', ...at };
  if (status === 404 || status === 410) return { kind: 'not-found', ...at };
  if (status === 429) return { kind: 'rate-limited', ...at };
  return { kind: 'server', ...at };
}

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

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

const isTimeout = (e: unknown) =>
  e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

export async function getJson(url: string, deps: HttpDeps, init: RequestInit = {}): Promise<HttpResult> {
  const fail = (kind: HttpErrorKind, message: string, extra: Partial<HttpError> = {}) => ({
    ok: false as const,
    error: { kind, message, ...extra },
  });
  if (!url.startsWith('https://')) return fail('network', `refused to read ${pathOf(url)}: not https`);
  const timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxRetries = deps.maxRetries ?? 2;
  const cap = deps.maxRetryAfterMs ?? 30_000;
  const tooSlow = () =>
    fail(
      'network',
      `no answer from ${pathOf(url)} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
    );
  for (let attempt = 0; ; attempt++) {
    if (deps.signal?.aborted) return fail('aborted', 'refresh cancelled');
    // One signal per attempt, for the headers and the body alike: a hung helpdesk never hangs a read.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [timeout, ...(init.signal ? [init.signal] : []), ...(deps.signal ? [deps.signal] : [])];
    const signal = signals.length === 1 ? timeout : AbortSignal.any(signals);
    let res: Response;
    try {
      res = await deps.fetch(url, {
        credentials: 'include',
        ...init,
        signal,
        headers: { Accept: 'application/json', ...(init.headers ?? {}) },
      });
    } catch (e) {
      if (deps.signal?.aborted) return fail('aborted', 'refresh cancelled');
      if (timeout.aborted && isTimeout(e)) return tooSlow();
      return fail('network', `network error: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res.status === 429 || (res.status === 503 && res.headers.has('Retry-After'))) {
      const asked = parseRetryAfter(res.headers.get('Retry-After'), deps.now?.() ?? Date.now());
      const wait = asked ?? 1000 * 2 ** attempt;
      if (attempt >= maxRetries || wait > cap)
        return fail('rate-limited', `HTTP ${res.status} from ${pathOf(url)}`, {
          status: res.status,
          retryAfterMs: wait,
        });
      deps.onWait?.(wait);
      await deps.sleep(wait);
      continue;
    }
    if (res.status === 204) return { ok: true, status: 204, body: null };
    if (!res.ok) return { ok: false, error: errorForStatus(res.status, url) };
    try {
      return { ok: true, status: res.status, body: await res.json() };
    } catch (e) {
      if (timeout.aborted && isTimeout(e)) return tooSlow();
      return fail('malformed', `not JSON from ${pathOf(url)}`, { status: res.status });
    }
  }
}

/** Tickets whose reads the content script keeps (an agent's tab stays open all day). */
export const CACHED_TICKETS = 5;

/**
 * A per-key cache with single flight: one request in flight per ticket, answers reused for `ttlMs`
 * unless forced, at most `maxEntries` answers kept (least recently used dropped first, expired ones
 * at once). A forced read never joins a request already in flight (it may be the hung one): it
 * starts a fresh one, and only the newest request of a key may fill the cache.
 */
export function cachedReader<T>(
  load: (key: string) => Promise<T>,
  ttlMs: number,
  clock: () => number = Date.now,
  maxEntries = CACHED_TICKETS,
) {
  const cache = new Map<string, { at: number; value: T }>();
  const inflight = new Map<string, Promise<T>>();
  const read = (key: string, force = false): Promise<T> => {
    const running = inflight.get(key);
    if (running && !force) return running;
    const hit = cache.get(key);
    if (hit && (force || clock() - hit.at >= ttlMs)) cache.delete(key);
    else if (hit) {
      cache.delete(key); // re-insert: most recently used last
      cache.set(key, hit);
      return Promise.resolve(hit.value);
    }
    const p: Promise<T> = load(key)
      .then((value) => {
        if (inflight.get(key) === p) {
          cache.set(key, { at: clock(), value });
          for (const oldest of cache.keys()) {
            if (cache.size <= maxEntries) break;
            cache.delete(oldest);
          }
        }
        return value;
      })
      .finally(() => {
        if (inflight.get(key) === p) inflight.delete(key);
      });
    inflight.set(key, p);
    return p;
  };
  /** How many answers are kept now (for tests). */
  read.size = () => cache.size;
  return read;
}
