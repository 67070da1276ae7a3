import { describe, expect, it, vi } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import ticket from '../../tests/fixtures/zendesk/ticket-1001.json';
import page1 from '../../tests/fixtures/zendesk/audits-1001-page1.json';
import page2 from '../../tests/fixtures/zendesk/audits-1001-page2.json';
import incident from '../../tests/fixtures/topdesk/incident-on-hold.json';
import { neutralFromPayloads } from '.';
import { WORKERS } from './workers';

const TOPDESK_MAPPING = {
  tier: { from: 'field', field: 'optionalFields1.text1' },
  values: { impact: { 'I-2 Normaal': 'I-2' }, urgency: { 'U-2 Normaal': 'U-2' } },
};

/** A helpdesk that answers every GET with `body` and records what was asked. */
function helpdesk(body: unknown, status = 200) {
  const fetch = vi.fn(
    async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }),
  );
  return { fetch, http: { fetch, sleep: async () => undefined } };
}

describe('the helpdesk workers, as generic code uses them', () => {
  it('turn saved API bodies of either helpdesk into the neutral ticket (CLI, Options ticket test)', () => {
    const z = neutralFromPayloads({
      from: 'zendesk',
      ticket,
      audits: [page1, page2],
      policy: getBuiltinPolicy('mextra')!,
    });
    expect(z).toMatchObject({ ok: true, ticketId: '1001' });
    const t = neutralFromPayloads({
      from: 'topdesk',
      ticket: incident,
      mapping: TOPDESK_MAPPING,
      policy: getBuiltinPolicy('scope4mation')!,
    });
    expect(t).toMatchObject({ ok: true, ticket: { priority: '2', tier: 'extended' } });
  });

  it('read a TOPdesk incident by id with the stored application password, and without cookies', async () => {
    const h = helpdesk(incident);
    const d = await WORKERS.topdesk.readDetail(
      'scope4mation.topdesk.net',
      'a0000001-5c4e-4b3a-9d2f-0123456789ab',
      { username: 'sla', password: 'secret' },
      h.http,
    );
    expect(d).toEqual({ ok: true, payload: { incident } });
    const [url, init] = h.fetch.mock.calls[0]!;
    expect(url).toBe(
      'https://scope4mation.topdesk.net/tas/api/incidents/id/a0000001-5c4e-4b3a-9d2f-0123456789ab',
    );
    expect(init?.credentials).toBe('omit');
    expect((init?.headers as Record<string, string>).Authorization).toMatch(/^Basic /);
  });

  it('say when a ticket is gone, in the one error taxonomy', async () => {
    const z = await WORKERS.zendesk.readDetail('m.zendesk.com', '7', null, helpdesk({}, 404).http);
    expect(z).toMatchObject({ ok: false, notFound: true, message: 'HTTP 404 from /api/v2/tickets/7.json' });
    const t = await WORKERS.topdesk.readDetail('t.topdesk.net', 'x', null, helpdesk({}, 401).http);
    expect(t).toMatchObject({ ok: false, notFound: false });
  });

  it('take a TOPdesk listing as the whole incident, and need reads for a Zendesk listing', async () => {
    expect(WORKERS.topdesk.listingIsComplete).toBe(true);
    expect(WORKERS.zendesk.listingIsComplete).toBe(false);
    const h = helpdesk({});
    const listed = { id: 'a', modificationDate: '2026-02-09T13:00:00.000+0000' };
    expect(await WORKERS.topdesk.readListed('t.topdesk.net', listed, undefined, h.http)).toEqual({
      ok: true,
      payload: { incident: listed },
    });
    expect(h.fetch).not.toHaveBeenCalled();
    expect(WORKERS.topdesk.changeStamp(listed)).toBe('2026-02-09T13:00:00.000+0000');
    expect(WORKERS.zendesk.changeStamp({ updated_at: '2026-02-10T09:00:00Z' })).toBe('2026-02-10T09:00:00Z');
    expect(WORKERS.zendesk.changeStamp({})).toBeNull();
  });

  it('list a configured Zendesk view for the open queue, and search for the history', async () => {
    const h = helpdesk({ tickets: [], next_page: null, count: 0 });
    const deps = { fetch: h.fetch, sleep: async () => undefined };
    const mapping = { queue: { viewId: '360001' } };
    await WORKERS.zendesk.list({ host: 'm.zendesk.com', mapping, credential: null }, deps);
    expect(new URL(h.fetch.mock.calls[0]![0]).pathname).toBe('/api/v2/views/360001/tickets.json');
    await WORKERS.zendesk.list(
      { host: 'm.zendesk.com', mapping, credential: null, finished: { from: 0, to: 86_400_000 } },
      deps,
    );
    expect(new URL(h.fetch.mock.calls[1]![0]).pathname).toBe('/api/v2/search.json');
  });

  it('retry a refused TOPdesk page read with the application password, asking for it only then', async () => {
    const retry = WORKERS.topdesk.retryRefusedRead!;
    const credential = vi.fn(async () => ({ username: 'sla', password: 'secret' }));
    const h = helpdesk(incident);
    const ok = { kind: 'api' as const, payload: { incident } };
    expect(await retry('t.topdesk.net', 'id:a', ok, credential, h.http)).toBeNull();
    expect(credential).not.toHaveBeenCalled();
    const refused = {
      kind: 'error' as const,
      error: { kind: 'unauthorized', status: 401, message: 'HTTP 401' },
    };
    expect(await retry('t.topdesk.net', 'id:a', refused, credential, h.http)).toEqual(ok);
    expect(credential).toHaveBeenCalledOnce();
    expect(WORKERS.zendesk.retryRefusedRead).toBeUndefined();
  });
});
