import { describe, expect, it } from 'vitest';
import view1 from '../../tests/fixtures/queue/zendesk-view-page1.json';
import view2 from '../../tests/fixtures/queue/zendesk-view-page2.json';
import search1 from '../../tests/fixtures/queue/zendesk-search-page1.json';
import td1 from '../../tests/fixtures/queue/topdesk-incidents-page1.json';
import td2 from '../../tests/fixtures/queue/topdesk-incidents-page2.json';
import { basicAuth, parseRetryAfter, queryInstant } from './http';
import { fetchTopdeskQueue } from './topdesk/listing';
import type { QueueDeps, QueueProgress } from './listing';
import { fetchZendeskQueue } from './zendesk/listing';
import { WORKERS } from './workers';
import { normalizeWith } from '.';
import { getBuiltinPolicy } from '../../policies';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fake helpdesk: answers by URL, records requests; a fake sleep that only records. */
function fake(route: (url: URL, n: number) => Answer | Promise<Answer>) {
  const requests: Array<{ url: string; init?: RequestInit }> = [];
  const slept: number[] = [];
  const progress: QueueProgress[] = [];
  const deps: QueueDeps = {
    fetch: async (url, init) => {
      requests.push({ url, init });
      const a = await route(new URL(url), requests.length);
      return new Response(a.body === undefined ? null : JSON.stringify(a.body), {
        status: a.status,
        headers: a.headers,
      });
    },
    sleep: async (ms) => {
      slept.push(ms);
    },
    onProgress: (p) => progress.push(p),
    now: () => Date.parse('2026-03-02T09:00:00Z'),
  };
  return { deps, requests, slept, progress };
}

