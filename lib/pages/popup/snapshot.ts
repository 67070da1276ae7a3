/**
 * The queue snapshot the worker keeps in `storage.session` (see `QueueSnapshot`), read by the popup
 * before the full model arrives. No zod in the popup (budget): a structural check instead. Only the
 * extension's own pages and worker can write `storage.session` (content scripts cannot), and a value
 * that does not check out is ignored: the popup then paints from the full model as before.
 */
import type { QueueRow, StateCounts } from '../../queue/rows';
import type { QueueSnapshot } from '../../messaging/popup';
import { isHelpdeskId } from '../../helpdesks/catalog';

export const SNAPSHOT_KEY = 'popupSnapshot';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNumOrNull = (v: unknown) => v === null || isNum(v);
const isStrOrNull = (v: unknown) => v === null || isStr(v);

const isCounts = (v: unknown): v is StateCounts =>
  isObj(v) && ['breached', 'at-risk', 'running', 'paused'].every((k) => isNum(v[k]));

function isLiveMetric(v: unknown): boolean {
  return (
    isObj(v) &&
    ['running', 'paused', 'met', 'breached', 'none'].includes(v.state as string) &&
    isStrOrNull(v.dueAt) &&
    isStrOrNull(v.atRiskAt) &&
    typeof v.atRisk === 'boolean' &&
    isNumOrNull(v.remainingMs) &&
    typeof v.businessTime === 'boolean' &&
    Array.isArray(v.openIntervals) &&
    v.openIntervals.every((iv) => Array.isArray(iv) && iv.length === 2 && isNum(iv[0]) && isNum(iv[1]))
  );
}

function isRow(v: unknown): v is QueueRow {
  return (
    isObj(v) &&
    ['key', 'host', 'ticketKey', 'subject', 'link'].every((k) => isStr(v[k])) &&
    isHelpdeskId(v.helpdesk) &&
    (v.source === 'opened' || v.source === 'queue') &&
    ['priority', 'priorityLabel', 'policyId', 'policyName', 'tier', 'tierLabel'].every((k) =>
      isStrOrNull(v[k]),
    ) &&
    isNumOrNull(v.priorityRank) &&
    isNumOrNull(v.evaluatedAt) &&
    (v.createdAt === undefined || isNumOrNull(v.createdAt)) &&
    isObj(v.metrics) &&
    Object.entries(v.metrics).every(([k, m]) => (k === 'response' || k === 'resolution') && isLiveMetric(m))
  );
}

function isPolicyCounts(p: unknown): boolean {
  return (
    isObj(p) &&
    isStrOrNull(p.policyId) &&
    isStrOrNull(p.policyName) &&
    isNum(p.open) &&
    Array.isArray(p.tiers) &&
    p.tiers.every((t) => isObj(t) && isStrOrNull(t.tier) && isNum(t.count)) &&
    Array.isArray(p.byPriority) &&
    p.byPriority.every((q) => isObj(q) && isStrOrNull(q.priority) && isCounts(q.counts))
  );
}

/**
 * The snapshot when `raw` is one and still holds at `now` (no count can have changed since it was
 * built); null otherwise.
 */
export function usableSnapshot(raw: unknown, now: number): QueueSnapshot | null {
  if (!isObj(raw) || raw.version !== 2) return null;
  const s = raw;
  const ok =
    isNum(s.builtAt) &&
    isNumOrNull(s.validUntil) &&
    (s.language === 'en' || s.language === 'nl') &&
    isStr(s.timeZone) &&
    typeof s.hasAssignments === 'boolean' &&
    isNum(s.total) &&
    isNumOrNull(s.lastRefreshAt) &&
    isObj(s.summary) &&
    isCounts(s.summary.overall) &&
    Array.isArray(s.summary.byPolicy) &&
    s.summary.byPolicy.every(isPolicyCounts) &&
    Array.isArray(s.rows) &&
    s.rows.every(isRow);
  if (!ok) return null;
  const snap = raw as unknown as QueueSnapshot;
  if (snap.builtAt > now + 60_000) return null; // built "in the future": a clock jump, do not trust
  if (snap.validUntil !== null && now >= snap.validUntil) return null;
  return snap;
}
