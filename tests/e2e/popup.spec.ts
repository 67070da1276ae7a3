/**
 * The team-lead popup in real Chromium with the built extension: queue refresh from the routed demo
 * helpdesks (pagination, a 429 on the way), the queue order and counts, first render with 1,000
 * tickets (beside the floor of a trivial extension page in the same run), compliance figures for a
 * fixture period against hand-computed values, and compliance history read from the demo helpdesks.
 *
 * Clock: the service worker runs on the real clock (Playwright's clock does not reach it), so the demo
 * is built relative to the real now, and expectations are computed from what the worker stored.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect, killWorker, replaceStoredRegistry, settled, storedLocal } from './fixtures';
import { seedDemo } from '../demo/seed';
import { DEMO_HISTORY, DEMO_HOSTS, DEMO_SCENARIOS, solvedAt } from '../demo/scenarios';
import { BUILTIN_POLICIES, getBuiltinPolicy } from '../../policies';
import { evaluate } from '../../lib/sla';
import { isFinished, MAX_STORED_INTERVALS, summarizeEvaluation } from '../../lib/registry';
import type { Registry, RegistryEntry } from '../../lib/registry';
import { sortByTimeToBreach, summarize, toQueueRows } from '../../lib/queue/rows';
import { vocabularies } from '../../lib/background/popup-model';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

const NOW = Date.now();
const requests: URL[] = [];

test.use({
  demo: {
    now: NOW,
    // Zendesk search, second page: "slow down" once, with Retry-After.
    faults: [{ match: /^\/api\/v2\/search\.json\?.*page=2/, status: 429, retryAfter: 1, times: 1 }],
    onRequest: (url) => requests.push(url),
  },
});
test.beforeEach(async ({ serviceWorker }) => {
  requests.length = 0;
  await seedDemo(serviceWorker);
  await settled(serviceWorker);
});

export async function storedRegistry(sw: Worker): Promise<Registry> {
  return (await storedLocal(sw, 'registry')) as Registry;
}

/**
 * Replaces the stored registry with `registry`, and makes sure it stays: the worker's own wake-ups
 * (an `sla-next` alarm of the seeded demo, the 5-minute safety alarm) read-modify-write the registry,
 * and one that read before this write would put the old registry back when it writes. So the alarms
 * are cleared, in-flight wake-ups are let finish, and the write is checked (and repeated) until none
 * of the previous tickets comes back.
 */
export async function writeRegistry(sw: Worker, registry: Registry): Promise<void> {
  await sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome;
    await c.alarms.clearAll();
  });
  await settled(sw, 500);
  const ours = new Set(Object.keys(registry.entries));
  for (let attempt = 0; attempt < 5; attempt++) {
    await replaceStoredRegistry(sw, registry);
    await settled(sw, 500, 3000);
    const stored = Object.keys((await storedRegistry(sw))?.entries ?? {});
    if (stored.length > 0 && stored.every((k) => ours.has(k))) return;
  }
  throw new Error('the worker kept overwriting the registry the test wrote');
}

/**
 * Wakes the worker as its `sla-next` alarm would, and waits until it has written the registry: it
 * re-evaluates, re-plans alarms and writes the popup's snapshot, as after any change it makes itself.
 */
export async function wakeWorker(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };
      }
    ).chrome;
    await c.alarms.create('sla-next', { when: Date.now() });
  });
  await settled(sw, 500);
}

