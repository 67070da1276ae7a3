import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies/index.ts';
import { evaluate, SlaInputError } from './evaluate.ts';
import type { NeutralTicket, TicketEvent } from './types.ts';

const policy = (id: string) => getBuiltinPolicy(id)!;
const instant = (s: string | null | undefined) => (s == null ? s : new Date(Date.parse(s)).toISOString());
const ev = (id: string, ticket: NeutralTicket, now: string, opts = {}) =>
  evaluate(policy(id), ticket, now, opts);
const H = 3_600_000;

describe('the issue’s examples', () => {
  it('workspace365, created Wed 2026-02-04 17:30 Amsterdam, impact department × urgency normal → P3; response and resolution due Mon 2026-02-09 11:30', () => {
    const e = ev(
      'workspace365',
      { createdAt: '2026-02-04T17:30:00+01:00', impact: 'department', urgency: 'normal' },
      '2026-02-04T17:30:00+01:00',
    );
    expect(e.priority).toBe('P3');
    expect(e.suggestedPriority).toBe('P3');
    expect(e.metrics.response?.dueAt).toBe('2026-02-09T11:30:00+01:00');
    expect(e.metrics.resolution?.dueAt).toBe('2026-02-09T11:30:00+01:00');
  });

  it('mextra high, created Fri 2026-01-30 17:00 → goal Mon 2026-02-02 17:00, due Tue 2026-02-03 17:00', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-01-30T17:00:00+01:00', priority: 'high' },
      '2026-01-30T17:00:00+01:00',
    ).metrics.resolution!;
    expect(r.goalAt).toBe('2026-02-02T17:00:00+01:00');
    expect(r.dueAt).toBe('2026-02-03T17:00:00+01:00');
    expect(r.goalPercent).toBe(90);
  });

  it('mextra low, created Tue 2026-01-06 10:00 → goal Tue 2026-01-20 10:00, due Fri 2026-02-06 10:00', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-01-06T10:00:00+01:00', priority: 'low' },
      '2026-01-06T10:00:00+01:00',
    ).metrics.resolution!;
    expect(r.goalAt).toBe('2026-01-20T10:00:00+01:00');
    expect(r.dueAt).toBe('2026-02-06T10:00:00+01:00');
    expect(r.businessTime).toBe(false);
  });

  it('scope4mation default, created Mon 2026-02-02 09:00, U-2 × I-2 → 2; response due Wed 2026-02-04 14:00; resolution none', () => {
    const e = ev(
      'scope4mation',
      { createdAt: '2026-02-02T09:00:00+01:00', tier: 'default', urgency: 'U-2', impact: 'I-2' },
      '2026-02-02T09:00:00+01:00',
    );
    expect(e.priority).toBe('2');
    expect(e.metrics.response?.dueAt).toBe('2026-02-04T14:00:00+01:00');
    expect(e.metrics.resolution?.state).toBe('none');
    expect(e.metrics.resolution?.dueAt).toBeNull();
    expect(e.metrics.resolution?.targetLabel).toBe('Best Effort');
  });

  it('membro standard medium, created Thu 2026-02-05 18:00 → response due Mon 2026-02-09 17:00 (clock starts Fri 09:00; next business day Mon)', () => {
    const r = ev(
      'membro',
      { createdAt: '2026-02-05T18:00:00+01:00', tier: 'standard', priority: 'medium' },
      '2026-02-05T18:00:00+01:00',
    ).metrics.response!;
    expect(r.clockStartedAt).toBe('2026-02-06T09:00:00+01:00');
    expect(r.dueAt).toBe('2026-02-09T17:00:00+01:00');
  });

  it('zmanda premium P1, created 2026-02-07T03:10Z → response due 2026-02-07T03:25Z', () => {
    const e = ev(
      'zmanda',
      { createdAt: '2026-02-07T03:10:00Z', tier: 'premium', priority: 'P1' },
      '2026-02-07T03:10:00Z',
    );
    expect(instant(e.metrics.response?.dueAt)).toBe('2026-02-07T03:25:00.000Z');
    expect(e.metrics.resolution).toBeUndefined();
  });

  it('mextra urgent, created Mon 2026-02-09 09:00, pending 10:00–12:00 → goal 15:00, due 17:00 the same day', () => {
    const e = ev(
      'mextra',
      {
        createdAt: '2026-02-09T09:00:00+01:00',
        priority: 'urgent',
        events: [
          { at: '2026-02-09T10:00:00+01:00', type: 'status', status: 'pending' },
          { at: '2026-02-09T12:00:00+01:00', type: 'status', status: 'open' },
        ],
      },
      '2026-02-09T13:00:00+01:00',
    );
    const r = e.metrics.resolution!;
    expect(r.goalAt).toBe('2026-02-09T15:00:00+01:00');
    expect(r.dueAt).toBe('2026-02-09T17:00:00+01:00');
    expect(r.pauses).toEqual([
      { from: '2026-02-09T10:00:00+01:00', to: '2026-02-09T12:00:00+01:00', status: 'pending' },
    ]);
  });
});

