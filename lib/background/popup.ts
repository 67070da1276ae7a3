/**
 * The background's side of the team-lead popup: the popup model (queue rows, refresh state and
 * compliance, built from the registry and the state in effect), the queue refresh from the helpdesk
 * APIs, the chosen compliance period, and opening a ticket.
 *
 * Queue refresh, per assigned host, one host after the other:
 * - Zendesk: the tickets of the view `assignment.mapping.queue.viewId` (set in Options), else the search
 *   for unsolved tickets. A listing has no audit trail (pauses, replies), so each ticket's audits are
 *   read as the sidebar reads them, except for tickets whose `updated_at` did not change since the last
 *   read (remembered in `queueState.seen`).
 * - TOPdesk: open incidents (FIQL where supported), with the host's application password when one is
 *   stored; the listing carries everything the TOPdesk adapter reads.
 * Each ticket goes through the helpdesk adapter (`normalizeWith`) and the engine and is upserted with
 * source 'queue'. Tickets that left a complete listing are read once more, so compliance learns how
 * they finished (or dropped when the helpdesk no longer has them). Then the worker wakes (alarms,
 * badge, notifications).
 */
import type { ComplianceModel, PopupModel, RefreshModel } from '../../components/popup/model';
import {
  complianceGoalsFromPolicy,
  computeCompliance,
  EMPTY_ARCHIVE,
  finishedRecords,
  resolvePeriod,
  withArchive,
  type ComplianceArchive,
} from '../compliance';
import type { ComplianceReport, CompliancePeriod, PeriodRange } from '../compliance';
import type { HttpDeps } from '../helpdesks/http';
import type { Request } from '../messaging/protocol';
import { fetchTopdeskQueue, fetchZendeskQueue, type FinishedRange, type QueueResult } from '../queue';
import {
  registryKey,
  removeEntries,
  upsertEntry,
  vanishedFromQueue,
  type Registry,
  type RegistryEntry,
  type UpsertInput,
} from '../registry';
import type { Policy } from '../sla';
import { readCredentials, readQueueState, queueStateItem } from '../storage/items';
import type { Assignment, Credentials, QueueState } from '../storage/schemas';
import { focusOrOpen, localTimeZone, uiLanguage, wake } from './alarms';
import { queueRows, vocabularies } from './popup-model';
import { archiveFinished, readArchive, readRegistry, withStore, writeRegistry } from './registry-store';
import {
  describeQueueError,
  listingDeps,
  readDetail,
  ticketInputs,
  unreadableMessage,
  type Progress,
  type RefreshDeps,
  type RefreshError,
} from './helpdesk-read';
import { historyOfHost } from './history';
import { loadState, type BackgroundState } from './state';

type PopupMessage = Extract<Request, { type: `ui-bg:popup-${string}` }>;

export function isPopupRequest(m: Request): m is PopupMessage {
  return m.type.startsWith('ui-bg:popup-');
}

export async function handlePopup(message: PopupMessage): Promise<unknown> {
  switch (message.type) {
    case 'ui-bg:popup-model':
      return popupModel();
    case 'ui-bg:popup-compliance':
      return complianceModel();
    case 'ui-bg:popup-refresh':
      return startRefresh();
    case 'ui-bg:popup-load-history':
      return startRefresh(undefined, { kind: 'history', period: (await readQueueState()).value.period });
    case 'ui-bg:popup-period':
      await updateQueueState((qs) => ({ ...qs, period: message.period }));
      return complianceModel();
    case 'ui-bg:popup-open':
      return openTicket(message.key);
  }
}

// ---------------------------------------------------------------------------------------------
// queue state (refresh progress, period, seen): serialised read-modify-write

let queueChain: Promise<unknown> = Promise.resolve();

