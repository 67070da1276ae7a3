/**
 * The report page's address: which policy, period, customer and language it shows
 * (`?policy=mextra&quarter=2026-Q2&customer=Acme&lang=nl`; a period is `month=2026-05`,
 * `quarter=2026-Q2` or `from=2026-05-01&to=2026-05-31`), and the period conversions the page's
 * controls make. Pure and luxon-free (the page bundles it): calendar days are counted in UTC, which
 * is exact for dates.
 */
import type { ReportPeriod } from './period';

/** The longest range of days a report covers (a leap year); lib/report/period.ts enforces it too. */
export const MAX_REPORT_RANGE_DAYS = 366;

export interface ReportAddress {
  policyId: string | null;
  period?: ReportPeriod;
  customer?: string;
  locale?: 'nl' | 'en';
  /** What in the address could not be read, in words (it is left out, nothing else is). */
  problems: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const yearOk = (y: number) => y >= 2000 && y <= 2100;
const isoDay = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return yearOk(y) && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
};

/** `2026-05` as a month period, or null (the page's `month=` and the CLI's `--period`). */
export function monthPeriod(text: string): Extract<ReportPeriod, { kind: 'month' }> | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const month = m ? Number(m[2]) : 0;
  return m && month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : null;
}

/** `2026-Q2` (or `2026-q2`) as a quarter period, or null (the page's `quarter=` and the CLI's `--period`). */
export function quarterPeriod(text: string): Extract<ReportPeriod, { kind: 'quarter' }> | null {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text);
  return m ? { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** Why a range of days cannot be reported on, or null: 'order' (from after to), 'length' (> 366 days), 'date'. */
export function rangeProblem(from: string, to: string): 'date' | 'order' | 'length' | null {
  const a = isoDay(from);
  const b = isoDay(to);
  if (a === null || b === null) return 'date';
  if (a > b) return 'order';
  return (b - a) / 86_400_000 + 1 > MAX_REPORT_RANGE_DAYS ? 'length' : null;
}

export function readReportAddress(search: string): ReportAddress {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const out: ReportAddress = { policyId: q.get('policy') || null, problems };
  const month = q.get('month');
  const quarter = q.get('quarter');
  const from = q.get('from');
  const to = q.get('to');
  if (month !== null) {
    const p = monthPeriod(month);
    if (p && yearOk(p.year)) out.period = p;
    else problems.push(`month=${month} is not a month: write it as 2026-05`);
  } else if (quarter !== null) {
    const p = quarterPeriod(quarter);
    if (p && yearOk(p.year)) out.period = p;
    else problems.push(`quarter=${quarter} is not a quarter: write it as 2026-Q2`);
  } else if (from !== null || to !== null) {
    const why = rangeProblem(from ?? '', to ?? '');
    if (why === null) out.period = { kind: 'range', from: from!, to: to! };
    else
      problems.push(
        why === 'date'
          ? `from=${from ?? ''}&to=${to ?? ''} is not a range of days: write both as 2026-05-01`
          : why === 'order'
            ? `from=${from} is after to=${to}: swap them`
            : `from=${from}&to=${to} is longer than ${MAX_REPORT_RANGE_DAYS} days: choose a shorter range`,
      );
  }
  const customer = q.get('customer');
  if (customer) out.customer = customer;
  const lang = q.get('lang');
  if (lang === 'nl' || lang === 'en') out.locale = lang;
  return out;
}

/** The address's query for what the page shows (a customer of null leaves `customer` out). */
export function reportAddress(a: {
  policyId: string | null;
  period: ReportPeriod;
  customer: string | null;
  locale: 'nl' | 'en';
}): string {
  const q = new URLSearchParams();
  if (a.policyId) q.set('policy', a.policyId);
  const p = a.period;
  if (p.kind === 'month') q.set('month', `${p.year}-${pad(p.month)}`);
  else if (p.kind === 'quarter') q.set('quarter', `${p.year}-Q${p.quarter}`);
  else {
    q.set('from', p.from);
    q.set('to', p.to);
  }
  if (a.customer) q.set('customer', a.customer);
  q.set('lang', a.locale);
  return `?${q.toString()}`;
}

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day (ISO) of a period. */
export function periodDays(p: ReportPeriod): { from: string; to: string } {
  if (p.kind === 'range') return { from: p.from, to: p.to };
  const [y, first, last] =
    p.kind === 'month' ? [p.year, p.month, p.month] : [p.year, p.quarter * 3 - 2, p.quarter * 3];
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDayOf(y, last))}` };
}

/** The period of another kind that starts where `p` starts (a range: the days of `p`). */
export function convertPeriod(p: ReportPeriod, kind: ReportPeriod['kind']): ReportPeriod {
  if (p.kind === kind) return p;
  const { from, to } = periodDays(p);
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  if (kind === 'month') return { kind, year, month };
  if (kind === 'quarter') return { kind, year, quarter: Math.ceil(month / 3) };
  return { kind, from, to };
}
