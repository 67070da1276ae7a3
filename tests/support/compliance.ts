/**
 * The seed contracts' compliance goals as written in the contracts (Workspace 365 and Mextra), by hand.
 * Tests compare them with what `complianceGoalsFromPolicy` reads from the seed policies, and use them
 * as known goals for the compliance views.
 */
import type { ComplianceGoal } from '../../lib/compliance/goals';

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
