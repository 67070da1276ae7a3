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
import { DB_NAME, ticketRow } from '../../lib/storage/db';
import type { Registry, RegistryEntry } from '../../lib/registry/types';

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
  /**
   * Load the build exactly as shipped: the sidebar's shadow root is then closed and locators cannot
   * reach it. Off by default: the suite loads a test copy that keeps it open (tests/support/browser.ts).
   */
  shippedBuild: boolean;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  demo: [async ({}, use) => use({ now: FIXED_NOW }), { option: true }],
  referencePage: [false, { option: true }],
  shippedBuild: [false, { option: true }],
  context: async ({ demo, referencePage, shippedBuild }, use) => {
    const { context } = await launchWithExtension({
      headless: true,
      openShadowRoot: !shippedBuild,
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
 * A write is seen as a new `meta.rev` in the ticket store (IndexedDB, lib/storage/db.ts).
 */
export async function settled(sw: Worker, quietMs = 1000, maxMs = 10_000): Promise<void> {
  const started = Date.now();
  let last = started;
  let wrote = false;
  let rev = await storedRev(sw);
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = Date.now();
    const next = await storedRev(sw);
    if (next !== rev) {
      rev = next;
      wrote = true;
      last = now;
    }
    if (
      (wrote && now - last >= quietMs) ||
      (!wrote && now - started >= 3 * quietMs) ||
      now - started >= maxMs
    )
      return;
  }
}

type Target = Worker | Page;
type StoreOp = { op: 'rev' } | { op: 'read' } | { op: 'replace'; rows: unknown[] };

/**
 * One operation on the ticket store (raw IndexedDB), in the worker or an extension page. It never
 * creates the database: an open that would is aborted, so the extension's own upgrade still runs.
 */
function inStore(target: Target, op: StoreOp): Promise<unknown> {
  return (target as Worker).evaluate(
    async ([name, o]) => {
      const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => (req.error?.name === 'AbortError' ? resolve(null) : reject(req.error));
      });
      const done = (r: IDBRequest | IDBTransaction) =>
        new Promise<unknown>((resolve, reject) => {
          if (r instanceof IDBTransaction) {
            r.oncomplete = () => resolve(null);
            r.onabort = () => reject(r.error ?? new Error('aborted'));
          } else {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          }
        });
      try {
        if (!db || !db.objectStoreNames.contains('tickets')) {
          if (o.op === 'replace') throw new Error('the ticket store does not exist yet');
          return o.op === 'read' ? [] : null;
        }
        if (o.op === 'rev')
          return (await done(db.transaction('meta').objectStore('meta').get('rev'))) ?? null;
        if (o.op === 'read') return done(db.transaction('tickets').objectStore('tickets').getAll());
        const tx = db.transaction(['tickets', 'meta'], 'readwrite');
        const tickets = tx.objectStore('tickets');
        tickets.clear();
        for (const row of o.rows) tickets.put(row);
        tx.objectStore('meta').put(`e2e.${Date.now()}.${Math.random()}`, 'rev');
        return done(tx);
      } finally {
        db?.close();
      }
    },
    [DB_NAME, op] as const,
  );
}

const storedRev = (target: Target) => inStore(target, { op: 'rev' });

/** The registry as the ticket store holds it (raw records, read in the worker or an extension page). */
export async function storedRegistryIn(target: Target): Promise<Registry> {
  const rows = (await inStore(target, { op: 'read' })) as Array<{ key: string; entry: RegistryEntry }>;
  return { version: 2, entries: Object.fromEntries(rows.map((r) => [r.key, r.entry])) };
}

/** Replaces every ticket record with `registry`'s, in one transaction with a new `meta.rev`. */
export async function replaceStoredRegistry(target: Target, registry: Registry): Promise<void> {
  await inStore(target, { op: 'replace', rows: Object.values(registry.entries).map(ticketRow) });
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

/**
 * One value of the extension's `storage.local`, read in the service worker: what the extension stored.
 * `registry` is read from the ticket store in IndexedDB, where it lives now.
 */
export async function storedLocal(sw: Worker, key: string): Promise<unknown> {
  if (key === 'registry') return storedRegistryIn(sw);
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
