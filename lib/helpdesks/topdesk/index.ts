/**
 * TOPdesk's worker (background and CLI): what generic code does with a TOPdesk host, looked up as
 * `WORKERS.topdesk` (../workers.ts). The page side is page.ts (content script only).
 */
import type { HelpdeskWorker } from '../types';
import { fetchTopdeskIncident } from './api';
import { readWithApplicationPassword, refusedByTopdesk } from './app-password';
import { fetchTopdeskQueue } from './listing';
import { normalizeTopdesk } from './normalize';

export const topdeskWorker: HelpdeskWorker = {
  normalize: normalizeTopdesk,
  list: ({ host, credential, finished }, deps) =>
    fetchTopdeskQueue({ host, credentials: credential, finished }, deps),
  // TOPdesk's listing carries the whole incident: a new or modified one needs no further read.
  listingIsComplete: true,
  changeStamp: (listed) => (typeof listed.modificationDate === 'string' ? listed.modificationDate : null),
  readListed: async (_host, listed) => ({ ok: true, payload: { incident: listed } }),
  readDetail: async (host, ticketId, credential, http) => {
    const r = await fetchTopdeskIncident(`https://${host}`, `id:${ticketId}`, http, credential);
    return r.ok ? r : { ok: false, notFound: r.error.kind === 'not-found', message: r.error.message };
  },
  payloadFromFiles: ({ ticket }) => ({ incident: ticket }),
  retryRefusedRead: async (host, ticketId, read, credential, http) => {
    if (!refusedByTopdesk(read)) return null;
    const stored = await credential();
    return stored ? readWithApplicationPassword(host, ticketId, { [host]: stored }, http) : null;
  },
};
