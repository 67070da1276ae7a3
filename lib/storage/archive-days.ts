/**
 * The compliance archive's layout in the ticket store (schema v3, lib/storage/db.ts): finished-ticket
 * records grouped by the UTC day they finished on, at most `SLOT_MAX` records per stored row, key
 * `[day, slot]`, with a multi-entry `keys` index (each row's ticket keys) to find a ticket's record.
 * Why rows of a day rather than one row per ticket: lib/storage/README.md (a month is ~31 reads, not
 * ~7,500; measured in Chromium). Writes touch only the rows that hold the changed tickets.
 *
 * Reads validate each row's shell with zod and every record inside it (`readFinishedRecord`: zod's
 * answer, with a quick path for well-formed records); a damaged row or record is skipped and counted,
 * and a write leaves it exactly as stored (a new record goes to a row that is readable).
 */
import { z } from 'zod';
import type { IDBPObjectStore, StoreNames } from 'idb';
import { boundRecord, readFinishedRecord, type FinishedRecord } from '../compliance';
import type { SlaDB } from './db';

export const DAY_MS = 86_400_000;
/** Records per stored row: a day of a busy team is a few rows, and replacing one record rewrites one row. */
export const SLOT_MAX = 200;
/** The day of rows an upgrade could not date (no finite `closedAt`): kept verbatim, never pruned. */
export const UNDATED_DAY = -1;

export interface ArchiveDayRow {
  /** UTC day number: `Math.floor(closedAt / DAY_MS)`. */
  day: number;
  slot: number;
  /** `keys[i]` is the ticket key of `records[i]` (the `keys` index, multi-entry). */
  keys: string[];
  /** `FinishedRecord`s, validated on read. */
  records: unknown[];
}

const DayRowSchema = z
  .object({
    day: z.number().int(),
    slot: z.number().int().nonnegative(),
    keys: z.array(z.string()),
    records: z.array(z.unknown()),
  })
  .refine((r) => r.keys.length === r.records.length, { message: 'keys and records differ in length' });

export const dayOf = (t: number) => Math.floor(t / DAY_MS);

type Store<Mode extends IDBTransactionMode> = IDBPObjectStore<
  SlaDB,
  ArrayLike<StoreNames<SlaDB>>,
  'archiveDays',
  Mode
>;

/** Groups records (by key, the last one winning) into day rows, `SLOT_MAX` per row (upgrade, seeding). */
export function dayRows(records: Iterable<{ key: string; day: number; record: unknown }>): ArchiveDayRow[] {
  const byDay = new Map<number, Map<string, unknown>>();
  for (const r of records) {
    let m = byDay.get(r.day);
    if (!m) byDay.set(r.day, (m = new Map()));
    m.set(r.key, r.record);
  }
  const rows: ArchiveDayRow[] = [];
  for (const [day, m] of byDay) {
    const all = [...m];
    for (let i = 0, slot = 0; i < all.length; i += SLOT_MAX, slot++) {
      const part = all.slice(i, i + SLOT_MAX);
      rows.push({ day, slot, keys: part.map(([k]) => k), records: part.map(([, r]) => r) });
    }
  }
  return rows;
}

