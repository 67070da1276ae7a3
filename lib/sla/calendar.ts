/**
 * Business calendars as precomputed open-interval tables.
 *
 * A table holds every open interval [start, end) of a calendar in one zone, in epoch ms, for a
 * contiguous run of local years, plus prefix sums of open time. It is built lazily (a year at a
 * time, on first use) and cached per calendar and zone; after that, "is it open", "business time
 * between two instants" and "add business time" are binary searches over plain arrays — no luxon,
 * no Date objects. Intervals never merge across local midnight, so each one belongs to one local day
 * (needed for "next business day").
 */
import { holidaysInYear, type HolidaySetId } from './holidays/index.ts';
import { daysFromCivil, zoneClock, type ZoneClock } from './zone.ts';

const MIN = 60_000;
const DAY = 86_400_000;

/** Open windows of one weekday as [startMinute, endMinute) pairs, 0..1440, sorted, non-overlapping. */
export type DayWindows = Array<[number, number]>;

export interface CalendarSpec {
  /** Windows per ISO weekday: index 0 = Monday … 6 = Sunday. */
  week: DayWindows[];
  holidays: HolidaySetId[];
  /** Extra closed local dates, YYYY-MM-DD. */
  closedDates: string[];
  /** Explicit length of one business day in minutes (for calendars with unequal days). */
  businessDayMinutes?: number;
}

/** Length of one business day in ms: explicit, else the mean open length of the open weekdays. */
export function businessDayMs(spec: CalendarSpec): number {
  if (spec.businessDayMinutes) return spec.businessDayMinutes * MIN;
  const lengths = spec.week.map((w) => w.reduce((n, [a, b]) => n + b - a, 0)).filter((n) => n > 0);
  if (!lengths.length) return 0;
  return Math.round((lengths.reduce((a, b) => a + b, 0) / lengths.length) * MIN);
}

const pad = (n: number) => (n < 10 ? '0' + n : String(n));

export class CalendarTable {
  readonly zone: ZoneClock;
  private y0 = 0;
  private y1 = -1;
  /** First instant covered (start of local year y0) and first instant after the cover. */
  private coverFrom = 0;
  private coverTo = 0;
  starts: number[] = [];
  ends: number[] = [];
  /** Local day number (days since 1970-01-01) of each interval. */
  days: number[] = [];
  /** cum[i] = open ms in intervals 0..i-1 (length n + 1). */
  cum: number[] = [0];
  /**
   * Day buckets for `idx`: bucket[b] = index of the first interval ending after bucketFrom + b days
   * (UTC days), so a look-up is one array read plus a step over at most one day's intervals.
   */
  private bucket = new Int32Array(0);
  private bucketFrom = 0;
  /** Number of year builds, for the benchmark's table-build cost. */
  builds = 0;
  /** This table as a business-time measure (one object, no closures per call). */
  readonly measure: {
    add(t: number, ms: number): number;
    between(a: number, b: number): number;
    business: true;
  } = {
    add: (t, ms) => this.add(t, ms),
    between: (a, b) => this.between(a, b),
    business: true,
  };

  constructor(
    readonly spec: CalendarSpec,
    readonly zoneName: string,
  ) {
    this.zone = zoneClock(zoneName);
  }

  private yearStart(y: number): number {
    return this.zone.fromLocal(daysFromCivil(y, 1, 1) * DAY);
  }

  private buildYear(y: number): { s: number[]; e: number[]; d: number[] } {
    this.builds++;
    const closed = new Set<string>();
    for (const set of this.spec.holidays) for (const h of holidaysInYear(set, y)) closed.add(h.date);
    for (const d of this.spec.closedDates) if (d.startsWith(`${y}-`)) closed.add(d);
    const s: number[] = [];
    const e: number[] = [];
    const d: number[] = [];
    const first = daysFromCivil(y, 1, 1);
    const last = daysFromCivil(y + 1, 1, 1);
    let month = 1;
    let dom = 1;
    for (let day = first; day < last; day++) {
      const windows = this.spec.week[(((day + 3) % 7) + 7) % 7]!;
      if (windows.length && !closed.has(`${y}-${pad(month)}-${pad(dom)}`)) {
        for (const [a, b] of windows) {
          const start = this.zone.fromLocal(day * DAY + a * MIN);
          const end = this.zone.fromLocal(day * DAY + b * MIN);
          if (end > start) {
            s.push(start);
            e.push(end);
            d.push(day);
          }
        }
      }
      dom++;
      if (dom > daysInMonth(y, month)) {
        dom = 1;
        month++;
      }
    }
    return { s, e, d };
  }

  private rebuildCum(): void {
    const n = this.starts.length;
    const cum = new Array<number>(n + 1);
    cum[0] = 0;
    for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + (this.ends[i]! - this.starts[i]!);
    this.cum = cum;
    const ends = this.ends;
    const from = Math.floor(this.coverFrom / DAY) * DAY;
    const nb = n ? Math.ceil((ends[n - 1]! - from) / DAY) + 1 : 0;
    const bucket = new Int32Array(nb > 0 ? nb : 0);
    for (let b = 0, i = 0; b < bucket.length; b++) {
      const t = from + b * DAY;
      while (i < n && ends[i]! <= t) i++;
      bucket[b] = i;
    }
    this.bucket = bucket;
    this.bucketFrom = from;
  }

