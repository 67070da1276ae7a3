/**
 * The refresh slot: one refresh at a time in this worker, whether the queue watch's poll, the popup's
 * "Refresh queue" (a poll now) or the compliance history read of a period. It walks every assigned
 * host in turn: one host's poll (watch.ts `pollHost`) or its finished tickets (compliance-history.ts
 * `historyOfHost`), and keeps the refresh state the popup shows (`queueState.refresh`: progress,
 * errors, last refresh) and the watch state (`watchState`) in step. A stored `running` without a
 * refresh in this worker was interrupted (the browser stopped the worker).
 */
import { newTicketsSummaryText, newTicketText } from '../alerts/text';
import type { NewTicketAlert } from '../alerts/new-ticket';
import { resolvePeriod, type CompliancePeriod } from '../compliance';
import { HELPDESK_IDS } from '../helpdesks/catalog';
import type { FinishedRange } from '../helpdesks/listing';
import { jitterFactor } from '../queue/watch';
import {
  readCredentials,
  readQueueState,
  readWatchState,
  queueStateItem,
  watchStateItem,
} from '../storage/items';
import type { QueueState, WatchHost, WatchState } from '../storage/schemas';
import {
  historyKey,
  historyOfHost,
  type Progress,
  type RefreshDeps,
  type RefreshError,
} from './compliance-history';
import { localTimeZone, uiLanguage } from './env';
import { archiveFinished, readArchive } from './registry-store';
import { loadState } from './state';
import { ICON_PATH, wakeAfterPoll } from './wake';
import { failed, hostOf, pollHost, reportable, scheduleWatch, type HostPoll } from './watch';

const report = (e: unknown) => console.error('[sla] queue watch:', e);

/** The helpdesk named in a refresh error that belongs to no host (host '—'). */
const NO_HOST = HELPDESK_IDS[0];

// ---------------------------------------------------------------------------------------------
// stored state: serialised read-modify-write

/** `update(fn)`: read, change with `fn`, write — one at a time per stored item in this worker. */
function serialised<T>(read: () => Promise<{ value: T }>, item: { setValue(v: T): Promise<void> }) {
  let chain: Promise<unknown> = Promise.resolve();
  return (fn: (value: T) => T): Promise<T> => {
    const run = chain.then(async () => {
      const next = fn((await read()).value);
      await item.setValue(next);
      return next;
    });
    chain = run.catch(() => undefined);
    return run;
  };
}

/** The refresh's progress, errors, `seen` stamps and the compliance period (`queueState`). */
export const updateQueueState = serialised<QueueState>(readQueueState, queueStateItem);
/** The watch's last poll and per-host states (`watchState`). */
export const updateWatchState = serialised<WatchState>(readWatchState, watchStateItem);

// ---------------------------------------------------------------------------------------------
// the refresh slot: one refresh (poll or history read) at a time in this worker

/** The refresh running in this worker, if any. A stored `running` without it was interrupted. */
let inFlight: Promise<void> | null = null;

export const refreshRunning = () => inFlight !== null;
/** The running refresh's job, and whether a person asked for a queue poll while it ran. */
let inFlightJob: RefreshJob['kind'] | null = null;
let pollAgain = false;
/**
 * A person's request of another kind made while a refresh runs ("Read from the helpdesk" during the
 * watch's poll): it runs right after, never dropped. The latest such request wins.
 */
let nextJob: RefreshJob | null = null;

/**
 * What a refresh reads from the helpdesks: the open queue (into the registry), or the tickets finished
 * in a compliance period (into the compliance archive).
 */
export type RefreshJob = { kind: 'queue' } | { kind: 'history'; period: CompliancePeriod };

/** Who asked for a queue poll: the watch's alarm, or a person (the popup's button). */
export type Trigger = 'watch' | 'manual';

export type WatchDeps = RefreshDeps & { random?: () => number; budget?: number };

export const defaultDeps = (): WatchDeps => ({
  fetch: (url, init) => fetch(url, init),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
});

/** Starts a refresh unless one runs in this worker; answers at once. */
export async function startRefresh(
  deps: WatchDeps = defaultDeps(),
  job: RefreshJob = { kind: 'queue' },
  trigger: Trigger = 'manual',
): Promise<{ started: boolean }> {
  if (inFlight) {
    // A click during a queue poll: that poll may have read the configuration (and the queue) before
    // the click, so one more poll follows it inside the same refresh. Clicks coalesce; a watch
    // wake-up shares the running poll.
    if (trigger === 'manual' && job.kind === 'queue' && inFlightJob === 'queue') pollAgain = true;
    else if (trigger === 'manual') nextJob = job;
    return { started: false };
  }
  let release: () => void = () => {};
  inFlight = new Promise<void>((r) => (release = r)); // claimed before the first await
  inFlightJob = job.kind;
  pollAgain = false;
  const started = deps.now();
  try {
    // A period that ends now ("this month") is read up to this moment.
    const range = job.kind === 'history' ? resolvePeriod(job.period, started, localTimeZone()) : null;
    await updateQueueState((qs) => ({
      ...qs,
      refresh: {
        ...qs.refresh,
        kind: job.kind,
        running: true,
        startedAt: started,
        heartbeatAt: started,
        progress: { done: 0, total: null },
        errors: [],
      },
    }));
    const poll = async () => {
      await readHelpdesks(deps, range, trigger);
      while (pollAgain) {
        pollAgain = false;
        await readHelpdesks(deps, range, 'manual');
      }
    };
    const run = poll()
      .catch((e) =>
        updateQueueState((qs) => ({
          ...qs,
          refresh: {
            ...qs.refresh,
            errors: [
              ...qs.refresh.errors,
              { helpdesk: NO_HOST, host: '—', message: e instanceof Error ? e.message : String(e) },
            ],
          },
        })).then(() => undefined),
      )
      .finally(async () => {
        const at = deps.now();
        await updateQueueState((qs) => ({
          ...qs,
          refresh: {
            ...qs.refresh,
            running: false,
            progress: null,
            heartbeatAt: at,
            lastRefreshAt: range ? qs.refresh.lastRefreshAt : at,
          },
          // A read that went wrong somewhere does not count as the period's read (its problems show).
          historyLoads:
            range && qs.refresh.errors.length === 0
              ? { ...qs.historyLoads, [historyKey(range)]: at }
              : qs.historyLoads,
        }));
      });
    void run
      .then(() => scheduleWatch(deps))
      .catch(report)
      .finally(() => {
        inFlight = null;
        inFlightJob = null;
        release();
        const next = nextJob;
        nextJob = null;
        if (next) void startRefresh(deps, next, 'manual').catch(report);
      });
    return { started: true };
  } catch (e) {
    inFlight = null;
    inFlightJob = null;
    release();
    throw e;
  }
}

