/**
 * The worker's wake-up: read storage → re-evaluate every open ticket with the engine → plan alerts →
 * save registry + markers → set the next alarm → badge → notifications. It runs on every worker start,
 * on the two alarms, when preferences or the configuration change, and after a queue refresh. The
 * worker keeps nothing only in memory (MV3 stops it after ~30 s idle): everything is read again.
 *
 * Alarms: `sla-next` at the next transition that matters (at-risk, goal, breach of any running clock),
 * re-created on every wake; `sla-safety` every few minutes in case an alarm was lost (browser restart,
 * clock change). Notifications: exactly once per ticket, metric and threshold — the markers are
 * written before the notifications are shown (a worker stopped in between loses one rather than
 * showing it twice), and the notification id is the marker id, so a repeat would replace, not add.
 */
import type { Alarms } from 'webextension-polyfill';
import {
  badge,
  withSignIn,
  planAlerts,
  notificationText,
  type AlertPlan,
  type Badge,
  type FiredMarkers,
  type PlannedNotification,
} from '../alerts';
import type { Locale } from '../i18n';
import { focusOrOpen, localTimeZone, uiLanguage } from './env';
import {
  compactRegistry,
  MAX_STORED_INTERVALS,
  reevaluateAll,
  type Registry,
  type RegistryEntry,
} from '../registry';
import { evaluate, type Evaluation } from '../sla';
import { signInNeeded } from '../queue/watch';
import { alertMarkersItem, readQueueState, readWatchState } from '../storage/items';
import { buildQueueSnapshot, storeQueueSnapshot } from './popup-model';
import {
  nextAlertAfter,
  readAlerting,
  readMarkers,
  readPlannedAt,
  readRegistry,
  readTickets,
  withStore,
  writePlannedAt,
  writeRegistry,
} from './registry-store';
import { assignmentFor, loadState, type BackgroundState } from './state';

export const NEXT_ALARM = 'sla-next';
export const SAFETY_ALARM = 'sla-safety';
export const SAFETY_PERIOD_MINUTES = 5;
export const ICON_PATH = '/icon/128.png';

/** The engine bound to each entry's host assignment, as the worker evaluates (no text, few intervals). */
export function engineFor(
  state: Pick<BackgroundState, 'config' | 'policies' | 'preferences'>,
  now: number,
): (entry: RegistryEntry) => Evaluation | null {
  const options = {
    atRiskRemainingShare: state.preferences.atRiskPercent / 100,
    explain: false,
    maxIntervals: MAX_STORED_INTERVALS,
  };
  return (entry) => {
    const policy = assignmentFor(state, entry.host)?.policy;
    if (!policy) return null;
    try {
      return evaluate(policy, entry.ticket, now, options);
    } catch (e) {
      console.warn(`[sla] ${entry.key} cannot be evaluated under ${policy.id}:`, e);
      return null;
    }
  };
}

export interface WakeResult {
  registry: Registry;
  plan: AlertPlan;
  badge: Badge;
}

const report = (e: unknown) => console.error('[sla] wake-up failed:', e);

let pendingWake: Promise<WakeResult> | null = null;

/**
 * One wake-up (serialised with every other registry write of this worker), coalesced: a wake asked
 * for while another one waits its turn joins that one; asked for while one runs, it runs once more
 * after it. So a burst of reports costs at most two re-evaluations, not one per report.
 */
export function wake(reason: string, now: () => number = Date.now): Promise<WakeResult> {
  if (pendingWake) return pendingWake;
  const run = withStore(() => {
    pendingWake = null;
    return wakeNow(now(), reason);
  });
  pendingWake = run;
  return run;
}

async function wakeNow(now: number, _reason: string): Promise<WakeResult> {
  const [state, stored, previous, qs, ws] = await Promise.all([
    loadState(),
    readRegistry(),
    readMarkers(),
    readQueueState(),
    readWatchState(),
  ]);
  const evaluated = compactRegistry(reevaluateAll(stored.registry, engineFor(state, now), now), now);
  const plan = planAlerts(evaluated, now, { notifications: state.preferences.notifications }, previous);
  const registry = await writeRegistry(evaluated, now, { markers: plan.markers });
  await writePlannedAt(now);
  await scheduleAlarms(plan.nextAlarmAt);
  return finishWake(state, registry, badge(registry, now), plan, qs.value, ws.value, now);
}

/** Badge, popup snapshot and notifications of a wake-up whose markers and alarm are stored. */
async function finishWake(
  state: BackgroundState,
  registry: Registry,
  counted: Badge,
  plan: AlertPlan,
  qs: Awaited<ReturnType<typeof readQueueState>>['value'],
  ws: Awaited<ReturnType<typeof readWatchState>>['value'],
  now: number,
): Promise<WakeResult> {
  const hosts = new Set(state.config.assignments.map((a) => a.host));
  const b = withSignIn(
    counted,
    signInNeeded(ws).filter((h) => hosts.has(h)),
  );
  await showBadge(b, uiLanguage(state.preferences));
  const lang = uiLanguage(state.preferences);
  await storeQueueSnapshot(
    buildQueueSnapshot(
      { ...state, language: lang, lastRefreshAt: qs.refresh.lastRefreshAt },
      registry,
      now,
      localTimeZone(),
    ),
  );
  if (plan.notify.length > 0) await showNotifications(plan.notify, lang, localTimeZone());
  return { registry, plan, badge: b };
}

