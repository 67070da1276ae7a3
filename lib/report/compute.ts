/**
 * The contract's service report for one policy and a period: compliance against the goals (computed
 * by lib/compliance, not a second time here), a 12-month trend, each breach with the engine's own
 * explanation, what was left out and why, median and 90th percentile times per priority, the credits
 * and obligations the policy declares. Pure: no browser APIs, `now` and the zone passed in.
 *
 * Tickets come from the registry (the full ticket: a breach is explained by evaluating it again with
 * the same engine and policy, at the moment it was last evaluated) and from the compliance archive
 * (compact records: counted in the figures, but their explanation and left-out reasons are not kept,
 * so the report says "not kept" instead of guessing).
 */
import {
  complianceGoalsFromPolicy,
  computeCompliance,
  finishedRecords,
  withArchive,
  comparePriority,
  type ComplianceRow,
  type FinishedRecord,
  type Measure,
} from '../compliance';
import type { RegistryEntry } from '../registry/types';
import { evaluate } from '../sla/evaluate';
import type { Locale } from '../sla/format';
import type { Policy } from '../sla/schema';
import type { Evaluation, MetricName, PausedSpan } from '../sla/types';
import {
  buildAvailability,
  monthsIn,
  type AvailabilitySection,
  type OutageCandidate,
  type OutageRule,
} from './availability';
import { finishedAt } from '../registry/finished';
import { registryKeyHost } from '../registry/registry';
import { creditPercent, percentile, streakBelowGoal } from './formulas';
import {
  asComplianceRange,
  resolveReportPeriod,
  trendMonths,
  type ReportPeriod,
  type ReportRange,
} from './period';

export const REPORT_VERSION = 1;
const METRICS = ['response', 'resolution'] as const;

export interface ReportInput {
  policy: Policy;
  /** Registry entries (any policy; finished ones of this policy are used). */
  entries: Iterable<RegistryEntry>;
  /** Archived records (any policy), at least the 12 trend months. */
  archive?: readonly FinishedRecord[];
  period: ReportPeriod;
  zone: string;
  now: number;
  /** Language of the report's texts (the engine's explanations), independent of the UI's. */
  locale: Locale;
  /**
   * Only this customer's tickets (the ticket facts' `customer`: Zendesk organisation, TOPdesk caller
   * branch or the mapped field); null or absent: all customers.
   */
  customer?: string | null | undefined;
  /**
   * Tags (or mapped field values) a ticket carries, by registry key, over the tags its record keeps;
   * undefined when not known.
   */
  evidence?: (key: string) => ReadonlySet<string> | undefined;
  /**
   * Which tickets are outages, per assignment (host): a ticket's rule is its host's (the host part of
   * its key, `helpdesk:host:id`). lib/report/availability.
   */
  outageRules?: ReadonlyArray<{ host: string; policyId: string; rule: OutageRule }>;
}

export interface ReportBreach {
  key: string;
  ticketKey: string;
  subject: string;
  link: string;
  priority: string | null;
  metric: MetricName;
  measure: Measure;
  closedAt: number;
  /** The instant that was missed (deadline or goal). */
  missedAt: string | null;
  clockStartedAt: string | null;
  stoppedAt: string | null;
  pauses: PausedSpan[];
  /** How late past the deadline, in business time when the target counts it ('due' only). */
  lateMs: number | null;
  businessTime: boolean | null;
  /** The engine's explanation in the report's language; null when the ticket is only archived. */
  explanation: string | null;
}

export type LeftOutReason = 'exempt' | 'best-effort' | 'no-target' | 'not-kept';

export interface LeftOut {
  metric: MetricName;
  reason: LeftOutReason;
  count: number;
  /**
   * The tickets, for exemptions only (each ticket has its own exemption and why; the report lists
   * them). The other reasons follow from the rule alone and are counts: a month can leave out
   * thousands of tickets without a target, and the page does not carry them.
   */
  tickets?: Array<{ key: string; ticketKey: string; link: string; why: string | null }>;
}

