/**
 * Contract compliance goals: which share of finished tickets must meet a metric. Where the policy JSON
 * carries its own goals the background passes those; these are the seed contracts' goals as written.
 */
import type { MetricName } from '../sla/types';

/** 'due': met within the hard deadline (100% target). 'goal': met within the soft goal (Mextra's 90% column). */
export type Measure = 'due' | 'goal';

export interface ComplianceGoal {
  policyId: string;
  /** Priority id, or '*' for every priority. */
  priority: string;
  metric: MetricName;
  measure: Measure;
  /** Percent of finished tickets that must meet the measure. */
  percent: number;
  /** True for "more than" (Workspace 365's "> 99%"), false for "at least". */
  strict: boolean;
  /** Where in the contract. */
  source?: string;
}

const both = (g: Omit<ComplianceGoal, 'metric'>): ComplianceGoal[] => [
  { ...g, metric: 'response' },
  { ...g, metric: 'resolution' },
];

export const SEED_COMPLIANCE_GOALS: ComplianceGoal[] = [
  // Workspace 365, "Prestaties" column of the priority table: P1 > 99%, P2 > 90%; the column sits beside
  // both the resolution and the response time, so it is applied to both.
  ...both({
    policyId: 'workspace365',
    priority: 'P1',
    measure: 'due',
    percent: 99,
    strict: true,
    source: 'Ticketprioriteit',
  }),
  ...both({
    policyId: 'workspace365',
    priority: 'P2',
    measure: 'due',
    percent: 90,
    strict: true,
    source: 'Ticketprioriteit',
  }),
  // Mextra 6.1 (incidents) and 8.1 (questions): 90% within the goal, 100% within the maximum.
  ...both({
    policyId: 'mextra',
    priority: '*',
    measure: 'goal',
    percent: 90,
    strict: false,
    source: '6.1 / 8.1',
  }),
  ...both({
    policyId: 'mextra',
    priority: '*',
    measure: 'due',
    percent: 100,
    strict: false,
    source: '6.1 / 8.1',
  }),
];

/** The goal for one figure: an exact priority wins over '*'. */
export function findGoal(
  goals: readonly ComplianceGoal[],
  policyId: string,
  priority: string | null,
  metric: MetricName,
  measure: Measure,
): ComplianceGoal | null {
  const same = goals.filter((g) => g.policyId === policyId && g.metric === metric && g.measure === measure);
  return same.find((g) => g.priority === priority) ?? same.find((g) => g.priority === '*') ?? null;
}

/** The parts of an engine policy (`lib/sla/schema.ts` PolicySchema) that carry compliance goals. */
export interface PolicyGoalSource {
  id: string;
  priorities: ReadonlyArray<{ id: string; compliance?: { percent: number; text?: string; source?: string } }>;
  targets: Record<
    string,
    Record<
      string,
      Record<string, Partial<Record<MetricName, { goal?: { percent: number }; source?: string }>>>
    >
  >;
}

/**
 * Goals from a policy: a priority's `compliance.percent` applies to both metrics within the deadline
 * ("more than" when its text starts with ">"); a target's soft `goal.percent` gives a 'goal' figure and,
 * beside it, 100% within the deadline (Mextra: "90% < 4 uur, 100% < 6 uur").
 */
export function complianceGoalsFromPolicy(policy: PolicyGoalSource): ComplianceGoal[] {
  const out = new Map<string, ComplianceGoal>();
  const put = (g: ComplianceGoal) => {
    const k = `${g.priority}|${g.metric}|${g.measure}`;
    if (!out.has(k)) out.set(k, g);
  };
  for (const p of policy.priorities) {
    if (!p.compliance) continue;
    const strict = /^\s*>(?!=)/.test(p.compliance.text ?? '');
    for (const metric of ['response', 'resolution'] as const)
      put({
        policyId: policy.id,
        priority: p.id,
        metric,
        measure: 'due',
        percent: p.compliance.percent,
        strict,
        ...(p.compliance.source ? { source: p.compliance.source } : {}),
      });
  }
  for (const byTier of Object.values(policy.targets))
    for (const byPrio of Object.values(byTier))
      for (const [priority, metrics] of Object.entries(byPrio))
        for (const metric of ['response', 'resolution'] as const) {
          const t = metrics[metric];
          if (!t?.goal) continue;
          const source = t.source ? { source: t.source } : {};
          put({
            policyId: policy.id,
            priority,
            metric,
            measure: 'goal',
            percent: t.goal.percent,
            strict: false,
            ...source,
          });
          put({
            policyId: policy.id,
            priority,
            metric,
            measure: 'due',
            percent: 100,
            strict: false,
            ...source,
          });
        }
  return [...out.values()];
}
