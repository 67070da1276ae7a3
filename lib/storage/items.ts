/**
 * The extension's storage keys, each versioned with typed migrations (WXT storage items). Values are
 * validated on every read (see `readConfig` etc.); writes of several keys go in one `setItems` call.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import {
  AssignmentSchema,
  SelfHostedSchema,
  StoredPolicySchema,
  DEFAULT_PREFERENCES,
  EMPTY_CONFIG,
  PreferencesSchema,
  UiStateSchema,
  migrateConfigV1toV2,
  type Config,
  type Credentials,
  type Preferences,
  type UiState,
  QueueStateSchema,
  DEFAULT_QUEUE_STATE,
  type QueueState,
  WatchStateSchema,
  WatchHostSchema,
  HostName,
  DEFAULT_WATCH_STATE,
  type WatchState,
} from './schemas';
import { readStoredCredentials } from './secrets';
import {
  quarantined,
  readArrayElements,
  readRecordElements,
  validateStored,
  type QuarantinedElement,
  type StorageProblem,
} from './validated';

export const configItem = storage.defineItem<unknown>('local:config', {
  fallback: EMPTY_CONFIG,
  version: 2,
  migrations: { 2: migrateConfigV1toV2 },
});
export const preferencesItem = storage.defineItem<unknown>('local:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: 1,
});
export const uiStateItem = storage.defineItem<unknown>('local:uiState', {
  fallback: { collapsed: {}, side: {}, compact: {} },
  version: 1,
});
/** TOPdesk application passwords: not in storage.local (content scripts can read it) — lib/storage/secrets.ts. */
/** Alert markers (lib/alerts `FiredMarkers`): which notifications were already handled. */
export const alertMarkersItem = storage.defineItem<unknown>('local:alertMarkers', {
  fallback: {},
  version: 1,
});
/** The registry and the compliance archive live in IndexedDB: lib/storage/db.ts. */
/** The popup's queue refresh state and chosen compliance period. */
export const queueStateItem = storage.defineItem<unknown>('local:queueState', {
  fallback: DEFAULT_QUEUE_STATE,
  version: 1,
});

/** The queue watch's per-host state and last poll (lib/background/watch.ts). */
export const watchStateItem = storage.defineItem<unknown>('local:watchState', {
  fallback: DEFAULT_WATCH_STATE,
  version: 1,
});

export interface Read<T> {
  value: T;
  problem?: StorageProblem;
  /** Elements taken out of the stored value (kept verbatim; a writer commits them, see `quarantineWrites`). */
  quarantined: QuarantinedElement[];
  /** Set when the stored value was written by a newer version: use it, but never write over it. */
  readOnly?: string;
}

/** Unreadable elements of any stored value, kept verbatim until an admin deletes them (Options). */
export const quarantineItem = storage.defineItem<unknown>('local:quarantine', { fallback: {}, version: 1 });

export interface StoredQuarantine extends QuarantinedElement {
  /** Epoch ms it was first kept aside. */
  at: number;
}
const StoredQuarantineSchema = z.object({
  id: z.string(),
  key: z.string(),
  path: z.string(),
  message: z.string(),
  raw: z.unknown(),
  at: z.number(),
});

/** What the quarantine holds (elements that are not even a quarantine record are skipped). */
export async function readQuarantine(): Promise<Record<string, StoredQuarantine>> {
  const raw = await quarantineItem.getValue();
  const out: Record<string, StoredQuarantine> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const q = StoredQuarantineSchema.safeParse(value);
    if (q.success && Object.hasOwn(q.data, 'raw')) out[id] = q.data as StoredQuarantine;
  }
  return out;
}

/**
 * The `storage.setItems` entry that keeps `found` in the quarantine (beside what it already holds,
 * minus `remove`), or nothing when that changes nothing. Writers put it in the same call as their write.
 */
export function quarantineWrites(
  stored: Record<string, StoredQuarantine>,
  found: readonly QuarantinedElement[],
  now: number,
  remove: readonly string[] = [],
): Array<{ item: typeof quarantineItem; value: Record<string, StoredQuarantine> }> {
  const next = { ...stored };
  let changed = false;
  for (const q of found)
    if (!Object.hasOwn(next, q.id)) {
      next[q.id] = { ...q, at: now };
      changed = true;
    }
  for (const id of remove)
    if (Object.hasOwn(next, id)) {
      delete next[id];
      changed = true;
    }
  return changed ? [{ item: quarantineItem, value: next }] : [];
}

const CURRENT_CONFIG_VERSION = 2;

