/**
 * Issue 13: a worker killed in the middle of a batch write leaves the previous state of the ticket
 * store intact, in real Chromium. The batch is the extension's own: a preference change makes the
 * worker re-evaluate every ticket, and the new at-risk threshold changes every running ticket's
 * summary, so `writeRegistry` puts all of them in one transaction. In the worker, the test wraps
 * `IDBObjectStore.prototype.put`: after `MID` puts of that batch it notes so in a side database
 * (committed on its own) and keeps the batch's transaction alive with a loop of `get`s, so the kill
 * really lands mid-write. The worker is then stopped through CDP (`Target.closeTarget`), and the store
 * is read from an extension page that does not wake the worker: `meta.rev` unchanged, every old
 * record as it was. Then a message (the popup's model request) restarts the worker, which reads every
 * ticket through its own code.
 */
import { test, expect, killWorker, replaceStoredRegistry, settled, storedRegistryIn } from './fixtures';
import { seedDemo } from '../demo/seed';
import { DEMO_HOSTS } from '../demo/scenarios';
import { getBuiltinPolicy } from '../../policies';
import { evaluate } from '../../lib/sla';
import { MAX_STORED_INTERVALS, upsertEntry, type Registry } from '../../lib/registry';
import { DB_NAME } from '../../lib/storage/db';

test.use({ demo: { now: Date.now() }, referencePage: true });

const TICKETS = 1_000;
const MID = 300;
const PRIORITIES = ['urgent', 'high', 'normal'];

test('a worker killed during a batch write leaves the previous store intact', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  test.setTimeout(60_000);
  const t0 = Date.now();
  const phase = (name: string) => console.log(`${name}: ${Date.now() - t0} ms`);
  await seedDemo(serviceWorker); // the demo's assignments, watch off
  await settled(serviceWorker);
  phase('seeded');

  // 1,000 open Mextra tickets, evaluated as the worker would have
  const now = Date.now();
  const policy = getBuiltinPolicy('mextra')!;
  let registry: Registry = { version: 2, entries: {} };
  for (let i = 0; i < TICKETS; i++) {
    const ticket = {
      createdAt: new Date(now - (i % 240) * 60_000).toISOString(),
      priority: PRIORITIES[i % 3]!,
      type: 'incident',
    };
    registry = upsertEntry(
      registry,
      {
        helpdesk: 'zendesk',
        host: DEMO_HOSTS.mextra,
        ticketId: String(50_000 + i),
        ticketKey: `#${50_000 + i}`,
        subject: `Kill test ${i}`,
        link: `https://${DEMO_HOSTS.mextra}/agent/tickets/${50_000 + i}`,
        ticket,
        source: 'queue',
        policyId: 'mextra',
        evaluation: evaluate(policy, ticket, now, { explain: false, maxIntervals: MAX_STORED_INTERVALS }),
      },
      now,
    );
  }
  await replaceStoredRegistry(serviceWorker, registry);
  const page = await context.newPage(); // an extension page that never messages the worker
  await page.goto(`chrome-extension://${extensionId}/reference.html`);
  const readRev = () =>
    page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rev = await new Promise<unknown>((resolve, reject) => {
        const req = db.transaction('meta').objectStore('meta').get('rev');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return rev;
    }, DB_NAME);
  phase('registry stored');
  const revBefore = await readRev();
  const before = await storedRegistryIn(page);
  expect(Object.keys(before.entries)).toHaveLength(TICKETS);

  // The hook, then the batch: a new at-risk threshold changes every running ticket's summary.
  await serviceWorker.evaluate((mid) => {
    const g = globalThis as unknown as { __midWrite?: { puts: number; noted: boolean } };
    const real = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const request = real.apply(this, args);
      if (this.name === 'tickets' && ++puts === mid) {
        const mark = { puts, noted: false };
        g.__midWrite = mark;
        const side = indexedDB.open('kill-probe', 1);
        side.onupgradeneeded = () => side.result.createObjectStore('flags');
        side.onsuccess = () => {
          const tx = side.result.transaction('flags', 'readwrite');
          tx.objectStore('flags').put({ puts: mark.puts, at: Date.now() }, 'mid-write');
          tx.oncomplete = () => (mark.noted = true);
        };
        // Keep the batch's transaction from committing: a request issued from each success.
        const spin = () => {
          this.get('\u0000none').onsuccess = spin;
        };
        spin();
      }
      return request;
    };
  }, MID);
  await serviceWorker.evaluate(async () => {
    const local = (
      globalThis as unknown as {
        chrome: {
          storage: {
            local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
          };
        };
      }
    ).chrome.storage.local;
    const { preferences } = await local.get('preferences');
    await local.set({ preferences: { ...(preferences as object), atRiskPercent: 60 } });
  });
  await expect
    .poll(
      () =>
        serviceWorker.evaluate(
          () => (globalThis as unknown as { __midWrite?: { noted: boolean } }).__midWrite?.noted ?? false,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);

  phase('mid-write');
  await killWorker(context, page);
  phase('killed');

  // The kill was mid-write (the side database says so), and the store is as it was.
  const flag = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kill-probe');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('flags').objectStore('flags').get('mid-write');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  });
  expect(flag).toMatchObject({ puts: MID });
  expect(await readRev()).toBe(revBefore);
  const after = await storedRegistryIn(page);
  expect(after).toEqual(before);

  // Restarted by a message (the popup's model request), the worker reads every ticket through its own
  // code (zod on each record).
  const keys = await page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
    };
    const reply = (await chrome.runtime.sendMessage({ type: 'ui-bg:popup-model' })) as {
      ok: boolean;
      data: { rows: Array<{ key: string }> };
    };
    return reply.data.rows.map((r) => r.key);
  });
  expect(keys.filter((k) => before.entries[k]).length).toBe(TICKETS);
  phase('restarted and read');
});
