/**
 * Builds REST responses shaped like the public API references from the demo scenarios:
 * Zendesk `/api/v2/tickets/{id}.json`, `/api/v2/tickets/{id}/audits.json` (users sideloaded,
 * paginated) and TOPdesk `/tas/api/incidents/id/{id}` (dates with `+0000` style offsets).
 */
import { DEMO_ARRIVAL, DEMO_SCENARIOS, type DemoScenario } from './scenarios';

const MIN = 60_000;

export const ZENDESK_FIELDS = { impact: 360000001, urgency: 360000002, workaround: 360000003 } as const;
export const ZENDESK_AGENT = { id: 501, name: 'Marloes Support', role: 'agent' } as const;
/** Audits are served in pages of this size so the adapter must follow `next_page`. */
export const AUDIT_PAGE_SIZE = 2;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** TOPdesk writes `2021-02-11T06:32:36.303+0000`. */
export function topdeskDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function requesterId(s: DemoScenario) {
  return 9000 + s.id;
}

/** One Zendesk organisation per customer name (ids in the scenarios' order), as a helpdesk keeps them. */
const ORG_NAMES = [...new Set([...DEMO_SCENARIOS, DEMO_ARRIVAL].map((s) => s.organization))];
export function zendeskOrganization(s: DemoScenario) {
  const i = ORG_NAMES.indexOf(s.organization);
  return { id: 7001 + (i < 0 ? ORG_NAMES.length : i), name: s.organization, tags: [] as string[] };
}

/**
 * `/api/v2/tickets/{id}.json?include=…,organizations`: the ticket with its organisation sideloaded (the
 * customer of the service report); listings sideload the same (`route.ts`).
 */
export function zendeskTicket(s: DemoScenario, now: number, origin: string) {
  const created = now - s.createdAgo * MIN;
  const lastEvent = s.events.reduce((m, e) => Math.min(m, e.ago), s.createdAgo);
  const tags = [...(s.tags ?? [])];
  if (s.tier) tags.push(`tier_${s.tier}`);
  return {
    ticket: {
      url: `${origin}/api/v2/tickets/${s.id}.json`,
      id: s.id,
      external_id: null,
      created_at: iso(created),
      updated_at: iso(now - lastEvent * MIN),
      type: s.type === 'question' ? 'question' : 'incident',
      subject: s.subject,
      raw_subject: s.subject,
      description: `${s.subject}\n\nMet vriendelijke groet,\n${s.requester.name}`,
      priority: s.priority && ['urgent', 'high', 'normal', 'low'].includes(s.priority) ? s.priority : null,
      status: s.status,
      requester_id: requesterId(s),
      submitter_id: requesterId(s),
      assignee_id: ZENDESK_AGENT.id,
      organization_id: zendeskOrganization(s).id,
      group_id: 42,
      tags,
      custom_fields: [
        { id: ZENDESK_FIELDS.impact, value: s.impact ?? null },
        { id: ZENDESK_FIELDS.urgency, value: s.urgency ?? null },
        { id: ZENDESK_FIELDS.workaround, value: s.workaround ?? false },
      ],
      via: { channel: 'web' },
      is_public: true,
    },
    organizations: [zendeskOrganization(s)],
  };
}

interface AuditEvent {
  id: number;
  type: 'Create' | 'Change' | 'Comment';
  field_name?: string;
  value?: unknown;
  previous_value?: unknown;
  body?: string;
  public?: boolean;
  author_id?: number;
}

