import { describe, expect, it } from 'vitest';
import { backoffMs, jitterFactor, meter, nextPollAt, postponement, signInNeeded } from './watch';

const T = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const answer = (status: number, headers: Record<string, string> = {}, body = '{}') =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the request meter', () => {
  it('counts requests and stops allowing at the budget', async () => {
    const m = meter(async () => answer(200), { budget: 2 });
    await m.fetch('https://a.zendesk.com/1');
    expect(m.allows()).toBe(true);
    await m.fetch('https://a.zendesk.com/2');
    expect([m.requests, m.allows(), m.stopReason()]).toEqual([2, false, 'budget']);
  });

  it('stops allowing when fewer than a fifth of the account’s rate limit remains', async () => {
    const m = meter(async (url) =>
      answer(200, { 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': url.endsWith('1') ? '200' : '139' }),
    );
    await m.fetch('https://a.zendesk.com/1');
    expect(m.allows()).toBe(true);
    await m.fetch('https://a.zendesk.com/2');
    expect(m.stopReason()).toBe('rate-limit');
    expect(m.report().rateLimit).toEqual({ limit: 700, remaining: 139 });
  });

  it('remembers the longest Retry-After and a login page where JSON was expected', async () => {
    const m = meter(
      async (url) =>
        url.endsWith('html')
          ? new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })
          : answer(429, { 'Retry-After': url.endsWith('a') ? '7' : '3' }),
      { now: () => T },
    );
    await m.fetch('https://a.zendesk.com/a');
    await m.fetch('https://a.zendesk.com/b');
    expect(m.report()).toMatchObject({ retryAfterMs: 7000, sawLoginPage: false });
    await m.fetch('https://a.zendesk.com/html');
    expect(m.report().sawLoginPage).toBe(true);
  });
});

describe('the schedule', () => {
  const hosts = { 'a.zendesk.com': { retryAt: null } };
  it('polls at once when never polled, then after the interval times this browser’s jitter', () => {
    expect(nextPollAt({ lastPollAt: null, jitter: 1, hosts }, 2, T)).toBe(T);
    expect(nextPollAt({ lastPollAt: T, jitter: jitterFactor(0.5), hosts }, 2, T)).toBe(T + 2 * MIN);
    expect(nextPollAt({ lastPollAt: T, jitter: jitterFactor(0), hosts }, 5, T)).toBe(T + 4.5 * MIN);
    expect(nextPollAt({ lastPollAt: T, jitter: jitterFactor(0.999999), hosts }, 5, T)).toBe(T + 5.5 * MIN);
  });

  it('is off at 0 minutes or without hosts, and waits for the first host that may be asked again', () => {
    expect(nextPollAt({ lastPollAt: T, jitter: 1, hosts }, 0, T)).toBeNull();
    expect(nextPollAt({ lastPollAt: T, jitter: 1, hosts: {} }, 2, T, [])).toBeNull();
    const later = { a: { retryAt: T + 10 * MIN }, b: { retryAt: T + 7 * MIN } };
    expect(nextPollAt({ lastPollAt: T, jitter: 1, hosts: later }, 2, T)).toBe(T + 7 * MIN);
    expect(nextPollAt({ lastPollAt: T, jitter: 1, hosts: { ...later, c: { retryAt: null } } }, 2, T)).toBe(
      T + 2 * MIN,
    );
  });

  it('postpones after a 429 by its wait and an interval, after a nearly used limit by an interval', () => {
    const none = { requests: 3, rateLimit: null, retryAfterMs: null, sawLoginPage: false };
    expect(postponement(none, 2, T)).toBeNull();
    expect(postponement({ ...none, retryAfterMs: 7000 }, 2, T)).toBe(T + 4 * MIN);
    expect(postponement({ ...none, retryAfterMs: 10 * MIN }, 2, T)).toBe(T + 12 * MIN);
    expect(postponement({ ...none, rateLimit: { limit: 700, remaining: 100 } }, 2, T)).toBe(T + 4 * MIN);
    expect(postponement({ ...none, rateLimit: { limit: 700, remaining: 600 } }, 2, T)).toBeNull();
  });

  it('doubles the backoff per failure up to half an hour', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 2) / MIN)).toEqual([2, 4, 8, 16, 30, 30]);
  });

  it('names the hosts that need a sign-in', () => {
    expect(
      signInNeeded({
        hosts: { b: { status: 'auth' }, a: { status: 'no-credentials' }, c: { status: 'ok' } },
      }),
    ).toEqual(['a', 'b']);
  });
});
