import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCountry, type UpstreamHolidayData } from './extract.ts';
import { easterSunday, holidaysInYear, parseRule } from './index.ts';
import nl from './nl.json' with { type: 'json' };

const require = createRequire(import.meta.url);
/** date-holidays-parser ships types its package exports do not expose; this is the part used here. */
const parserModule = require('date-holidays-parser') as { default?: unknown };
const Holidays = (parserModule.default ?? parserModule) as new (
  data: unknown,
  country: string,
  opts?: { languages?: string[] },
) => { getHolidays(year: number): Array<{ date: string; name: string; type: string }> };
const upstream = JSON.parse(
  readFileSync(
    path.join(path.dirname(require.resolve('date-holidays/package.json')), 'data', 'holidays.json'),
    'utf8',
  ),
) as UpstreamHolidayData;

describe('the NL holiday extract', () => {
  it('equals what the installed date-holidays data gives (regenerate with npx tsx lib/sla/holidays/generate.ts)', () => {
    expect(nl).toEqual(JSON.parse(JSON.stringify(extractCountry(upstream, 'NL'))));
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
