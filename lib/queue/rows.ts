/**
 * The team lead's queue as the popup and the worker both see it: rows from registry entries, their
 * live state, the orders (time to breach, priority, age), the counts and the next instant a count
 * changes. Pure: no browser APIs, no zod, no luxon. The worker builds the rows (lib/background/
 * popup-model.ts); the popup's views sort and count them again as time passes.
 */
import {
  LIVE_SEVERITY,
  liveRemainingMs,
  ms,
  rebasedCountdown,
  summaryLiveState,
  type LiveState,
  type SummaryCountdown,
} from '../live/countdown';
import type { EntrySource, Helpdesk, RegistryEntry } from '../registry/types';
import type { MetricName } from '../sla/types';

export type { LiveState };

/** One ticket in the queue. */
export interface QueueRow {
  /** Registry key `${helpdesk}:${host}:${ticketId}`. */
  key: string;
  helpdesk: Helpdesk;
  host: string;
  ticketKey: string;
  subject: string;
  link: string;
  /** The policy's priority id ("P1", "high"), and its label in the popup's language ("Hoog"). */
  priority: string | null;
  priorityLabel: string | null;
  /** Position in the policy's priority list (0 = most urgent); null when unknown. */
  priorityRank: number | null;
  policyId: string | null;
  policyName: string | null;
  tier: string | null;
  tierLabel: string | null;
  source: EntrySource;
  /** Epoch ms the ticket was created (for the "oldest first" order); absent in older snapshots. */
  createdAt?: number | null;
  /**
   * Epoch ms the live metrics count from: when the model was built (the stored evaluation rebased to
   * that instant, see `rebasedCountdown`); null when not evaluated (no policy).
   */
  evaluatedAt: number | null;
  metrics: Partial<Record<MetricName, SummaryCountdown>>;
}

/** What a row shows of its policy, in the popup's language: priorities most urgent first, tier labels. */
export interface PolicyVocabulary {
  priorities: Array<{ id: string; label: string }>;
  tiers: Record<string, string>;
}

/** How many rows the snapshot carries (and the queue renders at once): a popup's first screen. */
export const SNAPSHOT_ROWS = 20;

/**
 * Queue rows from registry entries (the background calls this), with only what the popup shows and
 * counts down, rebased to `now`. `vocabulary` gives each policy's priorities (most urgent first) and
 * tier labels; ids stand in for labels a policy does not define.
 */
