/**
 * Firefox smoke suite: the built MV2 add-on (.output/firefox-mv2) in Debian's Firefox ESR, driven
 * over WebDriver BiDi (tests/firefox/bidi.ts), on the same demo helpdesks as the Chromium suite,
 * served over HTTPS on loopback (tests/firefox/demo-server.ts). One browser for the whole file; the
 * tests run in order and build on each other, as a new user would: install, assign, open tickets,
 * refresh the queue, reload the add-on.
 *
 * Run: `npm run test:e2e:firefox` (after `npm run build:firefox`); `npm test` runs it too.
 */
import { openShadowRootCopy } from '../support/browser';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { Firefox } from './bidi';
import { startDemoServer, type DemoServer } from './demo-server';
import { demoTicketUrl } from '../demo/route';
import { demoAssignments } from '../demo/seed';
import { DEMO_HOSTS, DEMO_SCENARIOS, type DemoScenario } from '../demo/scenarios';
import { topdeskUuid } from '../demo/payloads';
import { SIDEBAR_SELECTOR } from '../support/selectors';
import { expectedEntry, expectedEvaluation } from '../support/expected';
import { isFinished, summarizeEvaluation } from '../../lib/registry';
import type { HostMapping } from '../../lib/helpdesks';

// The test copy keeps the sidebar's shadow root open (as the Chromium e2e copy does) so the suite can
// read it, and carries one more content script of this add-on, the probe (see `withProbe`).
const ADDON_DIR = withProbe(
  openShadowRootCopy(path.resolve(import.meta.dirname, '../../.output/firefox-mv2')),
);
const ADDON_ID = 'sla-overlay@helpdesk-sla.example';
/** Fixed through the profile pref `extensions.webextensions.uuids`, so the test knows the origin. */
const UUID = '0b6f5a2e-7c1d-4e8a-9f3b-5d2c1a0e9b47';
const ORIGIN = `moz-extension://${UUID}`;
const NOW = Date.now();
/** A self-hosted TOPdesk (answered like the demo's scope4mation.topdesk.net), outside the manifest's matches. */
const SELF_HOSTED = 'servicedesk.example.test';

test.describe.configure({ mode: 'serial' });

/**
 * Adds a content script to the test copy: when the page fires `sla-probe`, it tries what any content
 * script of this add-on could (storage.local, IndexedDB) and leaves what it got in
 * `<html data-sla-probe>`. BiDi cannot evaluate in a Firefox content-script sandbox, so this is the
 * honest equivalent: a real content script of the same add-on, in the same sandbox as the shipped
 * ones, with the same extension principal — only its code is the test's.
 */
function withProbe(dir: string): string {
  const probe = `document.addEventListener('sla-probe', async () => {
    const out = {};
    try { out.local = await browser.storage.local.get(null); } catch (e) { out.localError = String(e); }
    try { out.databases = (await indexedDB.databases()).map((d) => d.name); } catch (e) { out.databasesError = String(e); }
    out.stores = await new Promise((resolve) => {
      const r = indexedDB.open('sla-secrets');
      r.onsuccess = () => { const names = [...r.result.objectStoreNames]; r.result.close(); indexedDB.deleteDatabase('sla-secrets'); resolve(names); };
      r.onerror = () => resolve(['error: ' + r.error]);
    });
    document.documentElement.setAttribute('data-sla-probe', JSON.stringify(out));
  });`;
  writeFileSync(path.join(dir, 'sla-probe.js'), probe);
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { content_scripts: object[] };
  manifest.content_scripts.push({ matches: [`https://${DEMO_HOSTS.mextra}/*`], js: ['sla-probe.js'] });
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}

let ff: Firefox;
let server: DemoServer;

test.beforeAll(async () => {
  server = await startDemoServer({ now: NOW }, { [SELF_HOSTED]: DEMO_HOSTS.scope4mation });
  ff = await Firefox.launch({
    ...server.prefs,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    // permissions.request answered yes without Firefox's prompt (the self-hosted TOPdesk test).
    'extensions.webextOptionalPermissionPrompts': false,
  });
});

test.afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const scenario = (host: string, id: number) =>
  DEMO_SCENARIOS.find((s) => s.host.startsWith(host) && s.id === id)!;

/** Errors (not warnings) in Firefox's console from the add-on's own files (Firefox's output: `Firefox.consoleErrors`). */
const addonConsoleErrors = (): Promise<string[]> => ff.consoleErrors(ORIGIN);