describe('clock start (rule 1)', () => {
  it('starts at creation when the calendar is open', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-02-10T11:00:00+01:00', priority: 'urgent' },
      '2026-02-10T11:00:00+01:00',
    ).metrics.resolution!;
    expect(r.clockStartedAt).toBe('2026-02-10T11:00:00+01:00');
  });

  it('starts on the next working day after a Dutch public holiday (King’s Day 2026)', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-04-26T20:00:00+02:00', priority: 'urgent' },
      '2026-04-26T20:00:00+02:00',
    ).metrics.resolution!;
    expect(r.clockStartedAt).toBe('2026-04-28T09:00:00+02:00');
    expect(r.dueAt).toBe('2026-04-28T15:00:00+02:00');
    expect(r.idle).toEqual({ reason: 'not-started', until: '2026-04-28T09:00:00+02:00' });
  });

  it('uses the requester’s zone for zmanda standard (08:00 in Los Angeles)', () => {
    const e = ev(
      'zmanda',
      {
        createdAt: '2026-02-09T10:00:00Z',
        tier: 'standard',
        priority: 'P1',
        timezone: 'America/Los_Angeles',
      },
      '2026-02-09T10:00:00Z',
    );
    expect(e.timezone).toBe('America/Los_Angeles');
    expect(e.metrics.response?.clockStartedAt).toBe('2026-02-09T08:00:00-08:00');
    expect(e.metrics.response?.dueAt).toBe('2026-02-09T09:00:00-08:00');
  });

  it('falls back to Europe/Amsterdam for zmanda when the ticket has no zone', () => {
    const e = ev(
      'zmanda',
      { createdAt: '2026-02-09T06:00:00Z', tier: 'standard', priority: 'P2' },
      '2026-02-09T06:00:00Z',
    );
    expect(e.timezone).toBe('Europe/Amsterdam');
    expect(e.metrics.response?.dueAt).toBe('2026-02-09T11:00:00+01:00');
  });

  it('ignores the ticket zone for a policy that does not take it from the ticket', () => {
    const e = ev(
      'mextra',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'urgent', timezone: 'Asia/Tokyo' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.timezone).toBe('Europe/Amsterdam');
  });
});

