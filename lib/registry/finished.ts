/**
 * When a ticket is finished, from its stored events and evaluation. Pure and zod-free. (The live
 * countdown over stored evaluations is `lib/live/countdown.ts`, shared with the sidebar.)
 */
import { ms } from '../live/countdown';
import type { RegistryEntry } from './types';

/** A ticket is finished when every metric it has is met, breached-and-stopped or none, or its status says so. */
export function isFinished(entry: Pick<RegistryEntry, 'ticket' | 'evaluation'>): boolean {
  const last = lastStatus(entry);
  if (last === 'solved' || last === 'closed') return true;
  const metrics = Object.values(entry.evaluation?.metrics ?? {});
  if (metrics.length === 0) return false;
  return metrics.every(
    (m) => m.state === 'met' || m.state === 'none' || (m.state === 'breached' && m.stoppedAt !== null),
  );
}

function lastStatus(entry: Pick<RegistryEntry, 'ticket'>) {
  let status: string | null = null;
  let at = -Infinity;
  for (const e of entry.ticket.events ?? []) {
    if (e.type !== 'status') continue;
    const t = Date.parse(e.at);
    if (t >= at) {
      at = t;
      status = e.status;
    }
  }
  return status;
}

/**
 * When a finished ticket finished (epoch ms): its last solved/closed status event, else the latest
 * moment a metric stopped. Null for unfinished tickets.
 */
export function finishedAt(entry: Pick<RegistryEntry, 'ticket' | 'evaluation'>): number | null {
  if (!isFinished(entry)) return null;
  let at: number | null = null;
  for (const e of entry.ticket.events ?? []) {
    if (e.type === 'status' && (e.status === 'solved' || e.status === 'closed')) {
      const t = Date.parse(e.at);
      if (!Number.isNaN(t) && (at === null || t > at)) at = t;
    }
  }
  if (at !== null) return at;
  for (const m of Object.values(entry.evaluation?.metrics ?? {})) {
    const t = ms(m.stoppedAt);
    if (t !== null && (at === null || t > at)) at = t;
  }
  return at;
}
