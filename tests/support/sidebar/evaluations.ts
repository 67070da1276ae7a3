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

function evaluated(id: string, ticket: NeutralTicket, now: string, options: EvaluateOptions): Evaluation {
  return evaluate(policy(id), ticket, now, options);
}

/** An incident (every scenario's type) opened at `createdAt`. */
const incident = (createdAt: string, fields: Partial<NeutralTicket>): NeutralTicket => ({
  createdAt,
  type: 'incident',
  ...fields,
});
/** Where the adapter says the tier came from, and the priority when the ticket carries one (a field). */
const origin = (tier: 'mapping' | 'tag', fields: Partial<NeutralTicket>): EvaluateOptions['origin'] => ({
  tier,
  ...(fields.priority ? { priority: 'field' } : {}),
});

const MON_0900 = '2026-02-09T09:00:00+01:00';
const MON_0930 = '2026-02-09T09:30:00+01:00';
const MON_1530 = '2026-02-09T15:30:00+01:00';

/**
 * Mextra, priority High, opened Monday 10:00 (Amsterdam), the default tier; the adapter read the type
 * from the mapping (or a tag) and the priority from a field.
 */
const mextra = (now: string, over: Partial<NeutralTicket> = {}, options: EvaluateOptions = {}) =>
  evaluated('mextra', incident('2026-02-09T10:00:00+01:00', { priority: 'high', ...over }), now, {
    origin: { type: 'mapping', priority: 'field' },
    ...options,
  });
/** Membro, opened Monday 09:00, the tier from the host mapping. */
const membro = (now: string, fields: Partial<NeutralTicket>) =>
  evaluated('membro', incident(MON_0900, fields), now, { origin: origin('mapping', fields) });
/** Zmanda, the requester in New York (the contract takes the zone from the ticket), the tier from a tag. */
const zmanda = (createdAt: string, now: string, fields: Partial<NeutralTicket>) =>
  evaluated(
    'zmanda',
    incident(createdAt, { timezone: 'America/New_York', tier: 'standard', ...fields }),
    now,
    {
      origin: origin('tag', fields),
    },
  );

/** Running, 5.5 business hours into its two business days. */
export const mextraRunning = mextra(MON_1530);
/** The same, with the explanation and labels in Dutch. */
export const mextraRunningNl = mextra(MON_1530, {}, { locale: 'nl' });
/** Tuesday afternoon: at most a quarter of the target is left. */
export const mextraAtRisk = mextra('2026-02-10T14:30:00+01:00');
/** Pending (waiting on the customer) since 14:02: the clock is paused. */
export const mextraPaused = mextra(MON_1530, { events: [status('2026-02-09T14:02:00+01:00', 'pending')] });
/** Opened Friday 10:00, seen on Saturday: the clock waits for Monday's opening hours. */
export const mextraClosed = mextra(
  '2026-02-07T11:00:00+01:00',
  { createdAt: '2026-02-06T10:00:00+01:00' },
  { origin: { type: 'tag', priority: 'field' } },
);

/** Premium, high impact × high urgency (Critical by the matrix), both targets passed. */
export const membroBreached = membro(MON_1530, { tier: 'premium', impact: 'high', urgency: 'high' });
/** Standard, set to High (the matrix suggests Critical); a workaround caps it at Medium. */
export const membroCapped = membro(MON_0930, {
  tier: 'standard',
  priority: 'high',
  impact: 'high',
  urgency: 'high',
  workaround: true,
});
/** Standard, low × low: no deadline, in the contract's words. */
export const membroNone = membro(MON_0930, { tier: 'standard', impact: 'low', urgency: 'low' });

/** Workspace 365 extended P1: answered late (09:10 for 5 minutes), resolution exempt by a hotfix. */
export const w365Exempt = evaluated(
  'workspace365',
  incident(MON_0900, {
    tier: 'extended',
    priority: 'P1',
    events: [agentReply('2026-02-09T09:10:00+01:00'), { at: '2026-02-09T10:00:00+01:00', type: 'hotfix' }],
  }),
  '2026-02-09T11:00:00+01:00',
  { origin: { tier: 'mapping', priority: 'field' } },
);

/** P3 (the matrix suggests P2), answered within the hour. */
export const zmandaMet = zmanda('2026-02-09T09:00:00-05:00', '2026-02-09T11:00:00-05:00', {
  priority: 'P3',
  impact: 'high',
  urgency: 'medium',
  events: [agentReply('2026-02-09T10:00:00-05:00')],
});
/** Impact but no urgency and no priority: nothing to count yet. */
export const zmandaMissing = zmanda('2026-02-09T03:00:00-05:00', '2026-02-09T05:00:00-05:00', {
  impact: 'high',
});

export const mextraLabels: SidebarLabels = sidebarLabels(policy('mextra'));
export const membroLabels: SidebarLabels = sidebarLabels(policy('membro'));
export const membroMatrix: SidebarMatrix = sidebarMatrix(policy('membro'))!;
export const w365Labels: SidebarLabels = sidebarLabels(policy('workspace365'));
export const w365Matrix: SidebarMatrix = sidebarMatrix(policy('workspace365'))!;
export const zmandaLabels: SidebarLabels = sidebarLabels(policy('zmanda'));
export const zmandaMatrix: SidebarMatrix = sidebarMatrix(policy('zmanda'))!;
