import { test, expect } from './fixtures';
import { SIDEBAR_SELECTOR } from '../support/selectors';

// No policy is assigned in these tests: the content scripts still mount and say so.
test('the Zendesk content script mounts on a routed Agent Workspace ticket URL', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://mextra.zendesk.com/agent/tickets/1001');
  await expect(page.locator(SIDEBAR_SELECTOR)).toHaveCount(1);
  await expect(page.locator(SIDEBAR_SELECTOR)).toContainText('mextra.zendesk.com');
});

test('the TOPdesk content script mounts on a routed incident card URL', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(
    'https://scope4mation.topdesk.net/tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab',
  );
  await expect(page.locator(SIDEBAR_SELECTOR)).toHaveCount(1);
  await expect(page.locator(SIDEBAR_SELECTOR)).toContainText('scope4mation.topdesk.net');
});

test('no sidebar on helpdesk pages without a ticket', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://mextra.zendesk.com/agent/dashboard');
  await expect(page.locator('h1')).toHaveText('Dashboard');
  await page.waitForTimeout(1000);
  await expect(page.locator(SIDEBAR_SELECTOR)).toHaveCount(0);
});

test('the popup renders and a message round-trips to the background', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await page.evaluate(() => browser.runtime.sendMessage({ type: 'ui-bg:ping', at: 42 }));
  expect(reply).toMatchObject({ ok: true, data: { pong: 42 } });
});

test('the background refuses a malformed message with a clear error', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await page.evaluate(() => browser.runtime.sendMessage({ type: 'ui-bg:ping', at: 'soon' }));
  expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message: at:/) });
});

test('the options page renders', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('h1')).toBeVisible();
});
