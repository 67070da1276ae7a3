/**
 * The background's side of the team-lead popup: the popup model (queue rows, refresh and watch state,
 * compliance, built from the registry and the state in effect), the chosen compliance period, and
 * opening a ticket. "Refresh queue" is a poll of the queue watch in the refresh slot (queue-refresh.ts):
 * one code path.
 */
import type { ComplianceModel, PopupModel, RefreshModel, WatchModel } from '../messaging/popup';
import {
  complianceGoalsFromPolicy,
  computeCompliance,
  EMPTY_ARCHIVE,
  finishedRecords,
  resolvePeriod,
  withArchive,
  type ComplianceArchive,
} from '../compliance';
import type { ComplianceReport, CompliancePeriod } from '../compliance';
import type { Request } from '../messaging/protocol';
import type { Registry, RegistryEntry } from '../registry';
import { REPORT_AFTER_FAILURES } from '../queue/watch';
import type { Policy } from '../sla';
import { readQueueState, readWatchState } from '../storage/items';
import { DEFAULT_WATCH_STATE, type QueueState, type WatchState } from '../storage/schemas';
import { focusOrOpen, localTimeZone, uiLanguage } from './env';
import { queueRows, vocabularies } from './popup-model';
import { readArchive, readArchivedRecord, readRegistry } from './registry-store';
import { historyKey, type RefreshDeps } from './compliance-history';
import { HELPDESK_IDS } from '../helpdesks/catalog';
import { viewIdOf } from '../helpdesks/zendesk';
import { loadState, type BackgroundState } from './state';
import {
  refreshDone,
  refreshRunning,
  startRefresh,
  updateQueueState,
  type RefreshJob,
} from './queue-refresh';

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

export const INTERRUPTED = 'the last refresh was interrupted (the browser stopped the background worker)';

function refreshModel(qs: QueueState): RefreshModel {
  const r = qs.refresh;
  const running = r.running && refreshRunning();
  const errors =
    r.running && !running
      ? [...r.errors, { helpdesk: HELPDESK_IDS[0], host: '—', message: INTERRUPTED }]
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
  const [state, stored, qs, ws] = await Promise.all([
    loadState(),
    readRegistry(),
    readQueueState(),
    readWatchState(),
  ]);
  return buildPopupModel(state, stored.registry, qs.value, now, localTimeZone(), ws.value);
}

export function buildPopupModel(
  state: Pick<BackgroundState, 'config' | 'policies' | 'preferences'> &
    Partial<Pick<BackgroundState, 'configUnreadable'>>,
  registry: Registry,
  qs: QueueState,
  now: number,
  timeZone: string,
  ws: WatchState = DEFAULT_WATCH_STATE,
): PopupModel {
  const language = uiLanguage(state.preferences);
  return {
    language,
    timeZone,
    hasAssignments: state.config.assignments.length > 0,
    ...(state.configUnreadable ? { configUnreadable: true } : {}),
    rows: queueRows(state.policies, registry, language, now),
    refresh: refreshModel(qs),
    watch: watchModel(state, ws),
  };
}

/** "Watching 3 helpdesks · last checked 10:42", each host's last success, and its problem if any. */
export function watchModel(
  state: Pick<BackgroundState, 'config' | 'preferences'>,
  ws: WatchState,
): WatchModel {
  return {
    minutes: state.preferences.watchMinutes,
    lastPollAt: ws.lastPollAt,
    hosts: state.config.assignments.map((a) => {
      const h = ws.hosts[a.host];
      return {
        host: a.host,
        helpdesk: a.helpdesk,
        status: h?.status ?? null,
        lastSuccessAt: h?.lastSuccessAt ?? null,
        // Network/5xx trouble shows from the third failure on (the first ones are retried quietly).
        message: h && (h.status !== 'failing' || h.failures >= REPORT_AFTER_FAILURES) ? h.message : null,
      };
    }),
  };
}

/** Compliance for the stored period. */
export async function complianceModel(now: number = Date.now()): Promise<ComplianceModel> {
  const [state, stored, qs] = await Promise.all([loadState(), readRegistry(), readQueueState()]);
  // Only the period's records, through the archive's closedAt index (not the whole archive).
  const archive = await readArchive(resolvePeriod(qs.value.period, now, localTimeZone()));
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
  const entry = (await readRegistry()).registry.entries[key] ?? (await readArchivedRecord(key));
  if (!entry) throw new Error(`unknown ticket ${key}`);
  if (!/^https?:\/\//.test(entry.link)) throw new Error(`ticket ${entry.ticketKey} has no web link`);
  return { opened: await focusOrOpen(entry.link) };
}

// ---------------------------------------------------------------------------------------------
// queue refresh: one code path with the queue watch (queue-refresh.ts, watch.ts)

export type { RefreshDeps, RefreshJob };
export { historyKey, refreshDone, startRefresh, updateQueueState, viewIdOf };