test('a Zendesk view id set in Options makes the queue refresh read that view', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const options = await new OptionsPage(await context.newPage(), extensionId).open();
  await options.editMapping(DEMO_HOSTS.mextra);
  // The admin pastes the view's URL; the id is taken from it.
  await options.page
    .getByLabel('Queue view id')
    .fill(`https://${DEMO_HOSTS.mextra}/agent/filters/360001234567`);
  await options.save();
  await expect
    .poll(async () => {
      const config = await storedLocal(serviceWorker, 'config');
      const list = (config as { assignments?: Array<{ host: string; mapping?: unknown }> })?.assignments;
      return list?.find((a) => a.host === DEMO_HOSTS.mextra)?.mapping;
    })
    .toEqual(expect.objectContaining({ queue: { viewId: '360001234567' } }));

  await (await new PopupPage(await context.newPage(), extensionId).open()).refresh();
  const mextra = requests.filter((u) => u.host === DEMO_HOSTS.mextra && u.pathname.startsWith('/api/v2/'));
  expect(mextra.some((u) => u.pathname === '/api/v2/views/360001234567/tickets.json')).toBe(true);
  expect(mextra.some((u) => u.pathname === '/api/v2/search.json')).toBe(false);
  // Other Zendesk hosts without a view keep the unsolved search.
  expect(
    requests.some((u) => u.host === DEMO_HOSTS.workspace365 && u.pathname === '/api/v2/search.json'),
  ).toBe(true);
});

/** The seed policies' labels, in English, as the worker passes them. */
const vocabulary = vocabularies(new Map(BUILTIN_POLICIES.map((p) => [p.id, p])), 'en');

test('refreshes the queue from the helpdesk APIs (pages, a 429) and lists it by time to breach with counts', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await expect(popup.lastRefresh).toContainText(/not refreshed|nog niet/i);
  await popup.refresh();

  // Pagination and the 429: Zendesk search pages 1, 2 (429), 2 again, on the Mextra host (4 open tickets)
  const search = requests
    .filter((u) => u.host === DEMO_HOSTS.mextra && u.pathname === '/api/v2/search.json')
    .map((u) => u.searchParams.get('page') ?? '1');
  expect(search).toEqual(['1', '2', '2']);
  expect(
    requests.some((u) => u.host === DEMO_HOSTS.scope4mation && u.pathname === '/tas/api/incidents'),
  ).toBe(true);

  const open = DEMO_SCENARIOS.filter((s) => !['solved', 'closed'].includes(s.status));
  const reg = await storedRegistry(serviceWorker);
  const entries = Object.values(reg.entries);
  expect(entries.map((e) => e.key).sort()).toEqual(
    expect.arrayContaining(
      open.filter((s) => s.helpdesk === 'zendesk').map((s) => `zendesk:${s.host}:${s.id}`),
    ),
  );
  expect(entries.every((e) => e.source === 'queue' && e.evaluation !== null)).toBe(true);

  // The popup's order is the registry's, sorted by time to breach
  const unfinished = entries.filter((e) => !isFinished(e));
  await expect(popup.rows).toHaveCount(unfinished.length);
  const shown = await popup.shownKeys();
  const now = Date.now();
  const expected = sortByTimeToBreach(toQueueRows(unfinished, now, vocabulary), now).map((r) => r.key);
  expect(shown).toEqual(expected);
  console.log(`queue order: ${shown.join(', ')}`);

  // Counts: breached / at risk / running / paused, as the model summarises the same rows
  const counts = summarize(toQueueRows(unfinished, now, vocabulary), now).overall;
  for (const state of ['breached', 'at-risk', 'running', 'paused'] as const)
    await expect(popup.count(state)).toHaveText(String(counts[state]));
  expect(counts.breached + counts['at-risk'] + counts.running + counts.paused).toBeGreaterThan(0);
  await expect(popup.lastRefresh).not.toContainText(/not refreshed/i);
});

/** n open Mextra tickets created over the last days, evaluated as the worker would. */
export function manyEntries(n: number, now: number): Registry {
  const policy = getBuiltinPolicy('mextra')!;
  const priorities = ['urgent', 'high', 'normal', 'low'];
  const entries: Record<string, RegistryEntry> = {};
  for (let i = 0; i < n; i++) {
    const ticket = {
      createdAt: new Date(now - ((i * 7919) % (5 * 86_400_000))).toISOString(),
      priority: priorities[i % 4]!,
      type: 'incident',
    };
    const ev = evaluate(policy, ticket, now, { explain: false, maxIntervals: MAX_STORED_INTERVALS });
    const id = 100_000 + i;
    const key = `zendesk:${DEMO_HOSTS.mextra}:${id}`;
    entries[key] = {
      key,
      helpdesk: 'zendesk',
      host: DEMO_HOSTS.mextra,
      ticketId: String(id),
      ticketKey: `#${id}`,
      subject: `Generated ticket ${id}`,
      link: `https://${DEMO_HOSTS.mextra}/agent/tickets/${id}`,
      ticket,
      policyId: 'mextra',
      tier: ev.tier,
      evaluation: summarizeEvaluation(ev),
      lastSeen: now,
      lastRefresh: now,
      source: 'queue',
    };
  }
  return { version: 2, entries };
}

