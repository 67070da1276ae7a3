/**
 * The ticket store in IndexedDB (through `idb`, see lib/storage/README.md): one record per ticket of
 * the registry, one per finished ticket of the compliance archive, and a `meta` store whose `rev`
 * changes in the same transaction as every write. Records are wrapped with the fields the indexes need;
 * the payload (`entry`, `record`) is validated with zod on every read (lib/background/registry-store.ts).
 *
 * Schema versions: each upgrade step below runs once, in order, inside IndexedDB's version-change
 * transaction (a worker killed during an upgrade leaves the previous version).
 * - v1: `tickets` (indexes host, next, finished, lastSeen), `archive` (index closedAt), `meta`.
 * - v2: `tickets` index `alerts` (multi-entry): the alert instants of every live clock, so a wake-up
 *   after a poll finds the tickets with a threshold in a time range, the next alarm, and the
 *   badge's candidates without reading every ticket; existing records get the field in the upgrade.
 * - v3: the compliance archive is stored by day: `archiveDays` (key `[day, slot]`, multi-entry index
 *   `keys`; lib/storage/archive-days.ts) replaces `archive`. The upgrade moves every stored row, the
 *   unreadable ones verbatim (a row without a finite `closedAt` goes to the undated day, -1), and
 *   deletes `archive` only after that, in the same version-change transaction.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { databaseOpener } from './idb-open';
import { dayOf, dayRows, UNDATED_DAY, type ArchiveDayRow } from './archive-days';
import { ms } from '../live/countdown';
import { finishedAt } from '../registry/finished';
import type { RegistryEntry } from '../registry/types';

export const DB_NAME = 'sla-store';
export const DB_VERSION = 3;

export interface TicketRow {
  key: string;
  host: string;
  lastSeen: number;
  /** Earliest deadline of a clock still counting (epoch ms); absent when none (not in the index). */
  next?: number;
  /** When the ticket finished (epoch ms); absent while open. */
  finished?: number;
  /** `alertInstants(entry)`: the `alerts` index (multi-entry); absent when empty. */
  alerts?: number[];
  /** The `RegistryEntry`, validated on read. */
  entry: unknown;
}

/** The earliest deadline of a clock that still counts (the `next` index). */
export function nextDeadline(entry: RegistryEntry): number | undefined {
  let next: number | undefined;
  for (const m of Object.values(entry.evaluation?.metrics ?? {})) {
    if (!m || m.state === 'met' || m.state === 'none' || (m.state === 'breached' && m.stoppedAt !== null))
      continue;
    const due = ms(m.dueAt);
    if (due !== null && (next === undefined || due < next)) next = due;
  }
  return next;
}

/**
 * The instants at which the ticket's live clocks cross a threshold (the `alerts` index): at-risk, goal
 * (unless met) and deadline of running clocks — what the alert plan fires on and sets the next alarm
 * by (lib/alerts/plan.ts) — plus the deadline of a breached clock that still runs, and the evaluation
 * time of a clock already at risk: every ticket the badge counts has an instant at or before now.
 */
export function alertInstants(entry: RegistryEntry): number[] {
  const out = new Set<number>();
  const evaluatedAt = ms(entry.evaluation?.evaluatedAt);
  for (const m of Object.values(entry.evaluation?.metrics ?? {})) {
    if (!m) continue;
    if (m.state === 'running') {
      for (const t of [ms(m.atRiskAt), m.goalState === 'met' ? null : ms(m.goalAt), ms(m.dueAt)])
        if (t !== null) out.add(t);
      if (m.atRisk && evaluatedAt !== null) out.add(evaluatedAt);
    } else if (m.state === 'breached' && m.stoppedAt === null) {
      out.add(ms(m.dueAt) ?? evaluatedAt ?? 0);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The stored record of an entry, with the fields the indexes read. */
export function ticketRow(entry: RegistryEntry): TicketRow {
  const row: TicketRow = { key: entry.key, host: entry.host, lastSeen: entry.lastSeen, entry };
  const next = nextDeadline(entry);
  if (next !== undefined) row.next = next;
  const finished = finishedAt(entry);
  if (finished !== null) row.finished = finished;
  const alerts = alertInstants(entry);
  if (alerts.length > 0) row.alerts = alerts;
  return row;
}

/** A v1/v2 archive row (one per ticket); only the v3 upgrade reads them. */
interface ArchiveRowV2 {
  key: string;
  closedAt: number;
  record: unknown;
}

export interface SlaDB extends DBSchema {
  tickets: {
    key: string;
    value: TicketRow;
    indexes: { host: string; next: number; finished: number; lastSeen: number; alerts: number };
  };
  archiveDays: { key: [number, number]; value: ArchiveDayRow; indexes: { keys: string } };
  meta: { key: string; value: unknown };
}

export type SlaDatabase = IDBPDatabase<SlaDB>;
type UpgradeTx = IDBPTransaction<SlaDB, ArrayLike<StoreNames<SlaDB>>, 'versionchange'>;

/** Upgrade steps: `UPGRADES[n]` turns version n into n + 1. */
const UPGRADES: Array<(db: SlaDatabase, tx: UpgradeTx) => void> = [
  (typed) => {
    const db = typed as unknown as IDBPDatabase; // v1's stores include `archive`, gone since v3
    const tickets = db.createObjectStore('tickets', { keyPath: 'key' });
    tickets.createIndex('host', 'host');
    tickets.createIndex('next', 'next');
    tickets.createIndex('finished', 'finished');
    tickets.createIndex('lastSeen', 'lastSeen');
    db.createObjectStore('archive', { keyPath: 'key' }).createIndex('closedAt', 'closedAt');
    db.createObjectStore('meta');
  },
  (_db, tx) => {
    const tickets = tx.objectStore('tickets');
    tickets.createIndex('alerts', 'alerts', { multiEntry: true });
    // Existing records get the field (a record that is not an entry is left as it is, and skipped on read).
    void tickets.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      try {
        const alerts = alertInstants(cursor.value.entry as RegistryEntry);
        if (alerts.length > 0) await cursor.update({ ...cursor.value, alerts });
      } catch {
        /* damaged: reported when read */
      }
      return step(await cursor.continue());
    });
  },
  (db, tx) => {
    const days = db.createObjectStore('archiveDays', { keyPath: ['day', 'slot'] });
    days.createIndex('keys', 'keys', { multiEntry: true });
    const untyped = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
    void untyped
      .objectStore('archive')
      .getAll()
      .then((rows: Array<Partial<ArchiveRowV2> | null>) => {
        const moved = rows.map((row, i) => {
          const closedAt = row?.closedAt;
          const dated = typeof closedAt === 'number' && Number.isFinite(closedAt);
          return {
            key: typeof row?.key === 'string' ? row.key : `(unkeyed ${i})`,
            day: dated ? dayOf(closedAt) : UNDATED_DAY,
            record: dated ? row?.record : row,
          };
        });
        for (const r of dayRows(moved)) void days.put(r);
        (db as unknown as IDBPDatabase).deleteObjectStore('archive');
      });
  },
];

const opener = databaseOpener<SlaDB>(
  DB_NAME,
  DB_VERSION,
  (db, oldVersion, _newVersion, tx) => {
    for (let v = oldVersion; v < DB_VERSION; v++) UPGRADES[v]!(db, tx);
  },
  'the ticket store',
);

/** The open database (opened once per worker; a newer version elsewhere closes this connection). */
export function openStore(): Promise<SlaDatabase> {
  return opener.open();
}

/** Closes and deletes the database (tests, and "clear everything"). */
export function deleteStore(): Promise<void> {
  return opener.remove();
}
