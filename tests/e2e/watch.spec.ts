/**
 * The queue watch in real Chromium with the built extension and the routed demo helpdesks, with no tab
 * on any ticket: a ticket added to the queue is found by the next poll (badge, exactly one
 * notification, before its deadline); a killed worker resumes watching without notifying twice; an
 * expired session (routed 401) shows the sign-in state in the popup and recovers by itself.
 *
 * Time: the worker runs on the real clock. Instead of sleeping through the 2-minute interval, a test
 * moves the stored last poll back by one interval (as if that time had passed) and fires the real
 * `sla-watch` alarm; the worker's own alarm handler decides to poll (chrome.alarms fires an alarm
 * set in the past at once for an unpacked extension).
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect, killWorker, storedRegistryIn } from './fixtures';
import { seedDemo } from '../demo/seed';
import { DEMO_ARRIVAL, DEMO_HOSTS, DEMO_SCENARIOS, type DemoScenario } from '../demo/scenarios';
import type { DemoOptions } from '../demo/route';

const NOW = Date.now();
const demo: DemoOptions = { now: NOW, scenarios: [], faults: [] };
test.use({ demo });
test.beforeEach(() => {
  demo.scenarios = DEMO_SCENARIOS.filter((s) => s.host === DEMO_HOSTS.zmanda);
  demo.faults = [];
});

type Chrome = {
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

/** Runs in the worker, or in an extension page after a restart (same storage, alarms, badge). */
type Ext = Worker | Page;

async function watchState(ext: Ext) {
  return (ext as Worker).evaluate(async () => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    return ((await c.storage.local.get('watchState')).watchState ?? null) as {
      lastPollAt: number | null;
      hosts: Record<string, { status: string; message: string | null }>;
    } | null;
  });
}

async function observed(ext: Ext, prefix: string) {
  return (ext as Worker).evaluate(async (p) => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const markers = ((await c.storage.local.get('alertMarkers')).alertMarkers ?? {}) as Record<
      string,
      { at: number; firedAt: number; silent?: boolean }
    >;
    return {
      badge: await c.action.getBadgeText({}),
      shown: Object.entries(markers).filter(([id, m]) => id.startsWith(p) && !m.silent),
      notifications: Object.keys(await c.notifications.getAll()).filter((id) => id.startsWith(p)),
    };
  }, prefix);
}

/** "Two minutes later": the last poll moved back one interval, then the real watch alarm fired. */
async function nextPoll(ext: Ext) {
  const before = (await watchState(ext))?.lastPollAt ?? 0;
  await (ext as Worker).evaluate(async () => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const { watchState } = (await c.storage.local.get('watchState')) as {
      watchState: { lastPollAt: number };
    };
    await c.storage.local.set({ watchState: { ...watchState, lastPollAt: watchState.lastPollAt - 150_000 } });
    await c.alarms.create('sla-watch', { when: Date.now() });
  });
  await expect
    .poll(async () => (await watchState(ext))?.lastPollAt ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(before);
}

/**
 * A ticket that joins the queue now, created 12 minutes ago (moved in from another group): a Zmanda
 * Premium P1 then has 3 of its 15 response minutes left, so it is at risk (and the badge counts it).
 */
const arriving = (s: DemoScenario, id: number): DemoScenario => ({
  ...s,
  id,
  createdAgo: 12 - (Date.now() - NOW) / 60_000,
});

async function firstPoll(sw: Worker) {
  await seedDemo(sw, { watch: true }); // a fresh install: the watch is on once hosts are assigned
  await expect
    .poll(async () => (await watchState(sw))?.lastPollAt ?? null, { timeout: 20_000 })
    .not.toBeNull();
}

