/**
 * Playwright fixtures: a persistent Chromium context with the built extension loaded, the demo
 * helpdesk hosts routed, the extension id, and a way to talk to the service worker.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../support/browser';
import { routeDemo, type DemoOptions } from '../demo/route';

/** A fixed demo "now": Tuesday 10 February 2026, 11:00 in Amsterdam. */
export const FIXED_NOW = Date.parse('2026-02-10T10:00:00Z');

interface Fixtures {
  demo: DemoOptions;
  /**
   * Load a copy of the built extension with one more page, `reference.html`: a page that only runs a
   * one-line script (marking `reference-script`). It is the floor an extension page cannot beat on
   * this machine, measured beside the popup (never shipped: it exists only in the test's copy).
   */
  referencePage: boolean;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  demo: [async ({}, use) => use({ now: FIXED_NOW }), { option: true }],
  referencePage: [false, { option: true }],
  context: async ({ demo, referencePage }, use) => {
    const { context } = await launchWithExtension({
      headless: true,
      ...(referencePage ? { extensionDir: withReferencePage() } : {}),
    });
    await routeDemo(context, demo);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

/** A temporary copy of the built extension with `reference.html` added (see `referencePage`). */
function withReferencePage(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'sla-ext-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'reference.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>reference</title>' +
      '<script src="/reference.js"></script></head><body></body></html>',
  );
  writeFileSync(path.join(dir, 'reference.js'), "performance.mark('reference-script');\n");
  return dir;
}

/**
 * Seeding the configuration wakes the worker (re-evaluate and write the registry, 200 ms debounced),
 * possibly more than once. Wait until the registry has been quiet for `quietMs` after at least one
 * write (or `maxMs` in all), so a registry the test writes next is not overwritten by a late wake.
 */
export async function settled(sw: Worker, quietMs = 1000, maxMs = 10_000): Promise<void> {
  await sw.evaluate(
    ([quiet, max]) =>
      new Promise<void>((resolve) => {
        const c = (
          globalThis as unknown as {
            chrome: { storage: { onChanged: { addListener(f: (ch: object) => void): void } } };
          }
        ).chrome;
        const started = Date.now();
        let last = started;
        let wrote = false;
        c.storage.onChanged.addListener((changes) => {
          if ('registry' in changes) {
            wrote = true;
            last = Date.now();
          }
        });
        const check = setInterval(() => {
          const now = Date.now();
          if (
            (wrote && now - last >= quiet) ||
            (!wrote && now - started >= 3 * quiet) ||
            now - started >= max
          ) {
            clearInterval(check);
            resolve();
          }
        }, 100);
      }),
    [quietMs, maxMs] as const,
  );
}

/**
 * Closes the extension's service worker target through CDP and waits until that worker has stopped,
 * as reported by the CDP ServiceWorker domain. An open tab or an alarm may start the worker again at
 * once (as Chrome would); the target id survives a restart, so the stop is read from the worker's
 * running status rather than from the target list.
 */
export async function killWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  type Version = { scriptURL: string; runningStatus: string };
  const ours = (v: Version) => v.scriptURL.startsWith('chrome-extension://');
  // Only a stop after the close counts (enabling reports the current state first).
  let armed = false;
  let stoppedSeen = false;
  let onStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (onStopped = resolve));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
    if (armed && versions.some((v) => ours(v) && v.runningStatus === 'stopped')) {
      stoppedSeen = true;
      onStopped();
    }
  });
  await cdp.send('ServiceWorker.enable');
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const sw = targetInfos.filter(
    (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
  );
  expect(sw.length).toBeGreaterThan(0);
  armed = true;
  for (const t of sw) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([stopped, new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
  expect(stoppedSeen, 'the service worker stopped after its target was closed').toBe(true);
  await cdp.send('ServiceWorker.disable').catch(() => {});
  await cdp.detach();
}

/** One value of the extension's `storage.local`, read in the service worker: what the extension stored. */
export async function storedLocal(sw: Worker, key: string): Promise<unknown> {
  return sw.evaluate(async (k) => {
    const local = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage.local;
    return (await local.get(k))[k];
  }, key);
}

/** Chooses a policy file in Options' import panel (`#import-file`), as an admin would. */
export async function importJson(page: Page, name: string, value: unknown): Promise<void> {
  await page.setInputFiles('#import-file', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(value)),
  });
}

export { expect };
