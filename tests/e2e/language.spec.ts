/**
 * One language for every surface, in real Chromium with the built extension: the browser's UI
 * language is English (`--lang=en`) while the helpdesk page's web-content language is Dutch (its
 * `navigator.languages` and Accept-Language, set through CDP as Chromium's language setting would).
 * The worker decides (the Options preference, else the browser's UI language) and the sidebar, its
 * target labels and explanation, the popup and Options all follow it: English first, then all Dutch
 * once Options' language is set to Dutch.
 *
 * (Playwright's `locale` option is not used for the mix: its emulation also changes what
 * `i18n.getUILanguage()` answers in the extension's own pages and worker, which no real browser does.)
 */
import type { Locator, Page } from '@playwright/test';
import { test as base, expect, settled } from './fixtures';
import { launchWithExtension } from '../support/browser';
import { demoTicketUrl, routeDemo } from '../demo/route';
import { DEMO_SCENARIOS } from '../demo/scenarios';
import { seedDemo } from '../demo/seed';
import { SIDEBAR_SELECTOR } from '../support/selectors';
import { strings as popupStrings } from '../../components/popup/strings';
import { strings as optionsStrings } from '../../components/options/strings';
import { reportStrings } from '../../components/report/strings';
import { sidebarMessages } from '../../lib/i18n/sidebar';

const NOW = Date.now();

const test = base.extend({
  context: async ({ demo }, use) => {
    const { context } = await launchWithExtension({
      headless: true,
      openShadowRoot: true,
      uiLanguage: 'en',
    });
    await routeDemo(context, demo);
    await use(context);
    await context.close();
  },
});

test.use({ demo: { now: NOW } });
test.beforeEach(async ({ serviceWorker }) => {
  await seedDemo(serviceWorker);
  await settled(serviceWorker);
});

// Mextra #1002: a high incident past its 2-business-day deadline.
const scenario = DEMO_SCENARIOS.find((s) => s.host.startsWith('mextra') && s.id === 1002)!;

const WORDS = {
  en: {
    card: /^Resolution/,
    target: '2 business days',
    why: 'Show why',
    explanation: ['Created ', 'Resolution: due 2 business days'],
  },
  nl: {
    card: /^Oplossing/,
    target: '2 werkdagen',
    why: 'Toon uitleg',
    explanation: ['Aangemaakt ', 'Oplossing: uiterlijk 2 werkdagen'],
  },
} as const;
/**
 * The extension's words that only the other language shows (the ticket's subject and the contract's
 * own quotes, "Hoog: 90% < 1 werkdag", stay as written).
 */
const OTHER = {
  en: /\b(nog|werktijd|Reactie|Oplossing|Aangemaakt|uiterlijk|Verberg uitleg|Beleid|Doel)\b/,
  nl: /\b(left|business time|Response|Resolution|Created|due|business days|Hide why|Policy|Target)\b/,
} as const;

/** Dutch web content in this page only: `navigator.languages` and Accept-Language, as Chromium sets them. */
async function dutchWebContent(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  await cdp.send('Emulation.setUserAgentOverride', { userAgent, acceptLanguage: 'nl-NL,nl' });
}

/**
 * Records the sidebar's first painted frame (its language and text) in the page, from the moment the
 * content script mounts it: a later frame cannot hide an English first one. (The e2e build's shadow
 * root is open.)
 */
async function recordFirstSidebarFrame(page: Page): Promise<void> {
  await page.addInitScript((tag: string) => {
    const w = window as unknown as { __slaFirstFrame?: { lang: string | null; text: string } };
    const look = () => {
      const aside = document.querySelector(tag)?.shadowRoot?.querySelector('aside');
      if (aside && !w.__slaFirstFrame)
        w.__slaFirstFrame = { lang: aside.getAttribute('lang'), text: aside.textContent ?? '' };
    };
    const watched = new WeakSet<Node>();
    new MutationObserver(() => {
      const root = document.querySelector(tag)?.shadowRoot;
      if (root && !watched.has(root)) {
        watched.add(root);
        new MutationObserver(look).observe(root, { childList: true, subtree: true });
      }
      look();
    }).observe(document, { childList: true, subtree: true });
  }, SIDEBAR_SELECTOR);
}

