/**
 * The TOPdesk application passwords, in the extension origin's IndexedDB (`sla-secrets`), encrypted
 * with a non-extractable AES-GCM key kept in the same database.
 *
 * Why here and not in `storage.local` (security review #2, issue 19): a content script may use
 * `storage.local`, and only Chromium can close it (`setAccessLevel`, lib/background/storage-access.ts);
 * Firefox cannot. IndexedDB is per origin: a content script's `indexedDB` is the helpdesk page's, so
 * neither the page nor a content script in it can open this database (tests/e2e/isolation.spec.ts,
 * tests/firefox/smoke.spec.ts). Only the extension's own pages and worker can.
 *
 * Why a database of its own and not a store in `sla-store` (lib/storage/db.ts): its schema versions
 * are independent of the ticket store's, and deleting or rebuilding the ticket store (clearing
 * history, a failed upgrade) never touches the passwords.
 *
 * What the encryption does and does not protect: the password bytes on disk (the profile's IndexedDB
 * files, a backup or a copied profile read with a text tool) are ciphertext, and code in the extension
 * cannot export the key (`extractable: false`). It does NOT protect against someone with the whole
 * profile: the browser serialises the key into the same database, so a copied profile opened in a
 * browser, or code running in the extension's own origin, can still decrypt. Each record is bound to
 * its host (AES-GCM additional data), so a record copied under another host does not decrypt.
 *
 * Element by element, as every stored value (lib/storage/validated.ts): one record per host; a record
 * that cannot be decrypted or validated stays where it is, untouched (writes are per record, so no
 * write drops it), and is reported — with the password hidden — until an admin deletes it.
 *
 * Migration: `storage.local` `credentials` (versions before this one) is copied in once, in one
 * transaction that also sets the `migrated` marker; records already here are not overwritten; the old
 * key is removed only after that transaction committed. After the marker, a `credentials` value that
 * appears in `storage.local` again is not trusted (in Firefox a content script can write it): it is
 * removed, never used.
 */
import { storage } from 'wxt/utils/storage';
import { CredentialSchema, HostName, type Credentials } from './schemas';
import { quarantined, type QuarantinedElement } from './validated';
import type { Read } from './items';
import { openSecrets as open, type SecretRecord, type SecretsDatabase as Db } from './secrets-db';

export { deleteSecrets, SECRETS_DB, SECRETS_DB_VERSION } from './secrets-db';

/** The `storage.local` key older versions kept the passwords under (and WXT's meta key beside it). */
export const LEGACY_CREDENTIALS_KEY = 'credentials';

// ---------------------------------------------------------------------------------------------
// Encryption

const subtle = (): SubtleCrypto | undefined => globalThis.crypto?.subtle;

/** The database's AES-GCM key, made (non-extractable) on first use; null without WebCrypto. */
async function aesKey(db: Db): Promise<CryptoKey | null> {
  const have = await db.get('meta', 'aes');
  if (have instanceof CryptoKey) return have;
  const s = subtle();
  if (!s) return null;
  const made = await s.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Two contexts may race: the first key written wins, the other is thrown away.
  const tx = db.transaction('meta', 'readwrite');
  const existing = await tx.store.get('aes');
  if (!(existing instanceof CryptoKey)) await tx.store.put(made, 'aes');
  await tx.done;
  return existing instanceof CryptoKey ? existing : made;
}

const encoder = new TextEncoder();

async function seal(key: CryptoKey | null, host: string, value: unknown): Promise<SecretRecord> {
  if (!key) return { v: 0, plain: value };
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(host) },
    key,
    encoder.encode(JSON.stringify(value) ?? 'null'),
  );
  return { v: 1, iv, data };
}

class Unreadable extends Error {}

async function unseal(key: CryptoKey | null, host: string, record: unknown): Promise<unknown> {
  const r = record as Partial<{
    v: number;
    iv: Uint8Array<ArrayBuffer>;
    data: ArrayBuffer;
    plain: unknown;
  }> | null;
  if (r && typeof r === 'object' && r.v === 0 && Object.hasOwn(r, 'plain')) return r.plain;
  if (!r || typeof r !== 'object' || r.v !== 1 || !ArrayBuffer.isView(r.iv) || typeof r.data !== 'object')
    throw new Unreadable('not a stored credential record');
  if (!key) throw new Unreadable('encrypted, but no key is available');
  let text: string;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: r.iv, additionalData: encoder.encode(host) },
      key,
      r.data,
    );
    text = new TextDecoder().decode(plain);
  } catch {
    throw new Unreadable('cannot be decrypted (key lost, or the record belongs to another host)');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Unreadable('decrypted, but not JSON');
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A quarantined element's view of a credential: everything but the password. */
export function redact(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !Array.isArray(raw))
    return Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, k === 'password' ? '(hidden)' : v]),
    );
  return raw === undefined || raw === null || typeof raw === 'boolean' || typeof raw === 'number'
    ? raw
    : '(hidden)';
}

/** One stored entry, validated: the credential, or what is wrong with it (password hidden). Pure. */
export function checkCredential(
  host: string,
  value: unknown,
): { ok: true; host: string; value: Credentials[string] } | { ok: false; element: QuarantinedElement } {
  const name = HostName.safeParse(host);
  const parsed = CredentialSchema.safeParse(value);
  if (name.success && name.data === host && parsed.success && host !== '__proto__')
    return { ok: true, host, value: parsed.data };
  const message =
    !name.success || name.data !== host
      ? `${host}: the key ${JSON.stringify(host)} is not a valid host name`
      : `${host}: ${parsed.error?.issues[0]?.path.join('.') || 'value'}: ${parsed.error?.issues[0]?.message ?? 'invalid'}`;
  return { ok: false, element: quarantined('credentials', host, redact(value), message) };
}

