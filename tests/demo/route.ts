/**
 * Answers the demo helpdesk hosts inside a Playwright browser context: pages and REST API alike
 * (context.route also answers fetches made by the extension's service worker). Used by
 * `npm start` and by the e2e suite; nothing here touches the network.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { DEMO_HISTORY, DEMO_HOSTS, DEMO_SCENARIOS, solvedAt, type DemoScenario } from './scenarios';
import { topdeskIncident, topdeskUuid, zendeskAudits, zendeskTicket } from './payloads';
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
}

const json = (route: Route, body: unknown, status = 200) =>
  route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const html = (route: Route, body: string, status = 200) =>
  route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });

export async function routeDemo(context: BrowserContext, options: DemoOptions): Promise<void> {
  const scenarios = () => options.scenarios ?? DEMO_SCENARIOS;
  const hosts = [...new Set(Object.values(DEMO_HOSTS))];
  for (const host of hosts) {
    await context.route(`https://${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      options.onRequest?.(url);
      const fault = options.faults?.find(
        (f) => f.match.test(url.pathname + url.search) && (f.times ?? 1) > 0,
      );
      if (fault) {
        if (fault.times !== undefined) fault.times -= 1;
        return route.fulfill({
          status: fault.status,
          headers: fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {},
          contentType: 'application/json',
          body: fault.body ?? JSON.stringify({ error: `demo fault ${fault.status}` }),
        });
      }
      const mine = [...scenarios(), ...(options.history ?? DEMO_HISTORY)].filter((s) => s.host === host);
      return host.endsWith('.topdesk.net')
        ? answerTopdesk(route, url, mine, options.now)
        : answerZendesk(route, url, mine, options.now);
    });
  }
}

async function answerZendesk(route: Route, url: URL, mine: DemoScenario[], now: number) {
  const origin = url.origin;
  const path = url.pathname;
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/agent\/tickets\/(\d+)/))) {
    return html(
      route,
      zendeskPage(
        url.host,
        mine.find((s) => s.id === Number(m![1])),
      ),
    );
  }
  if (path.startsWith('/agent')) return html(route, zendeskPage(url.host, undefined));
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\.json$/))) {
    const s = mine.find((x) => x.id === Number(m![1]));
    return s ? json(route, zendeskTicket(s, now, origin)) : json(route, { error: 'RecordNotFound' }, 404);
  }
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/audits\.json$/))) {
    const s = mine.find((x) => x.id === Number(m![1]));
    const page = Number(url.searchParams.get('page') ?? '1');
    return s
      ? json(route, zendeskAudits(s, now, origin, page))
      : json(route, { error: 'RecordNotFound' }, 404);
  }
  if (path === '/api/v2/users/me.json')
    return json(route, { user: { id: 501, name: 'Marloes Support', role: 'agent' } });
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
    const size = 3;
    const rows = open.slice((page - 1) * size, page * size).map((s) => zendeskTicket(s, now, origin).ticket);
    const next = page * size < open.length ? new URL(url) : null;
    next?.searchParams.set('page', String(page + 1));
    const key = path === '/api/v2/search.json' ? 'results' : 'tickets';
    return json(route, { [key]: rows, next_page: next?.toString() ?? null, count: open.length });
  }
  return json(route, { error: 'InvalidEndpoint' }, 404);
}

async function answerTopdesk(route: Route, url: URL, mine: DemoScenario[], now: number) {
  const path = url.pathname;
  const byUnid = (unid: string | null) =>
    mine.find((s) => topdeskUuid(s).replaceAll('-', '') === (unid ?? '').replaceAll('-', '').toLowerCase());
  let m: RegExpMatchArray | null;
  if (path === '/tas/secure/incident' || path === '/tas/secure/contained/incident') {
    const s = byUnid(url.searchParams.get('unid'));
    return s ? html(route, topdeskIncidentPage(s)) : html(route, '<h1>Melding niet gevonden</h1>', 404);
  }
  if (path.startsWith('/tas/secure/mango')) {
    const s = byUnid(url.searchParams.get('unid')) ?? mine[0];
    return s ? html(route, topdeskShellPage(s)) : html(route, '<h1>TOPdesk</h1>');
  }
  if ((m = path.match(/^\/tas\/api\/incidents\/id\/([0-9a-f-]+)$/i))) {
    const s = mine.find((x) => topdeskUuid(x) === m![1]!.toLowerCase());
    return s ? json(route, topdeskIncident(s, now)) : json(route, [{ message: 'Incident not found' }], 404);
  }
  if ((m = path.match(/^\/tas\/api\/incidents\/number\/(.+)$/))) {
    const number = decodeURIComponent(m[1]!);
    const s = mine.find((x) => topdeskIncident(x, now).number === number);
    return s ? json(route, topdeskIncident(s, now)) : json(route, [{ message: 'Incident not found' }], 404);
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
      ? json(route, rows, start + size < open.length ? 206 : 200)
      : route.fulfill({ status: 204 });
  }
  return json(route, [{ message: 'Not found' }], 404);
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