describe('units', () => {
  it('counts membro premium critical resolution as 4 real hours from the first premium hour', () => {
    const r = ev(
      'membro',
      { createdAt: '2026-02-07T22:00:00+01:00', tier: 'premium', priority: 'critical' },
      '2026-02-07T22:00:00+01:00',
    ).metrics.resolution!;
    expect(r.clockStartedAt).toBe('2026-02-08T07:00:00+01:00');
    expect(r.dueAt).toBe('2026-02-08T11:00:00+01:00');
    expect(r.businessTime).toBe(false);
  });

  it('counts 4 real hours for membro premium critical, also when a pause pushes them across the March DST switch', () => {
    // premium opens 07:00, so start on Saturday 28 March 20:00 and cross the night
    const r = ev(
      'membro',
      { createdAt: '2026-03-28T20:00:00+01:00', tier: 'premium', priority: 'critical' },
      '2026-03-28T20:00:00+01:00',
    ).metrics.resolution!;
    expect(r.dueAt).toBe('2026-03-29T00:00:00+01:00');
    const r2 = ev(
      'membro',
      {
        createdAt: '2026-03-28T20:00:00+01:00',
        tier: 'premium',
        priority: 'critical',
        events: [
          { at: '2026-03-28T20:30:00+01:00', type: 'status', status: 'pending' },
          { at: '2026-03-29T01:30:00+01:00', type: 'status', status: 'open' },
        ],
      },
      '2026-03-29T01:30:00+01:00',
    ).metrics.resolution!;
    // 30 min before the pause, then 3.5 h after 01:30 CET: 05:00 CET = 06:00 CEST
    expect(r2.dueAt).toBe('2026-03-29T06:00:00+02:00');
  });

  it('keeps the wall-clock time when a month is added across the March DST switch (mextra low)', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-03-10T10:00:00+01:00', priority: 'low' },
      '2026-03-10T10:00:00+01:00',
    ).metrics.resolution!;
    expect(r.goalAt).toBe('2026-03-24T10:00:00+01:00');
    expect(r.dueAt).toBe('2026-04-10T10:00:00+02:00');
  });

  it('keeps the wall-clock time when two weeks are added across the October DST switch', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-10-20T10:00:00+02:00', priority: 'low' },
      '2026-10-20T10:00:00+02:00',
    ).metrics.resolution!;
    expect(r.goalAt).toBe('2026-11-03T10:00:00+01:00');
  });

  it('clamps a month added to 31 January to the end of February', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-01-30T10:00:00+01:00', priority: 'low' },
      '2026-01-30T10:00:00+01:00',
    ).metrics.resolution!;
    expect(r.dueAt).toBe('2026-02-28T10:00:00+01:00');
  });

  it('extends a month target by paused time', () => {
    const r = ev(
      'mextra',
      {
        createdAt: '2026-01-06T10:00:00+01:00',
        priority: 'low',
        events: [
          { at: '2026-01-07T10:00:00+01:00', type: 'status', status: 'on-hold' },
          { at: '2026-01-09T10:00:00+01:00', type: 'status', status: 'open' },
        ],
      },
      '2026-01-10T10:00:00+01:00',
    ).metrics.resolution!;
    expect(r.dueAt).toBe('2026-02-08T10:00:00+01:00');
  });

  it('makes membro high standard resolution due at the next business day’s closing time, skipping Easter Monday', () => {
    const r = ev(
      'membro',
      { createdAt: '2026-04-03T11:00:00+02:00', tier: 'standard', priority: 'high' },
      '2026-04-03T11:00:00+02:00',
    ).metrics.resolution!;
    expect(r.dueAt).toBe('2026-04-07T17:00:00+02:00');
  });

  it('measures 5 workspace365 business minutes over the evening: Fri 17:58 → Mon 08:03', () => {
    const r = ev(
      'workspace365',
      { createdAt: '2026-02-06T17:58:00+01:00', priority: 'P1' },
      '2026-02-06T17:58:00+01:00',
    ).metrics.response!;
    expect(r.dueAt).toBe('2026-02-09T08:03:00+01:00');
  });

  it('does not close workspace365 on Dutch public holidays (the contract names none)', () => {
    const r = ev(
      'workspace365',
      { createdAt: '2026-04-27T09:00:00+02:00', priority: 'P2' },
      '2026-04-27T09:00:00+02:00',
    ).metrics.resolution!;
    expect(r.dueAt).toBe('2026-04-27T17:00:00+02:00');
  });

  it('makes a scope4mation extended change response due in 2 business days of 9 hours', () => {
    const r = ev(
      'scope4mation',
      { createdAt: '2026-02-02T08:00:00+01:00', tier: 'extended', type: 'change', priority: '1' },
      '2026-02-02T08:00:00+01:00',
    ).metrics.response!;
    expect(r.dueAt).toBe('2026-02-03T17:00:00+01:00');
    expect(r.targetMs).toBe(18 * H);
  });
});

