/**
 * Fast time-zone arithmetic for the hot path. For each IANA zone, the UTC-offset transitions of a
 * year are found once with luxon (daily samples, then bisection to the minute) and cached; after
 * that, offsets, local wall-clock fields and local→instant conversions are array look-ups.
 */
import { IANAZone } from 'luxon';

const MIN = 60_000;
const DAY = 86_400_000;

const validity = new Map<string, boolean>();

/** True for a valid IANA zone name ("Europe/Amsterdam", "UTC"). Offsets like "+01:00" are not zones. */
export function isValidZone(zone: string): boolean {
  let ok = validity.get(zone);
  if (ok === undefined) {
    ok = typeof zone === 'string' && /^[A-Za-z]/.test(zone) && IANAZone.isValidZone(zone);
    validity.set(zone, ok);
  }
  return ok;
}

interface YearOffsets {
  /** Instants at which the offset changes (first entry: start of the UTC year). */
  at: number[];
  /** Offset in minutes from each `at` on. */
  off: number[];
  /** Per entry, for `iso`: the offset as text ("+01:00"; "" when not whole minutes, see isoSlow). */
  offText: string[];
  /** Per entry: "THH:MM:00±hh:mm" per minute of the local day, filled on use (shared per offset). */
  times: Array<Array<string | undefined>>;
}

/** Civil date from days since 1970-01-01 (H. Hinnant's algorithm). */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

/** The weekday of a day counted from 1970-01-01 (a Thursday): 0 = Monday … 6 = Sunday. */
export function weekdayIndex(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Days since 1970-01-01 of a civil date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO weekday 1 (Mon) .. 7 (Sun). */
  weekday: number;
  /** Offset from UTC in minutes. */
  offset: number;
}

export class ZoneClock {
  private readonly iana: IANAZone;
  private readonly years = new Map<number, YearOffsets>();
  private lastFrom = 0;
  private lastTo = -1;
  private lastTable: YearOffsets | undefined;

  constructor(readonly zone: string) {
    this.iana = new IANAZone(zone);
  }

  private build(year: number): YearOffsets {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const at = [from];
    const off = [this.iana.offset(from)];
    let prevT = from;
    let prevO = off[0]!;
    for (let t = from + DAY; ; t += DAY) {
      const tt = Math.min(t, to - 1);
      const o = this.iana.offset(tt);
      if (o !== prevO) {
        // bisect to the minute: offset(lo) === prevO, offset(hi) === o
        let lo = prevT;
        let hi = tt;
        while (hi - lo > MIN) {
          const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN || lo + MIN;
          if (this.iana.offset(mid) === prevO) lo = mid;
          else hi = mid;
        }
        at.push(hi);
        off.push(this.iana.offset(hi));
        prevO = off[off.length - 1]!;
      }
      prevT = tt;
      if (tt >= to - 1) break;
    }
    const offText = off.map((o) => (Number.isInteger(o) ? offsetText(o) : ''));
    const times = off.map((o) => {
      let a = this.timeCache.get(o);
      if (!a) this.timeCache.set(o, (a = new Array<string | undefined>(1440).fill(undefined)));
      return a;
    });
    return { at, off, offText, times };
  }
  private readonly timeCache = new Map<number, Array<string | undefined>>();

  private table(ms: number): YearOffsets {
    if (ms >= this.lastFrom && ms < this.lastTo) return this.lastTable!;
    // UTC year of ms, without allocating a Date
    const year = civilFromDays(Math.floor(ms / DAY))[0];
    let t = this.years.get(year);
    if (!t) {
      t = this.build(year);
      this.years.set(year, t);
    }
    this.lastFrom = Date.UTC(year, 0, 1);
    this.lastTo = Date.UTC(year + 1, 0, 1);
    this.lastTable = t;
    return t;
  }

  /** UTC offset in minutes at an instant. */
  offset(ms: number): number {
    const t = this.table(ms);
    const at = t.at;
    let i = at.length - 1;
    while (i > 0 && at[i]! > ms) i--;
    return t.off[i]!;
  }