describe('Zendesk queue', () => {
  it('lists a configured view page by page through next_page', async () => {
    const f = fake((u) => ({ status: 200, body: u.searchParams.get('page') === '2' ? view2 : view1 }));
    const r = await fetchZendeskQueue({ host: 'Mextra.zendesk.com', viewId: 360001 }, f.deps);
    expect(r.ok).toBe(true);
    expect(f.requests.map((q) => q.url)).toEqual([
      'https://mextra.zendesk.com/api/v2/views/360001/tickets.json?include=organizations',
      'https://mextra.zendesk.com/api/v2/views/360001/tickets.json?page=2', // the fixture's next_page
    ]);
    expect(f.requests[0]!.init?.credentials).toBe('include');
    expect(r.tickets.map((t) => t.ticketKey)).toEqual(['#1001', '#1002', '#1003', '#1004', '#1005']);
    expect(r.tickets[0]).toMatchObject({
      helpdesk: 'zendesk',
      host: 'mextra.zendesk.com',
      ticketId: '1001',
      subject: 'Facturatiemodule geeft foutmelding bij export',
      link: 'https://mextra.zendesk.com/agent/tickets/1001',
      status: 'open',
      priority: 'urgent',
    });
    expect(f.progress.map((p) => [p.page, p.fetched, p.total])).toEqual([
      [1, 3, 5],
      [2, 5, 5],
    ]);
  });

  it('searches for unsolved tickets without a view, and skips results that are not tickets', async () => {
    const f = fake(() => ({ status: 200, body: search1 }));
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com' }, f.deps);
    expect(f.requests[0]!.url).toBe(
      'https://mextra.zendesk.com/api/v2/search.json?query=type%3Aticket%20status%3Csolved&include=tickets(organizations)',
    );
    expect(r).toMatchObject({ ok: true, skipped: 2, pages: 1 });
    expect(r.tickets.map((t) => t.ticketId)).toEqual(['2001', '2002']);
  });

  it("carries each listed ticket's sideloaded organisation to the normaliser, which reads it as the customer", async () => {
    const body = {
      ...search1,
      results: search1.results.map((r) => (r.id === 2001 ? { ...r, organization_id: 7001 } : r)),
      organizations: [{ id: 7001, name: 'Bakkerij De Vries', tags: [] }],
    };
    const f = fake(() => ({ status: 200, body }));
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com' }, f.deps);
    const [withOrg, without] = r.tickets;
    expect(withOrg!.raw.organizations).toEqual([{ id: 7001, name: 'Bakkerij De Vries', tags: [] }]);
    expect(without!.raw.organizations).toBeUndefined();
    const audits = { audits: [], users: [{ id: 9001, name: 'Sanne', role: 'end-user' }], next_page: null };
    const http = { fetch: async () => Response.json(audits), sleep: async () => undefined };
    const read = await WORKERS.zendesk.readListed('mextra.zendesk.com', withOrg!.raw, undefined, http);
    if (!read.ok) throw new Error(read.message);
    const n = normalizeWith(
      'zendesk',
      read.payload,
      undefined,
      getBuiltinPolicy('mextra')!,
      'mextra.zendesk.com',
    );
    expect(n.ok && n.facts).toEqual({ customer: 'Bakkerij De Vries', tags: ['tier_standard'] });
  });

  it('waits out a 429 for as long as Retry-After says, then carries on', async () => {
    const f = fake((u, n) =>
      n === 2
        ? { status: 429, headers: { 'Retry-After': '7' } }
        : { status: 200, body: u.searchParams.get('page') === '2' ? view2 : view1 },
    );
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com', viewId: 360001 }, f.deps);
    expect(r).toMatchObject({ ok: true, pages: 2 });
    expect(r.tickets).toHaveLength(5);
    expect(f.slept).toEqual([7000]);
    expect(f.progress.some((p) => p.waitingMs === 7000)).toBe(true);
  });

  it('gives up with a typed error, keeping what it read, when the helpdesk keeps limiting', async () => {
    const f = fake((_u, n) => (n === 1 ? { status: 200, body: view1 } : { status: 429 }));
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com', viewId: 1 }, f.deps);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(r.tickets).toHaveLength(3);
    expect(f.slept).toEqual([1000, 2000, 4000]);
  });

  it('does not wait longer than the cap the caller set', async () => {
    const f = fake(() => ({ status: 429, headers: { 'Retry-After': '3600' } }));
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com' }, f.deps);
    expect(r).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 3_600_000 } });
    expect(f.slept).toEqual([]);
  });

  it('never follows next_page to another host', async () => {
    const f = fake(() => ({
      status: 200,
      body: { ...view1, next_page: 'https://evil.example/api/v2/views/1/tickets.json?page=2' },
    }));
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com', viewId: 1 }, f.deps);
    expect(r.ok).toBe(false);
    expect(f.requests).toHaveLength(1);
  });

  it('reports signed-out, network and non-JSON answers as typed errors instead of throwing', async () => {
    const auth = await fetchZendeskQueue(
      { host: 'a.zendesk.com' },
      fake(() => ({ status: 401, body: {} })).deps,
    );
    expect(auth).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
    const net = fake(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchZendeskQueue({ host: 'a.zendesk.com' }, net.deps)).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
    const html = fake(() => ({ status: 200 }));
    html.deps.fetch = async () => new Response('<html>', { status: 200 });
    expect(await fetchZendeskQueue({ host: 'a.zendesk.com' }, html.deps)).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    });
  });

  it('stops at the page limit and says the listing is truncated', async () => {
    const f = fake(() => ({ status: 200, body: view1 }));
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com', viewId: 1 }, { ...f.deps, maxPages: 1 });
    expect(r).toMatchObject({ ok: true, truncated: true, pages: 1 });
  });

  it('stops when cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const f = fake(() => ({ status: 200, body: view1 }));
    expect(
      await fetchZendeskQueue({ host: 'm.zendesk.com' }, { ...f.deps, signal: ctl.signal }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'aborted' },
    });
  });
});

