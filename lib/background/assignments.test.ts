import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getBuiltinPolicy } from '../../policies';
import ticketBody from '../../tests/fixtures/zendesk/ticket-1001.json';
import page1 from '../../tests/fixtures/zendesk/audits-1001-page1.json';
import page2 from '../../tests/fixtures/zendesk/audits-1001-page2.json';
import incident from '../../tests/fixtures/topdesk/incident-on-hold.json';
import { normalizeWith } from '../helpdesks';
import { evaluate, type Policy } from '../sla';
import { putCredential } from '../storage/secrets';
import { configItem, preferencesItem, readPreferences } from '../storage/items';
import { EMPTY_CONFIG, type Assignment } from '../storage/schemas';
import { saveAssignment, testTicket, type TicketTestDeps } from './assignments';

const NOW = Date.parse('2026-02-10T10:00:00Z');
const ZENDESK = 'mextra.zendesk.com';
const TOPDESK = 'scope4mation.topdesk.net';
const TOPDESK_MAPPING = {
  tier: { from: 'field', field: 'optionalFields1.text1' },
  values: { impact: { 'I-2 Normaal': 'I-2' }, urgency: { 'U-2 Normaal': 'U-2' } },
};
const mextra = getBuiltinPolicy('mextra')!;
const scope = getBuiltinPolicy('scope4mation')!;
const UNID = 'a00000025c4e4b3a9d2f0123456789ab';
const INCIDENT_URL = `https://${TOPDESK}/tas/secure/incident?unid=${UNID}`;

const granted = new Set<string>();

/** A helpdesk API that answers by path; everything else is a 404. Records what it was asked. */
function fakeApi(routes: Record<string, unknown>, status = 200) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const deps: TicketTestDeps = {
    fetch: (url, init) => {
      calls.push({ url, ...(init ? { init } : {}) });
      const path = new URL(url).pathname;
      const body = routes[path];
      if (status !== 200) return Promise.resolve(new Response('{}', { status }));
      return Promise.resolve(
        body === undefined
          ? new Response('{"error":"RecordNotFound"}', { status: 404 })
          : Response.json(body),
      );
    },
    sleep: () => Promise.resolve(),
    granted: (host) => Promise.resolve(granted.has(host)),
    now: () => NOW,
  };
  return { deps, calls };
}

const zendeskApi = () =>
  fakeApi({
    '/api/v2/tickets/1001.json': ticketBody,
    '/api/v2/tickets/1001/audits.json': { ...page1, next_page: null },
  });

