/**
 * One clock per page for every live countdown: ticks at most once a second and only while the page
 * is visible; every timer and listener goes through WXT's `ctx`, so nothing outlives the content
 * script (extension reload, navigation away).
 */
import { signal, type ReadonlySignal } from '@preact/signals';

export interface TickerHost {
  setInterval(handler: () => void, ms: number): number;
  addEventListener(target: Document, type: 'visibilitychange', handler: () => void): void;
}

export function createTicker(
  ctx: TickerHost,
  doc: Pick<Document, 'visibilityState'> = document,
  clock: () => number = Date.now,
  periodMs = 1000,
): ReadonlySignal<number> {
  const now = signal(clock());
  ctx.setInterval(() => {
    if (doc.visibilityState === 'visible') now.value = clock();
  }, periodMs);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') now.value = clock();
  });
  return now;
}
