/**
 * Which desktop notifications to show now, and when to wake up next. Pure: the background passes the
 * registry, `now`, the preferences and the persisted markers, shows `notify`, stores `markers`, and sets
 * one alarm at `nextAlarmAt`.
 *
 * Exactly once per ticket, metric and threshold:
 * - A threshold fires when its instant has passed and no marker holds it. The marker id is
 *   `${entryKey}:${metric}:${threshold}` (deterministic, also the notification id).
 * - When several thresholds of one metric passed at once (the worker slept through at-risk and the
 *   deadline), only the most severe is shown (breach > goal > at-risk); the others are marked too.
 * - A deadline that moves later (a pause pushed it out) re-arms its marker once an evaluation shows
 *   that threshold in the future again, more than a minute after the instant it fired for; it can then
 *   fire once more for the new deadline. A deadline that moves earlier never fires twice.
 * - Notifications off (or a threshold switched off): nothing is shown, but markers are still written,
 *   so switching them back on does not release a backlog of old alerts.
 * - Only live clocks notify: running ones, and breached ones whose clock has not stopped. Paused,
 *   met and finished metrics never do; their markers are forgotten once the metric is met/none or the
 *   ticket leaves the registry (pass every entry, not a subset).
 * - Markers do not depend on this wake's evaluation set: a ticket that is briefly without an
 *   evaluation (its assignment removed and re-added, config unreadable, a policy briefly invalid)
 *   keeps every marker it had, so nothing notifies again when the evaluation comes back.
 */
import { ms } from '../live/countdown';
import type { MetricSummary, Registry, RegistryEntry } from '../registry/types';
import type { MetricName } from '../sla/types';

export type Threshold = 'at-risk' | 'goal' | 'breach';
export const THRESHOLDS: Threshold[] = ['at-risk', 'goal', 'breach'];
const SEVERITY: Record<Threshold, number> = { 'at-risk': 1, goal: 2, breach: 3 };

export interface AlertPrefs {
  notifications: boolean;
  /** Per-threshold switches; all on by default. */
  thresholds?: Partial<Record<Threshold, boolean>>;
  /** More than this many at once become one summary notification (default 3). */
  coalesceAbove?: number;
}

export interface FiredMarker {
  /** Epoch ms of the threshold instant the alert was for. */
  at: number;
  /** Epoch ms it was handled. */
  firedAt: number;
  /** Handled without a notification (notifications off, or outranked by a more severe threshold). */
  silent?: boolean;
}
export type FiredMarkers = Record<string, FiredMarker>;

export interface AlertItem {
  /** `${entryKey}:${metric}:${threshold}` — also the notification id. */
  id: string;
  entryKey: string;
  ticketKey: string;
  subject: string;
  link: string;
  helpdesk: RegistryEntry['helpdesk'];
  host: string;
  metric: MetricName;
  threshold: Threshold;
  /** Epoch ms of the threshold instant. */
  at: number;
  dueAt: number | null;
  priority: string | null;
  policyName: string | null;
}

export type PlannedNotification =
  | ({ kind: 'single' } & AlertItem)
  | {
      kind: 'summary';
      /** `sla-summary:${now}` */
      id: string;
      count: number;
      byThreshold: Record<Threshold, number>;
      alerts: AlertItem[];
    };

export interface AlertPlan {
  notify: PlannedNotification[];
  /** Earliest future threshold of any running clock, or null: set the alarm there. */
  nextAlarmAt: number | null;
  markers: FiredMarkers;
}

export const RE_ARM_TOLERANCE_MS = 60_000;

export function markerId(entryKey: string, metric: MetricName, threshold: Threshold): string {
  return `${entryKey}:${metric}:${threshold}`;
}

function thresholdsOf(m: MetricSummary): Array<[Threshold, number]> {
  const out: Array<[Threshold, number]> = [];
  const risk = ms(m.atRiskAt);
  if (risk !== null) out.push(['at-risk', risk]);
  const goal = ms(m.goalAt);
  if (goal !== null && m.goalState !== 'met') out.push(['goal', goal]);
  const due = ms(m.dueAt);
  if (due !== null) out.push(['breach', due]);
  return out;
}

