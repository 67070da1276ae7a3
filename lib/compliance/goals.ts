/**
 * Contract compliance goals: which share of finished tickets must meet a metric. They come from the
 * policy JSON (`complianceGoalsFromPolicy`: a priority's `compliance`, a target's soft `goal`); the
 * worker and the service report read them from the policies in effect. (The seed contracts' goals as
 * written by hand are a test fixture, tests/support/compliance/goals.ts, checked against these.)
 */
import type { Policy, PolicyTarget } from '../sla/schema';
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

/** One metric's target as far as goals go: its soft goal's percent and where the contract says so. */
type GoalTarget = Pick<PolicyTarget, 'source'> & {
  goal?: Pick<NonNullable<PolicyTarget['goal']>, 'percent'>;
};

/**
 * The parts of an engine policy (`lib/sla/schema.ts` PolicySchema) that carry compliance goals, derived
 * from its types: a full `Policy` is one, and so is a literal with only these fields.
 */
export type PolicyGoalSource = Pick<Policy, 'id'> & {
  priorities: ReadonlyArray<Pick<Policy['priorities'][number], 'id' | 'compliance'>>;
  targets: Record<string, Record<string, Record<string, Partial<Record<MetricName, GoalTarget>>>>>;
};

/**
 * Goals from a policy: a priority's `compliance.percent` applies to both metrics within the deadline
 * ("more than" when its text starts with ">"); a target's soft `goal.percent` gives a 'goal' figure and,
 * beside it, 100% within the deadline (Mextra: "90% < 4 uur, 100% < 6 uur").
 */
/** A priority's compliance goal is "more than" its percent when the contract's text starts with ">" ("> 99%"). */
export function isStrictGoal(text: string | undefined): boolean {
  return /^\s*>(?!=)/.test(text ?? '');
}

/** The contract's compliance text says no more than its percent ("> 99%", "≥ 90 %"): showing it again repeats it. */
export function goalTextIsOnlyThePercent(text: string): boolean {
  return /^\s*(>=?|≥)?\s*\d+([.,]\d+)?\s*%\s*$/.test(text);
}

export function complianceGoalsFromPolicy(policy: PolicyGoalSource): ComplianceGoal[] {
  const out = new Map<string, ComplianceGoal>();
  const put = (g: ComplianceGoal) => {
    const k = `${g.priority}|${g.metric}|${g.measure}`;
    if (!out.has(k)) out.set(k, g);
  };
  for (const p of policy.priorities) {
    if (!p.compliance) continue;
    const strict = isStrictGoal(p.compliance.text);
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
