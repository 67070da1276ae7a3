/**
 * The extension's storage keys, each versioned with typed migrations (WXT storage items). Values are
 * validated on every read (see `readConfig` etc.); writes of several keys go in one `setItems` call.
 */
import { storage } from 'wxt/utils/storage';
import {
  ConfigSchemaV2,
  CredentialsSchema,
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
  DEFAULT_WATCH_STATE,
  type WatchState,
} from './schemas';
import { registryMigrations } from '../registry/schema';
import { validateStored, type StorageProblem } from './validated';

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
  fallback: { collapsed: {}, side: {} },
  version: 1,
});
export const credentialsItem = storage.defineItem<unknown>('local:credentials', { fallback: {}, version: 1 });
/** The ticket registry (lib/registry): read through `parseStoredRegistry` (lib/background/registry-store.ts). */
export const registryItem = storage.defineItem<unknown>('local:registry', {
  fallback: null,
  version: 2,
  migrations: registryMigrations,
});
/** Alert markers (lib/alerts `FiredMarkers`): which notifications were already handled. */
export const alertMarkersItem = storage.defineItem<unknown>('local:alertMarkers', {
  fallback: {},
  version: 1,
});
/**
 * Finished tickets kept for compliance after the registry lets them go, and history read from the
 * helpdesk (lib/compliance/archive.ts; read through `readArchive` in lib/background/registry-store.ts).
 */
export const complianceArchiveItem = storage.defineItem<unknown>('local:complianceArchive', {
  fallback: null,
  version: 1,
});
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
}

export async function readConfig(): Promise<Read<Config>> {
  return validateStored('config', await configItem.getValue(), ConfigSchemaV2, EMPTY_CONFIG);
}
export async function readPreferences(): Promise<Read<Preferences>> {
  // Field by field: a bad field falls back to its default (`.catch` in the schema), the rest is kept.
  const raw = await preferencesItem.getValue();
  return validateStored(
    'preferences',
    raw && typeof raw === 'object' ? raw : {},
    PreferencesSchema,
    DEFAULT_PREFERENCES,
  );
}
export async function readUiState(): Promise<Read<UiState>> {
  return validateStored('uiState', await uiStateItem.getValue(), UiStateSchema, { collapsed: {}, side: {} });
}
export async function readCredentials(): Promise<Read<Credentials>> {
  return validateStored('credentials', await credentialsItem.getValue(), CredentialsSchema, {});
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
export async function readWatchState(): Promise<Read<WatchState>> {
  const raw = await watchStateItem.getValue();
  return validateStored(
    'watchState',
    raw && typeof raw === 'object' ? raw : {},
    WatchStateSchema,
    DEFAULT_WATCH_STATE,
  );
}
