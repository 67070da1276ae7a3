/**
 * The sidebar's evaluations, generated: the real engine (`evaluate`) on the seed policies for a fixed
 * set of tickets on and around Mon 9 Feb 2026, with the options the worker passes (lib/background/
 * ticket.ts), so the sidebar's tests and gallery follow the engine instead of a captured copy. The
 * policies' labels and matrices come from the worker's own `sidebarLabels` / `sidebarMatrix`.
 */
import { getBuiltinPolicy } from '../../../policies/index.ts';
import { evaluate, type EvaluateOptions } from '../../../lib/sla/evaluate.ts';
import type { Policy } from '../../../lib/sla/schema.ts';
import type { Evaluation, NeutralTicket, TicketEvent } from '../../../lib/sla/types.ts';
import type { SidebarLabels, SidebarMatrix } from '../../../lib/messaging/sidebar.ts';
import { sidebarLabels, sidebarMatrix } from '../../../lib/background/ticket.ts';

function policy(id: string): Policy {
  const p = getBuiltinPolicy(id);
  if (!p) throw new Error(`no seed policy "${id}"`);
  return p;
}

const status = (at: string, s: 'open' | 'pending' | 'on-hold' | 'solved' | 'closed'): TicketEvent => ({
  at,
  type: 'status',
  status: s,
});
const agentReply = (at: string): TicketEvent => ({ at, type: 'reply', public: true, by: 'agent' });

function evaluated(
  id: string,
  ticket: NeutralTicket,
  now: string,
  options: EvaluateOptions = {},
): Evaluation {
  return evaluate(policy(id), ticket, now, options);
}

/** Mextra P-high incident, opened Monday 10:00 (Amsterdam); the type from the mapping, priority from a field. */
const mextraTicket: NeutralTicket = {
  createdAt: '2026-02-09T10:00:00+01:00',
  type: 'incident',
  priority: 'high',
};
const fromMapping: EvaluateOptions = { origin: { type: 'mapping', priority: 'field' } };

/** Running, 5.5 business hours into its two business days. */
export const mextraRunning = evaluated('mextra', mextraTicket, '2026-02-09T15:30:00+01:00', fromMapping);

/** The same, with the explanation and labels in Dutch. */
export const mextraRunningNl = evaluated('mextra', mextraTicket, '2026-02-09T15:30:00+01:00', {
  ...fromMapping,
  locale: 'nl',
});

/** Tuesday afternoon: at most a quarter of the target is left. */
export const mextraAtRisk = evaluated('mextra', mextraTicket, '2026-02-10T14:30:00+01:00', fromMapping);

/** Pending (waiting on the customer) since 14:02: the clock is paused. */
export const mextraPaused = evaluated(
  'mextra',
  { ...mextraTicket, events: [status('2026-02-09T14:02:00+01:00', 'pending')] },
  '2026-02-09T15:30:00+01:00',
  fromMapping,
);

/** Opened Friday 10:00, seen on Saturday: the clock waits for Monday's opening hours. */
export const mextraClosed = evaluated(
  'mextra',
  { ...mextraTicket, createdAt: '2026-02-06T10:00:00+01:00' },
  '2026-02-07T11:00:00+01:00',
  { origin: { type: 'tag', priority: 'field' } },
);

/** Membro premium, high impact × high urgency (critical by the matrix), both targets passed. */
export const membroBreached = evaluated(
  'membro',
  {
    createdAt: '2026-02-09T09:00:00+01:00',
    tier: 'premium',
    type: 'incident',
    impact: 'high',
    urgency: 'high',
  },
  '2026-02-09T15:30:00+01:00',
  { origin: { tier: 'mapping' } },
);

/** Membro standard, set to High (the matrix suggests Critical); a workaround caps it at Medium. */
export const membroCapped = evaluated(
  'membro',
  {
    createdAt: '2026-02-09T09:00:00+01:00',
    tier: 'standard',
    type: 'incident',
    priority: 'high',
    impact: 'high',
    urgency: 'high',
    workaround: true,
  },
  '2026-02-09T09:30:00+01:00',
  { origin: { tier: 'mapping', priority: 'field' } },
);

/** Membro standard, low × low: no deadline, in the contract's words. */
export const membroNone = evaluated(
  'membro',
  {
    createdAt: '2026-02-09T09:00:00+01:00',
    tier: 'standard',
    type: 'incident',
    impact: 'low',
    urgency: 'low',
  },
  '2026-02-09T09:30:00+01:00',
  { origin: { tier: 'mapping' } },
);

/** Workspace 365 extended P1: answered late (09:10 for 5 minutes), resolution exempt by a hotfix. */
export const w365Exempt = evaluated(
  'workspace365',
  {
    createdAt: '2026-02-09T09:00:00+01:00',
    tier: 'extended',
    type: 'incident',
    priority: 'P1',
    events: [agentReply('2026-02-09T09:10:00+01:00'), { at: '2026-02-09T10:00:00+01:00', type: 'hotfix' }],
  },
  '2026-02-09T11:00:00+01:00',
  { origin: { tier: 'mapping', priority: 'field' } },
);

/** Zmanda P3, the requester in New York (the contract takes the zone from the ticket), answered within the hour. */
export const zmandaMet = evaluated(
  'zmanda',
  {
    createdAt: '2026-02-09T09:00:00-05:00',
    timezone: 'America/New_York',
    tier: 'standard',
    type: 'incident',
    priority: 'P3',
    impact: 'high',
    urgency: 'medium',
    events: [agentReply('2026-02-09T10:00:00-05:00')],
  },
  '2026-02-09T11:00:00-05:00',
  { origin: { tier: 'tag', priority: 'field' } },
);

/** Zmanda with impact but no urgency and no priority: nothing to count yet. */
export const zmandaMissing = evaluated(
  'zmanda',
  {
    createdAt: '2026-02-09T03:00:00-05:00',
    timezone: 'America/New_York',
    tier: 'standard',
    type: 'incident',
    impact: 'high',
  },
  '2026-02-09T05:00:00-05:00',
  { origin: { tier: 'tag' } },
);

export const mextraLabels: SidebarLabels = sidebarLabels(policy('mextra'));
export const membroLabels: SidebarLabels = sidebarLabels(policy('membro'));
export const membroMatrix: SidebarMatrix = sidebarMatrix(policy('membro'))!;
export const w365Labels: SidebarLabels = sidebarLabels(policy('workspace365'));
export const w365Matrix: SidebarMatrix = sidebarMatrix(policy('workspace365'))!;
export const zmandaLabels: SidebarLabels = sidebarLabels(policy('zmanda'));
export const zmandaMatrix: SidebarMatrix = sidebarMatrix(policy('zmanda'))!;
