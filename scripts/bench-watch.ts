/**
 * The queue watch's figures for `npm run bench` (scripts/bench.ts imports this): requests per poll for
 * a Zendesk view of 100 / 1,000 / 5,000 tickets of which 5 changed since the last poll, counted by the
 * demo helpdesk answering as a `fetch` (100 tickets per view page, as Zendesk), and a poll's own worker
 * time for 1,000 tickets with 5 changes: wall time minus the time spent inside the fake helpdesk
 * (generating its answers stands in for the network), and the share of that which is the wake-up
 * after the poll (re-evaluating the whole registry, lib/background/alarms.ts).
 *
 * The worker's code runs as in the browser, on WXT's fakeBrowser (storage in memory).
 */
import { performance } from 'node:perf_hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEMO_HOSTS, DEMO_SCENARIOS, type DemoScenario } from '../tests/demo/scenarios.ts';
import { demoFetch, type DemoOptions } from '../tests/demo/route.ts';
import { demoAssignments } from '../tests/demo/seed.ts';

(globalThis as unknown as { browser: unknown; chrome: unknown }).browser = fakeBrowser;
(globalThis as unknown as { chrome: unknown }).chrome = fakeBrowser;
const { startRefresh, refreshDone } = await import('../lib/background/watch.ts');
const { wake } = await import('../lib/background/alarms.ts');

const NOW = Date.parse('2026-03-03T10:00:00Z'); // Tuesday 11:00 in Amsterdam
const base = DEMO_SCENARIOS.find((s) => s.host === DEMO_HOSTS.mextra && s.id === 1001)!;

export interface WatchFigures {
  tickets: number;
  pages: number;
  requests: number;
  detailReads: number;
  /** Worker time of the poll (ms), network excluded; only measured for `timed`. */
  workerMs?: number;
  wakeMs?: number;
}

async function one(n: number, timed: boolean): Promise<WatchFigures> {
  fakeBrowser.reset();
  const mextra = demoAssignments().find((a) => a.host === DEMO_HOSTS.mextra)!;
  await fakeBrowser.storage.local.set({
    config: {
      version: 2,
      policies: {},
      disabledBuiltins: [],
      assignments: [{ ...mextra, mapping: { ...mextra.mapping, queue: { viewId: '360001' } } }],
      selfHosted: [],
    },
    config$: { v: 2 },
    preferences: { language: 'en', notifications: false },
  });
  const scenarios: DemoScenario[] = Array.from({ length: n }, (_, i) => ({
    ...base,
    id: 10_000 + i,
    subject: `Ticket ${i}`,
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
    now: () => NOW + 2 * 60_000,
    random: () => 0.5,
    budget: Number.POSITIVE_INFINITY, // the first poll reads everything
  };
  await startRefresh(deps, { kind: 'queue' }, 'watch');
  await refreshDone();

  // Five tickets changed since (an agent replied in each): the second poll, with the default budget.
  for (const s of scenarios.filter((_, i) => i % Math.floor(n / 5) === 0).slice(0, 5))
    s.events = [{ ago: 1, kind: 'agent-reply' }];
  requests.length = 0;
  inFetch = 0;
  const t0 = performance.now();
  await startRefresh({ ...deps, budget: undefined }, { kind: 'queue' }, 'watch');
  await refreshDone();
  const total = performance.now() - t0;
  const figures: WatchFigures = {
    tickets: n,
    pages: requests.filter((p) => p.includes('/views/')).length,
    requests: requests.length,
    detailReads: requests.filter((p) => /\/tickets\/\d+\.json$/.test(p)).length,
  };
  if (timed) {
    const w0 = performance.now();
    await wake('bench', () => NOW + 2 * 60_000);
    figures.wakeMs = performance.now() - w0;
    figures.workerMs = total - inFetch;
  }
  return figures;
}

/** The watch's figures, printed by scripts/bench.ts. */
export async function watchFigures(): Promise<WatchFigures[]> {
  const out: WatchFigures[] = [];
  for (const n of [100, 1000, 5000]) out.push(await one(n, false));
  // timed after a warm-up run of the same size
  await one(1000, true);
  const timed = await one(1000, true);
  out[1] = { ...out[1]!, workerMs: timed.workerMs!, wakeMs: timed.wakeMs! };
  return out;
}

if (process.argv[1]?.endsWith('bench-watch.ts')) {
  for (const f of await watchFigures()) console.log(f);
}
