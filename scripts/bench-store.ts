/**
 * Ticket-store figures (issue 13) in Node: the real store code (lib/background/registry-store.ts) on
 * fake-indexeddb, with WXT's fake browser for the small storage.local values. fake-indexeddb is an
 * in-memory JavaScript implementation, so these figures show the work the code does (records touched,
 * index reads), not Chromium's disk speed; the real-browser figures come from the e2e run.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Registry, RegistryEntry } from '../lib/registry';
import type { FinishedRecord } from '../lib/compliance';

export interface StoreFigures {
  upsertOneMs: number;
  upsertPuts: number;
  top50Ms: number;
  wakeMs: number;
  /** Open tickets the wake-up a minute later re-evaluated, and how many records it wrote. */
  wakeEvaluated: number;
  wakeWritten: number;
  monthMs: number;
  monthRecords: number;
  archiveMB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return median(out);
}

export async function storeFigures(
  registry: Registry,
  reevaluated: Registry,
  /** The worker's re-evaluation of every open ticket at `now` (wake.ts). */
  reevaluateAt: (reg: Registry, now: number) => Registry,
  archiveRecords: (n: number) => FinishedRecord[],
  month: { from: number; to: number },
  now: number,
): Promise<StoreFigures> {
  Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });
  const store = await import('../lib/background/registry-store');
  const { openStore } = await import('../lib/storage/db');

  await store.writeRegistry(reevaluated, now); // as a wake-up at `now` left it
  const keys = Object.keys(registry.entries);

  // one ticket upserted into 10,000, as a sidebar report does (read from memory, one record written)
  const db = await openStore();
  const proto = Object.getPrototypeOf(db.transaction('tickets', 'readwrite').objectStore('tickets')) as {
    put: (...a: unknown[]) => unknown;
  };
  const realPut = proto.put;
  let puts = 0;
  proto.put = function (this: { name: string }, ...a: unknown[]) {
    if (this.name === 'tickets') puts++;
    return realPut.apply(this, a);
  };
  const upsertOneMs = await timed(21, (i) => {
    const e = registry.entries[keys[i * 37]!]! as RegistryEntry;
    return store.upsertTickets(
      [
        {
          ...e,
          ticketId: e.ticketId,
          subject: `${e.subject} (seen ${i})`,
          source: e.source,
          evaluation: null,
        },
      ],
      now + i,
    );
  });
  const upsertPuts = puts / 21;

  const top50Ms = await timed(21, () => store.readSoonestDue(50));

  // the re-evaluating wake-up a minute later: every open ticket evaluated again, only the tickets
  // whose summary changed written (registry-diff.ts)
  const later = now + 60_000;
  const { registry: before } = await store.readRegistry();
  const again = reevaluateAt(before, later);
  const wakeEvaluated = Object.values(again.entries).filter((e) => e !== before.entries[e.key]).length;
  puts = 0;
  const wakeMs = await timed(1, () => store.writeRegistry(again, later));
  const wakeWritten = puts;
  proto.put = realPut;

  // 100,000 archived finished tickets, then one month of them through the closedAt index
  const all = archiveRecords(100_000);
  for (let i = 0; i < all.length; i += 10_000) await store.archiveFinished(all.slice(i, i + 10_000), now);
  let monthRecords = 0;
  const monthMs = await timed(5, async () => {
    monthRecords = (await store.readArchive(month)).records.length;
  });
  const archiveMB = all.reduce((n, r) => n + JSON.stringify(r).length, 0) / 1e6;
  return {
    upsertOneMs,
    upsertPuts,
    top50Ms,
    wakeMs,
    wakeEvaluated,
    wakeWritten,
    monthMs,
    monthRecords,
    archiveMB,
  };
}