interface PopupTimings {
  parsed: number;
  script: number;
  snapshot: number | undefined;
  model: number | undefined;
  firstRender: number | undefined;
  allRows: number | undefined;
  /** Row keys in the DOM at the first render with rows, and once every row is there. */
  firstKeys: string[];
  finalKeys: string[];
}

/** Opens the popup in a new tab and reads its performance marks once every row is rendered. */
async function timePopup(page: Page, extensionId: string, rows: number): Promise<PopupTimings> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstKeys?: string[] };
    const observer = new MutationObserver(() => {
      const keys = [...document.querySelectorAll('li.row')].map((li) => li.getAttribute('data-key') ?? '');
      if (keys.length > 0 && !w.__firstKeys) {
        w.__firstKeys = keys;
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('li.row')).toHaveCount(rows, { timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('popup-all-rows').length)).toBe(1);
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      parsed: nav.domInteractive,
      script: at('popup-start') ?? NaN,
      snapshot: at('popup-snapshot-received'),
      model: at('popup-model-received'),
      firstRender: at('popup-first-render'),
      allRows: at('popup-all-rows'),
      firstKeys: (window as unknown as { __firstKeys?: string[] }).__firstKeys ?? [],
      finalKeys: [...document.querySelectorAll('li.row')].map((li) => li.getAttribute('data-key') ?? ''),
    };
  });
}

const ms = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function printRun(label: string, t: PopupTimings) {
  console.log(
    `${label}: HTML parsed ${ms(t.parsed)}, script ${ms(t.script)}, snapshot ${ms(t.snapshot)}, ` +
      `first render ${ms(t.firstRender)}, full model ${ms(t.model)}, all rows ${ms(t.allRows)}`,
  );
}

/** When a page that only runs a one-line script runs it (ms after navigation start): the floor. */
async function timeReference(page: Page, extensionId: string): Promise<number> {
  await page.goto(`chrome-extension://${extensionId}/reference.html`);
  return page.evaluate(() => performance.getEntriesByName('reference-script')[0]!.startTime);
}

