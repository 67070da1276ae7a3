/**
 * TOPdesk incident (`/tas/api/incidents/id/{id}`) → the engine's neutral ticket (background, CLI).
 * TOPdesk keeps state, not history: `callDate` starts the clocks, `onHold`/`onHoldDate` is the
 * current pause, `responded`/`responseDate` stops the response clock, `completed`/`closed` stop
 * resolution. Dates come as `2021-02-11T06:32:36.303+0000`.
 */
import { z } from 'zod';
import type { NeutralTicket, TicketEvent } from '../../sla/types';
import type { HostMapping } from '../mapping-schema';
import {
  asText,
  atPath,
  matchLevel,
  ownValue,
  truthy,
  type PolicyVocabulary,
  type Unmapped,
} from '../mapping';
import type { NormalizeResult } from '../types';

const Ref = z.object({ id: z.string().optional(), name: z.string() }).nullable().optional();
const TopdeskDate = z.string().nullable().optional();

export const TopdeskIncident = z
  .object({
    id: z.string(),
    number: z.string(),
    briefDescription: z.string().nullable().optional(),
    callDate: z.string(),
    caller: z.object({ dynamicName: z.string().optional() }).passthrough().nullable().optional(),
    callerBranch: Ref,
    callType: Ref,
    category: Ref,
    subcategory: Ref,
    impact: Ref,
    urgency: Ref,
    priority: Ref,
    processingStatus: Ref,
    onHold: z.boolean().optional(),
    onHoldDate: TopdeskDate,
    responded: z.boolean().optional(),
    responseDate: TopdeskDate,
    completed: z.boolean().optional(),
    completedDate: TopdeskDate,
    closed: z.boolean().optional(),
    closedDate: TopdeskDate,
  })
  .passthrough();

export const TopdeskPayload = z.object({ incident: z.unknown() });

/** `2021-02-11T06:32:36.303+0000` → `2021-02-11T06:32:36.303+00:00` (ISO 8601 the engine accepts). */
export function topdeskIso(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

export function normalizeTopdesk(
  payload: unknown,
  mapping: HostMapping | undefined,
  vocabulary: PolicyVocabulary,
  host: string,
): NormalizeResult {
  const p = TopdeskPayload.safeParse(payload);
  const inc = TopdeskIncident.safeParse(p.success ? p.data.incident : payload);
  if (!inc.success) {
    const i = inc.error.issues[0];
    return {
      ok: false,
      problem: {
        kind: 'not-readable',
        message: `not a TOPdesk incident (${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid'})`,
      },
    };
  }
  const t = inc.data;
  const display = {
    helpdesk: 'topdesk' as const,
    ticketKey: t.number,
    subject: t.briefDescription ?? '',
    link: `https://${host}/tas/secure/incident?unid=${t.id.replace(/-/g, '')}`,
    ...(t.processingStatus?.name ? { status: t.processingStatus.name } : {}),
    ...(t.caller?.dynamicName ? { requester: t.caller.dynamicName } : {}),
    ...(t.callerBranch?.name ? { organization: t.callerBranch.name } : {}),
  };
  const fail = (u: Unmapped): NormalizeResult => ({
    ok: false,
    problem: { kind: 'unmapped', message: u.message, unmapped: { field: u.field, value: u.value } },
    display,
  });
  const fieldValue = (src: { from: string; field?: string } | undefined) =>
    src?.from === 'field' && src.field ? atPath(t, src.field) : undefined;

  const ticket: NeutralTicket = { createdAt: topdeskIso(t.callDate) };
  const origin: { tier?: string; type?: string; priority?: string } = {};

  const callType = asText(t.callType);
  const mappedType = callType ? ownValue(mapping?.types, callType) : undefined;
  if (mappedType) {
    const m = matchLevel(vocabulary, 'type', mappedType, undefined, 'TOPdesk');
    if (!m.ok) return fail(m.problem);
    ticket.type = m.id;
    origin.type = 'mapping';
  }

  const tierSrc = mapping?.tier;
  const tierValue =
    tierSrc?.from === 'fixed'
      ? tierSrc.tier
      : tierSrc?.from === 'field'
        ? asText(atPath(t, tierSrc.field))
        : undefined;
  if (tierValue) {
    const m = matchLevel(vocabulary, 'tier', tierValue, mapping?.values?.tier, 'TOPdesk');
    if (!m.ok) return fail(m.problem);
    ticket.tier = m.id;
    origin.tier = tierSrc?.from === 'fixed' ? 'mapping' : 'field';
  }

  const priority = asText(t.priority);
  if (priority) {
    const m = matchLevel(vocabulary, 'priority', priority, mapping?.values?.priority, 'TOPdesk');
    if (!m.ok) return fail(m.problem);
    ticket.priority = m.id;
    origin.priority = 'ticket';
  }
  for (const kind of ['impact', 'urgency'] as const) {
    const value = asText(fieldValue(mapping?.fields?.[kind]) ?? t[kind]);
    if (!value) continue;
    const m = matchLevel(vocabulary, kind, value, mapping?.values?.[kind], 'TOPdesk');
    if (!m.ok) return fail(m.problem);
    ticket[kind] = m.id;
  }
  const wa = fieldValue(mapping?.fields?.workaround);
  if (wa !== undefined && wa !== null) ticket.workaround = truthy(wa);

  const events: TicketEvent[] = [];
  if (t.responded && t.responseDate)
    events.push({ at: topdeskIso(t.responseDate), type: 'reply', public: true, by: 'agent' });
  if (t.onHold && t.onHoldDate)
    events.push({ at: topdeskIso(t.onHoldDate), type: 'status', status: 'on-hold' });
  if (t.completed && t.completedDate)
    events.push({ at: topdeskIso(t.completedDate), type: 'status', status: 'solved' });
  if (t.closed && t.closedDate)
    events.push({ at: topdeskIso(t.closedDate), type: 'status', status: 'closed' });
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (events.length) ticket.events = events;

  // Facts for the service report: the customer (the mapped field, else the caller's branch) and the
  // category, subcategory and call type as tags.
  const customer = asText(fieldValue(mapping?.customerField)) ?? asText(t.callerBranch);
  const tags = [t.category, t.subcategory, t.callType].flatMap((r) => {
    const name = asText(r);
    return name ? [name] : [];
  });
  const facts = { ...(customer ? { customer } : {}), tags };

  return { ok: true, ticketId: t.id, ticket, display, origin, facts };
}