test('a ticket added to the queue with no tab on it changes the badge and notifies once, before its response deadline', async ({
  serviceWorker: sw,
}) => {
  await firstPoll(sw);
  const key = `zendesk:${DEMO_HOSTS.zmanda}:4009:`;
  const before = await observed(sw, key);
  demo.scenarios!.push(arriving(DEMO_ARRIVAL, 4009));
  const t0 = Date.now();
  await nextPoll(sw);
  console.log(`poll found the new ticket ${Date.now() - t0} ms after the alarm was set`);
  // The poll's stamp is written before its wake-up sets the badge and shows the alert: wait for both.
  await expect
    .poll(async () => Number((await observed(sw, key)).badge), { timeout: 10_000 })
    .toBe(Number(before.badge || '0') + 1);
  await expect.poll(async () => (await observed(sw, key)).notifications.length, { timeout: 10_000 }).toBe(1);
  const after = await observed(sw, key);
  expect(after.shown.map(([id]) => id)).toEqual([`${key}response:at-risk`]);
  expect(after.notifications).toEqual([`${key}response:at-risk`]);
  const registry = await storedRegistryIn(sw);
  const due = Date.parse(registry.entries[key.slice(0, -1)]!.evaluation!.metrics.response!.dueAt!);
  expect(after.shown[0]![1].firedAt).toBeLessThan(due);

  await nextPoll(sw);
  expect((await observed(sw, key)).notifications).toEqual([`${key}response:at-risk`]);
});

test('a worker killed between two polls resumes watching and does not notify twice', async ({
  context,
  extensionId,
  serviceWorker: sw,
}) => {
  await firstPoll(sw);
  const first = `zendesk:${DEMO_HOSTS.zmanda}:4009:`;
  demo.scenarios!.push(arriving(DEMO_ARRIVAL, 4009));
  await nextPoll(sw);
  await expect.poll(async () => (await observed(sw, first)).shown.length, { timeout: 10_000 }).toBe(1);

  const page = await context.newPage();
  await killWorker(context, page);
  // An extension page starts the worker again and sees its storage, alarms and notifications.
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
  const second = `zendesk:${DEMO_HOSTS.zmanda}:4010:`;
  demo.scenarios!.push(arriving({ ...DEMO_ARRIVAL, subject: 'Second arrival' }, 4010));
  await nextPoll(page);
  await expect.poll(async () => (await observed(page, second)).shown.length, { timeout: 10_000 }).toBe(1);
  const a = await observed(page, first);
  const b = await observed(page, second);
  expect(a.shown).toHaveLength(1);
  expect(a.notifications).toEqual([`${first}response:at-risk`]);
  expect(b.shown.map(([id]) => id)).toEqual([`${second}response:at-risk`]);
  await expect(page.locator('.watch-line')).toContainText(/Watching 5 helpdesks every 2 min · last checked/);
});

test('an expired session (routed 401) shows the sign-in state in the popup and the badge, and recovers', async ({
  context,
  extensionId,
  serviceWorker: sw,
}) => {
  demo.faults!.push({ match: /^\/api\/v2\/search\.json/, status: 401, times: 1000 });
  await firstPoll(sw);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
  const signIn = page.locator('.watch-signin');
  await expect(signIn).toContainText('Sign in to Zendesk again to keep watching zmanda.zendesk.com.');
  await expect(signIn.locator(`a[href="https://${DEMO_HOSTS.zmanda}/agent"]`)).toHaveText('Open Zendesk');
  // The poll's stamp is written before its wake-up sets the badge: wait for the badge.
  await expect.poll(async () => (await observed(sw, '-')).badge, { timeout: 10_000 }).toMatch(/!$/);
  expect((await watchState(sw))?.hosts[DEMO_HOSTS.scope4mation]?.status).toBe('ok');

  demo.faults!.length = 0; // the agent signed in again
  await nextPoll(sw);
  await page.reload();
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.watch-signin')).toHaveCount(0);
  await expect.poll(async () => (await observed(sw, '-')).badge, { timeout: 10_000 }).not.toMatch(/!/);
});
