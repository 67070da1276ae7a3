/**
 * A validated policy compiled for evaluation: id/alias look-ups, priority ranks, calendar specs and
 * target look-up. Compiled once per policy object (WeakMap cache).
 */
import {
  businessDayMs,
  parseClock,
  type CalendarSpec,
  type CalendarTable,
  type DateHours,
  type DayWindows,
} from './calendar.ts';
import {
  METRICS,
  WEEKDAYS,
  type Label,
  type Policy,
  type PolicyCalendar,
  type PolicyDuration,
  type PolicyTarget,
} from './schema.ts';
import { holidaySetId, holidaysOf, type HolidaySetId, type HolidaySetRule } from './holidays/index.ts';
import type { MetricName } from './types.ts';
import { durationWords } from './unit-words.ts';

export interface Named {
  id: string;
  label: Label;
  aliases?: string[];
}

/** Resolves a value to an item id: exact id, then case-insensitive id, alias or label. */
export class Vocabulary<T extends Named> {
  private readonly exact = new Map<string, T>();
  private readonly loose = new Map<string, T>();
  constructor(readonly items: T[]) {
    for (const it of items) this.exact.set(it.id, it);
    for (const it of items)
      for (const key of [it.id, it.label.nl, it.label.en, ...(it.aliases ?? [])]) {
        const k = key.trim().toLowerCase();
        if (!this.loose.has(k)) this.loose.set(k, it);
      }
  }
  get(value: string | undefined | null): T | undefined {
    if (value === undefined || value === null) return undefined;
    return this.exact.get(value) ?? this.loose.get(value.trim().toLowerCase());
  }
  ids(): string[] {
    return this.items.map((i) => i.id);
  }
}

export interface CompiledCalendar {
  id: string;
  def: PolicyCalendar;
  spec: CalendarSpec;
  dayMs: number;
  /** Specs with a ticket's holiday region (`useTicketHolidays`), per region id. */
  byRegion: Map<HolidaySetId, CalendarSpec>;
  /** The table last used (most policies use one zone): saves two map look-ups per evaluation. */
  lastTable?: CalendarTable;
}

export interface CompiledPolicy {
  policy: Policy;
  tiers: Vocabulary<Policy['tiers'][number]>;
  types: Vocabulary<Policy['types'][number]>;
  priorities: Vocabulary<Policy['priorities'][number]>;
  impact?: Vocabulary<Named>;
  urgency?: Vocabulary<Named>;
  rank: Map<string, number>;
  calendars: Map<string, CompiledCalendar>;
  /** cachedTarget results per type → tier → priority (null: none), [response, resolution]. */
  targetCache: Map<string, Map<string, Map<string | null, [HotTarget | undefined, HotTarget | undefined]>>>;
  /**
   * The policy fields evaluation reads, copied into one object shape for every policy: policies
   * parsed from JSON differ in which optional fields they have, and property reads across more than
   * four shapes are slow in V8.
   */
  hot: HotPolicy;
}

export interface HotPolicy {
  id: string;
  name: string;
  timezone: string;
  useTicketTimezone: boolean;
  useTicketHolidays: boolean;
  defaultType: string;
  defaultTier: string;
  matrix: NonNullable<Policy['matrix']> | null;
  caps: NonNullable<NonNullable<Policy['matrix']>['caps']>;
  escalation: NonNullable<Policy['escalation']>;
  customerMayOverride: boolean;
  pause: NonNullable<Policy['pause']> | null;
  exemptions: NonNullable<Policy['exemptions']>;
}

/** A duration with every field present (one object shape), for the hot path. */
export interface HotDuration {
  unit: PolicyDuration['unit'];
  amount: number;
  percent: number | undefined;
  label: { nl: string; en: string };
}

/** A target match with its durations and labels resolved once (one object shape). */
export interface HotTarget extends TargetMatch {
  due: HotDuration;
  goal: HotDuration | null;
  source: string | undefined;
}

function hotDuration(d: PolicyDuration & { percent?: number }): HotDuration {
  return { unit: d.unit, amount: d.amount ?? 0, percent: d.percent, label: durationLabel(d) };
}

function hotTarget(m: TargetMatch | undefined): HotTarget | undefined {
  if (!m) return undefined;
  const t = m.target;
  return {
    target: t,
    rule: m.rule,
    due: hotDuration(t.due),
    goal: t.goal ? hotDuration(t.goal) : null,
    source: t.source,
  };
}

