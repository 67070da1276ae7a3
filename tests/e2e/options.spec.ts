/**
 * The admin options page in real Chromium with the built extension: import (broken, then an edited
 * Mextra with preview and confirm), export of the whole configuration, preferences, "Test with a
 * ticket" (a pasted API response and a ticket URL). Storage is read
 * in the service worker, so the assertions see exactly what the extension stored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { seedDemo } from '../demo/seed';
import { settled, test, expect } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const mextraText = readFileSync(path.join(ROOT, 'policies/mextra.json'), 'utf8');

type Json = Record<string, unknown>;
interface UrgentPolicy {
  targets: { incident: { standard: { urgent: { resolution: { due: { amount: number; unit: string } } } } } };
}

function mextra(): Json & UrgentPolicy {
  return JSON.parse(mextraText) as Json & UrgentPolicy;
}

/** Everything in chrome.storage.local, read in the service worker. */
async function localStorage(sw: Worker): Promise<Json> {
  return sw.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Json> } } } }
    ).chrome.storage.local.get(null),
  );
}

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
}

async function chooseFile(page: Page, selector: string, name: string, text: string): Promise<void> {
  await page.setInputFiles(selector, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('an invalid policy file shows every error with its path or line:column and stores nothing', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);
  const before = await localStorage(serviceWorker);

  // Two schema problems: each listed with its JSON path.
  const broken = mextra();
  broken.timezone = 'Europe/Amsterdm';
  (broken.targets.incident.standard as Json).P9 = broken.targets.incident.standard.urgent;
  await chooseFile(page, '#import-file', 'mextra-broken.json', JSON.stringify(broken, null, 2));
  const errors = page.locator('.import-errors');
  await expect(errors.getByRole('heading')).toHaveText('2 problems — nothing was imported');
  await expect(errors.locator('li')).toHaveCount(2);
  await expect(errors.locator('li').nth(0)).toContainText('timezone');
  await expect(errors.locator('li').nth(0)).toContainText('unknown time zone "Europe/Amsterdm"');
  await expect(errors.locator('li').nth(1)).toContainText('targets.incident.standard.P9');
  await expect(errors.locator('li').nth(1)).toContainText('unknown priority "P9"');
  await expect(page.getByRole('button', { name: 'Confirm and activate' })).toHaveCount(0);

  // A syntax error: line and column.
  const syntax = readFileSync(
    path.join(ROOT, 'tests/fixtures/policies-broken/syntax-double-comma.json.txt'),
    'utf8',
  );
  await chooseFile(page, '#import-file', 'syntax.json', syntax);
  await expect(errors.getByRole('heading')).toHaveText('1 problem — nothing was imported');
  await expect(errors.locator('li code')).toHaveText(/^line \d+, column \d+$/);

  expect(await localStorage(serviceWorker)).toEqual(before);
  await page.close();
});

test('in Dutch, an invalid policy or configuration file is explained in Dutch', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await page.locator('#pref-language').selectOption('nl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  const broken = mextra();
  broken.timezone = 'Europe/Amsterdm';
  (broken.targets.incident.standard as Json).P9 = broken.targets.incident.standard.urgent;
  await chooseFile(page, '#import-file', 'mextra-broken.json', JSON.stringify(broken, null, 2));
  const errors = page.locator('.import-errors');
  await expect(errors.locator('li').nth(0)).toContainText(
    'onbekende tijdzone "Europe/Amsterdm" (gebruik een IANA-naam zoals Europe/Amsterdam)',
  );
  await expect(errors.locator('li').nth(1)).toContainText('onbekende prioriteit "P9" (bekend: ');

  await chooseFile(page, '#import-file', 'syntax.json', '{\n  "id": "mextra",\n}');
  await expect(errors.locator('li')).toContainText('een komma vóór "}" is in JSON niet toegestaan');

  await chooseFile(page, '#team-import', 'team.json', JSON.stringify({ format: 'other', version: 2 }));
  const team = page.locator('#team .import-errors');
  await expect(team).toContainText('geen configuratiebestand van deze extensie');
  await expect(team).toContainText('versie niet ondersteund (deze extensie leest versie 1)');

  // The preview of a valid edit speaks Dutch too: the path's words and the durations.
  const edited = mextra();
  edited.targets.incident.standard.urgent.resolution.due.amount = 5;
  await chooseFile(page, '#import-file', 'mextra.json', JSON.stringify(edited));
  const row = page.locator('.import-preview li.diff-changed');
  await expect(row).toContainText('incident / standard / urgent / oplossing');
  await expect(row).toContainText('uiterlijk 6 kantooruren');
  await expect(row).toContainText('uiterlijk 5 kantooruren');
  await page.close();
});

