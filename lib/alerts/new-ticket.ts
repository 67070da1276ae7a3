/**
 * The queue watch's new-ticket alert: a ticket the watch finds in a helpdesk's queue for the first time
 * whose first deadline is close (due within `NEW_TICKET_WINDOW_MS`, at risk, or already breached) is
 * notified at once — "New P1 at Workspace 365: response due 10:15, in 4 min" — instead of waiting for
 * its at-risk instant. Pure: the worker passes the discovered entries, `now` and the stored markers.
 *
 * Once per ticket and metric, through the alert markers (plan.ts): the alert is the metric's at-risk
 * notification given early. It writes the at-risk marker (and the marker of every threshold already
 * passed), so `planAlerts` sees them handled and does not notify them again; the notification id is
 * the marker id, so a click opens the ticket like any other alert.
 */
import { ms } from '../live/countdown';
import type { RegistryEntry } from '../registry/types';
import type { MetricName } from '../sla/types';
import { markerId, type FiredMarkers, type Threshold } from './plan';

/** A new ticket is alerted when its first running deadline is at most this far away. */
export const NEW_TICKET_WINDOW_MS = 60 * 60_000;

export interface NewTicketAlert {
  /** The marker id the alert stands for (also the notification id). */
  id: string;
  entryKey: string;
  ticketKey: string;
  subject: string;
  metric: MetricName;
  dueAt: number;
  priority: string | null;
  policyName: string | null;
}

export interface NewTicketPlan {
  alerts: NewTicketAlert[];
  /** Markers to add to the stored ones (written before the alerts are shown). */
  markers: FiredMarkers;
}

export function planNewTicketAlerts(
  discovered: Iterable<RegistryEntry>,
  now: number,
  previous: FiredMarkers,
  prefs: { notifications: boolean; windowMs?: number },
): NewTicketPlan {
  const window = prefs.windowMs ?? NEW_TICKET_WINDOW_MS;
  const alerts: NewTicketAlert[] = [];
  const markers: FiredMarkers = {};
  for (const entry of discovered) {
    const metrics = entry.evaluation?.metrics ?? {};
    let first: { metric: MetricName; dueAt: number; atRiskAt: number | null } | null = null;
    for (const metric of ['response', 'resolution'] as const) {
      const m = metrics[metric];
      // Live clocks only: running, or breached and still counting (as planAlerts).
      if (!m || !(m.state === 'running' || (m.state === 'breached' && m.stoppedAt === null))) continue;
      const dueAt = ms(m.dueAt);
      if (dueAt === null) continue;
      if (!first || dueAt < first.dueAt) first = { metric, dueAt, atRiskAt: ms(m.atRiskAt) };
    }
    if (!first) continue;
    const atRiskPassed = first.atRiskAt !== null && first.atRiskAt <= now;
    if (first.dueAt - now > window && !atRiskPassed) continue;
    const shown: Threshold = first.dueAt <= now ? 'breach' : 'at-risk';
    const id = markerId(entry.key, first.metric, shown);
    if (previous[id]) continue;
    const m = metrics[first.metric]!;
    const passed: Array<[Threshold, number | null]> = [
      ['at-risk', first.atRiskAt ?? first.dueAt],
      ['goal', m.goalState === 'met' ? null : ms(m.goalAt)],
      ['breach', first.dueAt],
    ];
    for (const [threshold, at] of passed) {
      if (at === null || (threshold !== 'at-risk' && at > now)) continue;
      const mid = markerId(entry.key, first.metric, threshold);
      if (previous[mid]) continue;
      const silent = mid !== id || !prefs.notifications;
      markers[mid] = silent ? { at, firedAt: now, silent: true } : { at, firedAt: now };
    }
    if (!prefs.notifications) continue;
    alerts.push({
      id,
      entryKey: entry.key,
      ticketKey: entry.ticketKey,
      subject: entry.subject,
      metric: first.metric,
      dueAt: first.dueAt,
      priority: entry.evaluation?.priority ?? null,
      policyName: entry.evaluation?.policyName ?? null,
    });
  }
  alerts.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  return { alerts, markers };
}
