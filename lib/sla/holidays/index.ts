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
import be from './be.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

/**
 * "nl-public" (the original id), or a region as date-holidays names it: a country ("NL", "BE", "DE")
 * or a country and state ("DE-BY", "BE-VLG"); each means that region's days of type public.
 */
export type HolidaySetId = string;
export const HOLIDAY_SETS: readonly HolidaySetId[] = ['nl-public'];

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: { nl: string; en: string };
  set: HolidaySetId;
}

interface CountryExtract {
  country: string;
  holidays: {
    days: Record<string, RawDay | false>;
    states?: Record<string, { days?: Record<string, RawDay | false> }>;
  };
  names: Record<string, { name?: Names }>;
}
const COUNTRIES: Record<string, CountryExtract> = {
  NL: nl as unknown as CountryExtract,
  BE: be as unknown as CountryExtract,
  DE: de as unknown as CountryExtract,
};

/** Every region a holiday set can name: the countries and their states ("NL", "DE", "DE-BY", …). */
export const HOLIDAY_REGIONS: readonly string[] = Object.entries(COUNTRIES).flatMap(([c, x]) => [
  c,
  ...Object.keys(x.holidays.states ?? {}).map((s) => `${c}-${s}`),
]);

/** The canonical region id ("de-by" → "DE-BY"), "nl-public" for itself, or null when unknown. */
export function holidaySetId(value: string): HolidaySetId | null {
  if (value === 'nl-public') return value;
  const up = value.trim().toUpperCase().replace('_', '-');
  return HOLIDAY_REGIONS.includes(up) ? up : null;
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
    | { kind: 'nth'; n: number; weekday: number; month: number }
    | { kind: 'once'; year: number; month: number; day: number }
    | { kind: 'before'; weekday: number; month: number; day: number };
  since?: number;
  priorTo?: number;
  shift?: { when: number[]; dir: 1 | -1; to: number };
  name: { nl: string; en: string };
  /** Upstream `active`: date ranges [from, to) the rule holds in ("YYYY-MM-DD"; open ends allowed). */
  active?: Array<{ from?: string; to?: string }>;
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
  if ((m = rest.match(/^(\d{4})-(\d{2})-(\d{2})\b/))) {
    base = { kind: 'once', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  } else if ((m = rest.match(/^(\w+) before (\d{2})-(\d{2})\b/))) {
    const weekday = weekdayIndex(m[1] ?? '', key);
    base = { kind: 'before', weekday, month: Number(m[2]), day: Number(m[3]) };
  } else if ((m = rest.match(/^(\d{2})-(\d{2})\b/))) {
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
  else if (b.kind === 'once') {
    if (b.year !== y) return null;
    date = [y, b.month, b.day];
  } else if (b.kind === 'before') {
    const wd = isoWeekday(y, b.month, b.day);
    date = addDays(y, b.month, b.day, -(((wd - b.weekday + 6) % 7) + 1));
  } else if (b.kind === 'easter') {
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
  const iso = `${date[0]}-${pad(date[1])}-${pad(date[2])}`;
  if (rule.active && !rule.active.some((r) => (!r.from || iso >= r.from) && (!r.to || iso < r.to)))
    return null;
  return iso;
}

function nameOf(day: RawDay, table: CountryExtract['names']): { nl: string; en: string } {
  const shared = day._name ? table[day._name]?.name : undefined;
  const names = { ...shared, ...day.name };
  return { nl: names.nl ?? names.en ?? '?', en: names.en ?? names.nl ?? '?' };
}

const SUPPORTED_KEYS = new Set(['name', '_name', 'type', 'active']);

function activeRanges(key: string, v: unknown): Rule['active'] {
  if (v === undefined) return undefined;
  const day = (x: unknown) =>
    x === undefined ? undefined : typeof x === 'number' ? `${x}-01-01` : String(x).slice(0, 10);
  if (!Array.isArray(v)) throw new Error(`unsupported holiday rule "${key}" (active)`);
  return v.map((r: { from?: unknown; to?: unknown }) => ({ from: day(r.from), to: day(r.to) }));
}

function compileSet(
  days: Record<string, RawDay | false>,
  names: CountryExtract['names'],
  types: string[],
): Rule[] {
  const rules: Rule[] = [];
  for (const [key, day] of Object.entries(days)) {
    if (day === false || !types.includes(day.type ?? 'public')) continue;
    const extra = Object.keys(day).filter((k) => !SUPPORTED_KEYS.has(k));
    if (extra.length) throw new Error(`unsupported holiday rule "${key}" (field ${extra.join(', ')})`);
    const rule = parseRule(key, nameOf(day, names));
    const active = activeRanges(key, day.active);
    if (active) rule.active = active;
    rules.push(rule);
  }
  return rules;
}

const compiledRules = new Map<HolidaySetId, Rule[]>();
function rulesFor(set: HolidaySetId): Rule[] {
  let rules = compiledRules.get(set);
  if (rules) return rules;
  const region = set === 'nl-public' ? 'NL' : set;
  const [country, state] = region.split('-') as [string, string | undefined];
  const x = COUNTRIES[country];
  const stateEntry = state === undefined ? undefined : x?.holidays.states?.[state];
  const stateDays = state === undefined ? {} : stateEntry && (stateEntry.days ?? {});
  if (!x || !stateDays) throw new Error(`unknown holiday set ${String(set)}`);
  // a state's days replace the country's days of the same rule (false removes one), as upstream
  rules = compileSet({ ...x.holidays.days, ...stateDays }, x.names, ['public']);
  compiledRules.set(set, rules);
  return rules;
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
      // one holiday per date (DE's one-off 2017-10-31 and a state's yearly 10-31), as upstream
      if (date && date.startsWith(`${year}-`) && !list.some((h) => h.date === date))
        list.push({ date, name: rule.name, set });
    }
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    yearCache.set(key, list);
  }
  return list;
}

export const HOLIDAY_SET_LABELS: Record<HolidaySetId, { nl: string; en: string }> = {
  'nl-public': { nl: 'Nederlandse feestdagen', en: 'Dutch public holidays' },
};

/** "Dutch public holidays", or "Feestdagen BE" / "Public holidays DE-BY" for a region. */
export function holidaySetLabel(set: HolidaySetId): { nl: string; en: string } {
  return HOLIDAY_SET_LABELS[set] ?? { nl: `Feestdagen ${set}`, en: `Public holidays ${set}` };
}

/**
 * A holiday left out of a set: by name (English or Dutch, case-insensitive), by date rule as
 * date-holidays writes it ("05-05", "easter 39"), or by one date ("2026-05-05"). With
 * `everyNthYear` it is left out except in years divisible by that number (5: lustrum years).
 */
export interface HolidayExcept {
  holiday: string;
  everyNthYear?: number;
}

/** One entry of a calendar's `holidays`: a set, minus the holidays it leaves out. */
export interface HolidaySetRule {
  set: HolidaySetId;
  except: HolidayExcept[];
}

function excepted(h: Holiday, year: number, except: HolidayExcept[]): boolean {
  for (const e of except) {
    if (e.everyNthYear !== undefined && year % e.everyNthYear === 0) continue;
    const k = e.holiday.trim().toLowerCase();
    if (
      k === h.date ||
      k === h.date.slice(5) ||
      k === h.name.en.toLowerCase() ||
      k === h.name.nl.toLowerCase()
    )
      return true;
  }
  return false;
}

/** The holidays of a list of sets in one year, each set minus its `except` entries, by date. */
export function holidaysOf(rules: readonly HolidaySetRule[], year: number): Holiday[] {
  const out: Holiday[] = [];
  for (const r of rules)
    for (const h of holidaysInYear(r.set, year))
      if (!r.except.length || !excepted(h, year, r.except)) out.push(h);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The names of a set's holidays (English), for `sla check` and the Options page. */
export function holidayNames(set: HolidaySetId, year: number): string[] {
  return holidaysInYear(set, year).map((h) => h.name.en);
}