test('an edited Mextra is previewed with its changed target, confirmed, stored and in effect', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);

  const edited = mextra();
  edited.targets.incident.standard.urgent.resolution.due.amount = 5;
  await chooseFile(page, '#import-file', 'mextra.json', JSON.stringify(edited, null, 2));

  const preview = page.locator('.import-preview');
  await expect(preview.getByRole('heading', { level: 3 })).toContainText('Preview: Mextra');
  await expect(preview).toContainText('Replaces the built-in policy');
  await expect(preview).toContainText('1 change');
  const row = preview.locator('.diff-group li');
  await expect(row).toHaveCount(1);
  await expect(row.locator('del')).toContainText('6');
  await expect(row.locator('ins')).toContainText('5');
  // Nothing stored before the confirm.
  expect(
    ((await localStorage(serviceWorker)).config as { policies?: Json } | undefined)?.policies ?? {},
  ).toEqual({});

  await preview.getByRole('button', { name: 'Confirm and activate' }).click();
  await expect(page.getByText('Mextra is active.')).toBeVisible();

  const stored = (await localStorage(serviceWorker)).config as {
    policies: Record<string, { json: UrgentPolicy; source: string }>;
  };
  expect(stored.policies.mextra?.source).toBe('mextra.json');
  expect(stored.policies.mextra?.json.targets.incident.standard.urgent.resolution.due).toEqual({
    amount: 5,
    unit: 'business-hours',
  });

  // The policy in effect, as the background computes it for every part of the extension.
  const model = (await page.evaluate(() => browser.runtime.sendMessage({ type: 'ui-bg:options-model' }))) as {
    ok: boolean;
    data: {
      policies: Array<{
        id: string;
        origin: string;
        overridesBuiltin?: boolean;
        policy: UrgentPolicy | null;
      }>;
    };
  };
  expect(model.ok).toBe(true);
  const entry = model.data.policies.find((p) => p.id === 'mextra');
  expect(entry).toMatchObject({ origin: 'imported', overridesBuiltin: true });
  expect(entry?.policy?.targets.incident.standard.urgent.resolution.due.amount).toBe(5);

  // The page itself re-rendered from the new model: the policy list says it was imported.
  const item = page.locator('#policies li.policy').filter({ has: page.locator('#policy-name-mextra') });
  await expect(item).toContainText('Imported');
  await item.getByRole('button', { name: 'Show details' }).click();
  const incident = item.getByRole('table', { name: 'Incident — Standard SLA' });
  await expect(incident.getByRole('row').filter({ hasText: 'Urgent' })).toContainText('5 business hours');
  await page.close();
});