export interface TimeStats {
  priority: string | null;
  metric: MetricName;
  /** Tickets measured (registry tickets with a target; archived records keep no elapsed time). */
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  businessTime: boolean;
}

export interface TrendSeries {
  /** `${priority}|${metric}|${measure}` as in the compliance rows. */
  id: string;
  priority: string | null;
  metric: MetricName;
  measure: Measure;
  goal: ComplianceRow['goal'];
  points: Array<{
    month: string;
    met: number;
    total: number;
    share: number | null;
    meetsGoal: boolean | null;
  }>;
}

export interface TrendMonth {
  month: string;
  tickets: number;
  /** Any goal of the policy missed this month. */
  belowGoal: boolean;
}

export interface ReportCredit {
  id: string;
  afterMonths: number;
  percentPerMonth: number;
  maxPercent: number;
  /** Months in a row below goal up to and including the report's last month. */
  streak: number;
  /** The months of that streak, oldest first. */
  streakMonths: string[];
  percent: number;
  of: { nl: string; en: string } | null;
  text: { nl: string; en: string } | null;
  source: string | null;
}

export interface ReportObligation {
  id: string;
  label: { nl: string; en: string };
  source: string | null;
  tag: string;
  tickets: Array<{
    key: string;
    ticketKey: string;
    subject: string;
    link: string;
    closedAt: number;
    status: 'delivered' | 'missing' | 'unknown';
  }>;
  delivered: number;
  missing: number;
  unknown: number;
}

export interface ServiceReport {
  version: typeof REPORT_VERSION;
  policy: {
    id: string;
    name: string;
    contract: string | null;
    priorities: Array<{ id: string; label: { nl: string; en: string } }>;
  };
  locale: Locale;
  range: ReportRange;
  /** The customer the report is narrowed to; null: all customers. */
  customer: string | null;
  /** The customers of the policy's tickets finished in the period (sorted), to choose from. */
  customers: string[];
  /** Finished tickets of the period without a known customer (records kept before facts were read). */
  withoutCustomer: number;
  generatedAt: number;
  /** Finished tickets of the policy in the period. */
  tickets: number;
  compliance: ComplianceRow[];
  trend: { months: TrendMonth[]; series: TrendSeries[] };
  breaches: ReportBreach[];
  leftOut: LeftOut[];
  times: TimeStats[];
  credits: ReportCredit[];
  obligations: ReportObligation[];
  /** Availability per month and tier; null when the policy declares none. */
  availability: AvailabilitySection | null;
}

const figureId = (priority: string | null, metric: MetricName, measure: Measure) =>
  `${priority ?? ''}|${metric}|${measure}`;

