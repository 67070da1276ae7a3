import { describe, expect, it } from 'vitest';
import { entry, evaluation, metric } from '../../tests/support/registry';
import { complianceCsv, csvCell, queueCsv, toCsv } from './csv';
import { computeCompliance, finishedRecords, meetsGoal, type FinishedRecord } from './compute';
import { findGoal } from './goals';
import { SEED_COMPLIANCE_GOALS } from '../../tests/support/compliance';
import { resolvePeriod } from './period';

const AMS = 'Europe/Amsterdam';
const NOW = Date.parse('2026-04-15T10:00:00Z');
const MARCH = resolvePeriod({ kind: 'month', year: 2026, month: 3 }, NOW, AMS);

let n = 0;
/** One finished ticket; `res`/`resp` are [dueMet, goalMet?]. */
function rec(
  policyId: 'workspace365' | 'mextra',
  priority: string,
  closedAt: string,
  res: [boolean, boolean?] | null,
  resp: [boolean, boolean?] | null = null,
  tier = 'standard',
): FinishedRecord {
  const m = ([met, goal]: [boolean, boolean?]) => ({
    state: met ? ('met' as const) : ('breached' as const),
    goalState: goal === undefined ? null : goal ? ('met' as const) : ('missed' as const),
    dueAt: '2026-03-10T12:00:00Z',
    goalAt: goal === undefined ? null : '2026-03-10T10:00:00Z',
    stoppedAt: closedAt,
  });
  n++;
  return {
    key: `zendesk:${policyId}.zendesk.com:${n}`,
    ticketKey: `#${n}`,
    subject: `Ticket ${n}`,
    link: `https://${policyId}.zendesk.com/agent/tickets/${n}`,
    policyId,
    policyName: policyId === 'mextra' ? 'Mextra' : 'Workspace 365',
    tier,
    priority,
    closedAt: Date.parse(closedAt),
    metrics: { ...(res ? { resolution: m(res) } : {}), ...(resp ? { response: m(resp) } : {}) },
  };
}
const times = <T>(k: number, f: (i: number) => T) => Array.from({ length: k }, (_, i) => f(i));
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;

/**
 * The fixture month, March 2026 in Amsterdam (DST starts 29 March):
 * - Workspace 365 P1: 4 tickets; resolution 3 met, 1 breached (75%, goal > 99%: missed);
 *   response 4 met (100% > 99%: met).
 * - Workspace 365 P2: 10 tickets; resolution 9 met (exactly 90%, goal > 90%: missed — "more than").
 * - Mextra high: 10 tickets; resolution within goal 9 (90% ≥ 90%: met), within due 10 (100%: met).
 * - Mextra normal: 2 tickets; goal 1 of 2 (50%), due 1 of 2 (50%): both missed.
 * - Around the edges: one closed 1 March 00:30 local (28 Feb 23:30Z) counts; one closed 1 April 00:30
 *   local (31 March 22:30Z, after the DST change) does not; one closed in February does not.
 */
const FIXTURE: FinishedRecord[] = [
  ...times(3, (i) => rec('workspace365', 'P1', day(2 + i), [true], [true], 'extended')),
  rec('workspace365', 'P1', day(20), [false], [true], 'basic'),
  rec('workspace365', 'P2', '2026-02-28T23:30:00Z', [true]),
  ...times(8, (i) => rec('workspace365', 'P2', day(5 + i), [true])),
  rec('workspace365', 'P2', day(30), [false]),
  ...times(9, (i) => rec('mextra', 'high', day(3 + i), [true, true])),
  rec('mextra', 'high', day(25), [true, false]),
  rec('mextra', 'normal', day(12), [true, true]),
  rec('mextra', 'normal', day(13), [false, false]),
  rec('mextra', 'normal', '2026-03-31T22:30:00Z', [false, false]),
  rec('mextra', 'normal', '2026-02-27T12:00:00Z', [false, false]),
];

