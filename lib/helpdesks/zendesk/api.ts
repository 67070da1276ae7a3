/**
 * Zendesk's ticket API, read by the content script (with the agent's session) and by the worker (the
 * queue watch and the compliance history): the ticket with its sideloads, and every page of its
 * audits. Zod-free: the content script bundles it; the worker's normaliser validates the bodies.
 * API: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket and
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/
 */
import { getJson, type HttpDeps } from '../http';
import type { ReadError } from '../types';

/** Audits pages followed at most (100 audits a page in Zendesk). */
const MAX_AUDIT_PAGES = 20;

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
 * changed ticket whose listing already carried the ticket object (lib/helpdesks/zendesk/index.ts `readListed`).
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