/** A moz-extension page of the add-on in a new tab, once its app has rendered. */
async function extensionPage(file: string): Promise<string> {
  const tab = await ff.newTab();
  await ff.navigate(tab, `${ORIGIN}/${file}`);
  await ff.waitFor(tab, `() => document.querySelector('#app')?.childElementCount > 0`);
  return tab;
}

/** The `datetime` of every deadline shown in each card of the sidebar in `context`. */
const SIDEBAR_DEADLINES = `(sel) => {
  const root = document.querySelector(sel)?.shadowRoot;
  const cards = root ? [...root.querySelectorAll('section.sla-card')] : [];
  if (!cards.length) return null;
  return cards.map((c) => ({
    heading: c.querySelector('h2, h3, h4')?.textContent ?? '',
    text: c.textContent,
    times: [...c.querySelectorAll('time[datetime]')].map((t) => new Date(t.getAttribute('datetime')).toISOString()),
  }));
}`;

type Card = { heading: string; text: string; times: string[] };

/** Waits for the sidebar in `context` and checks each metric's deadline against the engine's. */
async function expectEngineDeadlines(context: string, s: DemoScenario, mapping: unknown) {
  const ev = expectedEvaluation(s, NOW, mapping);
  const want = Object.entries(ev.metrics);
  expect(want.length).toBeGreaterThan(0);
  const cards = await ff.waitFor<Card[]>(
    context,
    `(sel, n) => { const c = (${SIDEBAR_DEADLINES})(sel); return c && c.length >= n ? c : null; }`,
    20_000,
    SIDEBAR_SELECTOR,
    want.length,
  );
  for (const [name, metric] of want) {
    const c = cards.find((x) => new RegExp(name === 'response' ? 'Response' : 'Resolution').test(x.heading));
    expect(c, `a ${name} card`).toBeDefined();
    if (metric.dueAt) expect(c!.times).toContain(new Date(metric.dueAt).toISOString());
    else expect(c!.text).toContain(metric.targetLabel);
  }
}

/**
 * Records, from before the page loads, every "Clock not running: outside business hours until …" the
 * sidebar in `context` ever holds (a MutationObserver on its shadow root: even text never painted).
 * The false line of issue 18 said that of a RUNNING clock, "until <now>": this check has teeth when
 * the suite runs inside Mextra's business hours (a clock is running); outside them the sidebar
 * rightly says the clock is not running (until a later moment), which the check lets through.
 */
async function recordNotRunningLines(context: string): Promise<void> {
  await ff.send('script.addPreloadScript', {
    contexts: [context],
    functionDeclaration: `() => {
      window.__slaNotRunning = [];
      const seen = new WeakSet();
      const record = (root) => {
        for (const m of (root.textContent || '').matchAll(/Clock not running: outside business hours until \\D*?(\\d{1,2})[:.](\\d{2})/g))
          window.__slaNotRunning.push({ hh: Number(m[1]), mm: Number(m[2]), at: Date.now() });
      };
      const hook = () => {
        for (const el of document.querySelectorAll(${JSON.stringify(SIDEBAR_SELECTOR)})) {
          const root = el.shadowRoot;
          if (!root || seen.has(root)) continue;
          seen.add(root);
          record(root);
          new MutationObserver(() => record(root)).observe(root, { subtree: true, childList: true, characterData: true });
        }
      };
      new MutationObserver(hook).observe(document, { subtree: true, childList: true });
      const timer = setInterval(hook, 5);
      setTimeout(() => clearInterval(timer), 20000);
    }`,
  });
}

/** The recorded lines whose "until" is the moment they were shown (the false line), if any. */
async function falseNotRunningLines(context: string): Promise<unknown[]> {
  const lines = await ff.call<Array<{ hh: number; mm: number; at: number }>>(
    context,
    `() => window.__slaNotRunning ?? null`,
  );
  expect(lines, 'the recorder ran in the page').not.toBeNull();
  const clock = (ms: number) => {
    const [hh, mm] = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(ms)
      .split(':')
      .map(Number);
    return `${hh}:${mm}`;
  };
  return lines.filter((l) => [l.at, l.at - 60_000].map(clock).includes(`${l.hh}:${l.mm}`));
}

async function storedConfig(
  tab: string,
): Promise<{ assignments: Array<{ host: string; mapping: HostMapping }> }> {
  return ff.call(tab, `async () => (await browser.storage.local.get('config')).config`);
}