export function zendeskAudits(s: DemoScenario, now: number, origin: string, page = 1) {
  let eventId = 1;
  const rid = requesterId(s);
  const created = now - s.createdAgo * MIN;
  const audits: Array<{
    id: number;
    ticket_id: number;
    created_at: string;
    author_id: number;
    events: AuditEvent[];
  }> = [
    {
      id: 1,
      ticket_id: s.id,
      created_at: iso(created),
      author_id: rid,
      events: [
        { id: eventId++, type: 'Comment', body: s.subject, public: true, author_id: rid },
        { id: eventId++, type: 'Create', field_name: 'status', value: 'new' },
        ...(s.priority
          ? [{ id: eventId++, type: 'Create' as const, field_name: 'priority', value: s.priority }]
          : []),
      ],
    },
  ];
  let status = 'new';
  for (const e of [...s.events].sort((a, b) => b.ago - a.ago)) {
    const at = iso(now - e.ago * MIN);
    const events: AuditEvent[] = [];
    if (e.kind === 'agent-reply' || e.kind === 'internal-note') {
      events.push({
        id: eventId++,
        type: 'Comment',
        body:
          e.kind === 'agent-reply'
            ? 'Dank voor uw melding, we kijken ernaar.'
            : 'Intern: doorgezet naar tweede lijn.',
        public: e.kind === 'agent-reply',
        author_id: ZENDESK_AGENT.id,
      });
      if (e.kind === 'agent-reply' && status === 'new') {
        events.push({
          id: eventId++,
          type: 'Change',
          field_name: 'status',
          value: 'open',
          previous_value: status,
        });
        status = 'open';
      }
    } else if (e.kind === 'requester-reply') {
      events.push({
        id: eventId++,
        type: 'Comment',
        body: 'Aanvullende informatie.',
        public: true,
        author_id: rid,
      });
    } else if (e.kind === 'status' && e.value) {
      events.push({
        id: eventId++,
        type: 'Change',
        field_name: 'status',
        value: e.value,
        previous_value: status,
      });
      status = e.value;
    } else if (e.kind === 'priority' && e.value) {
      events.push({ id: eventId++, type: 'Change', field_name: 'priority', value: e.value });
    }
    const author = e.kind === 'requester-reply' ? rid : ZENDESK_AGENT.id;
    audits.push({ id: audits.length + 1, ticket_id: s.id, created_at: at, author_id: author, events });
  }
  const pages = Math.max(1, Math.ceil(audits.length / AUDIT_PAGE_SIZE));
  const slice = audits.slice((page - 1) * AUDIT_PAGE_SIZE, page * AUDIT_PAGE_SIZE);
  const base = `${origin}/api/v2/tickets/${s.id}/audits.json?include=users`;
  return {
    audits: slice,
    users: [
      {
        id: rid,
        name: s.requester.name,
        email: s.requester.email,
        role: 'end-user',
        time_zone: s.requester.timeZone ?? 'Amsterdam',
        iana_time_zone: s.requester.timeZone ?? 'Europe/Amsterdam',
      },
      {
        ...ZENDESK_AGENT,
        email: 'marloes@support.example',
        time_zone: 'Amsterdam',
        iana_time_zone: 'Europe/Amsterdam',
      },
    ],
    next_page: page < pages ? `${base}&page=${page + 1}` : null,
    previous_page: page > 1 ? `${base}&page=${page - 1}` : null,
    count: audits.length,
  };
}

/** A deterministic UUID per demo incident; the classic TOPdesk card URL uses it without dashes. */
export function topdeskUuid(s: DemoScenario): string {
  const hex = (0xa0000000 + s.id).toString(16).padStart(8, '0');
  return `${hex}-5c4e-4b3a-9d2f-0123456789ab`;
}

export function topdeskNumber(s: DemoScenario): string {
  return `I 2611 ${String(s.id).padStart(3, '0')}`;
}

export function topdeskIncident(s: DemoScenario, now: number) {
  const at = (ago: number) => topdeskDate(now - ago * MIN);
  const reply = s.events.find((e) => e.kind === 'agent-reply');
  const hold = [...s.events].reverse().find((e) => e.kind === 'status' && e.value === 'on-hold');
  const solved = s.events.find((e) => e.kind === 'status' && e.value === 'solved');
  const impactName = { 'I-1': 'I-1 Hoog', 'I-2': 'I-2 Normaal', 'I-3': 'I-3 Laag' }[s.impact ?? ''] ?? null;
  const urgencyName = { 'U-1': 'U-1 Hoog', 'U-2': 'U-2 Normaal', 'U-3': 'U-3 Laag' }[s.urgency ?? ''] ?? null;
  const obj = (name: string | null, id: string) => (name ? { id, name } : null);
  return {
    id: topdeskUuid(s),
    status: 'secondLine',
    number: topdeskNumber(s),
    request: `${s.subject}\n\n${s.requester.name}`,
    briefDescription: s.subject,
    callDate: at(s.createdAgo),
    caller: {
      id: `c0000000-0000-4000-8000-00000000000${s.id}`,
      dynamicName: s.requester.name,
      email: s.requester.email,
      branch: { id: `b0000000-0000-4000-8000-00000000000${s.id}`, name: s.organization },
    },
    callerBranch: { id: `b0000000-0000-4000-8000-00000000000${s.id}`, name: s.organization },
    callType: { id: 'ct-incident', name: 'Storing' },
    category: { id: 'cat-1', name: 'Software' },
    impact: obj(impactName, `imp-${s.impact}`),
    urgency: obj(urgencyName, `urg-${s.urgency}`),
    priority: obj(s.priority ?? null, `prio-${s.priority}`),
    duration: null,
    targetDate: null,
    sla: s.tier ? { id: `sla-${s.tier}`, name: `Scope4mation ${s.tier}` } : null,
    onHold: s.status === 'on-hold',
    onHoldDate: s.status === 'on-hold' && hold ? at(hold.ago) : null,
    onHoldDuration: 0,
    processingStatus:
      s.status === 'on-hold'
        ? { id: 'ps-hold', name: 'Wachten op klant' }
        : s.status === 'solved'
          ? { id: 'ps-done', name: 'Afgemeld' }
          : { id: 'ps-open', name: 'In behandeling' },
    responded: Boolean(reply),
    responseDate: reply ? at(reply.ago) : null,
    completed: Boolean(solved),
    completedDate: solved ? at(solved.ago) : null,
    closed: false,
    closedDate: null,
    creationDate: at(s.createdAgo),
    modificationDate: at(Math.min(s.createdAgo, ...s.events.map((e) => e.ago))),
    optionalFields1: { boolean1: Boolean(s.workaround), text1: s.tier ?? '' },
  };
}
