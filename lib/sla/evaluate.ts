/**
 * evaluate(policy, ticket, now) → Evaluation: which target applies, when each clock started, when it
 * is due, and its state at `now`. Pure: `now` and every zone are parameters; no luxon on this path
 * (calendar tables and zone offsets are cached arrays).
 */
import { calendarTable, type CalendarTable } from './calendar.ts';
import {
  businessMeasure,
  deadline,
  elapsed,
  parseEvents,
  REAL_TIME,
  statusTimeline,
  type Measure,
  type ParsedEvent,
  type StatusSpan,
} from './clock.ts';
import { explain } from './explain.ts';
import { holidaySetId } from './holidays/index.ts';
import type { Locale } from './format.ts';
import {
  cachedTarget,
  capPriority,
  compilePolicy,
  definesMetric,
  regionCalendarSpec,
  suggestPriority,
  type CompiledCalendar,
  type CompiledPolicy,
  type HotDuration,
  type HotPolicy,
  type HotTarget,
  type TargetMatch,
} from './policy.ts';
import type { Policy } from './schema.ts';
import type {
  Evaluation,
  MetricName,
  MetricResult,
  NeutralTicket,
  PausedSpan,
  TicketStatus,
} from './types.ts';
import { isValidZone, parseInstant, type ZoneClock } from './zone.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface EvaluateOptions {
  /** A running clock is at risk when at most this share of its target remains. Default 0.25. */
  atRiskRemainingShare?: number;
  /** Language of `explanation` and labels. Default 'en'. */
  locale?: Locale;
  /** How far ahead `openIntervals` reaches (default 60 days) and how many it lists (default 400). */
  horizonMs?: number;
  maxIntervals?: number;
  /**
   * List `openIntervals` for running/paused metrics (default true, for views that count down). Bulk
   * callers that only need deadlines and states pass false: the field is then absent.
   */
  intervals?: boolean;
  /**
   * Build the human `explanation` (default true). Bulk callers that never show it (a queue of
   * thousands of tickets) pass false and get '' — it is about a third of an evaluation's cost.
   */
  explain?: boolean;
  /** Where tier/type/priority came from when an adapter set them ('mapping', 'tag', …). */
  origin?: Partial<Evaluation['origin']>;
}

/** Bad ticket input (unknown tier, type, priority, level, zone, malformed date). */
export class SlaInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SlaInputError';
  }
}

const STOP_STATUSES: ReadonlySet<TicketStatus> = new Set(['solved', 'closed']);
const METRIC_NAMES = ['response', 'resolution'] as const;

/** Everything the explanation needs besides the Evaluation itself. */
export interface EvaluationContext {
  c: CompiledPolicy;
  zone: ZoneClock;
  calendar: CompiledCalendar;
  /** The calendar table the clocks ran on (the ticket's holiday region and zone). */
  table: CalendarTable;
  created: number;
  now: number;
  clockStart: number;
  locale: Locale;
  timeline: StatusSpan[];
  rules: Partial<Record<MetricName, TargetMatch>>;
}

function toMs(v: string | number | Date, field: string): number {
  const ms = typeof v === 'number' ? v : v instanceof Date ? v.getTime() : parseInstant(v);
  if (!Number.isFinite(ms)) throw new SlaInputError(field, `malformed date ${JSON.stringify(v)}`);
  return ms;
}

function unknown(field: string, value: string, ids: string[]): SlaInputError {
  return new SlaInputError(field, `unknown ${field} "${value}" (known: ${ids.join(', ')})`);
}

/** Adds calendar weeks/months in the zone, keeping the wall-clock time (clamped to month end). */
export function addCalendar(zone: ZoneClock, t: number, unit: 'weeks' | 'months', amount: number): number {
  const p = zone.parts(t);
  const wallTime = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + p.millisecond;
  let y = p.year;
  let m = p.month;
  let d = p.day;
  if (unit === 'weeks') {
    const wall = Date.UTC(y, m - 1, d) + amount * 7 * DAY + wallTime;
    return zone.fromLocal(wall);
  }
  m += amount;
  y += Math.floor((m - 1) / 12);
  m = ((((m - 1) % 12) + 12) % 12) + 1;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) d = dim;
  return zone.fromLocal(Date.UTC(y, m - 1, d) + wallTime);
}

