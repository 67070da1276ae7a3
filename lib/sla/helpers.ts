/** Small helpers for views (Options page, sidebar) and the CLI, on the same tables as `evaluate`. */
import { calendarTable, type CalendarChange, type CalendarTable } from './calendar.ts';
import { businessMeasure } from './clock.ts';
import { resolveDuration, SlaInputError } from './evaluate.ts';
import { holidaySetId, holidaysOf } from './holidays/index.ts';
import { compilePolicy, holidayRules, regionCalendarSpec } from './policy.ts';
import type { Policy, Unit } from './schema.ts';

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
    const rules = holidayRules(cal);
    for (let y = y0; y <= y1; y++) for (const h of holidaysOf(rules, y)) add(h.date, h.name, id, h.set);
    for (const d of cal.closedDates ?? []) add(d, { nl: 'Gesloten', en: 'Closed' }, id, 'closed-date');
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function tierCalendar(policy: Policy, tier: string | undefined) {
  const c = compilePolicy(policy);
  const t = c.tiers.get(tier ?? policy.defaultTier);
  if (!t) throw new SlaInputError('tier', `unknown tier "${tier}" (known: ${c.tiers.ids().join(', ')})`);
  return c.calendars.get(t.calendar)!;
}

/**
 * Where a question about business time is asked: a zone (used when the policy takes the zone from
 * the ticket, as for a ticket with that zone) and a holiday region (when it takes holidays from it).
 */
export type Where = string | { zone?: string; region?: string } | undefined;

function tableFor(policy: Policy, tier: string | undefined, where?: Where): CalendarTable {
  const cal = tierCalendar(policy, tier);
  const { zone, region } = typeof where === 'string' ? { zone: where, region: undefined } : (where ?? {});
  let spec = cal.spec;
  if (region !== undefined && policy.useTicketHolidays) {
    const id = holidaySetId(region);
    if (id === null)
      throw new SlaInputError('region', `unknown holiday region "${region}" (e.g. NL, BE, DE-BY)`);
    spec = regionCalendarSpec(cal, id);
  }
  return calendarTable(spec, zone && policy.useTicketTimezone ? zone : policy.timezone);
}

export interface DeadlineQuery {
  /** First open moment at or after `from`: where every clock starts (semantics rule 1). */
  start: number;
  due: number;
  /** Amount of the measure (business or elapsed ms) the duration stands for. */
  ms: number;
  business: boolean;
  /** Dates with other hours than the weekly ones between start and due (what moved the deadline). */
  changes: CalendarChange[];
  zone: string;
}

/**
 * The deadline of a duration (`{ unit, amount }` as in a policy target) counted from `from` on a
 * tier's calendar, the way `evaluate` counts it for a ticket created at `from` with no pauses.
 * Returns null for unit "none". Throws SlaInputError for an unknown tier.
 */
export function deadlineAfter(
  policy: Policy,
  tier: string | undefined,
  from: number,
  duration: { unit: Unit; amount?: number },
  where?: Where,
): DeadlineQuery | null {
  const cal = tierCalendar(policy, tier);
  const table = tableFor(policy, tier, where);
  const start = table.nextOpen(from);
  const hot = {
    unit: duration.unit,
    amount: duration.amount ?? 0,
    percent: undefined,
    label: { nl: '', en: '' },
  };
  const r = resolveDuration(hot, start, table, businessMeasure(table), cal, table.zone);
  if (!r) return null;
  const due = r.measure.add(start, r.ms);
  return {
    start,
    due,
    ms: r.ms,
    business: r.measure.business,
    changes: table.changesBetween(start, due),
    zone: table.zoneName,
  };
}

export interface OpenQuery {
  open: boolean;
  /** t when open, else the next opening. */
  opensAt: number;
  /** End of the current open stretch, or of the next one when closed. */
  closesAt: number;
  /** The local day's changed hours, if any. */
  changes: CalendarChange[];
  zone: string;
}

/** Whether a tier's calendar is open at t, and its next opening and closing. */
export function openAt(policy: Policy, tier: string | undefined, t: number, where?: Where): OpenQuery {
  const table = tableFor(policy, tier, where);
  const open = table.isOpen(t);
  const opensAt = table.nextOpen(t);
  return {
    open,
    opensAt,
    closesAt: table.nextClose(t),
    changes: table.changesBetween(t, t),
    zone: table.zoneName,
  };
}

/** Business ms of a tier's calendar between two instants (epoch ms). */
export function businessTimeBetween(
  policy: Policy,
  tier: string | undefined,
  a: number,
  b: number,
  where?: Where,
): number {
  return tableFor(policy, tier, where).between(a, b);
}

/** The instant (epoch ms) at which `ms` of the tier's business time have elapsed since t. */
export function addBusinessTime(policy: Policy, tier: string, t: number, ms: number, zone?: string): number {
  return tableFor(policy, tier, zone).add(t, ms);
}

/** First open instant (epoch ms) of a tier's calendar at or after t (semantics rule 1). */
export function clockStart(policy: Policy, tier: string, t: number, zone?: string): number {
  return tableFor(policy, tier, zone).nextOpen(t);
}
