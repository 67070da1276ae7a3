import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoFetch, type DemoOptions } from '../../tests/demo/route';
import { DEMO_HOSTS, DEMO_SCENARIOS, type DemoScenario } from '../../tests/demo/scenarios';
import { demoAssignments } from '../../tests/demo/seed';
import { BADGE_COLORS } from '../alerts';
import { onNotificationClicked } from './wake';
import { readWatchState } from '../storage/items';
import { popupModel } from './popup';
import { seedConfig, storedRegistry } from '../../tests/support/background';
import { checkWatch, refreshDone, scheduleWatch, startRefresh, WATCH_ALARM, type WatchDeps } from './watch';

// Tuesday 3 March 2026, 11:00 in Amsterdam: inside every demo contract's business hours.
const NOW = Date.parse('2026-03-03T10:00:00Z');
const MIN = 60_000;
const W365 = DEMO_HOSTS.workspace365;
const ZMANDA = DEMO_HOSTS.zmanda;

/** A Workspace 365 P1 (organization × high) created one minute after NOW: 5 business minutes to respond. */
const arrival: DemoScenario = {
  helpdesk: 'zendesk',
  host: W365,
  id: 2099,
  policy: 'workspace365',
  subject: 'Werkplek onbereikbaar voor alle gebruikers',
  requester: { name: 'Eva Smit', email: 'eva@gemeente-voorbeeld.nl' },
  organization: 'Gemeente Voorbeeld',
  createdAgo: -1,
  status: 'new',
  type: 'incident',
  impact: 'organization',
  urgency: 'high',
  tier: 'extended',
  events: [],
  shows: 'unit test: a new P1 arriving between two polls',
};

/** The demo helpdesks as a fetch on a fake clock; every request is logged (path + query). */
function fakeHelpdesk(options: Partial<DemoOptions> = {}) {
  const clock = { t: NOW };
  const requests: string[] = [];
  const slept: number[] = [];
  const demo: DemoOptions = {
    now: NOW,
    scenarios: DEMO_SCENARIOS.filter((s) => s.host === W365 || s.host === ZMANDA),
    history: [],
    pageSize: 100,
    ...options,
    onRequest: (u) => requests.push(`${u.host}${u.pathname}${u.search}`),
  };
  const fetch = demoFetch(demo, () => clock.t);
  const deps: WatchDeps = {
    fetch: (url) => fetch(url),
    sleep: async (ms) => {
      slept.push(ms);
      clock.t += ms;
    },
    now: () => clock.t,
    random: () => 0.5,
  };
  const poll = async () => {
    expect(await startRefresh(deps, { kind: 'queue' }, 'watch')).toEqual({ started: true });
    await refreshDone();
  };
  const details = (from = 0) => requests.slice(from).filter((r) => /\/tickets\/\d+/.test(r));
  return { clock, demo, deps, requests, slept, poll, details };
}

const assign = (...hosts: string[]) => seedConfig(demoAssignments().filter((a) => hosts.includes(a.host)));
const host = async (h: string) => (await readWatchState()).value.hosts[h];

/** The fake helpdesk, answering only once `release()` is called (a poll held in flight). */
function gatedHelpdesk(options: Partial<DemoOptions> = {}) {
  const f = fakeHelpdesk(options);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const deps: WatchDeps = {
    ...f.deps,
    fetch: async (url, init) => {
      await gate;
      return f.deps.fetch(url, init);
    },
  };
  return { f, deps, release };
}

