/**
 * Compliance periods as half-open instants [from, to), computed in an explicit zone (calendar math:
 * a month starts at local midnight on the 1st, whatever the DST offset).
 */
import { DateTime } from 'luxon';

export type CompliancePeriod =
  | { kind: 'this-month' }
  | { kind: 'last-30-days' }
  /** month 1..12 */
  | { kind: 'month'; year: number; month: number };

export interface PeriodRange {
  period: CompliancePeriod;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  zone: string;
  /** ISO dates (local, in the zone) of the first and last day, for labels and file names. */
  firstDay: string;
  lastDay: string;
}

/**
 * The instants and day labels of [from, to) in the zone; `lastDay` is the day before `to` unless
 * given (a period that runs up to now ends today). Shared with the service report's periods.
 */
export function halfOpenDays(
  from: DateTime,
  to: DateTime,
  zone: string,
  lastDay: DateTime = to.minus({ days: 1 }),
): Omit<PeriodRange, 'period'> {
  return {
    from: from.toMillis(),
    to: to.toMillis(),
    zone,
    firstDay: from.toISODate()!,
    lastDay: lastDay.toISODate()!,
  };
}

export function resolvePeriod(period: CompliancePeriod, now: number, zone: string): PeriodRange {
  const local = DateTime.fromMillis(now, { zone });
  if (!local.isValid) throw new RangeError(`unknown time zone ${zone}`);
  let from: DateTime;
  let to: DateTime;
  switch (period.kind) {
    case 'this-month':
      from = local.startOf('month');
      to = local.plus({ milliseconds: 1 }); // up to and including now
      break;
    case 'last-30-days':
      from = local.minus({ days: 30 });
      to = local.plus({ milliseconds: 1 });
      break;
    case 'month':
      from = DateTime.fromObject({ year: period.year, month: period.month, day: 1 }, { zone });
      to = from.plus({ months: 1 });
      break;
  }
  return { period, ...halfOpenDays(from, to, zone, period.kind === 'month' ? undefined : local) };
}