// @timed: measured alone, after the rest of the suite (playwright.config.ts), so its figures are not
// another browser's load.
test.describe('popup first render', { tag: '@timed' }, () => {
  test.use({ referencePage: true });

  test('first render with 1,000 tickets in the registry, beside the floor of an extension page (performance marks, printed)', async ({
    context,
    extensionId,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    await writeRegistry(serviceWorker, manyEntries(1000, Date.now()));
    await wakeWorker(serviceWorker);
    const runs: PopupTimings[] = [];
    const floor: number[] = [];
    for (let run = 0; run < 9; run++) {
      // The same machine, the same moment: a page with one trivial script, then the popup.
      const reference = await context.newPage();
      floor.push(await timeReference(reference, extensionId));
      await reference.close();
      const page = await context.newPage();
      const t = await timePopup(page, extensionId, 1000);
      printRun(`run ${run}`, t);
      // The first paint is the top of the real queue: the same tickets, in the same order, as the
      // first rows once all 1,000 are there.
      expect(t.firstKeys.length).toBeGreaterThan(0);
      expect(t.finalKeys).toHaveLength(1000);
      expect(t.firstKeys).toEqual(t.finalKeys.slice(0, t.firstKeys.length));
      runs.push(t);
      await page.close();
    }
    const first = runs.map((r) => r.firstRender!);
    const own = runs.map((r) => r.firstRender! - r.parsed);
    console.log(
      `popup first render with 1,000 tickets: median ${ms(median(first))} after navigation start ` +
        `(runs: ${first.map((f) => f.toFixed(0)).join(', ')} ms; target ≤ 100 ms); ` +
        `of which after the browser parsed the page: median ${ms(median(own))}; ` +
        `all 1,000 rows: median ${ms(median(runs.map((r) => r.allRows!)))}`,
    );
    console.log(
      `floor in the same run — an extension page whose only script is one line runs it at: median ` +
        `${ms(median(floor))} (runs: ${floor.map((f) => f.toFixed(0)).join(', ')} ms); ` +
        `the popup's first render comes median ${ms(median(runs.map((r, i) => r.firstRender! - floor[i]!)))} after it`,
    );

    // With the worker stopped (as MV3 does after 30 s idle) the snapshot still paints at once, and the
    // request for the full model starts the worker again.
    await killWorker(context, await context.newPage());
    const cold = await timePopup(await context.newPage(), extensionId, 1000);
    printRun('worker stopped', cold);
    expect(cold.snapshot).toBeDefined();
    expect(cold.firstKeys).toEqual(cold.finalKeys.slice(0, cold.firstKeys.length));
  });
});

/** Finished tickets with known outcomes, closed `daysAgo` days ago. */
function finished(
  policyId: 'workspace365' | 'mextra',
  host: string,
  id: number,
  priority: string,
  daysAgo: number,
  outcome: { state: 'met' | 'breached'; goalState?: 'met' | 'missed' },
  now: number,
): RegistryEntry {
  const closed = now - daysAgo * 86_400_000;
  const iso = (t: number) => new Date(t).toISOString();
  const metric = {
    state: outcome.state,
    dueAt: iso(closed - 3600_000),
    atRiskAt: null,
    goalAt: outcome.goalState ? iso(closed - 2 * 3600_000) : null,
    goalPercent: outcome.goalState ? 90 : null,
    goalState: outcome.goalState ?? null,
    atRisk: false,
    stoppedAt: iso(closed),
    targetMs: 4 * 3600_000,
    remainingMs: null,
    businessTime: true,
    openIntervals: [],
  };
  const key = `zendesk:${host}:${id}`;
  return {
    key,
    helpdesk: 'zendesk',
    host,
    ticketId: String(id),
    ticketKey: `#${id}`,
    subject: `Finished ${id}`,
    link: `https://${host}/agent/tickets/${id}`,
    ticket: {
      createdAt: iso(closed - 5 * 3600_000),
      priority,
      events: [{ at: iso(closed), type: 'status', status: 'solved' }],
    },
    policyId,
    tier: 'standard',
    evaluation: {
      evaluatedAt: iso(closed),
      policy: policyId,
      policyName: policyId === 'mextra' ? 'Mextra' : 'Workspace 365',
      tier: 'standard',
      type: 'incident',
      priority,
      metrics: { resolution: metric },
    },
    lastSeen: closed,
    lastRefresh: closed,
    source: 'opened',
  };
}

test('compliance figures for a fixture period match hand-computed values', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const now = Date.now();
  const list: RegistryEntry[] = [];
  // Workspace 365, P1 resolution: 3 finished, 2 within the deadline → 2/3 = 66.7 %, misses "> 99 %".
  list.push(finished('workspace365', DEMO_HOSTS.workspace365, 1, 'P1', 2, { state: 'met' }, now));
  list.push(finished('workspace365', DEMO_HOSTS.workspace365, 2, 'P1', 3, { state: 'met' }, now));
  list.push(finished('workspace365', DEMO_HOSTS.workspace365, 3, 'P1', 4, { state: 'breached' }, now));
  // Mextra, high resolution: 10 finished, 9 within the goal (9/10 = 90 %, meets "≥ 90 %") and
  // all 10 within the deadline (100 %, meets "≥ 100 %").
  for (let i = 0; i < 10; i++)
    list.push(
      finished(
        'mextra',
        DEMO_HOSTS.mextra,
        100 + i,
        'high',
        1 + i,
        { state: 'met', goalState: i === 0 ? 'missed' : 'met' },
        now,
      ),
    );
  // Outside the last 30 days: not counted (and pruned by the worker at the next write).
  list.push(
    finished('mextra', DEMO_HOSTS.mextra, 200, 'high', 40, { state: 'breached', goalState: 'missed' }, now),
  );
  await writeRegistry(serviceWorker, {
    version: 2,
    entries: Object.fromEntries(list.map((e) => [e.key, e])),
  });

  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await popup.showCompliance('last-30-days');
  await expect(popup.complianceHead).toContainText('13');

  await expect(popup.figureCount('workspace365|P1|resolution|due')).toHaveText('2/3');
  await expect(popup.figure('workspace365|P1|resolution|due')).toHaveClass(/misses/);
  await expect(popup.figure('workspace365|P1|resolution|due')).toContainText('66.7');
  await expect(popup.figureCount('mextra|high|resolution|goal')).toHaveText('9/10');
  await expect(popup.figure('mextra|high|resolution|goal')).toHaveClass(/meets/);
  await expect(popup.figureCount('mextra|high|resolution|due')).toHaveText('10/10');
  await expect(popup.figure('mextra|high|resolution|due')).toHaveClass(/meets/);
  // The breach behind the Workspace 365 figure is listed
  await popup.showBreaches('workspace365|P1|resolution|due');
  await expect(popup.breaches).toContainText('#3');
});

