/** Finished registry entries evaluated by the real engine with the seed policies (tests only). */
import { BUILTIN_POLICIES } from '../../policies';
import { summarizeEvaluation } from '../../lib/registry/registry';
import type { RegistryEntry } from '../../lib/registry/types';
import { evaluate } from '../../lib/sla/evaluate';
import type { NeutralTicket, TicketEvent } from '../../lib/sla/types';

export const policy = (id: string) => BUILTIN_POLICIES.find((p) => p.id === id)!;
export const ZONE = 'Europe/Amsterdam';
export const H = 3_600_000;
export const MIN = 60_000;

/** A finished registry entry, evaluated by the engine one hour after it was solved. */
export function entry(
  policyId: string,
  id: number,
  ticket: NeutralTicket,
  host = `${policyId}.example`,
): RegistryEntry {
  const solved = ticket.events!.filter((e) => e.type === 'status' && e.status === 'solved').at(-1)!;
  const at = Date.parse(solved.at) + H;
  const ev = evaluate(policy(policyId), ticket, at);
  return {
    key: `zendesk:${host}:${id}`,
    helpdesk: 'zendesk',
    host,
    ticketId: String(id),
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://${host}/agent/tickets/${id}`,
    ticket,
    policyId,
    tier: ev.tier,
    evaluation: summarizeEvaluation(ev),
    lastSeen: at,
    lastRefresh: at,
    source: 'queue',
  };
}

export const status = (at: string, s: 'pending' | 'open' | 'solved'): TicketEvent => ({
  at,
  type: 'status',
  status: s,
});
export const reply = (at: string): TicketEvent => ({ at, type: 'reply', public: true, by: 'agent' });
