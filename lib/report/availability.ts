/**
 * Availability per calendar month from outage tickets (Membro 2.2): (TMM − TMD) / TMM × 100%.
 *
 * - TMM: the month's minutes in the policy's zone (March and October have an hour less and more in
 *   Europe/Amsterdam) without the maintenance windows, times the environments.
 * - TMD: the minutes an outage ticket was open (created → solved, or → now while it is open), clipped
 *   to the month, overlapping outages counted once (interval union), without the maintenance windows,
 *   times the environments (an outage ticket says the platform is down: all environments).
 *
 * Pure: instants in epoch ms, the zone and `now` passed in. Which tickets are outages is set per
 * assignment (`outage: { tag, type, field/value }`, lib/storage/schemas.ts) and judged by `isOutage`.
 */
import type { AvailabilityRule, Label, Policy } from '../sla/schema';
import { WEEKDAYS } from '../sla/schema';
import { localWall, parseClock } from '../sla/calendar';
import { daysFromCivil, weekdayIndex, zoneClock } from '../sla/zone';
import { HostMappingSchema } from '../helpdesks/mapping-schema';

const MIN = 60_000;
const DAY = 86_400_000;

export interface Interval {
  from: number;
  to: number;
}

/** Sorted, disjoint, non-empty intervals covering the same instants (overlaps and touches merged). */
export function unionIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/** `a` without `b`; both sorted and disjoint (as `unionIntervals` gives them). */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let from = x.from;
    while (j < b.length && b[j]!.to <= from) j++;
    let k = j;
    while (k < b.length && b[k]!.from < x.to) {
      if (b[k]!.from > from) out.push({ from, to: b[k]!.from });
      from = Math.max(from, b[k]!.to);
      k++;
    }
    if (from < x.to) out.push({ from, to: x.to });
  }
  return out;
}

export const totalMs = (list: readonly Interval[]) => list.reduce((s, i) => s + (i.to - i.from), 0);

const clip = (list: readonly Interval[], from: number, to: number): Interval[] =>
  list.map((i) => ({ from: Math.max(i.from, from), to: Math.min(i.to, to) })).filter((i) => i.to > i.from);

/** A local wall-clock minute of a local day (days since 1970-01-01) as an instant in the zone. */
function wallInstant(zone: string, localDay: number, minute: number): number {
  return zoneClock(zone).fromLocal(localDay * DAY + minute * MIN);
}

/**
 * The policy's maintenance windows as instants within [from, to): recurring windows ("20:00-04:00"
 * starts on its day and ends the next; wall-clock times in the zone, DST taken as the engine takes
 * it) and announced ones ("2026-03-12T22:00").
 */
export function maintenanceIntervals(
  maintenance: AvailabilityRule['maintenance'],
  zone: string,
  from: number,
  to: number,
): Interval[] {
  if (!maintenance) return [];
  const clock = zoneClock(zone);
  const raw: Interval[] = [];
  const firstDay = clock.localDay(from) - 1; // a window of the day before can run into `from`
  const lastDay = clock.localDay(to - 1);
  for (const w of maintenance.recurring ?? []) {
    const [a, b] = w.window.split('-').map(parseClock) as [number, number];
    if (Number.isNaN(a) || Number.isNaN(b)) continue; // checkPolicy reports it
    const days = new Set(w.days ?? WEEKDAYS);
    for (let d = firstDay; d <= lastDay; d++) {
      const weekday = WEEKDAYS[weekdayIndex(d)]!;
      if (!days.has(weekday)) continue;
      raw.push({ from: wallInstant(zone, d, a), to: wallInstant(zone, b <= a ? d + 1 : d, b) });
    }
  }
  for (const w of maintenance.announced ?? []) {
    // One-date local times ("2026-06-10T22:00"; checkPolicy refuses the yearly form here).
    const at = (v: string) => {
      const wall = v.length === 16 ? localWall(v, 0) : null;
      return wall === null ? NaN : clock.fromLocal(wall);
    };
    const i = { from: at(w.from), to: at(w.to) };
    if (i.to > i.from) raw.push(i);
  }
  return clip(unionIntervals(raw), from, to);
}

export interface AvailabilityFigures {
  /** TMM: minutes of the period without maintenance, times the environments. */
  tmmMinutes: number;
  /** Minutes of maintenance in the period (once, not times the environments). */
  maintenanceMinutes: number;
  /** TMD: outage minutes (union, without maintenance), times the environments. */
  tmdMinutes: number;
  environments: number;
  /** (TMM − TMD) / TMM × 100; null when the whole period is maintenance. */
  percent: number | null;
}

