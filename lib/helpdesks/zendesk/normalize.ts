/**
 * Zendesk API payloads → the engine's neutral ticket (runs in the background and the CLI).
 * Input: `/api/v2/tickets/{id}.json` (optionally `include=slas`) and every page of
 * `/api/v2/tickets/{id}/audits.json?include=users`. Events come from the audits: status changes,
 * public comments by agents (role agent/admin) vs requesters, priority changes, the hotfix tag.
 */
import { z } from 'zod';
import type { NeutralTicket, TicketEvent, TicketStatus } from '../../sla/types';
import type { HostMapping } from '../mapping-schema';
import { fold, matchLevel, ownValue, truthy, type PolicyVocabulary, type Unmapped } from '../mapping';
import type { NormalizeResult } from '../types';

const Id = z.union([z.number(), z.string()]);

export const ZendeskTicketBody = z.object({
  ticket: z.object({
    id: Id,
    created_at: z.string(),
    subject: z.string().nullable().optional(),
    status: z.string(),
    priority: z.string().nullable().optional(),
    type: z.string().nullable().optional(),
    tags: z.array(z.string()).default([]),
    custom_fields: z.array(z.object({ id: Id, value: z.unknown() })).default([]),
    requester_id: Id.nullable().optional(),
    organization_id: Id.nullable().optional(),
    custom_status_id: Id.nullable().optional(),
  }),
  slas: z
    .object({
      policy_metrics: z
        .array(
          z.object({ metric: z.string(), stage: z.string(), breach_at: z.string().nullable().optional() }),
        )
        .default([]),
    })
    .optional(),
  users: z.array(z.object({ id: Id, name: z.string().optional(), role: z.string().optional() })).optional(),
  organizations: z
    .array(z.object({ id: Id, name: z.string().optional(), tags: z.array(z.string()).optional() }))
    .optional(),
});

const AuditEvent = z.object({
  type: z.string(),
  field_name: z.string().optional(),
  value: z.unknown().optional(),
  previous_value: z.unknown().optional(),
  public: z.boolean().optional(),
  author_id: Id.optional(),
});

export const ZendeskAuditsPage = z.object({
  audits: z.array(
    z.object({ created_at: z.string(), author_id: Id.optional(), events: z.array(AuditEvent) }),
  ),
  users: z
    .array(
      z.object({
        id: Id,
        name: z.string().optional(),
        role: z.string().optional(),
        iana_time_zone: z.string().nullable().optional(),
      }),
    )
    .default([]),
  next_page: z.string().nullable().optional(),
});

/** What the content script sends: the ticket body and every audits page it fetched. */
export const ZendeskPayload = z.object({ ticket: z.unknown(), audits: z.array(z.unknown()).default([]) });

const BUILTIN_STATUS: Record<string, TicketStatus> = {
  new: 'open',
  open: 'open',
  pending: 'pending',
  hold: 'on-hold',
  solved: 'solved',
  closed: 'closed',
};

function mapStatus(value: string, mapping: HostMapping | undefined): TicketStatus | Unmapped {
  const explicit =
    mapping?.statuses && Object.entries(mapping.statuses).find(([k]) => fold(k) === fold(value))?.[1];
  if (explicit) return explicit;
  const builtin = ownValue(BUILTIN_STATUS, fold(value));
  if (builtin) return builtin;
  return {
    field: 'type',
    value,
    message: `Zendesk status '${value}' is not mapped to open, pending, on-hold, solved or closed — map it in Options`,
  };
}

const zod = (e: z.ZodError, what: string) => {
  const i = e.issues[0];
  return `${what} is not a Zendesk API response (${i?.path.join('.') || '(root)'}: ${i?.message ?? 'invalid'})`;
};