test('installs as a temporary add-on and the background starts with no error in the console', async () => {
  expect(await ff.installAddon(ADDON_DIR)).toBe(ADDON_ID);
  const options = await extensionPage('options.html');
  // The background answers the options page (it lists the five seed policies).
  await ff.waitFor(options, `() => /Mextra/.test(document.body.textContent)`);
  expect(await addonConsoleErrors()).toEqual([]);
});

test('an admin assigns the Mextra policy to its Zendesk host through the Options form', async () => {
  const options = await extensionPage('options.html');
  // The other demo hosts as a rolled-out configuration would bring them; Mextra is added by hand.
  const others = demoAssignments().filter((a) => a.host !== DEMO_HOSTS.mextra);
  await ff.call(
    options,
    `async (assignments) => browser.storage.local.set({ config: { version: 2, policies: {}, disabledBuiltins: [], assignments, selfHosted: [] }, config$: { v: 2 } })`,
    others,
  );
  await ff.navigate(options, `${ORIGIN}/options.html`);
  await ff.waitFor(
    options,
    `() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Add assignment')`,
  );
  await ff.call(
    options,
    `async (host) => {
      const sleep = () => new Promise((r) => setTimeout(r, 50));
      const byLabel = (text) => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(text));
        return label && document.getElementById(label.htmlFor);
      };
      const set = async (el, value, type) => { el.value = value; el.dispatchEvent(new Event(type, { bubbles: true })); await sleep(); };
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add assignment').click();
      await sleep();
      await set(byLabel('Helpdesk host'), host, 'input');
      await set(document.getElementById('mapping-policy'), 'mextra', 'change');
      await set(document.getElementById('mapping-tier-from'), 'ticket-tag', 'change');
      await set(document.getElementById('mapping-tier-prefix'), 'tier_', 'input');
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save').click();
    }`,
    DEMO_HOSTS.mextra,
  );
  await ff.waitFor(
    options,
    `async (host) => (await browser.storage.local.get('config')).config?.assignments?.some((a) => a.host === host)`,
    10_000,
    DEMO_HOSTS.mextra,
  );
  const mine = (await storedConfig(options)).assignments.find((a) => a.host === DEMO_HOSTS.mextra)!;
  expect(mine.mapping.tier).toEqual({ from: 'ticket-tag', prefix: 'tier_' });
});

let zendeskTab: string;

test('the sidebar on a Zendesk ticket shows the deadlines the engine computes', async () => {
  const options = await extensionPage('options.html');
  const mapping = (await storedConfig(options)).assignments.find(
    (a) => a.host === DEMO_HOSTS.mextra,
  )!.mapping;
  zendeskTab = await ff.newTab();
  await recordNotRunningLines(zendeskTab);
  const s = scenario('mextra', 1001);
  await ff.navigate(zendeskTab, demoTicketUrl(s));
  await expectEngineDeadlines(zendeskTab, s, mapping);
  // Issue 18: no "Clock not running … until <now>" while the first tick catches up.
  expect(await falseNotRunningLines(zendeskTab)).toEqual([]);
});

test('a ticket switch inside the Zendesk app (no page load) moves the sidebar to the new ticket', async () => {
  const options = await extensionPage('options.html');
  const mapping = (await storedConfig(options)).assignments.find(
    (a) => a.host === DEMO_HOSTS.mextra,
  )!.mapping;
  const next = scenario('mextra', 1002);
  await ff.call(
    zendeskTab,
    `(id) => document.querySelector('[data-ticket-id="' + id + '"]').click()`,
    next.id,
  );
  await ff.waitFor(zendeskTab, `(id) => location.pathname.endsWith('/' + id)`, 5000, next.id);
  const want = expectedEvaluation(next, NOW, mapping);
  const due = Object.values(want.metrics).find((m) => m.dueAt)!;
  await ff.waitFor(
    zendeskTab,
    `(sel, iso) => { const c = (${SIDEBAR_DEADLINES})(sel); return c && c.some((x) => x.times.includes(iso)); }`,
    20_000,
    SIDEBAR_SELECTOR,
    new Date(due.dueAt!).toISOString(),
  );
  await expectEngineDeadlines(zendeskTab, next, mapping);
  expect(await falseNotRunningLines(zendeskTab)).toEqual([]);
});

