/**
 * The compliance archive: finished tickets kept as compact records (`FinishedRecord`) for 400 days by
 * default (Options → Preferences), one IndexedDB record each (lib/background/registry-store.ts), so compliance for an earlier month still counts them after the ticket registry has let them
 * go (it keeps finished tickets 30 days), and history read from the helpdesk for a period
 * (`ui-bg:popup-load-history`) has a place to live. Pure: the background reads and writes it.
 *
 * Stored as `{ records: FinishedRecord[] }`; read record by record, so one damaged record is dropped
 * and reported, never the archive.
 */
import { z } from 'zod';
import type { FinishedRecord } from './compute';

/** 400 days: any month of the past year can still be reported on. */
export const ARCHIVE_RETENTION_MS = 400 * 86_400_000;
/** Subjects are only shown in the breach lists: kept short. */
const MAX_SUBJECT = 120;

/** A record as the archive keeps it (subject shortened). */
export function boundRecord(r: FinishedRecord): FinishedRecord {
  return r.subject.length > MAX_SUBJECT ? { ...r, subject: `${r.subject.slice(0, MAX_SUBJECT - 1)}…` } : r;
}

const FinishedMetricSchema = z.object({
  state: z.enum(['met', 'breached']),
  goalState: z.enum(['met', 'missed']).nullable(),
  dueAt: z.string().nullable(),
  goalAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
});

export const FinishedRecordSchema = z.object({
  key: z.string().min(1),
  ticketKey: z.string(),
  subject: z.string(),
  link: z.string(),
  policyId: z.string(),
  policyName: z.string(),
  tier: z.string(),
  priority: z.string().nullable(),
  closedAt: z.number().finite(),
  metrics: z.object({
    response: FinishedMetricSchema.optional(),
    resolution: FinishedMetricSchema.optional(),
  }),
  sourceUpdatedAt: z.string().optional(),
  customer: z.string().optional(),
  tags: z.array(z.string()).optional(),
  openedAt: z.number().finite().optional(),
  type: z.string().optional(),
});

const METRIC_KEYS = new Set(['state', 'goalState', 'dueAt', 'goalAt', 'stoppedAt']);
const RECORD_KEYS = new Set([
  'key',
  'ticketKey',
  'subject',
  'link',
  'policyId',
  'policyName',
  'tier',
  'priority',
  'closedAt',
  'metrics',
  'sourceUpdatedAt',
  'customer',
  'tags',
  'openedAt',
  'type',
]);
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const strOrNull = (v: unknown) => v === null || typeof v === 'string';
const onlyKeys = (o: Record<string, unknown>, keys: Set<string>) => {
  for (const k in o) if (!keys.has(k) || o[k] === undefined) return false;
  return true;
};

function quickMetric(m: unknown): boolean {
  return (
    isPlain(m) &&
    onlyKeys(m, METRIC_KEYS) &&
    (m.state === 'met' || m.state === 'breached') &&
    (m.goalState === null || m.goalState === 'met' || m.goalState === 'missed') &&
    strOrNull(m.dueAt) &&
    strOrNull(m.goalAt) &&
    strOrNull(m.stoppedAt)
  );
}

/**
 * A record exactly as `FinishedRecordSchema` would give it back, checked by hand: no unknown or
 * undefined keys, every field of its type. A month's compliance reads thousands of records, and zod
 * (without its JIT in extension pages) costs tens of microseconds each; anything this check does not
 * recognise goes through zod (`readFinishedRecord`), so the answer is zod's either way.
 */
function quickFinishedRecord(v: unknown): v is FinishedRecord {
  if (!isPlain(v) || !onlyKeys(v, RECORD_KEYS)) return false;
  const { metrics } = v;
  return (
    typeof v.key === 'string' &&
    v.key.length > 0 &&
    typeof v.ticketKey === 'string' &&
    typeof v.subject === 'string' &&
    typeof v.link === 'string' &&
    typeof v.policyId === 'string' &&
    typeof v.policyName === 'string' &&
    typeof v.tier === 'string' &&
    strOrNull(v.priority) &&
    typeof v.closedAt === 'number' &&
    Number.isFinite(v.closedAt) &&
    (v.sourceUpdatedAt === undefined || typeof v.sourceUpdatedAt === 'string') &&
    (v.customer === undefined || typeof v.customer === 'string') &&
    (v.tags === undefined || (Array.isArray(v.tags) && v.tags.every((x) => typeof x === 'string'))) &&
    (v.openedAt === undefined || (typeof v.openedAt === 'number' && Number.isFinite(v.openedAt))) &&
    (v.type === undefined || typeof v.type === 'string') &&
    isPlain(metrics) &&
    onlyKeys(metrics, METRIC_KEYS_OF_RECORD) &&
    (metrics.response === undefined || quickMetric(metrics.response)) &&
    (metrics.resolution === undefined || quickMetric(metrics.resolution))
  );
}
const METRIC_KEYS_OF_RECORD = new Set(['response', 'resolution']);

/** A stored finished record, or null when it is not one: the hand check first, zod for the rest. */
export function readFinishedRecord(v: unknown): FinishedRecord | null {
  if (quickFinishedRecord(v)) return v;
  const parsed = FinishedRecordSchema.safeParse(v);
  return parsed.success ? (parsed.data as FinishedRecord) : null;
}

export interface ComplianceArchive {
  records: FinishedRecord[];
}

export const EMPTY_ARCHIVE: ComplianceArchive = { records: [] };

/**
 * The stored archive, record by record: damaged records are left out. `dropped` counts them (a value
 * that is not an archive at all counts as one); nothing stored yet is an empty archive.
 */
export function parseArchive(raw: unknown): { archive: ComplianceArchive; dropped: number } {
  if (raw === null || raw === undefined) return { archive: { records: [] }, dropped: 0 };
  const list = typeof raw === 'object' ? (raw as { records?: unknown }).records : undefined;
  if (!Array.isArray(list)) return { archive: { records: [] }, dropped: 1 };
  const records: FinishedRecord[] = [];
  let dropped = 0;
  for (const r of list) {
    const record = readFinishedRecord(r);
    if (record) records.push(record);
    else dropped++;
  }
  return { archive: { records }, dropped };
}

/**
 * Adds records (a record with the same key replaces the older one), drops those that finished more
 * than `retentionMs` before `now`, and keeps the `max` most recently finished (no bound unless given).
 */
export function archiveRecords(
  archive: ComplianceArchive,
  records: Iterable<FinishedRecord>,
  now: number,
  options: { retentionMs?: number; max?: number } = {},
): ComplianceArchive {
  const retention = options.retentionMs ?? ARCHIVE_RETENTION_MS;
  const max = options.max ?? Infinity;
  const byKey = new Map<string, FinishedRecord>();
  for (const r of archive.records) byKey.set(r.key, r);
  for (const r of records) byKey.set(r.key, boundRecord(r));
  const kept = [...byKey.values()]
    .filter((r) => now - r.closedAt <= retention)
    .sort((a, b) => b.closedAt - a.closedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { records: Number.isFinite(max) ? kept.slice(0, Math.max(0, max)) : kept };
}

/** What compliance counts: the registry's finished tickets, and archived ones the registry no longer has. */
export function withArchive(
  fromRegistry: readonly FinishedRecord[],
  archive: ComplianceArchive,
): FinishedRecord[] {
  const keys = new Set(fromRegistry.map((r) => r.key));
  return [...fromRegistry, ...archive.records.filter((r) => !keys.has(r.key))];
}
