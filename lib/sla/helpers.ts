/** Small helpers for views (Options page, sidebar) built on the same tables as `evaluate`. */
import { calendarTable, type CalendarTable } from './calendar.ts';
import { holidaysInYear } from './holidays/index.ts';
import { compilePolicy } from './policy.ts';
import type { Policy } from './schema.ts';

export interface PolicyHoliday {
  /** Local date YYYY-MM-DD. */
  date: string;
  name: { nl: string; en: string };
  /** Calendars of the policy that are closed that day. */
  calendars: string[];
  /** 'nl-public' or 'closed-date' (an explicit extra closed date). */
  kind: string;
}

/**
 * Days on which a calendar of the policy is closed for a holiday or an extra closed date, between
 * two dates (inclusive; "YYYY-MM-DD" or any ISO string whose first 10 characters are the date).
 */
export function listPolicyHolidays(policy: Policy, fromISO: string, toISO: string): PolicyHoliday[] {
  const from = fromISO.slice(0, 10);
  const to = toISO.slice(0, 10);
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  const byDate = new Map<string, PolicyHoliday>();
  if (!(y0 > 0 && y1 >= y0 && y1 - y0 < 200)) return [];
  const add = (date: string, name: { nl: string; en: string }, cal: string, kind: string) => {
    if (date < from || date > to) return;
    const h = byDate.get(date);
    if (h) {
      if (!h.calendars.includes(cal)) h.calendars.push(cal);
    } else byDate.set(date, { date, name, calendars: [cal], kind });
  };
  for (const [id, cal] of Object.entries(policy.calendars)) {
    for (const set of cal.holidays ?? [])
      for (let y = y0; y <= y1; y++) for (const h of holidaysInYear(set, y)) add(h.date, h.name, id, set);
    for (const d of cal.closedDates ?? []) add(d, { nl: 'Gesloten', en: 'Closed' }, id, 'closed-date');
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function tableFor(policy: Policy, tier: string, zone?: string): CalendarTable {
  const c = compilePolicy(policy);
  const t = c.tiers.get(tier);
  if (!t) throw new Error(`unknown tier "${tier}"`);
  const cal = c.calendars.get(t.calendar)!;
  return calendarTable(cal.spec, zone && policy.useTicketTimezone ? zone : policy.timezone);
}

/** Business ms of a tier's calendar between two instants (epoch ms). */
export function businessTimeBetween(
  policy: Policy,
  tier: string,
  a: number,
  b: number,
  zone?: string,
): number {
  return tableFor(policy, tier, zone).between(a, b);
}

/** The instant (epoch ms) at which `ms` of the tier's business time have elapsed since t. */
export function addBusinessTime(policy: Policy, tier: string, t: number, ms: number, zone?: string): number {
  return tableFor(policy, tier, zone).add(t, ms);
}

/** First open instant (epoch ms) of a tier's calendar at or after t (semantics rule 1). */
export function clockStart(policy: Policy, tier: string, t: number, zone?: string): number {
  return tableFor(policy, tier, zone).nextOpen(t);
}