export function updateQueueState(fn: (qs: QueueState) => QueueState): Promise<QueueState> {
  const run = queueChain.then(async () => {
    const next = fn((await readQueueState()).value);
    await queueStateItem.setValue(next);
    return next;
  });
  queueChain = run.catch(() => undefined);
  return run;
}

/** The refresh running in this worker, if any. A stored `running` without it was interrupted. */
let inFlight: Promise<void> | null = null;

export const INTERRUPTED = 'the last refresh was interrupted (the browser stopped the background worker)';

function refreshModel(qs: QueueState): RefreshModel {
  const r = qs.refresh;
  const running = r.running && inFlight !== null;
  const errors =
    r.running && !running
      ? [...r.errors, { helpdesk: 'zendesk' as const, host: '—', message: INTERRUPTED }]
      : r.errors;
  return {
    kind: r.kind,
    running,
    progress: running ? r.progress : null,
    lastRefreshAt: r.lastRefreshAt,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// the model

export function complianceFor(
  entries: Iterable<RegistryEntry>,
  period: CompliancePeriod,
  policies: ReadonlyMap<string, Policy>,
  now: number,
  timeZone: string,
  archive: ComplianceArchive = EMPTY_ARCHIVE,
): ComplianceReport {
  const goals = [...policies.values()].flatMap((p) => complianceGoalsFromPolicy(p));
  const records = withArchive(finishedRecords(entries), archive);
  return computeCompliance(records, resolvePeriod(period, now, timeZone), goals);
}

/**
 * What the popup's queue shows: open tickets as queue rows and the refresh state. Compliance is asked
 * for separately (`complianceModel`), when its tab is shown, so opening the popup stays quick.
 */
export async function popupModel(now: number = Date.now()): Promise<PopupModel> {
  const [state, stored, qs] = await Promise.all([loadState(), readRegistry(), readQueueState()]);
  return buildPopupModel(state, stored.registry, qs.value, now, localTimeZone());
}

export function buildPopupModel(
  state: Pick<BackgroundState, 'config' | 'policies' | 'preferences'>,
  registry: Registry,
  qs: QueueState,
  now: number,
  timeZone: string,
): PopupModel {
  const language = uiLanguage(state.preferences);
  return {
    language,
    timeZone,
    hasAssignments: state.config.assignments.length > 0,
    rows: queueRows(state.policies, registry, language, now),
    refresh: refreshModel(qs),
  };
}

/** Compliance for the stored period. */
export async function complianceModel(now: number = Date.now()): Promise<ComplianceModel> {
  const [state, stored, qs, archive] = await Promise.all([
    loadState(),
    readRegistry(),
    readQueueState(),
    readArchive(),
  ]);
  return buildComplianceModel(state, stored.registry, qs.value, now, localTimeZone(), archive);
}

export function buildComplianceModel(
  state: Pick<BackgroundState, 'policies' | 'preferences'>,
  registry: Registry,
  qs: Pick<QueueState, 'period' | 'historyLoads'>,
  now: number,
  timeZone: string,
  archive: ComplianceArchive = EMPTY_ARCHIVE,
): ComplianceModel {
  const { period } = qs;
  const language = uiLanguage(state.preferences);
  const vocabulary = vocabularies(state.policies, language);
  let historyLoadedAt: number | null = null;
  try {
    historyLoadedAt = qs.historyLoads[historyKey(resolvePeriod(period, now, timeZone))] ?? null;
  } catch {
    // an unknown zone: the report below says so
  }
  try {
    const report = complianceFor(
      Object.values(registry.entries),
      period,
      state.policies,
      now,
      timeZone,
      archive,
    );
    return { period, report, error: null, vocabulary, historyLoadedAt };
  } catch (e) {
    console.warn('[sla] compliance could not be computed:', e);
    return {
      period,
      report: null,
      error: e instanceof Error ? e.message : String(e),
      vocabulary,
      historyLoadedAt,
    };
  }
}

/** Focus or open a registry ticket's tab. Only links stored in the registry are opened. */
/**
 * Opens a ticket the extension knows by its stored link: an open ticket (registry), or a finished one
 * in the compliance archive (the breach links of tickets read from the helpdesk history).
 */
export async function openTicket(key: string): Promise<{ opened: 'focused' | 'created' }> {
  const entry =
    (await readRegistry()).registry.entries[key] ?? (await readArchive()).records.find((r) => r.key === key);
  if (!entry) throw new Error(`unknown ticket ${key}`);
  if (!/^https?:\/\//.test(entry.link)) throw new Error(`ticket ${entry.ticketKey} has no web link`);
  return { opened: await focusOrOpen(entry.link) };
}

// ---------------------------------------------------------------------------------------------
// queue refresh

export type { RefreshDeps };

const defaultDeps = (): RefreshDeps => ({
  fetch: (url, init) => fetch(url, init),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
});

/**
 * What a refresh reads from the helpdesks: the open queue (into the registry), or the tickets finished
 * in a compliance period (into the compliance archive).
 */
export type RefreshJob = { kind: 'queue' } | { kind: 'history'; period: CompliancePeriod };

/**
 * The key under which a history load is remembered (`QueueState.historyLoads`): the month ("this
 * month" is its month), or the 30 days starting on a day.
 */
export const historyKey = (r: PeriodRange) =>
  r.period.kind === 'last-30-days' ? `30d:${r.firstDay}` : `month:${r.firstDay.slice(0, 7)}`;

/** Starts a refresh unless one runs in this worker; answers at once. */
export async function startRefresh(
  deps: RefreshDeps = defaultDeps(),
  job: RefreshJob = { kind: 'queue' },
): Promise<{ started: boolean }> {
  if (inFlight) return { started: false };
  const started = deps.now();
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
  inFlight = readHelpdesks(deps, range)
    .catch((e) =>
      updateQueueState((qs) => ({
        ...qs,
        refresh: {
          ...qs.refresh,
          errors: [
            ...qs.refresh.errors,
            { helpdesk: 'zendesk', host: '—', message: e instanceof Error ? e.message : String(e) },
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
      inFlight = null;
    });
  return { started: true };
}

/** For tests: wait for the refresh running in this worker. */
export function refreshDone(): Promise<void> {
  return inFlight ?? Promise.resolve();
}

/** Every assigned host in turn: its open queue, or (with `history`) its tickets finished in that range. */
async function readHelpdesks(deps: RefreshDeps, history: FinishedRange | null): Promise<void> {
  const state = await loadState();
  const credentials = (await readCredentials()).value;
  const errors: RefreshError[] = [];
  const archived = history ? new Map((await readArchive()).records.map((r) => [r.key, r])) : undefined;
  let lastBeat = 0;
  const progress = (p: { done: number; total: number | null; waitingMs?: number }, force = false) => {
    const at = deps.now();
    if (!force && at - lastBeat < 250 && !p.waitingMs) return;
    lastBeat = at;
    void updateQueueState((qs) => ({ ...qs, refresh: { ...qs.refresh, heartbeatAt: at, progress: p } }));
  };
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
    } else errors.push(...(await refreshHost(assignment, policy, state, credentials, deps, progress)));
    await updateQueueState((qs) => ({ ...qs, refresh: { ...qs.refresh, errors: [...errors] } }));
  }
  if (!history) await wake('refresh', deps.now);
}

/** Zendesk view id configured for the host's queue (Options: `mapping.queue.viewId`). */
export function viewIdOf(mapping: Assignment['mapping']): string | null {
  const queue = mapping?.queue;
  const id = queue && typeof queue === 'object' ? (queue as { viewId?: unknown }).viewId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

async function refreshHost(
  assignment: Assignment,
  policy: Policy,
  state: BackgroundState,
  credentials: Credentials,
  deps: RefreshDeps,
  progress: Progress,
): Promise<RefreshError[]> {
  const { host, helpdesk } = assignment;
  const errors: RefreshError[] = [];
  const fail = (message: string) => errors.push({ helpdesk, host, message });
  const queueDeps = listingDeps(deps, progress);
  const http: HttpDeps = { fetch: deps.fetch, sleep: deps.sleep };
  const result: QueueResult =
    helpdesk === 'zendesk'
      ? await fetchZendeskQueue({ host, viewId: viewIdOf(assignment.mapping) }, queueDeps)
      : await fetchTopdeskQueue({ host, credentials: credentials[host] ?? null }, queueDeps);
  if (!result.ok) fail(describeQueueError(result.error));

  const [{ registry: before }, qs] = await Promise.all([readRegistry(), readQueueState()]);
  const seen = { ...qs.value.seen };
  const inputs: UpsertInput[] = [];
  const unreadable: string[] = [];
  const now = deps.now();
  const toInput = ticketInputs(assignment, policy, state, now, unreadable);

  // Listed tickets: Zendesk needs each ticket's audits (unless unchanged); TOPdesk's listing suffices.
  let done = 0;
  for (const t of result.tickets) {
    const key = registryKey(helpdesk, host, t.ticketId);
    const prev = before.entries[key];
    let input: UpsertInput | null = null;
    if (helpdesk === 'topdesk') input = toInput(t, { incident: t.raw });
    else {
      const updatedAt = typeof t.raw.updated_at === 'string' ? t.raw.updated_at : null;
      if (prev && updatedAt && seen[key] === updatedAt) {
        input = {
          helpdesk,
          host,
          ticketId: t.ticketId,
          ticketKey: prev.ticketKey,
          subject: t.subject || prev.subject,
          link: t.link,
          ticket: prev.ticket,
          source: 'queue',
        };
      } else {
        const d = await readDetail(helpdesk, host, t.ticketId, credentials, http);
        if (d.ok) {
          input = toInput(t, d.payload);
          if (input && updatedAt) seen[key] = updatedAt;
        } else unreadable.push(`${t.ticketKey}: ${d.message}`);
      }
    }
    if (input) inputs.push(input);
    progress({ done: ++done, total: result.tickets.length });
  }

  // Tickets that left a complete listing: read once more to record how they finished.
  const drop: string[] = [];
  if (result.ok && !result.truncated) {
    const gone = vanishedFromQueue(
      before,
      helpdesk,
      host,
      result.tickets.map((t) => t.ticketId),
    );
    for (const key of gone) {
      const e = before.entries[key]!;
      const d = await readDetail(helpdesk, host, e.ticketId, credentials, http);
      if (d.ok) {
        const input = toInput(e, d.payload);
        if (input) inputs.push(input);
      } else if (d.notFound) drop.push(key);
      else unreadable.push(`${e.ticketKey}: ${d.message}`);
    }
  }
  progress({ done, total: result.tickets.length }, true);

  await withStore(async () => {
    let { registry } = await readRegistry();
    for (const input of inputs) registry = upsertEntry(registry, input, now);
    await writeRegistry(removeEntries(registry, drop), now);
  });
  await updateQueueState((q) => ({ ...q, seen: pruneSeen({ ...q.seen, ...seen }, helpdesk, host, result) }));
  if (unreadable.length > 0) fail(unreadableMessage(unreadable));
  return errors;
}

/** Forget `seen` stamps of a host's tickets that a complete listing no longer holds. */
function pruneSeen(
  seen: Record<string, string>,
  helpdesk: string,
  host: string,
  result: QueueResult,
): Record<string, string> {
  if (!result.ok || result.truncated) return seen;
  const prefix = `${helpdesk}:${host}:`;
  const listed = new Set(result.tickets.map((t) => `${prefix}${t.ticketId}`));
  return Object.fromEntries(Object.entries(seen).filter(([k]) => !k.startsWith(prefix) || listed.has(k)));
}
