/**
 * The ticket registry and the alert markers in `storage.local`, read and written through the WXT
 * storage items (lib/storage/items.ts). Reads never throw (a corrupt value or entry is dropped and
 * reported); every write compacts (finished tickets 30 days after finishing, then the LRU bound).
 *
 * One worker, several callers (alarms, popup refresh, sidebar): read-modify-write sequences run one at
 * a time through `withStore`, so two wake-ups cannot both see the old markers and notify twice.
 *
 * The parsed registry is kept in memory between reads (parsing 1,000 entries with zod takes tens of
 * milliseconds, and the popup asks on every open). Every write stamps a revision in the registry's
 * storage meta (`registry$.rev`); a read compares that small value with the cached one and re-reads
 * the registry when anyone else (another context, a test, a restart) wrote it since.
 */
import { storage } from 'wxt/utils/storage';
import type { FiredMarkers } from '../alerts/plan';
import {
  compactRegistry,
  DEFAULT_MAX_ENTRIES,
  evictLeastRecentlySeen,
  parseStoredRegistry,
  upsertEntry,
  type Registry,
  type RegistryProblem,
  type UpsertInput,
} from '../registry';
import { archiveRecords, finishedRecords, parseArchive, type ComplianceArchive } from '../compliance';
import type { FinishedRecord } from '../compliance';
import { alertMarkersItem, complianceArchiveItem, registryItem } from '../storage/items';
import { FiredMarkerSchema } from '../storage/schemas';

let chain: Promise<unknown> = Promise.resolve();

/** Runs `fn` after every earlier `withStore` call of this worker has settled. Do not nest. */
export function withStore<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn, fn);
  chain = run.catch(() => undefined);
  return run;
}

export interface StoredRegistry {
  registry: Registry;
  problems: RegistryProblem[];
}

let cache: { rev: string; registry: Registry } | null = null;
let revCounter = 0;

const storedRev = async (): Promise<string | undefined> => {
  const meta: unknown = await storage.getMeta('local:registry');
  const rev = meta && typeof meta === 'object' ? (meta as { rev?: unknown }).rev : undefined;
  return typeof rev === 'string' ? rev : undefined;
};

export async function readRegistry(): Promise<StoredRegistry> {
  const rev = await storedRev();
  if (cache && rev !== undefined && cache.rev === rev) return { registry: cache.registry, problems: [] };
  const { registry, problems } = parseStoredRegistry(await registryItem.getValue());
  for (const p of problems) console.warn(`[sla] registry: ${p.message}`);
  cache = rev !== undefined && problems.length === 0 ? { rev, registry } : null;
  return { registry, problems };
}

/** The compliance archive; damaged records are left out (and reported). */
export async function readArchive(): Promise<ComplianceArchive> {
  const { archive, dropped } = parseArchive(await complianceArchiveItem.getValue());
  if (dropped > 0) console.warn(`[sla] compliance archive: ${dropped} unreadable record(s) left out`);
  return archive;
}

/** Finished tickets among `before` that `after` no longer holds, as compliance records. */
function leaving(before: Registry, after: Registry): FinishedRecord[] {
  return finishedRecords(Object.values(before.entries).filter((e) => !(e.key in after.entries)));
}

/**
 * Adds finished-ticket records to the compliance archive (history read from the helpdesk). When
 * `storage.local` is full, the archive keeps fewer of its oldest records until the write fits.
 */
export function archiveFinished(records: readonly FinishedRecord[], now: number): Promise<ComplianceArchive> {
  return withStore(async () => {
    let archive = archiveRecords(await readArchive(), records, now);
    for (let attempt = 0; ; attempt++) {
      try {
        await complianceArchiveItem.setValue(archive);
        return archive;
      } catch (e) {
        const n = archive.records.length;
        if (!isQuotaError(e) || attempt >= 5 || n === 0) throw e;
        console.warn(`[sla] storage.local is full; archiving the ${Math.floor(n * 0.8)} most recent tickets`);
        archive = archiveRecords(archive, [], now, { max: Math.floor(n * 0.8) });
      }
    }
  });
}

/** Markers that fail validation are dropped one by one (the others still prevent repeats). */
export async function readMarkers(): Promise<FiredMarkers> {
  const raw = await alertMarkersItem.getValue();
  const out: FiredMarkers = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const m = FiredMarkerSchema.safeParse(value);
    if (m.success) out[id] = m.data;
  }
  return out;
}

export interface WriteOptions {
  maxEntries?: number;
  /** Write the markers in the same storage call. */
  markers?: FiredMarkers;
}

const isQuotaError = (e: unknown) => /quota/i.test(e instanceof Error ? e.message : String(e));

/**
 * Compacts and writes the registry (and the markers when given) in one storage call. When
 * `storage.local` is full, the least recently seen tickets are evicted (a fifth at a time) until the
 * write fits. Finished tickets that leave the registry go to the compliance archive in the same call.
 * Returns what was written.
 */
export async function writeRegistry(
  reg: Registry,
  now: number,
  options: WriteOptions = {},
): Promise<Registry> {
  let compact = compactRegistry(reg, now, { maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES });
  for (let attempt = 0; ; attempt++) {
    try {
      // One storage call: the registry, its meta and the markers change together. The meta's version:
      // written straight after a fresh install (no meta yet), WXT would otherwise run the v1 → v2
      // migration on a v2 value at the next start. Its revision: see `readRegistry`.
      const rev = `${now.toString(36)}.${(++revCounter).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
      cache = null;
      const gone = leaving(reg, compact);
      const archive = gone.length > 0 ? archiveRecords(await readArchive(), gone, now) : null;
      await storage.setItems([
        { item: registryItem, value: compact },
        ...(archive ? [{ item: complianceArchiveItem, value: archive }] : []),
        { key: 'local:registry$', value: { v: 2, rev } },
        ...(options.markers ? [{ item: alertMarkersItem, value: options.markers }] : []),
      ]);
      cache = { rev, registry: compact };
      return compact;
    } catch (e) {
      const n = Object.keys(compact.entries).length;
      if (!isQuotaError(e) || attempt >= 5 || n === 0) throw e;
      console.warn(`[sla] storage.local is full; keeping the ${Math.floor(n * 0.8)} most recent tickets`);
      compact = evictLeastRecentlySeen(compact, Math.floor(n * 0.8));
    }
  }
}

/** Upserts tickets (agent-opened or queue-listed) in one read-modify-write. */
export function upsertTickets(inputs: readonly UpsertInput[], now: number): Promise<Registry> {
  return withStore(async () => {
    let { registry } = await readRegistry();
    for (const input of inputs) registry = upsertEntry(registry, input, now);
    return writeRegistry(registry, now);
  });
}
