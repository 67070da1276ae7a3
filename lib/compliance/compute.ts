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
  /** The helpdesk's tags, when the adapter passed them on (availability's outage rule reads them). */
  tags?: string[] | undefined;
  /** The policy's ticket type the ticket was evaluated as. */
  type?: string | undefined;
  /** ISO instant the ticket was created (an outage's start, Membro 2.2). */
  openedAt?: string | undefined;
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
): ComplianceReport {
  const rows = new Map<string, ComplianceRow>();
  let tickets = 0;
  const add = (
    r: FinishedRecord,
    metric: MetricName,
    measure: Measure,
    ok: boolean,
    missedAt: string | null,
    stoppedAt: string | null,
  ) => {
    // a string key without JSON.stringify: this runs for every metric of every record
    const id = `${r.policyId}\u0000${r.priority === null ? '\u0001' : r.priority}\u0000${metric}\u0000${measure}`;
    let row = rows.get(id);
    if (!row) {
      const g = findGoal(goals, r.policyId, r.priority, metric, measure);
      row = {
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
      rows.set(id, row);
    }
    row.total++;
    row.tiers[r.tier] = (row.tiers[r.tier] ?? 0) + 1;
    if (ok) row.met++;
    else
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
  for (const r of records) {
    if (r.closedAt < range.from || r.closedAt >= range.to) continue;
    tickets++;
    for (const metric of ['response', 'resolution'] as const) {
      const m = r.metrics[metric];
      if (!m) continue;
      if (m.goalState) add(r, metric, 'goal', m.goalState === 'met', m.goalAt, m.stoppedAt);
      add(r, metric, 'due', m.state === 'met', m.dueAt, m.stoppedAt);
    }
  }
  const out = [...rows.values()].map((row) => {
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