interface Resolved {
  measure: Measure;
  ms: number;
}

/** A duration from the clock start as (measure, amount of that measure). */
export function resolveDuration(
  d: HotDuration,
  start: number,
  table: CalendarTable,
  business: Measure,
  cal: CompiledCalendar,
  zone: ZoneClock,
): Resolved | null {
  const n = d.amount;
  switch (d.unit) {
    case 'none':
      return null;
    case 'business-minutes':
      return { measure: business, ms: n * MIN };
    case 'business-hours':
      return { measure: business, ms: n * HOUR };
    case 'business-days':
      return { measure: business, ms: n * cal.dayMs };
    case 'next-business-day':
      return { measure: business, ms: table.between(start, table.nextBusinessDayClose(start)) };
    case 'calendar-minutes':
      return { measure: REAL_TIME, ms: n * MIN };
    case 'calendar-hours':
      return { measure: REAL_TIME, ms: n * HOUR };
    case 'weeks':
    case 'months':
      return { measure: REAL_TIME, ms: addCalendar(zone, start, d.unit, n) - start };
  }
}

export function evaluate(
  policy: Policy,
  ticket: NeutralTicket,
  now: string | number | Date,
  options: EvaluateOptions = {},
): Evaluation {
  const c = compilePolicy(policy);
  const hot = c.hot;
  const locale: Locale = options.locale ?? 'en';
  const share = options.atRiskRemainingShare ?? 0.25;
  const nowMs = toMs(now, 'now');
  const created = toMs(ticket.createdAt, 'createdAt');

  // time zone
  let zoneName = hot.timezone;
  if (ticket.timezone !== undefined && hot.useTicketTimezone) {
    if (!isValidZone(ticket.timezone))
      throw new SlaInputError('timezone', `unknown time zone "${ticket.timezone}" (expected an IANA name)`);
    zoneName = ticket.timezone;
  }

  // type and tier
  const type = ticket.type !== undefined ? c.types.get(ticket.type) : c.types.get(hot.defaultType);
  if (!type) throw unknown('type', ticket.type ?? hot.defaultType, c.types.ids());
  const tier = ticket.tier !== undefined ? c.tiers.get(ticket.tier) : c.tiers.get(hot.defaultTier);
  if (!tier) throw unknown('tier', ticket.tier ?? hot.defaultTier, c.tiers.ids());

  // priority: the ticket's own, else the latest priority event, else the matrix; then caps
  if (hot.matrix) {
    if (ticket.impact !== undefined && !c.impact!.get(ticket.impact))
      throw unknown('impact', ticket.impact, c.impact!.ids());
    if (ticket.urgency !== undefined && !c.urgency!.get(ticket.urgency))
      throw unknown('urgency', ticket.urgency, c.urgency!.ids());
  }
  const events = parseEvents(ticket.events, created, nowMs);
  const suggestion = suggestPriority(policy, ticket.impact, ticket.urgency);
  let priority: string | null = null;
  let priorityOrigin = 'none';
  if (ticket.priority !== undefined) {
    const p = c.priorities.get(ticket.priority);
    if (!p) throw unknown('priority', ticket.priority, c.priorities.ids());
    priority = p.id;
    priorityOrigin = 'ticket';
  } else {
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!.event;
      if (e.type === 'priority') {
        const p = c.priorities.get(e.priority);
        if (!p) throw unknown('priority', e.priority, c.priorities.ids());
        priority = p.id;
        priorityOrigin = 'event';
        break;
      }
    }
    if (priority === null && suggestion.priority !== null) {
      priority = suggestion.priority;
      priorityOrigin = 'matrix';
    }
  }
  const uncapped = priority;
  let capped: { by: string; to: string } | null = null;
  if (priority !== null && ticket.workaround) {
    for (const cap of hot.caps) {
      if (cap.when !== 'workaround') continue;
      const to = capPriority(c, priority, cap.max);
      if (to !== priority) {
        capped = { by: 'workaround', to };
        priority = to;
      }
    }
  }

  // clock start: the first open moment of the tier's calendar at or after creation (rule 1)
  const calendar = c.calendars.get(tier.calendar)!;
  let spec = calendar.spec;
  let holidayRegion: string | undefined;
  if (ticket.holidayRegion !== undefined && hot.useTicketHolidays) {
    const region = holidaySetId(ticket.holidayRegion);
    if (region === null)
      throw new SlaInputError(
        'holidayRegion',
        `unknown holiday region "${ticket.holidayRegion}" (expected a country or state as date-holidays names it, e.g. BE, DE-BY)`,
      );
    spec = regionCalendarSpec(calendar, region);
    holidayRegion = region;
  }
  let table = calendar.lastTable;
  if (table === undefined || table.zoneName !== zoneName || table.spec !== spec)
    calendar.lastTable = table = calendarTable(spec, zoneName);
  const zone = table.zone;
  const business = businessMeasure(table);
  const clockStart = table.nextOpen(created);
  const clockStartIso = zone.iso(clockStart);
  const timeline = statusTimeline(events, created);
  const rules: Partial<Record<MetricName, TargetMatch>> = {};

  // (named stores, not metrics[metric] = …: a keyed store that adds properties is slow in V8)
  const metrics: Partial<Record<MetricName, MetricResult>> = {};
  let input: MetricInput | undefined;
  for (const metric of METRIC_NAMES) {
    const match = cachedTarget(c, type.id, tier.id, priority, metric);
    let result: MetricResult;
    if (!match) {
      if (priority === null && definesMetric(policy, type.id, tier.id, metric))
        result = noPriorityResult(metric, clockStartIso, locale);
      else continue;
    } else {
      if (metric === 'response') rules.response = match;
      else rules.resolution = match;
      input ??= {
        policy: hot,
        events,
        timeline,
        table,
        business,
        calendar,
        zone,
        created,
        now: nowMs,
        clockStart,
        clockStartIso,
        share,
        locale,
        horizonMs: options.horizonMs ?? 60 * DAY,
        maxIntervals: options.maxIntervals ?? 400,
        intervals: options.intervals !== false,
        type: type.id,
        tier: tier.id,
        priority,
      };
      result = evaluateMetric(metric, match, input);
    }
    if (metric === 'response') metrics.response = result;
    else metrics.resolution = result;
  }

  let escalation: NonNullable<Policy['escalation']>[number] | undefined;
  for (const e of hot.escalation) {
    if (
      (!e.tiers || e.tiers.includes(tier.id)) &&
      (!e.priorities || (priority !== null && e.priorities.includes(priority)))
    ) {
      escalation = e;
      break;
    }
  }

  const evaluation: Evaluation = {
    policy: hot.id,
    policyName: hot.name,
    tier: tier.id,
    type: type.id,
    priority,
    suggestedPriority: suggestion.priority,
    origin: {
      tier: options.origin?.tier ?? (ticket.tier !== undefined ? 'ticket' : 'default'),
      type: options.origin?.type ?? (ticket.type !== undefined ? 'ticket' : 'default'),
      priority: options.origin?.priority ?? priorityOrigin,
    },
    customerMayOverride: hot.customerMayOverride,
    timezone: zoneName,
    ...(holidayRegion !== undefined ? { holidayRegion } : {}),
    evaluatedAt: zone.iso(nowMs),
    metrics,
    explanation: '',
  };
  if (hot.matrix)
    evaluation.matrix = {
      impact: suggestion.impact,
      urgency: suggestion.urgency,
      uncapped,
      capped,
      missing: suggestion.missing,
    };
  if (escalation) {
    evaluation.escalation = { text: escalation.text[locale] };
    if (escalation.contact) evaluation.escalation.contact = escalation.contact;
  }
  if (options.explain !== false)
    evaluation.explanation = explain(evaluation, {
      c,
      zone,
      calendar,
      table,
      created,
      now: nowMs,
      clockStart,
      locale,
      timeline,
      rules,
    });
  return evaluation;
}

