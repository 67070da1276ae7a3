/**
 * Compliance history: the tickets a helpdesk finished in a period (Zendesk: solved; TOPdesk:
 * completed), read from its API as the queue watch reads tickets, evaluated by the engine and kept
 * in the compliance archive. Compliance for the period then counts every ticket finished in it, not
 * only those the extension happened to see finish.
 *
 * Also the reading both share (the watch imports it from here): the listing's dependencies, a listed
 * ticket turned into a registry input evaluated by the engine, and listing failures in words. Every
 * helpdesk-specific step is `WORKERS[helpdesk]` (lib/helpdesks/workers.ts).
 */
import { finishedRecords, type FinishedRecord, type PeriodRange } from '../compliance';
import { normalizeWith, WORKERS } from '../helpdesks';
import type { HttpDeps, HttpError } from '../helpdesks/http';
import type { FinishedRange, QueueDeps, QueueResult, QueueTicket } from '../helpdesks/listing';
import { emptyRegistry, MAX_STORED_INTERVALS, registryKey, upsertEntry, type UpsertInput } from '../registry';
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

export type { Detail } from '../helpdesks/types';

/**
 * Turns a listed ticket and its API payload into a registry input, normalised with the host's mapping
 * and evaluated at `now`; null (and a line in `unreadable`) when the payload cannot be read. Without
 * a listing (the CLI's saved payloads) `t` names only where the payload came from (`ticketKey`, for
 * `unreadable`), and the ticket's id, subject and link come from the adapter.
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
    t: Pick<QueueTicket, 'ticketKey'> & Partial<Pick<QueueTicket, 'ticketId' | 'subject' | 'link'>>,
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
      ticketId: t.ticketId ?? n.ticketId,
      ticketKey: n.display.ticketKey || t.ticketKey,
      subject: n.display.subject || (t.subject ?? ''),
      link: t.link ?? n.display.link,
      ticket: n.ticket,
      facts: n.facts,
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
export function describeQueueError(e: Pick<HttpError, 'kind' | 'status' | 'message'>): string {
  switch (e.kind) {
    case 'unauthorized':
    case 'forbidden':
      return `not signed in or no access (${e.message}) — sign in to the helpdesk, or store an application password in Options`;
    case 'rate-limited':
      return `the helpdesk asked to slow down (${e.message}); try again in a minute`;
    default:
      return e.message;
  }
}

// ---------------------------------------------------------------------------------------------
// compliance history

/**
 * The key under which a history load is remembered (`QueueState.historyLoads`): the month ("this
 * month" is its month), or the 30 days starting on a day.
 */
export const historyKey = (r: PeriodRange) =>
  r.period.kind === 'last-30-days' ? `30d:${r.firstDay}` : `month:${r.firstDay.slice(0, 7)}`;

export interface HostHistory {
  records: FinishedRecord[];
  errors: RefreshError[];
}

/**
 * The finished tickets of one assigned host in `range`, as compliance records. A Zendesk ticket
 * already archived from an earlier read with the same `updated_at` is not read again.
 */
export async function historyOfHost(
  assignment: Assignment,
  policy: Policy,
  state: Pick<BackgroundState, 'preferences'>,
  credentials: Credentials,
  range: FinishedRange,
  deps: RefreshDeps,
  progress: Progress,
  archived: ReadonlyMap<string, FinishedRecord> = new Map(),
): Promise<HostHistory> {
  const { host, helpdesk } = assignment;
  const errors: RefreshError[] = [];
  const fail = (message: string) => errors.push({ helpdesk, host, message });
  const listing = listingDeps(deps, progress);
  const worker = WORKERS[helpdesk];
  const credential = credentials[host] ?? null;
  const result: QueueResult = await worker.list(
    { host, mapping: assignment.mapping, credential, finished: range },
    listing,
  );
  if (!result.ok) fail(describeQueueError(result.error));
  else if (result.truncated)
    fail(`only the first ${result.tickets.length} finished tickets were read: the period holds more`);

  const unreadable: string[] = [];
  const now = deps.now();
  const toInput = ticketInputs(assignment, policy, state, now, unreadable);
  const http: HttpDeps = { fetch: deps.fetch, sleep: deps.sleep };
  const records: FinishedRecord[] = [];
  let done = 0;
  for (const t of result.tickets) {
    const key = registryKey(helpdesk, host, t.ticketId);
    // A complete listing costs no read: its tickets are evaluated afresh, never taken from the archive.
    const updatedAt = worker.listingIsComplete ? undefined : (worker.changeStamp(t.raw) ?? undefined);
    const known = archived.get(key);
    if (known && updatedAt !== undefined && known.sourceUpdatedAt === updatedAt) {
      records.push(known);
      progress({ done: ++done, total: result.tickets.length });
      continue;
    }
    // A complete listing (TOPdesk) holds the whole ticket; otherwise (Zendesk) it is read whole.
    const d = worker.listingIsComplete
      ? await worker.readListed(host, t.raw, assignment.mapping, http)
      : await worker.readDetail(host, t.ticketId, credential, http);
    const payload = d.ok ? d.payload : null;
    if (!d.ok) unreadable.push(`${t.ticketKey}: ${d.message}`);
    const input = payload === null ? null : toInput(t, payload);
    if (input) {
      const entry = upsertEntry(emptyRegistry(), input, now).entries[key];
      for (const r of entry ? finishedRecords([entry]) : [])
        records.push(updatedAt === undefined ? r : { ...r, sourceUpdatedAt: updatedAt });
    }
    progress({ done: ++done, total: result.tickets.length });
  }
  if (unreadable.length > 0) fail(unreadableMessage(unreadable));
  return { records, errors };
}
