import { signal } from '@preact/signals';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useNow, type Clock } from './useNow.ts';

afterEach(cleanup);

let renders = 0;
function Probe({ clock, intervalMs }: { clock: Clock; intervalMs?: number }) {
  renders++;
  return <p>{useNow(clock, intervalMs)}</p>;
}

describe('useNow', () => {
  it('follows the clock it is given', () => {
    const clock = signal(1_000);
    render(<Probe clock={clock} />);
    expect(screen.getByText('1000')).toBeTruthy();
    act(() => {
      clock.value = 2_000;
    });
    expect(screen.getByText('2000')).toBeTruthy();
  });

  it('re-renders at most once per interval bucket', () => {
    const clock = signal(60_000);
    renders = 0;
    render(<Probe clock={clock} intervalMs={60_000} />);
    const first = renders;
    act(() => {
      clock.value = 61_000;
    });
    act(() => {
      clock.value = 119_000;
    });
    expect(renders).toBe(first);
    expect(screen.getByText('60000')).toBeTruthy();
    act(() => {
      clock.value = 120_000;
    });
    expect(screen.getByText('120000')).toBeTruthy();
  });

  it('stops listening when unmounted', () => {
    let listeners = 0;
    const clock: Clock = {
      peek: () => 5,
      subscribe: (fn) => {
        listeners++;
        fn(5);
        return () => listeners--;
      },
    };
    const { unmount } = render(<Probe clock={clock} />);
    expect(listeners).toBe(1);
    act(() => {
      unmount();
    });
    expect(listeners).toBe(0);
  });
});