test('the sidebar on a TOPdesk incident inside the operator shell’s frame shows the engine’s deadlines', async () => {
  const s = scenario('scope4mation', 1);
  const tab = await ff.newTab();
  await ff.navigate(tab, `https://${s.host}/tas/secure/mango?unid=${topdeskUuid(s).replaceAll('-', '')}`);
  const frame = (await ff.frames(tab)).find((f) => f.url.includes('/tas/secure/contained/incident'));
  expect(frame, 'the incident card frame').toBeDefined();
  const mapping = demoAssignments().find((a) => a.host === s.host)!.mapping;
  await expectEngineDeadlines(frame!.context, s, mapping);
});

test('the toolbar badge counts the open tickets the background evaluated', async () => {
  const popup = await extensionPage('popup.html');
  const text = await ff.waitFor<string>(
    popup,
    `async () => (await browser.browserAction.getBadgeText({})) || null`,
  );
  expect(text).toMatch(/^\d+|!$/);
});

test('the background hands the breached demo tickets to Firefox’s notifications, without a failure', async () => {
  const popup = await extensionPage('popup.html');
  // Headless Firefox ESR keeps no notification on screen (`notifications.getAll()` is empty), so the
  // suite sees the step before: the markers, written just before `notifications.create` with the
  // same ids, and the console, where a create that Firefox refused would leave its warning.
  const markers = await ff.waitFor<Record<string, { silent?: boolean }>>(
    popup,
    `async () => { const m = (await browser.storage.local.get('alertMarkers')).alertMarkers ?? {}; return Object.keys(m).some((id) => /:breach$/.test(id)) ? m : null; }`,
    20_000,
  );
  // Shown, not handled silently (notifications are on by default). A silent marker would not show.
  expect(markers[`zendesk:${DEMO_HOSTS.mextra}:1002:resolution:breach`]).toBeDefined();
  expect(markers[`zendesk:${DEMO_HOSTS.mextra}:1002:resolution:breach`]!.silent).not.toBe(true);
  // A create that Firefox refused leaves "… could not be shown" in its console (and so its output).
  await new Promise((r) => setTimeout(r, 300));
  expect(ff.output.filter((l) => /could not be shown/.test(l))).toEqual([]);
});

// Issue 18: this once listed every open demo ticket but Mextra's unopened #1003 and #1004. Two
// causes. The product: a click during a running poll joined that poll, which had read the
// configuration before Mextra was assigned (now one more poll follows it, lib/background/watch.ts).
// The test: it took the popup's "not refreshing" right after the click — before the popup had heard
// of the refresh — for the refresh's end, and read the rows of the watch's earlier poll.
test('the popup refreshes the queue from the helpdesks and lists their open tickets', async () => {
  const popup = await extensionPage('popup.html');
  await ff.waitFor(popup, `() => document.querySelector('#app').dataset.state === 'ready'`);
  // The queue watch may already have polled (it is on once a host is assigned): count TOPdesk
  // listing requests from here, so the check below needs the refresh this click starts.
  const listingsBefore = server.requests.length;
  const clickedAt = await ff.call<number>(
    popup,
    `() => { [...document.querySelectorAll('button')].find((b) => /refresh/i.test(b.textContent + b.getAttribute('aria-label'))).click(); return Date.now(); }`,
  );
  // Done when the refresh this click asked for has ended (stored) and the popup shows the worker's
  // model of after it. (The popup's "refreshing" flag alone is not enough: right after the click it
  // still shows the model from before it, with the watch's earlier "Last refresh".)
  await ff.waitFor(
    popup,
    `async (clickedAt) => {
      const { refresh } = (await browser.storage.local.get('queueState')).queueState ?? {};
      if (!refresh || refresh.running || !(refresh.lastRefreshAt >= clickedAt)) return false;
      const reply = await browser.runtime.sendMessage({ type: 'ui-bg:popup-model' });
      const shown = [...document.querySelectorAll('li.row')].map((r) => r.dataset.key).sort().join();
      return document.querySelector('#app').dataset.refreshing === 'false' &&
        shown === reply.data.rows.map((r) => r.key).sort().join();
    }`,
    30_000,
    clickedAt,
  );
  expect(await ff.call(popup, `() => document.querySelectorAll('.refresh-errors').length`)).toBe(0);
  const keys = await ff.call<string[]>(
    popup,
    `() => [...document.querySelectorAll('li.row')].map((r) => r.dataset.key)`,
  );
  // Every unfinished demo Zendesk ticket, also those no agent opened, and TOPdesk's open incidents.
  const open = DEMO_SCENARIOS.filter((s) => !['solved', 'closed'].includes(s.status));
  const { assignments } = await storedConfig(popup);
  const listed = open
    .filter((s) => s.helpdesk === 'zendesk')
    .filter((s) => {
      const e = expectedEntry(s, NOW, assignments.find((a) => a.host === s.host)!.mapping);
      return !isFinished({ ticket: e.ticket, evaluation: summarizeEvaluation(e.evaluation) });
    })
    .map((s) => `zendesk:${s.host}:${s.id}`);
  expect(listed.length).toBeGreaterThan(3);
  expect(keys.filter((k) => k.startsWith('zendesk:')).sort()).toEqual(listed.sort());
  expect(keys.some((k) => k.startsWith(`topdesk:${DEMO_HOSTS.scope4mation}:`))).toBe(true);
  expect(
    server.requests
      .slice(listingsBefore)
      .some((u) => u.host === DEMO_HOSTS.scope4mation && u.pathname === '/tas/api/incidents'),
  ).toBe(true);
});

