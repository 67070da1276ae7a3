/**
 * Availability (Membro 2.2: (TMM − TMD) / TMM) on hand-computed months. Times in the comments are
 * Amsterdam local time: CEST (UTC+2) in June, CET (UTC+1) before 29 March and after 25 October 2026.
 */
import { describe, expect, it } from 'vitest';
import type { Policy } from '../sla/schema';
import {
  availabilityFigures,
  buildAvailability,
  isOutage,
  maintenanceIntervals,
  monthsIn,
  subtractIntervals,
  unionIntervals,
  type OutageCandidate,
} from './availability';
import { resolveReportPeriod } from './period';
import { buildServiceReport } from './compute';
import { serviceReportCsv } from './csv';
import type { FinishedRecord } from '../compliance';
import { entry, policy, status, ZONE } from '../../tests/support/report';

const t = (iso: string) => Date.parse(iso);
const iv = (a: string, b: string) => ({ from: t(a), to: t(b) });
/** A calendar month in Amsterdam as the report resolves it. */
const fullMonth = (year: number, month: number) => {
  const r = resolveReportPeriod({ kind: 'month', year, month }, ZONE);
  return { key: `${year}-${String(month).padStart(2, '0')}`, from: r.from, to: r.to };
};

function candidate(
  id: number,
  tier: string,
  from: string,
  to: string | null,
  tags?: string[],
): OutageCandidate {
  return {
    key: `zendesk:membro.zendesk.com:${id}`,
    ticketKey: `#${id}`,
    subject: `Ticket ${id}`,
    link: `https://membro.zendesk.com/agent/tickets/${id}`,
    tier,
    openedAt: t(from),
    closedAt: to === null ? null : t(to),
    tags,
  };
}

describe('intervals', () => {
  it('a union merges overlapping and touching intervals and drops empty ones', () => {
    expect(
      unionIntervals([
        { from: 5, to: 9 },
        { from: 1, to: 3 },
        { from: 3, to: 4 },
        { from: 8, to: 12 },
        { from: 20, to: 20 },
      ]),
    ).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: 12 },
    ]);
  });
  it('subtracting cuts holes and ends', () => {
    expect(
      subtractIntervals(
        [
          { from: 0, to: 10 },
          { from: 20, to: 30 },
        ],
        [
          { from: 2, to: 4 },
          { from: 8, to: 22 },
          { from: 29, to: 40 },
        ],
      ),
    ).toEqual([
      { from: 0, to: 2 },
      { from: 4, to: 8 },
      { from: 22, to: 29 },
    ]);
  });
});

