import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarTable, businessDayMs, parseClock, type CalendarSpec, type DayWindows } from './calendar.ts';

const H = 3_600_000;
const MIN = 60_000;
const w = (...pairs: string[]): DayWindows =>
  pairs.map((p) => p.split('-').map(parseClock) as [number, number]);
const weekdays = (...pairs: string[]): DayWindows[] => [
  w(...pairs),
  w(...pairs),
  w(...pairs),
  w(...pairs),
  w(...pairs),
  [],
  [],
];
const spec = (week: DayWindows[], holidays = true): CalendarSpec => ({
  week,
  holidays: holidays ? ['nl-public'] : [],
  closedDates: [],
});

const MEXTRA = spec(weekdays('09:00-17:30'));
const MEMBRO_STD = spec(weekdays('09:00-17:00'));
const MEMBRO_PREMIUM = spec(Array.from({ length: 7 }, () => w('07:00-21:00')));
const ALWAYS = spec(
  Array.from({ length: 7 }, () => w('00:00-24:00')),
  false,
);
const LUNCH = spec(weekdays('09:00-12:00', '13:00-17:00'));
const W365 = spec(weekdays('08:00-18:00'), false);

const ams = (spec: CalendarSpec) => new CalendarTable(spec, 'Europe/Amsterdam');
const at = (iso: string) => Date.parse(iso);
const iso = (t: CalendarTable, ms: number) => t.zone.iso(ms);

