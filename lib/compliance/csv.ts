/**
 * CSV export (RFC 4180: comma separated, CRLF line ends, quotes doubled). A spreadsheet may split a
 * line at a comma, a semicolon (the list separator of nl-NL Excel) or a tab, so a text cell is
 * quoted whenever it holds any of those, a quote, CR or LF; and every part that a spreadsheet would
 * run as a formula — starting with = + - @ (or tab/CR) at the start of the cell or after any of
 * those separators — gets a leading apostrophe. No luxon here: the popup imports this module.
 */
import type { ComplianceReport } from './compute';

export type CsvValue = string | number | boolean | null | undefined;

/** A cell that starts a formula: = + - @ (after blanks or quotes), or a leading tab or CR. */
const FORMULA_START = /^(?:[\t\r]|[ "]*[=+\-@])/;
/** A separator a spreadsheet may split at, followed by the start of a formula. */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n][ "]*)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string') {
    s = s.replace(FORMULA_AFTER_SEPARATOR, "$1'");
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const isoOrEmpty = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '' : new Date(ms).toISOString();

/** What a queue row needs for export; the popup's `QueueRow` plus its live values fits. */
export interface QueueCsvRow {
  ticketKey: string;
  subject: string;
  helpdesk: string;
  host: string;
  priority: string | null;
  policyName: string | null;
  tier: string | null;
  /** Live state at export time. */
  state: string;
  metric: string | null;
  dueAt: number | null;
  /** Live remaining ms at export time (negative when overdue). */
  remainingMs: number | null;
  link: string;
}

export function queueCsv(rows: Iterable<QueueCsvRow>): string {
  const out: CsvValue[][] = [
    [
      'ticket',
      'subject',
      'helpdesk',
      'host',
      'priority',
      'policy',
      'tier',
      'state',
      'metric',
      'due_at',
      'remaining_minutes',
      'link',
    ],
  ];
  for (const r of rows)
    out.push([
      r.ticketKey,
      r.subject,
      r.helpdesk,
      r.host,
      r.priority,
      r.policyName,
      r.tier,
      r.state,
      r.metric,
      isoOrEmpty(r.dueAt),
      r.remainingMs === null ? null : Math.sign(r.remainingMs) * Math.round(Math.abs(r.remainingMs) / 60_000),
      r.link,
    ]);
  return toCsv(out);
}

export function complianceCsv(report: ComplianceReport): string {
  const out: CsvValue[][] = [
    [
      'policy',
      'priority',
      'metric',
      'measure',
      'met',
      'total',
      'share_percent',
      'goal',
      'meets_goal',
      'period_from',
      'period_to',
      'breached_tickets',
    ],
  ];
  for (const r of report.rows)
    out.push([
      r.policyName,
      r.priority,
      r.metric,
      r.measure,
      r.met,
      r.total,
      r.total ? Math.round(r.share * 1000) / 10 : null,
      r.goal ? `${r.goal.strict ? '>' : '>='} ${r.goal.percent}%` : null,
      r.meetsGoal === null ? null : r.meetsGoal ? 'yes' : 'no',
      report.range.firstDay,
      report.range.lastDay,
      r.breaches.map((b) => b.ticketKey).join(' '),
    ]);
  return toCsv(out);
}
