/** The report's formulas, each small and pure: percentiles and the contract credit. */
import type { CreditRule } from '../sla/schema';

/**
 * Nearest-rank percentile (p in 0..100] of the values: the smallest value with at least p% of the
 * values at or below it. The median is the 50th (the lower middle for an even count). null for none.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Months in a row below goal, counted back from the last month of the list (true = below goal). */
export function streakBelowGoal(belowGoal: readonly boolean[]): number {
  let n = 0;
  for (let i = belowGoal.length - 1; i >= 0 && belowGoal[i]; i--) n++;
  return n;
}

/**
 * The credit a rule grants for a streak of months below goal: from the `afterMonths`-th month in a
 * row, `percentPerMonth` for that month and each further one, at most `maxPercent` (Mextra 6.2: 3, 5,
 * 50 → 3 months 5%, 4 months 10%, … 12 months 50%).
 */
export function creditPercent(
  rule: Pick<CreditRule, 'afterMonths' | 'percentPerMonth' | 'maxPercent'>,
  streak: number,
): number {
  if (streak < rule.afterMonths) return 0;
  return Math.min(rule.maxPercent, rule.percentPerMonth * (streak - rule.afterMonths + 1));
}