describe('priority (rule 7)', () => {
  it('uses the ticket’s own priority over the matrix and still reports the suggestion', () => {
    const e = ev(
      'zmanda',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P4', impact: 'high', urgency: 'high' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.priority).toBe('P4');
    expect(e.suggestedPriority).toBe('P1');
    expect(e.origin.priority).toBe('ticket');
    expect(e.customerMayOverride).toBe(true);
  });

  it('caps membro critical at medium when there is a workaround', () => {
    const e = ev(
      'membro',
      { createdAt: '2026-02-09T09:00:00+01:00', impact: 'high', urgency: 'high', workaround: true },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.suggestedPriority).toBe('critical');
    expect(e.priority).toBe('medium');
    expect(e.matrix?.capped).toEqual({ by: 'workaround', to: 'medium' });
    expect(e.metrics.response?.dueAt).toBe('2026-02-10T17:00:00+01:00');
  });

  it('does not raise a low priority to the cap', () => {
    const e = ev(
      'membro',
      { createdAt: '2026-02-09T09:00:00+01:00', impact: 'low', urgency: 'low', workaround: true },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.priority).toBe('low');
    expect(e.matrix?.capped).toBeNull();
  });

  it('accepts labels and aliases for priorities and levels (scope4mation "Hoog")', () => {
    const e = ev(
      'scope4mation',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'Hoog', tier: 'Uitgebreid' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.priority).toBe('1');
    expect(e.tier).toBe('extended');
  });

  it('uses the last priority change event when the ticket has no priority field', () => {
    const e = ev(
      'mextra',
      {
        createdAt: '2026-02-09T09:00:00+01:00',
        events: [
          { at: '2026-02-09T09:30:00+01:00', type: 'priority', priority: 'normal' },
          { at: '2026-02-09T10:00:00+01:00', type: 'priority', priority: 'urgent' },
        ],
      },
      '2026-02-09T11:00:00+01:00',
    );
    expect(e.priority).toBe('urgent');
    expect(e.metrics.resolution?.dueAt).toBe('2026-02-09T15:00:00+01:00');
  });

  it('reports state none with no fake deadline when no priority can be found', () => {
    const e = ev(
      'workspace365',
      { createdAt: '2026-02-09T09:00:00+01:00', impact: 'department' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.priority).toBeNull();
    expect(e.matrix?.missing).toEqual(['urgency']);
    expect(e.metrics.response?.state).toBe('none');
    expect(e.metrics.response?.dueAt).toBeNull();
  });
});

describe('states, pauses and stops (rules 6, 8, 9)', () => {
  const base: NeutralTicket = { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P2', tier: 'basic' };
  const withEvents = (...events: TicketEvent[]): NeutralTicket => ({ ...base, events });

  it('stops the response clock at the first public agent reply, not at an internal note or a requester reply', () => {
    const r = ev(
      'workspace365',
      withEvents(
        { at: '2026-02-09T09:01:00+01:00', type: 'reply', public: false, by: 'agent' },
        { at: '2026-02-09T09:02:00+01:00', type: 'reply', public: true, by: 'requester' },
        { at: '2026-02-09T09:04:00+01:00', type: 'reply', public: true, by: 'agent' },
      ),
      '2026-02-09T10:00:00+01:00',
    ).metrics.response!;
    expect(r.state).toBe('met');
    expect(r.stoppedAt).toBe('2026-02-09T09:04:00+01:00');
  });

  it('marks the response breached when the first public reply comes after the due time', () => {
    const r = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T09:06:00+01:00', type: 'reply', public: true, by: 'agent' }),
      '2026-02-09T10:00:00+01:00',
    ).metrics.response!;
    expect(r.state).toBe('breached');
  });

  it('marks a running clock breached once now is past due', () => {
    const r = ev('workspace365', base, '2026-02-09T09:05:01+01:00').metrics.response!;
    expect(r.state).toBe('breached');
    expect(r.remainingMs).toBe(-1000);
  });

  it('counts a reply exactly at the due time as met', () => {
    const r = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T09:05:00+01:00', type: 'reply', public: true, by: 'agent' }),
      '2026-02-09T10:00:00+01:00',
    ).metrics.response!;
    expect(r.state).toBe('met');
  });

  it('never pauses the response clock', () => {
    const r = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T09:01:00+01:00', type: 'status', status: 'pending' }),
      '2026-02-09T09:03:00+01:00',
    ).metrics.response!;
    expect(r.state).toBe('running');
    expect(r.dueAt).toBe('2026-02-09T09:05:00+01:00');
    expect(r.pauses).toEqual([]);
  });

  it('pauses the resolution clock while on-hold and moves the deadline by the paused business time', () => {
    const r = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T10:00:00+01:00', type: 'status', status: 'on-hold' }),
      '2026-02-09T12:00:00+01:00',
    ).metrics.resolution!;
    expect(r.state).toBe('paused');
    expect(r.dueAt).toBe('2026-02-10T09:00:00+01:00');
    expect(r.elapsedMs).toBe(H);
    expect(r.idle).toEqual({ reason: 'paused', since: '2026-02-09T10:00:00+01:00' });
    expect(r.pauses).toEqual([{ from: '2026-02-09T10:00:00+01:00', to: null, status: 'on-hold' }]);
  });

  it('stops resolution at solved and resumes it when the ticket is reopened', () => {
    const solved = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T11:00:00+01:00', type: 'status', status: 'solved' }),
      '2026-02-09T12:00:00+01:00',
    ).metrics.resolution!;
    expect(solved.state).toBe('met');
    expect(solved.stoppedAt).toBe('2026-02-09T11:00:00+01:00');
    const reopened = ev(
      'workspace365',
      withEvents(
        { at: '2026-02-09T11:00:00+01:00', type: 'status', status: 'solved' },
        { at: '2026-02-09T14:00:00+01:00', type: 'status', status: 'open' },
      ),
      '2026-02-09T15:00:00+01:00',
    ).metrics.resolution!;
    expect(reopened.state).toBe('running');
    expect(reopened.stoppedAt).toBeNull();
    expect(reopened.elapsedMs).toBe(3 * H);
    expect(reopened.dueAt).toBe('2026-02-10T10:00:00+01:00');
  });

  it('stops the response clock when the ticket is solved without a reply', () => {
    const r = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T09:03:00+01:00', type: 'status', status: 'solved' }),
      '2026-02-09T10:00:00+01:00',
    ).metrics.response!;
    expect(r.state).toBe('met');
  });

  it('removes the P1 resolution deadline after a hotfix event (workspace365) but keeps the response target', () => {
    const e = ev(
      'workspace365',
      { ...base, priority: 'P1', events: [{ at: '2026-02-09T10:00:00+01:00', type: 'hotfix' }] },
      '2026-02-09T11:00:00+01:00',
    );
    expect(e.metrics.resolution?.state).toBe('none');
    expect(e.metrics.resolution?.dueAt).toBeNull();
    expect(e.metrics.resolution?.exempt?.reason).toMatch(/hotfix/);
    expect(e.metrics.response?.dueAt).toBe('2026-02-09T09:05:00+01:00');
  });

  it('keeps the P2 resolution deadline after a hotfix event (the exemption is for P1 only)', () => {
    const e = ev(
      'workspace365',
      { ...base, events: [{ at: '2026-02-09T10:00:00+01:00', type: 'hotfix' }] },
      '2026-02-09T11:00:00+01:00',
    );
    expect(e.metrics.resolution?.dueAt).toBe('2026-02-09T17:00:00+01:00');
  });

  it('ignores events after now', () => {
    const r = ev(
      'workspace365',
      withEvents({ at: '2026-02-09T12:00:00+01:00', type: 'status', status: 'solved' }),
      '2026-02-09T10:00:00+01:00',
    ).metrics.resolution!;
    expect(r.state).toBe('running');
  });

  it('leaves out a metric the contract does not define (zmanda resolution, mextra incident response)', () => {
    expect(
      ev('zmanda', { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P1' }, '2026-02-09T09:00:00+01:00')
        .metrics.resolution,
    ).toBeUndefined();
    expect(
      ev('mextra', { createdAt: '2026-02-09T09:00:00+01:00', priority: 'high' }, '2026-02-09T09:00:00+01:00')
        .metrics.response,
    ).toBeUndefined();
  });

  it('keeps membro’s contract words for best effort', () => {
    const e = ev(
      'membro',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'low' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(e.metrics.response?.targetLabel).toBe('Redelijke inspanning');
    expect(e.metrics.resolution?.targetLabel).toBe('Eigen planning');
    expect(e.metrics.response?.state).toBe('none');
  });

  it('answers mextra questions in 3 (goal) / 5 (due) business days', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-02-09T09:00:00+01:00', type: 'question' },
      '2026-02-09T09:00:00+01:00',
    ).metrics.response!;
    expect(r.goalAt).toBe('2026-02-11T17:30:00+01:00');
    expect(r.dueAt).toBe('2026-02-13T17:30:00+01:00');
  });
});