  /** Local wall-clock fields of an instant. */
  parts(ms: number): LocalParts {
    const offset = this.offset(ms);
    const local = ms + offset * MIN;
    const days = Math.floor(local / DAY);
    const [year, month, day] = civilFromDays(days);
    let rem = local - days * DAY;
    const hour = Math.floor(rem / 3_600_000);
    rem -= hour * 3_600_000;
    const minute = Math.floor(rem / MIN);
    rem -= minute * MIN;
    const second = Math.floor(rem / 1000);
    const dow = weekdayIndex(days);
    return {
      year,
      month,
      day,
      hour,
      minute,
      second,
      millisecond: rem - second * 1000,
      weekday: dow + 1,
      offset,
    };
  }

  /** Local day number (days since 1970-01-01 of the local date) of an instant. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offset(ms) * MIN) / DAY);
  }

  /**
   * The instant of a local wall-clock time (given as ms of a fake-UTC wall clock), disambiguated like
   * Temporal's 'compatible' mode: a time that occurs twice (autumn fold) takes the earlier instant; a
   * time that does not exist (spring gap) moves forward by the gap. (luxon's own choice at a fold
   * depends on the current date, so it is not used here.)
   */
  fromLocal(wall: number): number {
    const before = this.offset(wall - DAY);
    const after = this.offset(wall + DAY);
    const tb = wall - before * MIN;
    if (before === after) return tb;
    const ta = wall - after * MIN;
    const okB = this.offset(tb) === before;
    const okA = this.offset(ta) === after;
    if (okB && okA) return Math.min(tb, ta);
    if (okB) return tb;
    if (okA) return ta;
    return tb; // gap: pre-transition offset, i.e. moved forward by the gap
  }

  /**
   * ISO 8601 with this zone's offset; seconds always, milliseconds only when non-zero. Hot path (about
   * eight per evaluation), so it is built from cached pieces: the date per local day (shared by all
   * zones), "THH:MM:00±hh:mm" per offset and minute of the day for whole minutes (one concatenation),
   * else "THH:MM:" + seconds + ".mmm" + offset.
   */
  iso(ms: number): string {
    const t = this.table(ms);
    const at = t.at;
    let i = at.length - 1;
    while (i > 0 && at[i]! > ms) i--;
    const offset = t.off[i]!;
    const offText = t.offText[i]!;
    const local = ms + offset * MIN;
    const days = Math.floor(local / DAY);
    const inDay = local - days * DAY;
    const minute = Math.floor(inDay / MIN);
    const sub = inDay - minute * MIN;
    if (offText === '') return isoSlow(days, inDay, offset);
    const date = dateOfDay(days);
    if (sub === 0) {
      const times = t.times[i]!;
      let s = times[minute];
      if (s === undefined) times[minute] = s = hourMinute(minute) + '00' + offText;
      return date + s;
    }
    if (!Number.isInteger(sub)) return isoSlow(days, inDay, offset);
    const second = Math.floor(sub / 1000);
    const milli = sub - second * 1000;
    return milli
      ? date + hourMinute(minute) + PAD[second] + millis(milli) + offText
      : date + hourMinute(minute) + PAD[second] + offText;
  }
}

/** "+01:00" / "-04:00" / "+05:45" for an offset in minutes. */
function offsetText(offset: number): string {
  const ao = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${PAD[Math.floor(ao / 60)]}:${PAD[ao % 60]}`;
}

/** "YYYY-MM-DD" of a local day number, cached in blocks of 256 days (any zone). */
const dateBlocks: Array<Array<string | undefined> | undefined> = [];
function dateOfDay(days: number): string {
  if (days < 0 || days >= 65536) return dateText(days);
  const hi = days >>> 8;
  let block = dateBlocks[hi];
  if (block === undefined) {
    for (let i = dateBlocks.length; i < hi; i++) dateBlocks.push(undefined);
    block = dateBlocks[hi] = new Array<string | undefined>(256).fill(undefined);
  }
  const lo = days & 255;
  return (block[lo] ??= dateText(days));
}

function dateText(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}-${PAD[m]}-${PAD[d]}`;
}

