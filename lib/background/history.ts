/**
 * Compliance history: the tickets a helpdesk finished in a period (Zendesk: solved; TOPdesk:
 * completed), read from its API as the queue refresh reads tickets, evaluated by the engine and kept
 * in the compliance archive. Compliance for the period then counts every ticket finished in it, not
 * only those the extension happened to see finish.
 */
import { finishedRecords, type FinishedRecord, type PeriodRange } from '../compliance';
import type { HttpDeps } from '../helpdesks/http';
import { fetchTopdeskQueue, fetchZendeskQueue, type FinishedRange, type QueueResult } from '../queue';
import { emptyRegistry, registryKey, upsertEntry } from '../registry';
import type { Policy } from '../sla';
import type { Assignment, Credentials } from '../storage/schemas';
import {
  describeQueueError,
  listingDeps,
  readDetail,
  ticketInputs,
  unreadableMessage,
  type Progress,
  type RefreshDeps,
  type RefreshError,
} from './helpdesk-read';
import type { BackgroundState } from './state';

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
  const result: QueueResult =
    helpdesk === 'zendesk'
      ? await fetchZendeskQueue({ host, finished: range }, listing)
      : await fetchTopdeskQueue({ host, credentials: credentials[host] ?? null, finished: range }, listing);
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
    const updatedAt = typeof t.raw.updated_at === 'string' ? t.raw.updated_at : undefined;
    const known = archived.get(key);
    if (known && updatedAt !== undefined && known.sourceUpdatedAt === updatedAt) {
      records.push(known);
      progress({ done: ++done, total: result.tickets.length });
      continue;
    }
    // TOPdesk's listing holds the whole incident; Zendesk's answer needs the ticket's audits.
    let payload: unknown = { incident: t.raw };
    if (helpdesk === 'zendesk') {
      const d = await readDetail(helpdesk, host, t.ticketId, credentials, http);
      payload = d.ok ? d.payload : null;
      if (!d.ok) unreadable.push(`${t.ticketKey}: ${d.message}`);
    }
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
