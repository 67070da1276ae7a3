/** Issue 19 #6: a stored ticket is bounded, and the bound never moves a deadline. */
import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { evaluate } from '../sla';
import type { TicketEvent } from '../sla/types';
import {
  emptyRegistry,
  MAX_STORED_EVENTS,
  MAX_SUBJECT_CHARS,
  summarizeEvaluation,
  upsertEntry,
} from './registry';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
const MIN = 60_000;

/** 10,000 audits in one page: requester chatter, repeated statuses, internal notes, a pause, priority changes. */
function heavyEvents(): TicketEvent[] {
  const events: TicketEvent[] = [];
  for (let i = 0; i < 10_000; i++) {
    const at = iso(T0 + (i + 1) * MIN);
    if (i === 4000) events.push({ at, type: 'reply', public: true, by: 'agent' });
    else if (i === 5000) events.push({ at, type: 'status', status: 'pending' });
    else if (i === 5600) events.push({ at, type: 'status', status: 'open' });
    else if (i % 997 === 0) events.push({ at, type: 'priority', priority: i % 2 ? 'high' : 'normal' });
    else if (i % 5 === 0) events.push({ at, type: 'status', status: 'open' });
    else events.push({ at, type: 'reply', public: i % 3 !== 0, by: i % 2 ? 'requester' : 'agent' });
  }
  return events;
}

describe('per-ticket bounds in the registry', () => {
  const input = (over: object = {}) => ({
    helpdesk: 'zendesk' as const,
    host: 'mextra.zendesk.com',
    ticketId: 1,
    ticketKey: '#1',
    subject: 'Printer',
    link: 'https://mextra.zendesk.com/agent/tickets/1',
    ticket: { createdAt: iso(T0), type: 'incident', events: heavyEvents() },
    source: 'opened' as const,
    ...over,
  });

  it('clips a 3 MB subject', () => {
    const reg = upsertEntry(emptyRegistry(), input({ subject: 'x'.repeat(3_000_000) }), T0);
    const e = Object.values(reg.entries)[0]!;
    expect(e.subject.length).toBe(MAX_SUBJECT_CHARS);
    expect(JSON.stringify(e).length).toBeLessThan(60_000);
  });

  it('keeps 10,000 audits as a few events, with the count of the rest, and the same deadlines', () => {
    const policy = getBuiltinPolicy('mextra')!;
    const full = input().ticket;
    const e = Object.values(upsertEntry(emptyRegistry(), input(), T0).entries)[0]!;
    expect(e.ticket.events!.length).toBeLessThanOrEqual(MAX_STORED_EVENTS);
    expect(e.omittedEvents).toBe(10_000 - e.ticket.events!.length);
    // Evaluated as the worker does: every stored event is in the past.
    for (const now of [T0 + 10_001 * MIN, T0 + 12_000 * MIN, T0 + 30_000 * MIN]) {
      const a = summarizeEvaluation(evaluate(policy, full, now, { explain: false }));
      const b = summarizeEvaluation(evaluate(policy, e.ticket, now, { explain: false }));
      expect(b.metrics).toEqual(a.metrics);
      expect(b.priority).toBe(a.priority);
    }
  });

  it('leaves an ordinary ticket exactly as it came', () => {
    const events = heavyEvents().slice(0, 50);
    const e = Object.values(
      upsertEntry(emptyRegistry(), input({ ticket: { createdAt: iso(T0), events } }), T0).entries,
    )[0]!;
    expect(e.ticket.events).toEqual(events);
    expect(e.omittedEvents).toBeUndefined();
  });
});
