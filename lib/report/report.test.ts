/**
 * The service report on hand-computed fixture months, evaluated by the real engine with the seed
 * policies. Times in the comments are Amsterdam local (CET, UTC+1, before 29 March 2026).
 */
import { describe, expect, it } from 'vitest';
import { finishedRecords, type FinishedRecord } from '../compliance';
import { buildServiceReport } from './compute';
import { creditPercent, percentile, streakBelowGoal } from './formulas';
import { resolveReportPeriod, trendMonths } from './period';
import { entry, H, MIN, policy, reply, status, ZONE } from '../../tests/support/report';

describe('formulas', () => {
  it('nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(percentile([1, 2], 90)).toBe(2);
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile([...ten, 11], 90)).toBe(10); // ceil(9.9) = 10th value
  });
  it('streak of months below goal counts back from the last month', () => {
    expect(streakBelowGoal([])).toBe(0);
    expect(streakBelowGoal([true, false, true, true])).toBe(2);
    expect(streakBelowGoal([true, true, false])).toBe(0);
  });
  it('Mextra 6.2 credit: 5% from the 3rd month in a row, 5% more each further month, at most 50%', () => {
    const rule = { afterMonths: 3, percentPerMonth: 5, maxPercent: 50 };
    expect([0, 1, 2, 3, 4, 5, 12, 13, 20].map((n) => creditPercent(rule, n))).toEqual([
      0, 0, 0, 5, 10, 15, 50, 50, 50,
    ]);
  });
});

describe('periods', () => {
  it('month, quarter and range in the zone; 12 trend months ending with the period', () => {
    const q = resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 1 }, ZONE);
    expect([q.firstDay, q.lastDay]).toEqual(['2026-01-01', '2026-03-31']);
    expect(q.from).toBe(Date.parse('2025-12-31T23:00:00Z'));
    expect(q.to).toBe(Date.parse('2026-03-31T22:00:00Z')); // April starts in summer time
    const r = resolveReportPeriod({ kind: 'range', from: '2026-02-10', to: '2026-02-12' }, ZONE);
    expect(r.to - r.from).toBe(3 * 24 * H);
    const months = trendMonths(q).map((m) => m.key);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
    expect(() => resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 5 }, ZONE)).toThrow();
  });
});

