/**
 * TOPdesk queue: open incidents from `/tas/api/incidents`, paged with `pageStart`/`pageSize`
 * (206 Partial Content: more pages follow; 200: last page; 204: nothing). Filters with FIQL
 * `query=completed==false` where the API supports it (TOPdesk 2019+); an API that rejects `query`
 * (400) is asked again with the old `completed=false` parameter, and rows are filtered here as well.
 * Authenticates with the operator's application password when one is stored for the host.
 */
import { z } from 'zod';
import { getJson } from './http';
import type { QueueDeps, QueueResult, QueueTicket } from './types';

export const TOPDESK_OPEN_FIQL = 'completed==false';

const TopdeskIncidentRow = z.looseObject({
  id: z.string().min(1),
  number: z.string().nullish(),
  briefDescription: z.string().nullish(),
  completed: z.boolean().nullish(),
  closed: z.boolean().nullish(),
  callDate: z.string().nullish(),
  creationDate: z.string().nullish(),
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
}

export function topdeskQueueUrl(host: string, pageStart: number, pageSize: number, fiql: boolean): string {
  const filter = fiql ? `&query=${encodeURIComponent(TOPDESK_OPEN_FIQL)}` : '&completed=false';
  return `https://${host}/tas/api/incidents?pageStart=${pageStart}&pageSize=${pageSize}${filter}`;
}

function basicAuth(c: { username: string; password: string }): string {
  const bytes = new TextEncoder().encode(`${c.username}:${c.password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
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
    const res = await getJson(topdeskQueueUrl(host, start, size, fiql), init, {
      ...deps,
      onWait: (ms) => progress(ms),
    });
    if (!res.ok) {
      if (fiql && pages === 0 && res.error.kind === 'http' && res.error.status === 400) {
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
        error: { kind: 'parse', message: 'unexpected TOPdesk response' },
      };
    pages++;
    for (const row of res.body) {
      const t = TopdeskIncidentRow.safeParse(row);
      if (!t.success) {
        skipped++;
        continue;
      }
      if (t.data.completed === true || t.data.closed === true || seen.has(t.data.id)) continue;
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
