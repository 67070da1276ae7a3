/**
 * Zendesk's worker (background and CLI): what generic code does with a Zendesk host, looked up as
 * `WORKERS.zendesk` (../workers.ts). The page side is page.ts (content script only).
 */
import type { Detail, HelpdeskWorker } from '../types';
import { getJson, type HttpDeps } from '../http';
import { fetchZendeskAudits, fetchZendeskTicket, zendeskTicketUrl } from './api';
import { fetchZendeskQueue } from './listing';
import { normalizeZendesk } from './normalize';

/** Zendesk view id configured for the host's queue (Options: `mapping.queue.viewId`). */
export function viewIdOf(mapping: unknown): string | null {
  const queue = (mapping as { queue?: unknown } | null | undefined)?.queue;
  const id = queue && typeof queue === 'object' ? (queue as { viewId?: unknown }).viewId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

const detail = (r: Awaited<ReturnType<typeof fetchZendeskTicket>>): Detail =>
  r.ok ? r : { ok: false, notFound: r.error.kind === 'not-found', message: r.error.message };

/**
 * A Zendesk ticket the queue listing returned (`listed` is the listing's ticket object): its audits
 * only, the ticket object taken from the listing — one request instead of two. The ticket itself is
 * read as well only when the listing lacks what the normaliser needs from its sideloads: the
 * organisation (a tier mapped from organisation tags) or the requester (not among the audits'
 * users, so no time zone otherwise). `readDetail` stays the path for a ticket the listing lacks.
 */
export async function readListedZendesk(
  host: string,
  listed: Record<string, unknown>,
  mapping: unknown,
  http: HttpDeps,
): Promise<Detail> {
  const origin = `https://${host}`;
  const id = String(listed.id);
  const tier = (mapping as { tier?: { from?: unknown } } | undefined)?.tier;
  if (tier?.from === 'org-tag' && listed.organization_id !== null && listed.organization_id !== undefined)
    return detail(await fetchZendeskTicket(origin, id, http));
  const r = await fetchZendeskAudits(origin, id, http);
  if (!r.ok) return detail(r);
  const requester = listed.requester_id;
  if (requester !== null && requester !== undefined) {
    const users = r.audits.flatMap((page) => {
      const list = (page as { users?: unknown } | null)?.users;
      return Array.isArray(list) ? list : [];
    });
    if (!users.some((u) => String((u as { id?: unknown } | null)?.id) === String(requester))) {
      const t = await getJson(zendeskTicketUrl(origin, id), http);
      return t.ok
        ? { ok: true, payload: { ticket: t.body, audits: r.audits } }
        : { ok: false, notFound: t.error.kind === 'not-found', message: t.error.message };
    }
  }
  const { result_type: _r, organizations, ...ticket } = listed;
  return {
    ok: true,
    payload: {
      ticket: { ticket, ...(Array.isArray(organizations) ? { organizations } : {}) },
      audits: r.audits,
    },
  };
}

export const zendeskWorker: HelpdeskWorker = {
  normalize: normalizeZendesk,
  // History lists by search only: a configured view is the open queue.
  list: ({ host, mapping, finished }, deps) =>
    fetchZendeskQueue(finished ? { host, finished } : { host, viewId: viewIdOf(mapping) }, deps),
  listingIsComplete: false,
  changeStamp: (listed) => (typeof listed.updated_at === 'string' ? listed.updated_at : null),
  readListed: readListedZendesk,
  readDetail: async (host, ticketId, _credential, http) =>
    detail(await fetchZendeskTicket(`https://${host}`, ticketId, http)),
  payloadFromFiles: ({ ticket, audits }) => ({ ticket, audits: audits ?? [] }),
};
