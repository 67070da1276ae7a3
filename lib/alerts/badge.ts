/** The toolbar badge: how many open tickets are breached or at risk, coloured by the worst. */
import { isFinished, summaryLiveState } from '../registry/live';
import type { Registry, RegistryEntry } from '../registry/types';

export const BADGE_COLORS = { breached: '#C5221F', 'at-risk': '#E37400', none: '#5F6368' } as const;

export interface Badge {
  /** '' when nothing needs attention; '999+' beyond 999. */
  text: string;
  color: string;
  breached: number;
  atRisk: number;
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
