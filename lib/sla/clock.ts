/**
 * Clock mechanics shared by every metric: status timeline, excluded (paused/solved) spans, and the
 * deadline search over a measure of time (business time from a calendar table, or real time).
 */
import type { CalendarTable } from './calendar.ts';
import type { TicketEvent, TicketStatus } from './types.ts';
import { parseInstant } from './zone.ts';

export interface Measure {
  /** First instant at which `ms` of this measure have elapsed since t. */
  add(t: number, ms: number): number;
  /** Amount of this measure between a and b (a <= b). */
  between(a: number, b: number): number;
  readonly business: boolean;
}

export const REAL_TIME: Measure = {
  add: (t, ms) => (ms <= 0 ? t : t + ms),
  between: (a, b) => b - a,
  business: false,
};

/** The business-time measure of a calendar table (one object per table). */
export function businessMeasure(table: CalendarTable): Measure {
  return table.measure;
}

export interface StatusSpan {
  from: number;
  /** null: still in this status at `now`. */
  to: number | null;
  status: TicketStatus;
}

export interface ParsedEvent {
  at: number;
  event: TicketEvent;
}

/** Events at or before `now`, sorted by time (stable). Events before creation count at creation. */
export function parseEvents(events: TicketEvent[] | undefined, created: number, now: number): ParsedEvent[] {
  if (!events || !events.length) return [];
  const out: ParsedEvent[] = [];
  let sorted = true;
  let last = -Infinity;
  for (const event of events) {
    let at = parseInstant(event.at);
    if (Number.isNaN(at)) continue;
    if (at < created) at = created;
    if (at <= now) {
      if (at < last) sorted = false;
      last = at;
      out.push({ at, event });
    }
  }
  if (!sorted) out.sort((a, b) => a.at - b.at);
  return out;
}

/** Status spans from creation to now; the ticket starts `open`. */
export function statusTimeline(events: ParsedEvent[], created: number): StatusSpan[] {
  const spans: StatusSpan[] = [{ from: created, to: null, status: 'open' }];
  for (const { at, event } of events) {
    if (event.type !== 'status') continue;
    const cur = spans[spans.length - 1]!;
    if (cur.status === event.status) continue;
    if (at === cur.from) {
      cur.status = event.status;
      continue;
    }
    cur.to = at;
    spans.push({ from: at, to: null, status: event.status });
  }
  // merge neighbours that became equal
  return spans;
}

/**
 * The deadline: the first instant at which `target` of the measure has elapsed from `start`, not
 * counting the excluded spans (sorted, non-overlapping, each [a, b] with a >= start).
 */
export function deadline(m: Measure, start: number, target: number, spans: Array<[number, number]>): number {
  let cursor = start;
  let rem = target;
  for (const [a, b] of spans) {
    if (b <= cursor) continue;
    const cand = m.add(cursor, rem);
    if (cand <= a) return cand;
    if (a > cursor) rem -= m.between(cursor, a);
    cursor = b;
  }
  return m.add(cursor, rem);
}

/** Elapsed measure from start to `until`, not counting the excluded spans. */
export function elapsed(m: Measure, start: number, until: number, spans: Array<[number, number]>): number {
  if (until <= start) return 0;
  let e = m.between(start, until);
  for (const [a, b] of spans) {
    const lo = a > start ? a : start;
    const hi = b < until ? b : until;
    if (hi > lo) e -= m.between(lo, hi);
  }
  return e;
}
