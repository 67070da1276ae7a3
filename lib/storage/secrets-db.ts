/**
 * The credential store's database (`sla-secrets`, see lib/storage/secrets.ts): opening, schema
 * versions and deletion. No WXT imports, so the unit-test setup can empty it (tests/unit/setup-store.ts).
 *
 * Schema versions: v1: `credentials` (out-of-line key: the host), `meta` (`aes`, `migrated`).
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { databaseOpener } from './idb-open';

export const SECRETS_DB = 'sla-secrets';
export const SECRETS_DB_VERSION = 1;

/** A stored credential: the JSON of the value, encrypted (or, without WebCrypto, as it is). */
export type SecretRecord =
  { v: 1; iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } | { v: 0; plain: unknown };

export interface SecretsDB extends DBSchema {
  /** Out-of-line key: the host name (as it was stored, even when it is not a valid one). */
  credentials: { key: string; value: SecretRecord };
  /** `aes`: the CryptoKey; `migrated`: epoch ms the storage.local value was copied in. */
  meta: { key: string; value: unknown };
}

export type SecretsDatabase = IDBPDatabase<SecretsDB>;
type Db = SecretsDatabase;

const opener = databaseOpener<SecretsDB>(
  SECRETS_DB,
  SECRETS_DB_VERSION,
  (db, oldVersion) => {
    if (oldVersion < 1) {
      db.createObjectStore('credentials');
      db.createObjectStore('meta');
    }
  },
  'the credential store',
);

export function openSecrets(): Promise<Db> {
  return opener.open();
}

/** Closes and deletes the database (tests). */
export function deleteSecrets(): Promise<void> {
  return opener.remove();
}