export function toCalendarSpec(cal: PolicyCalendar): CalendarSpec {
  const week: DayWindows[] = WEEKDAYS.map((d) => {
    if (cal.hours === '24x7') return [[0, 1440]];
    return parseWindows(cal.hours[d] ?? []);
  });
  const rules = holidayRules(cal);
  const spec: CalendarSpec = {
    week,
    holidays: rules.map((r) => r.set),
    closedDates: cal.closedDates ?? [],
    businessDayMinutes: cal.businessDayHours ? cal.businessDayHours * 60 : undefined,
  };
  if (cal.dates) {
    const dates: Record<string, DateHours> = {};
    for (const [key, h] of Object.entries(cal.dates)) {
      const full = typeof h === 'object' && !Array.isArray(h) ? h : { hours: h };
      const out: DateHours = { windows: full.hours === 'closed' ? [] : parseWindows(full.hours) };
      if ('label' in full && full.label) out.label = full.label;
      if ('source' in full && full.source) out.source = full.source;
      dates[key] = out;
    }
    spec.dates = dates;
  }
  if (cal.closings?.length) spec.closings = cal.closings;
  if (rules.some((r) => r.except.length)) spec.holidayDates = (y) => holidaysOf(rules, y);
  return spec;
}

/** A calendar's holiday entries as sets with their `except` lists (ids made canonical). */
export function holidayRules(cal: PolicyCalendar): HolidaySetRule[] {
  return (cal.holidays ?? []).map((h) => {
    const set = typeof h === 'string' ? h : h.set;
    const except =
      typeof h === 'string' ? [] : h.except.map((e) => (typeof e === 'string' ? { holiday: e } : e));
    return { set: holidaySetId(set) ?? set, except };
  });
}

/**
 * The calendar with a ticket's holiday region instead of its own sets: the region's public
 * holidays minus every `except` the calendar's sets list. One spec per region (tables are cached
 * per spec).
 */
export function regionCalendarSpec(cal: CompiledCalendar, region: HolidaySetId): CalendarSpec {
  let spec = cal.byRegion.get(region);
  if (!spec) {
    const except = holidayRules(cal.def).flatMap((r) => r.except);
    const rules = [{ set: region, except }];
    spec = { ...cal.spec, holidays: [region], holidayDates: (y) => holidaysOf(rules, y) };
    cal.byRegion.set(region, spec);
  }
  return spec;
}

function parseWindows(windows: string[]): DayWindows {
  return windows.map((w) => w.split('-').map(parseClock) as [number, number]).sort((a, b) => a[0] - b[0]);
}

const compiled = new WeakMap<Policy, CompiledPolicy>();

export function compilePolicy(policy: Policy): CompiledPolicy {
  let c = compiled.get(policy);
  if (c) return c;
  const calendars = new Map<string, CompiledCalendar>();
  for (const [id, def] of Object.entries(policy.calendars)) {
    const spec = toCalendarSpec(def);
    calendars.set(id, { id, def, spec, dayMs: businessDayMs(spec), byRegion: new Map() });
  }
  c = {
    policy,
    tiers: new Vocabulary(policy.tiers),
    types: new Vocabulary(policy.types),
    priorities: new Vocabulary(policy.priorities),
    impact: policy.matrix ? new Vocabulary(policy.matrix.impact) : undefined,
    urgency: policy.matrix ? new Vocabulary(policy.matrix.urgency) : undefined,
    rank: new Map(policy.priorities.map((p, i) => [p.id, i])),
    calendars,
    targetCache: new Map(),
    hot: {
      id: policy.id,
      name: policy.name,
      timezone: policy.timezone,
      useTicketTimezone: policy.useTicketTimezone ?? false,
      useTicketHolidays: policy.useTicketHolidays ?? false,
      defaultType: policy.defaultType,
      defaultTier: policy.defaultTier,
      matrix: policy.matrix ?? null,
      caps: policy.matrix?.caps ?? [],
      escalation: policy.escalation ?? [],
      customerMayOverride: policy.customerMayOverride ?? false,
      pause: policy.pause ?? null,
      exemptions: policy.exemptions ?? [],
    },
  };
  compiled.set(policy, c);
  return c;
}

export interface MatrixSuggestion {
  impact?: string;
  urgency?: string;
  priority: string | null;
  missing: Array<'impact' | 'urgency'>;
}

/**
 * The matrix's priority for an impact × urgency pair (ids, labels or aliases accepted). Returns
 * priority null when the policy has no matrix or a level is missing or unknown.
 */
