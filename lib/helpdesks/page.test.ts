import { describe, expect, it, vi } from 'vitest';
import { compactAuditsPage, fetchZendeskTicket } from './zendesk/api';
import { zendeskTicketId } from './zendesk/urls';
import { topdeskIncidentRef, unidToUuid } from './topdesk/urls';
import { cachedReader, getJson } from './http';
import { normalizeWith } from '.';
import { getBuiltinPolicy } from '../../policies';
import ticket1001 from '../../tests/fixtures/zendesk/ticket-1001.json';
import audits1 from '../../tests/fixtures/zendesk/audits-1001-page1.json';
import audits2 from '../../tests/fixtures/zendesk/audits-1001-page2.json';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('which ticket a helpdesk URL shows', () => {
  it.each([
    ['https://mextra.zendesk.com/agent/tickets/1001', '1001'],
    ['https://mextra.zendesk.com/agent/tickets/1001/events', '1001'],
    ['https://mextra.zendesk.com/agent/dashboard', null],
    ['https://mextra.zendesk.com/agent/filters/360001', null],
    ['https://mextra.zendesk.com/agent/tickets/new/1', null],
    ['not a url', null],
  ])('Zendesk %s → %s', (url, id) => expect(zendeskTicketId(url)).toBe(id));

  it.each([
    [
      'https://s.topdesk.net/tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab',
      'id:a0000001-5c4e-4b3a-9d2f-0123456789ab',
    ],
    [
      'https://s.topdesk.net/tas/secure/contained/incident?action=show&unid=A00000015C4E4B3A9D2F0123456789AB',
      'id:a0000001-5c4e-4b3a-9d2f-0123456789ab',
    ],
    ['https://s.topdesk.net/tas/secure/incident?action=show&num=I%202611%20001', 'number:I 2611 001'],
    ['https://s.topdesk.net/tas/secure/mango/window/1', null],
    ['https://s.topdesk.net/tas/secure/incident?unid=nothex', null],
  ])('TOPdesk %s → %s', (url, ref) => expect(topdeskIncidentRef(url)).toBe(ref));

  it('turns a 32-hex unid into a dashed UUID', () => {
    expect(unidToUuid('a00000015c4e4b3a9d2f0123456789ab')).toBe('a0000001-5c4e-4b3a-9d2f-0123456789ab');
    expect(unidToUuid('123')).toBeNull();
  });
});

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

  it('follows every audits page on the same origin only', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      if (url.includes('/audits.json') && !url.includes('page=2'))
        return json({
          audits: [],
          users: [],
          next_page: 'https://m.zendesk.com/api/v2/tickets/7/audits.json?page=2',
        });
      if (url.includes('page=2'))
        return json({ audits: [], users: [], next_page: 'https://evil.example/steal' });
      return json({ ticket: { id: 7 } });
    };
    const r = await fetchZendeskTicket('https://m.zendesk.com', '7', { fetch, sleep: async () => undefined });
    expect(r.ok && r.payload.audits).toHaveLength(2);
    expect(urls.some((u) => u.includes('evil'))).toBe(false);
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

  it('caches compact audits pages: comment bodies and metadata are dropped, what the normaliser reads is kept', () => {
    const page = {
      audits: [
        {
          id: 1,
          created_at: '2026-02-09T10:00:00Z',
          author_id: 5,
          metadata: { system: { ip_address: '10.0.0.1' } },
          via: { channel: 'web' },
          events: [
            {
              id: 9,
              type: 'Comment',
              public: true,
              body: 'x'.repeat(10_000),
              html_body: '<p>x</p>',
              author_id: 5,
            },
            { id: 10, type: 'Change', field_name: 'status', value: 'open', previous_value: 'new' },
          ],
        },
      ],
      users: [{ id: 5, name: 'Ann', role: 'agent', iana_time_zone: 'Europe/Amsterdam', photo: { url: 'u' } }],
      next_page: null,
      count: 1,
    };
    expect(compactAuditsPage(page)).toEqual({
      audits: [
        {
          created_at: '2026-02-09T10:00:00Z',
          author_id: 5,
          events: [
            { type: 'Comment', public: true, author_id: 5 },
            { type: 'Change', field_name: 'status', value: 'open', previous_value: 'new' },
          ],
        },
      ],
      users: [{ id: 5, name: 'Ann', role: 'agent', iana_time_zone: 'Europe/Amsterdam' }],
      next_page: null,
    });
    expect(compactAuditsPage('<html>')).toBe('<html>');
  });

  it('normalises a compact Zendesk read exactly like the full one', () => {
    const policy = getBuiltinPolicy('mextra')!;
    const full = normalizeWith(
      'zendesk',
      { ticket: ticket1001, audits: [audits1, audits2] },
      undefined,
      policy,
      'm.zendesk.com',
    );
    const compact = normalizeWith(
      'zendesk',
      { ticket: ticket1001, audits: [audits1, audits2].map(compactAuditsPage) },
      undefined,
      policy,
      'm.zendesk.com',
    );
    expect(full.ok).toBe(true);
    expect(compact).toEqual(full);
  });
});