test('a reload of the add-on leaves exactly one working sidebar in an open ticket tab', async () => {
  const count = `(sel) => document.querySelectorAll(sel).length`;
  expect(await ff.call(zendeskTab, count, SIDEBAR_SELECTOR)).toBe(1);
  const before = await ff.call<string>(
    zendeskTab,
    `(sel) => { const e = document.querySelector(sel); e.dataset.copy = 'old'; return 'old'; }`,
    SIDEBAR_SELECTOR,
  );
  expect(before).toBe('old');
  await ff.installAddon(ADDON_DIR); // what about:debugging's Reload does: the same add-on again
  // Firefox injects the new copy into the open tab; it replaces the old copy's sidebar.
  await ff.waitFor(
    zendeskTab,
    `(sel) => { const all = document.querySelectorAll(sel); return all.length === 1 && all[0].dataset.copy !== 'old' && all[0].shadowRoot?.querySelector('section.sla-card'); }`,
    20_000,
    SIDEBAR_SELECTOR,
  );
  // It works: collapsing it collapses it.
  await ff.call(
    zendeskTab,
    `(sel) => document.querySelector(sel).shadowRoot.querySelector('button[aria-expanded="true"]').click()`,
    SIDEBAR_SELECTOR,
  );
  await ff.waitFor(
    zendeskTab,
    `(sel) => document.querySelector(sel).shadowRoot.querySelector('button[aria-expanded="false"]')`,
    5000,
    SIDEBAR_SELECTOR,
  );
  expect(await ff.call(zendeskTab, count, SIDEBAR_SELECTOR)).toBe(1);
  // Firefox reports the old copy's messages still in flight when it was unloaded ("Promise rejected
  // after context unloaded"); anything else is an error of the new copy.
  expect((await addonConsoleErrors()).filter((e) => !/after context unloaded/.test(e))).toEqual([]);
});

test('a self-hosted TOPdesk gets the sidebar once its host permission is granted', async () => {
  const options = await extensionPage('options.html');
  const s = scenario('scope4mation', 1);
  const mapping = demoAssignments().find((a) => a.host === s.host)!.mapping;
  // The host as Options → Hosts stores it, with its assignment.
  await ff.call(
    options,
    `async (host, mapping) => {
      const { config } = await browser.storage.local.get('config');
      await browser.storage.local.set({ config: { ...config,
        selfHosted: [...config.selfHosted, { host, helpdesk: 'topdesk' }],
        assignments: [...config.assignments, { host, helpdesk: 'topdesk', policyId: 'scope4mation', mapping }] } });
    }`,
    SELF_HOSTED,
    mapping,
  );
  const url = `https://${SELF_HOSTED}/tas/secure/incident?unid=${topdeskUuid(s).replaceAll('-', '')}`;
  const tab = await ff.newTab();
  await ff.navigate(tab, url);
  // No permission yet: no content script, no sidebar.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await ff.call(tab, `(sel) => document.querySelectorAll(sel).length`, SIDEBAR_SELECTOR)).toBe(0);

  // The agent's "Allow": `permissions.request` from a click on an add-on page (a real BiDi mouse
  // click, so it runs as a user input handler), with Firefox's prompt answered yes
  // (`extensions.webextOptionalPermissionPrompts` off at launch); the add-on sees permissions.onAdded.
  const grantPage = await extensionPage('options.html');
  await ff.call(
    grantPage,
    `(origin) => {
      const b = document.createElement('button');
      b.id = 'smoke-grant';
      b.textContent = 'Allow';
      b.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:60px;z-index:2147483647';
      b.addEventListener('click', () => {
        browser.permissions.request({ origins: [origin] }).then(
          (ok) => (b.dataset.result = String(ok)),
          (e) => (b.dataset.result = 'error: ' + e.message),
        );
      });
      document.body.append(b);
    }`,
    `https://${SELF_HOSTED}/*`,
  );
  await ff.click(grantPage, '#smoke-grant');
  const granted = await ff.waitFor<string>(
    grantPage,
    `() => document.querySelector('#smoke-grant')?.dataset.result ?? null`,
  );
  expect(granted).toBe('true');
  await ff.waitFor(
    options,
    `async (origin) => browser.permissions.contains({ origins: [origin] })`,
    10_000,
    `https://${SELF_HOSTED}/*`,
  );
  // contentScripts.register applies to pages loaded from now on.
  await ff.navigate(tab, url);
  await expectEngineDeadlines(tab, { ...s, host: SELF_HOSTED }, mapping);
});

