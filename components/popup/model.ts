/**
 * What the popup shows, as plain JSON the background fills (the popup asks for it with one message and
 * re-renders when it changes). Types plus pure helpers only: no browser APIs, no zod, no luxon.
 */
import type { ComplianceReport } from '../../lib/compliance/compute';
import type { CompliancePeriod } from '../../lib/compliance/period';
import {
  LIVE_SEVERITY,
  liveRemainingMs,
  ms,
  summaryLiveState,
  type LiveState,
} from '../../lib/registry/live';
import type { EntrySource, Helpdesk, MetricSummary, RegistryEntry } from '../../lib/registry/types';
import type { MetricName } from '../../lib/sla/types';

export type { CompliancePeriod, ComplianceReport, LiveState };

/** One ticket in the queue. */
export interface QueueRow {
  /** Registry key `${helpdesk}:${host}:${ticketId}`. */
  key: string;
  helpdesk: Helpdesk;
  host: string;
  ticketKey: string;
  subject: string;
  link: string;
  priority: string | null;
  /** Position in the policy's priority list (0 = most urgent); null when unknown. */
  priorityRank: number | null;
  policyId: string | null;
  policyName: string | null;
  tier: string | null;
  source: EntrySource;
  /** Epoch ms of the evaluation the metrics come from; null when not evaluated (no policy). */
  evaluatedAt: number | null;
  metrics: Partial<Record<MetricName, MetricSummary>>;
}

export interface RefreshError {
  helpdesk: Helpdesk;
  host: string;
  message: string;
}

export interface RefreshModel {
  running: boolean;
  /** While running: tickets read so far, and the total when the helpdesk announced one. */
  progress: { done: number; total: number | null; waitingMs?: number } | null;
  /** Epoch ms of the last completed refresh, null before the first. */
  lastRefreshAt: number | null;
  errors: RefreshError[];
}

export interface ComplianceModel {
  period: CompliancePeriod;
  /** null while the background computes it. */
  report: ComplianceReport | null;
}

export interface PopupModel {
  language: 'en' | 'nl';
  /** IANA zone for the times shown (the agent's zone). */
  timeZone: string;
  /** False until Options assigns a policy to at least one helpdesk host. */
  hasAssignments: boolean;
  rows: QueueRow[];
  refresh: RefreshModel;
  compliance: ComplianceModel;
}

export const EMPTY_MODEL: PopupModel = {
  language: 'en',
  timeZone: 'UTC',
  hasAssignments: false,
  rows: [],
  refresh: { running: false, progress: null, lastRefreshAt: null, errors: [] },
  compliance: { period: { kind: 'this-month' }, report: null },
};

/**
 * Queue rows from registry entries (the background calls this). `priorityOrder` gives each policy's
 * priority ids from most to least urgent (the policy's `priorities` list).
 */
export function toQueueRows(
  entries: Iterable<RegistryEntry>,
  priorityOrder: Record<string, readonly string[]> = {},
): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const e of entries) {
    const ev = e.evaluation;
    const priority = ev?.priority ?? null;
    const order = ev ? priorityOrder[ev.policy] : undefined;
    const rank = priority !== null && order ? order.indexOf(priority) : -1;
    rows.push({
      key: e.key,
      helpdesk: e.helpdesk,
      host: e.host,
      ticketKey: e.ticketKey,
      subject: e.subject,
      link: e.link,
      priority,
      priorityRank: rank >= 0 ? rank : null,
      policyId: ev?.policy ?? e.policyId,
      policyName: ev?.policyName ?? null,
      tier: ev?.tier ?? e.tier,
      source: e.source,
      evaluatedAt: ev ? ms(ev.evaluatedAt) : null,
      metrics: ev?.metrics ?? {},
    });
  }
  return rows;
}

export interface RowLive {
  state: LiveState;
  metric: MetricName | null;
  dueAt: number | null;
  /** Remaining target time of the deciding metric (negative: overdue). */
  remainingMs: number | null;
}

export function rowLive(row: QueueRow, now: number): RowLive {
  const live = summaryLiveState(row, now);
  const m = live.metric ? row.metrics[live.metric] : undefined;
  const remainingMs = m && row.evaluatedAt !== null ? liveRemainingMs(m, row.evaluatedAt, now) : null;
  return { ...live, remainingMs };
}

/** Ticket-level state for filters and counts: the worst live state (met/none → 'none'). */
export function rowState(row: QueueRow, now: number): LiveState {
  return summaryLiveState(row, now).state;
}

/**
 * Sorted by time to breach: breached and running tickets by deadline (the longest overdue first, then
 * the next to breach), then paused tickets by remaining time, then tickets without a running clock.
 * The order does not change as time passes (a deadline is a fixed instant), so it is computed once.
 */
export function sortByTimeToBreach(rows: readonly QueueRow[], now: number): QueueRow[] {
  const keyed = rows.map((row) => {
    const live = rowLive(row, now);
    const group =
      live.state === 'breached' || live.state === 'at-risk' || live.state === 'running'
        ? 0
        : live.state === 'paused'
          ? 1
          : 2;
    const value = group === 0 ? (live.dueAt ?? Infinity) : group === 1 ? (live.remainingMs ?? Infinity) : 0;
    return { row, group, value };
  });
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      a.value - b.value ||
      (a.row.priorityRank ?? 99) - (b.row.priorityRank ?? 99) ||
      (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0),
  );
  return keyed.map((k) => k.row);
}

export interface StateCounts {
  breached: number;
  'at-risk': number;
  running: number;
  paused: number;
}

export interface Summary {
  overall: StateCounts;
  /** Per priority, most urgent first ('' = no priority). */
  byPriority: Array<{ priority: string | null; counts: StateCounts }>;
  /** Open tickets per policy name and tier, most first. */
  mix: Array<{ policyName: string | null; tier: string | null; count: number }>;
}

const zero = (): StateCounts => ({ breached: 0, 'at-risk': 0, running: 0, paused: 0 });

export function summarize(rows: readonly QueueRow[], now: number): Summary {
  const overall = zero();
  const byPriority = new Map<string | null, { rank: number; counts: StateCounts }>();
  const mix = new Map<string, { policyName: string | null; tier: string | null; count: number }>();
  for (const row of rows) {
    const state = rowState(row, now);
    if (state === 'met' || state === 'none') continue;
    overall[state]++;
    let p = byPriority.get(row.priority);
    if (!p) byPriority.set(row.priority, (p = { rank: row.priorityRank ?? 99, counts: zero() }));
    p.counts[state]++;
    const k = `${row.policyName}\u0000${row.tier}`;
    const m = mix.get(k) ?? { policyName: row.policyName, tier: row.tier, count: 0 };
    m.count++;
    mix.set(k, m);
  }
  return {
    overall,
    byPriority: [...byPriority.entries()]
      .sort(
        ([pa, a], [pb, b]) =>
          (pa === null ? 1 : 0) - (pb === null ? 1 : 0) ||
          a.rank - b.rank ||
          String(pa).localeCompare(String(pb)),
      )
      .map(([priority, v]) => ({ priority, counts: v.counts })),
    mix: [...mix.values()].sort(
      (a, b) => b.count - a.count || String(a.policyName).localeCompare(String(b.policyName)),
    ),
  };
}

export const STATE_ORDER: Array<keyof StateCounts> = ['breached', 'at-risk', 'running', 'paused'];
export { LIVE_SEVERITY };
