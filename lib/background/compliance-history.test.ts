import { describe, expect, it, vi } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import ticket from '../../tests/fixtures/zendesk/ticket-1001.json';
import page1 from '../../tests/fixtures/zendesk/audits-1001-page1.json';
import page2 from '../../tests/fixtures/zendesk/audits-1001-page2.json';
import { DEFAULT_PREFERENCES } from '../storage/schemas';

// An adapter that throws on one payload (a bug, or a value no one foresaw) stands in for any such fault.
vi.mock('../helpdesks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../helpdesks')>();
  return {
    ...real,
    normalizeWith: (...args: Parameters<typeof real.normalizeWith>) => {
      if ((args[1] as { explode?: boolean }).explode) throw new TypeError('e.normalize is not a function');
      return real.normalizeWith(...args);
    },
  };
});

const { ticketInputs } = await import('./compliance-history');
const { readListedZendesk } = await import('../helpdesks/zendesk');

describe('ticketInputs', () => {
  it('skips a ticket whose payload throws in the adapter, names it, and still reads the next one', () => {
    const unreadable: string[] = [];
    const toInput = ticketInputs(
      { host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
      getBuiltinPolicy('mextra')!,
      { preferences: DEFAULT_PREFERENCES },
      Date.parse('2026-02-10T10:00:00Z'),
      unreadable,
    );
    const row = (id: string) => ({ ticketId: id, ticketKey: `#${id}`, subject: 's', link: 'https://x/' });
    expect(toInput(row('1'), { explode: true })).toBeNull();
    expect(toInput(row('1001'), { ticket, audits: [page1, page2] })).toMatchObject({ ticketId: '1001' });
    expect(unreadable).toEqual(['#1: e.normalize is not a function']);
  });
});

describe('readListedZendesk (issue 12: one request per changed ticket)', () => {
  const HOSTNAME = 'mextra.zendesk.com';
  function helpdesk(auditPages: unknown[]) {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(new URL(url).pathname + new URL(url).search);
      const body = url.includes('/audits.json')
        ? auditPages[url.includes('page=2') ? 1 : 0]
        : url.includes('/tickets/1001.json')
          ? ticket
          : { error: 'RecordNotFound' };
      return new Response(JSON.stringify(body), {
        status: body && 'error' in (body as object) ? 404 : 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    return { urls, http: { fetch, sleep: async () => undefined } };
  }
  const listed = { ...ticket.ticket, result_type: 'ticket' } as Record<string, unknown>;

  it('reads only the audits and takes the ticket object from the listing', async () => {
    const h = helpdesk([page1, page2]);
    const d = await readListedZendesk(HOSTNAME, listed, undefined, h.http);
    expect(h.urls.every((u) => u.includes('/audits.json'))).toBe(true);
    expect(h.urls).toHaveLength(2); // the two audits pages, no ticket read
    expect(d).toMatchObject({ ok: true, payload: { ticket: { ticket: { id: 1001 } } } });
    const payload = (d as { payload: { ticket: { ticket: object } } }).payload;
    expect(payload.ticket.ticket).not.toHaveProperty('result_type');
  });

  it('reads the ticket too when the audits lack the requester (its time zone) or the tier needs the organisation', async () => {
    const noRequester = { ...page2, users: [] };
    const h = helpdesk([{ ...page1, users: [], next_page: page1.next_page }, noRequester]);
    const d = await readListedZendesk(HOSTNAME, listed, undefined, h.http);
    expect(h.urls.filter((u) => u.startsWith('/api/v2/tickets/1001.json'))).toHaveLength(1);
    expect(d).toMatchObject({ ok: true, payload: { ticket: { users: ticket.users } } });

    const o = helpdesk([page1, page2]);
    await readListedZendesk(HOSTNAME, listed, { tier: { from: 'org-tag', prefix: 'tier_' } }, o.http);
    expect(o.urls.filter((u) => u.startsWith('/api/v2/tickets/1001.json'))).toHaveLength(1);
  });

  it('says when the ticket is gone', async () => {
    const h = helpdesk([{ error: 'RecordNotFound' }]);
    expect(await readListedZendesk(HOSTNAME, { ...listed, id: 1001 }, undefined, h.http)).toMatchObject({
      ok: false,
      notFound: true,
    });
  });
});