/** What the sidebar shows for the same payload: the adapter, then the engine at the same instant. */
function sidebarEvaluation(
  helpdesk: Assignment['helpdesk'],
  payload: unknown,
  mapping: unknown,
  policy: Policy,
  host: string,
) {
  const n = normalizeWith(helpdesk, payload, mapping, policy, host);
  if (!n.ok) throw new Error(n.problem.message);
  return {
    ticket: n.ticket,
    evaluation: evaluate(policy, n.ticket, NOW, {
      locale: 'en',
      atRiskRemainingShare: 0.25,
      ...(n.origin ? { origin: n.origin } : {}),
    }),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  granted.clear();
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(() => Promise.resolve(false)),
  });
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en-GB' });
  await configItem.setValue(EMPTY_CONFIG);
  await saveAssignment({ host: ZENDESK, helpdesk: 'zendesk', policyId: 'mextra' });
  await saveAssignment({
    host: TOPDESK,
    helpdesk: 'topdesk',
    policyId: 'scope4mation',
    mapping: TOPDESK_MAPPING,
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('test with a pasted payload', () => {
  it('maps a Zendesk ticket with its audits and evaluates it as the sidebar would', async () => {
    const pasted = { ticket: ticketBody, audits: [page1, page2] };
    const r = await testTicket(ZENDESK, {}, JSON.stringify(pasted));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sidebar = sidebarEvaluation('zendesk', pasted, {}, mextra, ZENDESK);
    expect(r.ticket).toEqual(sidebar.ticket);
    expect(r.evaluation).toEqual(sidebar.evaluation);
    expect(r.evaluation?.priority).toBe('urgent');
    expect(r.evaluation?.metrics.resolution?.dueAt).toBeTruthy();
    expect(r.evaluation?.explanation).toMatch(/Mextra/);
    expect(r.notes?.[0]).toMatch(/#1001 as a Zendesk API response/);
  });

  it('takes the API’s ticket JSON alone and says its history is missing', async () => {
    const r = await testTicket(ZENDESK, {}, JSON.stringify(ticketBody));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ticket).toEqual(
      sidebarEvaluation('zendesk', { ticket: ticketBody, audits: [] }, {}, mextra, ZENDESK).ticket,
    );
    expect((r.ticket.events ?? []).filter((e) => e.type === 'reply')).toEqual([]);
    expect(r.notes?.join(' ')).toMatch(/no audits were pasted/);
  });

  it('applies the unsaved mapping it is given', async () => {
    const pasted = { ticket: ticketBody, audits: [page1, page2] };
    const mapping = { values: { priority: { urgent: 'high' } } };
    const r = await testTicket(ZENDESK, mapping, JSON.stringify(pasted));
    expect(r.ok && r.ticket.priority).toBe('high');
  });

  it('maps a TOPdesk incident, bare or as {incident}', async () => {
    const sidebar = sidebarEvaluation('topdesk', { incident }, TOPDESK_MAPPING, scope, TOPDESK);
    for (const text of [JSON.stringify(incident), JSON.stringify({ incident })]) {
      const r = await testTicket(TOPDESK, TOPDESK_MAPPING, text);
      expect(r).toMatchObject({ ok: true, ticket: sidebar.ticket, evaluation: sidebar.evaluation });
    }
  });

  it('still evaluates a neutral ticket, and says the mapping is not used', async () => {
    const ticket = { createdAt: '2026-02-10T09:00:00+01:00', type: 'incident', priority: 'urgent' };
    const r = await testTicket(ZENDESK, {}, JSON.stringify(ticket));
    expect(r).toMatchObject({ ok: true, ticket });
    if (r.ok) {
      expect(r.evaluation?.metrics.resolution?.dueAt).toBeTruthy();
      expect(r.notes).toEqual([expect.stringMatching(/neutral ticket/)]);
    }
  });

  it('explains input it cannot read', async () => {
    expect(await testTicket(ZENDESK, {}, '{"ticket": ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^not JSON/),
    });
    expect(await testTicket(ZENDESK, {}, JSON.stringify(page1))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only the audits/),
    });
    expect(await testTicket(ZENDESK, {}, '{"hello": 1}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/neither a Zendesk API response nor a neutral ticket/),
    });
    expect(await testTicket(ZENDESK, {}, JSON.stringify({ ticket: { ticket: { id: 1 } } }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be mapped/),
    });
    expect(await testTicket('other.zendesk.com', {}, JSON.stringify(ticketBody))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no policy assigned/),
    });
  });

  it('answers in Dutch when the page is Dutch', async () => {
    await preferencesItem.setValue({ ...(await readPreferences()).value, language: 'nl' });
    expect(await testTicket(ZENDESK, {}, '{"hello": 1}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/geen Zendesk-API-antwoord en ook geen neutraal ticket/),
    });
    const r = await testTicket(ZENDESK, {}, JSON.stringify({ ticket: ticketBody, audits: [page1, page2] }));
    expect(r.ok && r.evaluation?.explanation).toBe(
      evaluate(mextra, r.ok ? r.ticket : ({} as never), NOW, { locale: 'nl', atRiskRemainingShare: 0.25 })
        .explanation,
    );
  });
});

