/**
 * The queue watch and the popup's "Refresh queue": ONE code path that keeps the registry in step with
 * every assigned helpdesk's queue, so the alert planning (badge, at-risk and breach notifications,
 * exactly once) covers tickets nobody opened. The watch polls on the `sla-watch` alarm every
 * `preferences.watchMinutes` (default 2; 0 = off; on once a host is assigned); the button polls now.
 * Both run in the refresh slot of queue-refresh.ts (one refresh at a time in a worker), as does the
 * compliance history read (compliance-history.ts); this file is one host's poll and the schedule.
 *
 * A poll, host after host (one host's failure or bad data never stops another's):
 * - Lists the queue (`WORKERS[helpdesk].list`; Zendesk: the view `mapping.queue.viewId`, else the
 *   unsolved search; TOPdesk: open incidents, with the host's application password when stored) and
 *   reads details (`readListed`; Zendesk: the audits, the ticket object comes with the listing) only
 *   for tickets that are new or whose change stamp changed since the last read (`queueState.seen`);
 *   a complete listing (TOPdesk's carries the whole incident) needs no reads. Tickets that left a complete
 *   listing are read once (`LEFT` in `seen`) to record how they finished, or dropped when gone.
 * - Polite: a request budget per host and poll (new tickets read first; the rest at the next poll),
 *   Zendesk's `X-Rate-Limit-Remaining` below a fifth of `X-Rate-Limit` stops the detail reads and
 *   holds the host off for another interval, a 429 is waited out (Retry-After, bounded) and the host
 *   sits out the next poll; the interval carries ±10 % jitter per browser.
 * - States, stored per host in `watchState` and shown in the popup and the badge: signed out (401/403,
 *   or a login page instead of JSON), TOPdesk without a password, rate limited, failing (network/5xx:
 *   retried with growing backoff, reported from the third failure on). A host recovers by itself at
 *   its next successful poll.
 * - New tickets (on a host polled before) whose first deadline is close are notified at once through
 *   the alert markers (lib/alerts/new-ticket.ts); then the worker wakes (re-plan, badge, alerts).
 *
 * Worker life cycle: every registry change is one `writeRegistry` call inside `withStore`, and the
 * `seen` stamps are written after it (a worker stopped in between re-reads a ticket, never skips one).
 * The next wake-up (worker start, alarm, settings change) polls when the last poll is older than the
 * interval; overlapping wake-ups in one worker share one poll. A "Refresh queue" click during a poll
 * gets one more poll right after it (in the same refresh), which reads the configuration as it is
 * at the click: the running poll may have started before a host was assigned.
 */
import { planNewTicketAlerts, type NewTicketAlert } from '../alerts/new-ticket';
import { helpdesk as helpdeskMeta, helpdeskLabel } from '../helpdesks/catalog';
import type { HttpDeps } from '../helpdesks/http';
import type { QueueError, QueueResult } from '../helpdesks/listing';
import { WORKERS } from '../helpdesks/workers';
import {
  backoffMs,
  DEFAULT_POLL_BUDGET,
  meter,
  nextPollAt,
  postponement,
  REPORT_AFTER_FAILURES,
} from '../queue/watch';
import { registryKey, removeEntries, upsertEntry, vanishedFromQueue, type UpsertInput } from '../registry';
import type { Registry, RegistryEntry } from '../registry/types';
import type { Policy } from '../sla';
import { readQueueState, readWatchState } from '../storage/items';
import type { Assignment, Credentials, WatchHost } from '../storage/schemas';
import {
  describeQueueError,
  listingDeps,
  ticketInputs,
  unreadableMessage,
  type Progress,
  type RefreshError,
} from './compliance-history';
import {
  defaultDeps,
  refreshDone,
  refreshRunning,
  startRefresh,
  updateQueueState,
  type WatchDeps,
} from './queue-refresh';
import { readMarkers, readRegistry, withStore, writeRegistry } from './registry-store';
import { loadState, type BackgroundState } from './state';

export { defaultDeps, refreshDone, startRefresh, type WatchDeps };

export const WATCH_ALARM = 'sla-watch';
/** Chromium fires alarms at most every 30 s: a poll due sooner is asked for that late. */
const MIN_ALARM_DELAY_MS = 30_000;
/** `seen` stamp of a ticket that left the queue and was read once since. */
export const LEFT = '@left';
/** Unchanged listed tickets are marked seen (LRU) at most this often, so an idle poll writes nothing. */
const TOUCH_EVERY_MS = 6 * 3600_000;
/** Longest Retry-After a watch poll waits out inside the poll (longer: the host sits out). */
const WATCH_MAX_RETRY_AFTER_MS = 60_000;