describe('the queue watch with a fake helpdesk and a fake clock', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await assign(W365, ZMANDA);
  });
  afterEach(() => vi.restoreAllMocks());

  it('notifies a new P1 that arrives between two polls once, with its deadline, and opens it on a click', async () => {
    const f = fakeHelpdesk();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await f.poll();
    const key = `zendesk:${W365}:2099`;
    const about = () => create.mock.calls.filter(([id]) => String(id).startsWith(`${key}:`));
    f.demo.scenarios!.push(arrival);
    f.clock.t = NOW + 2 * MIN;
    await f.poll();
    expect(about()).toHaveLength(1);
    const [id, options] = about()[0]! as unknown as [string, { title: string; message: string }];
    expect(id).toBe(`${key}:response:at-risk`);
    expect(options.title).toBe('New P1 at Workspace 365');
    // due 11:06 in Amsterdam, shown in the agent's zone
    const due = Intl.DateTimeFormat().resolvedOptions().timeZone === 'America/New_York' ? '05:06' : '11:06';
    expect(options.message).toBe(`#2099: response due Tue ${due}, in 4 min`);
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked(id);
    expect(open).toHaveBeenCalledWith({ url: `https://${W365}/agent/tickets/2099` });
    // later polls and wake-ups (the at-risk instant passes) do not notify it again
    f.clock.t = NOW + 4 * MIN;
    await f.poll();
    f.clock.t = NOW + 5 * MIN + 30_000;
    await f.poll();
    expect(about()).toHaveLength(1);
    expect((await storedRegistry()).entries[key]?.source).toBe('queue');
  });

  it('does not alert the tickets it finds at a host’s first poll (the wake-up handles passed deadlines)', async () => {
    const f = fakeHelpdesk();
    f.demo.scenarios!.push({ ...arrival, createdAgo: 1 });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await f.poll();
    expect(create.mock.calls.filter(([id]) => String(id).includes(':2099:'))).toHaveLength(0);
  });

  it('lists unchanged tickets without reading their details again', async () => {
    const f = fakeHelpdesk();
    await f.poll();
    const first = f.requests.length;
    expect(f.details().length).toBeGreaterThan(0);
    f.clock.t = NOW + 2 * MIN;
    await f.poll();
    expect(f.details(first)).toEqual([]);
    expect(f.requests.slice(first).every((r) => r.includes('/api/v2/search.json'))).toBe(true);
    expect(f.requests.length - first).toBe(2); // one listing page per host
  });

  it('waits out a 429 for its Retry-After and postpones that host’s next poll', async () => {
    const f = fakeHelpdesk({
      faults: [{ match: /^\/api\/v2\/search\.json/, status: 429, retryAfter: 7, times: 1 }],
    });
    await f.poll();
    expect(f.slept).toContain(7000);
    const limited = (await host(W365)) ?? (await host(ZMANDA));
    expect(limited?.status).toBe('ok');
    const postponed = Object.entries((await readWatchState()).value.hosts).filter(([, h]) => h.retryAt);
    expect(postponed).toHaveLength(1);
    const [name, h] = postponed[0]!;
    expect(h.retryAt!).toBeGreaterThanOrEqual(f.clock.t + 2 * MIN);
    // the next regular poll leaves the postponed host out
    const before = f.requests.length;
    f.clock.t += 2 * MIN + 15_000;
    expect(await checkWatch(f.deps)).toBe(true);
    expect(f.requests.slice(before).some((r) => r.startsWith(name))).toBe(false);
    expect(f.requests.slice(before).length).toBeGreaterThan(0);
  });

  it('shows a signed-out host in the popup and the badge, keeps polling the other, and resumes by itself', async () => {
    const f = fakeHelpdesk({ faults: [{ match: /^\/api\/v2\/search\.json/, status: 401, times: 1 }] });
    await f.poll();
    const signedOut = (await host(W365))?.status === 'auth' ? W365 : ZMANDA;
    const other = signedOut === W365 ? ZMANDA : W365;
    expect((await host(signedOut))?.status).toBe('auth');
    expect(await host(other)).toMatchObject({ status: 'ok' });
    expect(Object.keys((await storedRegistry()).entries).some((k) => k.includes(other))).toBe(true);
    const m = await popupModel(f.clock.t);
    expect(m.watch?.hosts.find((h) => h.host === signedOut)).toMatchObject({ status: 'auth' });
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/!$/);
    const [r, g, b] = (await fakeBrowser.action.getBadgeBackgroundColor({})) as unknown as number[];
    expect(`#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(
      BADGE_COLORS['sign-in'],
    );

    f.clock.t += 2 * MIN;
    await f.poll();
    expect(await host(signedOut)).toMatchObject({ status: 'ok', message: null });
    expect(await fakeBrowser.action.getBadgeText({})).not.toMatch(/!/);
  });

  it('takes a login page instead of JSON as a signed-out session', async () => {
    const f = fakeHelpdesk({
      faults: [{ match: /^\/api\/v2\/search\.json/, status: 200, body: '<html><form id="login">', times: 2 }],
    });
    await f.poll();
    expect((await host(W365))?.status).toBe('auth');
    expect((await host(ZMANDA))?.status).toBe('auth');
  });

  it('reads fewer details when the account’s rate limit is nearly used, and holds the host off', async () => {
    const plenty = fakeHelpdesk({ headers: { 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '650' } });
    await plenty.poll();
    fakeBrowser.reset();
    await assign(W365, ZMANDA);
    const low = fakeHelpdesk({ headers: { 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '100' } });
    await low.poll();
    expect(low.requests.length).toBeLessThan(plenty.requests.length);
    expect(low.details()).toEqual([]);
    const h = await host(W365);
    expect(h?.message).toMatch(/read at the next poll/);
    expect(h?.retryAt).toBeGreaterThanOrEqual(low.clock.t + 4 * MIN);
  });

  it('spends at most the request budget per host and reads the rest at the next poll', async () => {
    const f = fakeHelpdesk({ scenarios: DEMO_SCENARIOS.filter((s) => s.host === W365) });
    await assign(W365);
    f.deps.budget = 3; // the listing page and two tickets (audits only: the listing carries the ticket)
    await f.poll();
    expect(f.requests).toHaveLength(3);
    const w365 = DEMO_SCENARIOS.filter((s) => s.host === W365 && !['solved', 'closed'].includes(s.status));
    expect(Object.keys((await storedRegistry()).entries)).toHaveLength(2);
    f.deps.budget = 100;
    f.clock.t += 2 * MIN;
    await f.poll();
    expect(Object.keys((await storedRegistry()).entries)).toHaveLength(w365.length);
  });

  it('retries network failures with growing backoff and reports them from the third on', async () => {
    await assign(W365);
    const f = fakeHelpdesk({ faults: [{ match: /search\.json/, status: 503, times: 100 }] });
    const retries: number[] = [];
    for (let i = 1; i <= 3; i++) {
      await f.poll();
      const h = (await host(W365))!;
      expect(h).toMatchObject({ status: 'failing', failures: i });
      retries.push(h.retryAt! - f.clock.t);
      const shown = (await popupModel(f.clock.t)).watch?.hosts[0]?.message ?? null;
      if (i < 3) expect(shown).toBeNull();
      else expect(shown).toMatch(/3 failed poll\(s\) in a row \(HTTP 503 from \/api\/v2\/search\.json\)/);
      f.clock.t = h.retryAt!;
    }
    expect(retries).toEqual([2 * MIN, 4 * MIN, 8 * MIN]);
    f.demo.faults = [];
    await f.poll();
    expect(await host(W365)).toMatchObject({ status: 'ok', failures: 0, retryAt: null });
  });

  it('says so when a TOPdesk host has no application password and its session does not answer', async () => {
    await assign(DEMO_HOSTS.scope4mation);
    const f = fakeHelpdesk({ faults: [{ match: /^\/tas\/api\/incidents/, status: 401, times: 1 }] });
    await f.poll();
    expect((await host(DEMO_HOSTS.scope4mation))?.status).toBe('no-credentials');
    const m = await popupModel(f.clock.t);
    expect(m.watch?.hosts[0]?.message).toMatch(/no application password is stored/);
  });

  it('reads a ticket that left the queue once, not at every poll', async () => {
    await assign(W365);
    const f = fakeHelpdesk({ scenarios: DEMO_SCENARIOS.filter((s) => s.host === W365) });
    await f.poll();
    // gone from the listing, still open and readable by id (moved to another group): read once
    const gone = f.demo.scenarios![0]!;
    const list = f.deps.fetch;
    f.deps.fetch = async (url, init) => {
      const res = await list(url, init);
      if (!url.includes('search.json')) return res;
      const body = (await res.json()) as { results: Array<{ id: number }>; count: number };
      const results = body.results.filter((t) => t.id !== gone.id);
      return new Response(JSON.stringify({ ...body, results, count: results.length }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    for (let i = 1; i <= 3; i++) {
      f.clock.t += 2 * MIN;
      await f.poll();
    }
    // listed: its audits only; once it left: the ticket and its audits, once
    expect(f.requests.filter((r) => r.includes(`/tickets/${gone.id}.json`))).toHaveLength(1);
    expect(f.requests.filter((r) => r.includes(`/tickets/${gone.id}/audits.json`))).toHaveLength(2);
  });

  it('polls once when two wake-ups overlap', async () => {
    const f = fakeHelpdesk();
    const [a, b] = await Promise.all([checkWatch(f.deps), checkWatch(f.deps)]);
    expect([a, b]).toEqual([true, true]);
    expect(f.requests.filter((r) => r.includes('search.json'))).toHaveLength(2); // two hosts, once each
    expect(await checkWatch(f.deps)).toBe(false); // polled just now
  });

  it('takes a changed interval at once: a longer one moves the alarm, off clears it', async () => {
    const f = fakeHelpdesk();
    await f.poll();
    const last = (await readWatchState()).value.lastPollAt!;
    const alarm = async () => (await fakeBrowser.alarms.get(WATCH_ALARM))?.scheduledTime ?? null;
    expect(await alarm()).toBe(last + 2 * MIN);
    await fakeBrowser.storage.local.set({ preferences: { watchMinutes: 15 } });
    expect(await scheduleWatch(f.deps)).toBe(last + 15 * MIN);
    expect(await alarm()).toBe(last + 15 * MIN);
    f.clock.t = last + 10 * MIN;
    expect(await checkWatch(f.deps)).toBe(false);
    await fakeBrowser.storage.local.set({ preferences: { watchMinutes: 0 } });
    f.clock.t = last + 60 * MIN;
    expect(await checkWatch(f.deps)).toBe(false);
    expect(await alarm()).toBeNull();
  });

  it('after a worker restart, polls at the next wake-up only when the last poll is older than the interval', async () => {
    const f = fakeHelpdesk();
    await f.poll();
    const polls = () => f.requests.filter((r) => r.includes('search.json')).length;
    f.clock.t += MIN; // a restart one minute later: not yet
    expect(await checkWatch(f.deps)).toBe(false);
    // a poll that was running when the worker died (started, never finished) does not block the next one
    await fakeBrowser.storage.local.set({
      watchState: { ...(await readWatchState()).value, pollStartedAt: f.clock.t },
    });
    f.clock.t += 90_000;
    expect(await checkWatch(f.deps)).toBe(true);
    expect(polls()).toBe(4);
    expect((await readWatchState()).value.pollStartedAt).toBeNull();
  });

  it('is on by default once a host is assigned, and off without assignments', async () => {
    const f = fakeHelpdesk();
    await fakeBrowser.storage.local.remove('preferences');
    expect(await scheduleWatch(f.deps)).toBe(NOW);
    await seedConfig([]);
    expect(await scheduleWatch(f.deps)).toBeNull();
  });
});

describe('“Refresh queue” while a poll is running (issue 18: Firefox lost Mextra’s tickets)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await assign(W365);
  });

  it('polls again after the running poll, with the configuration as it is at the click', async () => {
    // The watch's poll starts with only Workspace 365 assigned, and is still listing when the admin
    // assigns Zmanda and the team lead clicks "Refresh queue".
    const { deps, release } = gatedHelpdesk({
      scenarios: DEMO_SCENARIOS.filter((s) => s.host === W365 || s.host === ZMANDA),
    });
    expect(await startRefresh(deps, { kind: 'queue' }, 'watch')).toEqual({ started: true });
    await assign(W365, ZMANDA);
    await startRefresh(deps, { kind: 'queue' }, 'manual');
    release();
    await refreshDone();
    const keys = Object.keys((await storedRegistry()).entries);
    expect(keys.filter((k) => k.startsWith(`zendesk:${ZMANDA}:`)).length).toBeGreaterThan(0);
    expect((await popupModel()).refresh.running).toBe(false);
  });

  it('coalesces clicks during one poll into one more poll, and a watch wake-up into none', async () => {
    const { f, deps, release } = gatedHelpdesk();
    await startRefresh(deps, { kind: 'queue' }, 'watch');
    await startRefresh(deps, { kind: 'queue' }, 'watch');
    release();
    await refreshDone();
    const listings = () => f.requests.filter((r) => r.includes('/search.json')).length;
    expect(listings()).toBe(1);
    await startRefresh(deps, { kind: 'queue' }, 'watch');
    for (let i = 0; i < 3; i++) await startRefresh(deps, { kind: 'queue' }, 'manual');
    await refreshDone();
    expect(listings()).toBe(3);
  });

  it('runs "Read from the helpdesk" asked for during a watch poll right after that poll, never dropping it', async () => {
    const { f, deps, release } = gatedHelpdesk();
    await startRefresh(deps, { kind: 'queue' }, 'watch');
    expect(await startRefresh(deps, { kind: 'history', period: { kind: 'this-month' } }, 'manual')).toEqual({
      started: false,
    });
    release();
    await refreshDone();
    await vi.waitFor(async () => {
      await refreshDone();
      expect(f.requests.some((r) => decodeURIComponent(r).includes('status>=solved'))).toBe(true);
    });
    await refreshDone();
    const qs = (await fakeBrowser.storage.local.get('queueState')).queueState as {
      historyLoads: Record<string, number>;
    };
    expect(Object.keys(qs.historyLoads)).toHaveLength(1);
  });
});
