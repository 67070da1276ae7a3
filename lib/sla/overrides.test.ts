import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarTable, parseClock, type CalendarSpec, type DayWindows } from './calendar.ts';

const H = 3_600_000;
const MIN = 60_000;
const w = (...pairs: string[]): DayWindows =>
  pairs.map((p) => p.split('-').map(parseClock) as [number, number]);
const weekdays = (...pairs: string[]): DayWindows[] => [
  ...Array.from({ length: 5 }, () => w(...pairs)),
  [],
  [],
];
const at = (iso: string) => Date.parse(iso);

/** Mon–Fri 09:00–17:00, Dutch holidays, 15:00 closing on 24 and 31 Dec, a closed bridge day, a late
 * opening, and a company meeting 13:00–15:00. */
const CONTRACT: CalendarSpec = {
  week: weekdays('09:00-17:00'),
  holidays: ['nl-public'],
  closedDates: [],
  dates: {
    '12-24': { windows: w('09:00-15:00'), label: { nl: 'Kerstavond', en: 'Christmas Eve' }, source: '4.2' },
    '12-31': { windows: w('09:00-15:00'), source: '4.2' },
    '2026-05-15': { windows: [], label: { nl: 'Brugdag', en: 'Bridge day' } },
    '2026-06-04': { windows: w('11:00-17:00') },
    '2026-06-06': { windows: w('10:00-12:00') },
  },
  closings: [{ from: '2026-03-12T13:00', to: '2026-03-12T15:00', source: 'announcement' }],
};
const PLAIN: CalendarSpec = { week: weekdays('09:00-17:00'), holidays: ['nl-public'], closedDates: [] };

const table = (spec: CalendarSpec, zone = 'Europe/Amsterdam') => new CalendarTable(spec, zone);
const iso = (t: CalendarTable, ms: number) => t.zone.iso(ms);

