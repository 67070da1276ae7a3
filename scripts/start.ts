/**
 * `npm start`: build the extension, launch Chromium with it loaded, answer the demo helpdesk hosts
 * from the demo fixtures (tests/demo), assign the seed policies to them, and open a ticket.
 *
 * Headed when a display exists. With `--headless` (`npm start --headless` or `npm start -- --headless`;
 * automatic without a display) it saves screenshots of the sidebar, the popup's queue and compliance
 * (read from the demo helpdesks for the last 30 days) and the options page to demo-output/, prints
 * their paths and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, NO_BROWSER_HINT, findChromium } from '../tests/support/browser';
import { routeDemo, demoTicketUrl } from '../tests/demo/route';
import { DEMO_ARRIVALS, DEMO_SCENARIOS } from '../tests/demo/scenarios';
import { seedDemo } from '../tests/demo/seed';
import { SIDEBAR_SELECTOR } from '../tests/support/selectors';

const args = process.argv.slice(2);
const wantsHeadless =
  args.includes('--headless') ||
  process.env.npm_config_headless === 'true' ||
  (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const locale = args.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'en-GB';
const outDir = path.resolve('demo-output');

async function main() {
  if (!findChromium()) {
    console.error(NO_BROWSER_HINT);
    process.exit(1);
  }
  if (!args.includes('--no-build')) {
    const b = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const now = Date.now();
  const { context, extensionId, serviceWorker } = await launchWithExtension({
    headless: wantsHeadless,
    locale,
    viewport: wantsHeadless ? { width: 1360, height: 860 } : null,
    // The screenshots wait for the sidebar through locators, which need its shadow root open.
    openShadowRoot: true,
  });
  await routeDemo(context, { now, arrivals: DEMO_ARRIVALS });
  await seedDemo(serviceWorker, { watch: true });

  const first = DEMO_SCENARIOS.find((s) => s.id === 2001) ?? DEMO_SCENARIOS[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demoTicketUrl(first));

  if (!wantsHeadless) {
    console.log(`Demo running: ${demoTicketUrl(first)} (other demo tickets are in the tab bar).`);
    console.log(
      `Popup: chrome-extension://${extensionId}/popup.html  Options: chrome-extension://${extensionId}/options.html`,
    );
    console.log(
      'A new urgent Zmanda ticket joins the queue in a minute; the queue watch finds it (badge, notification).',
    );
    console.log('Close the browser window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  // The sidebar has answered when it shows a metric card or a problem with its actions.
  await page
    .locator(`${SIDEBAR_SELECTOR} .sla-card, ${SIDEBAR_SELECTOR} .sla-actions`)
    .first()
    .waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForTimeout(500);
  shots.push(path.join(outDir, 'sidebar.png'));
  await page.screenshot({ path: shots[0] });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 780, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // Fill the queue from the demo helpdesks' APIs, as a team lead would with "Refresh queue".
  await popup.locator('.refresh-button').click();
  await popup.getByText(/^\d{2,} tickets$/).waitFor({ timeout: 30_000 });
  await popup.waitForTimeout(500);
  shots.push(path.join(outDir, 'popup.png'));
  await popup.screenshot({ path: shots[1] });
  // Compliance for the last 30 days, with the finished tickets read from the demo helpdesks.
  await popup.locator('#tab-compliance').click();
  await popup.locator('.period select').selectOption('last-30-days');
  await popup.locator('.history button').click();
  await popup.locator('.history[data-read="true"]').waitFor({ timeout: 30_000 });
  await popup.waitForTimeout(500);
  shots.push(path.join(outDir, 'compliance.png'));
  await popup.screenshot({ path: shots[2] });

  const options = await context.newPage();
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#app[data-state="ready"]').waitFor({ timeout: 20_000 });
  shots.push(path.join(outDir, 'options.png'));
  await options.screenshot({ path: shots[3] });

  await context.close();
  for (const s of shots) console.log(s);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
