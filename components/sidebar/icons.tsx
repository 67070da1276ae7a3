/** Inline SVG icons (no remote assets). Decorative: the text next to them carries the meaning. */
import type { DisplayState } from '../../lib/live/countdown.ts';

const PATHS = {
  clock: 'M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  warn: 'M12 3 2 20h20L12 3zM12 10v4M12 17h.01',
  pause: 'M9 5v14M15 5v14',
  check: 'M5 12l5 5 9-10',
  breach: 'M8 3h8l5 5v8l-5 5H8l-5-5V8l5-5zM9 9l6 6M15 9l-6 6',
  dash: 'M6 12h12',
  exempt: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6l8-3zM8 12h8',
  moon: 'M20 14A8 8 0 1 1 10 4a6 6 0 0 0 10 10z',
  info: 'M12 8h.01M11 12h1v5h1M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  collapseRight: 'M9 6l6 6-6 6',
  collapseLeft: 'M15 6l-6 6 6 6',
  swap: 'M4 8h14l-3-3M20 16H6l3 3',
  compact: 'M5 7h14M5 12h9M5 17h5',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 12h2M18 12h2M12 4v2M12 18v2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="sla-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}

/** One distinct shape per state, so the state never depends on colour alone. */
export const STATE_ICON: Record<DisplayState, IconName> = {
  running: 'clock',
  'at-risk': 'warn',
  paused: 'pause',
  met: 'check',
  breached: 'breach',
  none: 'dash',
  exempt: 'exempt',
};
