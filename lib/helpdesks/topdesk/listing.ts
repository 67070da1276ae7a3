/**
 * TOPdesk queue: open incidents from `/tas/api/incidents`, paged with `pageStart`/`pageSize`
 * (206 Partial Content: more pages follow; 200: last page; 204: nothing). Filters with FIQL
 * `query=completed==false` where the API supports it (TOPdesk 2019+; FIQL `query` on /tas/api/incidents:
 * https://developers.topdesk.com/explorer/?page=incident#/incident/getIncidents); an API that rejects `query`
 * (400) is asked again with the old `completed=false` parameter, and rows are filtered here as well.
 * Authenticates with the operator's application password when one is stored for the host.
 *
 * With `finished`, it lists the incidents completed in that range instead
 * (`completed==true;completedDate=ge=…;completedDate=lt=…`), for compliance history; without FIQL
 * it asks for `completed=true` and keeps only the rows completed in the range.
 */
import { z } from 'zod';
import { topdeskIso } from './normalize';
import { basicAuth, getJson, queryInstant } from '../http';
import { listingHttp } from '../listing';
import type { FinishedRange, QueueDeps, QueueResult, QueueTicket } from '../listing';

export const TOPDESK_OPEN_FIQL = 'completed==false';

/** FIQL for incidents completed in [from, to). */
export function topdeskCompletedFiql({ from, to }: FinishedRange): string {
  return `completed==true;completedDate=ge=${queryInstant(from)};completedDate=lt=${queryInstant(to)}`;
}

const TopdeskIncidentRow = z.looseObject({
  id: z.string().min(1),
  number: z.string().nullish(),
  briefDescription: z.string().nullish(),
  completed: z.boolean().nullish(),
  closed: z.boolean().nullish(),
  callDate: z.string().nullish(),
  creationDate: z.string().nullish(),
  completedDate: z.string().nullish(),
  processingStatus: z.looseObject({ name: z.string().nullish() }).nullish(),
  priority: z.looseObject({ name: z.string().nullish() }).nullish(),
});

export interface TopdeskQueueOptions {
  host: string;
  credentials?: { username: string; password: string } | null;
  /** Default 100 (TOPdesk's maximum is 10,000; 100 keeps responses small). */
  pageSize?: number;
  /** Use FIQL `query=` (default true). */
  fiql?: boolean;
  /** List the incidents completed in this range instead of the open ones. */
  finished?: FinishedRange | undefined;
}

export function topdeskQueueUrl(
  host: string,
  pageStart: number,
  pageSize: number,
  fiql: boolean,
  finished?: FinishedRange,
): string {
  const filter = finished
    ? fiql
      ? `&query=${encodeURIComponent(topdeskCompletedFiql(finished))}`
      : '&completed=true'
    : fiql
      ? `&query=${encodeURIComponent(TOPDESK_OPEN_FIQL)}`
      : '&completed=false';
  return `https://${host}/tas/api/incidents?pageStart=${pageStart}&pageSize=${pageSize}${filter}`;
}

/** Open incidents for the queue; for history, those completed in the range (checked here as well). */
function wanted(
  row: {
    completed?: boolean | null | undefined;
    closed?: boolean | null | undefined;
    completedDate?: string | null | undefined;
  },
  finished: FinishedRange | undefined,
): boolean {
  if (!finished) return row.completed !== true && row.closed !== true;
  const at = row.completedDate ? Date.parse(topdeskIso(row.completedDate)) : NaN;
  return (row.completed === true || row.closed === true) && at >= finished.from && at < finished.to;
}

export async function fetchTopdeskQueue(options: TopdeskQueueOptions, deps: QueueDeps): Promise<QueueResult> {
  const host = options.host.toLowerCase();
  const base = { helpdesk: 'topdesk' as const, host };
  const size = options.pageSize ?? 100;
  let fiql = options.fiql ?? true;
  const tickets: QueueTicket[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let pages = 0;
  let start = 0;
  const maxPages = deps.maxPages ?? 50;
  const init: RequestInit = options.credentials
    ? {
        method: 'GET',
        credentials: 'omit',
        headers: { Accept: 'application/json', Authorization: basicAuth(options.credentials) },
      }
    : { method: 'GET', credentials: 'include', headers: { Accept: 'application/json' } };
  const progress = (waitingMs?: number) =>
    deps.onProgress?.({
      ...base,
      page: pages,
      fetched: tickets.length,
      total: null,
      ...(waitingMs ? { waitingMs } : {}),
    });

  for (;;) {
    if (pages >= maxPages) return { ok: true, ...base, tickets, pages, skipped, truncated: true };
    const res = await getJson(
      topdeskQueueUrl(host, start, size, fiql, options.finished),
      listingHttp(deps, progress),
      init,
    );
    if (!res.ok) {
      if (fiql && pages === 0 && res.error.status === 400) {
        fiql = false; // an older TOPdesk without FIQL support
        continue;
      }
      return { ok: false, ...base, tickets, pages, skipped, error: res.error };
    }
    if (res.status === 204) break;
    if (!Array.isArray(res.body))
      return {
        ok: false,
        ...base,
        tickets,
        pages,
        skipped,
        error: { kind: 'malformed', message: 'unexpected TOPdesk response' },
      };
    pages++;
    for (const row of res.body) {
      const t = TopdeskIncidentRow.safeParse(row);
      if (!t.success) {
        skipped++;
        continue;
      }
      if (seen.has(t.data.id) || !wanted(t.data, options.finished)) continue;
      seen.add(t.data.id);
      tickets.push({
        ...base,
        ticketId: t.data.id,
        ticketKey: t.data.number ?? t.data.id,
        subject: t.data.briefDescription ?? '',
        link: `https://${host}/tas/secure/incident?unid=${t.data.id.replaceAll('-', '')}`,
        status: t.data.processingStatus?.name ?? null,
        priority: t.data.priority?.name ?? null,
        createdAt: t.data.callDate ?? t.data.creationDate ?? null,
        raw: t.data,
      });
    }
    progress();
    if (res.status !== 206 || res.body.length === 0) break;
    start += size;
  }
  return { ok: true, ...base, tickets, pages, skipped, truncated: false };
}
