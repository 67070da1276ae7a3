/**
 * The service report in real Chromium: opened from the popup's Compliance tab, on three Workspace 365
 * P1 tickets finished on one Monday 7–13 days ago (evaluated by the engine, stored in the ticket
 * store), with figures computed by hand: response 2/3 (one answered 5 business minutes late) misses
 * "> 99%", resolution 2/2 meets it (the hotfix P1 is exempt and listed as left out).
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { mondayBefore, seedDemoQuietly, storeRegistry } from './report-seed';
import { DEMO_HOSTS } from '../demo/scenarios';
import { entry, reply, status } from '../support/report';

test('the service report opens from the popup with the figures, breach, exemption and print layout', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const monday = mondayBefore(Date.now());
  const day = monday.toISOString().slice(0, 10);
  // 08:00 UTC is 09:00 (winter) or 10:00 (summer) in Amsterdam: inside office hours either way.
  const at = (hhmm: string) => `${day}T${hhmm}:00Z`;
  const host = DEMO_HOSTS.workspace365;
  const list = [
    entry(
      'workspace365',
      9101,
      { createdAt: at('08:00'), priority: 'P1', events: [reply(at('08:03')), status(at('10:00'), 'solved')] },
      host,
    ),
    entry(
      'workspace365',
      9102,
      {
        createdAt: at('09:00'),
        priority: 'P1',
        events: [reply(at('09:02')), { at: at('09:30'), type: 'hotfix' }, status(at('15:00'), 'solved')],
      },
      host,
    ),
    entry(
      'workspace365',
      9103,
      { createdAt: at('11:00'), priority: 'P1', events: [reply(at('11:10')), status(at('14:00'), 'solved')] },
      host,
    ),
  ];
  await seedDemoQuietly(serviceWorker);
  await storeRegistry(serviceWorker, list);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('#app')).toHaveAttribute('data-state', 'ready');
  await popup.getByRole('tab', { name: /compliance|naleving/i }).click();
  const [page] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('link', { name: /service report|servicerapport/i }).click(),
  ]);
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');

  // The report opens on last month; the tickets' month is chosen like a team lead would.
  const month = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit' })
    .format(new Date(at('12:00')))
    .slice(0, 7);
  const monthInput = page.locator('.report-controls input[type="month"]');
  if ((await monthInput.inputValue()) !== month) {
    await monthInput.fill(month);
    await expect(monthInput).toHaveValue(month);
  }
  await page.locator('.report-controls select').nth(0).selectOption('workspace365');
  await page.locator('.report-controls select').nth(1).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service report: Workspace 365');

  const resp = page.locator('tr[data-figure="P1|response|due"]');
  await expect(resp.locator('td').nth(1)).toHaveText('2/3');
  await expect(resp).toHaveClass('misses');
  await expect(resp).toContainText('66.7%');
  const resol = page.locator('tr[data-figure="P1|resolution|due"]');
  await expect(resol.locator('td').nth(1)).toHaveText('2/2');
  await expect(resol).toHaveClass('meets');
  const breach = page.locator('li.breach[data-ticket="#9103"]');
  await expect(breach).toContainText('5 min business time late');
  await expect(breach.locator('pre.explanation')).toContainText('Response: due 5 business minutes');
  await expect(page.locator('[data-left-out="resolution|exempt"]')).toContainText('#9102');
  await expect(page.locator('li.obligation')).toHaveCount(3);
  await expect(page.locator(`tr[data-month="${month}"]`)).toContainText('below goal');

  // Dutch, for this report only.
  await page.locator('.report-controls select').nth(1).selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Naleving van de normen' })).toBeVisible();
  await expect(page.locator('li.breach[data-ticket="#9103"]')).toContainText('5 min werktijd te laat');

  // Accessibility (axe, WCAG A/AA): no serious or critical violation on the report.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);

  // Print: the controls go, the report stays. No PDF text extractor is installed, so the PDF is only
  // checked to be one; the print stylesheet is checked through emulateMedia.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.report-controls')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Overschrijdingen' })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);
});
