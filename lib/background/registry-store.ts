/**
 * The ticket registry and the compliance archive in IndexedDB (lib/storage/db.ts), one record per
 * ticket; the alert markers stay in `storage.local` (small, hot). Which store holds what and why:
 * lib/storage/README.md.
 *
 * - Reads never throw on data: a damaged record is skipped and reported (`problems`), never written
 *   over or deleted (writes touch only the records they changed).
 * - `writeRegistry` diffs against what is stored and writes ONLY the records whose summary changed
 *   (`sameSummary`, registry-diff.ts: a re-evaluation a minute later changes none), in one
 *   transaction with the archive records of finished tickets leaving it and a new `meta.rev`: a worker
 *   killed mid-write leaves the previous state. No code path rewrites the store for one change.
 * - Retention by age, no caps: finished tickets leave the registry 30 days after finishing (into the
 *   archive), open ones when not listed/seen for 30 days; the archive keeps `finishedRetentionDays`.
 * - One worker, several callers (alarms, popup refresh, sidebar, queue watch): read-modify-write
 *   sequences run one at a time through `withStore`, so two wake-ups cannot both see the old markers.
 * - The parsed registry is kept in memory; a read compares the stored `meta.rev` with the cached one.
 * - On first use, the old `storage.local` values are moved in once (`migrateFromLocal`).
 */
import { storage } from 'wxt/utils/storage';
import type { FiredMarkers } from '../alerts/plan';
import {
  compactRegistry,
  finishedAt,
  parseStoredRegistry,
  RegistryEntrySchema,
  registryKey,
  upsertEntry,
  type Registry,
  type RegistryEntry,
  type RegistryProblem,
  type UpsertInput,
} from '../registry';
import {
  ARCHIVE_RETENTION_MS,
  finishedRecords,
  FinishedRecordSchema,
  type ComplianceArchive,
  type FinishedRecord,
} from '../compliance';
import { alertMarkersItem, quarantineWrites, readPreferences, readQuarantine } from '../storage/items';
import { FiredMarkerSchema } from '../storage/schemas';
import type { IDBPTransaction, StoreNames } from 'idb';
import { openStore, ticketRow, type SlaDB, type SlaDatabase, type TicketRow } from '../storage/db';
import {
  archivedKeys,
  parseDayRows,
  pruneArchiveDays,
  putArchiveRecords,
  rangeOfPeriod,
} from '../storage/archive-days';

export { ticketRow };
import { quarantined, type QuarantinedElement } from '../storage/validated';
import { explainStorageError } from '../storage/errors';
import { sameSummary } from './registry-diff';

let chain: Promise<unknown> = Promise.resolve();

/** A request inside a transaction: its failure is the transaction's (`tx.done` rejects), not its own. */
const quiet = (request: Promise<unknown>) => void request.catch(() => undefined);

/**
 * Runs `fill` (which issues the transaction's requests) and waits for the commit. Anything `fill`
 * throws (a record that cannot be stored) aborts the whole transaction: all or nothing.
 */
async function inTransaction(tx: { done: Promise<void>; abort(): void }, fill: () => void | Promise<void>) {
  const done = tx.done;
  done.catch(() => undefined);
  try {
    await fill();
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw e;
  }
  await done;
}

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

/** Open tickets not listed by a queue refresh nor seen by an agent for this long leave the registry. */
export const OPEN_RETENTION_MS = 30 * 86_400_000;
const DAY_MS = 86_400_000;

