/**
 * Same-origin GETs with the agent's session, for the page side of the adapters: typed results
 * instead of exceptions, https only, every request bounded in time (AbortSignal), `429 Retry-After`
 * honoured (bounded), JSON checked to be JSON. No zod here: this runs in the content script; the
 * background validates the payload's shape.
 */
import { parseRetryAfter } from '../queue/http';
import type { ReadError } from './types';

export interface HttpDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  sleep: (ms: number) => Promise<void>;
  /** Longest wait for a Retry-After before giving up (default 30 s). */
  maxRetryAfterMs?: number;
  /** Longest one request (headers and body) may take before it is aborted (default 20 s). */
  timeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 20_000;

export type JsonResult = { ok: true; body: unknown } | { ok: false; error: ReadError };

export function errorForStatus(status: number, url: string): ReadError {
  const message = `HTTP ${status} from ${pathOf(url)}`;
  if (status === 401) return { kind: 'unauthorized', status, message };
  if (status === 403) return { kind: 'forbidden', status, message };
  if (status === 404 || status === 410) return { kind: 'not-found', status, message };
  if (status === 429) return { kind: 'rate-limited', status, message };
  return { kind: 'server', status, message };
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

export async function getJson(url: string, deps: HttpDeps, init: RequestInit = {}): Promise<JsonResult> {
  if (!url.startsWith('https://'))
    return { ok: false, error: { kind: 'network', message: `refused to read ${pathOf(url)}: not https` } };
  const timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const tooSlow = {
    ok: false as const,
    error: {
      kind: 'network' as const,
      message: `no answer from ${pathOf(url)} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
    },
  };
  for (let attempt = 0; ; attempt++) {
    // One signal per attempt, for the headers and the body alike: a hung helpdesk never hangs the sidebar.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await deps.fetch(url, {
        credentials: 'include',
        ...init,
        signal,
        headers: { Accept: 'application/json', ...(init.headers ?? {}) },
      });
    } catch (e) {
      if (timeout.aborted && isTimeout(e)) return tooSlow;
      return { ok: false, error: { kind: 'network', message: e instanceof Error ? e.message : String(e) } };
    }
    if (res.status === 429 && attempt < 2) {
      const wait = parseRetryAfter(res.headers.get('Retry-After'), Date.now()) ?? 5000;
      if (wait <= (deps.maxRetryAfterMs ?? 30_000)) {
        await deps.sleep(wait);
        continue;
      }
    }
    if (!res.ok) return { ok: false, error: errorForStatus(res.status, url) };
    try {
      return { ok: true, body: await res.json() };
    } catch (e) {
      if (timeout.aborted && isTimeout(e)) return tooSlow;
      return {
        ok: false,
        error: { kind: 'malformed', status: res.status, message: `not JSON from ${pathOf(url)}` },
      };
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
