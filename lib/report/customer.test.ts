/**
 * The service report narrowed to one customer, over quarters and ranges (a DST month included), with
 * the RCA evidence read from the tags the tickets' records keep. Evaluated by the real engine with
 * the seed policies; times in the comments are Amsterdam local (CET before 29 March 2026, CEST after).
 */
import { describe, expect, it } from 'vitest';
import { finishedRecords } from '../compliance';
import type { RegistryEntry } from '../registry/types';
import { buildServiceReport, type ReportInput } from './compute';
import { resolveReportPeriod, trendMonths } from './period';
import { MAX_REPORT_RANGE_DAYS } from './address';
import { entry, H, MIN, policy, reply, status, ZONE } from '../../tests/support/report';

const withFacts = (e: RegistryEntry, customer: string | undefined, tags?: string[]): RegistryEntry => ({
  ...e,
  facts: { ...(customer ? { customer } : {}), ...(tags ? { tags } : {}) },
});

// Workspace 365 P1s (response 5 business minutes; office hours Mon–Fri 08:00–18:00).
// Acme: #21 Mon 2 Mar 09:00, reply 09:03 (met), RCA delivered.
const acme1 = withFacts(
  entry('workspace365', 21, {
    createdAt: '2026-03-02T08:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-02T08:03:00Z'), status('2026-03-02T10:00:00Z', 'solved')],
  }),
  'Acme',
  ['rca_delivered'],
);
// Acme: #22 Tue 31 Mar 09:00 (summer time: 07:00 UTC), reply 09:02 (met), no RCA tag.
const acme2 = withFacts(
  entry('workspace365', 22, {
    createdAt: '2026-03-31T07:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-31T07:02:00Z'), status('2026-03-31T09:00:00Z', 'solved')],
  }),
  'Acme',
  [],
);
// Bakkerij: #23 Wed 4 Mar 09:00, reply 09:10 (5 business minutes late).
const bakkerij = withFacts(
  entry('workspace365', 23, {
    createdAt: '2026-03-04T08:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-04T08:10:00Z'), status('2026-03-04T11:00:00Z', 'solved')],
  }),
  'Bakkerij De Vries',
  ['rca_delivered'],
);
// Before facts were read: #24 Thu 5 Feb 09:00, reply 09:20 (15 min late), archived without a customer.
const old = entry('workspace365', 24, {
  createdAt: '2026-02-05T08:00:00Z',
  priority: 'P1',
  events: [reply('2026-02-05T08:20:00Z'), status('2026-02-05T10:00:00Z', 'solved')],
});

const build = (over: Partial<ReportInput>) =>
  buildServiceReport({
    policy: policy('workspace365'),
    entries: [acme1, acme2, bakkerij],
    archive: finishedRecords([old]),
    period: { kind: 'quarter', year: 2026, quarter: 1 },
    zone: ZONE,
    now: Date.parse('2026-04-02T10:00:00Z'),
    locale: 'en',
    ...over,
  });
const row = (r: ReturnType<typeof build>, metric: string) =>
  r.compliance.find((x) => x.priority === 'P1' && x.metric === metric && x.measure === 'due')!;

