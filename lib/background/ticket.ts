/**
 * The background's answer to a content script that read a ticket: find the policy assigned to the
 * host, map the helpdesk's payload onto it with the helpdesk's adapter, evaluate with the engine at
 * the page's clock, remember the ticket in the registry, and build the sidebar model. Every failure
 * becomes a problem model the sidebar can explain.
 */
import { evaluate, SlaInputError, type Policy } from '../sla';
import type { PageRead, SidebarView } from '../messaging/sidebar';
import type {
  LabelMap,
  SidebarLabels,
  SidebarMatrix,
  SidebarModel,
  SidebarProblem,
} from '../messaging/sidebar';
import type { Preferences } from '../storage/schemas';
import type { NormalizeResult } from '../helpdesks/types';
import type { Request } from '../messaging/protocol';
import { readCredentials, readUiState, uiStateItem } from '../storage/items';
import type { HelpdeskId } from '../helpdesks/catalog';
import { WORKERS } from '../helpdesks/workers';
import { uiLanguage } from './env';
import { assignmentFor, loadState, readEffective } from './state';
import { bindToSender, senderPage } from './sender';

export interface TicketRequest {
  helpdesk: HelpdeskId;
  host: string;
  url: string;
  ticketId: string;
  pageNow: number;
  read: PageRead;
}

/** What a helpdesk adapter's mapping side returns. */
export type Normalized = NormalizeResult;

export type Normalizer = (
  req: TicketRequest,
  payload: unknown,
  mapping: Record<string, unknown> | undefined,
  policy: Policy,
) => Normalized;

const label = (l: { nl?: string; en?: string } | undefined, id: string) => ({
  nl: l?.nl ?? l?.en ?? id,
  en: l?.en ?? l?.nl ?? id,
});

function labelMap(items: ReadonlyArray<{ id: string; label?: { nl?: string; en?: string } }>): LabelMap {
  return Object.fromEntries(items.map((i) => [i.id, label(i.label, i.id)]));
}

export function sidebarLabels(policy: Policy): SidebarLabels {
  return {
    priorities: labelMap(policy.priorities),
    tiers: labelMap(policy.tiers),
    types: labelMap(policy.types),
    impacts: labelMap(policy.matrix?.impact ?? []),
    urgencies: labelMap(policy.matrix?.urgency ?? []),
  };
}

export function sidebarMatrix(
  policy: Policy,
  fieldNames?: SidebarMatrix['fieldNames'],
): SidebarMatrix | undefined {
  const m = policy.matrix;
  if (!m) return undefined;
  return {
    impacts: m.impact.map((l) => ({ id: l.id, label: label(l.label, l.id) })),
    urgencies: m.urgency.map((l) => ({ id: l.id, label: label(l.label, l.id) })),
    cells: m.cells,
    ...(m.source ? { source: m.source } : {}),
    ...(fieldNames ? { fieldNames } : {}),
  };
}

function problemFromReadError(
  error: { kind: string; status?: number; message: string },
  host: string,
): SidebarProblem {
  const kind =
    error.kind === 'unauthorized'
      ? 'not-signed-in'
      : error.kind === 'deleted' || error.kind === 'not-found'
        ? 'deleted'
        : error.kind === 'forbidden' || error.kind === 'rate-limited' || error.kind === 'server'
          ? 'api-refused'
          : error.kind === 'malformed'
            ? 'not-readable'
            : 'error';
  return { kind, message: error.message, host };
}

export interface SidebarDeps {
  policyFor(host: string): { policy: Policy | null; mapping?: Record<string, unknown> } | null;
  normalize: Normalizer;
  preferences: Preferences;
  locale: 'nl' | 'en';
  /** Called with every successfully evaluated ticket (registry upsert, alarm re-plan). */
  remember?(req: TicketRequest, result: Extract<Normalized, { ok: true }>, policy: Policy): Promise<void>;
}