export function suggestPriority(
  policy: Policy,
  impact?: string | null,
  urgency?: string | null,
): MatrixSuggestion {
  const c = compilePolicy(policy);
  if (!policy.matrix) return { priority: null, missing: [] };
  const imp = c.impact!.get(impact);
  const urg = c.urgency!.get(urgency);
  const missing: Array<'impact' | 'urgency'> = [];
  if (!imp) missing.push('impact');
  if (!urg) missing.push('urgency');
  const priority = imp && urg ? (policy.matrix.cells[imp.id]?.[urg.id] ?? null) : null;
  return { impact: imp?.id, urgency: urg?.id, priority, missing };
}

/** Applies a cap: the priority can be no more urgent than `max`. */
export function capPriority(c: CompiledPolicy, priority: string, max: string): string {
  const r = c.rank.get(priority) ?? Infinity;
  const m = c.rank.get(max) ?? -Infinity;
  return r < m ? max : priority;
}

export interface TargetMatch {
  target: PolicyTarget;
  /** JSON path of the rule, e.g. "targets.incident.standard.high.resolution". */
  rule: string;
}

/** The target for (type, tier, priority, metric); "*" tiers/priorities match anything. */
export function findTarget(
  policy: Policy,
  type: string,
  tier: string,
  priority: string | null,
  metric: MetricName,
): TargetMatch | undefined {
  const byTier = policy.targets[type];
  if (!byTier) return undefined;
  for (const t of [tier, '*']) {
    const byPrio = byTier[t];
    if (!byPrio) continue;
    for (const p of priority === null ? ['*'] : [priority, '*']) {
      const target = byPrio[p]?.[metric];
      if (target) return { target, rule: `targets.${type}.${t}.${p}.${metric}` };
    }
  }
  return undefined;
}

/**
 * findTarget for the hot path: the same match, computed once per (type, tier, priority) of a compiled
 * policy and shared (treat it as read-only).
 */
export function cachedTarget(
  c: CompiledPolicy,
  type: string,
  tier: string,
  priority: string | null,
  metric: MetricName,
): HotTarget | undefined {
  let byTier = c.targetCache.get(type);
  if (!byTier) c.targetCache.set(type, (byTier = new Map()));
  let byPrio = byTier.get(tier);
  if (!byPrio) byTier.set(tier, (byPrio = new Map()));
  let pair = byPrio.get(priority);
  if (!pair) {
    pair = [
      hotTarget(findTarget(c.policy, type, tier, priority, 'response')),
      hotTarget(findTarget(c.policy, type, tier, priority, 'resolution')),
    ];
    byPrio.set(priority, pair);
  }
  return pair[metric === 'response' ? 0 : 1];
}

/** True when some target for (type, tier) defines `metric` (for any priority). */
export function definesMetric(policy: Policy, type: string, tier: string, metric: MetricName): boolean {
  const byTier = policy.targets[type];
  if (!byTier) return false;
  return [tier, '*'].some((t) => Object.values(byTier[t] ?? {}).some((m) => m[metric] !== undefined));
}

export interface TargetRow {
  type: string;
  tier: string;
  priority: string;
  metric: MetricName;
  rule: string;
  target: PolicyTarget;
  dueLabel: { nl: string; en: string };
  goalLabel?: { nl: string; en: string };
}

/**
 * Every concrete target of a policy for display, in a stable order: policy order of types, then
 * tiers, then priorities (most urgent first), then response before resolution. Wildcards are
 * expanded to the concrete tiers/priorities they cover.
 */
export function listTargets(policy: Policy): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const type of policy.types)
    for (const tier of policy.tiers)
      for (const prio of policy.priorities)
        for (const metric of METRICS) {
          const m = findTarget(policy, type.id, tier.id, prio.id, metric);
          if (!m) continue;
          rows.push({
            type: type.id,
            tier: tier.id,
            priority: prio.id,
            metric,
            rule: m.rule,
            target: m.target,
            dueLabel: durationLabel(m.target.due),
            goalLabel: m.target.goal ? durationLabel(m.target.goal) : undefined,
          });
        }
  return rows;
}

/** "8 business hours" / "8 kantooruren", "next business day", or the contract's words for none. */
const labels = new WeakMap<PolicyDuration, { nl: string; en: string }>();

export function durationLabel(d: PolicyDuration): { nl: string; en: string } {
  let l = labels.get(d);
  if (!l) labels.set(d, (l = durationWords(d)));
  return l;
}