describe('compliance periods', () => {
  it('bounds a chosen month at local midnight in the zone passed in', () => {
    expect(new Date(MARCH.from).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(MARCH.to).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect([MARCH.firstDay, MARCH.lastDay]).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('runs this month from the 1st up to and including now', () => {
    const r = resolvePeriod({ kind: 'this-month' }, NOW, 'America/New_York');
    expect(new Date(r.from).toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(r.to).toBe(NOW + 1);
  });

  it('counts the last 30 days back over the DST change in calendar days', () => {
    const r = resolvePeriod({ kind: 'last-30-days' }, Date.parse('2026-04-10T10:00:00Z'), AMS);
    expect(new Date(r.from).toISOString()).toBe('2026-03-11T11:00:00.000Z');
    expect(r.firstDay).toBe('2026-03-11');
  });
});

describe('contract compliance', () => {
  const report = computeCompliance(FIXTURE, MARCH, SEED_COMPLIANCE_GOALS);
  const row = (policyId: string, priority: string, metric: string, measure: string) =>
    report.rows.find(
      (r) =>
        r.policyId === policyId && r.priority === priority && r.metric === metric && r.measure === measure,
    );

  it('matches the hand-computed figures of the fixture month', () => {
    expect(report.tickets).toBe(26);
    expect(
      report.rows.map((r) => [r.policyName, r.priority, r.metric, r.measure, r.met, r.total, r.meetsGoal]),
    ).toEqual([
      ['Mextra', 'high', 'resolution', 'goal', 9, 10, true],
      ['Mextra', 'high', 'resolution', 'due', 10, 10, true],
      ['Mextra', 'normal', 'resolution', 'goal', 1, 2, false],
      ['Mextra', 'normal', 'resolution', 'due', 1, 2, false],
      ['Workspace 365', 'P1', 'response', 'due', 4, 4, true],
      ['Workspace 365', 'P1', 'resolution', 'due', 3, 4, false],
      ['Workspace 365', 'P2', 'resolution', 'due', 9, 10, false],
    ]);
    expect(row('workspace365', 'P1', 'resolution', 'due')?.share).toBe(0.75);
  });

  it('lists the breaches behind each figure, and the tier mix', () => {
    expect(row('workspace365', 'P1', 'resolution', 'due')?.breaches.map((b) => b.ticketKey)).toEqual(['#4']);
    expect(row('workspace365', 'P1', 'resolution', 'due')?.tiers).toEqual({ extended: 3, basic: 1 });
    expect(row('mextra', 'high', 'resolution', 'goal')?.breaches).toMatchObject([
      { subject: 'Ticket 24', missedAt: '2026-03-10T10:00:00Z' },
    ]);
    expect(row('mextra', 'high', 'resolution', 'due')?.breaches).toEqual([]);
  });

  it('reads "> 90%" as more than and "90%" as at least', () => {
    expect(meetsGoal(9, 10, { percent: 90, strict: true })).toBe(false);
    expect(meetsGoal(9, 10, { percent: 90, strict: false })).toBe(true);
    expect(meetsGoal(100, 100, { percent: 99, strict: true })).toBe(true);
    expect(meetsGoal(99, 100, { percent: 99, strict: true })).toBe(false);
  });

  it('shows figures without a contract goal with no verdict', () => {
    const r = computeCompliance([rec('workspace365', 'P3', day(4), [true])], MARCH, SEED_COMPLIANCE_GOALS);
    expect(r.rows[0]).toMatchObject({ priority: 'P3', goal: null, meetsGoal: null, met: 1, total: 1 });
  });

  it('prefers a goal for the exact priority over one for every priority', () => {
    const goals = [
      {
        policyId: 'x',
        priority: '*',
        metric: 'resolution' as const,
        measure: 'due' as const,
        percent: 80,
        strict: false,
      },
      {
        policyId: 'x',
        priority: 'P1',
        metric: 'resolution' as const,
        measure: 'due' as const,
        percent: 95,
        strict: false,
      },
    ];
    expect(findGoal(goals, 'x', 'P1', 'resolution', 'due')?.percent).toBe(95);
    expect(findGoal(goals, 'x', 'P2', 'resolution', 'due')?.percent).toBe(80);
    expect(findGoal(goals, 'y', 'P1', 'resolution', 'due')).toBeNull();
  });

  it('takes finished registry entries as records and leaves open ones out', () => {
    const closed = entry(
      { id: 'c', ticket: { createdAt: day(1), events: [{ at: day(2), type: 'status', status: 'solved' }] } },
      evaluation(
        { policy: 'mextra', priority: 'high' },
        {
          resolution: metric('resolution', { state: 'met', goalState: 'met', stoppedAt: day(2) }),
          response: metric('response', { state: 'none', dueAt: null }),
        },
      ),
    );
    const open = entry({ id: 'o' }, evaluation({}, { resolution: metric('resolution') }));
    const recs = finishedRecords([closed, open, entry({ id: 'n' })]);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({
      closedAt: Date.parse(day(2)),
      priority: 'high',
      metrics: { resolution: { state: 'met', goalState: 'met' } },
    });
    expect(recs[0]!.metrics.response).toBeUndefined();
  });
});

describe('CSV export', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null, true]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",3,,true\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', 'ok'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2+3",
      "'@cmd",
      '"\'\tx"',
      'ok',
    ]);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-5)).toBe('-5');
  });

  it('quotes a cell holding a semicolon and guards a formula after any separator (nl-NL Excel splits at ;)', () => {
    expect(csvCell('Printer;=1+1')).toBe(`"Printer;'=1+1"`);
    expect(csvCell("Printer;=cmd|' /C calc'!A0")).toBe(`"Printer;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a, +1')).toBe(`"a, '+1"`);
    expect(csvCell('a\t@x')).toBe(`"a\t'@x"`);
    expect(csvCell('line\n-1')).toBe(`"line\n'-1"`);
    expect(csvCell('a; "=1"')).toBe(`"a; ""'=1"""`);
    expect(csvCell(' =1')).toBe(`' =1`);
    expect(csvCell('plain; text')).toBe(`"plain; text"`);
    expect(csvCell('a-b=c')).toBe('a-b=c');
  });

  it('exports the compliance table with its period and breached tickets', () => {
    const csv = complianceCsv(computeCompliance(FIXTURE, MARCH, SEED_COMPLIANCE_GOALS)).split('\r\n');
    expect(csv[0]).toBe(
      'policy,priority,metric,measure,met,total,share_percent,goal,meets_goal,period_from,period_to,breached_tickets',
    );
    expect(csv).toContain('Workspace 365,P1,resolution,due,3,4,75,> 99%,no,2026-03-01,2026-03-31,#4');
    expect(csv).toContain('Mextra,normal,resolution,goal,1,2,50,>= 90%,no,2026-03-01,2026-03-31,#26');
  });

  it('exports the queue with ISO deadlines and whole minutes', () => {
    const csv = queueCsv([
      {
        ticketKey: '#1',
        subject: '=cmd|calc',
        helpdesk: 'zendesk',
        host: 'mextra.zendesk.com',
        priority: 'high',
        policyName: 'Mextra',
        tier: null,
        state: 'breached',
        metric: 'resolution',
        dueAt: Date.parse('2026-03-02T10:00:00Z'),
        remainingMs: -90_000,
        link: 'https://mextra.zendesk.com/agent/tickets/1',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      "#1,'=cmd|calc,zendesk,mextra.zendesk.com,high,Mextra,,breached,resolution,2026-03-02T10:00:00.000Z,-2,https://mextra.zendesk.com/agent/tickets/1",
    );
  });
});

describe('goals from a policy', () => {
  it('reads priority compliance and soft goals from the policy JSON', async () => {
    const { complianceGoalsFromPolicy } = await import('./goals');
    const goals = complianceGoalsFromPolicy({
      id: 'w',
      priorities: [{ id: 'P1', compliance: { percent: 99, text: '> 99%' } }, { id: 'P3' }],
      targets: { incident: { '*': { high: { resolution: { goal: { percent: 90 } } } } } },
    });
    expect(goals).toEqual([
      { policyId: 'w', priority: 'P1', metric: 'response', measure: 'due', percent: 99, strict: true },
      { policyId: 'w', priority: 'P1', metric: 'resolution', measure: 'due', percent: 99, strict: true },
      { policyId: 'w', priority: 'high', metric: 'resolution', measure: 'goal', percent: 90, strict: false },
      { policyId: 'w', priority: 'high', metric: 'resolution', measure: 'due', percent: 100, strict: false },
    ]);
  });
});

describe('counts only', () => {
  it('without breach lists gives the same figures, in the same order, with empty lists', () => {
    const records = [
      rec('mextra', 'urgent', '2026-03-02T10:00:00Z', [false, false]),
      rec('workspace365', 'P1', '2026-03-03T10:00:00Z', [true], [false]),
      rec('mextra', 'high', '2026-03-04T10:00:00Z', [true, false], null, 'gold'),
      rec('mextra', 'urgent', '2026-03-05T10:00:00Z', [true, true]),
      rec('workspace365', 'P1', '2026-03-06T10:00:00Z', [false], [true]),
      rec('mextra', 'urgent', '2026-04-01T10:00:00Z', [false, false]),
    ];
    const full = computeCompliance(records, MARCH, SEED_COMPLIANCE_GOALS);
    expect(full.rows.reduce((k, r) => k + r.breaches.length, 0)).toBe(5);
    const counts = computeCompliance(records, MARCH, SEED_COMPLIANCE_GOALS, { breaches: false });
    expect(counts).toEqual({ ...full, rows: full.rows.map((r) => ({ ...r, breaches: [] })) });
  });
});
