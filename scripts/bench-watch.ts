/**
 * The queue watch's figures for `npm run bench` (scripts/bench.ts imports this): requests per poll for
 * a Zendesk view and a TOPdesk queue of 100 / 1,000 / 5,000 tickets of which 5 changed since the last
 * poll, counted by the demo helpdesk answering as a `fetch` (100 tickets per page), and a poll's own
 * worker time for 1,000 and 5,000 Zendesk tickets with 5 changes: wall time minus the time spent
 * inside the fake helpdesk (generating its answers stands in for the network); of that, the wake-up
 * after the poll (lib/background/wake.ts `wakeAfterPoll`, planning from the store's indexes), next
 * to what a full re-evaluating wake-up of the same registry takes.
 *
 * The worker's code runs as in the browser, on WXT's fakeBrowser and fake-indexeddb (in memory).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_HOSTS, DEMO_SCENARIOS, type DemoScenario } from '../tests/demo/scenarios.ts';
import { demoFetch, type DemoOptions } from '../tests/demo/route.ts';
import { demoAssignments } from '../tests/demo/seed.ts';
import { HELPDESK_IDS, type HelpdeskId } from '../lib/helpdesks/catalog.ts';
import type { Assignment } from '../lib/storage/schemas.ts';

(globalThis as unknown as { browser: unknown; chrome: unknown }).browser = fakeBrowser;
(globalThis as unknown as { chrome: unknown }).chrome = fakeBrowser;
const { startRefresh, refreshDone } = await import('../lib/background/watch.ts');
const { wake, wakeAfterPoll } = await import('../lib/background/wake.ts');
const { deleteStore } = await import('../lib/storage/db.ts');
const { forgetStoreState } = await import('../lib/background/registry-store.ts');

const NOW = Date.parse('2026-03-03T10:00:00Z'); // Tuesday 11:00 in Amsterdam

export interface WatchFigures {
  helpdesk: HelpdeskId;
  tickets: number;
  pages: number;
  requests: number;
  /** Tickets whose detail was read (Zendesk: audits; the listing carries the ticket object). */
  detailReads: number;
  /** Worker time of the second poll (ms), network excluded; only measured for `timed`. */
  workerMs?: number;
  /** Of that, the wake-up after the poll (planning from the store's indexes). */
  pollWakeMs?: number;
  /** A full wake-up re-evaluating the whole registry, for comparison (what the poll used to run). */
  fullWakeMs?: number;
}

/** Per helpdesk: the demo host it is measured on, and its assignment (Zendesk lists a view). */
const SETUP: Record<HelpdeskId, { host: string; assignment: (a: Assignment) => Assignment }> = {
  zendesk: {
    host: DEMO_HOSTS.mextra,
    assignment: (a) => ({ ...a, mapping: { ...a.mapping, queue: { viewId: '360001' } } }),
  },
  topdesk: { host: DEMO_HOSTS.scope4mation, assignment: (a) => a },
};

async function one(helpdesk: HelpdeskId, n: number, timed: boolean): Promise<WatchFigures> {
  fakeBrowser.reset();
  await deleteStore();
  forgetStoreState();
  const host = SETUP[helpdesk].host;
  const base = DEMO_SCENARIOS.find((s) => s.host === host && s.status !== 'solved')!;
  const assignment = demoAssignments().find((a) => a.host === host)!;
  await fakeBrowser.storage.local.set({
    config: {
      version: 2,
      policies: {},
      disabledBuiltins: [],
      assignments: [SETUP[helpdesk].assignment(assignment)],
      selfHosted: [],
    },
    config$: { v: 2 },
    preferences: { language: 'en', notifications: false },
  });
  const scenarios: DemoScenario[] = Array.from({ length: n }, (_, i) => ({
    ...base,
    id: 10_000 + i,
    subject: `Ticket ${i}`,
    status: 'open',
    createdAgo: 30 + (i % 600),
    events: [],
  }));
  const requests: string[] = [];
  let inFetch = 0;
  const demo: DemoOptions = {
    now: NOW,
    scenarios,
    history: [],
    pageSize: 100,
    onRequest: (u) => requests.push(u.pathname),
  };
  const answer = demoFetch(demo, () => NOW);
  let clock = NOW + 2 * 60_000;
  const deps = {
    fetch: async (url: string) => {
      const t = performance.now();
      try {
        return await answer(url);
      } finally {
        inFetch += performance.now() - t;
      }
    },
    sleep: async () => {},
    now: () => clock,
    random: () => 0.5,
    budget: Number.POSITIVE_INFINITY, // the first poll reads everything
  };
  await startRefresh(deps, { kind: 'queue' }, 'watch');
  await refreshDone();

  // Five tickets changed since (an agent replied in each): the second poll, with the default budget.
  for (const s of scenarios.filter((_, i) => i % Math.floor(n / 5) === 0).slice(0, 5))
    s.events = [{ ago: 1, kind: 'agent-reply' }];
  clock += 2 * 60_000;
  requests.length = 0;
  inFetch = 0;
  const t0 = performance.now();
  await startRefresh({ ...deps, budget: undefined }, { kind: 'queue' }, 'watch');
  await refreshDone();
  const total = performance.now() - t0;
  const isList = (p: string) => p.includes('/views/') || p === '/tas/api/incidents';
  const figures: WatchFigures = {
    helpdesk,
    tickets: n,
    pages: requests.filter(isList).length,
    requests: requests.length,
    detailReads: new Set(requests.filter((p) => !isList(p)).map((p) => p.match(/\/tickets\/(\d+)/)?.[1] ?? p))
      .size,
  };
  if (timed) {
    // The poll's wake-up alone, once more on the same store (nothing changed: the same work).
    const p0 = performance.now();
    await wakeAfterPoll([], () => clock);
    const pollWakeMs = performance.now() - p0;
    const w0 = performance.now();
    await wake('bench', () => clock);
    figures.fullWakeMs = performance.now() - w0;
    figures.pollWakeMs = pollWakeMs;
    figures.workerMs = total - inFetch;
  }
  return figures;
}

/** The watch's figures, printed by scripts/bench.ts: requests for both helpdesks, times for Zendesk. */
export async function watchFigures(): Promise<WatchFigures[]> {
  const out: WatchFigures[] = [];
  for (const helpdesk of HELPDESK_IDS)
    for (const n of [100, 1000, 5000]) out.push(await one(helpdesk, n, false));
  return out;
}

/** A poll's worker time for 1,000 and 5,000 (a listing's default 50-page cap) queued Zendesk tickets with 5 changes (after a warm-up). */
export async function watchTimes(): Promise<WatchFigures[]> {
  await one('zendesk', 1000, true);
  return [await one('zendesk', 1000, true), await one('zendesk', 5000, true)];
}

if (process.argv[1]?.endsWith('bench-watch.ts')) {
  for (const f of await watchFigures()) console.log(f);
  for (const f of await watchTimes()) console.log(f);
}
