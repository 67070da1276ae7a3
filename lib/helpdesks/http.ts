/**
 * Same-origin GETs with the agent's session, for the page side of the adapters: typed results
 * instead of exceptions, `429 Retry-After` honoured (bounded), JSON checked to be JSON. No zod here:
 * this runs in the content script; the background validates the payload's shape.
 */
import { parseRetryAfter } from '../queue/http';
import type { ReadError } from './types';

export interface HttpDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  sleep: (ms: number) => Promise<void>;
  /** Longest wait for a Retry-After before giving up (default 30 s). */
  maxRetryAfterMs?: number;
}

export type JsonResult = { ok: true; body: unknown } | { ok: false; error: ReadError };

export function errorForStatus(status: number, url: string): ReadError {
  const path = (() => {
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  })();
  const message = `HTTP ${status} from ${path}`;
  if (status === 401) return { kind: 'unauthorized', status, message };
  if (status === 403) return { kind: 'forbidden', status, message };
  if (status === 404 || status === 410) return { kind: 'not-found', status, message };
  if (status === 429) return { kind: 'rate-limited', status, message };
  return { kind: 'server', status, message };
}

export async function getJson(url: string, deps: HttpDeps, init: RequestInit = {}): Promise<JsonResult> {
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await deps.fetch(url, {
        credentials: 'include',
        ...init,
        headers: { Accept: 'application/json', ...(init.headers ?? {}) },
      });
    } catch (e) {
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
    } catch {
      return {
        ok: false,
        error: { kind: 'malformed', status: res.status, message: `not JSON from ${new URL(url).pathname}` },
      };
    }
  }
}

/**
 * A per-key cache with single flight: one request in flight per ticket, answers reused for `ttlMs`
 * unless forced. Results for keys are stored as they arrive; the caller drops stale ones.
 */
export function cachedReader<T>(
  load: (key: string) => Promise<T>,
  ttlMs: number,
  clock: () => number = Date.now,
) {
  const cache = new Map<string, { at: number; value: T }>();
  const inflight = new Map<string, Promise<T>>();
  return (key: string, force = false): Promise<T> => {
    const running = inflight.get(key);
    if (running) return running;
    const hit = cache.get(key);
    if (!force && hit && clock() - hit.at < ttlMs) return Promise.resolve(hit.value);
    const p = load(key)
      .then((value) => {
        cache.set(key, { at: clock(), value });
        return value;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  };
}