  private extendTo(y: number): void {
    if (this.y1 < this.y0) {
      const b = this.buildYear(y);
      this.starts = b.s;
      this.ends = b.e;
      this.days = b.d;
      this.y0 = this.y1 = y;
    } else if (y > this.y1) {
      for (let yy = this.y1 + 1; yy <= y; yy++) {
        const b = this.buildYear(yy);
        this.starts.push(...b.s);
        this.ends.push(...b.e);
        this.days.push(...b.d);
      }
      this.y1 = y;
    } else if (y < this.y0) {
      const s: number[] = [];
      const e: number[] = [];
      const d: number[] = [];
      for (let yy = y; yy < this.y0; yy++) {
        const b = this.buildYear(yy);
        s.push(...b.s);
        e.push(...b.e);
        d.push(...b.d);
      }
      this.starts = s.concat(this.starts);
      this.ends = e.concat(this.ends);
      this.days = d.concat(this.days);
      this.y0 = y;
    } else return;
    this.coverFrom = this.yearStart(this.y0);
    this.coverTo = this.yearStart(this.y1 + 1);
    this.rebuildCum();
  }

  /** Makes sure the table covers instant t (and the interval that follows it). */
  private ensure(t: number): void {
    if (t >= this.coverFrom && t < this.coverTo && this.starts.length && t < this.ends[this.ends.length - 1]!)
      return;
    this.ensureSlow(t);
  }

  private ensureSlow(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError('instant is not a finite number');
    const y = this.zone.parts(t).year;
    if (this.y1 < this.y0 || y < this.y0 || y > this.y1) this.extendTo(y);
    // make sure an open interval ends after t (closed stretches can span years)
    let guard = 0;
    while (!this.starts.length || this.ends[this.ends.length - 1]! <= t) {
      if (++guard > 50) throw new RangeError('calendar has no open time within 50 years');
      this.extendTo(this.y1 + 1);
    }
  }

  /** Index of the first interval whose end is after t. */
  private idx(t: number): number {
    const ends = this.ends;
    const b = Math.floor((t - this.bucketFrom) / DAY);
    if (b >= 0 && b < this.bucket.length) {
      const n = ends.length;
      let i = this.bucket[b]!;
      while (i < n && ends[i]! <= t) i++;
      return i;
    }
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  isOpen(t: number): boolean {
    this.ensure(t);
    return this.starts[this.idx(t)]! <= t;
  }

  /** The first open instant at or after t. */
  nextOpen(t: number): number {
    this.ensure(t);
    const s = this.starts[this.idx(t)]!;
    return s > t ? s : t;
  }

  /** The last instant the calendar closed at or before t (end of the previous interval), or null. */
  lastClose(t: number): number | null {
    this.ensure(t);
    const i = this.idx(t);
    if (i > 0) return this.ends[i - 1]!;
    this.extendTo(this.y0 - 1);
    const j = this.idx(t);
    return j > 0 ? this.ends[j - 1]! : null;
  }

  /** Open ms from the start of the table to t. */
  private cumAt(t: number): number {
    const i = this.idx(t);
    const s = this.starts[i]!;
    return this.cum[i]! + (t > s ? t - s : 0);
  }

  /** Business ms between a and b (negative when b < a). */
  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    this.ensure(a);
    this.ensure(b);
    return this.cumAt(b) - this.cumAt(a);
  }

  /** The first instant at which `ms` of business time have elapsed since t. */
  add(t: number, ms: number): number {
    if (ms <= 0) return t;
    this.ensure(t);
    const target = this.cumAt(t) + ms;
    let guard = 0;
    while (this.cum[this.cum.length - 1]! < target) {
      if (++guard > 100) throw new RangeError('business time beyond 100 years');
      this.extendTo(this.y1 + 1);
    }
    // smallest k >= 1 with cum[k] >= target; the deadline lies in interval k - 1
    const cum = this.cum;
    let lo = 1;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    const j = lo - 1;
    return this.starts[j]! + (target - cum[j]!);
  }

  /** Closing time of the first open day after the local day of the open instant t. */
  nextBusinessDayClose(t: number): number {
    this.ensure(t);
    let i = this.idx(t);
    const day = this.days[i]!;
    for (let guard = 0; ; guard++) {
      while (i < this.days.length && this.days[i]! <= day) i++;
      if (i < this.days.length) break;
      if (guard > 50) throw new RangeError('no open day within 50 years');
      this.extendTo(this.y1 + 1);
    }
    const next = this.days[i]!;
    for (;;) {
      while (i + 1 < this.days.length && this.days[i + 1] === next) i++;
      if (i + 1 < this.days.length) break;
      this.extendTo(this.y1 + 1);
    }
    return this.ends[i]!;
  }

  /** Open intervals clipped to [from, to], at most `max` of them. */
  intervals(from: number, to: number, max: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (to <= from) return out;
    this.ensure(from);
    this.ensure(to);
    for (let i = this.idx(from); i < this.starts.length && out.length < max; i++) {
      const s = this.starts[i]!;
      if (s >= to) break;
      out.push([s > from ? s : from, Math.min(this.ends[i]!, to)]);
    }
    return out;
  }
}

function daysInMonth(y: number, m: number): number {
  return m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(m)
      ? 30
      : 31;
}

/** Tables cached per calendar spec object and zone. */
const tables = new WeakMap<CalendarSpec, Map<string, CalendarTable>>();

export function calendarTable(spec: CalendarSpec, zone: string): CalendarTable {
  let byZone = tables.get(spec);
  if (!byZone) tables.set(spec, (byZone = new Map()));
  let t = byZone.get(zone);
  if (!t) byZone.set(zone, (t = new CalendarTable(spec, zone)));
  return t;
}

/** Parses "HH:MM" (00:00–24:00) to minutes, or NaN. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return NaN;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v > 1440 ? NaN : v;
}