interface MetricInput {
  policy: HotPolicy;
  events: ParsedEvent[];
  timeline: StatusSpan[];
  table: CalendarTable;
  business: Measure;
  calendar: CompiledCalendar;
  zone: ZoneClock;
  created: number;
  now: number;
  clockStart: number;
  clockStartIso: string;
  share: number;
  locale: Locale;
  horizonMs: number;
  maxIntervals: number;
  /** false: leave openIntervals out. */
  intervals: boolean;
  type: string;
  tier: string;
  priority: string | null;
}

function noPriorityResult(metric: MetricName, clockStartIso: string, locale: Locale): MetricResult {
  return {
    metric,
    state: 'none',
    dueAt: null,
    atRisk: false,
    clockStartedAt: clockStartIso,
    stoppedAt: null,
    targetLabel: locale === 'nl' ? 'geen prioriteit bekend' : 'no priority set',
    targetMs: null,
    elapsedMs: null,
    remainingMs: null,
    elapsedShare: null,
    pauses: [],
    businessTime: true,
  };
}

function evaluateMetric(metric: MetricName, target: HotTarget, x: MetricInput): MetricResult {
  const { zone, clockStart, now } = x;

  // when the clock stops for good, and which spans it does not run in
  let stopAt: number | null = null;
  const excluded: StatusSpan[] = [];
  if (metric === 'response') {
    for (const { at, event } of x.events) {
      if (
        (event.type === 'reply' && event.public && event.by === 'agent') ||
        (event.type === 'status' && STOP_STATUSES.has(event.status))
      ) {
        stopAt = at;
        break;
      }
    }
  }
  const pauses = x.policy.pause;
  const pausable = pauses ? pauses.metrics.includes(metric) : metric === 'resolution';
  const pauseStatuses: readonly TicketStatus[] = pauses ? pauses.statuses : ['pending', 'on-hold'];
  if (metric !== 'response' || pausable) {
    const tl = x.timeline;
    for (let i = 0; i < tl.length; i++) {
      const s = tl[i]!;
      const stops = metric === 'resolution' && STOP_STATUSES.has(s.status);
      if (stops && s.to === null) {
        stopAt = s.from;
        break;
      }
      if (stops || (pausable && pauseStatuses.includes(s.status))) excluded.push(s);
    }
  }
  const limit = stopAt !== null && stopAt < now ? stopAt : now;
  const spans: Array<[number, number]> = [];
  const pauseList: PausedSpan[] = [];
  for (const s of excluded) {
    const a = s.from > clockStart ? s.from : clockStart;
    const b = s.to === null ? limit : s.to < limit ? s.to : limit;
    if (b <= a) {
      // A pause still going on that has not overlapped the clock yet (e.g. pending before the
      // clock starts): no effect on time, but the agent is told what the clock waits for.
      if (s.to === null && s.from <= now)
        pauseList.push({ from: zone.iso(s.from), to: null, status: s.status });
      continue;
    }
    const last = spans[spans.length - 1];
    if (last && last[1] >= a) last[1] = Math.max(last[1], b);
    else spans.push([a, b]);
    pauseList.push({
      from: zone.iso(a),
      to: s.to === null || s.to > limit ? null : zone.iso(b),
      status: s.status,
    });
  }

  // exemption (Workspace 365: a P1 that needs a hotfix loses its resolution target)
  let exemption: NonNullable<Policy['exemptions']>[number] | undefined;
  for (const e of x.policy.exemptions) {
    if (!e.metrics.includes(metric)) continue;
    if (e.priorities && (x.priority === null || !e.priorities.includes(x.priority))) continue;
    if ((e.types && !e.types.includes(x.type)) || (e.tiers && !e.tiers.includes(x.tier))) continue;
    let happened = false;
    for (const ev of x.events) if (ev.event.type === e.event) happened = true;
    if (happened) {
      exemption = e;
      break;
    }
  }

  const label = target.due.label[x.locale];
  const base: MetricResult = {
    metric,
    state: 'none',
    dueAt: null,
    atRisk: false,
    clockStartedAt: x.clockStartIso,
    stoppedAt: stopAt === null ? null : zone.iso(stopAt),
    targetLabel: label,
    targetMs: null,
    elapsedMs: null,
    remainingMs: null,
    elapsedShare: null,
    pauses: pauseList,
    businessTime: true,
    rule: target.rule,
  };
  if (target.source) base.source = target.source;
  if (exemption) {
    base.exempt = { reason: exemption.reason[x.locale] };
    if (exemption.source) base.exempt.source = exemption.source;
    return base;
  }

  const due = resolveDuration(target.due, clockStart, x.table, x.business, x.calendar, zone);
  if (!due) return base; // best effort: no deadline, state none
  const m = due.measure;
  const dueMs = deadline(m, clockStart, due.ms, spans);
  const el = elapsed(m, clockStart, limit, spans);
  base.businessTime = m.business;
  base.dueAt = zone.iso(dueMs);
  base.targetMs = due.ms;
  base.elapsedMs = el;
  base.remainingMs = due.ms - el;
  base.elapsedShare = due.ms > 0 ? el / due.ms : null;
  base.dueMs = dueMs;

  const current = x.timeline[x.timeline.length - 1]!;
  if (stopAt !== null) base.state = stopAt <= dueMs ? 'met' : 'breached';
  else if (now > dueMs) base.state = 'breached';
  else if (pausable && current.to === null && pauseStatuses.includes(current.status)) base.state = 'paused';
  else base.state = 'running';

  if (target.goal) {
    const g = resolveDuration(target.goal, clockStart, x.table, x.business, x.calendar, zone);
    if (g) {
      const goalMs = deadline(g.measure, clockStart, g.ms, spans);
      base.goalAt = zone.iso(goalMs);
      base.goalMs = goalMs;
      base.goalPercent = target.goal.percent;
      base.goalLabel = target.goal.label[x.locale];
      base.goalState =
        stopAt !== null ? (stopAt <= goalMs ? 'met' : 'missed') : now > goalMs ? 'missed' : 'pending';
    }
  }

  if (base.state === 'running' || base.state === 'paused') {
    // A share of the target can fall inside a millisecond: the instant is whole milliseconds.
    const riskMs = Math.ceil(deadline(m, clockStart, due.ms * (1 - x.share), spans));
    base.atRiskAt = zone.iso(riskMs);
    base.atRisk = base.remainingMs <= x.share * due.ms;
    if (base.state === 'paused') {
      base.idle = { reason: 'paused', since: zone.iso(current.from) };
    } else if (now < clockStart) {
      base.idle = { reason: 'not-started', until: zone.iso(clockStart) };
    } else if (m.business && !x.table.isOpen(now)) {
      const since = x.table.lastClose(now);
      base.idle = { reason: 'closed-hours', until: zone.iso(x.table.nextOpen(now)) };
      if (since !== null) base.idle.since = zone.iso(since);
    }
    if (x.intervals) {
      const from = now > clockStart ? now : clockStart;
      const to = Math.min(dueMs, from + x.horizonMs);
      base.openIntervals = m.business
        ? x.table.intervals(from, to, x.maxIntervals)
        : to > from
          ? [[from, to]]
          : [];
    }
  }
  return base;
}
