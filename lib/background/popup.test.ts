import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_SCENARIOS } from '../../tests/demo/scenarios';
import { zendeskAudits, zendeskTicket } from '../../tests/demo/payloads';
import { sortByTimeToBreach } from '../queue/rows';
import { localTimeZone } from './env';
import { wake } from './wake';
import {
  complianceModel,
  handlePopup,
  popupModel,
  refreshDone,
  startRefresh,
  viewIdOf,
  type RefreshDeps,
} from './popup';
import { archiveFinished, readArchive, readRegistry, writeRegistry } from './registry-store';
import type { RegistryEntry } from '../registry';
import { HOST, seedConfig, seedRegistry, storedRegistry, ticketEntry } from '../../tests/support/background';

const NOW = Date.parse('2026-03-03T10:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const mextra = DEMO_SCENARIOS.filter((s) => s.host === HOST);

/** The demo Zendesk (search paginated 3 per page, tickets, audits), one 429 on page 2 of the search. */
function fakeZendesk(open = mextra) {
  const calls: string[] = [];
  let limited = false;
  const fetch = vi.fn(async (url: string) => {
    const u = new URL(url);
    calls.push(u.pathname + u.search);
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const origin = u.origin;
    if (u.pathname === '/api/v2/search.json') {
      const page = Number(u.searchParams.get('page') ?? '1');
      if (page === 2 && !limited) {
        limited = true;
        return json({ error: 'slow down' }, 429, { 'Retry-After': '2' });
      }
      const rows = open.slice((page - 1) * 3, page * 3).map((s) => zendeskTicket(s, NOW, origin).ticket);
      const next = page * 3 < open.length ? `${origin}/api/v2/search.json?page=${page + 1}` : null;
      return json({ results: rows, next_page: next, count: open.length });
    }
    let m = u.pathname.match(/^\/api\/v2\/tickets\/(\d+)\.json$/);
    const s = m && mextra.find((x) => x.id === Number(m![1]));
    if (s) return json(zendeskTicket(s, NOW, origin));
    m = u.pathname.match(/^\/api\/v2\/tickets\/(\d+)\/audits\.json$/);
    const a = m && mextra.find((x) => x.id === Number(m![1]));
    if (a) return json(zendeskAudits(a, NOW, origin, Number(u.searchParams.get('page') ?? '1')));
    return json({ error: 'RecordNotFound' }, 404);
  });
  const sleeps: number[] = [];
  const deps: RefreshDeps = {
    fetch: fetch as unknown as RefreshDeps['fetch'],
    sleep: async (ms) => void sleeps.push(ms),
    now: () => NOW,
  };
  return { deps, calls, sleeps };
}

describe('the popup model', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig();
  });
  afterEach(() => vi.restoreAllMocks());

  it('says when no policy is assigned yet', async () => {
    await seedConfig([]);
    const m = await popupModel(NOW);
    expect(m).toMatchObject({ hasAssignments: false, rows: [], language: 'en' });
  });

  it('lists open registry tickets and leaves finished ones to compliance', async () => {
    await seedRegistry([
      ticketEntry(1, { createdAt: iso(NOW - 3600_000), priority: 'high' }),
      ticketEntry(2, {
        createdAt: iso(NOW - 7200_000),
        priority: 'high',
        events: [{ at: iso(NOW - 3600_000), type: 'status', status: 'solved' }],
      }),
    ]);
    await wake('test', () => NOW);
    const m = await popupModel(NOW);
    expect(m.rows.map((r) => r.ticketKey)).toEqual(['#1']);
    expect(m.rows[0]).toMatchObject({ priority: 'high', priorityLabel: 'High', tierLabel: 'Standard SLA' });
    expect(m).not.toHaveProperty('compliance');
    const c = await complianceModel(NOW);
    expect(c.period).toEqual({ kind: 'this-month' });
    expect(c.report?.range.firstDay).toMatch(/^2026-03-01$/);
    expect(c.report?.tickets).toBe(1);
    expect(c.vocabulary['mextra']?.priorities.map((p) => p.label)).toEqual([
      'Urgent',
      'High',
      'Normal',
      'Low',
    ]);
  });

  it('labels priorities in the chosen language', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { language: 'nl', atRiskPercent: 25, notifications: true, sidebarSide: 'right' },
    });
    await seedRegistry([ticketEntry(1, { createdAt: iso(NOW - 3600_000), priority: 'high' })]);
    await wake('test', () => NOW);
    const m = await popupModel(NOW);
    expect(m.language).toBe('nl');
    expect(m.rows[0]).toMatchObject({ priorityLabel: 'Hoog', tierLabel: 'Standaard SLA' });
  });

  it('stores the chosen compliance period and answers with compliance for it', async () => {
    const c = (await handlePopup({
      type: 'ui-bg:popup-period',
      period: { kind: 'month', year: 2026, month: 2 },
    })) as Awaited<ReturnType<typeof complianceModel>>;
    expect(c.report?.range).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect((await complianceModel(NOW)).period).toEqual({ kind: 'month', year: 2026, month: 2 });
    expect(await handlePopup({ type: 'ui-bg:popup-compliance' })).toMatchObject({
      period: { kind: 'month', year: 2026, month: 2 },
    });
  });

  it('opens only tickets it knows, by their stored link', async () => {
    await seedRegistry([ticketEntry(1, { createdAt: iso(NOW) })]);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(handlePopup({ type: 'ui-bg:popup-open', key: 'zendesk:evil.example:1' })).rejects.toThrow(
      /unknown ticket/,
    );
    await handlePopup({ type: 'ui-bg:popup-open', key: `zendesk:${HOST}:1` });
    expect(create).toHaveBeenCalledWith({ url: `https://${HOST}/agent/tickets/1` });
  });

  it('opens a finished ticket read from the helpdesk history by the link in its archive record', async () => {
    await seedRegistry([]);
    const key = `zendesk:${HOST}:30011`;
    await archiveFinished(
      [
        {
          key,
          ticketKey: '#30011',
          subject: 'Solved last month',
          link: `https://${HOST}/agent/tickets/30011`,
          policyId: 'mextra',
          policyName: 'Mextra',
          tier: 'standard',
          priority: 'P1',
          closedAt: NOW - 86_400_000,
          metrics: {},
        },
      ],
      NOW,
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await handlePopup({ type: 'ui-bg:popup-open', key });
    expect(create).toHaveBeenCalledWith({ url: `https://${HOST}/agent/tickets/30011` });
  });
});

