/**
 * Reading tickets from a helpdesk's API in the worker, shared by the queue refresh and the compliance
 * history: one ticket's detail (Zendesk audits, a TOPdesk incident), the listing's dependencies, and a
 * listed ticket turned into a registry input evaluated by the engine.
 */
import { normalizeWith } from '../helpdesks';
import { getJson as getTicketJson, type HttpDeps } from '../helpdesks/http';
import { incidentApiUrl } from '../helpdesks/topdesk/page';
import { fetchZendeskAudits, fetchZendeskTicket, zendeskTicketUrl } from '../helpdesks/zendesk/page';
import type { QueueDeps, QueueTicket } from '../queue';
import { basicAuth } from '../queue/http';
import { MAX_STORED_INTERVALS, type UpsertInput } from '../registry';
import { evaluate, type Policy } from '../sla';
import type { Assignment, Credentials, QueueState } from '../storage/schemas';
import type { BackgroundState } from './state';

export interface RefreshDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** One host's problem in a refresh, as stored in the queue state and shown in the popup. */
export type RefreshError = QueueState['refresh']['errors'][number];

export type Progress = (
  p: { done: number; total: number | null; waitingMs?: number },
  force?: boolean,
) => void;

/** The listing's dependencies, reporting pages read (and 429 waits) as progress. */
export function listingDeps(deps: RefreshDeps, progress: Progress): QueueDeps {
  return {
    fetch: deps.fetch,
    sleep: deps.sleep,
    now: deps.now,
    onProgress: (p) =>
      progress({ done: p.fetched, total: p.total, ...(p.waitingMs ? { waitingMs: p.waitingMs } : {}) }),
  };
}

/** One ticket read through the API as the sidebar reads it, or why not. */
export type Detail = { ok: true; payload: unknown } | { ok: false; notFound: boolean; message: string };

export async function readDetail(
  helpdesk: 'zendesk' | 'topdesk',
  host: string,
  ticketId: string,
  credentials: Credentials,
  http: HttpDeps,
): Promise<Detail> {
  if (helpdesk === 'zendesk') {
    const r = await fetchZendeskTicket(`https://${host}`, ticketId, http);
    return r.ok ? r : { ok: false, notFound: r.error.kind === 'not-found', message: r.error.message };
  }
  const cred = credentials[host];
  const r = await getTicketJson(
    incidentApiUrl(`https://${host}`, `id:${ticketId}`),
    http,
    cred ? { credentials: 'omit', headers: { Authorization: basicAuth(cred) } } : {},
  );
  return r.ok
    ? { ok: true, payload: { incident: r.body } }
    : { ok: false, notFound: r.error.kind === 'not-found', message: r.error.message };
}

const zendeskDetail = (r: Awaited<ReturnType<typeof fetchZendeskTicket>>): Detail =>
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
  mapping: Assignment['mapping'],
  http: HttpDeps,
): Promise<Detail> {
  const origin = `https://${host}`;
  const id = String(listed.id);
  const tier = (mapping as { tier?: { from?: unknown } } | undefined)?.tier;
  if (tier?.from === 'org-tag' && listed.organization_id !== null && listed.organization_id !== undefined)
    return zendeskDetail(await fetchZendeskTicket(origin, id, http));
  const r = await fetchZendeskAudits(origin, id, http);
  if (!r.ok) return zendeskDetail(r);
  const requester = listed.requester_id;
  if (requester !== null && requester !== undefined) {
    const users = r.audits.flatMap((page) => {
      const list = (page as { users?: unknown } | null)?.users;
      return Array.isArray(list) ? list : [];
    });
    if (!users.some((u) => String((u as { id?: unknown } | null)?.id) === String(requester))) {
      const t = await getTicketJson(zendeskTicketUrl(origin, id), http);
      return t.ok
        ? { ok: true, payload: { ticket: t.body, audits: r.audits } }
        : { ok: false, notFound: t.error.kind === 'not-found', message: t.error.message };
    }
  }
  const { result_type: _r, ...ticket } = listed;
  return { ok: true, payload: { ticket: { ticket }, audits: r.audits } };
}

/**
 * Turns a listed ticket and its API payload into a registry input, normalised with the host's mapping
 * and evaluated at `now`; null (and a line in `unreadable`) when the payload cannot be read.
 */
export function ticketInputs(
  assignment: Assignment,
  policy: Policy,
  state: Pick<BackgroundState, 'preferences'>,
  now: number,
  unreadable: string[],
) {
  const { helpdesk, host } = assignment;
  const evalOptions = {
    atRiskRemainingShare: state.preferences.atRiskPercent / 100,
    explain: false,
    maxIntervals: MAX_STORED_INTERVALS,
  };
  return (
    t: Pick<QueueTicket, 'ticketId' | 'ticketKey' | 'subject' | 'link'>,
    payload: unknown,
  ): UpsertInput | null => {
    let n: ReturnType<typeof normalizeWith>;
    try {
      n = normalizeWith(helpdesk, payload, assignment.mapping, policy, host);
    } catch (e) {
      // One ticket the adapter cannot read never stops the refresh of the others (or other hosts).
      unreadable.push(`${t.ticketKey}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    if (!n.ok) {
      unreadable.push(`${t.ticketKey}: ${n.problem.message}`);
      return null;
    }
    let evaluation = null;
    try {
      evaluation = evaluate(policy, n.ticket, now, {
        ...evalOptions,
        ...(n.origin ? { origin: n.origin } : {}),
      });
    } catch (e) {
      unreadable.push(`${t.ticketKey}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return {
      helpdesk,
      host,
      ticketId: t.ticketId,
      ticketKey: n.display.ticketKey || t.ticketKey,
      subject: n.display.subject || t.subject,
      link: t.link,
      ticket: n.ticket,
      source: 'queue' as const,
      policyId: policy.id,
      evaluation,
    };
  };
}

/** "3 ticket(s) could not be read: #1: …; #2: …; #3: … …" */
export function unreadableMessage(unreadable: readonly string[]): string {
  return `${unreadable.length} ticket(s) could not be read: ${unreadable.slice(0, 3).join('; ')}${unreadable.length > 3 ? ' …' : ''}`;
}

/** A listing failure in words an agent can act on. */
export function describeQueueError(e: { kind: string; status?: number; message: string }): string {
  switch (e.kind) {
    case 'auth':
      return `not signed in or no access (${e.message}) — sign in to the helpdesk, or store an application password in Options`;
    case 'rate-limited':
      return `the helpdesk asked to slow down (${e.message}); try again in a minute`;
    default:
      return e.message;
  }
}
