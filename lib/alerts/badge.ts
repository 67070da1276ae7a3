/** The toolbar badge: how many open tickets are breached or at risk, coloured by the worst. */
import { summaryLiveState } from '../live/countdown';
import { isFinished } from '../registry/finished';
import type { Registry, RegistryEntry } from '../registry/types';

export const BADGE_COLORS = {
  breached: '#C5221F',
  'at-risk': '#E37400',
  none: '#5F6368',
  /** The queue watch is signed out of a helpdesk (lib/background/watch.ts). */
  'sign-in': '#5B2FB8',
} as const;

export interface Badge {
  /** '' when nothing needs attention; '999+' beyond 999. */
  text: string;
  color: string;
  breached: number;
  atRisk: number;
  /** Hosts the queue watch is signed out of (set by `withSignIn`); the tooltip names them. */
  signIn?: readonly string[];
}

export function badge(entries: Registry | Iterable<RegistryEntry>, now: number): Badge {
  const list = 'entries' in entries && 'version' in entries ? Object.values(entries.entries) : entries;
  let breached = 0;
  let atRisk = 0;
  for (const e of list as Iterable<RegistryEntry>) {
    if (!e.evaluation || isFinished(e)) continue;
    const { state } = summaryLiveState(e.evaluation, now);
    if (state === 'breached') breached++;
    else if (state === 'at-risk') atRisk++;
  }
  const n = breached + atRisk;
  return {
    text: n === 0 ? '' : n > 999 ? '999+' : String(n),
    color: breached > 0 ? BADGE_COLORS.breached : atRisk > 0 ? BADGE_COLORS['at-risk'] : BADGE_COLORS.none,
    breached,
    atRisk,
  };
}

/**
 * The badge's sign-in state: the queue watch cannot read `hosts` (session expired, or TOPdesk without
 * a password). The count stays, marked with "!" ("!" alone when nothing is at risk), in its own colour.
 */
export function withSignIn(b: Badge, hosts: readonly string[]): Badge {
  if (hosts.length === 0) return b;
  const text = b.text === '' ? '!' : b.text.length <= 2 ? `${b.text}!` : b.text;
  return { ...b, text, color: BADGE_COLORS['sign-in'], signIn: hosts };
}
