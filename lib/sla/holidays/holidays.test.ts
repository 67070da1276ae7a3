import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCountry, type UpstreamHolidayData } from './extract.ts';
import be from './be.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import {
  easterSunday,
  HOLIDAY_REGIONS,
  holidaySetId,
  holidaysInYear,
  holidaysOf,
  parseRule,
} from './index.ts';
import nl from './nl.json' with { type: 'json' };

const require = createRequire(import.meta.url);
/** date-holidays-parser ships types its package exports do not expose; this is the part used here. */
const parserModule = require('date-holidays-parser') as { default?: unknown };
const Holidays = (parserModule.default ?? parserModule) as new (
  data: unknown,
  country: string,
  stateOrOpts?: string | { languages?: string[] },
  opts?: { languages?: string[] },
) => { getHolidays(year: number): Array<{ date: string; name: string; type: string }> };
const upstream = JSON.parse(
  readFileSync(
    path.join(path.dirname(require.resolve('date-holidays/package.json')), 'data', 'holidays.json'),
    'utf8',
  ),
) as UpstreamHolidayData;

describe('the NL, BE and DE holiday extracts', () => {
  it('equal what the installed date-holidays data gives (regenerate with npx tsx lib/sla/holidays/generate.ts)', () => {
    expect(nl).toEqual(JSON.parse(JSON.stringify(extractCountry(upstream, 'NL'))));
    expect(be).toEqual(JSON.parse(JSON.stringify(extractCountry(upstream, 'BE'))));
    expect(de).toEqual(JSON.parse(JSON.stringify(extractCountry(upstream, 'DE'))));
  });
});

describe('public holidays of other regions', () => {
  it('match date-holidays-parser (type public) for every region and every year from 2010 to 2040', () => {
    for (const region of HOLIDAY_REGIONS) {
      const [country, state] = region.split('-') as [string, string | undefined];
      const parser = state
        ? new Holidays(upstream as never, country, state, { languages: ['en'] })
        : new Holidays(upstream as never, country, { languages: ['en'] });
      for (let y = 2010; y <= 2040; y++) {
        const expected = parser
          .getHolidays(y)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10));
        const actual = holidaysInYear(region, y).map((h) => h.date);
        expect(actual, `${region} ${y}`).toEqual(expected);
      }
    }
  });

  it('include Belgian National Holiday and German Unity Day, which the Netherlands does not have', () => {
    expect(holidaysInYear('BE', 2026).map((h) => `${h.date} ${h.name.en}`)).toContain(
      '2026-07-21 National Holiday',
    );
    expect(holidaysInYear('DE-BY', 2026).map((h) => h.date)).toEqual(
      expect.arrayContaining(['2026-10-03', '2026-01-06', '2026-06-04']),
    );
    expect(holidaysInYear('DE', 2026).map((h) => h.date)).not.toContain('2026-01-06');
  });

  it('accept region names in any case and refuse unknown ones', () => {
    expect(holidaySetId('de-by')).toBe('DE-BY');
    expect(holidaySetId('be')).toBe('BE');
    expect(holidaySetId('FR')).toBeNull();
  });
});

describe('holidays left out of a set', () => {
  it('leave out a holiday by English or Dutch name, rule date or one date', () => {
    const dates = (except: Array<{ holiday: string }>) =>
      holidaysOf([{ set: 'nl-public', except }], 2026).map((h) => h.date);
    expect(dates([{ holiday: "King's Day" }])).not.toContain('2026-04-27');
    expect(dates([{ holiday: 'koningsdag' }])).not.toContain('2026-04-27');
    expect(dates([{ holiday: '12-26' }])).not.toContain('2026-12-26');
    expect(dates([{ holiday: '2026-05-14' }])).not.toContain('2026-05-14');
    expect(dates([])).toHaveLength(9);
  });

  it('keep a holiday in lustrum years only with everyNthYear 5 (Liberation Day as a public day)', () => {
    // Liberation Day is not in any public set of the data (NL marks it "school"), so Belgium's
    // Armistice Day (11-11) stands in for the rule here; the policy test uses a one-date form.
    const rule = [{ set: 'BE', except: [{ holiday: 'Armistice Day', everyNthYear: 5 }] }];
    expect(holidaysOf(rule, 2026).map((h) => h.date)).not.toContain('2026-11-11');
    expect(holidaysOf(rule, 2030).map((h) => h.date)).toContain('2030-11-11');
  });
});

describe('Dutch public holidays', () => {
  const parser = new Holidays(upstream as never, 'NL', { languages: ['nl'] });

  it('match date-holidays-parser (type public) for every year from 1900 to 2200', () => {
    for (let y = 1900; y <= 2200; y++) {
      const expected = parser
        .getHolidays(y)
        .filter((h) => h.type === 'public')
        .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
      const actual = holidaysInYear('nl-public', y).map((h) => ({ date: h.date, name: h.name.nl }));
      expect(actual, String(y)).toEqual(expected);
    }
  });

  it('are, in 2026, New Year, Easter, Easter Monday, King’s Day, Ascension, Pentecost, Whit Monday, Christmas and Boxing Day', () => {
    expect(holidaysInYear('nl-public', 2026).map((h) => `${h.date} ${h.name.en}`)).toEqual([
      "2026-01-01 New Year's Day",
      '2026-04-05 Easter Sunday',
      '2026-04-06 Easter Monday',
      "2026-04-27 King's Day",
      '2026-05-14 Ascension Day',
      '2026-05-24 Pentecost',
      '2026-05-25 Whit Monday',
      '2026-12-25 Christmas Day',
      '2026-12-26 Boxing Day',
    ]);
  });

  it('move King’s Day to Saturday 26 April when 27 April is a Sunday (2025)', () => {
    expect(holidaysInYear('nl-public', 2025).map((h) => h.date)).toContain('2025-04-26');
  });

  it('do not include Liberation Day, which date-holidays marks as a school holiday', () => {
    expect(holidaysInYear('nl-public', 2025).map((h) => h.date)).not.toContain('2025-05-05');
  });

  it('compute Easter Sunday 2027 as 28 March', () => {
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
  });

  it('refuse a rule outside the supported grammar instead of guessing', () => {
    expect(() =>
      parseRule('easter 1 if monday then next tuesday or 2nd full moon', { nl: 'x', en: 'x' }),
    ).toThrow(/unsupported holiday rule/);
  });
});
