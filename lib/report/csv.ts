/**
 * The service report as CSV (lib/compliance's RFC 4180 writer, formula-safe): one section per part,
 * a first column naming it. Times are ISO instants; durations are minutes. No luxon here.
 */
import { toCsv, type CsvValue } from '../compliance/csv';
import type { ServiceReport } from './compute';

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const minutes = (ms: number | null) => (ms === null ? '' : Math.round(ms / 60_000));

export function serviceReportCsv(r: ServiceReport): string {
  const rows: CsvValue[][] = [
    ['section', 'policy', 'first_day', 'last_day', 'zone', 'tickets', 'customer'],
    ['report', r.policy.id, r.range.firstDay, r.range.lastDay, r.range.zone, r.tickets, r.customer ?? ''],
    [],
    [
      'section',
      'priority',
      'metric',
      'measure',
      'met',
      'total',
      'share',
      'goal_percent',
      'goal_strict',
      'meets_goal',
      'source',
    ],
  ];
  for (const c of r.compliance)
    rows.push([
      'compliance',
      c.priority,
      c.metric,
      c.measure,
      c.met,
      c.total,
      c.total ? c.share : '',
      c.goal?.percent,
      c.goal?.strict,
      c.meetsGoal,
      c.goal?.source,
    ]);
  rows.push([], ['section', 'month', 'tickets', 'below_goal']);
  for (const m of r.trend.months) rows.push(['trend', m.month, m.tickets, m.belowGoal]);
  rows.push(
    [],
    [
      'section',
      'ticket',
      'priority',
      'metric',
      'measure',
      'missed_at',
      'stopped_at',
      'late_minutes',
      'business_time',
      'link',
      'subject',
    ],
  );
  for (const b of r.breaches)
    rows.push([
      'breach',
      b.ticketKey,
      b.priority,
      b.metric,
      b.measure,
      b.missedAt,
      b.stoppedAt,
      minutes(b.lateMs),
      b.businessTime,
      b.link,
      b.subject,
    ]);
  rows.push([], ['section', 'metric', 'reason', 'count']);
  for (const l of r.leftOut) rows.push(['left_out', l.metric, l.reason, l.count]);
  rows.push([], ['section', 'priority', 'metric', 'count', 'median_minutes', 'p90_minutes', 'business_time']);
  for (const t of r.times)
    rows.push([
      'times',
      t.priority,
      t.metric,
      t.count,
      minutes(t.medianMs),
      minutes(t.p90Ms),
      t.businessTime,
    ]);
  if (r.credits.length) {
    rows.push([], ['section', 'rule', 'months_in_a_row', 'months', 'credit_percent', 'source']);
    for (const c of r.credits)
      rows.push(['credit', c.id, c.streak, c.streakMonths.join(' '), c.percent, c.source]);
  }
  if (r.obligations.length) {
    rows.push([], ['section', 'obligation', 'ticket', 'closed_at', 'status', 'tag']);
    for (const o of r.obligations)
      for (const t of o.tickets)
        rows.push(['obligation', o.id, t.ticketKey, iso(t.closedAt), t.status, o.tag]);
  }
  if (r.availability) {
    rows.push(
      [],
      [
        'section',
        'month',
        'tier',
        'target_percent',
        'measured_percent',
        'met',
        'outage_minutes',
        'total_minutes',
        'maintenance_minutes',
        'environments',
        'outage_tickets',
        'source',
      ],
    );
    for (const m of r.availability.months)
      rows.push([
        'availability',
        m.month,
        m.tier,
        m.target,
        m.percent === null ? '' : Number(m.percent.toFixed(3)),
        m.met,
        Number(m.tmdMinutes.toFixed(1)),
        Number(m.tmmMinutes.toFixed(1)),
        Number(m.maintenanceMinutes.toFixed(1)),
        m.environments,
        m.outages.map((o) => o.ticketKey).join(' '),
        r.availability.source,
      ]);
  }
  return toCsv(rows);
}
