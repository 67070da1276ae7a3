/**
 * Report periods (a month, a quarter or a range of days) as half-open instants [from, to) in an
 * explicit zone, and the 12 calendar months that end with a period (the trend). Pure.
 */
import { DateTime } from 'luxon';
import { halfOpenDays, type PeriodRange } from '../compliance';
import { MAX_REPORT_RANGE_DAYS } from './address';

export type ReportPeriod =
  /** month 1..12 */
  | { kind: 'month'; year: number; month: number }
  /** quarter 1..4 */
  | { kind: 'quarter'; year: number; quarter: number }
  /** ISO dates, both days included. */
  | { kind: 'range'; from: string; to: string };

export interface ReportRange {
  period: ReportPeriod;
  from: number;
  to: number;
  zone: string;
  firstDay: string;
  lastDay: string;
}

function start(year: number, month: number, zone: string): DateTime {
  const d = DateTime.fromObject({ year, month, day: 1 }, { zone });
  if (!d.isValid) throw new RangeError(`invalid period ${year}-${month} in ${zone}`);
  return d;
}

export function resolveReportPeriod(period: ReportPeriod, zone: string): ReportRange {
  let from: DateTime;
  let to: DateTime;
  switch (period.kind) {
    case 'month':
      from = start(period.year, period.month, zone);
      to = from.plus({ months: 1 });
      break;
    case 'quarter':
      if (period.quarter < 1 || period.quarter > 4) throw new RangeError(`no quarter ${period.quarter}`);
      from = start(period.year, (period.quarter - 1) * 3 + 1, zone);
      to = from.plus({ months: 3 });
      break;
    case 'range':
      from = DateTime.fromISO(period.from, { zone }).startOf('day');
      to = DateTime.fromISO(period.to, { zone }).startOf('day').plus({ days: 1 });
      if (!from.isValid || !to.isValid || to <= from)
        throw new RangeError(
          `invalid date range ${period.from} – ${period.to}: give two dates (YYYY-MM-DD), the first not after the last`,
        );
      if (Math.round(to.diff(from, 'days').days) > MAX_REPORT_RANGE_DAYS)
        throw new RangeError(
          `the range ${period.from} – ${period.to} is longer than ${MAX_REPORT_RANGE_DAYS} days: choose a shorter range or a quarter`,
        );
      break;
  }
  return { period, ...halfOpenDays(from, to, zone) };
}

export interface MonthRange extends ReportRange {
  /** "2026-03" */
  key: string;
}

/** The 12 calendar months ending with the month the range ends in, oldest first. */
export function trendMonths(range: ReportRange): MonthRange[] {
  const last = DateTime.fromMillis(range.to - 1, { zone: range.zone }).startOf('month');
  const out: MonthRange[] = [];
  for (let i = 11; i >= 0; i--) {
    const m = last.minus({ months: i });
    const r = resolveReportPeriod({ kind: 'month', year: m.year, month: m.month }, range.zone);
    out.push({ ...r, key: m.toFormat('yyyy-MM') });
  }
  return out;
}

/** What lib/compliance's `computeCompliance` takes: it reads only from/to (the label fields are ours). */
export function asComplianceRange(r: ReportRange): PeriodRange {
  const d = DateTime.fromMillis(r.from, { zone: r.zone });
  return {
    period: { kind: 'month', year: d.year, month: d.month },
    from: r.from,
    to: r.to,
    zone: r.zone,
    firstDay: r.firstDay,
    lastDay: r.lastDay,
  };
}