/** A readable row shell (its records are checked one by one), or null. */
function readRow(raw: unknown): ArchiveDayRow | null {
  const parsed = DayRowSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export interface ParsedDays {
  records: FinishedRecord[];
  /** Records (or whole rows) that could not be read: skipped, kept as stored. */
  dropped: number;
}

/** The readable records of `rows`, only those that finished in [from, to) when a range is given. */
export function parseDayRows(rows: readonly unknown[], range?: { from: number; to: number }): ParsedDays {
  const records: FinishedRecord[] = [];
  let dropped = 0;
  for (const raw of rows) {
    const row = readRow(raw);
    if (!row) {
      dropped++;
      continue;
    }
    for (let i = 0; i < row.records.length; i++) {
      const r = readFinishedRecord(row.records[i]);
      if (!r || r.key !== row.keys[i] || dayOf(r.closedAt) !== row.day) {
        dropped++;
        continue;
      }
      if (range && (r.closedAt < range.from || r.closedAt >= range.to)) continue;
      records.push(r);
    }
  }
  return { records, dropped };
}

/** The key range of the rows of days [fromDay, toDay). */
export const daysRange = (fromDay: number, toDay: number) =>
  IDBKeyRange.bound([fromDay], [toDay], false, true);

/** The rows that may hold records finished in [from, to). */
export const rangeOfPeriod = (from: number, to: number) => daysRange(dayOf(from), dayOf(to - 1) + 1);

const rowId = (day: number, slot: number) => `${day}/${slot}`;

/**
 * Puts `records` into the archive (a record with the same key replaces the stored one, wherever it
 * is), inside the caller's transaction: reads the rows that hold those keys and the rows of the days
 * they go to, and writes back only the rows that changed. Damaged rows are never written.
 */
export async function putArchiveRecords(store: Store<'readwrite'>, records: readonly FinishedRecord[]) {
  const incoming = new Map<string, FinishedRecord>();
  for (const r of records) incoming.set(r.key, boundRecord(r));
  if (incoming.size === 0) return;
  const index = store.index('keys');
  const days = new Set([...incoming.values()].map((r) => dayOf(r.closedAt)));
  const [holding, dayLists] = await Promise.all([
    Promise.all([...incoming.keys()].map((k) => index.getAll(k))),
    Promise.all([...days].map((d) => store.getAll(daysRange(d, d + 1)))),
  ]);
  const rows = new Map<string, ArchiveDayRow>();
  const byDay = new Map<number, ArchiveDayRow[]>();
  const damagedSlots = new Map<number, Set<number>>();
  for (const raw of [...holding.flat(), ...dayLists.flat()] as unknown[]) {
    const row = readRow(raw);
    if (!row) {
      // Damaged: left as stored; its slot is not reused.
      const r = raw as { day?: unknown; slot?: unknown } | null;
      if (typeof r?.day === 'number' && typeof r.slot === 'number') {
        const s = damagedSlots.get(r.day) ?? new Set<number>();
        damagedSlots.set(r.day, s.add(r.slot));
      }
      continue;
    }
    const id = rowId(row.day, row.slot);
    if (rows.has(id)) continue;
    rows.set(id, row);
    const list = byDay.get(row.day);
    if (list) list.push(row);
    else byDay.set(row.day, [row]);
  }
  const changed = new Set<string>();
  // Take every incoming key out of the rows that hold it.
  for (const row of rows.values()) {
    let write = false;
    for (let i = row.keys.length - 1; i >= 0; i--) {
      if (!incoming.has(row.keys[i]!)) continue;
      row.keys.splice(i, 1);
      row.records.splice(i, 1);
      write = true;
    }
    if (write) changed.add(rowId(row.day, row.slot));
  }
  // Add each record to a row of its day with room (a new slot when none has).
  for (const r of incoming.values()) {
    const day = dayOf(r.closedAt);
    const list = byDay.get(day) ?? [];
    byDay.set(day, list);
    let row = list.find((x) => x.records.length < SLOT_MAX);
    if (!row) {
      const used = new Set([...list.map((x) => x.slot), ...(damagedSlots.get(day) ?? [])]);
      let slot = 0;
      while (used.has(slot)) slot++;
      row = { day, slot, keys: [], records: [] };
      list.push(row);
      rows.set(rowId(day, slot), row);
    }
    row.keys.push(r.key);
    row.records.push(r);
    changed.add(rowId(row.day, row.slot));
  }
  for (const id of changed) {
    const row = rows.get(id)!;
    void (row.records.length === 0 ? store.delete([row.day, row.slot]) : store.put(row)).catch(
      () => undefined,
    );
  }
}

/**
 * Lets records that finished before `cutoff` go, inside the caller's transaction: whole rows of older
 * days are deleted; the rows of the cutoff's own day keep their later records (and any they cannot read).
 */
export async function pruneArchiveDays(store: Store<'readwrite'>, cutoff: number): Promise<void> {
  const day = dayOf(cutoff);
  void store.delete(daysRange(0, day)).catch(() => undefined);
  for (const raw of await store.getAll(daysRange(day, day + 1))) {
    const row = readRow(raw);
    if (!row) continue;
    const keep = row.records.map((rec) => {
      const r = readFinishedRecord(rec);
      return !r || r.closedAt >= cutoff;
    });
    if (keep.every(Boolean)) continue;
    const next = {
      ...row,
      keys: row.keys.filter((_, i) => keep[i]),
      records: row.records.filter((_, i) => keep[i]),
    };
    void (next.records.length === 0 ? store.delete([row.day, row.slot]) : store.put(next)).catch(
      () => undefined,
    );
  }
}

/** Every ticket key the archive holds (readable rows). */
export async function archivedKeys(store: Store<IDBTransactionMode>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const raw of await store.getAll()) for (const k of readRow(raw)?.keys ?? []) out.add(k);
  return out;
}