test('the whole configuration exports as one file, and preferences save', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);

  // Preferences: each control saves on change.
  await page.locator('#pref-at-risk').fill('30');
  await page.locator('#pref-at-risk').blur();
  await page.getByRole('radio', { name: 'Left' }).check();
  await page.locator('#pref-notifications').uncheck();
  await expect
    .poll(async () => (await localStorage(serviceWorker)).preferences)
    .toMatchObject({ atRiskPercent: 30, sidebarSide: 'left', notifications: false });

  // An imported policy to export with the rest.
  const edited = mextra();
  edited.targets.incident.standard.urgent.resolution.due.amount = 5;
  await chooseFile(page, '#import-file', 'mextra.json', JSON.stringify(edited));
  await page.getByRole('button', { name: 'Confirm and activate' }).click();
  await expect(page.getByText('Mextra is active.')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export configuration' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sla-overlay-config-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  const exported = JSON.parse(text) as {
    format: string;
    version: number;
    policies: Record<string, UrgentPolicy>;
    preferences: Json;
  };
  expect(exported.format).toBe('helpdesk-sla-overlay/team-config');
  expect(exported.version).toBe(1);
  expect(exported.policies.mextra?.targets.incident.standard.urgent.resolution.due.amount).toBe(5);
  expect(exported.preferences).toMatchObject({
    atRiskPercent: 30,
    sidebarSide: 'left',
    notifications: false,
  });

  // Switching the language re-renders the page in Dutch.
  await page.locator('#pref-language').selectOption('nl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('h1')).toHaveText('SLA-overlay — instellingen');
  await page.close();
});

test('"Test with a ticket" maps a pasted Zendesk API response and a ticket URL, and shows the deadlines', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  // The demo's assignments, as an admin would have made them (mextra.zendesk.com → Mextra).
  await seedDemo(serviceWorker);
  await settled(serviceWorker);
  const fixture = (name: string) =>
    JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/zendesk', name), 'utf8')) as unknown;
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await page.getByRole('button', { name: 'Edit mapping: mextra.zendesk.com' }).click();
  const panel = page.locator('fieldset.ticket-test');
  const input = panel.getByLabel('Ticket to test');
  const result = panel.locator('.ticket-test-result');

  // The API's ticket with its audits, as saved from the browser: mapped by the Zendesk adapter.
  const pasted = {
    ticket: fixture('ticket-1001.json'),
    audits: [fixture('audits-1001-page1.json'), fixture('audits-1001-page2.json')],
  };
  await input.fill(JSON.stringify(pasted));
  await panel.getByRole('button', { name: 'Test' }).click();
  // The demo's mapping reads impact from a custom field whose value in this ticket it cannot map.
  await expect(panel.locator('#ticket-test-input-error')).toContainText(
    "the Zendesk ticket could not be mapped: Zendesk impact 'department' is not mapped",
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  // The test uses the form's unsaved mapping: without those fields the same ticket maps.
  for (const field of ['impact', 'urgency', 'workaround'])
    await page.locator(`#mapping-field-${field}-from`).selectOption('none');
  await panel.getByRole('button', { name: 'Test' }).click();
  await expect(result).toContainText('read #1001 as a Zendesk API response');
  const summary = result.locator('.ticket-test-summary');
  await expect(summary.locator('div').filter({ hasText: 'Priority' })).toContainText('urgent');
  await expect(summary.locator('div').filter({ hasText: 'Policy' })).toContainText('Mextra');
  // Each target with its state and, while it runs, its due time.
  await expect(result.locator('.ticket-test-metrics li').first()).toContainText(
    /^(Response|Resolution): .+ — \w+/,
  );
  await expect(result.locator('.explanation')).not.toBeEmpty();
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');

  // A ticket URL: the worker reads the (routed demo) helpdesk's API itself.
  await input.fill('https://mextra.zendesk.com/agent/tickets/1001');
  await panel.getByRole('button', { name: 'Test' }).click();
  await expect(result).toContainText('read #1001 from mextra.zendesk.com through its API');
  await expect(result.locator('.ticket-test-metrics li').first()).toContainText(/^(Response|Resolution): /);

  // Something else: said at the input, and no stale result beside it.
  await input.fill('https://unknown.example.org/agent/tickets/1001');
  await panel.getByRole('button', { name: 'Test' }).click();
  await expect(panel.locator('#ticket-test-input-error')).toContainText(
    'unknown.example.org is not a helpdesk host the extension knows',
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(result).toHaveCount(0);
  await page.close();
});
