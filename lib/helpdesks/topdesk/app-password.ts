/**
 * TOPdesk with an application password: when TOPdesk refuses the agent's browser session (401/403),
 * the background retries the read with the application password the admin stored in Options for
 * that host — HTTP Basic, sent only to that host (the URL is built from the host the content script
 * reported and that the stored credential is keyed by).
 */
import { pageError, type HttpDeps } from '../http';
import { fetchTopdeskIncident } from './api';
import type { PageRead } from '../../messaging/sidebar';
import type { Credentials } from '../../storage/schemas';

const REFUSED = new Set(['unauthorized', 'forbidden']);

export function refusedByTopdesk(read: PageRead): boolean {
  const error = read.kind === 'dom' ? read.apiError : read.kind === 'error' ? read.error : null;
  return error !== null && REFUSED.has(error.kind);
}

export async function readWithApplicationPassword(
  host: string,
  ticketId: string,
  credentials: Credentials,
  deps: HttpDeps,
): Promise<PageRead | null> {
  const cred = credentials[host];
  if (!cred || !/^(id|number):/.test(ticketId)) return null;
  const r = await fetchTopdeskIncident(`https://${host}`, ticketId, deps, cred);
  if (r.ok) return { kind: 'api', payload: r.payload };
  return {
    kind: 'error',
    error: { ...pageError(r.error), message: `${r.error.message} (with the application password)` },
  };
}
