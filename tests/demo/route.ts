/**
 * Answers the demo helpdesk hosts inside a Playwright browser context: pages and REST API alike
 * (context.route also answers fetches made by the extension's service worker). Used by
 * `npm start` and by the e2e suite; nothing here touches the network.
 */
import type { BrowserContext } from '@playwright/test';
import { DEMO_HISTORY, DEMO_HOSTS, DEMO_SCENARIOS, solvedAt, type DemoScenario } from './scenarios';
import { topdeskIncident, topdeskUuid, zendeskAudits, zendeskOrganization, zendeskTicket } from './payloads';
import { topdeskIncidentPage, topdeskShellPage, zendeskPage } from './pages';

export interface DemoOptions {
  /** The demo's "now" in epoch ms: tickets are created relative to it. */
  now: number;
  /** Scenarios served (default: all). Tests may edit them between requests. */
  scenarios?: DemoScenario[];
  /** Finished tickets served to finished-ticket listings and by id (default: `DEMO_HISTORY`). */
  history?: DemoScenario[];
  /**
   * Forced answers, checked first: a request whose `pathname + search` matches `match` gets `status`
   * (with `Retry-After` when given) — `times` times, then normal answers resume.
   */
  faults?: Array<{ match: RegExp; status: number; retryAfter?: number; times?: number; body?: string }>;
  /** Called for every request answered, for tests that count API calls. */
  onRequest?: (url: URL) => void;
  /**
   * Tickets that join the queue later: each is listed once `afterMs` of real time have passed since
   * the demo started (`npm start` adds an urgent one a minute in, for the queue watch to find).
   */
  arrivals?: Array<{ afterMs: number; scenario: DemoScenario }>;
  /** Tickets per listing page (default 3, so paging is exercised; Zendesk's own is 100). */
  pageSize?: number;
  /** Headers added to every API answer (e.g. Zendesk's `X-Rate-Limit` / `X-Rate-Limit-Remaining`). */
  headers?: Record<string, string>;
}

/** One answer of the demo helpdesk, for Playwright's `route.fulfill` or a `Response`. */
export interface DemoAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const json = (body: unknown, status = 200): DemoAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});
const html = (body: string, status = 200): DemoAnswer => ({
  status,
  contentType: 'text/html; charset=utf-8',
  body,
});

/**
 * The demo helpdesks as one function: what `url` answers under `options` (faults first, then the
 * scenarios, history and arrivals that are due). `startedAt`: real time the demo started.
 */
export function demoAnswer(url: URL, options: DemoOptions, startedAt: number, realNow: number): DemoAnswer {
  options.onRequest?.(url);
  const fault = options.faults?.find((f) => f.match.test(url.pathname + url.search) && (f.times ?? 1) > 0);
  if (fault) {
    if (fault.times !== undefined) fault.times -= 1;
    return {
      status: fault.status,
      headers: fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {},
      contentType: /^\s*</.test(fault.body ?? '') ? 'text/html; charset=utf-8' : 'application/json',
      body: fault.body ?? JSON.stringify({ error: `demo fault ${fault.status}` }),
    };
  }
  const arrived = (options.arrivals ?? [])
    .filter((a) => realNow - startedAt >= a.afterMs)
    .map((a) => a.scenario);
  const mine = [
    ...(options.scenarios ?? DEMO_SCENARIOS),
    ...arrived,
    ...(options.history ?? DEMO_HISTORY),
  ].filter((s) => s.host === url.host);
  const size = options.pageSize ?? 3;
  const a = url.host.endsWith('.topdesk.net')
    ? answerTopdesk(url, mine, options.now)
    : answerZendesk(url, mine, options.now, size);
  return options.headers && a.contentType.startsWith('application/json')
    ? { ...a, headers: { ...a.headers, ...options.headers } }
    : a;
}

export async function routeDemo(context: BrowserContext, options: DemoOptions): Promise<void> {
  const hosts = [...new Set(Object.values(DEMO_HOSTS))];
  const startedAt = Date.now();
  for (const host of hosts) {
    await context.route(`https://${host}/**`, async (route) => {
      const a = demoAnswer(new URL(route.request().url()), options, startedAt, Date.now());
      return a.status === 204
        ? route.fulfill({ status: 204, headers: a.headers ?? {} })
        : route.fulfill({
            status: a.status,
            contentType: a.contentType,
            body: a.body,
            headers: a.headers ?? {},
          });
    });
  }
}

/** The demo helpdesks as a `fetch` (unit tests and the bench, without a browser). */
export function demoFetch(options: DemoOptions, clock: () => number = Date.now) {
  const startedAt = clock();
  return async (url: string): Promise<Response> => {
    const a = demoAnswer(new URL(url), options, startedAt, clock());
    return new Response(a.status === 204 ? null : a.body, {
      status: a.status,
      headers: { 'content-type': a.contentType, ...(a.headers ?? {}) },
    });
  };
}

