import { describe, expect, it, vi } from 'vitest';
import { createTicker, type TickerHost } from './ticker';

function fakeHost() {
  const intervals: Array<() => void> = [];
  const listeners: Array<() => void> = [];
  const host: TickerHost = {
    setInterval: (fn) => intervals.push(fn),
    addEventListener: (_t, _type, fn) => void listeners.push(fn),
  };
  return { host, tick: () => intervals.forEach((f) => f()), show: () => listeners.forEach((f) => f()) };
}

describe('the page ticker', () => {
  it('advances once per interval while the page is visible', () => {
    const { host, tick } = fakeHost();
    let t = 1000;
    const now = createTicker(host, { visibilityState: 'visible' }, () => t);
    t = 2000;
    tick();
    expect(now.value).toBe(2000);
  });

  it('stands still while the page is hidden and catches up when it is shown again', () => {
    const { host, tick, show } = fakeHost();
    const doc = { visibilityState: 'hidden' as DocumentVisibilityState };
    let t = 1000;
    const now = createTicker(host, doc, () => t);
    t = 5000;
    tick();
    expect(now.value).toBe(1000);
    doc.visibilityState = 'visible';
    show();
    expect(now.value).toBe(5000);
  });

  it('registers exactly one interval, through the context', () => {
    const setInterval = vi.fn();
    createTicker({ setInterval, addEventListener: vi.fn() }, { visibilityState: 'visible' }, () => 0);
    expect(setInterval).toHaveBeenCalledTimes(1);
    expect(setInterval.mock.calls[0]![1]).toBe(1000);
  });
});
