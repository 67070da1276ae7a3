/**
 * Availability end to end in real Chromium: the admin marks Membro's incidents as outage tickets in
 * Options (Assignments → Outage tickets → Policy type), two overlapping Premium incidents and a change
 * finish on one Monday 7–13 days ago, and the report's availability row shows the hand-computed
 * downtime: incidents 08:00–10:00 and 09:00–11:00 UTC → union 180 min; the change does not count.
 */
import { DateTime } from 'luxon';
import { test, expect, settled } from './fixtures';
import { mondayBefore, seedDemoQuietly, storeRegistry } from './report-seed';
import { DEMO_HOSTS } from '../demo/scenarios';
import { entry, status } from '../support/report';

test('outage tickets set in Options give the report its availability row', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const day = mondayBefore(Date.now()).toISOString().slice(0, 10);
  const at = (hhmm: string) => `${day}T${hhmm}:00Z`;
  const host = DEMO_HOSTS.membro;
  const premium = { tier: 'premium', priority: 'critical' };
  const list = [
    entry(
      'membro',
      9201,
      { createdAt: at('08:00'), type: 'incident', ...premium, events: [status(at('10:00'), 'solved')] },
      host,
    ),
    entry(
      'membro',
      9202,
      { createdAt: at('09:00'), type: 'incident', ...premium, events: [status(at('11:00'), 'solved')] },
      host,
    ),
    entry(
      'membro',
      9203,
      { createdAt: at('12:00'), type: 'change', ...premium, events: [status(at('13:00'), 'solved')] },
      host,
    ),
  ];
  await seedDemoQuietly(serviceWorker);

  // The admin's step: Membro's incidents are outage tickets.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('#app')).toHaveAttribute('data-state', 'ready');
  await options.getByRole('button', { name: `Edit mapping: ${host}` }).click();
  const outage = options.getByRole('group', { name: 'Outage tickets (availability)' });
  await outage.getByLabel('Tag').fill(''); // the demo selects by tag (platform_unavailable); here by type
  await outage.getByLabel('Policy type').selectOption('incident');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('button', { name: `Edit mapping: ${host}` })).toBeVisible();
  await settled(serviceWorker, 500);

  await storeRegistry(serviceWorker, list);

  const month = DateTime.fromISO(at('12:00'), { zone: 'Europe/Amsterdam' }).toFormat('yyyy-MM');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/report.html?policy=membro&month=${month}&lang=en`);
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service report: Membro');

  // TMM: the month's minutes in Amsterdam (luxon's count, DST included); TMD: 180 minutes.
  const start = DateTime.fromISO(`${month}-01T00:00`, { zone: 'Europe/Amsterdam' });
  const tmm = start.plus({ months: 1 }).diff(start, 'minutes').minutes;
  const pct = Math.floor(((tmm - 180) / tmm) * 100 * 1000) / 1000;
  const row = page.locator(`tr[data-availability="${month}|premium"]`);
  await expect(row).toHaveClass('meets');
  const cells = row.locator('td');
  await expect(cells.nth(1)).toHaveText('99.5%');
  await expect(cells.nth(2)).toHaveText(`${pct}%`);
  await expect(cells.nth(3)).toHaveText('met');
  await expect(cells.nth(4)).toHaveText('3 h');
  await expect(cells.nth(5)).toHaveText(String(tmm));
  await expect(row.locator('span.outage a')).toHaveText(['#9201', '#9202']);
  await expect(page.locator('.availability-not-configured')).toHaveCount(0);
  await expect(page.locator(`tr[data-availability="${month}|standard"] td`).nth(2)).toHaveText('100%');
});