export const hostOf = (a: Assignment) => ({ helpdesk: a.helpdesk, host: a.host });

/** Network and 5xx failures are retried quietly the first times; every other problem shows at once. */
export const reportable = (h: WatchHost) => h.status !== 'failing' || h.failures >= REPORT_AFTER_FAILURES;

export function failed(
  before: WatchHost | null,
  status: WatchHost['status'],
  message: string,
  deps: WatchDeps,
  retryAt: number | null = null,
  helpdesk: WatchHost['helpdesk'],
): WatchHost {
  return {
    helpdesk,
    status,
    lastSuccessAt: before?.lastSuccessAt ?? null,
    lastAttemptAt: deps.now(),
    failures: status === 'failing' ? (before?.failures ?? 0) + 1 : 0,
    retryAt,
    message,
  };
}

export { viewIdOf } from '../helpdesks/zendesk';

export interface HostPoll {
  errors: RefreshError[];
  host: WatchHost;
  alerts?: NewTicketAlert[];
  /** Registry keys the poll wrote or removed. */
  changed?: string[];
}

/** How a failed listing leaves the host: signed out, no password, rate limited, failing, or an error. */
function listingFailure(
  assignment: Assignment,
  error: QueueError,
  loginPage: boolean,
  hasCredentials: boolean,
  before: WatchHost | null,
  minutes: number,
  deps: WatchDeps,
): WatchHost {
  const { host, helpdesk } = assignment;
  const h = (status: WatchHost['status'], message: string, retryAt: number | null = null) =>
    failed(before, status, message, deps, retryAt, helpdesk);
  if (
    error.kind === 'unauthorized' ||
    error.kind === 'forbidden' ||
    (error.kind === 'malformed' && loginPage)
  ) {
    if (helpdeskMeta(helpdesk).auth === 'session-or-app-password' && !hasCredentials)
      return h(
        'no-credentials',
        `no application password is stored for ${host} and the ${helpdeskLabel(helpdesk)} session does not answer — add one in Options → Assignments to keep watching it`,
      );
    return h('auth', `signed out of ${host} (${error.message}) — sign in to keep watching it`);
  }
  if (error.kind === 'rate-limited')
    return h(
      'rate-limited',
      `the helpdesk asked to slow down (${error.message}); this host sits out until then`,
      deps.now() + Math.max(error.retryAfterMs ?? 0, minutes * 60_000),
    );
  if (error.kind === 'network' || (error.kind === 'server' && (error.status ?? 0) >= 500)) {
    const failures = (before?.failures ?? 0) + 1;
    const retryAt = deps.now() + backoffMs(failures, minutes);
    return h(
      'failing',
      `${failures} failed poll(s) in a row (${error.message}); retrying with backoff`,
      retryAt,
    );
  }
  return h('error', describeQueueError(error));
}