describe('risk, remaining time and open intervals', () => {
  it('puts the at-risk instant where a quarter of the target remains, and flags it after', () => {
    const t: NeutralTicket = { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P2' };
    const early = ev('workspace365', t, '2026-02-09T10:00:00+01:00').metrics.resolution!;
    expect(early.atRiskAt).toBe('2026-02-09T15:00:00+01:00');
    expect(early.atRisk).toBe(false);
    expect(early.elapsedShare).toBeCloseTo(1 / 8);
    const late = ev('workspace365', t, '2026-02-09T15:00:00+01:00').metrics.resolution!;
    expect(late.atRisk).toBe(true);
    const custom = ev('workspace365', t, '2026-02-09T10:00:00+01:00', { atRiskRemainingShare: 0.5 }).metrics
      .resolution!;
    expect(custom.atRiskAt).toBe('2026-02-09T13:00:00+01:00');
  });

  it('lists the open intervals from now to the deadline so a view can count down', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-01-30T17:00:00+01:00', priority: 'high' },
      '2026-01-30T17:10:00+01:00',
    ).metrics.resolution!;
    expect(r.openIntervals).toEqual([
      [Date.parse('2026-01-30T17:10:00+01:00'), Date.parse('2026-01-30T17:30:00+01:00')],
      [Date.parse('2026-02-02T09:00:00+01:00'), Date.parse('2026-02-02T17:30:00+01:00')],
      [Date.parse('2026-02-03T09:00:00+01:00'), Date.parse('2026-02-03T17:00:00+01:00')],
    ]);
    const sum = r.openIntervals!.reduce((n, [a, b]) => n + b - a, 0);
    expect(sum).toBe(r.remainingMs);
  });

  it('reports closed hours with the time the clock resumes', () => {
    const r = ev(
      'mextra',
      { createdAt: '2026-01-30T17:00:00+01:00', priority: 'high' },
      '2026-01-31T12:00:00+01:00',
    ).metrics.resolution!;
    expect(r.state).toBe('running');
    expect(r.idle).toEqual({
      reason: 'closed-hours',
      since: '2026-01-30T17:30:00+01:00',
      until: '2026-02-02T09:00:00+01:00',
    });
  });
});

