/**
 * Holiday sets for calendars. "Dutch public holidays" are the NL days that the `date-holidays` data
 * marks as type `public`, computed for any year from the upstream rules (extracted into `nl.json`).
 *
 * Why not `date-holidays-parser` at run time: it bundles moment-timezone and astronomia (~250 KB
 * gzipped), far over the service worker's budget. NL's public rules use a tiny part of its grammar
 * (fixed dates, Easter offsets, "if sunday then previous saturday", "since"/"prior to"), which this
 * module interprets; `holidays.test.ts` checks it against date-holidays-parser for 1900–2200, and a
 * rule outside that grammar makes the module throw rather than guess.
 */
import nl from './nl.json' with { type: 'json' };

export type HolidaySetId = 'nl-public';
export const HOLIDAY_SETS: readonly HolidaySetId[] = ['nl-public'];

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: { nl: string; en: string };
  set: HolidaySetId;
}

type Names = Record<string, string>;
interface RawDay {
  name?: Names;
  _name?: string;
  type?: string;
  [k: string]: unknown;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

interface Rule {
  base:
    | { kind: 'fixed'; month: number; day: number }
    | { kind: 'easter'; offset: number }
    | { kind: 'nth'; n: number; weekday: number; month: number };
  since?: number;
  priorTo?: number;
  shift?: { when: number[]; dir: 1 | -1; to: number };
  name: { nl: string; en: string };
}

/** ISO weekday 1..7 (Mon..Sun) of a civil date. */
export function isoWeekday(y: number, m: number, d: number): number {
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(y: number): { month: number; day: number } {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function weekdayIndex(word: string, rule: string): number {
  const i = WEEKDAYS.indexOf(word);
  if (i < 0) throw new Error(`unsupported holiday rule "${rule}": "${word}" is not a weekday`);
  return i + 1;
}

/** Parses one upstream rule key; throws on anything outside the supported grammar. */
export function parseRule(key: string, name: { nl: string; en: string }): Rule {
  let rest = key.trim();
  let base: Rule['base'];
  let m: RegExpMatchArray | null;
  if ((m = rest.match(/^(\d{2})-(\d{2})\b/))) {
    base = { kind: 'fixed', month: Number(m[1]), day: Number(m[2]) };
  } else if ((m = rest.match(/^easter(?: (-?\d+))?(?=\s|$)/))) {
    base = { kind: 'easter', offset: m[1] ? Number(m[1]) : 0 };
  } else if ((m = rest.match(/^(\d)(?:st|nd|rd|th) (\w+) in (\w+)/))) {
    const month = MONTHS.indexOf((m[3] ?? '').toLowerCase()) + 1;
    if (!month) throw new Error(`unsupported holiday rule "${key}"`);
    base = { kind: 'nth', n: Number(m[1]), weekday: weekdayIndex(m[2] ?? '', key), month };
  } else {
    throw new Error(`unsupported holiday rule "${key}"`);
  }
  rest = rest.slice(m[0].length);
  const rule: Rule = { base, name };
  rest = rest.replace(/\bsince (\d{4})\b/, (_s, y: string) => ((rule.since = Number(y)), ' '));
  rest = rest.replace(/\bprior to (\d{4})\b/, (_s, y: string) => ((rule.priorTo = Number(y)), ' '));
  rest = rest.replace(/\bif ([a-z,]+) then (next|previous) ([a-z]+)\b/, (_s, days: string, dir, to) => {
    rule.shift = {
      when: days.split(',').map((d) => weekdayIndex(d, key)),
      dir: dir === 'next' ? 1 : -1,
      to: weekdayIndex(to, key),
    };
    return ' ';
  });
  rest = rest.replace(/\band\b/g, ' ');
  if (rest.trim()) throw new Error(`unsupported holiday rule "${key}" (could not read "${rest.trim()}")`);
  return rule;
}

function addDays(y: number, m: number, d: number, n: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const pad = (n: number) => String(n).padStart(2, '0');

function ruleDate(rule: Rule, y: number): string | null {
  if (rule.since !== undefined && y < rule.since) return null;
  if (rule.priorTo !== undefined && y >= rule.priorTo) return null;
  let date: [number, number, number];
  const b = rule.base;
  if (b.kind === 'fixed') date = [y, b.month, b.day];
  else if (b.kind === 'easter') {
    const e = easterSunday(y);
    date = addDays(y, e.month, e.day, b.offset);
  } else {
    const first = isoWeekday(y, b.month, 1);
    date = [y, b.month, 1 + ((b.weekday - first + 7) % 7) + 7 * (b.n - 1)];
  }
  if (rule.shift) {
    const wd = isoWeekday(...date);
    if (rule.shift.when.includes(wd)) {
      let delta = rule.shift.dir;
      while ((((wd + delta - 1) % 7) + 7) % 7 !== rule.shift.to - 1) delta += rule.shift.dir;
      date = addDays(...date, delta);
    }
  }
  return `${date[0]}-${pad(date[1])}-${pad(date[2])}`;
}

function nameOf(day: RawDay): { nl: string; en: string } {
  const shared = day._name ? (nl.names as Record<string, { name?: Names }>)[day._name]?.name : undefined;
  const names = { ...shared, ...day.name };
  return { nl: names.nl ?? names.en ?? '?', en: names.en ?? names.nl ?? '?' };
}

const SUPPORTED_KEYS = new Set(['name', '_name', 'type']);

function compileSet(days: Record<string, RawDay>, types: string[]): Rule[] {
  const rules: Rule[] = [];
  for (const [key, day] of Object.entries(days)) {
    if (!types.includes(day.type ?? 'public')) continue;
    const extra = Object.keys(day).filter((k) => !SUPPORTED_KEYS.has(k));
    if (extra.length) throw new Error(`unsupported holiday rule "${key}" (field ${extra.join(', ')})`);
    rules.push(parseRule(key, nameOf(day)));
  }
  return rules;
}

let nlPublic: Rule[] | undefined;
function rulesFor(set: HolidaySetId): Rule[] {
  if (set === 'nl-public')
    return (nlPublic ??= compileSet(nl.holidays.days as Record<string, RawDay>, ['public']));
  throw new Error(`unknown holiday set ${String(set)}`);
}

const yearCache = new Map<string, Holiday[]>();

/** The holidays of a set in one year, sorted by date. */
export function holidaysInYear(set: HolidaySetId, year: number): Holiday[] {
  const key = `${set}:${year}`;
  let list = yearCache.get(key);
  if (!list) {
    list = [];
    for (const rule of rulesFor(set)) {
      const date = ruleDate(rule, year);
      if (date && date.startsWith(`${year}-`)) list.push({ date, name: rule.name, set });
    }
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    yearCache.set(key, list);
  }
  return list;
}

export const HOLIDAY_SET_LABELS: Record<HolidaySetId, { nl: string; en: string }> = {
  'nl-public': { nl: 'Nederlandse feestdagen', en: 'Dutch public holidays' },
};