export async function pollHost(
  assignment: Assignment,
  policy: Policy,
  state: BackgroundState,
  credentials: Credentials,
  deps: WatchDeps,
  progress: Progress,
  before: WatchHost | null,
): Promise<HostPoll> {
  const { host, helpdesk } = assignment;
  const minutes = Math.max(1, state.preferences.watchMinutes);
  const errors: RefreshError[] = [];
  const fail = (message: string) => errors.push({ helpdesk, host, message });
  const m = meter(deps.fetch, { budget: deps.budget ?? DEFAULT_POLL_BUDGET, now: deps.now });
  const metered = { ...deps, fetch: m.fetch };
  const queueDeps = { ...listingDeps(metered, progress), maxRetryAfterMs: WATCH_MAX_RETRY_AFTER_MS };
  const http: HttpDeps = { fetch: m.fetch, sleep: deps.sleep, maxRetryAfterMs: WATCH_MAX_RETRY_AFTER_MS };
  const cred = credentials[host] ?? null;
  const worker = WORKERS[helpdesk];
  const result: QueueResult = await worker.list(
    { host, mapping: assignment.mapping, credential: cred },
    queueDeps,
  );
  if (!result.ok) {
    const h = listingFailure(assignment, result.error, m.sawLoginPage, cred !== null, before, minutes, deps);
    // Signed out, limited or failing: nothing listed is trusted, the registry stays as it was.
    if (result.tickets.length === 0 || h.status !== 'error')
      return { errors: [{ helpdesk, host, message: h.message! }], host: h };
    fail(h.message!);
  }

  const [{ registry: known }, qs] = await Promise.all([readRegistry(), readQueueState()]);
  const seen = { ...qs.value.seen };
  const inputs: UpsertInput[] = [];
  const touch: Array<{ key: string; subject: string; link: string }> = [];
  const unreadable: string[] = [];
  const now = deps.now();
  const toInput = ticketInputs(assignment, policy, state, now, unreadable);

  // Listed tickets: a complete listing (TOPdesk) suffices; otherwise (Zendesk) new and changed
  // tickets need reads (their audits), new ones first (they may need an alert), as far as the request
  // budget and the rate limit allow.
  type Read = { t: (typeof result.tickets)[number]; key: string; updatedAt: string | null };
  const reads: Read[] = [];
  for (const t of result.tickets) {
    const key = registryKey(helpdesk, host, t.ticketId);
    const prev = known.entries[key];
    const updatedAt = worker.changeStamp(t.raw);
    if (prev && updatedAt && seen[key] === updatedAt) {
      if (
        now - prev.lastSeen >= TOUCH_EVERY_MS ||
        prev.subject !== (t.subject || prev.subject) ||
        prev.link !== t.link
      )
        touch.push({ key, subject: t.subject || prev.subject, link: t.link });
    } else if (worker.listingIsComplete) {
      // The listing carries the whole ticket: a new or modified one needs no request.
      const d = await worker.readListed(host, t.raw, assignment.mapping, http);
      const input = d.ok ? toInput(t, d.payload) : null;
      if (input) inputs.push(input);
      if (input && updatedAt) seen[key] = updatedAt;
    } else reads.push({ t, key, updatedAt });
  }
  reads.sort((a, b) => Number(a.key in known.entries) - Number(b.key in known.entries));
  let deferred = 0;
  let done = result.tickets.length - reads.length;
  for (const r of reads) {
    if (!m.allows()) {
      deferred++;
      continue;
    }
    // Listed: the ticket object is in the listing; only what it lacks is read (Zendesk: the audits).
    const d = await worker.readListed(host, r.t.raw, assignment.mapping, http);
    if (d.ok) {
      const input = toInput(r.t, d.payload);
      if (input) inputs.push(input);
      if (input && r.updatedAt) seen[r.key] = r.updatedAt;
    } else unreadable.push(`${r.t.ticketKey}: ${d.message}`);
    progress({ done: ++done, total: result.tickets.length });
  }

  // Tickets that left a complete listing: read once to record how they finished (or dropped).
  const drop: string[] = [];
  if (result.ok && !result.truncated) {
    const listed = result.tickets.map((t) => t.ticketId);
    for (const key of vanishedFromQueue(known, helpdesk, host, listed)) {
      if (seen[key] === LEFT) continue;
      if (!m.allows()) {
        deferred++;
        continue;
      }
      const e = known.entries[key]!;
      const d = await worker.readDetail(host, e.ticketId, cred, http);
      if (d.ok) {
        const input = toInput(e, d.payload);
        if (input) inputs.push(input);
        seen[key] = LEFT;
      } else if (d.notFound) drop.push(key);
      else unreadable.push(`${e.ticketKey}: ${d.message}`);
    }
  }
  progress({ done, total: result.tickets.length }, true);

  const discovered = inputs
    .map((i) => registryKey(i.helpdesk, i.host, i.ticketId))
    .filter((k) => !(k in known.entries));
  let alerts: NewTicketAlert[] = [];
  if (inputs.length > 0 || drop.length > 0 || touch.length > 0)
    await withStore(async () => {
      let { registry } = await readRegistry();
      registry = touchListed(registry, touch, now);
      for (const input of inputs) registry = upsertEntry(registry, input, now);
      // New tickets on a host polled before: alert the close ones now (markers in the same write).
      const fresh = before?.lastSuccessAt
        ? discovered.flatMap((k) => (registry.entries[k] ? [registry.entries[k]!] : []))
        : [];
      const previous = fresh.length > 0 ? await readMarkers() : {};
      const plan = planNewTicketAlerts(fresh, now, previous, {
        notifications: state.preferences.notifications,
      });
      const hasMarkers = Object.keys(plan.markers).length > 0;
      await writeRegistry(
        removeEntries(registry, drop),
        now,
        hasMarkers ? { markers: { ...previous, ...plan.markers } } : {},
      );
      alerts = plan.alerts;
    });
  const changed = [...inputs.map((i) => registryKey(i.helpdesk, i.host, i.ticketId)), ...drop];
  await updateQueueState((q) => ({
    ...q,
    seen: pruneSeen({ ...q.seen, ...seen }, helpdesk, host, result, known),
  }));
  if (unreadable.length > 0) fail(unreadableMessage(unreadable));

  const report = m.report();
  const low = m.stopReason() === 'rate-limit';
  const notes = [
    deferred > 0
      ? `${deferred} changed ticket(s) are read at the next poll (${low ? "the account's API rate limit is nearly used" : `request budget of ${deps.budget ?? DEFAULT_POLL_BUDGET} per poll`})`
      : null,
    low && report.rateLimit
      ? `${report.rateLimit.remaining} of ${report.rateLimit.limit} API requests left this minute: the next poll waits`
      : null,
  ].filter((n): n is string => n !== null);
  const ok = result.ok;
  return {
    errors,
    alerts,
    changed,
    host: {
      helpdesk,
      status: ok ? 'ok' : 'error',
      lastSuccessAt: ok ? deps.now() : (before?.lastSuccessAt ?? null),
      lastAttemptAt: deps.now(),
      failures: 0,
      retryAt: postponement(report, minutes, deps.now()),
      message: ok ? (notes.length > 0 ? notes.join('; ') : null) : (errors[0]?.message ?? null),
    },
  };
}