test('a content script cannot read a stored application password', async () => {
  const options = await extensionPage('options.html');
  const host = DEMO_HOSTS.scope4mation;
  // One password stored the way earlier versions did (storage.local), one through the Options form
  // (for the self-hosted TOPdesk the test before added).
  await ff.call(
    options,
    `async (host) => {
      await browser.storage.local.set({ credentials: { [host]: { username: 'api', password: 'Old-S3cret!' } } });
      await browser.runtime.sendMessage({ type: 'ui-bg:options-model' });
    }`,
    host,
  );
  await ff.navigate(options, `${ORIGIN}/options.html`);
  await ff.waitFor(
    options,
    `(host) => [...document.querySelectorAll('form.credentials legend')].some((l) => l.textContent.includes(host))`,
    10_000,
    SELF_HOSTED,
  );
  await ff.call(
    options,
    `async (host) => {
      const sleep = () => new Promise((r) => setTimeout(r, 50));
      const form = [...document.querySelectorAll('form.credentials')].find((f) => f.querySelector('legend').textContent.includes(host));
      const byLabel = (text) => { const l = [...form.querySelectorAll('label')].find((x) => x.textContent.trim().startsWith(text)); return document.getElementById(l.htmlFor); };
      const set = async (el, value) => { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); await sleep(); };
      await set(byLabel('User name'), 'sla-reader');
      await set(byLabel('Application password'), 'New-S3cret!');
      [...form.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save password').click();
    }`,
    SELF_HOSTED,
  );
  await ff.waitFor(
    options,
    `(host) => [...document.querySelectorAll('form.credentials')].some((f) => f.querySelector('legend').textContent.includes(host) && /A password is stored/.test(f.textContent))`,
    10_000,
    SELF_HOSTED,
  );
  // Both kept, for the add-on's own pages; none left in storage.local.
  const model = await ff.call<{ data: { hosts: unknown[] } }>(
    options,
    `() => browser.runtime.sendMessage({ type: 'ui-bg:options-model' })`,
  );
  expect(model.data).toBeDefined();
  expect(
    await ff.call<number>(
      options,
      `() => new Promise((resolve, reject) => {
        const r = indexedDB.open('sla-secrets');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => { const c = r.result.transaction('credentials').objectStore('credentials').count(); c.onsuccess = () => { r.result.close(); resolve(c.result); }; };
      })`,
    ),
  ).toBe(2);
  const local = await ff.call<unknown>(options, `() => browser.storage.local.get(null)`);
  expect(JSON.stringify(local)).not.toMatch(/S3cret/);

  const tab = await ff.newTab();
  await ff.navigate(tab, demoTicketUrl(scenario('mextra', 1001)));
  await ff.waitFor(tab, `(sel) => document.querySelector(sel)`, 20_000, SIDEBAR_SELECTOR);
  const probe = await ff.waitFor<string>(
    tab,
    `() => { document.dispatchEvent(new CustomEvent('sla-probe')); return document.documentElement.getAttribute('data-sla-probe'); }`,
  );
  const got = JSON.parse(probe) as { local?: object; databases?: string[]; stores: string[] };
  // Firefox lets a content script read storage.local (no setAccessLevel there): it reads, but finds
  // no password, and its IndexedDB is the helpdesk page's, without the add-on's credential store.
  // (It does read storage.local — the configuration is there — so a password there would show.)
  expect(Object.keys(got.local ?? {})).toContain('config');
  expect(probe).not.toMatch(/S3cret/);
  expect(got.databases ?? []).not.toContain('sla-secrets');
  expect(got.stores).toEqual([]);
});