/** "THH:MM:" per minute of the day. */
const HOUR_MINUTE: Array<string | undefined> = new Array<string | undefined>(1440).fill(undefined);
function hourMinute(minute: number): string {
  return (HOUR_MINUTE[minute] ??= `T${PAD[Math.floor(minute / 60)]}:${PAD[minute % 60]}:`);
}

/** ".mmm" per millisecond 1..999. */
const MILLIS: Array<string | undefined> = new Array<string | undefined>(1000).fill(undefined);
function millis(milli: number): string {
  return (MILLIS[milli] ??= '.' + String(milli).padStart(3, '0'));
}

/** The general form, for offsets that are not whole minutes (historical local mean time). */
function isoSlow(days: number, inDay: number, offset: number): string {
  let rem = inDay;
  const hour = Math.floor(rem / 3_600_000);
  rem -= hour * 3_600_000;
  const minute = Math.floor(rem / MIN);
  rem -= minute * MIN;
  const second = Math.floor(rem / 1000);
  const milli = rem - second * 1000;
  return (
    dateText(days) +
    'T' +
    PAD[hour] +
    ':' +
    PAD[minute] +
    ':' +
    PAD[second] +
    (milli ? '.' + String(milli).padStart(3, '0') : '') +
    offsetText(offset)
  );
}

const PAD = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' + i : String(i)));

/**
 * Epoch ms of an ISO 8601 instant with offset or Z (NaN otherwise): a hand-written fast path for
 * "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)", falling back to Date.parse for other forms that carry an
 * offset; NaN without an offset (never the machine's local time). Does not
 * check that the date is real (validate input with the ticket schema).
 */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** Date.parse, but only for strings that carry an offset: a local time would depend on the machine's TZ. */
function parseWithOffset(s: string): number {
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(s) ? Date.parse(s) : NaN;
}

export function parseInstant(s: string): number {
  const n = s.length;
  if (
    n < 17 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58
  )
    return parseWithOffset(s);
  const year = d2(s, 0) * 100 + d2(s, 2);
  const month = d2(s, 5);
  const day = d2(s, 8);
  const hour = d2(s, 11);
  const minute = d2(s, 14);
  let i = 16;
  let second = 0;
  let milli = 0;
  if (s.charCodeAt(i) === 58) {
    second = d2(s, i + 1);
    i += 3;
    if (s.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      while (i < n) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        milli += c * scale;
        scale /= 10;
        i++;
      }
      milli = Math.floor(milli);
    }
  }
  let offset: number;
  const c = s.charCodeAt(i);
  if (c === 90 && i === n - 1) offset = 0;
  else if ((c === 43 || c === 45) && (n - i === 6 || n - i === 5)) {
    const oh = d2(s, i + 1);
    const om = n - i === 6 ? d2(s, i + 4) : d2(s, i + 3);
    if (n - i === 6 && s.charCodeAt(i + 3) !== 58) return parseWithOffset(s);
    offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else return parseWithOffset(s);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59))
    return parseWithOffset(s);
  // Date.UTC without the call (it maps years 0–99 to 1900–1999, so those keep it)
  const t =
    year >= 100
      ? daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000 + milli
      : Date.UTC(year, month - 1, day, hour, minute, second, milli) - offset * MIN;
  return Number.isNaN(t) ? parseWithOffset(s) : t;
}

const clocks = new Map<string, ZoneClock>();

/** The cached clock of a zone. Throws on an invalid zone: validate input first. */
export function zoneClock(zone: string): ZoneClock {
  let c = clocks.get(zone);
  if (!c) {
    if (!isValidZone(zone)) throw new Error(`unknown time zone "${zone}"`);
    c = new ZoneClock(zone);
    clocks.set(zone, c);
  }
  return c;
}