describe('Mextra: breaches in three consecutive months and the credit that follows', () => {
  // Urgent incidents, resolution: goal 4 business hours (90%), due 6 (100%); Service Window 1 is
  // Mon–Fri 09:00–17:30.
  const dec = entry('mextra', 1, {
    // Tue 2 Dec 09:00 → solved 11:00: 2 h, goal and deadline met.
    createdAt: '2025-12-02T08:00:00Z',
    priority: 'urgent',
    events: [status('2025-12-02T10:00:00Z', 'solved')],
  });
  const jan = entry('mextra', 2, {
    // Tue 6 Jan 09:00 → solved Wed 7 Jan 09:30: 8.5 h + 0.5 h = 9 h, 3 h late.
    createdAt: '2026-01-06T08:00:00Z',
    priority: 'urgent',
    events: [status('2026-01-07T08:30:00Z', 'solved')],
  });
  const feb = entry('mextra', 3, {
    // Mon 2 Feb 09:00, pending 10:00–12:00, solved 17:30: 8.5 h − 2 h = 6.5 h, 30 min late.
    createdAt: '2026-02-02T08:00:00Z',
    priority: 'urgent',
    events: [
      status('2026-02-02T09:00:00Z', 'pending'),
      status('2026-02-02T11:00:00Z', 'open'),
      status('2026-02-02T16:30:00Z', 'solved'),
    ],
  });
  const marMet = entry('mextra', 4, {
    // Mon 2 Mar 09:00 → 10:00: 1 h.
    createdAt: '2026-03-02T08:00:00Z',
    priority: 'urgent',
    events: [status('2026-03-02T09:00:00Z', 'solved')],
  });
  const marLate = entry('mextra', 5, {
    // Thu 5 Mar 13:00 → Fri 6 Mar 17:00: 4.5 h + 8 h = 12.5 h, 6.5 h late.
    createdAt: '2026-03-05T12:00:00Z',
    priority: 'urgent',
    events: [status('2026-03-06T16:00:00Z', 'solved')],
  });
  // The registry keeps finished tickets 30 days: December and January live only in the archive.
  const archive: FinishedRecord[] = finishedRecords([dec, jan]);
  const entries = [feb, marMet, marLate];
  const report = (month: number) =>
    buildServiceReport({
      policy: policy('mextra'),
      entries,
      archive,
      period: { kind: 'month', year: 2026, month },
      zone: ZONE,
      now: Date.parse('2026-04-01T10:00:00Z'),
      locale: 'en',
    });

  it('March: compliance, breach explained in business time, times, trend and a 5% credit', () => {
    const r = report(3);
    expect(r.tickets).toBe(2);
    const row = (measure: string) =>
      r.compliance.find(
        (x) => x.priority === 'urgent' && x.metric === 'resolution' && x.measure === measure,
      )!;
    expect([row('goal').met, row('goal').total, row('goal').meetsGoal]).toEqual([1, 2, false]);
    expect([row('due').met, row('due').total, row('due').meetsGoal]).toEqual([1, 2, false]);

    const due = r.breaches.filter((b) => b.measure === 'due');
    expect(due).toHaveLength(1);
    expect(due[0]!.ticketKey).toBe('#5');
    expect(due[0]!.lateMs).toBe(6.5 * H);
    expect(Date.parse(due[0]!.missedAt!)).toBe(Date.parse('2026-03-06T09:30:00Z')); // 4.5 h Thu + 1.5 h Fri from 09:00
    expect(Date.parse(due[0]!.clockStartedAt!)).toBe(Date.parse('2026-03-05T12:00:00Z'));
    expect(due[0]!.explanation).toContain('Resolution: due 6 business hours');
    expect(r.breaches.filter((b) => b.measure === 'goal').map((b) => b.ticketKey)).toEqual(['#5']);

    const t = r.times.find((x) => x.priority === 'urgent' && x.metric === 'resolution')!;
    expect([t.count, t.medianMs, t.p90Ms, t.businessTime]).toEqual([2, 1 * H, 12.5 * H, true]);
    // Urgent incidents have no response target in Mextra's table.
    expect(r.leftOut).toEqual([{ metric: 'response', reason: 'no-target', count: 2 }]); // a count, no list

    expect(
      r.trend.months.map((m) => `${m.month}:${m.tickets}:${m.belowGoal ? 'below' : 'ok'}`).slice(-4),
    ).toEqual(['2025-12:1:ok', '2026-01:1:below', '2026-02:1:below', '2026-03:2:below']);
    const s = r.trend.series.find((x) => x.id === 'urgent|resolution|goal')!;
    expect(s.points.slice(-4).map((p) => p.share)).toEqual([1, 0, 0, 0.5]);
    expect(s.points[0]).toEqual({ month: '2025-04', met: 0, total: 0, share: null, meetsGoal: null });

    expect(r.credits).toHaveLength(1);
    expect(r.credits[0]).toMatchObject({
      streak: 3,
      streakMonths: ['2026-01', '2026-02', '2026-03'],
      percent: 5,
      source: '6.2 Compensaties',
    });
  });

  it('February: the pause is in the explanation, the lateness is 30 business minutes, no credit yet', () => {
    const r = report(2);
    const b = r.breaches.find((x) => x.measure === 'due')!;
    expect(b.lateMs).toBe(30 * MIN);
    expect(b.pauses.map((p) => [Date.parse(p.from), Date.parse(p.to!), p.status])).toEqual([
      [Date.parse('2026-02-02T09:00:00Z'), Date.parse('2026-02-02T11:00:00Z'), 'pending'],
    ]);
    expect(b.explanation).toMatch(/Not counted while pending/);
    expect(r.credits[0]).toMatchObject({ streak: 2, percent: 0 });
  });

  it('January from the archive: counted, but its explanation is not kept (and says so)', () => {
    const r = report(1);
    expect(r.tickets).toBe(1);
    const b = r.breaches.find((x) => x.measure === 'due')!;
    expect([b.ticketKey, b.explanation, b.lateMs]).toEqual(['#2', null, null]);
    expect(r.leftOut).toEqual([
      expect.objectContaining({ metric: 'response', reason: 'not-kept', count: 1 }),
    ]);
    expect(r.times.find((x) => x.metric === 'resolution')).toBeUndefined();
  });

  it('the explanation is in the report language, not the UI language', () => {
    const nl = buildServiceReport({
      policy: policy('mextra'),
      entries,
      archive,
      period: { kind: 'month', year: 2026, month: 3 },
      zone: ZONE,
      now: 0,
      locale: 'nl',
    });
    expect(nl.breaches[0]!.explanation).toContain('Oplossing: uiterlijk');
  });
});

