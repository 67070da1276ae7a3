/**
 * Zendesk Agent Workspace, page side (content script). Example URLs:
 *   https://mextra.zendesk.com/agent/tickets/1001          → ticket 1001
 *   https://mextra.zendesk.com/agent/tickets/1001/events   → ticket 1001
 *   https://mextra.zendesk.com/agent/dashboard             → no ticket
 *   https://mextra.zendesk.com/agent/filters/360001        → no ticket
 * Reads `/api/v2/tickets/{id}.json` and every page of its audits with the agent's session; when the
 * API refuses (401/403/network), reads what the page shows and marks it partial.
 */
import type { PageRead } from '../../messaging/sidebar';
import { cachedReader, getJson, type HttpDeps } from '../http';
import type { ReadError } from '../types';

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;
/** Audits pages followed at most (100 audits a page in Zendesk). */
const MAX_AUDIT_PAGES = 20;

export function zendeskTicketId(url: string): string | null {
  try {
    const u = new URL(url);
    return TICKET_PATH.exec(u.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Selectors for the DOM fallback, most specific first. Each names the UI variant it serves; when
 * Zendesk changes its markup, add the new selector on top and keep the old ones.
 */
export const ZENDESK_SELECTORS = {
  subject: [
    'input[data-test-id="omni-header-subject"]', // Agent Workspace (2021–): subject input in the ticket header
    '[data-test-id="ticket-pane-subject"]', // Agent Workspace, read-only subject (closed tickets)
    'input[name="subject"]', // legacy agent interface
  ],
  status: [
    '[data-test-id="ticket-field-status"] .value', // fake/demo workspace field list
    '[data-test-id="ticket-status-tag"]', // Agent Workspace status badge in the header
    '[data-garden-id="tags.tag"][data-test-id*="status"]', // Garden tag variant (2023–)
  ],
  priority: [
    '[data-test-id="ticket-field-priority"] .value', // fake/demo workspace field list
    '[data-test-id="ticket-form-field-priority"] [data-garden-id="dropdowns.select"]', // Agent Workspace priority dropdown
  ],
  requester: [
    '[data-test-id="ticket-field-requester"] .value', // fake/demo workspace field list
    '[data-test-id="ticket-system-field-requester-select"] [data-garden-id="tags.tag"]', // Agent Workspace requester tag
  ],
} as const;

function firstText(doc: ParentNode, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const value = el instanceof HTMLInputElement ? el.value : el.textContent;
    const text = value?.replace(/\s+/g, ' ').trim();
    if (text) return text.slice(0, 2000);
  }
  return undefined;
}

export function readZendeskDom(doc: ParentNode, id: string): Record<string, string> {
  const fields: Record<string, string> = { ticketKey: `#${id}` };
  for (const [name, selectors] of Object.entries(ZENDESK_SELECTORS)) {
    const v = firstText(doc, selectors);
    if (v !== undefined) fields[name] = v;
  }
  return fields;
}

type Loose = Record<string, unknown>;
const pick = (o: unknown, keys: readonly string[]): unknown => {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return o;
  const out: Loose = {};
  for (const k of keys) if (Object.hasOwn(o, k)) out[k] = (o as Loose)[k];
  return out;
};
const pickAll = (list: unknown, keys: readonly string[]) =>
  Array.isArray(list) ? list.map((x) => pick(x, keys)) : list;

/**
 * An audits page cut down to what the background's normaliser reads (zendesk/normalize.ts
 * `ZendeskAuditsPage`): comment bodies, HTML and metadata — most of a busy ticket's megabytes — are
 * dropped before the page is cached and sent. Anything that is not the expected shape is kept as
 * is, for the background to report.
 */
export function compactAuditsPage(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !Array.isArray((body as Loose).audits)) return body;
  const b = body as Loose;
  return {
    audits: (b.audits as unknown[]).map((a) => {
      const audit = pick(a, ['created_at', 'author_id', 'events']);
      if (audit && typeof audit === 'object' && Array.isArray((audit as Loose).events))
        (audit as Loose).events = pickAll((audit as Loose).events, [
          'type',
          'field_name',
          'value',
          'previous_value',
          'public',
          'author_id',
        ]);
      return audit;
    }),
    ...(Object.hasOwn(b, 'users')
      ? { users: pickAll(b.users, ['id', 'name', 'role', 'iana_time_zone']) }
      : {}),
    ...(Object.hasOwn(b, 'next_page') ? { next_page: b.next_page } : {}),
  };
}

/** The ticket itself, with the sideloads the normaliser reads. */
export const zendeskTicketUrl = (origin: string, id: string) =>
  `${origin}/api/v2/tickets/${id}.json?include=slas,users,organizations`;

export async function fetchZendeskTicket(
  origin: string,
  id: string,
  deps: HttpDeps,
): Promise<{ ok: true; payload: { ticket: unknown; audits: unknown[] } } | { ok: false; error: ReadError }> {
  const ticket = await getJson(zendeskTicketUrl(origin, id), deps);
  if (!ticket.ok) return ticket;
  const audits = await fetchZendeskAudits(origin, id, deps);
  if (!audits.ok) return audits;
  return { ok: true, payload: { ticket: ticket.body, audits: audits.audits } };
}

/**
 * Every page of a ticket's audits (users sideloaded), compacted. The queue watch reads only these for a
 * changed ticket whose listing already carried the ticket object (lib/background/helpdesk-read.ts).
 */
export async function fetchZendeskAudits(
  origin: string,
  id: string,
  deps: HttpDeps,
): Promise<{ ok: true; audits: unknown[] } | { ok: false; error: ReadError }> {
  const audits: unknown[] = [];
  let next: string | null = `${origin}/api/v2/tickets/${id}/audits.json?include=users`;
  while (next && audits.length < MAX_AUDIT_PAGES) {
    const page = await getJson(next, deps);
    if (!page.ok) return page;
    audits.push(compactAuditsPage(page.body));
    const link = (page.body as { next_page?: unknown } | null)?.next_page;
    // Follow pagination only on the same origin: the session cookie must not go elsewhere.
    next = typeof link === 'string' && link.startsWith(`${origin}/`) ? link : null;
  }
  return { ok: true, audits };
}

/** API refusals that the DOM fallback can stand in for. */
const FALLBACK_KINDS = new Set(['unauthorized', 'forbidden', 'network']);

export function createZendeskReader(deps: HttpDeps & { origin: string; doc: () => Document }) {
  const read = cachedReader(async (id): Promise<PageRead> => {
    const r = await fetchZendeskTicket(deps.origin, id, deps);
    if (r.ok) return { kind: 'api', payload: r.payload };
    if (FALLBACK_KINDS.has(r.error.kind))
      return { kind: 'dom', fields: readZendeskDom(deps.doc(), id), apiError: r.error };
    return { kind: 'error', error: r.error.kind === 'not-found' ? { ...r.error, kind: 'deleted' } : r.error };
  }, 60_000);
  return read;
}