/** Membro's formula over one period [from, to) (a calendar month in the report). */
export function availabilityFigures(input: {
  from: number;
  to: number;
  /** Outage intervals (may overlap, may reach outside the period). */
  outages: readonly Interval[];
  /** Maintenance intervals, sorted and disjoint (`maintenanceIntervals`). */
  maintenance: readonly Interval[];
  environments?: number;
}): AvailabilityFigures {
  const { from, to } = input;
  const env = input.environments ?? 1;
  const maint = clip(input.maintenance, from, to);
  const maintMs = totalMs(maint);
  const tmm = (to - from - maintMs) * env;
  const down = subtractIntervals(unionIntervals(clip(input.outages, from, to)), maint);
  const tmd = totalMs(down) * env;
  return {
    tmmMinutes: tmm / MIN,
    maintenanceMinutes: maintMs / MIN,
    tmdMinutes: tmd / MIN,
    environments: env,
    percent: tmm > 0 ? ((tmm - tmd) / tmm) * 100 : null,
  };
}

/** Which tickets are outages, set per assignment. All given criteria must hold. */
export interface OutageRule {
  tag?: string | undefined;
  type?: string | undefined;
  field?: string | undefined;
  value?: string | undefined;
}

/**
 * Each assignment's outage selection (`mapping.outage`) for the report: the page's worker reads the
 * stored assignments, `sla report` its `--mapping` for `--host`. A mapping that does not parse
 * selects nothing (Options shows why).
 */
export function outageRules<A extends { host: string; policyId: string; mapping?: unknown }>(
  assignments: readonly A[],
): Array<{ host: string; policyId: string; rule: OutageRule }> {
  return assignments.flatMap((a) => {
    const rule = HostMappingSchema.safeParse(a.mapping ?? {}).data?.outage;
    return rule ? [{ host: a.host, policyId: a.policyId, rule }] : [];
  });
}

export interface OutageFacts {
  /** undefined: not known (the helpdesk did not pass tags on). */
  tags?: readonly string[] | ReadonlySet<string> | undefined;
  type?: string | undefined;
  fields?: Readonly<Record<string, string>> | undefined;
}

const hasTag = (tags: NonNullable<OutageFacts['tags']>, tag: string) =>
  tags instanceof Set ? tags.has(tag) : (tags as readonly string[]).includes(tag);

/** true / false, or null when a criterion needs a fact that is not known (and none failed). */
export function isOutage(rule: OutageRule, t: OutageFacts): boolean | null {
  const checks: Array<boolean | null> = [];
  if (rule.tag) checks.push(t.tags === undefined ? null : hasTag(t.tags, rule.tag));
  if (rule.type) checks.push(t.type === undefined ? null : t.type === rule.type);
  if (rule.field) {
    const v = t.fields ? (Object.hasOwn(t.fields, rule.field) ? t.fields[rule.field] : undefined) : undefined;
    checks.push(
      t.fields === undefined ? null : v !== undefined && (rule.value === undefined || v === rule.value),
    );
  }
  if (checks.length === 0) return false; // an empty rule selects nothing
  if (checks.includes(false)) return false;
  return checks.includes(null) ? null : true;
}

/** A ticket of the policy that may be an outage. */
export interface OutageCandidate extends OutageFacts {
  key: string;
  ticketKey: string;
  subject: string;
  link: string;
  tier: string;
  /** Epoch ms the ticket was created; null when not known (an archived record without it). */
  openedAt: number | null;
  /** Epoch ms it was solved; null while it is open. */
  closedAt: number | null;
}

export interface AvailabilityOutage {
  key: string;
  ticketKey: string;
  subject: string;
  link: string;
  from: number;
  /** null: still open (counted up to the report's `now`). */
  to: number | null;
  /** Minutes of this ticket in the month, without maintenance (before the union with others). */
  minutes: number;
}

export interface AvailabilityMonth extends AvailabilityFigures {
  month: string;
  tier: string;
  tierLabel: Label;
  target: number;
  /** null when no percent (the whole month maintenance). */
  met: boolean | null;
  outages: AvailabilityOutage[];
}

export interface AvailabilitySection {
  text: Label | null;
  source: string | null;
  environments: number;
  /** True when some assignment of the policy says which tickets are outages. */
  configured: boolean;
  months: AvailabilityMonth[];
  /** Tickets an outage rule could not judge (tags or type not known), or outages without a creation time. */
  unknown: Array<{ key: string; ticketKey: string; link: string }>;
}