/** The stored configuration, element by element (see lib/storage/validated.ts). Pure. */
export function parseConfig(raw: unknown, metaVersion?: number): Read<Config> {
  if (raw === null || raw === undefined) return { value: EMPTY_CONFIG, quarantined: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const q = quarantined('config', '(root)', raw, '(root): expected an object');
    return {
      value: EMPTY_CONFIG,
      quarantined: [q],
      problem: { key: 'config', message: `stored config was unreadable (${q.message}) — kept aside` },
    };
  }
  const r = raw as Record<string, unknown>;
  const policies = readRecordElements('config', 'policies', r.policies, StoredPolicySchema);
  const disabled = readArrayElements('config', 'disabledBuiltins', r.disabledBuiltins, z.string());
  const assignments = readArrayElements('config', 'assignments', r.assignments, AssignmentSchema);
  const selfHosted = readArrayElements('config', 'selfHosted', r.selfHosted, SelfHostedSchema);
  const found = [
    ...policies.quarantined,
    ...disabled.quarantined,
    ...assignments.quarantined,
    ...selfHosted.quarantined,
  ];
  const version = typeof r.version === 'number' ? r.version : CURRENT_CONFIG_VERSION;
  const newer = Math.max(version, metaVersion ?? 0) > CURRENT_CONFIG_VERSION;
  const value: Config = {
    version: 2,
    policies: policies.entries,
    disabledBuiltins: disabled.items,
    assignments: assignments.items,
    selfHosted: selfHosted.items,
  };
  const out: Read<Config> = { value, quarantined: newer ? [] : found };
  if (newer)
    out.readOnly = `the stored configuration was written by a newer version of the extension (v${Math.max(version, metaVersion ?? 0)}); it is used read-only — update the extension to change it`;
  if (found.length)
    out.problem = {
      key: 'config',
      message: `stored config: ${found.length} element(s) could not be read and were kept aside (${found
        .map((q) => q.message)
        .join('; ')})`,
    };
  return out;
}

export async function readConfig(): Promise<Read<Config>> {
  const [raw, meta] = await Promise.all([configItem.getValue(), configItem.getMeta()]);
  const v = (meta as { v?: unknown } | null)?.v;
  return parseConfig(raw, typeof v === 'number' ? v : undefined);
}

/** Preferences field by field: a bad or unknown field is kept aside, its default used. Pure. */
export function parsePreferences(raw: unknown): Read<Preferences> {
  if (raw === null || raw === undefined) return { value: DEFAULT_PREFERENCES, quarantined: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return validateStored('preferences', raw, PreferencesSchema, DEFAULT_PREFERENCES);
  const r = raw as Record<string, unknown>;
  const value = PreferencesSchema.parse(r);
  const found: QuarantinedElement[] = [];
  for (const [k, v] of Object.entries(r)) {
    if (!Object.hasOwn(PreferencesSchema.shape, k))
      found.push(quarantined('preferences', k, v, `${k}: unknown setting (perhaps from a newer version)`));
    else if (JSON.stringify((value as Record<string, unknown>)[k]) !== JSON.stringify(v))
      found.push(
        quarantined(
          'preferences',
          k,
          v,
          `${k}: ${JSON.stringify(v)} is not a valid value; the default is used`,
        ),
      );
  }
  const out: Read<Preferences> = { value, quarantined: found };
  if (found.length)
    out.problem = {
      key: 'preferences',
      message: `stored preferences: ${found.map((q) => q.message).join('; ')}`,
    };
  return out;
}

export async function readPreferences(): Promise<Read<Preferences>> {
  return parsePreferences(await preferencesItem.getValue());
}
export async function readUiState(): Promise<Read<UiState>> {
  return validateStored('uiState', await uiStateItem.getValue(), UiStateSchema, {
    collapsed: {},
    side: {},
    compact: {},
  });
}

/**
 * Credentials host by host, from the credential store in IndexedDB (lib/storage/secrets.ts; an old
 * `storage.local` value is moved there first). An unreadable entry stays stored and is reported.
 */
export function readCredentials(): Promise<Read<Credentials>> {
  return readStoredCredentials();
}
export async function readQueueState(): Promise<Read<QueueState>> {
  const raw = await queueStateItem.getValue();
  return validateStored(
    'queueState',
    raw && typeof raw === 'object' ? raw : {},
    QueueStateSchema,
    DEFAULT_QUEUE_STATE,
  );
}
/**
 * The watch state host by host: a host entry that fails validation is taken out (and reported) while
 * every other host keeps its state; the host's next poll writes it anew. Pure.
 */
export function parseWatchState(raw: unknown): Read<WatchState> {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const { hosts, ...rest } = obj;
  const base = validateStored('watchState', { ...rest, hosts: {} }, WatchStateSchema, DEFAULT_WATCH_STATE);
  const h = readRecordElements('watchState', 'hosts', hosts, WatchHostSchema, HostName);
  const out: Read<WatchState> = {
    value: { ...base.value, hosts: h.entries },
    quarantined: [...base.quarantined, ...h.quarantined],
  };
  const problems = [base.problem?.message, ...h.quarantined.map((q) => q.message)].filter(Boolean);
  if (problems.length)
    out.problem = { key: 'watchState', message: `stored watch state: ${problems.join('; ')}` };
  return out;
}

export async function readWatchState(): Promise<Read<WatchState>> {
  const r = parseWatchState(await watchStateItem.getValue());
  if (r.problem) console.warn(`[sla] ${r.problem.message}`);
  return r;
}
