import { describe, expect, it, vi } from 'vitest';
import { getJson, pageError } from './http';

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
