/**
 * Zendesk queue: the tickets of a configured view (`/api/v2/views/{id}/tickets.json`), or else a search
 * for unsolved tickets (`/api/v2/search.json?query=type:ticket status<solved`). Both paginate through
 * `next_page`, which is followed only on the same host (the session cookie must not go elsewhere).
 * Runs in the background with the agent's Zendesk session (`credentials: 'include'`).
 * Note: Zendesk search returns at most 1,000 results; configure a view for larger queues
 * (https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/).
 *
 * With `finished`, the search lists the tickets solved in that range instead
 * (`type:ticket status>=solved solved>=… solved<…`), for compliance history; views are not used then.
 * A range holding more than the search's 1,000 results is read in halves, as often as needed.
 */
import { z } from 'zod';
import { getJson, queryInstant } from '../http';
import { listingHttp } from '../listing';
import type { FinishedRange, QueueDeps, QueueResult, QueueTicket } from '../listing';

export const ZENDESK_UNSOLVED_QUERY = 'type:ticket status<solved';
/** Zendesk search answers at most this many results per query (page 11 and on: HTTP 422). */
export const ZENDESK_SEARCH_MAX = 1000;

/** Zendesk search for tickets solved in [from, to) (ISO 8601 instants, which its search accepts). */
export function zendeskSolvedQuery({ from, to }: FinishedRange): string {
  return `type:ticket status>=solved solved>=${queryInstant(from)} solved<${queryInstant(to)}`;
}

const ZendeskTicketRow = z.looseObject({
  id: z.number().int(),
  subject: z.string().nullish(),
  raw_subject: z.string().nullish(),
  status: z.string().nullish(),
  priority: z.string().nullish(),
  created_at: z.string().nullish(),
  result_type: z.string().optional(),
});
const ZendeskPage = z.looseObject({
  tickets: z.array(z.unknown()).optional(),
  results: z.array(z.unknown()).optional(),
  next_page: z.string().nullish(),
  count: z.number().nullish(),
  organizations: z.array(z.unknown()).optional(),
});
const SideloadedOrg = z.looseObject({ id: z.union([z.number(), z.string()]) });

export interface ZendeskQueueOptions {
  host: string;
  /** A view id configured in Options; without it the search for unsolved tickets is used. */
  viewId?: string | number | null;
  /** List the tickets solved in this range instead of the open queue. */
  finished?: FinishedRange | undefined;
}

/**
 * Both listings sideload the tickets' organisations, so a listed ticket's customer (its organisation's
 * name, README "Ticket facts") needs no read of its own: search with `include=tickets(organizations)`,
 * views with `include=organizations` (https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/).
 */
const searchUrl = (host: string, query: string) =>
  `https://${host}/api/v2/search.json?query=${encodeURIComponent(query)}&include=${encodeURIComponent('tickets(organizations)')}`;

export function zendeskQueueUrl({ host, viewId, finished }: ZendeskQueueOptions): string {
  if (finished) return searchUrl(host, zendeskSolvedQuery(finished));
  return viewId !== undefined && viewId !== null && String(viewId) !== ''
    ? `https://${host}/api/v2/views/${encodeURIComponent(String(viewId))}/tickets.json?include=organizations`
    : searchUrl(host, ZENDESK_UNSOLVED_QUERY);
}

export async function fetchZendeskQueue(options: ZendeskQueueOptions, deps: QueueDeps): Promise<QueueResult> {
  const host = options.host.toLowerCase();
  const base = { helpdesk: 'zendesk' as const, host };
  const tickets: QueueTicket[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let pages = 0;
  let total: number | null = null;
  let url: string | null = zendeskQueueUrl({ ...options, host });
  const maxPages = deps.maxPages ?? 50;
  const progress = (waitingMs?: number) =>
    deps.onProgress?.({
      ...base,
      page: pages,
      fetched: tickets.length,
      total,
      ...(waitingMs ? { waitingMs } : {}),
    });

  while (url) {
    if (pages >= maxPages) return { ok: true, ...base, tickets, pages, skipped, truncated: true };
    const res = await getJson(url, listingHttp(deps, progress), {
      method: 'GET',
      credentials: 'include',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return { ok: false, ...base, tickets, pages, skipped, error: res.error };
    const page = ZendeskPage.safeParse(res.body);
    if (!page.success)
      return {
        ok: false,
        ...base,
        tickets,
        pages,
        skipped,
        error: { kind: 'malformed', message: 'unexpected Zendesk response' },
      };
    pages++;
    total = page.data.count ?? total;
    const range = options.finished;
    if (range && pages === 1 && (total ?? 0) > ZENDESK_SEARCH_MAX && range.to - range.from > 60_000)
      return readInHalves({ ...options, host }, range, deps, pages);
    const orgs = new Map<string, unknown>();
    for (const o of page.data.organizations ?? []) {
      const org = SideloadedOrg.safeParse(o);
      if (org.success) orgs.set(String(org.data.id), org.data);
    }
    for (const row of page.data.tickets ?? page.data.results ?? []) {
      const t = ZendeskTicketRow.safeParse(row);
      if (!t.success || (t.data.result_type !== undefined && t.data.result_type !== 'ticket')) {
        skipped++;
        continue;
      }
      const id = String(t.data.id);
      if (seen.has(id)) continue; // pages can shift while we read them
      seen.add(id);
      // The ticket's sideloaded organisation travels with it (`readListed` hands it to the normaliser).
      const org = orgs.get(String(t.data.organization_id));
      tickets.push({
        ...base,
        ticketId: id,
        ticketKey: `#${id}`,
        subject: t.data.subject ?? t.data.raw_subject ?? '',
        link: `https://${host}/agent/tickets/${id}`,
        status: t.data.status ?? null,
        priority: t.data.priority ?? null,
        createdAt: t.data.created_at ?? null,
        raw: org ? { ...t.data, organizations: [org] } : t.data,
      });
    }
    progress();
    const next: string | null = page.data.next_page ?? null;
    if (next !== null && !sameHost(next, host))
      return {
        ok: false,
        ...base,
        tickets,
        pages,
        skipped,
        error: { kind: 'malformed', message: `next_page points to another host; not followed` },
      };
    url = next;
  }
  return { ok: true, ...base, tickets, pages, skipped, truncated: false };
}

/** A finished-ticket range too large for one search, read as two halves (each split again if needed). */
async function readInHalves(
  options: ZendeskQueueOptions,
  range: FinishedRange,
  deps: QueueDeps,
  pagesSoFar: number,
): Promise<QueueResult> {
  const mid = range.from + Math.floor((range.to - range.from) / 2);
  const first = await fetchZendeskQueue({ ...options, finished: { from: range.from, to: mid } }, deps);
  if (!first.ok) return { ...first, pages: first.pages + pagesSoFar };
  const second = await fetchZendeskQueue({ ...options, finished: { from: mid, to: range.to } }, deps);
  const seen = new Set(first.tickets.map((t) => t.ticketId));
  const merged = {
    helpdesk: 'zendesk' as const,
    host: first.host,
    tickets: [...first.tickets, ...second.tickets.filter((t) => !seen.has(t.ticketId))],
    pages: pagesSoFar + first.pages + second.pages,
    skipped: first.skipped + second.skipped,
  };
  return second.ok
    ? { ...merged, ok: true, truncated: first.truncated || second.truncated }
    : { ...merged, ok: false, error: second.error };
}

function sameHost(url: string, host: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.host.toLowerCase() === host;
  } catch {
    return false;
  }
}
