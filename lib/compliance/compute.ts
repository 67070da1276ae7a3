/**
 * Contract compliance: of the tickets finished in a period, the share that met each metric, per policy
 * and priority, against the contract's goals, with the breaches behind every figure. Pure.
 *
 * A metric counts when it finished with a target (met or breached); 'none' and exempt metrics are left
 * out. The 'goal' measure counts only metrics whose contract has a goal (goalState met/missed).
 */
import { finishedAt } from '../registry/finished';
import type { RegistryEntry } from '../registry/types';
import type { MetricName } from '../sla/types';
import { findGoal, type ComplianceGoal, type Measure } from './goals';
import type { PeriodRange } from './period';

export interface FinishedMetric {
  state: 'met' | 'breached';
  goalState: 'met' | 'missed' | null;
  dueAt: string | null;
  goalAt: string | null;
  stoppedAt: string | null;
}

/** One finished ticket, as compliance needs it. */
export interface FinishedRecord {
  key: string;
  ticketKey: string;
  subject: string;
  link: string;
  policyId: string;
  policyName: string;
  tier: string;
  priority: string | null;
  /** Epoch ms the ticket finished. */
  closedAt: number;
  metrics: Partial<Record<MetricName, FinishedMetric>>;
  /** The helpdesk's last-change stamp when read from its API (Zendesk `updated_at`): unchanged, not re-read. */
  sourceUpdatedAt?: string | undefined;
  /** The ticket's facts (lib/registry `TicketFacts`); absent on records archived before them. */
  customer?: string | undefined;
  tags?: string[] | undefined;
  /** Epoch ms the ticket was opened. */
  openedAt?: number | undefined;
  /** The policy's ticket type it was evaluated as. */
  type?: string | undefined;
}

/** Finished, evaluated registry entries as compliance records. */
export function finishedRecords(entries: Iterable<RegistryEntry>): FinishedRecord[] {
  const out: FinishedRecord[] = [];
  for (const e of entries) {
    const ev = e.evaluation;
    if (!ev) continue;
    const closedAt = finishedAt(e);
    if (closedAt === null) continue;
    const metrics: FinishedRecord['metrics'] = {};
    for (const name of ['response', 'resolution'] as const) {
      const m = ev.metrics[name];
      if (!m || (m.state !== 'met' && m.state !== 'breached')) continue;
      metrics[name] = {
        state: m.state,
        goalState: m.goalState === 'met' || m.goalState === 'missed' ? m.goalState : null,
        dueAt: m.dueAt,
        goalAt: m.goalAt,
        stoppedAt: m.stoppedAt,
      };
    }
    const openedAt = Date.parse(e.ticket.createdAt);
    out.push({
      key: e.key,
      ticketKey: e.ticketKey,
      subject: e.subject,
      link: e.link,
      policyId: ev.policy,
      policyName: ev.policyName,
      tier: ev.tier,
      priority: ev.priority,
      closedAt,
      metrics,
      ...(e.facts?.customer !== undefined ? { customer: e.facts.customer } : {}),
      ...(e.facts?.tags !== undefined ? { tags: e.facts.tags } : {}),
      ...(Number.isFinite(openedAt) ? { openedAt } : {}),
      type: ev.type,
    });
  }
  return out;
}

export interface BreachRef {
  key: string;
  ticketKey: string;
  subject: string;
  link: string;
  tier: string;
  closedAt: number;
  /** The instant that was missed (deadline or goal). */
  missedAt: string | null;
  stoppedAt: string | null;
}

export interface ComplianceRow {
  policyId: string;
  policyName: string;
  /** null: tickets without a priority. */
  priority: string | null;
  metric: MetricName;
  measure: Measure;
  total: number;
  met: number;
  /** met / total, 0..1. */
  share: number;
  goal: { percent: number; strict: boolean; source?: string } | null;
  /** null when the contract sets no goal for this figure. */
  meetsGoal: boolean | null;
  /** Tickets per tier behind the figure. */
  tiers: Record<string, number>;
  breaches: BreachRef[];
}

export interface ComplianceReport {
  range: PeriodRange;
  /** Finished tickets in the period (whether or not they had a target). */
  tickets: number;
  rows: ComplianceRow[];
}

const KNOWN_PRIORITY_ORDER = [
  'p1',
  'p2',
  'p3',
  'p4',
  'urgent',
  'high',
  'normal',
  'low',
  'kritiek',
  'hoog',
  'middel',
  'normaal',
  'laag',
  '1',
  '2',
  '3',
  '4',
];