describe('hours for single dates', () => {
  it('closes at 15:00 on 24 December every year (yearly "12-24")', () => {
    const t = table(CONTRACT);
    expect(t.isOpen(at('2026-12-24T14:59:00+01:00'))).toBe(true);
    expect(t.isOpen(at('2026-12-24T15:00:00+01:00'))).toBe(false);
    expect(t.isOpen(at('2027-12-24T15:30:00+01:00'))).toBe(false);
    expect(iso(t, t.nextOpen(at('2026-12-24T15:00:00+01:00')))).toBe('2026-12-28T09:00:00+01:00');
  });

  it('moves 8 business hours after Wednesday 23 December 12:00 to Monday 28 December 11:00', () => {
    // Wed 23 Dec 12:00–17:00 (5 h), Thu 24 Dec 09:00–15:00 (6 h): 8 h end on 24 Dec 12:00;
    // with 12 h: 5 + 6 = 11, 25/26 Dec holidays, weekend, 1 h on Mon 28 Dec.
    const t = table(CONTRACT);
    expect(iso(t, t.add(at('2026-12-23T12:00:00+01:00'), 8 * H))).toBe('2026-12-24T12:00:00+01:00');
    expect(iso(t, t.add(at('2026-12-23T12:00:00+01:00'), 12 * H))).toBe('2026-12-28T10:00:00+01:00');
    expect(iso(table(PLAIN), table(PLAIN).add(at('2026-12-23T12:00:00+01:00'), 12 * H))).toBe(
      '2026-12-24T16:00:00+01:00',
    );
  });

  it('does not open a weekend day for a yearly date (24 December 2022 was a Saturday)', () => {
    const t = table(CONTRACT);
    expect(t.isOpen(at('2022-12-24T10:00:00+01:00'))).toBe(false);
  });

  it('closes a bridge day and opens late on an event day', () => {
    const t = table(CONTRACT);
    expect(t.isOpen(at('2026-05-15T10:00:00+02:00'))).toBe(false);
    expect(t.isOpen(at('2026-06-04T10:00:00+02:00'))).toBe(false);
    expect(t.isOpen(at('2026-06-04T11:00:00+02:00'))).toBe(true);
  });

  it('opens a Saturday that a one-date entry names (6 June 2026, 10:00–12:00)', () => {
    const t = table(CONTRACT);
    expect(t.between(at('2026-06-06T00:00:00+02:00'), at('2026-06-07T00:00:00+02:00'))).toBe(2 * H);
  });

  it('lets a one-date entry open a holiday (Boxing Day 2026 opened 10:00–12:00)', () => {
    const t = table({ ...PLAIN, dates: { '2026-12-26': { windows: w('10:00-12:00') } } });
    expect(t.isOpen(at('2026-12-26T11:00:00+01:00'))).toBe(true);
  });

  it('lists the dates that differ from the weekly hours between two instants, with their reasons', () => {
    const t = table(CONTRACT);
    const changes = t.changesBetween(at('2026-12-20T00:00:00+01:00'), at('2027-01-02T00:00:00+01:00'));
    expect(changes.map((c) => `${c.date} ${c.kind} ${c.windows} ${c.source ?? ''}`)).toEqual([
      '2026-12-24 hours 09:00-15:00 4.2',
      '2026-12-31 hours 09:00-15:00 4.2',
    ]);
    expect(changes[0]!.label?.en).toBe('Christmas Eve');
  });

  it('keeps the wall-clock hours of an override on a DST day (New York, 8 March 2026, 09:00–11:00)', () => {
    const t = table(
      {
        week: weekdays('09:00-17:00'),
        holidays: [],
        closedDates: [],
        dates: { '2026-03-08': { windows: w('01:00-05:00') } },
      },
      'America/New_York',
    );
    // 02:00–03:00 does not exist that night: 01:00–05:00 local is 3 real hours
    expect(t.between(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(3 * H);
    expect(iso(t, t.add(at('2026-03-08T01:00:00-05:00'), 2 * H))).toBe('2026-03-08T04:00:00-04:00');
  });
});

describe('part-day closings', () => {
  it('closes 13:00–15:00 on 12 March 2026 and counts 6 business hours that day', () => {
    const t = table(CONTRACT);
    expect(t.isOpen(at('2026-03-12T13:30:00+01:00'))).toBe(false);
    expect(t.between(at('2026-03-12T09:00:00+01:00'), at('2026-03-12T17:00:00+01:00'))).toBe(6 * H);
    expect(iso(t, t.nextOpen(at('2026-03-12T13:00:00+01:00')))).toBe('2026-03-12T15:00:00+01:00');
    expect(t.changesBetween(at('2026-03-12T09:00:00+01:00'), at('2026-03-12T10:00:00+01:00'))).toMatchObject([
      { date: '2026-03-12', kind: 'closing', windows: '13:00-15:00', source: 'announcement' },
    ]);
  });

  it('spans days and years (31 Dec 15:00 to 4 Jan 12:00)', () => {
    const t = table({ ...PLAIN, closings: [{ from: '2026-12-31T15:00', to: '2027-01-04T12:00' }] });
    expect(iso(t, t.nextOpen(at('2026-12-31T15:00:00+01:00')))).toBe('2027-01-04T12:00:00+01:00');
  });

  it('recurs every year in the yearly form (12-31T15:00 to 12-31T24:00)', () => {
    const t = table({ ...PLAIN, closings: [{ from: '12-31T15:00', to: '12-31T24:00' }] });
    expect(t.isOpen(at('2027-12-31T16:00:00+01:00'))).toBe(false);
    expect(t.isOpen(at('2027-12-31T14:00:00+01:00'))).toBe(true);
  });
});

describe('properties of a calendar with overrides and closings', () => {
  const zone = fc.constantFrom('Europe/Amsterdam', 'America/New_York');
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) });
  const amount = fc.integer({ min: 1, max: 200 * 60 }).map((m) => m * MIN);

  it('gives a deadline that never moves earlier when the target grows', () => {
    fc.assert(
      fc.property(zone, instant, amount, amount, (z, t0, a, b) => {
        const t = table(CONTRACT, z);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(t.add(t0, lo)).toBeLessThanOrEqual(t.add(t0, hi));
      }),
      { numRuns: 200 },
    );
  });

  it('makes between the inverse of add across an override', () => {
    fc.assert(
      fc.property(zone, instant, amount, (z, t0, ms) => {
        const t = table(CONTRACT, z);
        const start = t.nextOpen(t0);
        expect(t.between(start, t.add(start, ms))).toBe(ms);
      }),
      { numRuns: 200 },
    );
  });

  it('never counts more business time than the same calendar without closings', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 * 86_400_000 }), (t0, span) => {
        expect(table(CONTRACT).between(t0, t0 + span)).toBeLessThanOrEqual(
          table({ ...CONTRACT, closings: [] }).between(t0, t0 + span),
        );
      }),
      { numRuns: 200 },
    );
  });
});