export async function sidebarModel(req: TicketRequest, deps: SidebarDeps): Promise<SidebarModel> {
  const assigned = deps.policyFor(req.host);
  if (!assigned || !assigned.policy) {
    return {
      status: 'problem',
      problem: {
        kind: 'no-policy',
        host: req.host,
        message: assigned ? 'the assigned policy is disabled or invalid' : '',
      },
    };
  }
  const policy = assigned.policy;
  if (req.read.kind === 'error')
    return { status: 'problem', problem: problemFromReadError(req.read.error, req.host) };
  if (req.read.kind === 'dom') {
    const f = req.read.fields;
    return {
      status: 'problem',
      problem: {
        ...problemFromReadError(req.read.apiError, req.host),
        kind: req.read.apiError.kind === 'unauthorized' ? 'not-signed-in' : 'api-refused',
        detail: 'Read from the page instead (partial): the creation time and history are not on the page.',
      },
      display: {
        helpdesk: req.helpdesk,
        ticketKey: f.ticketKey ?? req.ticketId,
        subject: f.subject ?? '',
        link: req.url,
        ...(f.status ? { status: f.status } : {}),
        ...(f.requester ? { requester: f.requester } : {}),
      },
    };
  }
  const n = deps.normalize(req, req.read.payload, assigned.mapping, policy);
  if (!n.ok)
    return {
      status: 'problem',
      problem: { host: req.host, ...n.problem },
      ...(n.display ? { display: n.display } : {}),
    };
  let evaluation;
  try {
    evaluation = evaluate(policy, n.ticket, req.pageNow, {
      atRiskRemainingShare: deps.preferences.atRiskPercent / 100,
      locale: deps.locale,
      ...(n.origin ? { origin: n.origin } : {}),
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      status: 'problem',
      problem: { kind: e instanceof SlaInputError ? 'unmapped' : 'error', message, host: req.host },
      display: n.display,
    };
  }
  await deps.remember?.(req, n, policy);
  const matrix = sidebarMatrix(policy, n.fieldNames);
  return {
    status: 'ready',
    evaluation,
    display: n.display,
    partial: false,
    labels: sidebarLabels(policy),
    ...(matrix ? { matrix } : {}),
    ...(n.helpdeskSla ? { helpdeskSla: n.helpdeskSla } : {}),
  };
}

/** The sidebar's view preferences for a helpdesk, from preferences and the stored UI state. */
export function sidebarView(
  preferences: Preferences,
  ui: {
    collapsed: Record<string, boolean>;
    side: Record<string, 'left' | 'right'>;
    compact?: Record<string, boolean>;
  },
  helpdesk: string,
  locale: 'nl' | 'en',
): SidebarView {
  return {
    language: preferences.language,
    locale,
    side: ui.side[helpdesk] ?? preferences.sidebarSide,
    collapsed: ui.collapsed[helpdesk] ?? false,
    compact: ui.compact?.[helpdesk] ?? false,
    atRiskPercent: preferences.atRiskPercent,
  };
}

type SidebarMessage = Extract<Request, { type: `cs-bg:${string}` }>;

export function isSidebarRequest(m: Request): m is SidebarMessage {
  return m.type.startsWith('cs-bg:');
}

/**
 * Dispatches the content scripts' messages. `sender` is what the browser says about the sending
 * frame: host, helpdesk and ticket are bound to its URL, never taken from the message (sender.ts).
 */
export async function handleSidebar(
  raw: SidebarMessage,
  normalize: Normalizer,
  remember: SidebarDeps['remember'] | undefined,
  sender: { url?: string | undefined; tab?: { url?: string | undefined } | undefined },
): Promise<unknown> {
  let message = raw;
  switch (message.type) {
    case 'cs-bg:ticket': {
      const [state, ui] = await Promise.all([loadState(), readUiState()]);
      message = bindToSender(message, senderPage(sender.url, state.config.selfHosted, sender.tab?.url));
      const retryRefused = WORKERS[message.helpdesk].retryRefusedRead;
      if (retryRefused) {
        const host = message.host;
        const retry = await retryRefused(
          host,
          message.ticketId,
          message.read,
          async () => (await readCredentials()).value[host] ?? null,
          {
            fetch: (u, i) => fetch(u, i),
            sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
          },
        );
        if (retry) message = { ...message, read: retry };
      }
      const locale = uiLanguage(state.preferences);
      const model = await sidebarModel(message, {
        policyFor: (host) => {
          const a = assignmentFor(state, host);
          return a ? { policy: a.policy, mapping: a.assignment.mapping } : null;
        },
        normalize,
        preferences: state.preferences,
        locale,
        ...(remember ? { remember } : {}),
      });
      return { model, view: sidebarView(state.preferences, ui.value, message.helpdesk, locale) };
    }
    case 'cs-bg:ui-state': {
      message = bindToSender(message, senderPage(sender.url, (await loadState()).config.selfHosted));
      const ui = (await readUiState()).value;
      if (message.collapsed !== undefined) ui.collapsed[message.helpdesk] = message.collapsed;
      if (message.side !== undefined) ui.side[message.helpdesk] = message.side;
      if (message.compact !== undefined) ui.compact[message.helpdesk] = message.compact;
      await uiStateItem.setValue(ui);
      return { ok: true };
    }
    case 'cs-bg:open-options':
      await openOptionsOnce(message.section);
      return { ok: true };
    case 'cs-bg:view': {
      // Preferences and UI state only (no policies compiled, no ticket read): the first frame waits on it.
      const [{ eff }, ui] = await Promise.all([readEffective(), readUiState()]);
      message = bindToSender(message, senderPage(sender.url, eff.config.selfHosted, sender.tab?.url));
      return sidebarView(eff.preferences, ui.value, message.helpdesk, uiLanguage(eff.preferences));
    }
  }
}

/** The Options tab the sidebar last opened, and when (see `openOptionsOnce`). */
let optionsTab: { id: number; at: number } | null = null;
/** Clicks closer together than this are one gesture (a page script's burst of `.click()`s). */
export const OPTIONS_GESTURE_MS = 1500;

/**
 * Opens Options for the sidebar's button at most once per gesture: while the tab opened last is
 * still there it is focused (at the asked section) instead of opening another, and a burst of
 * requests within `OPTIONS_GESTURE_MS` is one request. A page script clicking the button cannot
 * open tabs at will (tabs.create is not held back by the popup blocker).
 */
export async function openOptionsOnce(section: string | undefined, now = Date.now()): Promise<void> {
  const base = browser.runtime.getURL('/options.html');
  const url = section ? `${base}#${section}` : base;
  if (optionsTab) {
    const recent = now - optionsTab.at < OPTIONS_GESTURE_MS;
    const existing = await browser.tabs.get(optionsTab.id).catch(() => null);
    if (existing) {
      if (recent) return;
      optionsTab.at = now;
      await browser.tabs.update(optionsTab.id, { active: true, url });
      if (existing.windowId !== undefined)
        await browser.windows?.update(existing.windowId, { focused: true }).catch(() => undefined);
      return;
    }
    if (recent) return;
  }
  optionsTab = { id: -1, at: now };
  const tab = await browser.tabs.create({ url });
  if (typeof tab.id === 'number') optionsTab = { id: tab.id, at: now };
}

/** Test support: forget the Options tab (a fresh worker). */
export function resetOptionsTab(): void {
  optionsTab = null;
}