describe('escalation and explanation', () => {
  it('gives workspace365 extended P1 the 24x7 escalation phone and basic P1 the office-hours route', () => {
    const ext = ev(
      'workspace365',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P1', tier: 'extended' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(ext.escalation?.text).toMatch(/24x7 escalation phone/);
    const basic = ev(
      'workspace365',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P1', tier: 'basic' },
      '2026-02-09T09:00:00+01:00',
    );
    expect(basic.escalation?.text).toMatch(/office hours/);
  });

  it('gives membro the escalation address', () => {
    expect(
      ev('membro', { createdAt: '2026-02-09T09:00:00+01:00', priority: 'high' }, '2026-02-09T09:00:00+01:00')
        .escalation?.contact,
    ).toBe('escalatie@membro.nl');
  });

  it('explains the clock start, the pause and the contract section in English', () => {
    const e = ev(
      'mextra',
      {
        createdAt: '2026-02-07T10:00:00+01:00',
        priority: 'urgent',
        events: [
          { at: '2026-02-09T10:00:00+01:00', type: 'status', status: 'pending' },
          { at: '2026-02-09T12:00:00+01:00', type: 'status', status: 'open' },
        ],
      },
      '2026-02-09T13:00:00+01:00',
    );
    expect(e.explanation).toContain(
      'The clock started Mon 9 Feb 2026 09:00: the first moment the Service Window 1 calendar is open after creation.',
    );
    expect(e.explanation).toContain('Not counted while pending: Mon 9 Feb 2026 10:00 – 12:00 (2 h).');
    expect(e.explanation).toContain('Contract section 6.1');
    expect(e.explanation).toContain('due 6 business hours → Mon 9 Feb 2026 17:00');
    // Agents read the policy's words: labels, not ids or rule paths.
    expect(e.explanation).toContain(
      'Mextra: type Incident, tier Standard SLA, priority Urgent — set on the ticket.',
    );
    expect(e.explanation).not.toContain('targets.');
  });

  it('explains in Dutch when asked', () => {
    const e = ev(
      'membro',
      { createdAt: '2026-02-05T18:00:00+01:00', priority: 'medium' },
      '2026-02-05T18:00:00+01:00',
      { locale: 'nl' },
    );
    expect(e.explanation).toContain('De klok startte vr 6 feb 2026 09:00');
    expect(e.explanation).toContain('uiterlijk volgende werkdag → ma 9 feb 2026 17:00');
    expect(e.metrics.resolution?.targetLabel).toBe('Redelijke inspanning');
  });
});

describe('bad input', () => {
  const cases: Array<[string, NeutralTicket, RegExp]> = [
    [
      'priority',
      { createdAt: '2026-02-09T09:00:00+01:00', priority: 'P9' },
      /priority: unknown priority "P9" \(known: P1, P2, P3, P4\)/,
    ],
    ['tier', { createdAt: '2026-02-09T09:00:00+01:00', tier: 'gold' }, /tier: unknown tier "gold"/],
    ['type', { createdAt: '2026-02-09T09:00:00+01:00', type: 'complaint' }, /type: unknown type "complaint"/],
    [
      'impact',
      { createdAt: '2026-02-09T09:00:00+01:00', impact: 'planet' },
      /impact: unknown impact "planet"/,
    ],
    ['createdAt', { createdAt: 'yesterday' }, /createdAt: malformed date/],
  ];
  for (const [field, ticket, msg] of cases)
    it(`throws an SlaInputError naming the ${field}`, () => {
      let err: unknown;
      try {
        ev('workspace365', ticket, '2026-02-09T09:00:00+01:00');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SlaInputError);
      expect((err as SlaInputError).field).toBe(field);
      expect((err as Error).message).toMatch(msg);
    });

  it('throws an SlaInputError for an unknown ticket zone on a policy that uses it', () => {
    expect(() =>
      ev(
        'zmanda',
        { createdAt: '2026-02-09T09:00:00+01:00', timezone: 'Mars/Base' },
        '2026-02-09T09:00:00+01:00',
      ),
    ).toThrow(/timezone: unknown time zone/);
  });
});

describe('evaluation properties', () => {
  const POLICIES = ['workspace365', 'mextra', 'scope4mation', 'membro', 'zmanda'];
  const ticketArb = fc.record({
    policy: fc.constantFrom(...POLICIES),
    created: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }),
    prio: fc.nat(3),
    tier: fc.nat(2),
    pause: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 5 * 86400000 }), fc.integer({ min: 1, max: 3 * 86400000 })),
    ),
    later: fc.integer({ min: 0, max: 10 * 86400000 }),
  });

  it('never makes the business time between clock start and deadline differ from the target (no pauses)', () => {
    fc.assert(
      fc.property(ticketArb, (x) => {
        const p = policy(x.policy);
        const tier = p.tiers[x.tier % p.tiers.length]!;
        const e = evaluate(
          p,
          {
            createdAt: new Date(x.created).toISOString(),
            tier: tier.id,
            priority: p.priorities[x.prio % p.priorities.length]!.id,
          },
          x.created,
        );
        for (const m of Object.values(e.metrics)) {
          if (m.dueMs === undefined || m.targetMs === null) continue;
          if (!m.businessTime) expect(m.dueMs - Date.parse(m.clockStartedAt!)).toBe(m.targetMs);
          expect(m.remainingMs).toBe(m.targetMs - (m.elapsedMs ?? 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a deadline earlier because of a pause, and pauses only shift it by the paused time', () => {
    fc.assert(
      fc.property(ticketArb, (x) => {
        const p = policy(x.policy);
        const tier = p.tiers[x.tier % p.tiers.length]!.id;
        const priority = p.priorities[x.prio % p.priorities.length]!.id;
        const createdAt = new Date(x.created).toISOString();
        const now = x.created + x.later;
        const plain = evaluate(p, { createdAt, tier, priority }, now);
        const events: TicketEvent[] = x.pause
          ? [
              { at: new Date(x.created + x.pause[0]).toISOString(), type: 'status', status: 'pending' },
              {
                at: new Date(x.created + x.pause[0] + x.pause[1]).toISOString(),
                type: 'status',
                status: 'open',
              },
            ]
          : [];
        const paused = evaluate(p, { createdAt, tier, priority, events }, now);
        const a = plain.metrics.resolution;
        const b = paused.metrics.resolution;
        if (a?.dueMs !== undefined && b?.dueMs !== undefined) expect(b.dueMs).toBeGreaterThanOrEqual(a.dueMs);
        if (plain.metrics.response?.dueMs !== undefined)
          expect(paused.metrics.response?.dueMs).toBe(plain.metrics.response.dueMs);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a pause that begins before the clock starts', () => {
  const mextra = getBuiltinPolicy('mextra')!;
  const ticket: NeutralTicket = {
    createdAt: '2026-11-21T10:00:00+01:00', // Saturday: the clock starts Monday 09:00
    priority: 'normal',
    events: [{ at: '2026-11-22T07:30:00+01:00', type: 'status', status: 'pending' }],
  };

  it('says since when the ticket waits on the customer, not the future clock start', () => {
    const r = evaluate(mextra, ticket, '2026-11-22T10:30:00+01:00').metrics.resolution!;
    expect(r.state).toBe('paused');
    expect(r.idle).toEqual({ reason: 'paused', since: '2026-11-22T07:30:00+01:00' });
    expect(r.pauses).toEqual([{ from: '2026-11-22T07:30:00+01:00', to: null, status: 'pending' }]);
  });

  it('does not move the deadline for the weekend part of that pause', () => {
    const paused = evaluate(mextra, ticket, '2026-11-22T10:30:00+01:00').metrics.resolution!;
    const open = evaluate(mextra, { ...ticket, events: [] }, '2026-11-22T10:30:00+01:00').metrics.resolution!;
    expect(paused.remainingMs).toBe(open.remainingMs);
  });
});

describe('the at-risk instant', () => {
  it('is a valid ISO instant whatever the at-risk share', () => {
    const mextra = getBuiltinPolicy('mextra')!;
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.constantFrom('urgent', 'high', 'normal'),
        (share, priority) => {
          const r = evaluate(
            mextra,
            { createdAt: '2026-02-09T09:00:00+01:00', priority },
            '2026-02-09T09:30:00+01:00',
            {
              atRiskRemainingShare: share,
            },
          ).metrics.resolution!;
          expect(Number.isFinite(Date.parse(r.atRiskAt!))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
