/** The report specs' setup: finished tickets of a recent Monday, stored as the worker's registry. */
import type { Worker } from '@playwright/test';
import { expect, replaceStoredRegistry, settled, storedRegistryIn } from './fixtures';
import { seedDemo } from '../demo/seed';
import type { Registry, RegistryEntry } from '../../lib/registry/types';

const DAY = 86_400_000;

/** Monday 7–13 days before now, as a UTC date (inside the registry's 30 days of finished tickets). */
export function mondayBefore(now: number): Date {
  const d = new Date(now - 7 * DAY);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** Seeds the demo and stops the queue watch's alarms, so nothing rewrites the registry in between. */
export async function seedDemoQuietly(serviceWorker: Worker): Promise<void> {
  await seedDemo(serviceWorker);
  await settled(serviceWorker);
  // As tests/e2e/popup.spec.ts writes a registry: no alarm (queue watch) in between.
  await serviceWorker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome;
    await c.alarms.clearAll();
  });
  await settled(serviceWorker, 500);
}

/** Stores the entries as the registry, again until the worker's own writes have settled. */
export async function storeRegistry(serviceWorker: Worker, list: RegistryEntry[]): Promise<void> {
  const registry: Registry = { version: 2, entries: Object.fromEntries(list.map((e) => [e.key, e])) };
  const ours = Object.keys(registry.entries);
  for (let attempt = 0; attempt < 5; attempt++) {
    await replaceStoredRegistry(serviceWorker, registry);
    await settled(serviceWorker, 500, 3000);
    const stored = Object.keys((await storedRegistryIn(serviceWorker)).entries);
    if (ours.every((k) => stored.includes(k))) break;
  }
  expect(Object.keys((await storedRegistryIn(serviceWorker)).entries)).toEqual(expect.arrayContaining(ours));
}
