/**
 * Accessibility in real Chromium with the built extension: axe-core (WCAG 2.1 A and AA) over the
 * states the accessibility audit scanned (docs: ../shared/docs/accessibility-audit.md), in English
 * and Dutch, light and dark, and the popup at 200% zoom. Any critical or serious violation fails.
 *
 * The sidebar lives in a shadow root: axe reaches it with `include({ fromShadowDom: [...] })`. The
 * array form `[['sla-overlay', 'aside']]` is axe's iframe syntax and silently matches nothing, so
 * every scan also asserts that rules passed on the scanned nodes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, importJson, settled } from './fixtures';
import { seedDemo } from '../demo/seed';
import { demoTicketUrl } from '../demo/route';
import { DEMO_SCENARIOS } from '../demo/scenarios';
import { SIDEBAR_SELECTOR } from '../support/selectors';
import { strings as optionsStrings } from '../../components/options/strings';

const NOW = Date.now();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ROOT = path.resolve(import.meta.dirname, '../..');

test.use({ demo: { now: NOW } });
// Each test scans several states of a full page, and axe takes seconds per scan on a loaded machine.
test.describe.configure({ timeout: 180_000 });

type Lang = 'en' | 'nl';
type Scheme = 'light' | 'dark';

async function setLanguage(sw: Worker, language: Lang): Promise<void> {
  await sw.evaluate(async (lang) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
      .chrome;
    await c.storage.local.set({
      preferences: { language: lang, atRiskPercent: 25, notifications: false, sidebarSide: 'right' },
    });
  }, language);
}

/**
 * Runs axe on the page (or inside the sidebar's shadow root) and fails on any critical or serious
 * violation, listing each with its nodes. Returns the number of rules that passed (never 0: a scan
 * that matched nothing would pass vacuously).
 */
async function scan(page: Page, state: string, where: 'page' | 'sidebar' = 'page'): Promise<number> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (where === 'sidebar') builder = builder.include({ fromShadowDom: [SIDEBAR_SELECTOR, 'aside'] });
  else builder = builder.exclude(SIDEBAR_SELECTOR);
  const result = await builder.analyze();
  const bad = result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n'),
  );
  expect(report, `axe on ${state}`).toEqual([]);
  expect(result.passes.length, `axe checked something on ${state}`).toBeGreaterThan(5);
  return result.passes.length;
}

const COMBOS: Array<{ lang: Lang; scheme: Scheme }> = [
  { lang: 'en', scheme: 'light' },
  { lang: 'nl', scheme: 'light' },
  { lang: 'en', scheme: 'dark' },
  { lang: 'nl', scheme: 'dark' },
];