export function buildServiceReport(input: ReportInput): ServiceReport {
  const { policy, zone, locale } = input;
  const range = resolveReportPeriod(input.period, zone);
  const goals = complianceGoalsFromPolicy(policy);

  // The registry's finished entries of this policy, by key (the full ticket, for explanations).
  const byKey = new Map<string, RegistryEntry>();
  const fromRegistry: RegistryEntry[] = [];
  for (const e of input.entries) {
    if (e.evaluation?.policy !== policy.id) continue;
    byKey.set(e.key, e);
    fromRegistry.push(e);
  }
  const ofPolicy = withArchive(finishedRecords(fromRegistry), {
    records: (input.archive ?? []).filter((r) => r.policyId === policy.id),
  });

  // The customers present in the period, then every figure (trend included) narrowed to one of them.
  const names = new Set<string>();
  let withoutCustomer = 0;
  for (const r of ofPolicy) {
    if (r.closedAt < range.from || r.closedAt >= range.to) continue;
    if (r.customer === undefined) withoutCustomer++;
    else names.add(r.customer);
  }
  const customer = input.customer ?? null;
  const all = customer === null ? ofPolicy : ofPolicy.filter((r) => r.customer === customer);

  // Compliance for the period: lib/compliance, as the popup computes it.
  const inPeriod = all.filter((r) => r.closedAt >= range.from && r.closedAt < range.to);
  const compliance = computeCompliance(inPeriod, asComplianceRange(range), goals);

  // The 12-month trend: the same computation per month.
  const months = trendMonths(range);
  const buckets: FinishedRecord[][] = months.map(() => []);
  const first = months[0]!.from;
  const last = months[months.length - 1]!.to;
  for (const r of all) {
    if (r.closedAt < first || r.closedAt >= last) continue;
    let lo = 0;
    let hi = months.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (months[mid]!.from <= r.closedAt) lo = mid;
      else hi = mid - 1;
    }
    buckets[lo]!.push(r);
  }
  const series = new Map<string, TrendSeries>();
  const trendMonthsOut: TrendMonth[] = [];
  months.forEach((m, i) => {
    // counts only: the trend shows no breach lists
    const rep = computeCompliance(buckets[i]!, asComplianceRange(m), goals, { breaches: false });
    trendMonthsOut.push({
      month: m.key,
      tickets: rep.tickets,
      belowGoal: rep.rows.some((row) => row.meetsGoal === false),
    });
    for (const row of rep.rows) {
      const id = figureId(row.priority, row.metric, row.measure);
      let s = series.get(id);
      if (!s) {
        s = {
          id,
          priority: row.priority,
          metric: row.metric,
          measure: row.measure,
          goal: row.goal,
          points: months.map((mm) => ({ month: mm.key, met: 0, total: 0, share: null, meetsGoal: null })),
        };
        series.set(id, s);
      }
      s.points[i] = {
        month: m.key,
        met: row.met,
        total: row.total,
        share: row.share,
        meetsGoal: row.meetsGoal,
      };
    }
  });

  // Evaluating a registry ticket again gives the engine's full result (explanation, pauses, exemptions).
  const cache = new Map<string, { ev: Evaluation | null }>();
  const reevaluate = (key: string): Evaluation | null => {
    const hit = cache.get(key);
    if (hit) return hit.ev;
    const e = byKey.get(key);
    let ev: Evaluation | null = null;
    if (e?.evaluation) {
      try {
        ev = evaluate(policy, e.ticket, Date.parse(e.evaluation.evaluatedAt), { locale });
      } catch {
        ev = null; // the policy changed since: the report says the explanation is not available
      }
    }
    cache.set(key, { ev });
    return ev;
  };

  // Breaches, with the engine's explanation.
  const breaches: ReportBreach[] = [];
  for (const row of compliance.rows)
    for (const b of row.breaches) {
      const ev = reevaluate(b.key);
      const m = ev?.metrics[row.metric];
      const late =
        row.measure === 'due' && m && m.remainingMs !== null && m.remainingMs < 0 ? -m.remainingMs : null;
      breaches.push({
        key: b.key,
        ticketKey: b.ticketKey,
        subject: b.subject,
        link: b.link,
        priority: row.priority,
        metric: row.metric,
        measure: row.measure,
        closedAt: b.closedAt,
        missedAt: b.missedAt,
        clockStartedAt: m?.clockStartedAt ?? null,
        stoppedAt: b.stoppedAt,
        pauses: m?.pauses ?? [],
        lateMs: late,
        businessTime: m ? m.businessTime : null,
        explanation: ev?.explanation ?? null,
      });
    }
  breaches.sort(
    (a, b) =>
      comparePriority(a.priority, b.priority) ||
      a.closedAt - b.closedAt ||
      a.key.localeCompare(b.key) ||
      a.metric.localeCompare(b.metric) ||
      a.measure.localeCompare(b.measure),
  );

  // Left out, and the times, per metric.
  const leftOut = new Map<string, LeftOut>();
  const leave = (metric: MetricName, reason: LeftOutReason, r: FinishedRecord, why: string | null) => {
    const id = `${metric}|${reason}`;
    let l = leftOut.get(id);
    if (!l)
      leftOut.set(id, (l = { metric, reason, count: 0, ...(reason === 'exempt' ? { tickets: [] } : {}) }));
    l.count++;
    l.tickets?.push({ key: r.key, ticketKey: r.ticketKey, link: r.link, why });
  };
  const samples = new Map<
    string,
    { priority: string | null; metric: MetricName; business: boolean; v: number[] }
  >();
  const byRule = new Map<string, { reason: LeftOutReason; why: string | null }>();
  for (const r of inPeriod) {
    const e = byKey.get(r.key);
    for (const metric of METRICS) {
      if (!e?.evaluation) {
        if (!r.metrics[metric]) leave(metric, 'not-kept', r, null);
        continue;
      }
      const s = e.evaluation.metrics[metric];
      if (s && (s.state === 'met' || s.state === 'breached')) {
        if (s.targetMs !== null && s.remainingMs !== null) {
          const id = `${r.priority ?? ''}|${metric}`;
          let x = samples.get(id);
          if (!x) samples.set(id, (x = { priority: r.priority, metric, business: s.businessTime, v: [] }));
          x.v.push(s.targetMs - s.remainingMs);
        }
        continue;
      }
      if (s && s.state !== 'none') continue; // still running on a finished ticket: neither counted nor left out
      // Without an exemption that could apply, the reason depends on the rule alone: evaluated once
      // per type, tier and priority (Mextra's incidents have no response target: every ticket).
      const { type, tier, priority } = e.evaluation;
      const ruleKey = `${type}\u0000${tier}\u0000${priority ?? '\u0001'}\u0000${metric}`;
      const exemptable = (policy.exemptions ?? []).some(
        (x) =>
          x.metrics.includes(metric) &&
          (!x.priorities || (priority !== null && x.priorities.includes(priority))) &&
          (!x.types || x.types.includes(type)) &&
          (!x.tiers || x.tiers.includes(tier)),
      );
      let why = exemptable ? undefined : byRule.get(ruleKey);
      if (!why) {
        const m = reevaluate(r.key)?.metrics[metric];
        why = m?.exempt
          ? { reason: 'exempt', why: m.exempt.reason }
          : m?.rule
            ? { reason: 'best-effort', why: m.targetLabel }
            : { reason: 'no-target', why: null };
        if (!exemptable && why.reason !== 'exempt') byRule.set(ruleKey, why);
      }
      leave(metric, why.reason, r, why.why);
    }
  }
  const reasonRank: Record<LeftOutReason, number> = {
    exempt: 0,
    'best-effort': 1,
    'no-target': 2,
    'not-kept': 3,
  };
  const times: TimeStats[] = [...samples.values()]
    .map((x) => {
      const v = x.v.sort((a, b) => a - b);
      return {
        priority: x.priority,
        metric: x.metric,
        count: v.length,
        medianMs: percentile(v, 50),
        p90Ms: percentile(v, 90),
        businessTime: x.business,
      };
    })
    .sort((a, b) => comparePriority(a.priority, b.priority) || a.metric.localeCompare(b.metric));

  // Credits: months in a row below goal, up to the report's last month.
  const below = trendMonthsOut.map((m) => m.belowGoal);
  const streak = streakBelowGoal(below);
  const credits: ReportCredit[] = (policy.report?.credits ?? []).map((rule) => ({
    id: rule.id,
    afterMonths: rule.afterMonths,
    percentPerMonth: rule.percentPerMonth,
    maxPercent: rule.maxPercent,
    streak,
    streakMonths: trendMonthsOut.slice(trendMonthsOut.length - streak).map((m) => m.month),
    percent: creditPercent(rule, streak),
    of: rule.of ?? null,
    text: rule.text ?? null,
    source: rule.source ?? null,
  }));

  // Obligations after finished tickets.
  const obligations: ReportObligation[] = (policy.report?.obligations ?? []).map((o) => {
    const tickets: ReportObligation['tickets'] = [];
    for (const r of inPeriod) {
      if (r.priority === null || !o.priorities.includes(r.priority)) continue;
      const type = r.type ?? byKey.get(r.key)?.evaluation?.type;
      if (o.types && (type === undefined || !o.types.includes(type))) continue;
      // The tags the ticket carried when it finished (kept on its record); none kept: not known.
      const tags = input.evidence?.(r.key) ?? (r.tags ? new Set(r.tags) : undefined);
      tickets.push({
        key: r.key,
        ticketKey: r.ticketKey,
        subject: r.subject,
        link: r.link,
        closedAt: r.closedAt,
        status: tags === undefined ? 'unknown' : tags.has(o.evidence.tag) ? 'delivered' : 'missing',
      });
    }
    tickets.sort((a, b) => a.closedAt - b.closedAt || a.key.localeCompare(b.key));
    const n = (s: string) => tickets.filter((t) => t.status === s).length;
    return {
      id: o.id,
      label: o.label,
      source: o.source ?? null,
      tag: o.evidence.tag,
      tickets,
      delivered: n('delivered'),
      missing: n('missing'),
      unknown: n('unknown'),
    };
  });

  const availability = reportAvailability(input, byKey);

  return {
    version: REPORT_VERSION,
    policy: {
      id: policy.id,
      name: policy.name,
      contract: policy.contract?.title ?? null,
      priorities: policy.priorities.map((p) => ({ id: p.id, label: p.label })),
    },
    locale,
    range,
    customer,
    customers: [...names].sort((a, b) => a.localeCompare(b)),
    withoutCustomer,
    generatedAt: input.now,
    tickets: compliance.tickets,
    compliance: compliance.rows,
    trend: { months: trendMonthsOut, series: [...series.values()] },
    breaches,
    leftOut: [...leftOut.values()].sort(
      (a, b) => a.metric.localeCompare(b.metric) || reasonRank[a.reason] - reasonRank[b.reason],
    ),
    times,
    credits,
    obligations,
    availability,
  };
}

