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
import { civilFromDays, daysFromCivil, weekdayIndex, zoneClock, type ZoneClock } from './zone.ts';

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
  /**
   * Hours for single dates. Key "YYYY-MM-DD": that date has exactly these windows (empty: closed),
   * holiday or not. Key "MM-DD" (yearly): the windows replace an open day's hours; a day that is
   * closed anyway (weekend, holiday, closed date) stays closed.
   */
  dates?: Record<string, DateHours>;
  /** Part-day closings in the calendar's local time, "YYYY-MM-DDTHH:MM" or yearly "MM-DDTHH:MM". */
  closings?: CalendarClosing[];
  /** Holidays computed by the caller (per-ticket region, `except` applied), instead of `holidays`. */
  holidayDates?: (year: number) => ReadonlyArray<{ date: string }>;
}

export interface DateHours {
  windows: DayWindows;
  label?: { nl: string; en: string };
  source?: string;
}

export interface CalendarClosing {
  from: string;
  to: string;
  label?: { nl: string; en: string };
  source?: string;
}

/** A date on which the calendar differs from its weekly hours for a reason other than a holiday. */
export interface CalendarChange {
  /** Local date YYYY-MM-DD. */
  date: string;
  kind: 'hours' | 'closed' | 'closing';
  /** The policy key: "12-24", "2026-12-28", or the closing's "from–to". */
  key: string;
  /** The windows that day ("09:00-15:00"), or the closed span ("13:00-15:00"). */
  windows: string;
  /** Epoch ms of the start of the local day (for range filters). */
  at: number;
  label?: { nl: string; en: string };
  source?: string;
}

/** Length of one business day in ms: explicit, else the mean open length of the open weekdays. */
export function businessDayMs(spec: CalendarSpec): number {
  if (spec.businessDayMinutes) return spec.businessDayMinutes * MIN;
  const lengths = spec.week.map((w) => w.reduce((n, [a, b]) => n + b - a, 0)).filter((n) => n > 0);
  if (!lengths.length) return 0;
  return Math.round((lengths.reduce((a, b) => a + b, 0) / lengths.length) * MIN);
}

const pad = (n: number) => (n < 10 ? '0' + n : String(n));
const clock = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
const NO_WINDOWS: DayWindows = [];

/**
 * Local wall-clock ms (as if UTC) of "YYYY-MM-DDTHH:MM", or of yearly "MM-DDTHH:MM" in year y; null
 * when it is not a real date and time (24:00 is allowed).
 */