function answerZendesk(url: URL, mine: DemoScenario[], now: number, size: number): DemoAnswer {
  const origin = url.origin;
  const path = url.pathname;
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/agent\/tickets\/(\d+)/))) {
    return html(
      zendeskPage(
        url.host,
        mine.find((s) => s.id === Number(m![1])),
      ),
    );
  }
  if (path.startsWith('/agent')) return html(zendeskPage(url.host, undefined));
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\.json$/))) {
    const s = mine.find((x) => x.id === Number(m![1]));
    return s ? json(zendeskTicket(s, now, origin)) : json({ error: 'RecordNotFound' }, 404);
  }
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/audits\.json$/))) {
    const s = mine.find((x) => x.id === Number(m![1]));
    const page = Number(url.searchParams.get('page') ?? '1');
    return s ? json(zendeskAudits(s, now, origin, page)) : json({ error: 'RecordNotFound' }, 404);
  }
  if (path === '/api/v2/users/me.json')
    return json({ user: { id: 501, name: 'Marloes Support', role: 'agent' } });
  if (path === '/api/v2/search.json' || /^\/api\/v2\/views\/\d+\/tickets\.json$/.test(path)) {
    // `type:ticket status>=solved solved>=FROM solved<TO`: the tickets solved in that range.
    const query = url.searchParams.get('query') ?? '';
    const range = /status>=solved/.test(query)
      ? { from: instant(query, /solved>=(\S+)/), to: instant(query, /solved<(\S+)/) }
      : null;
    const open = range
      ? mine.filter((s) => inRange(solvedAt(s, now), range))
      : mine.filter((s) => !['solved', 'closed'].includes(s.status));
    const page = Number(url.searchParams.get('page') ?? '1');
    const rows = open.slice((page - 1) * size, page * size).map((s) => zendeskTicket(s, now, origin).ticket);
    const next = page * size < open.length ? new URL(url) : null;
    next?.searchParams.set('page', String(page + 1));
    const key = path === '/api/v2/search.json' ? 'results' : 'tickets';
    // `include=tickets(organizations)` (search) / `include=organizations` (views): sideloaded once each.
    const sideload = /organizations/.test(url.searchParams.get('include') ?? '')
      ? {
          organizations: [
            ...new Map(
              open.slice((page - 1) * size, page * size).map((s) => [s.organization, zendeskOrganization(s)]),
            ).values(),
          ],
        }
      : {};
    return json({ [key]: rows, ...sideload, next_page: next?.toString() ?? null, count: open.length });
  }
  return json({ error: 'InvalidEndpoint' }, 404);
}

function answerTopdesk(url: URL, mine: DemoScenario[], now: number): DemoAnswer {
  const path = url.pathname;
  const byUnid = (unid: string | null) =>
    mine.find((s) => topdeskUuid(s).replaceAll('-', '') === (unid ?? '').replaceAll('-', '').toLowerCase());
  let m: RegExpMatchArray | null;
  if (path === '/tas/secure/incident' || path === '/tas/secure/contained/incident') {
    const s = byUnid(url.searchParams.get('unid'));
    return s ? html(topdeskIncidentPage(s)) : html('<h1>Melding niet gevonden</h1>', 404);
  }
  if (path.startsWith('/tas/secure/mango')) {
    const s = byUnid(url.searchParams.get('unid')) ?? mine[0];
    return s ? html(topdeskShellPage(s)) : html('<h1>TOPdesk</h1>');
  }
  if ((m = path.match(/^\/tas\/api\/incidents\/id\/([0-9a-f-]+)$/i))) {
    const s = mine.find((x) => topdeskUuid(x) === m![1]!.toLowerCase());
    return s ? json(topdeskIncident(s, now)) : json([{ message: 'Incident not found' }], 404);
  }
  if ((m = path.match(/^\/tas\/api\/incidents\/number\/(.+)$/))) {
    const number = decodeURIComponent(m[1]!);
    const s = mine.find((x) => topdeskIncident(x, now).number === number);
    return s ? json(topdeskIncident(s, now)) : json([{ message: 'Incident not found' }], 404);
  }
  if (path === '/tas/api/incidents') {
    // `completed==true;completedDate=ge=FROM;completedDate=lt=TO` (or `completed=true`): finished ones.
    const query = url.searchParams.get('query') ?? '';
    const finished = /completed==true/.test(query) || url.searchParams.get('completed') === 'true';
    const range = {
      from: instant(query, /completedDate=ge=([^;]+)/),
      to: instant(query, /completedDate=lt=([^;]+)/),
    };
    const open = mine
      .filter((s) => (finished ? inRange(solvedAt(s, now), range) : s.status !== 'solved'))
      .map((s) => topdeskIncident(s, now));
    const start = Number(url.searchParams.get('pageStart') ?? '0');
    const size = Number(url.searchParams.get('pageSize') ?? '10');
    const rows = open.slice(start, start + size);
    return rows.length
      ? json(rows, start + size < open.length ? 206 : 200)
      : { status: 204, contentType: 'application/json', body: '' };
  }
  return json([{ message: 'Not found' }], 404);
}

/** URLs to open a demo ticket in its helpdesk's UI. */
export function demoTicketUrl(s: DemoScenario): string {
  return s.helpdesk === 'zendesk'
    ? `https://${s.host}/agent/tickets/${s.id}`
    : `https://${s.host}/tas/secure/incident?unid=${topdeskUuid(s).replaceAll('-', '')}`;
}

/** An instant a query names with `pattern`; null when it names none. */
function instant(query: string, pattern: RegExp): number | null {
  const m = pattern.exec(query);
  const t = m ? Date.parse(m[1]!) : NaN;
  return Number.isNaN(t) ? null : t;
}

function inRange(t: number | null, r: { from: number | null; to: number | null }): boolean {
  return t !== null && (r.from === null || t >= r.from) && (r.to === null || t < r.to);
}