describe('test with a ticket URL', () => {
  it('reads a Zendesk ticket and its audits through the API and evaluates it as the sidebar would', async () => {
    granted.add(ZENDESK);
    const api = zendeskApi();
    const r = await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/tickets/1001`, api.deps);
    expect(api.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/api/v2/tickets/1001.json',
      '/api/v2/tickets/1001/audits.json',
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sidebar = sidebarEvaluation(
      'zendesk',
      { ticket: ticketBody, audits: [{ ...page1, next_page: null }] },
      {},
      mextra,
      ZENDESK,
    );
    expect(r.evaluation).toEqual(sidebar.evaluation);
    expect(r.notes?.[0]).toMatch(/read #1001 from mextra.zendesk.com/);
  });

  it('reads a TOPdesk incident with the stored application password, sent only to its host', async () => {
    granted.add(TOPDESK);
    await putCredential(TOPDESK, { username: 'api', password: 'secret' });
    const api = fakeApi({ '/tas/api/incidents/id/a0000002-5c4e-4b3a-9d2f-0123456789ab': incident });
    const r = await testTicket(TOPDESK, TOPDESK_MAPPING, INCIDENT_URL, api.deps);
    expect(r).toMatchObject({
      ok: true,
      evaluation: sidebarEvaluation('topdesk', { incident }, TOPDESK_MAPPING, scope, TOPDESK).evaluation,
    });
    expect(api.calls).toHaveLength(1);
    expect(new URL(api.calls[0]!.url).host).toBe(TOPDESK);
    expect(new Headers(api.calls[0]!.init?.headers).get('authorization')).toBe(`Basic ${btoa('api:secret')}`);
  });

  it('says which host it does not know, or that the URL is another assignment’s', async () => {
    const api = zendeskApi();
    expect(
      await testTicket(ZENDESK, {}, 'https://helpdesk.example.nl/tas/secure/incident?unid=1', api.deps),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/helpdesk.example.nl is not a helpdesk host/),
    });
    expect(
      await testTicket(ZENDESK, {}, 'https://other.zendesk.com/agent/tickets/1001', api.deps),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/assignment of mextra.zendesk.com/) });
    expect(await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/dashboard`, api.deps)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not show a Zendesk ticket.*agent\/tickets\/1001/),
    });
    expect(api.calls).toEqual([]);
  });

  it('reads nothing from a host whose access is not granted', async () => {
    const api = zendeskApi();
    expect(await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/tickets/1001`, api.deps)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no access to mextra.zendesk.com.*under Hosts/),
    });
    expect(api.calls).toEqual([]);
  });

  it('tells a refusal without an application password from a wrong one, and from a sign-in problem', async () => {
    granted.add(TOPDESK).add(ZENDESK);
    const refused = fakeApi({}, 401);
    expect(await testTicket(TOPDESK, TOPDESK_MAPPING, INCIDENT_URL, refused.deps)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no application password is stored for scope4mation.topdesk.net/),
    });
    await putCredential(TOPDESK, { username: 'api', password: 'wrong' });
    expect(await testTicket(TOPDESK, TOPDESK_MAPPING, INCIDENT_URL, refused.deps)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused the application password of api.*under Hosts/),
    });
    expect(
      await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/tickets/1001`, fakeApi({}, 403).deps),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/sign in to mextra.zendesk.com/) });
  });

  it('says a missing ticket and a failed read in words', async () => {
    granted.add(ZENDESK);
    expect(
      await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/tickets/999`, zendeskApi().deps),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/no ticket 999 on mextra.zendesk.com/) });
    expect(
      await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/tickets/1001`, fakeApi({}, 500).deps),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be read from mextra.zendesk.com: HTTP 500/),
    });
    const offline: TicketTestDeps = {
      ...zendeskApi().deps,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    };
    expect(await testTicket(ZENDESK, {}, `https://${ZENDESK}/agent/tickets/1001`, offline)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be read from mextra.zendesk.com/),
    });
  });
});
