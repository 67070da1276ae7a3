import { describe, expect, it } from 'vitest';
import type { EvaluationSummary, MetricSummary, RegistryEntry } from '../registry/types';
import { planNewTicketAlerts } from './new-ticket';
import { planAlerts } from './plan';
import { newTicketText } from './text';

const T = Date.parse('2026-03-03T10:00:00Z');
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

function metric(dueAt: number, atRiskAt: number | null, over: Partial<MetricSummary> = {}): MetricSummary {
  return {
    state: dueAt <= T ? 'breached' : 'running',
    dueAt: iso(dueAt),
    atRiskAt: atRiskAt === null ? null : iso(atRiskAt),
    goalAt: null,
    goalPercent: null,
    goalState: null,
    atRisk: atRiskAt !== null && atRiskAt <= T,
    stoppedAt: null,
    targetMs: 15 * MIN,
    remainingMs: dueAt - T,
    businessTime: false,
    openIntervals: [],
    ...over,
  };
}

function entry(id: number, metrics: EvaluationSummary['metrics']) {
  const key = `zendesk:zmanda.zendesk.com:${id}`;
  return {
    key,
    helpdesk: 'zendesk',
    host: 'zmanda.zendesk.com',
    ticketId: String(id),
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://zmanda.zendesk.com/agent/tickets/${id}`,
    ticket: { createdAt: iso(T - MIN) },
    policyId: 'zmanda',
    tier: 'premium',
    evaluation: {
      evaluatedAt: iso(T),
      policy: 'zmanda',
      policyName: 'Zmanda',
      tier: 'premium',
      type: 'incident',
      priority: 'P1',
      metrics,
    },
    lastSeen: T,
    lastRefresh: T,
    source: 'queue',
  } as RegistryEntry;
}

describe('new-ticket alerts', () => {
  it('alerts a new ticket whose first deadline is within the hour, once, as its at-risk alert given early', () => {
    const e = entry(1, {
      response: metric(T + 4 * MIN, T + 2 * MIN + 45_000),
      resolution: metric(T + 240 * MIN, null),
    });
    const plan = planNewTicketAlerts([e], T, {}, { notifications: true });
    expect(plan.alerts.map((a) => [a.id, a.metric])).toEqual([[`${e.key}:response:at-risk`, 'response']]);
    expect(plan.markers).toEqual({ [`${e.key}:response:at-risk`]: { at: T + 2 * MIN + 45_000, firedAt: T } });
    // the alert planning later sees it handled: no second notification when the at-risk instant passes
    const later = planAlerts([e], T + 3 * MIN, { notifications: true }, plan.markers);
    expect(later.notify).toEqual([]);
    // and a second discovery with those markers alerts nothing
    expect(planNewTicketAlerts([e], T, plan.markers, { notifications: true }).alerts).toEqual([]);
  });

  it('leaves tickets with distant deadlines to the usual at-risk alert', () => {
    const e = entry(2, { response: metric(T + 3 * 60 * MIN, T + 2 * 60 * MIN) });
    expect(planNewTicketAlerts([e], T, {}, { notifications: true })).toEqual({ alerts: [], markers: {} });
  });

  it('alerts a ticket that is already breached as its breach, marking the at-risk instant it slept through', () => {
    const e = entry(3, { response: metric(T - 2 * MIN, T - 5 * MIN) });
    const plan = planNewTicketAlerts([e], T, {}, { notifications: true });
    expect(plan.alerts.map((a) => a.id)).toEqual([`${e.key}:response:breach`]);
    expect(plan.markers[`${e.key}:response:at-risk`]).toMatchObject({ silent: true });
    expect(planAlerts([e], T, { notifications: true }, plan.markers).notify).toEqual([]);
  });

  it('writes silent markers and shows nothing with notifications off', () => {
    const e = entry(4, { response: metric(T + 4 * MIN, T + 3 * MIN) });
    const plan = planNewTicketAlerts([e], T, {}, { notifications: false });
    expect(plan.alerts).toEqual([]);
    expect(plan.markers[`${e.key}:response:at-risk`]).toMatchObject({ silent: true });
  });

  it('says what is new, where, and how long is left, in English and Dutch', () => {
    const e = entry(5, { response: metric(T + 4 * MIN, T + 3 * MIN) });
    const [a] = planNewTicketAlerts([e], T, {}, { notifications: true }).alerts;
    expect(newTicketText(a!, 'en', 'Europe/Amsterdam', T)).toEqual({
      title: 'New P1 at Zmanda',
      message: '#5: response due Tue 11:04, in 4 min',
      contextMessage: 'Ticket 5',
    });
    expect(newTicketText(a!, 'nl', 'Europe/Amsterdam', T)).toMatchObject({
      title: 'Nieuw: P1 bij Zmanda',
      message: '#5: reactie uiterlijk di 11:04, over 4 min',
    });
  });
});