const isLive = (m: MetricSummary) =>
  m.state === 'running' || (m.state === 'breached' && m.stoppedAt === null);

export function planAlerts(
  entries: Registry | Iterable<RegistryEntry>,
  now: number,
  prefs: AlertPrefs,
  previous: FiredMarkers,
): AlertPlan {
  const list =
    'entries' in entries && 'version' in entries
      ? Object.values(entries.entries)
      : [...(entries as Iterable<RegistryEntry>)];
  const markers: FiredMarkers = {};
  const due: AlertItem[] = [];
  let nextAlarmAt: number | null = null;
  const enabled = (t: Threshold) => prefs.notifications && prefs.thresholds?.[t] !== false;

  for (const entry of [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const metrics = entry.evaluation?.metrics ?? {};
    for (const name of ['response', 'resolution'] as const) {
      const m = metrics[name];
      if (!m || m.state === 'met' || m.state === 'none') continue; // markers of finished metrics are forgotten
      const live = isLive(m);
      const passed: Array<[Threshold, number]> = [];
      for (const [threshold, at] of thresholdsOf(m)) {
        const id = markerId(entry.key, name, threshold);
        const old = previous[id];
        if (at > now) {
          // In the future: re-arm a marker for an earlier instant (deadline moved out), keep it otherwise.
          if (old && at <= old.at + RE_ARM_TOLERANCE_MS) markers[id] = old;
          if (m.state === 'running' && (nextAlarmAt === null || at < nextAlarmAt)) nextAlarmAt = at;
          continue;
        }
        if (old) {
          markers[id] = old;
          continue;
        }
        if (live) passed.push([threshold, at]);
      }
      if (passed.length === 0) continue;
      passed.sort((a, b) => SEVERITY[b[0]] - SEVERITY[a[0]]);
      const [worst, worstAt] = passed[0]!;
      for (const [threshold, at] of passed) {
        const id = markerId(entry.key, name, threshold);
        const shown = threshold === worst && enabled(threshold);
        markers[id] = shown ? { at, firedAt: now } : { at, firedAt: now, silent: true };
      }
      if (!enabled(worst)) continue;
      due.push({
        id: markerId(entry.key, name, worst),
        entryKey: entry.key,
        ticketKey: entry.ticketKey,
        subject: entry.subject,
        link: entry.link,
        helpdesk: entry.helpdesk,
        host: entry.host,
        metric: name,
        threshold: worst,
        at: worstAt,
        dueAt: ms(m.dueAt),
        priority: entry.evaluation?.priority ?? null,
        policyName: entry.evaluation?.policyName ?? null,
      });
    }
  }

  // Tickets still listed but without an evaluation of a metric now keep that metric's markers.
  const byKey = new Map(list.map((e) => [e.key, e]));
  for (const [id, marker] of Object.entries(previous)) {
    if (Object.hasOwn(markers, id)) continue;
    const parts = id.split(':');
    if (parts.length < 3) continue;
    const metric = parts[parts.length - 2] as MetricName;
    const entry = byKey.get(parts.slice(0, -2).join(':'));
    if (entry && !entry.evaluation?.metrics?.[metric]) markers[id] = marker;
  }

  due.sort((a, b) => SEVERITY[b.threshold] - SEVERITY[a.threshold] || a.at - b.at || (a.id < b.id ? -1 : 1));
  const limit = prefs.coalesceAbove ?? 3;
  const notify: PlannedNotification[] =
    due.length > limit
      ? [
          {
            kind: 'summary',
            id: `sla-summary:${now}`,
            count: due.length,
            byThreshold: {
              'at-risk': due.filter((d) => d.threshold === 'at-risk').length,
              goal: due.filter((d) => d.threshold === 'goal').length,
              breach: due.filter((d) => d.threshold === 'breach').length,
            },
            alerts: due,
          },
        ]
      : due.map((d) => ({ kind: 'single' as const, ...d }));
  return { notify, nextAlarmAt, markers };
}