describe('the service report for one customer', () => {
  it('lists the customers present in the period, and counts the tickets without one', () => {
    const r = build({});
    expect(r.customer).toBeNull();
    expect(r.customers).toEqual(['Acme', 'Bakkerij De Vries']);
    expect(r.withoutCustomer).toBe(1);
    expect([r.tickets, row(r, 'response').met, row(r, 'response').total]).toEqual([4, 2, 4]);
  });

  it("narrows compliance, breaches, times, trend and obligations to that customer's tickets", () => {
    const r = build({ customer: 'Acme' });
    expect(r.customer).toBe('Acme');
    expect(r.customers).toEqual(['Acme', 'Bakkerij De Vries']); // still all, to choose another
    expect(r.tickets).toBe(2);
    expect([row(r, 'response').met, row(r, 'response').total, row(r, 'response').meetsGoal]).toEqual([
      2,
      2,
      true,
    ]);
    expect(r.breaches).toEqual([]);
    expect(r.times.find((t) => t.metric === 'response')).toMatchObject({ count: 2, p90Ms: 3 * MIN });
    expect(r.trend.months.filter((m) => m.tickets > 0).map((m) => [m.month, m.tickets])).toEqual([
      ['2026-03', 2],
    ]);
    expect(r.obligations[0]!.tickets.map((t) => `${t.ticketKey}:${t.status}`)).toEqual([
      '#21:delivered',
      '#22:missing',
    ]);

    const b = build({ customer: 'Bakkerij De Vries' });
    expect(b.breaches.map((x) => [x.ticketKey, x.lateMs])).toEqual([['#23', 5 * MIN]]);
    expect(b.trend.months.find((m) => m.month === '2026-03')).toMatchObject({ tickets: 1, belowGoal: true });
  });

  it('has no tickets for a customer not present (not an error), and the archive-only ticket only in "all"', () => {
    const r = build({ customer: 'Nobody' });
    expect([r.tickets, r.compliance.length, r.breaches.length]).toEqual([0, 0, 0]);
    const all = build({});
    expect(all.trend.months.find((m) => m.month === '2026-02')).toMatchObject({
      tickets: 1,
      belowGoal: true,
    });
  });

  it('reads the RCA evidence from the tags kept on archived records; records without tags are "not known"', () => {
    const archive = finishedRecords([acme1, acme2, bakkerij, old]);
    const r = build({ entries: [], archive });
    expect(r.obligations[0]!.tickets.map((t) => `${t.ticketKey}:${t.status}`)).toEqual([
      '#24:unknown',
      '#21:delivered',
      '#23:delivered',
      '#22:missing',
    ]);
    expect(r.obligations[0]).toMatchObject({ delivered: 2, missing: 1, unknown: 1 });
  });
});

describe('report periods', () => {
  it('a quarter over the spring DST change is 90 days less an hour, and its trend ends with its last month', () => {
    const q = resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 1 }, ZONE);
    expect(q.to - q.from).toBe(90 * 24 * H - H);
    expect(trendMonths(q).map((m) => m.key)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const ny = resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 4 }, 'America/New_York');
    expect([ny.from, ny.to]).toEqual([
      Date.parse('2026-10-01T04:00:00Z'),
      Date.parse('2027-01-01T05:00:00Z'),
    ]);
  });

  it('October 2026 (autumn DST) is 31 days and an hour; a range over the change day is 25 hours longer per day', () => {
    const oct = resolveReportPeriod({ kind: 'month', year: 2026, month: 10 }, ZONE);
    expect(oct.to - oct.from).toBe(31 * 24 * H + H);
    const day = resolveReportPeriod({ kind: 'range', from: '2026-10-25', to: '2026-10-25' }, ZONE);
    expect([day.to - day.from, day.firstDay, day.lastDay]).toEqual([25 * H, '2026-10-25', '2026-10-25']);
    const spring = resolveReportPeriod({ kind: 'range', from: '2026-03-28', to: '2026-03-29' }, ZONE);
    expect(spring.to - spring.from).toBe(47 * H);
  });

  it('a range covers both days, at most 366 of them, and its trend ends with the month it ends in', () => {
    const r = resolveReportPeriod({ kind: 'range', from: '2026-02-15', to: '2026-05-10' }, ZONE);
    expect([r.firstDay, r.lastDay]).toEqual(['2026-02-15', '2026-05-10']);
    expect(trendMonths(r).at(-1)!.key).toBe('2026-05');
    expect(MAX_REPORT_RANGE_DAYS).toBe(366);
    expect(() =>
      resolveReportPeriod({ kind: 'range', from: '2024-01-01', to: '2024-12-31' }, ZONE),
    ).not.toThrow();
    expect(() => resolveReportPeriod({ kind: 'range', from: '2025-01-01', to: '2026-01-02' }, ZONE)).toThrow(
      /longer than 366 days/,
    );
    expect(() => resolveReportPeriod({ kind: 'range', from: '2026-05-10', to: '2026-05-01' }, ZONE)).toThrow(
      /the first not after the last/,
    );
  });

  it('a range report counts only the tickets finished on its days', () => {
    const r = build({ period: { kind: 'range', from: '2026-03-04', to: '2026-03-31' } });
    expect(r.tickets).toBe(2); // #23 (4 Mar) and #22 (31 Mar); #21 (2 Mar) is before it
    expect(r.customers).toEqual(['Acme', 'Bakkerij De Vries']);
    expect(r.withoutCustomer).toBe(0);
  });
});
