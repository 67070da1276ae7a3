/**
 * Keyboard only, in real Chromium with the built extension: a team lead triages the popup queue
 * (refresh, filter, sort, open a ticket, export) without a mouse; an admin's focus follows Options'
 * actions; the sidebar's keyboard command unfolds and focuses it, and folds it again.
 *
 * The command itself is a browser shortcut that headless Chromium does not deliver, so the test sends
 * what the background sends for it (`bg-cs:sidebar-command` to the active tab, see
 * lib/background/commands.ts, whose forwarding has a unit test).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, importJson, settled } from './fixtures';
import { seedDemo } from '../demo/seed';
import { demoTicketUrl } from '../demo/route';
import { DEMO_HOSTS, DEMO_SCENARIOS } from '../demo/scenarios';
import { SIDEBAR_SELECTOR } from '../support/selectors';

const NOW = Date.now();
test.use({ demo: { now: NOW } });
test.beforeEach(async ({ serviceWorker }) => {
  await seedDemo(serviceWorker);
  await settled(serviceWorker);
});

/** Presses Tab until `accept` holds for the focused element (at most `max` presses). */
async function tabTo(page: Page, accept: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await accept()) return;
  }
  throw new Error('Tab never reached the control');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      cls: el?.className ?? '',
      text: (el?.textContent ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? '',
    };
  });

test('keyboard only: refresh the queue, filter, sort, open a ticket and export', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');

  await tabTo(page, async () => (await focused(page)).cls.includes('refresh-button'));
  await page.keyboard.press('Enter');
  await expect(page.locator('#app')).toHaveAttribute('data-refreshing', 'true');
  await expect(page.locator('#app')).toHaveAttribute('data-refreshing', 'false', { timeout: 30_000 });
  // Focus stayed on the button while it was busy, instead of dropping to the page.
  expect((await focused(page)).cls).toContain('refresh-button');
  const all = await page.locator('li.row').count();
  expect(all).toBeGreaterThan(5);

  // Filter: the State select, changed with the arrow keys.
  await tabTo(
    page,
    async () => await page.getByLabel('State').evaluate((el) => el === document.activeElement),
  );
  await page.keyboard.press('ArrowDown'); // "Breached"
  await expect(page.locator('.queue-count')).toContainText(`of ${all} tickets`);
  const breached = await page.locator('li.row').count();
  expect(breached).toBeLessThan(all);
  await page.keyboard.press('ArrowUp'); // back to "All"
  await expect(page.locator('li.row')).toHaveCount(all);

  // Sort by priority: the most urgent priority first.
  await tabTo(
    page,
    async () => await page.getByLabel('Order').evaluate((el) => el === document.activeElement),
  );
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Order')).toHaveValue('priority');

  // Export: Enter downloads the shown queue.
  await tabTo(page, async () => (await focused(page)).cls.includes('export'));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^sla-queue-\d{4}-\d{2}-\d{2}\.csv$/);

  // Into the list, down one ticket, Enter opens it in a tab.
  await page.keyboard.press('Tab');
  expect((await focused(page)).cls).toContain('row-button');
  await page.keyboard.press('ArrowDown');
  const second = await page.locator('li.row').nth(1).getAttribute('data-key');
  expect((await focused(page)).text).toContain(
    (await page.locator('li.row').nth(1).locator('.ticket-key').textContent()) ?? '?',
  );
  // The focus ring is drawn (not clipped by the row's content-visibility): inside the row's box.
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, offset: parseFloat(s.outlineOffset) };
  });
  expect(ring.style).toBe('solid');
  expect(ring.offset).toBeLessThan(0);
  const opened = context.waitForEvent('page');
  await page.keyboard.press('Enter');
  const ticket = await opened;
  const id = second!.split(':').pop()!;
  await expect(ticket).toHaveURL(new RegExp(`${id}`));
});

test('keyboard only: Options keeps focus where the action put its result', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');

  // Edit mapping: focus goes into the form; Enter in the host field saves and focus comes back.
  const edit = page.getByRole('button', { name: `Edit mapping: ${DEMO_HOSTS.mextra}` });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#mapping-host')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#assignments form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Edit mapping: ${DEMO_HOSTS.mextra}` })).toBeFocused();

  // Import: the check result takes focus, Confirm is the next Tab, and after it the status does.
  const mextra = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../policies/mextra.json'), 'utf8'),
  ) as { name: string };
  mextra.name = 'Mextra (edited)';
  await importJson(page, 'mextra.json', mextra);
  await expect(page.locator('#import-preview-title')).toBeFocused();
  await expect(page.locator('#import-status')).toContainText('Preview ready: Mextra (edited)');
  await tabTo(page, async () => (await focused(page)).text === 'Confirm and activate');
  await page.keyboard.press('Enter');
  await expect(page.locator('#import-status')).toHaveText('Mextra (edited) is active.');
  await expect(page.locator('#import-status')).toBeFocused();
});

test('the keyboard command unfolds and focuses the sidebar, and folds it from inside', async ({
  context,
  serviceWorker,
}) => {
  const s = DEMO_SCENARIOS.find((x) => x.host === DEMO_HOSTS.zmanda && x.id === 4001)!;
  const page = await context.newPage();
  await page.goto(demoTicketUrl(s));
  const sidebar = page.locator(SIDEBAR_SELECTOR);
  await expect(sidebar.locator('.sla-card').first()).toBeVisible();
  await page.bringToFront();
  const command = () =>
    serviceWorker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<Array<{ id?: number }>>;
              sendMessage(id: number, m: object): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.tabs.sendMessage(tab!.id!, { type: 'bg-cs:sidebar-command' }).catch(() => undefined);
    });
  const inSidebar = () =>
    page.evaluate(
      (tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null,
      SIDEBAR_SELECTOR,
    );

  await command();
  await expect.poll(inSidebar).toBe('Collapse the SLA sidebar');
  await command();
  await expect(sidebar.locator('button.sla-tab')).toBeVisible();
  await expect.poll(inSidebar).toMatch(/^SLA .*Expand the sidebar\.$/);
  await command();
  await expect(sidebar.locator('.sla-card').first()).toBeVisible();
  await expect.poll(inSidebar).toBe('Collapse the SLA sidebar');
});