export interface AvailabilityInput {
  policy: Policy;
  /** The calendar months to report, as [from, to) instants in the policy's zone with their key. */
  months: ReadonlyArray<{ key: string; from: number; to: number }>;
  candidates: Iterable<OutageCandidate>;
  /** The outage rule of the assignment a ticket came through (by registry key); undefined: none. */
  ruleFor: (key: string) => OutageRule | undefined;
  /** Some assignment of the policy selects outages (else the section says none is set). */
  configured: boolean;
  now: number;
}

/** The report's calendar months [from, to) in the zone that overlap [from, to), clipped to it. */
export function monthsIn(
  from: number,
  to: number,
  zone: string,
): Array<{ key: string; from: number; to: number }> {
  const clock = zoneClock(zone);
  const first = clock.parts(from);
  const out: Array<{ key: string; from: number; to: number }> = [];
  let y = first.year;
  let m = first.month;
  for (;;) {
    const start = wallInstant(zone, daysFromCivil(y, m, 1), 0);
    if (start >= to) break;
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const end = wallInstant(zone, daysFromCivil(ny, nm, 1), 0);
    out.push({
      key: `${y}-${String(m).padStart(2, '0')}`,
      from: Math.max(start, from),
      to: Math.min(end, to),
    });
    [y, m] = [ny, nm];
  }
  return out;
}

/** The availability section of the report, or null when the policy declares no availability. */
export function buildAvailability(input: AvailabilityInput): AvailabilitySection | null {
  const rule = input.policy.report?.availability;
  if (!rule) return null;
  const zone = input.policy.timezone;
  const env = rule.environments ?? 1;
  const named = new Set(Object.keys(rule.targets));
  const tiers = input.policy.tiers
    .map((t) => ({ t, target: rule.targets[t.id] ?? (named.has(t.id) ? undefined : rule.targets['*']) }))
    .filter((x): x is { t: (typeof input.policy.tiers)[number]; target: number } => x.target !== undefined);

  const first = input.months[0]?.from ?? 0;
  const last = input.months[input.months.length - 1]?.to ?? 0;
  const byTier = new Map<string, OutageCandidate[]>();
  const unknown: AvailabilitySection['unknown'] = [];
  for (const c of input.candidates) {
    const r = input.ruleFor(c.key);
    if (!r) continue;
    const end = c.closedAt ?? input.now;
    if (c.openedAt !== null && (c.openedAt >= last || end <= first)) continue;
    if (c.openedAt === null && c.closedAt !== null && (c.closedAt < first || c.closedAt >= last)) continue;
    const is = isOutage(r, c);
    if (is === false) continue;
    if (is === null || c.openedAt === null) {
      unknown.push({ key: c.key, ticketKey: c.ticketKey, link: c.link });
      continue;
    }
    let list = byTier.get(c.tier);
    if (!list) byTier.set(c.tier, (list = []));
    list.push(c);
  }

  const months: AvailabilityMonth[] = [];
  for (const m of input.months) {
    const maint = maintenanceIntervals(rule.maintenance, zone, m.from, m.to);
    for (const { t, target } of tiers) {
      const outages: AvailabilityOutage[] = [];
      const intervals: Interval[] = [];
      for (const c of byTier.get(t.id) ?? []) {
        const i = { from: c.openedAt!, to: Math.min(c.closedAt ?? input.now, input.now) };
        const own = subtractIntervals(clip([i], m.from, m.to), maint);
        if (i.to <= m.from || i.from >= m.to) continue;
        intervals.push(i);
        outages.push({
          key: c.key,
          ticketKey: c.ticketKey,
          subject: c.subject,
          link: c.link,
          from: c.openedAt!,
          to: c.closedAt,
          minutes: totalMs(own) / MIN,
        });
      }
      outages.sort((a, b) => a.from - b.from || a.key.localeCompare(b.key));
      const f = availabilityFigures({
        from: m.from,
        to: m.to,
        outages: intervals,
        maintenance: maint,
        environments: env,
      });
      months.push({
        month: m.key,
        tier: t.id,
        tierLabel: t.label,
        target,
        ...f,
        met: f.percent === null ? null : f.percent >= target,
        outages,
      });
    }
  }
  return {
    text: rule.text ?? null,
    source: rule.source ?? null,
    environments: env,
    configured: input.configured,
    months,
    unknown: unknown.sort((a, b) => a.key.localeCompare(b.key)),
  };
}
