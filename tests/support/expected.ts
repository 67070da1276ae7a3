/**
 * What the engine says for a demo scenario, from the same API payloads the demo helpdesk serves:
 * the expectation both e2e suites (Chromium and Firefox) hold the sidebar to.
 */
import { topdeskIncident, zendeskAudits, zendeskTicket, AUDIT_PAGE_SIZE } from '../demo/payloads';
import type { DemoScenario } from '../demo/scenarios';
import { demoAssignments } from '../demo/seed';
import { normalizeWith } from '../../lib/helpdesks';
import { evaluate, type Policy } from '../../lib/sla';
import { getBuiltinPolicy } from '../../policies';

/** The API bodies the demo helpdesk serves for a scenario at `now` (all audit pages). */
export function payloadFor(s: DemoScenario, now: number): unknown {
  const origin = `https://${s.host}`;
  if (s.helpdesk === 'topdesk') return { incident: topdeskIncident(s, now) };
  const pages = Math.ceil(zendeskAudits(s, now, origin, 1).count / AUDIT_PAGE_SIZE);
  const audits = Array.from({ length: pages }, (_, i) => zendeskAudits(s, now, origin, i + 1));
  return { ticket: zendeskTicket(s, now, origin), audits };
}

/**
 * The neutral ticket and its evaluation at `now` under `policy` (default: the scenario's seed policy),
 * with the host's field `mapping` (default: the demo's assignment for it).
 */
export function expectedEntry(
  s: DemoScenario,
  now: number,
  mapping: unknown = demoAssignments().find((a) => a.host === s.host)!.mapping,
  policy: Policy = getBuiltinPolicy(s.policy)!,
) {
  const n = normalizeWith(s.helpdesk, payloadFor(s, now), mapping, policy, s.host);
  if (!n.ok) throw new Error(`demo scenario ${s.id} does not map: ${n.problem.message}`);
  return { ticket: n.ticket, evaluation: evaluate(policy, n.ticket, now) };
}

/** The evaluation alone (see `expectedEntry`). */
export function expectedEvaluation(s: DemoScenario, now: number, mapping?: unknown, policy?: Policy) {
  return expectedEntry(s, now, mapping, policy).evaluation;
}