describe('the queue refresh', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig();
  });

  it('reads every page (waiting out a 429), each ticket with its audits, and upserts them as queue tickets', async () => {
    const { deps, calls, sleeps } = fakeZendesk();
    expect(await startRefresh(deps)).toEqual({ started: true });
    // One at a time (a watch wake-up shares it; a second click would add one poll after it, watch.test.ts).
    expect(await startRefresh(deps, { kind: 'queue' }, 'watch')).toEqual({ started: false });
    await refreshDone();
    expect(sleeps).toEqual([2000]);
    expect(calls.filter((c) => c.startsWith('/api/v2/search.json'))).toHaveLength(3); // 1, 429, 2
    const reg = await storedRegistry();
    const open = mextra.filter((s) => !['solved', 'closed'].includes(s.status));
    expect(Object.keys(reg.entries).sort()).toEqual(open.map((s) => `zendesk:${HOST}:${s.id}`).sort());
    for (const e of Object.values(reg.entries)) {
      expect(e.source).toBe('queue');
      expect(e.evaluation?.policy).toBe('mextra');
    }
    const m = await popupModel(NOW);
    expect(m.refresh).toMatchObject({ running: false, lastRefreshAt: NOW, errors: [] });
    expect(sortByTimeToBreach(m.rows, NOW).length).toBe(open.length);
  });

  it('does not read the audits of tickets that did not change since the last refresh', async () => {
    const first = fakeZendesk();
    await startRefresh(first.deps);
    await refreshDone();
    const again = fakeZendesk();
    await startRefresh(again.deps);
    await refreshDone();
    expect(again.calls.filter((c) => c.includes('/audits.json'))).toEqual([]);
  });

  it('reads a ticket that left the listing once more, and drops it when the helpdesk no longer has it', async () => {
    await seedRegistry([
      ticketEntry(999, { createdAt: iso(NOW - 3600_000), priority: 'high' }, { source: 'queue' }),
    ]);
    const { deps, calls } = fakeZendesk();
    await startRefresh(deps);
    await refreshDone();
    expect(calls).toContain('/api/v2/tickets/999.json?include=slas,users,organizations');
    expect((await readRegistry()).registry.entries[`zendesk:${HOST}:999`]).toBeUndefined();
  });

  it('reports a host it cannot read and keeps going', async () => {
    const { deps } = fakeZendesk();
    const failing: RefreshDeps = {
      ...deps,
      fetch: async () => new Response('{}', { status: 401 }),
    };
    await startRefresh(failing);
    await refreshDone();
    const m = await popupModel(NOW);
    expect(m.refresh.errors).toMatchObject([{ host: HOST, message: expect.stringMatching(/sign/) }]);
  });

  it('uses the Zendesk view configured for the host', () => {
    expect(viewIdOf({ queue: { viewId: '360001' } })).toBe('360001');
    expect(viewIdOf({})).toBeNull();
    expect(viewIdOf(undefined)).toBeNull();
  });
});

