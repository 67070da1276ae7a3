/**
 * The sidebar's clock. Views never start timers: the content script drives one ticker per page
 * (lib/pages/sidebar/ticker.ts, at most once a second, only while visible) and passes it down. A
 * `@preact/signals` signal is a Clock as is; anything with `peek()` and a `subscribe()` that calls
 * back at once with the current time and on every change works too.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Clock {
  /** The current time (epoch ms), without subscribing. */
  peek(): number;
  /** Calls `fn` with the current time now and on every tick; returns the unsubscribe function. */
  subscribe(fn: (nowMs: number) => void): () => void;
}

/** A clock that never moves (gallery, screenshots, tests). */
export function fixedClock(nowMs: number): Clock {
  return {
    peek: () => nowMs,
    subscribe: (fn) => {
      fn(nowMs);
      return () => {};
    },
  };
}

/**
 * The time, re-rendering the caller at most once per `intervalMs` bucket of the clock (e.g. 60_000
 * for a view that shows minutes only). The clock decides when it ticks; this only filters.
 */
export function useNow(clock: Clock, intervalMs = 1000): number {
  const [now, setNow] = useState(() => clock.peek());
  useEffect(
    () =>
      clock.subscribe((next) =>
        setNow((prev) => (Math.floor(prev / intervalMs) === Math.floor(next / intervalMs) ? prev : next)),
      ),
    [clock, intervalMs],
  );
  return now;
}