export function normalizeZendesk(
  payload: unknown,
  mapping: HostMapping | undefined,
  vocabulary: PolicyVocabulary,
  host: string,
): NormalizeResult {
  const p = ZendeskPayload.safeParse(payload);
  if (!p.success)
    return { ok: false, problem: { kind: 'not-readable', message: zod(p.error, 'the payload') } };
  const body = ZendeskTicketBody.safeParse(p.data.ticket);
  if (!body.success)
    return { ok: false, problem: { kind: 'not-readable', message: zod(body.error, 'the ticket') } };
  const pages = [];
  for (const [i, raw] of p.data.audits.entries()) {
    const page = ZendeskAuditsPage.safeParse(raw);
    if (!page.success)
      return {
        ok: false,
        problem: { kind: 'not-readable', message: zod(page.error, `audits page ${i + 1}`) },
      };
    pages.push(page.data);
  }
  const t = body.data.ticket;
  const users = new Map<string, { name?: string; role?: string; iana_time_zone?: string | null }>();
  // Users arrive on the ticket and on every audits page, not always with the same fields: merge them.
  for (const u of [...(body.data.users ?? []), ...pages.flatMap((pg) => pg.users)]) {
    const known = users.get(String(u.id)) ?? {};
    const defined = Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined && v !== null));
    users.set(String(u.id), { ...known, ...defined });
  }
  const org = body.data.organizations?.find((o) => String(o.id) === String(t.organization_id));
  const requester =
    t.requester_id !== null && t.requester_id !== undefined ? users.get(String(t.requester_id)) : undefined;

  const display = {
    helpdesk: 'zendesk' as const,
    ticketKey: `#${t.id}`,
    subject: t.subject ?? '',
    link: `https://${host}/agent/tickets/${t.id}`,
    status: t.status,
    ...(requester?.name ? { requester: requester.name } : {}),
    ...(org?.name ? { organization: org.name } : {}),
  };
  const fail = (u: Unmapped): NormalizeResult => ({
    ok: false,
    problem: { kind: 'unmapped', message: u.message, unmapped: { field: u.field, value: u.value } },
    display,
  });

  const field = (id: string) => t.custom_fields.find((f) => String(f.id) === id)?.value;
  const fromSource = (src: HostMapping['customerField']): unknown => {
    if (!src) return undefined;
    if (src.from === 'custom-field') return field(src.id);
    if (src.from === 'tag') return t.tags.find((tag) => tag.startsWith(src.prefix))?.slice(src.prefix.length);
    return undefined;
  };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

  const ticket: NeutralTicket = { createdAt: t.created_at };
  const origin: { tier?: string; type?: string; priority?: string } = {};

  // type: question → question, others → incident unless mapped
  const zdType = t.type ?? 'incident';
  const mappedType = ownValue(mapping?.types, zdType);
  const typeValue = mappedType ?? (zdType === 'question' ? 'question' : 'incident');
  const type = matchLevel(vocabulary, 'type', typeValue, undefined, 'Zendesk');
  if (!type.ok) return fail(type.problem);
  ticket.type = type.id;
  origin.type = mappedType ? 'mapping' : 'ticket';

  // tier
  const tierSrc = mapping?.tier;
  let tierValue: string | undefined;
  if (tierSrc?.from === 'fixed') tierValue = tierSrc.tier;
  else if (tierSrc?.from === 'ticket-tag')
    tierValue = t.tags.find((x) => x.startsWith(tierSrc.prefix))?.slice(tierSrc.prefix.length);
  else if (tierSrc?.from === 'org-tag')
    tierValue = org?.tags?.find((x) => x.startsWith(tierSrc.prefix))?.slice(tierSrc.prefix.length);
  else if (tierSrc?.from === 'custom-field') tierValue = text(field(tierSrc.id));
  if (tierValue) {
    const tier = matchLevel(vocabulary, 'tier', tierValue, mapping?.values?.tier, 'Zendesk');
    if (!tier.ok) return fail(tier.problem);
    ticket.tier = tier.id;
    origin.tier = tierSrc?.from === 'fixed' ? 'mapping' : tierSrc?.from === 'custom-field' ? 'field' : 'tag';
  }

  // priority (the ticket's own; the matrix decides when it is empty)
  if (t.priority) {
    const pr = matchLevel(vocabulary, 'priority', t.priority, mapping?.values?.priority, 'Zendesk');
    if (!pr.ok) return fail(pr.problem);
    ticket.priority = pr.id;
    origin.priority = 'ticket';
  }
  for (const kind of ['impact', 'urgency'] as const) {
    const v = text(fromSource(mapping?.fields?.[kind]));
    if (!v) continue;
    const m = matchLevel(vocabulary, kind, v, mapping?.values?.[kind], 'Zendesk');
    if (!m.ok) return fail(m.problem);
    ticket[kind] = m.id;
  }
  const wa = fromSource(mapping?.fields?.workaround);
  if (wa !== undefined && wa !== null) ticket.workaround = truthy(wa);
  if (requester?.iana_time_zone) ticket.timezone = requester.iana_time_zone;

  // events from the audits, oldest first
  const hotfixTag = mapping?.hotfixTag ?? 'hotfix';
  const events: TicketEvent[] = [];
  const audits = pages
    .flatMap((pg) => pg.audits)
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  let first = true;
  for (const audit of audits) {
    for (const e of audit.events) {
      if (
        (e.type === 'Create' || e.type === 'Change') &&
        e.field_name === 'status' &&
        typeof e.value === 'string'
      ) {
        const s = mapStatus(e.value, mapping);
        if (typeof s !== 'string') return fail(s);
        if (!(first && e.type === 'Create')) events.push({ at: audit.created_at, type: 'status', status: s });
      } else if (e.type === 'Comment' && !first) {
        const author = users.get(String(e.author_id ?? audit.author_id));
        const byAgent = author?.role === 'agent' || author?.role === 'admin';
        events.push({
          at: audit.created_at,
          type: 'reply',
          public: e.public !== false,
          by: byAgent ? 'agent' : 'requester',
        });
      } else if (
        e.type === 'Change' &&
        e.field_name === 'priority' &&
        typeof e.value === 'string' &&
        e.value
      ) {
        const pr = matchLevel(vocabulary, 'priority', e.value, mapping?.values?.priority, 'Zendesk');
        if (pr.ok) events.push({ at: audit.created_at, type: 'priority', priority: pr.id });
      } else if ((e.type === 'Change' || e.type === 'Create') && e.field_name === 'tags') {
        const now = Array.isArray(e.value) ? e.value : typeof e.value === 'string' ? e.value.split(' ') : [];
        const before = Array.isArray(e.previous_value) ? e.previous_value : [];
        if (now.includes(hotfixTag) && !before.includes(hotfixTag))
          events.push({ at: audit.created_at, type: 'hotfix' });
      }
    }
    first = false;
  }
  // A ticket tagged as hotfix without an audit trail of it (tag set at creation, audits missing).
  if (t.tags.includes(hotfixTag) && !events.some((e) => e.type === 'hotfix'))
    events.push({ at: t.created_at, type: 'hotfix' });
  if (events.length) ticket.events = events;

  // Facts for the service report: the customer (the mapped field, else the organisation) and the tags.
  const customer = text(fromSource(mapping?.customerField)) ?? org?.name?.trim();
  const facts = { ...(customer ? { customer } : {}), tags: [...t.tags] };

  const metrics = body.data.slas?.policy_metrics ?? [];
  const helpdeskSla = metrics.length
    ? {
        targets: metrics.map((m) => ({
          metric: m.metric.replace(/_/g, ' '),
          dueAt: m.breach_at ?? null,
          state: (m.stage === 'achieved' ? 'achieved' : m.stage === 'paused' ? 'paused' : 'active') as
            'active' | 'paused' | 'achieved',
        })),
      }
    : undefined;

  return {
    ok: true,
    ticketId: String(t.id),
    ticket,
    display,
    origin,
    facts,
    ...(helpdeskSla ? { helpdeskSla } : {}),
  };
}