/** Most urgent first for the priority names the seed contracts use; others alphabetically after. */
export function comparePriority(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ia = KNOWN_PRIORITY_ORDER.indexOf(a.toLowerCase());
  const ib = KNOWN_PRIORITY_ORDER.indexOf(b.toLowerCase());
  if (ia !== -1 && ib !== -1) return ia - ib;
  if (ia !== -1) return -1;
  if (ib !== -1) return 1;
  return a.localeCompare(b);
}

/** met/total against the goal: "> 99%" is met*100 > 99*total (integers, no float rounding). */
export function meetsGoal(met: number, total: number, goal: { percent: number; strict: boolean }): boolean {
  const lhs = met * 100;
  const rhs = goal.percent * total;
  return goal.strict ? lhs > rhs : lhs >= rhs;
}

export function computeCompliance(
  records: Iterable<FinishedRecord>,
  range: PeriodRange,
  goals: readonly ComplianceGoal[],
  /** `breaches: false`: counts only, no breach lists (the report's trend months). */
  options: { breaches?: boolean } = {},
): ComplianceReport {
  const keepBreaches = options.breaches ?? true;
  // Rows by policy, then priority, then [response goal, response due, resolution goal, resolution
  // due]: no key string per record (this runs for every metric of every record).
  const byPolicy = new Map<string, Map<string | null, Array<ComplianceRow | undefined>>>();
  const rows: ComplianceRow[] = [];
  let tickets = 0;
  const SLOTS = { response: 0, resolution: 2 } as const;
  const row = (
    slots: Array<ComplianceRow | undefined>,
    r: FinishedRecord,
    metric: MetricName,
    measure: Measure,
  ): ComplianceRow => {
    const i = SLOTS[metric] + (measure === 'goal' ? 0 : 1);
    let found = slots[i];
    if (!found) {
      const g = findGoal(goals, r.policyId, r.priority, metric, measure);
      found = {
        policyId: r.policyId,
        policyName: r.policyName,
        priority: r.priority,
        metric,
        measure,
        total: 0,
        met: 0,
        share: 0,
        goal: g ? { percent: g.percent, strict: g.strict, ...(g.source ? { source: g.source } : {}) } : null,
        meetsGoal: null,
        tiers: {},
        breaches: [],
      };
      slots[i] = found;
      rows.push(found);
    }
    return found;
  };
  const add = (
    row: ComplianceRow,
    r: FinishedRecord,
    ok: boolean,
    missedAt: string | null,
    stoppedAt: string | null,
  ) => {
    row.total++;
    row.tiers[r.tier] = (row.tiers[r.tier] ?? 0) + 1;
    if (ok) row.met++;
    else if (keepBreaches)
      row.breaches.push({
        key: r.key,
        ticketKey: r.ticketKey,
        subject: r.subject,
        link: r.link,
        tier: r.tier,
        closedAt: r.closedAt,
        missedAt,
        stoppedAt,
      });
  };
  const count = (
    slots: Array<ComplianceRow | undefined>,
    r: FinishedRecord,
    metric: MetricName,
    m: FinishedMetric | undefined,
  ) => {
    if (!m) return;
    if (m.goalState) add(row(slots, r, metric, 'goal'), r, m.goalState === 'met', m.goalAt, m.stoppedAt);
    add(row(slots, r, metric, 'due'), r, m.state === 'met', m.dueAt, m.stoppedAt);
  };
  for (const r of records) {
    if (r.closedAt < range.from || r.closedAt >= range.to) continue;
    tickets++;
    let byPriority = byPolicy.get(r.policyId);
    if (!byPriority) byPolicy.set(r.policyId, (byPriority = new Map()));
    let slots = byPriority.get(r.priority);
    if (!slots) byPriority.set(r.priority, (slots = []));
    count(slots, r, 'response', r.metrics.response);
    count(slots, r, 'resolution', r.metrics.resolution);
  }
  const out = rows.map((row) => {
    row.breaches.sort((a, b) => a.closedAt - b.closedAt || a.key.localeCompare(b.key));
    return {
      ...row,
      share: row.total ? row.met / row.total : 0,
      meetsGoal: row.goal ? meetsGoal(row.met, row.total, row.goal) : null,
    };
  });
  const metricRank = { response: 0, resolution: 1 };
  const measureRank = { goal: 0, due: 1 };
  out.sort(
    (a, b) =>
      a.policyName.localeCompare(b.policyName) ||
      a.policyId.localeCompare(b.policyId) ||
      comparePriority(a.priority, b.priority) ||
      metricRank[a.metric] - metricRank[b.metric] ||
      measureRank[a.measure] - measureRank[b.measure],
  );
  return { range, tickets, rows: out };
}