describe('business time on a calendar table', () => {
  it('returns Tue 17:30 when 8.5 business hours are added to Tue 09:00', () => {
    const t = ams(MEXTRA);
    expect(iso(t, t.add(at('2026-02-03T09:00:00+01:00'), 8.5 * H))).toBe('2026-02-03T17:30:00+01:00');
  });

  it('returns Wed 09:30 when 9 business hours are added to Tue 09:00', () => {
    const t = ams(MEXTRA);
    expect(iso(t, t.add(at('2026-02-03T09:00:00+01:00'), 9 * H))).toBe('2026-02-04T09:30:00+01:00');
  });

  it('treats the closing instant as closed and opens again on Monday 09:00 after Friday 17:30', () => {
    const t = ams(MEXTRA);
    expect(t.isOpen(at('2026-01-30T17:29:59+01:00'))).toBe(true);
    expect(t.isOpen(at('2026-01-30T17:30:00+01:00'))).toBe(false);
    expect(iso(t, t.nextOpen(at('2026-01-30T17:30:00+01:00')))).toBe('2026-02-02T09:00:00+01:00');
  });

  it('returns 15:00 when 4 hours are added to 10:00 on a calendar with a lunch break', () => {
    const t = ams(LUNCH);
    expect(iso(t, t.add(at('2026-02-03T10:00:00+01:00'), 4 * H))).toBe('2026-02-03T15:00:00+01:00');
    expect(t.between(at('2026-02-03T11:00:00+01:00'), at('2026-02-03T14:00:00+01:00'))).toBe(2 * H);
  });

  it('skips New Year’s Day when adding 1 hour to 31 December 17:00', () => {
    const t = ams(MEXTRA);
    expect(iso(t, t.add(at('2026-12-31T17:00:00+01:00'), H))).toBe('2027-01-04T09:30:00+01:00');
  });

  it('counts 24 real hours across the March DST switch on a 24x7 calendar (one wall-clock hour more)', () => {
    const t = ams(ALWAYS);
    expect(iso(t, t.add(at('2026-03-28T12:00:00+01:00'), 24 * H))).toBe('2026-03-29T13:00:00+02:00');
  });

  it('counts 24 real hours across the October DST switch on a 24x7 calendar (one wall-clock hour less)', () => {
    const t = ams(ALWAYS);
    expect(iso(t, t.add(at('2026-10-24T12:00:00+02:00'), 24 * H))).toBe('2026-10-25T11:00:00+01:00');
    expect(t.between(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(25 * H);
  });

  it('keeps the 07:00–21:00 window at wall-clock time on both DST Sundays of 2026', () => {
    const t = new CalendarTable(
      spec(
        Array.from({ length: 7 }, () => w('07:00-21:00')),
        false,
      ),
      'Europe/Amsterdam',
    );
    expect(t.between(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(14 * H);
    expect(iso(t, t.nextOpen(at('2026-03-29T01:00:00+01:00')))).toBe('2026-03-29T07:00:00+02:00');
    expect(t.between(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(14 * H);
    expect(iso(t, t.nextOpen(at('2026-10-25T01:00:00+02:00')))).toBe('2026-10-25T07:00:00+01:00');
  });

  it('returns Monday 10:00 CEST when 2 business hours are added to Friday 16:00 before the March switch', () => {
    const t = ams(MEMBRO_STD);
    expect(iso(t, t.add(at('2026-03-27T16:00:00+01:00'), 2 * H))).toBe('2026-03-30T10:00:00+02:00');
  });

  it('returns Monday closing time as the next business day after a Friday', () => {
    const t = ams(MEMBRO_STD);
    expect(iso(t, t.nextBusinessDayClose(at('2026-02-06T09:00:00+01:00')))).toBe('2026-02-09T17:00:00+01:00');
  });

  it('returns Tuesday closing time as the next business day after the Friday before Easter Monday', () => {
    const t = ams(MEMBRO_STD);
    expect(iso(t, t.nextBusinessDayClose(at('2026-04-03T12:00:00+02:00')))).toBe('2026-04-07T17:00:00+02:00');
  });

  it('returns Sunday 21:00 as the next business day after a Saturday on a seven-day calendar', () => {
    const t = ams(MEMBRO_PREMIUM);
    expect(iso(t, t.nextBusinessDayClose(at('2026-02-07T07:00:00+01:00')))).toBe('2026-02-08T21:00:00+01:00');
  });

  it('counts business time across a year boundary', () => {
    const t = ams(MEXTRA);
    // Thu 31 Dec 2026 (8.5 h) + Fri 1 Jan 2027 closed (New Year) + Mon 4 Jan (8.5 h)
    expect(t.between(at('2026-12-31T00:00:00+01:00'), at('2027-01-05T00:00:00+01:00'))).toBe(17 * H);
  });

  it('uses the mean open weekday as the business day length', () => {
    expect(businessDayMs(MEXTRA)).toBe(8.5 * H);
    expect(businessDayMs(LUNCH)).toBe(7 * H);
    expect(businessDayMs({ ...LUNCH, businessDayMinutes: 480 })).toBe(8 * H);
    expect(businessDayMs(spec([w('09:00-17:00'), w('09:00-13:00'), [], [], [], [], []]))).toBe(6 * H);
  });

  it('lists open intervals between two instants, clipped', () => {
    const t = ams(MEXTRA);
    expect(t.intervals(at('2026-02-06T12:00:00+01:00'), at('2026-02-09T10:00:00+01:00'), 10)).toEqual([
      [at('2026-02-06T12:00:00+01:00'), at('2026-02-06T17:30:00+01:00')],
      [at('2026-02-09T09:00:00+01:00'), at('2026-02-09T10:00:00+01:00')],
    ]);
  });
});

describe('every Dutch public holiday in 2026 and 2027', () => {
  const HOLIDAYS = [
    '2026-01-01',
    '2026-04-05',
    '2026-04-06',
    '2026-04-27',
    '2026-05-14',
    '2026-05-24',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
    '2027-01-01',
    '2027-03-28',
    '2027-03-29',
    '2027-04-27',
    '2027-05-06',
    '2027-05-16',
    '2027-05-17',
    '2027-12-25',
    '2027-12-26',
  ];
  const nl = ams(MEMBRO_PREMIUM);
  const none = new CalendarTable(
    spec(
      Array.from({ length: 7 }, () => w('07:00-21:00')),
      false,
    ),
    'Europe/Amsterdam',
  );
  for (const day of HOLIDAYS) {
    it(`closes the holiday calendar all day on ${day} and leaves a calendar without holidays open`, () => {
      const noon = DateTime.fromISO(`${day}T12:00`, { zone: 'Europe/Amsterdam' }).toMillis();
      expect(nl.isOpen(noon)).toBe(false);
      expect(none.isOpen(noon)).toBe(true);
      const dayStart = DateTime.fromISO(`${day}T00:00`, { zone: 'Europe/Amsterdam' });
      expect(nl.between(dayStart.toMillis(), dayStart.plus({ days: 1 }).toMillis())).toBe(0);
    });
  }
  it('opens again on the day after Whit Monday 2026 at 07:00', () => {
    expect(iso(nl, nl.nextOpen(at('2026-05-25T12:00:00+02:00')))).toBe('2026-05-26T07:00:00+02:00');
  });
});

// An independent reference: luxon day stepping with date-holidays-parser, no tables.
const require = createRequire(import.meta.url);
/** date-holidays-parser ships types its package exports do not expose; this is the part used here. */
const parserModule = require('date-holidays-parser') as { default?: unknown };
const Holidays = (parserModule.default ?? parserModule) as new (
  data: unknown,
  country: string,
  opts?: { languages?: string[] },
) => { getHolidays(year: number): Array<{ date: string; name: string; type: string }> };
const hd = new Holidays(
  JSON.parse(
    readFileSync(
      path.join(path.dirname(require.resolve('date-holidays/package.json')), 'data', 'holidays.json'),
      'utf8',
    ),
  ),
  'NL',
);
const holidayCache = new Map<number, Set<string>>();
function isNlHoliday(date: string): boolean {
  const y = Number(date.slice(0, 4));
  let s = holidayCache.get(y);
  if (!s) {
    s = new Set(
      hd
        .getHolidays(y)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(y, s);
  }
  return s.has(date);
}

function referenceAdd(sp: CalendarSpec, zone: string, start: number, ms: number): number {
  let rem = ms;
  let day = DateTime.fromMillis(start, { zone }).startOf('day');
  for (let i = 0; i < 5000; i++, day = day.plus({ days: 1 })) {
    if (sp.holidays.length && isNlHoliday(day.toISODate()!)) continue;
    for (const [a, b] of sp.week[day.weekday - 1]!) {
      const ws = DateTime.fromObject(
        { year: day.year, month: day.month, day: day.day, hour: Math.floor(a / 60), minute: a % 60 },
        { zone },
      ).toMillis();
      const we =
        b === 1440
          ? day.plus({ days: 1 }).startOf('day').toMillis()
          : DateTime.fromObject(
              { year: day.year, month: day.month, day: day.day, hour: Math.floor(b / 60), minute: b % 60 },
              { zone },
            ).toMillis();
      const s = Math.max(ws, start);
      if (we <= s) continue;
      if (we - s >= rem) return s + rem;
      rem -= we - s;
    }
  }
  throw new Error('reference did not finish');
}

const CALENDARS = { MEXTRA, MEMBRO_PREMIUM, ALWAYS, LUNCH, W365 };
const cal = fc.constantFrom(...(Object.keys(CALENDARS) as Array<keyof typeof CALENDARS>));
const zone = fc.constantFrom('Europe/Amsterdam', 'America/New_York');
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 1) });
const amount = fc.integer({ min: 1, max: 400 * 60 }).map((m) => m * MIN);
const tables = new Map<string, CalendarTable>();
const table = (c: keyof typeof CALENDARS, z: string) => {
  const k = `${c}|${z}`;
  let t = tables.get(k);
  if (!t) tables.set(k, (t = new CalendarTable(CALENDARS[c], z)));
  return t;
};

describe('calendar table properties', () => {
  it('agree with a naive luxon day-stepping reference for random starts and amounts', () => {
    fc.assert(
      fc.property(cal, zone, instant, amount, (c, z, start, ms) => {
        expect(table(c, z).add(start, ms)).toBe(referenceAdd(CALENDARS[c], z, start, ms));
      }),
      { numRuns: 400 },
    );
  });

  it('never move a deadline earlier when the target grows', () => {
    fc.assert(
      fc.property(cal, zone, instant, amount, amount, (c, z, start, a, b) => {
        const t = table(c, z);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(t.add(start, lo)).toBeLessThanOrEqual(t.add(start, hi));
      }),
      { numRuns: 1000 },
    );
  });

  it('measure exactly the target between the start and the deadline', () => {
    fc.assert(
      fc.property(cal, zone, instant, amount, (c, z, start, ms) => {
        const t = table(c, z);
        expect(t.between(start, t.add(start, ms))).toBe(ms);
      }),
      { numRuns: 1000 },
    );
  });

  it('make add and between inverse: adding the business time from t to u lands on u, or on the close just before it', () => {
    fc.assert(
      fc.property(cal, zone, instant, instant, (c, z, a, b) => {
        const t = table(c, z);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const d = t.between(lo, hi);
        fc.pre(d > 0);
        const back = t.add(lo, d);
        expect(back).toBeLessThanOrEqual(hi);
        expect(t.between(back, hi)).toBe(0);
        // strictly inside an open interval, it is u itself
        if (t.isOpen(hi) && t.isOpen(hi - 1)) expect(back).toBe(hi);
      }),
      { numRuns: 1000 },
    );
  });

  it('make between additive: between(a, c) = between(a, b) + between(b, c)', () => {
    fc.assert(
      fc.property(cal, zone, instant, instant, instant, (c, z, x, y, q) => {
        const t = table(c, z);
        const [a, b, d] = [x, y, q].sort((m, n) => m - n) as [number, number, number];
        expect(t.between(a, d)).toBe(t.between(a, b) + t.between(b, d));
      }),
      { numRuns: 500 },
    );
  });
});