describe('months in the zone', () => {
  it('monthsIn splits a range into calendar months of the zone, clipped', () => {
    const q = resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 1 }, ZONE);
    expect(monthsIn(q.from, q.to, ZONE).map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsIn(q.from, q.to, ZONE)[2]).toEqual(fullMonth(2026, 3));
    const r = resolveReportPeriod({ kind: 'range', from: '2026-01-20', to: '2026-02-05' }, ZONE);
    const parts = monthsIn(r.from, r.to, ZONE);
    expect(parts.map((m) => [m.key, (m.to - m.from) / 86_400_000])).toEqual([
      ['2026-01', 12],
      ['2026-02', 5],
    ]);
  });
  it('March 2026 has 31 × 1440 − 60 minutes and October 31 × 1440 + 60 in Amsterdam', () => {
    const mar = fullMonth(2026, 3);
    const oct = fullMonth(2026, 10);
    expect(mar.key).toBe('2026-03');
    expect((mar.to - mar.from) / 60_000).toBe(44_580);
    expect((oct.to - oct.from) / 60_000).toBe(44_700);
    expect(new Date(mar.from).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(oct.to).toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
});

describe('isOutage', () => {
  it('needs every given criterion; a criterion without its fact is not known', () => {
    expect(isOutage({ tag: 'platform_down' }, { tags: ['x', 'platform_down'] })).toBe(true);
    expect(isOutage({ tag: 'platform_down' }, { tags: new Set(['x']) })).toBe(false);
    expect(isOutage({ tag: 'platform_down' }, {})).toBeNull();
    expect(isOutage({ type: 'incident' }, { type: 'incident' })).toBe(true);
    expect(isOutage({ tag: 'down', type: 'incident' }, { type: 'question' })).toBe(false); // type fails: known no
    expect(isOutage({ tag: 'down', type: 'incident' }, { type: 'incident' })).toBeNull();
    expect(isOutage({ field: 'cause', value: 'platform' }, { fields: { cause: 'platform' } })).toBe(true);
    expect(isOutage({ field: 'cause', value: 'platform' }, { fields: { cause: 'network' } })).toBe(false);
    expect(isOutage({ field: 'toString' }, { fields: {} })).toBe(false); // own properties only
    expect(isOutage({}, { tags: ['down'] })).toBe(false);
  });
});

describe('maintenance windows', () => {
  it('Mextra daily 01:00–04:00 is 2 h on the night summer time starts and 4 h when it ends', () => {
    const m = policy('mextra').report!.availability!.maintenance;
    const spring = maintenanceIntervals(m, ZONE, t('2026-03-28T23:00:00Z'), t('2026-03-29T22:00:00Z'));
    expect(spring).toEqual([iv('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')]); // 01:00 CET → 04:00 CEST
    const autumn = maintenanceIntervals(m, ZONE, t('2026-10-24T22:00:00Z'), t('2026-10-25T23:00:00Z'));
    expect(autumn).toEqual([iv('2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z')]); // 01:00 CEST → 04:00 CET
  });
  it('Scope4mation: weekday evenings into the next morning and whole weekends, Monday 00:00–04:00 not', () => {
    const m = policy('scope4mation').report!.availability!.maintenance;
    // Fri 5 June 2026 12:00 → Tue 9 June 12:00 (CEST)
    const got = maintenanceIntervals(m, ZONE, t('2026-06-05T10:00:00Z'), t('2026-06-09T10:00:00Z'));
    expect(got).toEqual([
      iv('2026-06-05T18:00:00Z', '2026-06-07T22:00:00Z'), // Fri 20:00 → Mon 00:00 (Fri evening, Sat, Sun merged)
      iv('2026-06-08T18:00:00Z', '2026-06-09T02:00:00Z'), // Mon 20:00 → Tue 04:00
    ]);
  });
  it('a window that started the day before the period is clipped to it', () => {
    const m = policy('scope4mation').report!.availability!.maintenance;
    // Tue 9 June 00:00 → 12:00: only Mon evening's tail, 00:00–04:00
    expect(maintenanceIntervals(m, ZONE, t('2026-06-08T22:00:00Z'), t('2026-06-09T10:00:00Z'))).toEqual([
      iv('2026-06-08T22:00:00Z', '2026-06-09T02:00:00Z'),
    ]);
  });
});

describe('Membro Premium: two overlapping outage tickets across an announced maintenance window', () => {
  const base = policy('membro');
  const withWindow: Policy = {
    ...base,
    report: {
      availability: {
        ...base.report!.availability!,
        maintenance: { announced: [{ from: '2026-06-10T22:00', to: '2026-06-11T00:00' }] },
      },
    },
  };
  // June 2026: 30 days × 1440 = 43,200 minutes; the announced window Wed 10 June 22:00–00:00 = 120 min
  // → TMM = 43,200 − 120 = 43,080.
  // Ticket 1: Wed 21:00 → 23:00; ticket 2: Wed 22:30 → Thu 01:30. Union 21:00 → 01:30 = 270 min,
  // less the window's 120 → TMD = 150. (43,080 − 150) / 43,080 = 42,930 / 43,080 = 99.6518…% ≥ 99.5: met.
  const outages = [
    candidate(1, 'premium', '2026-06-10T19:00:00Z', '2026-06-10T21:00:00Z', ['platform_down']),
    candidate(2, 'premium', '2026-06-10T20:30:00Z', '2026-06-10T23:30:00Z', ['platform_down', 'vip']),
    candidate(3, 'premium', '2026-06-12T08:00:00Z', '2026-06-12T09:00:00Z', ['question']), // not an outage
  ];
  const june = fullMonth(2026, 6);
  const build = (p: Policy, extra: OutageCandidate[] = []) =>
    buildAvailability({
      policy: p,
      months: [june],
      candidates: [...outages, ...extra],
      ruleFor: () => ({ tag: 'platform_down' }),
      configured: true,
      now: t('2026-07-05T00:00:00Z'),
    })!;

  it('counts the overlap once and the window in neither TMM nor TMD', () => {
    const s = build(withWindow);
    const premium = s.months.find((m) => m.tier === 'premium')!;
    expect(premium.maintenanceMinutes).toBe(120);
    expect(premium.tmmMinutes).toBe(43_080);
    expect(premium.tmdMinutes).toBe(150);
    expect(premium.percent).toBeCloseTo((42_930 / 43_080) * 100, 10);
    expect(premium.percent!.toFixed(4)).toBe('99.6518');
    expect(premium.target).toBe(99.5);
    expect(premium.met).toBe(true);
    // per ticket, without the window: #1 21:00–22:00 = 60; #2 22:30–01:30 less 22:00–00:00 = 00:00–01:30 = 90
    expect(premium.outages.map((o) => [o.ticketKey, o.minutes])).toEqual([
      ['#1', 60],
      ['#2', 90],
    ]);
    // Standard has no outage tickets: 100% against 98%.
    const standard = s.months.find((m) => m.tier === 'standard')!;
    expect([standard.percent, standard.target, standard.met, standard.tmdMinutes]).toEqual([
      100,
      98,
      true,
      0,
    ]);
    expect(s.source).toBe('2.2 Beschikbaarheid');
    expect(s.configured).toBe(true);
  });

  it('without the window the same tickets give 270 of 43,200 minutes: 99.375%, below 99.5', () => {
    const p: Policy = { ...base };
    const premium = build(p).months.find((m) => m.tier === 'premium')!;
    expect([premium.tmmMinutes, premium.tmdMinutes]).toEqual([43_200, 270]);
    expect(premium.percent).toBeCloseTo(99.375, 10); // (43,200 − 270) / 43,200
    expect(premium.met).toBe(false);
  });

  it('two environments double TMM and TMD (an outage ticket counts for both): the same percent', () => {
    const p: Policy = {
      ...withWindow,
      report: { availability: { ...withWindow.report!.availability!, environments: 2 } },
    };
    const premium = build(p).months.find((m) => m.tier === 'premium')!;
    expect([premium.tmmMinutes, premium.tmdMinutes, premium.environments]).toEqual([86_160, 300, 2]);
    expect(premium.percent!.toFixed(4)).toBe('99.6518');
  });

  it('an outage still open counts up to now; one reaching in from May is clipped to June', () => {
    // Ticket 4: opened Sun 31 May 23:00, solved Mon 1 June 01:00 → 60 min in June.
    // Ticket 5: opened Mon 29 June 10:00, still open at now = Mon 29 June 11:30 → 90 min. TMD = 150.
    const s = buildAvailability({
      policy: base,
      months: [june],
      candidates: [
        candidate(4, 'premium', '2026-05-31T21:00:00Z', '2026-05-31T23:00:00Z', ['platform_down']),
        candidate(5, 'premium', '2026-06-29T08:00:00Z', null, ['platform_down']),
      ],
      ruleFor: () => ({ tag: 'platform_down' }),
      configured: true,
      now: t('2026-06-29T09:30:00Z'),
    })!;
    const premium = s.months.find((m) => m.tier === 'premium')!;
    expect(premium.tmdMinutes).toBe(150);
    expect(premium.outages.map((o) => [o.ticketKey, o.minutes, o.to])).toEqual([
      ['#4', 60, t('2026-05-31T23:00:00Z')],
      ['#5', 90, null],
    ]);
  });

  it('tickets whose tags are not known are listed as not known, not counted', () => {
    const s = build(withWindow, [candidate(6, 'premium', '2026-06-20T08:00:00Z', '2026-06-20T09:00:00Z')]);
    expect(s.unknown.map((u) => u.ticketKey)).toEqual(['#6']);
    expect(s.months.find((m) => m.tier === 'premium')!.tmdMinutes).toBe(150);
  });

  it('without an outage rule on any assignment nothing is counted and the section says so', () => {
    const s = buildAvailability({
      policy: withWindow,
      months: [june],
      candidates: outages,
      ruleFor: () => undefined,
      configured: false,
      now: t('2026-07-05T00:00:00Z'),
    })!;
    expect(s.configured).toBe(false);
    expect(s.months.every((m) => m.tmdMinutes === 0)).toBe(true);
  });
});

describe("Mextra's daily window in the DST months", () => {
  // March 2026: 44,580 minutes; the window 01:00–04:00 on 30 nights × 180 + 120 on Sun 29 March
  // (01:00 CET → 04:00 CEST) = 5,520 → TMM = 39,060. October: 44,700 − (30 × 180 + 240) = 39,060 too.
  it('March: an outage Tue 10 March 00:00–05:00 counts 300 − 180 = 120 minutes: 99.69%, met', () => {
    const mar = fullMonth(2026, 3);
    const s = buildAvailability({
      policy: policy('mextra'),
      months: [mar],
      candidates: [candidate(7, 'standard', '2026-03-09T23:00:00Z', '2026-03-10T04:00:00Z', ['storing'])],
      ruleFor: () => ({ tag: 'storing' }),
      configured: true,
      now: t('2026-04-02T00:00:00Z'),
    })!;
    const m = s.months[0]!;
    expect([m.month, m.tier, m.maintenanceMinutes, m.tmmMinutes, m.tmdMinutes]).toEqual([
      '2026-03',
      'standard',
      5_520,
      39_060,
      120,
    ]);
    expect(m.percent).toBeCloseTo((38_940 / 39_060) * 100, 10); // 99.6928…%
    expect(m.met).toBe(true);
  });
  it('October: a 4-hour outage Sat 17 Oct 09:00–13:00 plus 3.5 h on Mon 19 Oct misses 99.5%', () => {
    const oct = fullMonth(2026, 10);
    const s = buildAvailability({
      policy: policy('mextra'),
      months: [oct],
      candidates: [
        candidate(8, 'standard', '2026-10-17T07:00:00Z', '2026-10-17T11:00:00Z', ['storing']),
        candidate(9, 'standard', '2026-10-19T07:00:00Z', '2026-10-19T10:30:00Z', ['storing']),
      ],
      ruleFor: () => ({ tag: 'storing' }),
      configured: true,
      now: t('2026-11-02T00:00:00Z'),
    })!;
    const m = s.months[0]!;
    expect([m.maintenanceMinutes, m.tmmMinutes, m.tmdMinutes]).toEqual([5_640, 39_060, 450]);
    expect(m.percent).toBeCloseTo((38_610 / 39_060) * 100, 10); // 98.8479…%
    expect(m.met).toBe(false);
  });
});

describe('availabilityFigures', () => {
  it('a period that is all maintenance has no percent', () => {
    const f = availabilityFigures({
      from: 0,
      to: 100,
      outages: [{ from: 10, to: 20 }],
      maintenance: [{ from: 0, to: 100 }],
    });
    expect(f.percent).toBeNull();
    expect(f.tmdMinutes).toBe(0);
  });
});

describe('in the service report', () => {
  it('Membro June: registry tickets with the tags from evidence, an archived record, one without a start', () => {
    // Premium, no maintenance announced: TMM = 43,200. #1 Wed 10 June 21:00–23:00 and #2 22:30–01:30
    // (union 270 min), archived #3 Sat 20 June 10:00–11:00 (60) → TMD 330: 42,870 / 43,200 = 99.2361…%.
    const e1 = entry('membro', 1, {
      createdAt: '2026-06-10T19:00:00Z',
      tier: 'premium',
      priority: 'critical',
      events: [status('2026-06-10T21:00:00Z', 'solved')],
    });
    const e2 = entry('membro', 2, {
      createdAt: '2026-06-10T20:30:00Z',
      tier: 'premium',
      priority: 'critical',
      events: [status('2026-06-10T23:30:00Z', 'solved')],
    });
    const archived = (id: number, extra: Partial<FinishedRecord>): FinishedRecord => ({
      key: `zendesk:membro.example:${id}`,
      ticketKey: `#${id}`,
      subject: `Ticket ${id}`,
      link: `https://membro.example/agent/tickets/${id}`,
      policyId: 'membro',
      policyName: 'Membro',
      tier: 'premium',
      priority: 'critical',
      closedAt: t('2026-06-20T09:00:00Z'),
      metrics: {},
      ...extra,
    });
    const report = buildServiceReport({
      policy: policy('membro'),
      entries: [e1, e2],
      archive: [
        archived(3, {
          openedAt: Date.parse('2026-06-20T08:00:00Z'),
          tags: ['platform_down'],
          type: 'incident',
        }),
        archived(4, { tags: ['platform_down'] }), // no creation time: cannot be measured
      ],
      period: { kind: 'month', year: 2026, month: 6 },
      zone: 'America/New_York', // the viewer's zone: the month is still the contract's
      now: t('2026-07-02T08:00:00Z'),
      locale: 'en',
      evidence: (key) => (key.endsWith(':1') || key.endsWith(':2') ? new Set(['platform_down']) : undefined),
      outageRules: [
        { host: 'membro.example', policyId: 'membro', rule: { tag: 'platform_down' } },
        { host: 'membro.example', policyId: 'mextra', rule: { tag: 'other' } }, // another policy's: ignored
      ],
    });
    const a = report.availability!;
    const premium = a.months.find((m) => m.tier === 'premium')!;
    expect([premium.month, premium.tmmMinutes, premium.tmdMinutes]).toEqual(['2026-06', 43_200, 330]);
    expect(premium.percent!.toFixed(4)).toBe('99.2361');
    expect(premium.met).toBe(false);
    expect(premium.outages.map((o) => o.ticketKey)).toEqual(['#1', '#2', '#3']);
    expect(a.unknown.map((u) => u.ticketKey)).toEqual(['#4']);
    expect(a.configured).toBe(true);
    const csv = serviceReportCsv(report).split('\r\n');
    expect(csv).toContain(
      'availability,2026-06,premium,99.5,99.236,false,330,43200,0,1,#1 #2 #3,2.2 Beschikbaarheid',
    );
    expect(csv).toContain('availability,2026-06,standard,98,100,true,0,43200,0,1,,2.2 Beschikbaarheid');
  });

  it('a policy without availability has none in the report', () => {
    const r = buildServiceReport({
      policy: policy('zmanda'),
      entries: [],
      period: { kind: 'month', year: 2026, month: 6 },
      zone: ZONE,
      now: t('2026-07-02T08:00:00Z'),
      locale: 'nl',
    });
    expect(r.availability).toBeNull();
  });
});