function problemOf(found: QuarantinedElement[]): Read<Credentials>['problem'] {
  return found.length
    ? {
        key: 'credentials',
        message: `stored credentials: ${found.length} entry(ies) could not be read and were kept aside (${found
          .map((q) => q.path)
          .join(', ')})`,
      }
    : undefined;
}

/**
 * Every stored credential host by host (after moving an old `storage.local` value in, once). An entry
 * that cannot be read is reported in `quarantined` (password hidden) and stays stored as it is.
 */
export async function readStoredCredentials(): Promise<Read<Credentials>> {
  await migrateLegacyCredentials();
  const db = await open();
  const key = await aesKey(db);
  const tx = db.transaction('credentials');
  const [hosts, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  const value: Credentials = {};
  const found: QuarantinedElement[] = [];
  for (let i = 0; i < hosts.length; i++) {
    const host = String(hosts[i]);
    let plain: unknown;
    try {
      plain = await unseal(key, host, records[i]);
    } catch (e) {
      found.push(quarantined('credentials', host, '(encrypted)', `${host}: ${(e as Error).message}`));
      continue;
    }
    const c = checkCredential(host, plain);
    if (c.ok) value[c.host] = c.value;
    else found.push(c.element);
  }
  const problem = problemOf(found);
  return { value, quarantined: found, ...(problem ? { problem } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Writing (one record per call)

export async function putCredential(host: string, credential: Credentials[string]): Promise<void> {
  const checked = checkCredential(host, credential);
  if (!checked.ok) throw new Error(checked.element.message);
  const db = await open();
  const record = await seal(await aesKey(db), host, checked.value);
  await db.put('credentials', record, host);
}

/** Deletes the record stored under `host` (a valid host or a quarantined entry's key). */
export async function deleteCredential(host: string): Promise<void> {
  const db = await open();
  await db.delete('credentials', host);
}

// ---------------------------------------------------------------------------------------------
// Migration from storage.local

export interface CredentialMigration {
  /** Entries copied in now (readable or not: all are kept). */
  copied: number;
  /** Entries already here (not overwritten). */
  kept: number;
  /** The old `storage.local` key was removed. */
  removedLegacy: boolean;
}

/** Quarantine records of credentials older builds kept in storage.local (with the password in `raw`). */
async function legacyQuarantined(): Promise<Array<{ id: string; path: string; raw: unknown }>> {
  const q = (await storage.getItem<Record<string, unknown>>('local:quarantine')) ?? {};
  if (!q || typeof q !== 'object') return [];
  return Object.entries(q)
    .map(([id, v]) => ({ id, v: v as { key?: unknown; path?: unknown; raw?: unknown } }))
    .filter(({ v }) => v && typeof v === 'object' && v.key === 'credentials' && typeof v.path === 'string')
    .map(({ id, v }) => ({ id, path: v.path as string, raw: v.raw }));
}

/**
 * Moves `storage.local` `credentials` into this database (idempotent; see the file comment). Entries
 * the old quarantine held for `credentials` move too (under their path, or `path#id` when that is
 * taken), so no password stays readable in `storage.local`.
 */
export async function migrateLegacyCredentials(): Promise<CredentialMigration> {
  const report: CredentialMigration = { copied: 0, kept: 0, removedLegacy: false };
  const legacy = await storage.getItem<unknown>(`local:${LEGACY_CREDENTIALS_KEY}`);
  const oldQuarantine = await legacyQuarantined();
  if (legacy === null && oldQuarantine.length === 0) return report;
  const db = await open();
  const migrated = await db.get('meta', 'migrated');
  if (migrated === undefined) {
    const entries: Array<[string, unknown]> =
      legacy && typeof legacy === 'object' && !Array.isArray(legacy)
        ? Object.entries(legacy as Record<string, unknown>)
        : legacy === null
          ? []
          : [['(root)', legacy]];
    const taken = new Set(entries.map(([k]) => k));
    for (const q of oldQuarantine) {
      const at = taken.has(q.path) ? `${q.path}#${q.id}` : q.path;
      taken.add(at);
      entries.push([at, q.raw]);
    }
    const key = await aesKey(db);
    // Encrypt first: an await on WebCrypto inside the transaction would let it commit early.
    const sealed = await Promise.all(
      entries.map(async ([host, v]) => [host, await seal(key, host, v)] as const),
    );
    const tx = db.transaction(['credentials', 'meta'], 'readwrite');
    const store = tx.objectStore('credentials');
    for (const [host, record] of sealed) {
      if ((await store.getKey(host)) !== undefined) report.kept++;
      else {
        await store.put(record, host);
        report.copied++;
      }
    }
    await tx.objectStore('meta').put(Date.now(), 'migrated');
    await tx.done;
  } else if (legacy !== null) {
    console.warn(
      'storage.local held credentials again after they moved to the credential store; not used, removed',
    );
  }
  // Only now, with the copy committed (or the marker already there), the old values go.
  await storage.removeItem(`local:${LEGACY_CREDENTIALS_KEY}`, { removeMeta: true });
  if (oldQuarantine.length) {
    const q = (await storage.getItem<Record<string, unknown>>('local:quarantine')) ?? {};
    const next = { ...q };
    for (const o of oldQuarantine) delete next[o.id];
    await storage.setItem('local:quarantine', next);
  }
  report.removedLegacy = true;
  return report;
}
