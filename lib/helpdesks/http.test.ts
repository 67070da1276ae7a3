import { describe, expect, it, vi } from 'vitest';
import { cachedReader, getJson, pageError } from './http';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('reading the helpdesk API with the agent session', () => {
  it('waits for Retry-After on a 429, then reads', async () => {
    const sleep = vi.fn(async () => undefined);
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json({}, 429, { 'Retry-After': '2' }))
      .mockResolvedValueOnce(json({ a: 1 }));
    expect(await getJson('https://x.zendesk.com/api/v2/tickets/1.json', { fetch, sleep })).toEqual({
      ok: true,
      status: 200,
      body: { a: 1 },
    });
    expect(sleep).toHaveBeenCalledWith(2000);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'server'],
  ])('turns HTTP %i into %s', async (status, kind) => {
    const r = await getJson('https://x.zendesk.com/api/v2/tickets/1.json', {
      fetch: async () => json({}, status),
      sleep: async () => undefined,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { kind, status, message: `HTTP ${status} from /api/v2/tickets/1.json` },
    });
  });

  it('says malformed JSON and network failures plainly', async () => {
    const deps = (fetch: () => Promise<Response>) => ({ fetch, sleep: async () => undefined });
    expect(
      await getJson(
        'https://x/a',
        deps(async () => json('<html>')),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(
      await getJson(
        'https://x/a',
        deps(async () => Promise.reject(new TypeError('Failed to fetch'))),
      ),
    ).toMatchObject({
      ok: false,
      error: { kind: 'network', message: 'network error: Failed to fetch' },
    });
  });

  it('keeps one request in flight per ticket, answers from cache for a minute, and re-reads when forced', async () => {
    let t = 0;
    const load = vi.fn(async (key: string) => `${key}@${t}`);
    const read = cachedReader(load, 60_000, () => t);
    const [a, b] = await Promise.all([read('1'), read('1')]);
    expect([a, b, load.mock.calls.length]).toEqual(['1@0', '1@0', 1]);
    t = 30_000;
    expect(await read('1')).toBe('1@0');
    expect(await read('1', true)).toBe('1@30000');
    t = 100_000;
    expect(await read('1')).toBe('1@100000');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('refuses to read a plain-http URL', async () => {
    const fetch = vi.fn(async () => json({}));
    const r = await getJson('http://x.zendesk.com/api/v2/tickets/1.json', {
      fetch,
      sleep: async () => undefined,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'network', message: /not https/ } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives up on a request that never answers after the timeout, with a problem that can be retried', async () => {
    // A fetch that, like the browser's, only ends when its signal aborts.
    const hung = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    const r = await getJson('https://x.zendesk.com/api/v2/tickets/1.json', {
      fetch: hung,
      sleep: async () => undefined,
      timeoutMs: 30,
    });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'network', message: 'no answer from /api/v2/tickets/1.json within 30 ms' },
    });
  });

  it('gives up on a body that stops arriving after the timeout', async () => {
    const stalled = (_url: string, init?: RequestInit) =>
      Promise.resolve({
        ok: true,
        status: 200,
        headers: new Headers(),
        json: () =>
          new Promise((_resolve, reject) =>
            init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
          ),
      } as unknown as Response);
    const r = await getJson('https://x/a', { fetch: stalled, sleep: async () => undefined, timeoutMs: 30 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'network', message: /no answer/ } });
  });

  it('starts a fresh request when forced, instead of joining one still in flight', async () => {
    const pending: Array<(v: string) => void> = [];
    const load = vi.fn(
      (key: string) => new Promise<string>((resolve) => pending.push((v) => resolve(`${key}:${v}`))),
    );
    const read = cachedReader(load, 60_000, () => 0);
    const first = read('1');
    expect(read('1')).toBe(first);
    const forced = read('1', true);
    expect(forced).not.toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
    pending[1]!('fresh');
    expect(await forced).toBe('1:fresh');
    pending[0]!('stale');
    expect(await first).toBe('1:stale');
    // The late answer of the old request does not replace the fresh one.
    expect(await read('1')).toBe('1:fresh');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps at most a few answers, dropping the least recently used', async () => {
    const load = vi.fn(async (key: string) => key);
    const read = cachedReader(load, 60_000, () => 0, 3);
    for (const k of ['1', '2', '3']) await read(k);
    await read('1'); // used again: now the most recent
    await read('4'); // drops 2
    expect(read.size()).toBe(3);
    load.mockClear();
    await read('1');
    await read('3');
    await read('4');
    expect(load).not.toHaveBeenCalled();
    await read('2');
    expect(load).toHaveBeenCalledWith('2');
  });
});

const res = (status: number, headers: Record<string, string> = {}, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status, headers });

describe('the one helpdesk HTTP client', () => {
  it('waits out a 503 that says Retry-After, as a 429, and reports each wait', async () => {
    const sleep = vi.fn(async () => undefined);
    const onWait = vi.fn();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(res(503, { 'Retry-After': '3' }))
      .mockResolvedValueOnce(res(200, {}, { a: 1 }));
    const r = await getJson('https://x.topdesk.net/tas/api/incidents', { fetch, sleep, onWait });
    expect(r).toEqual({ ok: true, status: 200, body: { a: 1 } });
    expect(sleep).toHaveBeenCalledWith(3000);
    expect(onWait).toHaveBeenCalledWith(3000);
  });

  it('gives up as rate-limited after its retries, saying how long the helpdesk asked to wait', async () => {
    const fetch = vi.fn(async () => res(429, { 'Retry-After': '1' }));
    const r = await getJson('https://x.zendesk.com/api/v2/search.json?query=a', {
      fetch,
      sleep: async () => undefined,
      maxRetries: 1,
    });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'rate-limited',
        status: 429,
        message: 'HTTP 429 from /api/v2/search.json',
        retryAfterMs: 1000,
      },
    });
  });

  it('answers aborted for a cancelled read, without asking the helpdesk', async () => {
    const fetch = vi.fn(async () => res(200));
    const signal = AbortSignal.abort();
    const r = await getJson('https://x.zendesk.com/a', { fetch, sleep: async () => undefined, signal });
    expect(r).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('hands a page read only the kind, status and message (what PageRead accepts)', () => {
    expect(pageError({ kind: 'rate-limited', status: 429, message: 'HTTP 429', retryAfterMs: 5 })).toEqual({
      kind: 'rate-limited',
      status: 429,
      message: 'HTTP 429',
    });
  });
});