const firstSidebarFrame = (page: Page) =>
  page
    .waitForFunction(() => (window as unknown as { __slaFirstFrame?: object }).__slaFirstFrame)
    .then((h) => h.jsonValue() as Promise<{ lang: string | null; text: string }>);

async function expectSidebarIn(sidebar: Locator, lang: 'en' | 'nl'): Promise<void> {
  const w = WORDS[lang];
  await expect(sidebar.locator('aside')).toHaveAttribute('lang', lang);
  await expect(sidebar.locator('section.sla-card').getByRole('heading', { name: w.card })).toBeVisible();
  await expect(sidebar.locator('section.sla-card').first()).toContainText(w.target);
  await sidebar.getByRole('button', { name: w.why }).first().click();
  for (const text of w.explanation) await expect(sidebar.locator('aside')).toContainText(text);
  expect(await sidebar.locator('aside').innerText()).not.toMatch(OTHER[lang]);
}

async function expectPopupIn(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await expect(page.locator('#app')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page).toHaveTitle(popupStrings[lang].title);
  const row = page.locator('li.row').first();
  await expect(row).toBeVisible();
  expect(await page.locator('main').innerText()).not.toMatch(OTHER[lang]);
}

async function expectReportIn(page: Page, lang: 'en' | 'nl'): Promise<void> {
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('main.report')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reportStrings[lang].title);
}

test('with an English browser UI and Dutch web content, every surface speaks English, then Dutch once Options says so', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  // The setup really is mixed: the pages' language and Accept-Language are Dutch, the UI's English.
  const uiLanguage = () =>
    (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage();
  expect(await serviceWorker.evaluate(uiLanguage)).toMatch(/^en/);
  const page = await context.newPage();
  await dutchWebContent(page);
  const acceptLanguage = page
    .waitForRequest((r) => r.url().startsWith(`https://${scenario.host}/`))
    .then((r) => r.headers()['accept-language']);
  // Hold the helpdesk's API until the sidebar's first state has been seen: from its first frame,
  // before the ticket is read, the sidebar speaks the worker's language, not the page's.
  let held = Promise.resolve();
  let release = () => {};
  const hold = () => (held = new Promise<void>((resolve) => (release = resolve)));
  await page.route(`https://${scenario.host}/api/**`, async (route) => {
    await held;
    await route.fallback();
  });
  await recordFirstSidebarFrame(page);
  hold();
  await page.goto(demoTicketUrl(scenario));
  expect(await acceptLanguage).toMatch(/^nl/);
  expect(await page.evaluate(() => navigator.languages[0])).toMatch(/^nl/);

  const sidebar = page.locator(SIDEBAR_SELECTOR);
  const firstEn = await firstSidebarFrame(page);
  expect(firstEn.lang).toBe('en');
  expect(firstEn.text).toContain(sidebarMessages.en['sidebar.loading']);
  release();
  await expectSidebarIn(sidebar, 'en');

  const popup = await context.newPage();
  await dutchWebContent(popup);
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await popup.evaluate(() => navigator.languages[0])).toMatch(/^nl/);
  await expectPopupIn(popup, 'en');

  const report = await context.newPage();
  await dutchWebContent(report);
  await report.goto(`chrome-extension://${extensionId}/report.html`);
  await expectReportIn(report, 'en');

  const options = await context.newPage();
  await dutchWebContent(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('#app')).toHaveAttribute('data-state', 'ready');
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  await expect(options).toHaveTitle(optionsStrings.en.title);
  await options.locator('#pref-language').selectOption('nl');
  await expect(options.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(options).toHaveTitle(optionsStrings.nl.title);

  // With Nederlands chosen, the first frame ("Ticket lezen…") is Dutch already: the content script
  // asks the worker for the language before it paints, while the ticket is still being read.
  hold();
  await page.reload();
  const first = await firstSidebarFrame(page);
  expect(first.lang).toBe('nl');
  expect(first.text).toContain(sidebarMessages.nl['sidebar.loading']);
  expect(first.text).not.toContain(sidebarMessages.en['sidebar.loading']);
  release();
  await expectSidebarIn(sidebar, 'nl');
  await popup.reload();
  await expectPopupIn(popup, 'nl');
  await report.goto(`chrome-extension://${extensionId}/report.html`);
  await expectReportIn(report, 'nl');
});