export function toQueueRows(
  entries: Iterable<RegistryEntry>,
  now: number,
  vocabulary: Readonly<Record<string, PolicyVocabulary>> = {},
): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const e of entries) {
    const ev = e.evaluation;
    const priority = ev?.priority ?? null;
    const policyId = ev?.policy ?? e.policyId;
    const tier = ev?.tier ?? e.tier;
    const vocab = policyId !== null ? vocabulary[policyId] : undefined;
    const rank = priority !== null && vocab ? vocab.priorities.findIndex((p) => p.id === priority) : -1;
    const evaluatedAt = ev ? ms(ev.evaluatedAt) : null;
    const base = evaluatedAt === null ? null : Math.max(now, evaluatedAt);
    const metrics: Partial<Record<MetricName, SummaryCountdown>> = {};
    if (ev && evaluatedAt !== null && base !== null)
      for (const [name, m] of Object.entries(ev.metrics) as Array<
        [MetricName, (typeof ev.metrics)[MetricName]]
      >)
        if (m) metrics[name] = rebasedCountdown(m, evaluatedAt, base);
    rows.push({
      key: e.key,
      helpdesk: e.helpdesk,
      host: e.host,
      ticketKey: e.ticketKey,
      subject: e.subject,
      link: e.link,
      priority,
      priorityLabel: priority === null ? null : rank >= 0 ? vocab!.priorities[rank]!.label : priority,
      priorityRank: rank >= 0 ? rank : null,
      policyId,
      policyName: ev?.policyName ?? null,
      tier,
      tierLabel: tier === null ? null : (vocab?.tiers[tier] ?? tier),
      source: e.source,
      createdAt: ms(e.ticket.createdAt),
      evaluatedAt: base,
      metrics,
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
  /** Whether that remaining time is business time (counted in business hours, not calendar time). */
  businessTime: boolean;
}

export function rowLive(row: QueueRow, now: number): RowLive {
  const live = summaryLiveState(row, now);
  const m = live.metric ? row.metrics[live.metric] : undefined;
  const remainingMs = m && row.evaluatedAt !== null ? liveRemainingMs(m, row.evaluatedAt, now) : null;
  return { ...live, remainingMs, businessTime: m?.businessTime ?? false };
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
    // The key needs no countdown: running clocks sort by their deadline, paused ones by the time they
    // had left when they paused (what `rowLive` would count down from; it does not move while paused).
    const live = summaryLiveState(row, now);
    const group =
      live.state === 'breached' || live.state === 'at-risk' || live.state === 'running'
        ? 0
        : live.state === 'paused'
          ? 1
          : 2;
    const paused =
      group === 1 && live.metric && row.evaluatedAt !== null ? row.metrics[live.metric] : undefined;
    const value =
      group === 0 ? (live.dueAt ?? Infinity) : group === 1 ? (paused?.remainingMs ?? Infinity) : 0;
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

/** How the queue can be ordered: soonest breach first (default), most urgent priority, oldest ticket. */
export type QueueSort = 'breach' | 'priority' | 'age';

/** By priority (most urgent first, unknown last), ties by time to breach. */
export function sortByPriority(rows: readonly QueueRow[], now: number): QueueRow[] {
  const byBreach = sortByTimeToBreach(rows, now);
  const at = new Map(byBreach.map((r, i) => [r, i]));
  return byBreach.sort((a, b) => (a.priorityRank ?? 99) - (b.priorityRank ?? 99) || at.get(a)! - at.get(b)!);
}

/** Oldest ticket first (unknown creation last), ties by time to breach. */
export function sortByAge(rows: readonly QueueRow[], now: number): QueueRow[] {
  const byBreach = sortByTimeToBreach(rows, now);
  const at = new Map(byBreach.map((r, i) => [r, i]));
  return byBreach.sort(
    (a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || at.get(a)! - at.get(b)!,
  );
}

export function sortQueue(rows: readonly QueueRow[], now: number, by: QueueSort): QueueRow[] {
  return by === 'priority'
    ? sortByPriority(rows, now)
    : by === 'age'
      ? sortByAge(rows, now)
      : sortByTimeToBreach(rows, now);
}

export interface StateCounts {
  breached: number;
  'at-risk': number;
  running: number;
  paused: number;
}

/** One policy's share of the open queue: its tiers and its priorities. */
export interface PolicyCounts {
  policyId: string | null;
  policyName: string | null;
  /** Open tickets under this policy. */
  open: number;
  /** Open tickets per tier (its label), most first; null = no tier. */
  tiers: Array<{ tier: string | null; count: number }>;
  /** Per priority (its label), most urgent first; null = no priority. */
  byPriority: Array<{ priority: string | null; counts: StateCounts }>;
}

export interface Summary {
  overall: StateCounts;
  /**
   * Per policy, most open tickets first (tickets without a policy last). Priorities are counted within
   * their policy: "High" in one contract is not "High" in another.
   */
  byPolicy: PolicyCounts[];
}

const zero = (): StateCounts => ({ breached: 0, 'at-risk': 0, running: 0, paused: 0 });

interface PolicyTally {
  policyId: string | null;
  policyName: string | null;
  open: number;
  tiers: Map<string | null, number>;
  priorities: Map<string | null, { rank: number; counts: StateCounts }>;
}

export function summarize(rows: readonly QueueRow[], now: number): Summary {
  const overall = zero();
  const policies = new Map<string, PolicyTally>();
  for (const row of rows) {
    const state = rowState(row, now);
    if (state === 'met' || state === 'none') continue;
    overall[state]++;
    const policyKey = row.policyId ?? `\u0000${row.policyName ?? ''}`;
    let p = policies.get(policyKey);
    if (!p)
      policies.set(
        policyKey,
        (p = {
          policyId: row.policyId,
          policyName: row.policyName,
          open: 0,
          tiers: new Map(),
          priorities: new Map(),
        }),
      );
    p.open++;
    p.policyName ??= row.policyName;
    const tier = row.tierLabel ?? row.tier;
    p.tiers.set(tier, (p.tiers.get(tier) ?? 0) + 1);
    const label = row.priorityLabel ?? row.priority;
    let q = p.priorities.get(label);
    if (!q) p.priorities.set(label, (q = { rank: row.priorityRank ?? 99, counts: zero() }));
    q.counts[state]++;
  }
  const noneLast = (a: unknown, b: unknown) => (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return {
    overall,
    byPolicy: [...policies.values()]
      .sort(
        (a, b) =>
          noneLast(a.policyId ?? a.policyName, b.policyId ?? b.policyName) ||
          b.open - a.open ||
          String(a.policyName ?? a.policyId).localeCompare(String(b.policyName ?? b.policyId)),
      )
      .map((p) => ({
        policyId: p.policyId,
        policyName: p.policyName,
        open: p.open,
        tiers: [...p.tiers.entries()]
          .sort(([ta, a], [tb, b]) => noneLast(ta, tb) || b - a || String(ta).localeCompare(String(tb)))
          .map(([tier, count]) => ({ tier, count })),
        byPriority: [...p.priorities.entries()]
          .sort(
            ([pa, a], [pb, b]) => noneLast(pa, pb) || a.rank - b.rank || String(pa).localeCompare(String(pb)),
          )
          .map(([priority, v]) => ({ priority, counts: v.counts })),
      })),
  };
}

export const STATE_ORDER: Array<keyof StateCounts> = ['breached', 'at-risk', 'running', 'paused'];

/** The next instant after `now` at which a row's live state changes (at-risk or breach); null: none. */
export function nextChangeAt(rows: readonly QueueRow[], now: number): number | null {
  let next: number | null = null;
  for (const row of rows)
    for (const m of Object.values(row.metrics)) {
      if (!m || m.state !== 'running') continue;
      for (const t of [ms(m.atRiskAt), ms(m.dueAt)])
        if (t !== null && t > now && (next === null || t < next)) next = t;
    }
  return next;
}
export { LIVE_SEVERITY };