/**
 * The wake-up after a queue poll, proportional to what changed rather than to the registry: the
 * poll's batch already evaluated its tickets. Alerts are planned for those tickets and for the ones
 * whose stored thresholds fell due since the last plan (`meta.plannedAt`, through the `alerts` index);
 * the next alarm is the index's first instant after now, and the badge counts the tickets the index
 * holds at or before now. Nothing is re-evaluated or rewritten: the other tickets' evaluations stand
 * (the `sla-next` and `sla-safety` alarms re-evaluate everything as before). Without a known plan
 * time (first run, an older version's store) it is a full wake-up.
 */
export function wakeAfterPoll(changed: readonly string[], now: () => number = Date.now): Promise<WakeResult> {
  if (pendingWake) return pendingWake; // a full wake-up is waiting its turn: it covers this one
  return withStore(() => partialWake(now(), changed));
}

async function partialWake(now: number, changed: readonly string[]): Promise<WakeResult> {
  const plannedAt = await readPlannedAt();
  if (plannedAt === null || plannedAt > now) return wakeNow(now, 'poll (no plan to build on)');
  const [state, previous, qs, ws, touched, crossing] = await Promise.all([
    loadState(),
    readMarkers(),
    readQueueState(),
    readWatchState(),
    readTickets(changed),
    readAlerting(plannedAt, now),
  ]);
  const subject = new Map<string, RegistryEntry>();
  for (const e of [...touched, ...crossing]) subject.set(e.key, e);
  const keys = new Set([...changed, ...subject.keys()]);
  const mine: FiredMarkers = {};
  const others: FiredMarkers = {};
  for (const [id, m] of Object.entries(previous)) {
    const key = entryKeyOfNotification(id);
    if (key !== null && keys.has(key)) mine[id] = m;
    else others[id] = m;
  }
  const planned = planAlerts(subject.values(), now, { notifications: state.preferences.notifications }, mine);
  const plan: AlertPlan = {
    ...planned,
    markers: { ...others, ...planned.markers },
    nextAlarmAt: await nextAlertAfter(now),
  };
  // Markers before notifications (exactly once), and before the plan time moves on.
  await alertMarkersItem.setValue(plan.markers);
  await writePlannedAt(now);
  await scheduleAlarms(plan.nextAlarmAt);
  const [{ registry }, alerting] = await Promise.all([readRegistry(), readAlerting(null, now)]);
  return finishWake(state, registry, badge(alerting, now), plan, qs.value, ws.value, now);
}

export async function scheduleAlarms(nextAlarmAt: number | null): Promise<void> {
  if (nextAlarmAt === null) await browser.alarms.clear(NEXT_ALARM);
  else await browser.alarms.create(NEXT_ALARM, { when: nextAlarmAt });
  // Created once: re-creating it on every wake would push it out forever.
  if (!(await browser.alarms.get(SAFETY_ALARM)))
    await browser.alarms.create(SAFETY_ALARM, { periodInMinutes: SAFETY_PERIOD_MINUTES });
}

/** `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarAction() {
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

/** The toolbar tooltip while the queue watch is signed out of `hosts`, in the UI language. */
export function badgeTitle(hosts: readonly string[], lang: Locale): string {
  if (hosts.length === 0) return '';
  const list = hosts.join(', ');
  return lang === 'nl'
    ? `Meld je opnieuw aan om ${list} te blijven volgen`
    : `Sign in again to keep watching ${list}`;
}

export async function showBadge(b: Badge, lang: Locale = 'en'): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  await action.setBadgeText({ text: b.text });
  await action.setBadgeBackgroundColor({ color: b.color });
  // The tooltip says why the badge asks to sign in (and is cleared when it no longer does).
  await action.setTitle({ title: badgeTitle(b.signIn ?? [], lang) });
}

export async function showNotifications(
  notify: readonly PlannedNotification[],
  lang: 'en' | 'nl',
  timeZone: string,
): Promise<void> {
  const iconUrl = browser.runtime.getURL(ICON_PATH as '/');
  for (const n of notify) {
    const text = notificationText(n, lang, timeZone);
    try {
      await browser.notifications.create(n.id, {
        type: 'basic',
        iconUrl,
        title: text.title,
        message: text.message,
        ...(text.contextMessage ? { contextMessage: text.contextMessage } : {}),
      });
    } catch (e) {
      console.warn(`[sla] notification ${n.id} could not be shown:`, e);
    }
  }
}

/** The registry key inside a notification id `${entryKey}:${metric}:${threshold}`. */
export function entryKeyOfNotification(id: string): string | null {
  const parts = id.split(':');
  return parts.length >= 5 ? parts.slice(0, -2).join(':') : null;
}

/** A click on one of our notifications: the ticket's tab, or the popup (as a tab) for a summary. */
export async function onNotificationClicked(id: string): Promise<void> {
  await browser.notifications.clear(id).catch(() => false);
  if (id.startsWith('sla-summary:')) {
    await focusOrOpen(browser.runtime.getURL('/popup.html'));
    return;
  }
  const key = entryKeyOfNotification(id);
  if (!key) return;
  const entry = (await readRegistry()).registry.entries[key];
  if (entry && /^https?:\/\//.test(entry.link)) await focusOrOpen(entry.link);
}

const RELEVANT_KEYS = ['preferences', 'config'];

/**
 * Registers the worker's listeners (synchronously, at the top level of the worker start, so an
 * alarm that woke the worker is delivered) and runs the first wake-up.
 */
export function startAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm: Alarms.Alarm) => {
    if (alarm.name === NEXT_ALARM || alarm.name === SAFETY_ALARM)
      void wake(`alarm:${alarm.name}`).catch(report);
  });
  browser.notifications.onClicked.addListener((id: string) => void onNotificationClicked(id));
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' && area !== 'managed') return;
    if (area === 'local' && !Object.keys(changes).some((k) => RELEVANT_KEYS.includes(k))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void wake('settings').catch(report), 200);
  });
  void wake('start').catch(report);
}