test('"Read from the helpdesk" counts every ticket the demo helpdesks finished in the period', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const popup = await new PopupPage(await context.newPage(), extensionId).open();
  await popup.showCompliance('last-30-days');
  await expect(popup.historyNote).toContainText('saw finish');
  await expect(popup.complianceHead).toContainText(': 0 finished tickets');

  await popup.page.getByRole('button', { name: 'Read from the helpdesk' }).click();
  await expect(popup.historyNote).toContainText('Finished tickets read from the helpdesk', {
    timeout: 30_000,
  });
  await expect(popup.page.locator('.history .refresh-errors')).toHaveCount(0);

  // Every demo ticket solved in the last 30 days, from all five hosts (Zendesk and TOPdesk).
  const since = NOW - 30 * 86_400_000;
  const finished = [...DEMO_SCENARIOS, ...DEMO_HISTORY].filter((s) => (solvedAt(s, NOW) ?? 0) >= since);
  expect(finished.length).toBeGreaterThan(20);
  await expect(popup.complianceHead).toContainText(`: ${finished.length} finished tickets`);
  // Listed with the finished-ticket searches (page by page), on every host.
  const hostsAsked = (prefix: string) =>
    [
      ...new Set(
        requests.filter((u) => (u.searchParams.get('query') ?? '').startsWith(prefix)).map((u) => u.host),
      ),
    ].sort();
  expect(hostsAsked('type:ticket status>=solved solved>=')).toEqual(
    [DEMO_HOSTS.mextra, DEMO_HOSTS.workspace365, DEMO_HOSTS.membro, DEMO_HOSTS.zmanda].sort(),
  );
  expect(hostsAsked('completed==true;completedDate=ge=')).toEqual([DEMO_HOSTS.scope4mation]);

  // Mextra urgent resolution (6 business hours): the ticket solved a week after it came in is a
  // breach; the one solved within three hours is not.
  await expect(popup.figureCount('mextra|urgent|resolution|due')).toHaveText('1/2');
  await popup.showBreaches('mextra|urgent|resolution|due');
  await expect(popup.breaches).toContainText('#10011');
  await expect(popup.breaches).not.toContainText('#10010');

  // History goes to compliance, not to the queue.
  const reg = (await storedLocal(serviceWorker, 'registry')) as Registry | undefined;
  expect(Object.keys(reg?.entries ?? {}).filter((k) => /:(\d{5}|1\d\d)$/.test(k))).toEqual([]);
});
