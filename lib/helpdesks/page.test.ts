import { describe, expect, it, vi } from 'vitest';
import { zendeskTicketId, fetchZendeskTicket } from './zendesk/page';
import { topdeskIncidentRef, unidToUuid } from './topdesk/page';
import { cachedReader, getJson } from './http';

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
      error: { kind: 'network', message: 'Failed to fetch' },
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
});