export function localWall(at: string, y: number): number | null {
  const m = /^(?:(\d{4})-)?(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(at);
  if (!m) return null;
  if (m[1] !== undefined) y = Number(m[1]);
  const month = Number(m[2]);
  const dom = Number(m[3]);
  if (month < 1 || month > 12 || dom < 1 || dom > daysInMonth(y, month)) return null;
  const min = Number(m[4]) * 60 + Number(m[5]);
  if (min > 1440 || Number(m[5]) > 59) return null;
  return daysFromCivil(y, month, dom) * DAY + min * MIN;
}

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
    const spec = this.spec;
    const closed = new Set<string>();
    if (spec.holidayDates) for (const h of spec.holidayDates(y)) closed.add(h.date);
    else for (const set of spec.holidays) for (const h of holidaysInYear(set, y)) closed.add(h.date);
    for (const d of spec.closedDates) if (d.startsWith(`${y}-`)) closed.add(d);
    const dates = spec.dates;
    const s: number[] = [];
    const e: number[] = [];
    const d: number[] = [];
    const first = daysFromCivil(y, 1, 1);
    const last = daysFromCivil(y + 1, 1, 1);
    let month = 1;
    let dom = 1;
    for (let day = first; day < last; day++) {
      let windows = spec.week[weekdayIndex(day)]!;
      const md = `${pad(month)}-${pad(dom)}`;
      const date = `${y}-${md}`;
      const isClosed = !windows.length || closed.has(date);
      let override: DateHours | undefined;
      if (dates !== undefined) {
        override = dates[date];
        if (override === undefined && !isClosed) override = dates[md];
      }
      if (override !== undefined) {
        windows = override.windows;
        this.noteChange(
          day,
          date,
          override.windows.length ? 'hours' : 'closed',
          dates![date] ? date : md,
          override,
        );
      } else if (isClosed) windows = NO_WINDOWS;
      for (const [a, b] of windows) {
        const start = this.zone.fromLocal(day * DAY + a * MIN);
        const end = this.zone.fromLocal(day * DAY + b * MIN);
        if (end > start) {
          s.push(start);
          e.push(end);
          d.push(day);
        }
      }
      dom++;
      if (dom > daysInMonth(y, month)) {
        dom = 1;
        month++;
      }
    }
    if (spec.closings?.length) return this.applyClosings(y, s, e, d);
    return { s, e, d };
  }

  /** Cuts the year's part-day closings out of its intervals (an interval may split in two). */
  private applyClosings(y: number, s: number[], e: number[], d: number[]) {
    const cuts: Array<[number, number]> = [];
    for (const c of this.spec.closings!) {
      const from = localWall(c.from, y);
      const to = localWall(c.to, y);
      if (from === null || to === null || to <= from) continue;
      cuts.push([this.zone.fromLocal(from), this.zone.fromLocal(to)]);
      const day = Math.floor(from / DAY);
      const [cy, cm, cd] = civilFromDays(day);
      if (cy !== y) continue;
      this.noteChange(day, `${cy}-${pad(cm)}-${pad(cd)}`, 'closing', `${c.from}–${c.to}`, {
        windows: [[Math.round((from - day * DAY) / MIN), Math.round((to - day * DAY) / MIN)]],
        label: c.label,
        source: c.source,
      });
    }
    if (!cuts.length) return { s, e, d };
    const out = { s: [] as number[], e: [] as number[], d: [] as number[] };
    for (let i = 0; i < s.length; i++) {
      let pieces: Array<[number, number]> = [[s[i]!, e[i]!]];
      for (const [a, b] of cuts) {
        const next: Array<[number, number]> = [];
        for (const [ps, pe] of pieces) {
          if (b <= ps || a >= pe) next.push([ps, pe]);
          else {
            if (a > ps) next.push([ps, a]);
            if (b < pe) next.push([b, pe]);
          }
        }
        pieces = next;
      }
      for (const [ps, pe] of pieces) {
        out.s.push(ps);
        out.e.push(pe);
        out.d.push(d[i]!);
      }
    }
    return out;
  }

  /** Changes of hours by date, per local day number (filled while years are built). */
  private readonly changes = new Map<number, CalendarChange[]>();

  private noteChange(day: number, date: string, kind: CalendarChange['kind'], key: string, h: DateHours) {
    let list = this.changes.get(day);
    if (!list) this.changes.set(day, (list = []));
    if (list.some((c) => c.key === key && c.kind === kind)) return;
    const change: CalendarChange = {
      date,
      kind,
      key,
      windows: h.windows.map(([a, b]) => `${clock(a)}-${clock(b)}`).join(', '),
      at: this.zone.fromLocal(day * DAY),
    };
    if (h.label) change.label = h.label;
    if (h.source) change.source = h.source;
    list.push(change);
  }

  /**
   * The dates whose hours differ from the weekly hours (per-date hours, closed dates given under
   * `dates`, part-day closings) whose local day overlaps [a, b], in date order.
   */
  changesBetween(a: number, b: number): CalendarChange[] {
    if (!this.spec.dates && !this.spec.closings?.length) return [];
    this.ensure(a);
    this.ensure(b);
    const out: CalendarChange[] = [];
    const d0 = this.zone.localDay(a);
    const d1 = this.zone.localDay(b);
    for (let day = d0; day <= d1; day++) {
      const list = this.changes.get(day);
      if (list) out.push(...list);
    }
    return out;
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

  /** The end of the open interval that contains t, or of the next one when closed at t. */
  nextClose(t: number): number {
    this.ensure(t);
    return this.ends[this.idx(t)]!;
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