/** Marks unchanged listed tickets as seen now (and takes a new subject or link), in one copy. */
function touchListed(
  registry: Registry,
  touch: ReadonlyArray<{ key: string; subject: string; link: string }>,
  now: number,
): Registry {
  if (touch.length === 0) return registry;
  const entries: Record<string, RegistryEntry> = { ...registry.entries };
  for (const t of touch) {
    const e = entries[t.key];
    if (e) entries[t.key] = { ...e, subject: t.subject, link: t.link, lastSeen: now };
  }
  return { ...registry, entries };
}

/**
 * Forget `seen` stamps of a host's tickets that a complete listing no longer holds, except the `LEFT`
 * stamps of tickets still in the registry (read once; not again).
 */
function pruneSeen(
  seen: Record<string, string>,
  helpdesk: string,
  host: string,
  result: QueueResult,
  registry: Registry,
): Record<string, string> {
  if (!result.ok || result.truncated) return seen;
  const prefix = `${helpdesk}:${host}:`;
  const listed = new Set(result.tickets.map((t) => `${prefix}${t.ticketId}`));
  return Object.fromEntries(
    Object.entries(seen).filter(
      ([k, v]) => !k.startsWith(prefix) || listed.has(k) || (v === LEFT && k in registry.entries),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// the schedule

const report = (e: unknown) => console.error('[sla] queue watch:', e);

/** Sets (or clears) the watch alarm for the next poll; answers when that poll is due. */
export async function scheduleWatch(deps: Pick<WatchDeps, 'now'> = defaultDeps()): Promise<number | null> {
  const [state, ws] = await Promise.all([loadState(), readWatchState()]);
  const hosts = state.config.assignments.map((a) => a.host);
  const due = nextPollAt(ws.value, state.preferences.watchMinutes, deps.now(), hosts);
  if (due === null) await browser.alarms.clear(WATCH_ALARM);
  else await browser.alarms.create(WATCH_ALARM, { when: Math.max(due, deps.now() + MIN_ALARM_DELAY_MS) });
  return due;
}

let checking: Promise<boolean> | null = null;
let again = false;

/**
 * A wake-up of the watch (worker start, its alarm, a settings change): polls when the last poll is
 * older than the interval, else sets the alarm for when it will be. Overlapping calls share one check
 * (and so one poll); a call that arrives during a check makes it look once more afterwards (the
 * settings may have changed after it read them). Answers whether a poll ran.
 */
export function checkWatch(deps: WatchDeps = defaultDeps()): Promise<boolean> {
  if (checking) {
    again = true;
    return checking;
  }
  checking = (async () => {
    let polled = false;
    do {
      again = false;
      polled = (await checkOnce(deps)) || polled;
    } while (again);
    return polled;
  })().finally(() => (checking = null));
  return checking;
}

async function checkOnce(deps: WatchDeps): Promise<boolean> {
  if (refreshRunning()) return false; // the running refresh sets the alarm when it ends
  const due = await scheduleWatch(deps);
  if (due === null || due > deps.now()) return false;
  const { started } = await startRefresh(deps, { kind: 'queue' }, 'watch');
  if (started) await refreshDone();
  return started;
}

/** Registers the watch's listeners (at the top level of the worker start) and checks it once. */
export function startWatch(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCH_ALARM) void checkWatch().catch(report);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'managed' && !(area === 'local' && ('preferences' in changes || 'config' in changes)))
      return;
    clearTimeout(timer);
    timer = setTimeout(() => void checkWatch().catch(report), 300);
  });
  void checkWatch().catch(report);
}