describe('TOPdesk queue', () => {
  const pages = (u: URL): Answer => {
    const start = Number(u.searchParams.get('pageStart'));
    return start === 0
      ? { status: 206, body: td1 }
      : start === 2
        ? { status: 200, body: td2 }
        : { status: 204 };
  };

  it('lists open incidents with FIQL, following 206 Partial Content until the last page', async () => {
    const f = fake(pages);
    const r = await fetchTopdeskQueue(
      {
        host: 'scope4mation.topdesk.net',
        pageSize: 2,
        credentials: { username: 'api', password: 'wachtwoord' },
      },
      f.deps,
    );
    expect(f.requests.map((q) => q.url)).toEqual([
      'https://scope4mation.topdesk.net/tas/api/incidents?pageStart=0&pageSize=2&query=completed%3D%3Dfalse',
      'https://scope4mation.topdesk.net/tas/api/incidents?pageStart=2&pageSize=2&query=completed%3D%3Dfalse',
    ]);
    expect((f.requests[0]!.init?.headers as Record<string, string>).Authorization).toBe(
      `Basic ${btoa('api:wachtwoord')}`,
    );
    expect(f.requests[0]!.init?.credentials).toBe('omit');
    expect(r).toMatchObject({ ok: true, pages: 2 });
    expect(r.tickets.map((t) => t.ticketKey)).toEqual(['I 2611 001', 'I 2611 002', 'I 2611 003']);
    expect(r.tickets[0]).toMatchObject({
      ticketId: 'a0000001-5c4e-4b3a-9d2f-0123456789ab',
      link: 'https://scope4mation.topdesk.net/tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab',
      subject: 'Incident 1',
      priority: 'Hoog',
      status: 'In behandeling',
    });
  });

  it('falls back to the old completed=false parameter on a TOPdesk without FIQL', async () => {
    const f = fake((u) =>
      u.searchParams.has('query') ? { status: 400, body: [{ message: 'Unknown parameter' }] } : pages(u),
    );
    const r = await fetchTopdeskQueue({ host: 'scope4mation.topdesk.net', pageSize: 2 }, f.deps);
    expect(r).toMatchObject({ ok: true });
    expect(f.requests[1]!.url).toBe(
      'https://scope4mation.topdesk.net/tas/api/incidents?pageStart=0&pageSize=2&completed=false',
    );
    expect(r.tickets).toHaveLength(3);
  });

  it('treats 204 No Content as an empty queue', async () => {
    const r = await fetchTopdeskQueue({ host: 'x.topdesk.net' }, fake(() => ({ status: 204 })).deps);
    expect(r).toMatchObject({ ok: true, tickets: [], pages: 0 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const f = fake((u, n) =>
      n === 1 ? { status: 429, headers: { 'Retry-After': 'Mon, 02 Mar 2026 09:00:05 GMT' } } : pages(u),
    );
    const r = await fetchTopdeskQueue({ host: 'scope4mation.topdesk.net', pageSize: 2 }, f.deps);
    expect(r.ok).toBe(true);
    expect(f.slept).toEqual([5000]);
  });
});

describe('finished tickets for compliance history', () => {
  // November 2026 in Amsterdam: [31 Oct 23:00Z, 30 Nov 23:00Z).
  const november = { from: Date.parse('2026-10-31T23:00:00Z'), to: Date.parse('2026-11-30T23:00:00Z') };

  it('Zendesk: searches the tickets solved in the range, even where a view is configured', async () => {
    const f = fake(() => ({ status: 200, body: search1 }));
    const r = await fetchZendeskQueue(
      { host: 'mextra.zendesk.com', viewId: 360001, finished: november },
      f.deps,
    );
    expect(r.ok).toBe(true);
    const url = new URL(f.requests[0]!.url);
    expect(url.pathname).toBe('/api/v2/search.json');
    expect(url.searchParams.get('query')).toBe(
      'type:ticket status>=solved solved>=2026-10-31T23:00:00Z solved<2026-11-30T23:00:00Z',
    );
  });

  it('Zendesk: reads a range holding more than the search’s 1,000 results in halves, all of them once', async () => {
    const solvedAt = Array.from(
      { length: 2500 },
      (_, i) => november.from + Math.floor(((i + 0.5) / 2500) * (november.to - november.from)),
    );
    const f = fake((u) => {
      const q = u.searchParams.get('query') ?? '';
      const from = Date.parse(/solved>=(\S+)/.exec(q)![1]!);
      const to = Date.parse(/solved<(\S+)/.exec(q)![1]!);
      const page = Number(u.searchParams.get('page') ?? '1');
      if (page > 10) return { status: 422, body: { error: 'search response limit' } };
      const ids = solvedAt.flatMap((t, i) => (t >= from && t < to ? [i + 1] : []));
      const rows = ids.slice((page - 1) * 100, page * 100).map((id) => ({ id, subject: `T${id}` }));
      const next = page * 100 < ids.length ? new URL(u) : null;
      next?.searchParams.set('page', String(page + 1));
      return { status: 200, body: { results: rows, count: ids.length, next_page: next?.toString() ?? null } };
    });
    const r = await fetchZendeskQueue({ host: 'mextra.zendesk.com', finished: november }, f.deps);
    expect(r.ok).toBe(true);
    expect(new Set(r.tickets.map((t) => t.ticketId)).size).toBe(2500);
    expect(r.tickets).toHaveLength(2500);
    expect(f.requests.every((q) => Number(new URL(q.url).searchParams.get('page') ?? '1') <= 10)).toBe(true);
  });

  const incident = (id: string, completedDate: string | null, completed = completedDate !== null) => ({
    id,
    number: `I ${id}`,
    briefDescription: `Incident ${id}`,
    completed,
    closed: false,
    completedDate,
  });
  const rows = [
    incident('in-range', '2026-11-20T14:00:00.000+0000'),
    incident('last-moment', '2026-11-30T22:59:59.000+0000'),
    incident('after', '2026-11-30T23:00:00.000+0000'),
    incident('before', '2026-10-31T22:59:00.000+0000'),
    incident('open', null),
  ];

  it('TOPdesk: asks with FIQL for the incidents completed in the range, and keeps only those', async () => {
    const f = fake(() => ({ status: 200, body: rows }));
    const r = await fetchTopdeskQueue({ host: 'scope4mation.topdesk.net', finished: november }, f.deps);
    expect(new URL(f.requests[0]!.url).searchParams.get('query')).toBe(
      'completed==true;completedDate=ge=2026-10-31T23:00:00Z;completedDate=lt=2026-11-30T23:00:00Z',
    );
    expect(r.tickets.map((t) => t.ticketId)).toEqual(['in-range', 'last-moment']);
  });

  it('TOPdesk without FIQL: asks for completed incidents and filters the range itself', async () => {
    const f = fake((u) =>
      u.searchParams.has('query')
        ? { status: 400, body: [{ message: 'Unknown parameter' }] }
        : { status: 200, body: rows },
    );
    const r = await fetchTopdeskQueue({ host: 'scope4mation.topdesk.net', finished: november }, f.deps);
    expect(f.requests[1]!.url).toBe(
      'https://scope4mation.topdesk.net/tas/api/incidents?pageStart=0&pageSize=100&completed=true',
    );
    expect(r.tickets.map((t) => t.ticketId)).toEqual(['in-range', 'last-moment']);
  });
});

describe('query helpers', () => {
  it('encodes Basic credentials as UTF-8, and instants in UTC to the second', () => {
    expect(basicAuth({ username: 'api', password: 'wachtwoörd' })).toBe(
      `Basic ${Buffer.from('api:wachtwoörd', 'utf8').toString('base64')}`,
    );
    expect(queryInstant(Date.parse('2026-10-31T23:00:00.250Z'))).toBe('2026-10-31T23:00:00Z');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