/** The availability section: registry tickets (open ones too: an outage still running) and archived records. */
function reportAvailability(
  input: ReportInput,
  byKey: ReadonlyMap<string, RegistryEntry>,
): AvailabilitySection | null {
  const { policy } = input;
  if (!policy.report?.availability) return null;
  // Calendar months in the contract's zone (TMM counts the contract's month), whatever the viewer's.
  const range = resolveReportPeriod(input.period, policy.timezone);
  const rules = new Map<string, OutageRule>();
  for (const r of input.outageRules ?? []) if (r.policyId === policy.id) rules.set(r.host, r.rule);
  const rule = (key: string) => rules.get(registryKeyHost(key));
  const candidates = new Map<string, OutageCandidate>();
  // Only tickets of hosts that select outages, and not finished before the period began.
  const wanted = (key: string, closedAt: number | null) =>
    rules.size > 0 && (closedAt === null || closedAt >= range.from) && rule(key) !== undefined;
  for (const r of input.archive ?? []) {
    if (r.policyId !== policy.id || !wanted(r.key, r.closedAt)) continue;
    const opened = r.openedAt ?? NaN;
    candidates.set(r.key, {
      key: r.key,
      ticketKey: r.ticketKey,
      subject: r.subject,
      link: r.link,
      tier: r.tier,
      openedAt: Number.isFinite(opened) ? opened : null,
      closedAt: r.closedAt,
      tags: r.tags ?? input.evidence?.(r.key),
      type: r.type,
    });
  }
  for (const [key, e] of byKey) {
    const closedAt = finishedAt(e);
    if (!wanted(key, closedAt)) continue;
    const ev = e.evaluation!;
    const opened = Date.parse(e.ticket.createdAt);
    const archived = candidates.get(key);
    candidates.set(key, {
      key,
      ticketKey: e.ticketKey,
      subject: e.subject,
      link: e.link,
      tier: ev.tier,
      openedAt: Number.isFinite(opened) ? opened : (archived?.openedAt ?? null),
      closedAt,
      tags: input.evidence?.(key) ?? e.facts?.tags ?? archived?.tags,
      type: ev.type,
    });
  }
  return buildAvailability({
    policy,
    months: monthsIn(range.from, range.to, policy.timezone),
    candidates: candidates.values(),
    ruleFor: rule,
    configured: rules.size > 0,
    now: input.now,
  });
}