describe('compliance history from the helpdesk', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seedConfig();
  });

  /** Two mextra demo tickets solved an hour ago: one in time, one (high, created 5 days ago) too late. */
  const solved = [
    { ...mextra[0]!, id: 501, status: 'solved', createdAgo: 3 * 60, priority: 'high' },
    { ...mextra[0]!, id: 502, status: 'solved', createdAgo: 5 * 24 * 60, priority: 'high' },
  ].map((s) => ({
    ...s,
    events: [
      { ago: s.createdAgo - 10, kind: 'agent-reply' as const },
      { ago: 60, kind: 'status' as const, value: 'solved' },
    ],
  }));

  it('reads the tickets solved in the chosen period, with their audits, into compliance, not into the queue', async () => {
    const { deps, calls } = fakeZendesk(solved);
    const all = [...mextra, ...solved];
    const details: string[] = [];
    const fetchAll = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/api/v2/tickets/')) details.push(new URL(url).pathname);
      const m = new URL(url).pathname.match(/^\/api\/v2\/tickets\/(\d+)(\/audits)?\.json$/);
      const s = m && all.find((x) => x.id === Number(m[1]));
      if (s && m) {
        const origin = new URL(url).origin;
        const page = Number(new URL(url).searchParams.get('page') ?? '1');
        const body = m[2] ? zendeskAudits(s, NOW, origin, page) : zendeskTicket(s, NOW, origin);
        return new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }
      return deps.fetch(url, init);
    });
    const history: RefreshDeps = { ...deps, fetch: fetchAll as unknown as RefreshDeps['fetch'] };
    expect(await startRefresh(history, { kind: 'history', period: { kind: 'this-month' } })).toEqual({
      started: true,
    });
    await refreshDone();
    const search = new URL(`https://x${calls.find((c) => c.startsWith('/api/v2/search.json'))!}`);
    // March 2026 in the agent's zone, up to now (the suite runs in Amsterdam and in New York).
    const monthStart =
      localTimeZone() === 'Europe/Amsterdam' ? '2026-02-28T23:00:00Z' : '2026-03-01T05:00:00Z';
    expect(localTimeZone()).toMatch(/^(Europe\/Amsterdam|America\/New_York)$/);
    expect(search.searchParams.get('query')).toBe(
      `type:ticket status>=solved solved>=${monthStart} solved<${new Date(NOW + 1).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    );
    expect(Object.keys((await readRegistry()).registry.entries)).toEqual([]);
    const c = await complianceModel(NOW);
    expect(c.historyLoadedAt).toBe(NOW);
    expect(c.report?.tickets).toBe(2);
    const high = c.report!.rows.find((r) => r.priority === 'high' && r.measure === 'due')!;
    expect([high.met, high.total]).toEqual([1, 2]);
    expect(high.breaches.map((b) => b.ticketKey)).toEqual(['#502']);
    const m = await popupModel(NOW);
    expect(m.refresh).toMatchObject({ kind: 'history', running: false, lastRefreshAt: null, errors: [] });

    // Read again: the tickets did not change on the helpdesk, so their audits are not read twice.
    expect(details.some((d) => d.endsWith('/audits.json'))).toBe(true);
    details.length = 0;
    await startRefresh(history, { kind: 'history', period: { kind: 'this-month' } });
    await refreshDone();
    expect(details).toEqual([]);
    expect((await complianceModel(NOW)).report?.tickets).toBe(2);
  });

  it('is asked for from the popup for the stored period, and says when that period was last read', async () => {
    const { deps } = fakeZendesk([]);
    vi.stubGlobal('fetch', deps.fetch);
    await handlePopup({ type: 'ui-bg:popup-period', period: { kind: 'month', year: 2026, month: 1 } });
    expect(await handlePopup({ type: 'ui-bg:popup-load-history' })).toEqual({ started: true });
    await refreshDone();
    expect((await complianceModel(Date.now())).historyLoadedAt).not.toBeNull();
    await handlePopup({ type: 'ui-bg:popup-period', period: { kind: 'month', year: 2026, month: 2 } });
    expect((await complianceModel(Date.now())).historyLoadedAt).toBeNull();
    // A read the helpdesk refused says why and does not count as that period's read.
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
    await handlePopup({ type: 'ui-bg:popup-load-history' });
    await refreshDone();
    expect((await complianceModel(Date.now())).historyLoadedAt).toBeNull();
    expect((await popupModel(Date.now())).refresh).toMatchObject({
      kind: 'history',
      errors: [{ host: HOST, message: expect.stringMatching(/not signed in/) }],
    });
    vi.unstubAllGlobals();
  });
});

describe('the registry in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('drops an unreadable entry and keeps the rest', async () => {
    await seedRegistry([{ key: 'bad' } as unknown as RegistryEntry, ticketEntry(1, { createdAt: iso(NOW) })]);
    const { registry, problems } = await readRegistry();
    expect(Object.keys(registry.entries)).toEqual([`zendesk:${HOST}:1`]);
    expect(problems).toHaveLength(1);
    // Skipped, never deleted: a write that changes another ticket leaves the damaged record as stored.
    await writeRegistry({ version: 2, entries: {} }, NOW);
    expect((await storedRegistry()).entries.bad).toEqual({ key: 'bad' });
  });

  it('prunes tickets finished more than 30 days ago on every write', async () => {
    const solved = (id: number, daysAgo: number) =>
      ticketEntry(id, {
        createdAt: iso(NOW - (daysAgo + 1) * 86_400_000),
        events: [{ at: iso(NOW - daysAgo * 86_400_000), type: 'status', status: 'solved' }],
      });
    const entries = [solved(1, 31), solved(2, 29)];
    await writeRegistry({ version: 2, entries: Object.fromEntries(entries.map((e) => [e.key, e])) }, NOW);
    expect(Object.keys((await storedRegistry()).entries)).toEqual([`zendesk:${HOST}:2`]);
  });

  it('keeps a finished ticket the registry lets go in the compliance archive, which compliance still counts', async () => {
    await seedConfig();
    const old = ticketEntry(1, {
      createdAt: iso(NOW - 32 * 86_400_000),
      priority: 'high',
      events: [{ at: iso(NOW - 31 * 86_400_000), type: 'status', status: 'solved' }],
    });
    await seedRegistry([old]);
    await wake('test', () => NOW - 31 * 86_400_000 + 60_000); // evaluated when it finished
    const evaluated = (await readRegistry()).registry;
    await writeRegistry(evaluated, NOW);
    expect((await storedRegistry()).entries).toEqual({});
    expect((await readArchive()).records.map((r) => r.ticketKey)).toEqual(['#1']);
    await handlePopup({ type: 'ui-bg:popup-period', period: { kind: 'month', year: 2026, month: 1 } });
    expect((await complianceModel(NOW)).report?.tickets).toBe(1);
  });
});