/** For tests: wait for the refresh running in this worker. */
export function refreshDone(): Promise<void> {
  return inFlight ?? Promise.resolve();
}

/** Every assigned host in turn: its open queue, or (with `history`) its tickets finished in that range. */
async function readHelpdesks(
  deps: WatchDeps,
  history: FinishedRange | null,
  trigger: Trigger,
): Promise<void> {
  const state = await loadState();
  const credentials = (await readCredentials()).value;
  const errors: RefreshError[] = [];
  const archived = history ? new Map((await readArchive()).records.map((r) => [r.key, r])) : undefined;
  let lastBeat = 0;
  const progress: Progress = (p, force = false) => {
    const at = deps.now();
    if (!force && at - lastBeat < 250 && !p.waitingMs) return;
    lastBeat = at;
    void updateQueueState((qs) => ({ ...qs, refresh: { ...qs.refresh, heartbeatAt: at, progress: p } }));
  };
  const started = deps.now();
  const watch = history ? null : (await updateWatchState((ws) => ({ ...ws, pollStartedAt: started }))).hosts;
  const hosts: Record<string, WatchHost> = {};
  const alerts: NewTicketAlert[] = [];
  const changed: string[] = [];
  for (const assignment of state.config.assignments) {
    const policy = state.policies.get(assignment.policyId);
    if (!policy) {
      errors.push({
        helpdesk: assignment.helpdesk,
        host: assignment.host,
        message: `policy "${assignment.policyId}" is not in effect — check Options`,
      });
      continue;
    }
    if (history) {
      // Archived host by host: what was read survives a worker stopped halfway.
      const h = await historyOfHost(
        assignment,
        policy,
        state,
        credentials,
        history,
        deps,
        progress,
        archived,
      );
      await archiveFinished(h.records, deps.now());
      errors.push(...h.errors);
    } else {
      const before = watch![assignment.host] ?? null;
      if (trigger === 'watch' && before?.retryAt && before.retryAt > deps.now()) {
        hosts[assignment.host] = before; // backing off, or postponed by the helpdesk: sits this poll out
        continue;
      }
      let polled: HostPoll;
      try {
        polled = await pollHost(assignment, policy, state, credentials, deps, progress, before);
      } catch (e) {
        // Bad data or a bug for one host: recorded, and the next host is polled all the same.
        const message = e instanceof Error ? e.message : String(e);
        polled = {
          errors: [{ ...hostOf(assignment), message }],
          host: failed(before, 'error', message, deps, null, assignment.helpdesk),
        };
      }
      hosts[assignment.host] = polled.host;
      alerts.push(...(polled.alerts ?? []));
      changed.push(...(polled.changed ?? []));
      errors.push(...polled.errors.filter(() => trigger === 'manual' || reportable(polled.host)));
    }
    await updateQueueState((qs) => ({ ...qs, refresh: { ...qs.refresh, errors: [...errors] } }));
  }
  if (history) return;
  await updateWatchState((ws) => ({
    ...ws,
    lastPollAt: deps.now(),
    pollStartedAt: null,
    jitter: jitterFactor((deps.random ?? Math.random)()),
    hosts: Object.fromEntries(
      state.config.assignments.flatMap((a) => {
        const h = hosts[a.host] ?? ws.hosts[a.host];
        return h ? [[a.host, h]] : [];
      }),
    ),
  }));
  await showNewTicketAlerts(alerts, uiLanguage(state.preferences), localTimeZone(), deps.now());
  // Only the tickets the poll wrote are planned anew (the wake-up is proportional to the changes).
  await wakeAfterPoll(changed, deps.now);
}

/** New-ticket alerts as notifications (ids = marker ids); more than three at once: one summary. */
async function showNewTicketAlerts(
  alerts: readonly NewTicketAlert[],
  lang: 'en' | 'nl',
  timeZone: string,
  now: number,
): Promise<void> {
  if (alerts.length === 0) return;
  const iconUrl = browser.runtime.getURL(ICON_PATH as '/');
  const shown =
    alerts.length > 3
      ? [{ id: `sla-summary:new:${now}`, text: newTicketsSummaryText(alerts.length, lang) }]
      : alerts.map((a) => ({ id: a.id, text: newTicketText(a, lang, timeZone, now) }));
  for (const { id, text } of shown) {
    try {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl,
        title: text.title,
        message: text.message,
        ...(text.contextMessage ? { contextMessage: text.contextMessage } : {}),
        priority: 2,
      });
    } catch (e) {
      console.warn(`[sla] notification ${id} could not be shown:`, e);
    }
  }
}