interface Cache {
  rev: unknown;
  registry: Registry;
  problems: RegistryProblem[];
  /**
   * Each entry as stored: what a write compares with to find the changed ones (`sameSummary`). It can
   * be older than `registry`'s entry: a re-evaluation that changes no summary is not written.
   */
  stored: Map<string, RegistryEntry>;
}
let cache: Cache | null = null;
let revCounter = 0;
const newRev = (now: number) =>
  `${now.toString(36)}.${(++revCounter).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;

function parseTicketRow(row: TicketRow): { entry: RegistryEntry } | { problem: RegistryProblem } {
  const parsed = RegistryEntrySchema.safeParse(row?.entry);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : '(root)';
    return {
      problem: {
        where: String(row?.key),
        message: `skipped unreadable ticket ${String(row?.key)} (${where}: ${first?.message ?? 'invalid'}); it is kept as stored`,
      },
    };
  }
  if (parsed.data.key !== row.key)
    return { problem: { where: row.key, message: `skipped ticket stored under the wrong key ${row.key}` } };
  return { entry: parsed.data as RegistryEntry };
}

async function load(db: SlaDatabase): Promise<Cache> {
  const tx = db.transaction(['tickets', 'meta'], 'readonly');
  const [rev, rows] = await Promise.all([
    tx.objectStore('meta').get('rev'),
    tx.objectStore('tickets').getAll(),
  ]);
  const registry: Registry = { version: 2, entries: {} };
  const problems: RegistryProblem[] = [];
  const stored = new Map<string, RegistryEntry>();
  for (const row of rows) {
    const r = parseTicketRow(row);
    if ('problem' in r) problems.push(r.problem);
    else {
      registry.entries[r.entry.key] = r.entry;
      stored.set(r.entry.key, r.entry);
    }
  }
  for (const p of problems) console.warn(`[sla] registry: ${p.message}`);
  return { rev, registry, problems, stored };
}

async function current(db: SlaDatabase): Promise<Cache> {
  const rev = await db.get('meta', 'rev');
  if (cache && rev !== undefined && cache.rev === rev) return cache;
  cache = await load(db);
  return cache;
}

/** The registry: every readable ticket record (damaged ones skipped and reported). */
export async function readRegistry(): Promise<StoredRegistry> {
  const db = await ready();
  const c = await current(db);
  return { registry: c.registry, problems: c.problems };
}

/** Open tickets whose next deadline is soonest, read through the `next` index (the popup's "breaches next"). */
export async function readSoonestDue(limit: number): Promise<RegistryEntry[]> {
  const db = await ready();
  const out: RegistryEntry[] = [];
  let cursor = await db.transaction('tickets').store.index('next').openCursor();
  while (cursor && out.length < limit) {
    const r = parseTicketRow(cursor.value);
    if ('entry' in r) out.push(r.entry);
    cursor = await cursor.continue();
  }
  return out;
}

const parsedRows = (rows: readonly TicketRow[]): RegistryEntry[] =>
  rows.flatMap((row) => {
    const r = parseTicketRow(row);
    return 'entry' in r ? [r.entry] : [];
  });

/** These tickets (those stored and readable), read one by one: a poll's changed tickets. */
export async function readTickets(keys: Iterable<string>): Promise<RegistryEntry[]> {
  const db = await ready();
  const tx = db.transaction('tickets');
  const rows = await Promise.all([...new Set(keys)].map((k) => tx.store.get(k)));
  return parsedRows(rows.filter((r): r is TicketRow => r !== undefined));
}

/**
 * Tickets with a live clock crossing a threshold in (`after`, `upTo`] (`after` null: any time up to
 * `upTo`), each once, through the `alerts` index: what a partial wake-up must plan alerts for, and
 * (with `after` null) every ticket the badge may count.
 */
export async function readAlerting(after: number | null, upTo: number): Promise<RegistryEntry[]> {
  const db = await ready();
  if (after !== null && after >= upTo) return [];
  const range = after === null ? IDBKeyRange.upperBound(upTo) : IDBKeyRange.bound(after, upTo, true, false);
  const keys = await db.getAllKeysFromIndex('tickets', 'alerts', range);
  const tx = db.transaction('tickets');
  const rows = await Promise.all([...new Set(keys)].map((k) => tx.store.get(k)));
  return parsedRows(rows.filter((r): r is TicketRow => r !== undefined));
}

/** The first threshold of a live clock after `now` (the next alarm), through the `alerts` index. */
export async function nextAlertAfter(now: number): Promise<number | null> {
  const db = await ready();
  const cursor = await db
    .transaction('tickets')
    .store.index('alerts')
    .openKeyCursor(IDBKeyRange.lowerBound(now, true));
  return cursor ? (cursor.key as number) : null;
}

/** Up to when the alerts of every ticket were planned (`meta.plannedAt`), or null when unknown. */
export async function readPlannedAt(): Promise<number | null> {
  const db = await ready();
  const v = await db.get('meta', 'plannedAt');
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Records that the alerts of every ticket are planned up to `at`. */
export async function writePlannedAt(at: number): Promise<void> {
  const db = await ready();
  await db.put('meta', at, 'plannedAt');
}

/** Tickets of one helpdesk host, through the `host` index. */
export async function readHost(host: string): Promise<RegistryEntry[]> {
  const db = await ready();
  const rows = await db.getAllFromIndex('tickets', 'host', host.toLowerCase());
  return rows.flatMap((row) => {
    const r = parseTicketRow(row);
    return 'entry' in r ? [r.entry] : [];
  });
}

/**
 * The compliance archive, most recently finished first; with `range` only the records that finished
 * in [from, to), read as the rows of those days (lib/storage/archive-days.ts). Damaged records are
 * skipped (and reported).
 */
export async function readArchive(range?: { from: number; to: number }): Promise<ComplianceArchive> {
  const db = await ready();
  if (range && range.to <= range.from) return { records: [] };
  const rows = range
    ? await db.getAll('archiveDays', rangeOfPeriod(range.from, range.to))
    : await db.getAll('archiveDays');
  const { records, dropped } = parseDayRows(rows, range);
  if (dropped > 0) console.warn(`[sla] compliance archive: ${dropped} unreadable record(s) skipped`);
  records.sort((a, b) => b.closedAt - a.closedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { records };
}

/** One archived ticket's record, through the `keys` index; null when none is readable. */
export async function readArchivedRecord(key: string): Promise<FinishedRecord | null> {
  const db = await ready();
  const rows = await db.getAllFromIndex('archiveDays', 'keys', key);
  return parseDayRows(rows).records.find((r) => r.key === key) ?? null;
}

async function archiveRetentionMs(): Promise<number> {
  const days = (await readPreferences()).value.finishedRetentionDays;
  return Number.isFinite(days) ? days * DAY_MS : ARCHIVE_RETENTION_MS;
}

type WriteTx = IDBPTransaction<SlaDB, ArrayLike<StoreNames<SlaDB>>, 'readwrite'>;

/** Puts the records still inside the retention into the archive (in `tx`); returns how many. */
async function putArchive(
  tx: WriteTx,
  records: readonly FinishedRecord[],
  now: number,
  retentionMs: number,
): Promise<number> {
  const kept = records.filter((r) => now - r.closedAt <= retentionMs);
  await putArchiveRecords(tx.objectStore('archiveDays'), kept);
  return kept.length;
}

/**
 * Adds finished-ticket records (history read from the helpdesk) to the archive in one transaction, and
 * lets those older than the retention go. Returns how many were written.
 */
export function archiveFinished(
  records: readonly FinishedRecord[],
  now: number,
): Promise<{ written: number }> {
  return withStore(async () => {
    const db = await ready();
    const retention = await archiveRetentionMs();
    try {
      const tx = db.transaction(['archiveDays'], 'readwrite');
      let written = 0;
      await inTransaction(tx, async () => {
        written = await putArchive(tx, records, now, retention);
        await pruneArchiveDays(tx.objectStore('archiveDays'), now - retention);
      });
      return { written };
    } catch (e) {
      throw new Error(explainStorageError(e), { cause: e });
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
  /** Keep at most this many (least recently seen go first); no bound unless given. */
  maxEntries?: number;
  /** Write the markers too (storage.local), before the registry. */
  markers?: FiredMarkers;
}

/** Open tickets not seen (by an agent or a queue listing) for `OPEN_RETENTION_MS`. */
function staleOpen(reg: Registry, now: number): string[] {
  return Object.values(reg.entries)
    .filter((e) => finishedAt(e) === null && now - e.lastSeen > OPEN_RETENTION_MS)
    .map((e) => e.key);
}

/**
 * Makes the stored registry equal `reg` (after retention), writing only the records whose summary
 * differs from what is stored (`sameSummary`), in ONE transaction together with the archive records
 * of finished tickets that leave it. Damaged stored records are left as they are. Returns what was written.
 */
export async function writeRegistry(
  reg: Registry,
  now: number,
  options: WriteOptions = {},
): Promise<Registry> {
  const db = await ready();
  const base = await current(db);
  let compact = compactRegistry(
    reg,
    now,
    options.maxEntries !== undefined ? { maxEntries: options.maxEntries } : {},
  );
  const stale = staleOpen(compact, now);
  if (stale.length) {
    const entries = { ...compact.entries };
    for (const k of stale) delete entries[k];
    compact = { ...compact, entries };
  }
  const puts: RegistryEntry[] = [];
  for (const entry of Object.values(compact.entries)) {
    if (base.registry.entries[entry.key] === entry) continue;
    const before = base.stored.get(entry.key);
    if (!before || !sameSummary(before, entry)) puts.push(entry);
  }
  const deletes = Object.keys(base.registry.entries).filter((k) => !Object.hasOwn(compact.entries, k));
  const gone = finishedRecords(deletes.map((k) => base.registry.entries[k]!));

  if (options.markers) await alertMarkersItem.setValue(options.markers);
  if (puts.length === 0 && deletes.length === 0) {
    cache = { ...base, registry: compact };
    return compact;
  }
  const rev = newRev(now);
  cache = null;
  try {
    const retention = gone.length ? await archiveRetentionMs() : 0;
    const tx = db.transaction(['tickets', 'archiveDays', 'meta'], 'readwrite');
    await inTransaction(tx, async () => {
      const tickets = tx.objectStore('tickets');
      for (const p of puts) quiet(tickets.put(ticketRow(p)));
      for (const k of deletes) quiet(tickets.delete(k));
      quiet(tx.objectStore('meta').put(rev, 'rev'));
      if (gone.length) await putArchive(tx, gone, now, retention);
    });
  } catch (e) {
    throw new Error(explainStorageError(e), { cause: e });
  }
  const stored = new Map(base.stored);
  for (const p of puts) stored.set(p.key, p);
  for (const k of deletes) stored.delete(k);
  cache = { rev, registry: compact, problems: base.problems, stored };
  return compact;
}

/** Upserts tickets (agent-opened or a poll's batch) in one read-modify-write and one transaction. */
export function upsertTickets(inputs: readonly UpsertInput[], now: number): Promise<Registry> {
  return withStore(async () => {
    let { registry } = await readRegistry();
    for (const input of inputs) registry = upsertEntry(registry, input, now);
    return writeRegistry(registry, now);
  });
}

let batch: Map<string, { input: UpsertInput; now: number }> | null = null;
let batchWrite: Promise<Registry> = Promise.resolve({ version: 2, entries: {} });

/**
 * A content script's report, coalesced: reports that arrive while the batch waits its turn join it
 * (the latest report of a ticket wins), and the batch is written in one transaction. A report after
 * the batch started writing goes into the next one. Resolves when its batch is stored.
 */
export function queueUpsert(input: UpsertInput, now: number): Promise<Registry> {
  if (!batch) {
    const mine = new Map<string, { input: UpsertInput; now: number }>();
    batch = mine;
    batchWrite = withStore(async () => {
      if (batch === mine) batch = null;
      let { registry } = await readRegistry();
      let at = now;
      for (const item of mine.values()) {
        registry = upsertEntry(registry, item.input, item.now);
        at = Math.max(at, item.now);
      }
      return writeRegistry(registry, at);
    });
  }
  batch.set(registryKey(input.helpdesk, input.host, input.ticketId), { input, now });
  return batchWrite;
}

/** Deletes the finished tickets and the whole compliance archive (Options → Clear history). */
export function clearHistory(): Promise<void> {
  return withStore(async () => {
    const db = await ready();
    const base = await current(db);
    const finished = Object.values(base.registry.entries)
      .filter((e) => finishedAt(e) !== null)
      .map((e) => e.key);
    cache = null;
    const tx = db.transaction(['tickets', 'archiveDays', 'meta'], 'readwrite');
    await inTransaction(tx, () => {
      for (const k of finished) quiet(tx.objectStore('tickets').delete(k));
      quiet(tx.objectStore('archiveDays').clear());
      quiet(tx.objectStore('meta').put(newRev(Date.now()), 'rev'));
    });
  });
}

export interface StoreInfo {
  tickets: number;
  archived: number;
  bytes: number | null;
  damaged: number;
}

/** How much the store holds (Options → Preferences). */
export async function storeInfo(): Promise<StoreInfo> {
  try {
    const db = await ready();
    const c = await current(db);
    const tickets = Object.keys(c.registry.entries).length;
    const archived = await db.countFromIndex('archiveDays', 'keys'); // one index entry per record
    let bytes: number | null = null;
    try {
      const est = await (globalThis.navigator?.storage?.estimate?.() ?? Promise.resolve(undefined));
      bytes = typeof est?.usage === 'number' ? est.usage : null;
    } catch {
      bytes = null;
    }
    return { tickets, archived, bytes, damaged: c.problems.length };
  } catch {
    return { tickets: 0, archived: 0, bytes: null, damaged: 0 };
  }
}

// ---------------------------------------------------------------------------------------------
// The one-time move from storage.local (registry ≤ v2, complianceArchive v1)

const OLD_KEYS = ['registry', 'registry$', 'complianceArchive', 'complianceArchive$'] as const;

export interface MigrationReport {
  tickets: number;
  archived: number;
  /** Elements that could not be read: kept aside verbatim in the quarantine. */
  quarantined: number;
  /** Old keys kept because they could not be moved (a newer version's value): the reason. */
  kept: string[];
}

/**
 * Moves the registry and the archive from `storage.local` into the ticket store. Idempotent: a record
 * the store already holds is not overwritten; the old keys are removed only after the store holds
 * every readable record, and unreadable elements are first kept aside in the quarantine. A value the
 * code cannot read at all (a newer version's) is left where it is, untouched, and reported.
 */
export async function migrateFromLocal(): Promise<MigrationReport | null> {
  const old = await browser.storage.local.get([...OLD_KEYS]);
  if (old.registry === undefined && old.complianceArchive === undefined) return null;
  const report: MigrationReport = { tickets: 0, archived: 0, quarantined: 0, kept: [] };
  const found: QuarantinedElement[] = [];
  const remove: string[] = [];

  let entries: RegistryEntry[] = [];
  if (old.registry !== undefined) {
    const parsed = parseStoredRegistry(old.registry);
    const whole = parsed.problems.find((p) => p.where === 'registry');
    if (whole)
      report.kept.push(`registry: ${whole.message.replace(/ — starting empty$/, '')}; kept as it was`);
    else {
      entries = Object.values(parsed.registry.entries);
      const raw = (old.registry as { entries?: Record<string, unknown> }).entries ?? {};
      for (const p of parsed.problems)
        found.push(quarantined('registry', `entries.${p.where}`, raw[p.where], p.message));
      remove.push('registry', 'registry$');
    }
  }
  const records: FinishedRecord[] = [];
  if (old.complianceArchive !== undefined) {
    const list = (old.complianceArchive as { records?: unknown } | null)?.records;
    if (!Array.isArray(list)) report.kept.push('complianceArchive: not an archive; kept as it was');
    else {
      list.forEach((r, i) => {
        const parsed = FinishedRecordSchema.safeParse(r);
        if (parsed.success) records.push(parsed.data as FinishedRecord);
        else
          found.push(quarantined('complianceArchive', `records.${i}`, r, `records.${i}: unreadable record`));
      });
      remove.push('complianceArchive', 'complianceArchive$');
    }
  }

  const db = await openStore();
  const tx = db.transaction(['tickets', 'archiveDays', 'meta'], 'readwrite');
  const tickets = tx.objectStore('tickets');
  const archive = tx.objectStore('archiveDays');
  await inTransaction(tx, async () => {
    const [haveTickets, hasRecord] = await Promise.all([tickets.getAllKeys(), archivedKeys(archive)]);
    const hasTicket = new Set(haveTickets);
    for (const e of entries) if (!hasTicket.has(e.key)) quiet(tickets.put(ticketRow(e)));
    quiet(tx.objectStore('meta').put(newRev(Date.now()), 'rev'));
    await putArchiveRecords(
      archive,
      records.filter((r) => !hasRecord.has(r.key)),
    );
  });
  cache = null;

  // Every readable record must be in the store before anything old is removed.
  const check = db.transaction(['tickets', 'archiveDays']);
  const [nowTickets, a] = await Promise.all([
    check.objectStore('tickets').getAllKeys(),
    archivedKeys(check.objectStore('archiveDays')),
  ]);
  const t = new Set(nowTickets);
  if (entries.some((e) => !t.has(e.key)) || records.some((r) => !a.has(r.key)))
    throw new Error('the ticket store does not hold every migrated record; the old values were kept');
  report.tickets = entries.length;
  report.archived = records.length;
  report.quarantined = found.length;
  const q = quarantineWrites(await readQuarantine(), found, Date.now());
  await storage.setItems(q);
  if (remove.length) await browser.storage.local.remove(remove);
  for (const k of report.kept) console.warn(`[sla] ${k}`);
  return report;
}

let migration: Promise<unknown> | null = null;

/** The store, after the one-time migration has run in this worker (a failed one is retried next time). */
async function ready(): Promise<SlaDatabase> {
  if (!migration) {
    const m = migrateFromLocal().catch((e: unknown) => {
      console.warn('[sla] moving the registry into the ticket store failed; will retry:', e);
      if (migration === m) migration = null;
    });
    migration = m;
  }
  await migration;
  return openStore();
}

/** Tests: forget the cached registry and the migration state (the database itself is not touched). */
export function forgetStoreState(): void {
  cache = null;
  migration = null;
}
