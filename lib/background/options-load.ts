/**
 * What every Options action in the worker shares: reading the stored values (validated) with the
 * managed (enterprise) values laid over them, and committing a change in ONE storage write, one
 * action at a time, so a failed, refused or cancelled action leaves storage exactly as it was.
 *
 * Writes go to the LOCAL values only; managed values are laid over them on every read and are never
 * copied into local storage. The actions themselves are split by concern: policies.ts,
 * assignments.ts (with "Test with a ticket"), self-hosted.ts, team.ts and preferences.ts; options.ts
 * builds the page's model and dispatches its messages.
 */
import type { ActionResult } from '../messaging/options';
import { originPattern } from '../config/hosts';
import { HELPDESKS, HELPDESK_IDS } from '../helpdesks/catalog';
import type { Effective } from '../config/managed';
import type { BackgroundToContent } from '../messaging/protocol';
import {
  configItem,
  preferencesItem,
  quarantineWrites,
  readCredentials,
  readQuarantine,
  type StoredQuarantine,
} from '../storage/items';
import type { QuarantinedElement } from '../storage/validated';
import { explainStorageError } from '../storage/errors';
import { storage } from 'wxt/utils/storage';
import type { Config, Credentials, Preferences } from '../storage/schemas';
import { readEffective } from './state';

export interface Loaded {
  local: Config;
  localPreferences: Preferences;
  credentials: Credentials;
  eff: Effective;
  /** Stored values that were unreadable and fell back. */
  storageProblems: string[];
  /** Elements of the stored values that could not be read now (kept aside by every write). */
  quarantined: QuarantinedElement[];
  /**
   * Credentials that could not be read (password hidden). They stay in the credential store itself
   * (lib/storage/secrets.ts, one record per host): never copied into storage.local's quarantine.
   */
  credentialsQuarantined: QuarantinedElement[];
  /** What the quarantine already holds. */
  quarantine: Record<string, StoredQuarantine>;
  /** Why nothing may be written (a value from a newer version), or undefined. */
  readOnly?: string;
}

export async function load(): Promise<Loaded> {
  const [{ config, preferences, eff }, credentials, quarantine] = await Promise.all([
    readEffective(),
    readCredentials(),
    readQuarantine(),
  ]);
  return {
    local: config.value,
    localPreferences: preferences.value,
    credentials: credentials.value,
    eff,
    storageProblems: [config.problem, preferences.problem, credentials.problem]
      .filter((p) => p !== undefined)
      .map((p) => p.message)
      .concat(config.readOnly ? [config.readOnly] : []),
    quarantined: [...config.quarantined, ...preferences.quarantined],
    credentialsQuarantined: credentials.quarantined,
    quarantine,
    ...(config.readOnly ? { readOnly: config.readOnly } : {}),
  };
}

export type LocalWrite = Parameters<typeof storage.setItems>[0][number];

/**
 * The one way an action writes: its values, plus the elements that could not be read (kept aside in
 * the quarantine in the same storage call, so the write never drops them). Refused while a stored
 * value from a newer version is in use; a quota error becomes a sentence (lib/storage/errors.ts).
 */
export async function commit(
  l: Loaded,
  writes: LocalWrite[],
  removeQuarantined: readonly string[] = [],
): Promise<void> {
  refuseReadOnly(l);
  try {
    await storage.setItems([
      ...writes,
      ...quarantineWrites(l.quarantine, l.quarantined, Date.now(), removeQuarantined),
    ]);
  } catch (e) {
    throw new Error(explainStorageError(e), { cause: e });
  }
}

export class ReadOnlyError extends Error {}

export function refuseReadOnly(l: Loaded): void {
  if (l.readOnly) throw new ReadOnlyError(`${l.readOnly}; nothing was changed`);
}

// ---------------------------------------------------------------------------------------------
// Writing: one at a time, one storage write per action

let queue: Promise<unknown> = Promise.resolve();
/**
 * Runs read-modify-write actions one after another, so two tabs never interleave their writes. A
 * refused or failed write is answered as a failed action, in words.
 */
export function exclusive(fn: () => Promise<ActionResult>): Promise<ActionResult> {
  const guarded = () =>
    fn().catch((e: unknown) => fail(e instanceof Error ? e.message : explainStorageError(e)));
  const next = queue.then(guarded, guarded);
  queue = next.catch(() => undefined);
  return next;
}

export const ok = (): ActionResult => ({ ok: true });
export const fail = (message: string, issues?: Array<{ path: string; message: string }>): ActionResult =>
  issues ? { ok: false, message, issues } : { ok: false, message };

export const LOCKED = 'set by your organisation’s IT administrator (managed); it cannot be changed here';

/** Match patterns of every helpdesk page the extension may be running on. */
function helpdeskTabPatterns(config: Config): string[] {
  return [
    ...HELPDESK_IDS.map((id) => `https://*${HELPDESKS[id].hostSuffix}/*`),
    ...config.selfHosted.map((h) => originPattern(h.host)),
  ];
}

/**
 * Tells open helpdesk tabs to refresh their sidebar. Without the `tabs` permission only tabs on hosts
 * we have permission for can be found by URL; errors (no content script there) are ignored.
 */
export async function notifyHelpdeskTabs(config?: Config): Promise<void> {
  try {
    const c = config ?? (await load()).eff.config;
    const tabs = await browser.tabs.query({ url: helpdeskTabPatterns(c) });
    const message: BackgroundToContent = { type: 'bg-cs:refresh' };
    await Promise.all(
      tabs.map((t) =>
        typeof t.id === 'number' ? browser.tabs.sendMessage(t.id, message).catch(() => undefined) : undefined,
      ),
    );
  } catch {
    /* no tabs to tell */
  }
}

export async function writeConfig(l: Loaded, next: Config): Promise<void> {
  await commit(l, [{ item: configItem, value: next }]);
  void notifyHelpdeskTabs();
}

export async function writePreferences(l: Loaded, next: Preferences): Promise<void> {
  await commit(l, [{ item: preferencesItem, value: next }]);
  void notifyHelpdeskTabs();
}