describe('Workspace 365: a hotfix-exempt P1 and an RCA missing', () => {
  // P1: response 5 business minutes, resolution 4 business hours; office hours Mon–Fri 08:00–18:00.
  const a = entry('workspace365', 11, {
    // Mon 2 Mar 09:00, reply 09:03, solved 11:00: both met.
    createdAt: '2026-03-02T08:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-02T08:03:00Z'), status('2026-03-02T10:00:00Z', 'solved')],
  });
  const b = entry('workspace365', 12, {
    // Tue 3 Mar 09:00, reply 09:02, hotfix 10:00, solved Wed 12:00: resolution exempt.
    createdAt: '2026-03-03T08:00:00Z',
    priority: 'P1',
    events: [
      reply('2026-03-03T08:02:00Z'),
      { at: '2026-03-03T09:00:00Z', type: 'hotfix' },
      status('2026-03-04T11:00:00Z', 'solved'),
    ],
  });
  const c = entry('workspace365', 13, {
    // Wed 4 Mar 09:00, reply 09:10 (5 min late), solved 12:00 (3 h, met).
    createdAt: '2026-03-04T08:00:00Z',
    priority: 'P1',
    events: [reply('2026-03-04T08:10:00Z'), status('2026-03-04T11:00:00Z', 'solved')],
  });
  const tags: Record<string, string[]> = {
    [a.key]: ['rca_delivered', 'vip'],
    [b.key]: ['hotfix'],
    [c.key]: ['rca_delivered'],
  };
  const build = (evidence?: (k: string) => ReadonlySet<string> | undefined) =>
    buildServiceReport({
      policy: policy('workspace365'),
      entries: [a, b, c],
      period: { kind: 'month', year: 2026, month: 3 },
      zone: ZONE,
      now: Date.parse('2026-04-01T10:00:00Z'),
      locale: 'en',
      ...(evidence ? { evidence } : {}),
    });

  it('compliance against "> 99%", the exempt P1 left out with the contract reason', () => {
    const r = build();
    const row = (metric: string) => r.compliance.find((x) => x.priority === 'P1' && x.metric === metric)!;
    expect([row('response').met, row('response').total, row('response').meetsGoal]).toEqual([2, 3, false]);
    expect([row('resolution').met, row('resolution').total, row('resolution').meetsGoal]).toEqual([
      2,
      2,
      true,
    ]);
    expect(r.leftOut).toEqual([
      {
        metric: 'resolution',
        reason: 'exempt',
        count: 1,
        tickets: [
          {
            key: b.key,
            ticketKey: '#12',
            link: b.link,
            why: 'the P1 can only be solved with a hotfix, so the 4-hour resolution time lapses',
          },
        ],
      },
    ]);
    expect(r.breaches).toHaveLength(1);
    expect(r.breaches[0]).toMatchObject({ ticketKey: '#13', metric: 'response', lateMs: 5 * MIN });
    const resp = r.times.find((x) => x.metric === 'response')!;
    expect([resp.count, resp.medianMs, resp.p90Ms]).toEqual([3, 3 * MIN, 10 * MIN]);
    expect(r.credits).toEqual([]);
  });

  it('RCA after each solved P1: delivered, missing, or unknown when the tags were not read', () => {
    const r = build((k) => (tags[k] ? new Set(tags[k]) : undefined));
    const o = r.obligations[0]!;
    expect(o.tag).toBe('rca_delivered');
    expect(o.tickets.map((t) => `${t.ticketKey}:${t.status}`)).toEqual([
      '#11:delivered',
      '#12:missing',
      '#13:delivered',
    ]);
    expect([o.delivered, o.missing, o.unknown]).toEqual([2, 1, 0]);
    const none = build().obligations[0]!;
    expect([none.delivered, none.missing, none.unknown]).toEqual([0, 0, 3]);
  });
});