for (const { lang, scheme } of COMBOS) {
  test.describe(`axe, ${lang}, ${scheme}`, () => {
    test.beforeEach(async ({ serviceWorker }) => {
      await seedDemo(serviceWorker);
      await setLanguage(serviceWorker, lang);
      await settled(serviceWorker);
    });

    test('popup: queue with the breakdown open, compliance with breaches, the month picker, 200% zoom', async ({
      context,
      extensionId,
    }) => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 600, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.locator('.refresh-button').click();
      await expect(page.locator('#app')).toHaveAttribute('data-refreshing', 'false', { timeout: 30_000 });
      await expect(page.locator('li.row').first()).toBeVisible();
      await page.locator('details.breakdown > summary').click();
      await expect(page.locator('table.by-priority')).toBeVisible();
      await scan(page, 'popup queue, breakdown open');

      // 200% zoom: Chromium caps a popup at 800×600 device pixels, 400×300 CSS pixels.
      await page.setViewportSize({ width: 400, height: 300 });
      const overflow = await page.evaluate(() => {
        const el = document.scrollingElement!;
        return el.scrollWidth - el.clientWidth;
      });
      expect(overflow, 'no sideways scrolling at 200% zoom (reflow)').toBeLessThanOrEqual(0);
      await scan(page, 'popup queue at 200% zoom');
      await page.setViewportSize({ width: 600, height: 600 });

      await page.getByRole('tab', { name: lang === 'nl' ? 'Naleving' : 'Compliance' }).click();
      await page.locator('.period select').selectOption('last-30-days');
      await page.locator('.history-note button').click();
      await expect(page.locator('.history')).toHaveAttribute('data-read', 'true', { timeout: 30_000 });
      const toggle = page.locator('button.breaches-toggle').first();
      await toggle.click();
      await expect(page.locator('tr.breaches').first()).toBeVisible();
      await scan(page, 'popup compliance, breaches open');
      await page.locator('.period select').selectOption('month');
      await expect(page.locator('.period input, .period select').nth(1)).toBeVisible();
      await scan(page, 'popup compliance, month picker');
      await page.close();
    });

    test('options: every section, policy details, import errors and preview, hosts, team file, mapping editor, ticket test, invalid preference', async ({
      context,
      extensionId,
    }) => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await scan(page, 'options, first load');
      const o = optionsStrings[lang];

      const policy = page.locator('#policies li.policy').filter({ has: page.locator('#policy-name-mextra') });
      await policy.getByRole('button', { name: o.policy.show }).click();
      await expect(policy.locator('.policy-doc')).toBeVisible();
      await scan(page, 'options, policy details open');
      await policy.getByRole('button', { name: o.policy.hide }).click();

      const raw = (text: string) => ({
        name: 'x.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await page.setInputFiles('#import-file', raw('{\n  "id": "mextra",\n}'));
      await expect(page.locator('.import-errors[aria-labelledby="import-errors-title"]')).toBeVisible();
      await scan(page, 'options, import with a syntax error');

      await page.setInputFiles('#team-import', raw(JSON.stringify({ format: 'other', version: 2 })));
      await expect(page.locator('#team .import-errors')).toBeVisible();
      await scan(page, 'options, team file with errors');

      await page.locator('#host-address').fill('not a host name');
      await page.locator('#host-address').press('Enter');
      await expect(page.locator('#host-address')).toHaveAttribute('aria-invalid', 'true');
      await scan(page, 'options, hosts with an invalid address');

      const mextra = JSON.parse(readFileSync(path.join(ROOT, 'policies/mextra.json'), 'utf8')) as {
        timezone: string;
        targets: { incident: { standard: Record<string, unknown> } };
      };
      const broken = structuredClone(mextra);
      broken.timezone = 'Europe/Amsterdm';
      await importJson(page, 'broken.json', broken);
      await expect(page.locator('.import-errors[aria-labelledby="import-errors-title"]')).toBeVisible();
      await scan(page, 'options, import with errors');

      const edited = structuredClone(mextra) as unknown as {
        targets: { incident: { standard: { urgent: { resolution: { due: { amount: number } } } } } };
      };
      edited.targets.incident.standard.urgent.resolution.due.amount = 5;
      await importJson(page, 'mextra.json', edited);
      await expect(page.locator('.import-preview')).toBeVisible();
      await scan(page, 'options, import preview');

      await page.locator('#assignments button[aria-label$=": mextra.zendesk.com"]').first().click();
      await expect(page.locator('#assignments form')).toBeVisible();
      await scan(page, 'options, mapping editor');

      const ticketTest = page.locator('fieldset.ticket-test');
      await ticketTest.getByLabel(o.assign.testInput).fill('not a ticket');
      await ticketTest.getByRole('button', { name: o.assign.testRun, exact: true }).click();
      await expect(ticketTest.locator('#ticket-test-input-error')).toBeVisible();
      await scan(page, 'options, ticket test with an error');

      await page.locator('#pref-at-risk').fill('500');
      await page.locator('#pref-at-risk').blur();
      await expect(page.locator('#preferences .error')).toBeVisible();
      await scan(page, 'options, invalid preference');
      await page.close();
    });

    test('sidebar: running, breached, paused, TOPdesk matrix, explanation open, ticket not found, compact, collapsed', async ({
      context,
    }) => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      for (const [host, id] of [
        ['mextra', 1002],
        ['zmanda', 4001],
        ['mextra', 1003],
        ['scope4mation', 1],
      ] as const) {
        const s = DEMO_SCENARIOS.find((x) => x.host.startsWith(host) && x.id === id)!;
        await page.goto(demoTicketUrl(s));
        const sidebar = page.locator(SIDEBAR_SELECTOR);
        await expect(sidebar.locator('.sla-card').first()).toBeVisible();
        await expect(sidebar.locator('aside')).toHaveAttribute('lang', lang);
        const why = sidebar.locator('button[aria-expanded="false"]', { hasText: /why|waarom/i });
        if ((await why.count()) > 0) await why.first().click();
        await scan(page, `sidebar ${host} #${id}, explanation open`, 'sidebar');
      }
      // The problem state: a ticket the helpdesk does not have.
      await page.goto('https://mextra.zendesk.com/agent/tickets/9999');
      await expect(page.locator(SIDEBAR_SELECTOR).locator('#sla-problem-title')).toBeVisible();
      await scan(page, 'sidebar problem: ticket not found', 'sidebar');
      await page.goto(demoTicketUrl(DEMO_SCENARIOS.find((x) => x.host.startsWith('mextra'))!));
      await expect(page.locator(SIDEBAR_SELECTOR).locator('.sla-card').first()).toBeVisible();

      const compact = page.locator(SIDEBAR_SELECTOR).locator('.sla-head button[aria-pressed]');
      await compact.click();
      await expect(compact).toHaveAttribute('aria-pressed', 'true');
      await scan(page, 'sidebar compact', 'sidebar');
      await compact.click();
      await page.locator(SIDEBAR_SELECTOR).locator('.sla-head button[aria-expanded="true"]').click();
      await expect(page.locator(SIDEBAR_SELECTOR).locator('button.sla-tab')).toBeVisible();
      await scan(page, 'sidebar collapsed', 'sidebar');
      await page.close();
    });
  });
}
