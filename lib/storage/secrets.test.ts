/**
 * The credential store (issue 19 #2): application passwords in the extension origin's IndexedDB,
 * encrypted, moved once out of storage.local, and read host by host.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteCredential, migrateLegacyCredentials, putCredential, readStoredCredentials } from './secrets';
import { openSecrets, type SecretRecord } from './secrets-db';

const local = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

/** The records as the database holds them (what a copied profile would show). */
async function rawRecords(): Promise<Record<string, unknown>> {
  const db = await openSecrets();
  const keys = await db.getAllKeys('credentials');
  const values = await db.getAll('credentials');
  return Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
}

describe('the credential store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps passwords out of storage.local, encrypted with a key that cannot be exported', async () => {
    await putCredential('acme.topdesk.net', { username: 'api', password: 'S3cret!' });
    expect((await readStoredCredentials()).value).toEqual({
      'acme.topdesk.net': { username: 'api', password: 'S3cret!' },
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('S3cret!');
    const record = (await rawRecords())['acme.topdesk.net'] as { v: number; data: ArrayBuffer };
    expect(record.v).toBe(1);
    expect(Buffer.from(record.data).toString('latin1')).not.toContain('S3cret!');
    const key = (await (await openSecrets()).get('meta', 'aes')) as CryptoKey;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('does not decrypt a record copied under another host (bound to its host)', async () => {
    await putCredential('acme.topdesk.net', { username: 'api', password: 'S3cret!' });
    const record = (await rawRecords())['acme.topdesk.net'] as SecretRecord;
    await (await openSecrets()).put('credentials', record!, 'evil.topdesk.net');
    const r = await readStoredCredentials();
    expect(Object.keys(r.value)).toEqual(['acme.topdesk.net']);
    expect(r.quarantined).toMatchObject([{ path: 'evil.topdesk.net', raw: '(encrypted)' }]);
    expect(r.quarantined[0]!.message).toMatch(/cannot be decrypted/);
  });

  it('refuses to store a credential under something that is not a host name', async () => {
    await expect(putCredential('Legacy Host', { username: 'a', password: 'b' })).rejects.toThrow(/host name/);
    expect(await rawRecords()).toEqual({});
  });

  it('deletes one host’s record and no other', async () => {
    await putCredential('a.topdesk.net', { username: 'api', password: 'A' });
    await putCredential('b.topdesk.net', { username: 'api', password: 'B' });
    await deleteCredential('a.topdesk.net');
    expect(Object.keys((await readStoredCredentials()).value)).toEqual(['b.topdesk.net']);
  });
});

describe('moving the passwords out of storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  const legacy = {
    'a.topdesk.net': { username: 'api', password: 'A' },
    'Legacy Host': { username: 'old', password: 'x' },
    'b.topdesk.net': { username: '', password: 'B' },
  };

  it('copies every entry, readable or not, then removes the old key', async () => {
    await fakeBrowser.storage.local.set({ credentials: legacy, credentials$: { v: 1 } });
    expect(await migrateLegacyCredentials()).toEqual({ copied: 3, kept: 0, removedLegacy: true });
    expect(await local('credentials')).toBeUndefined();
    expect(await local('credentials$')).toBeUndefined();
    const r = await readStoredCredentials();
    expect(r.value).toEqual({ 'a.topdesk.net': { username: 'api', password: 'A' } });
    // The unreadable ones stay stored and are reported, with the password hidden.
    expect(r.quarantined.map((q) => q.path).sort()).toEqual(['Legacy Host', 'b.topdesk.net']);
    expect(JSON.stringify(r.quarantined)).not.toMatch(/"x"|"B"/);
    expect(r.quarantined.find((q) => q.path === 'Legacy Host')!.raw).toEqual({
      username: 'old',
      password: '(hidden)',
    });
    expect(r.problem?.message).toMatch(/2 entry\(ies\) could not be read/);
  });

  it('is idempotent and never overwrites a record the store already holds', async () => {
    await putCredential('a.topdesk.net', { username: 'new', password: 'NEW' });
    await fakeBrowser.storage.local.set({ credentials: legacy });
    expect(await migrateLegacyCredentials()).toMatchObject({ copied: 2, kept: 1 });
    expect(await migrateLegacyCredentials()).toEqual({ copied: 0, kept: 0, removedLegacy: false });
    expect((await readStoredCredentials()).value['a.topdesk.net']).toEqual({
      username: 'new',
      password: 'NEW',
    });
  });

  it('keeps the old key when the copy did not commit, and finishes at the next read', async () => {
    await fakeBrowser.storage.local.set({ credentials: legacy });
    // The worker stops before the copy's transaction commits.
    const original = IDBDatabase.prototype.transaction;
    const tx = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      if (Array.isArray(args[0]) && args[0].includes('credentials') && args[1] === 'readwrite')
        throw new Error('worker stopped');
      return original.apply(this, args);
    });
    await expect(migrateLegacyCredentials()).rejects.toThrow('worker stopped');
    tx.mockRestore();
    expect(await local('credentials')).toEqual(legacy);
    expect((await readStoredCredentials()).value).toEqual({
      'a.topdesk.net': { username: 'api', password: 'A' },
    });
    expect(await local('credentials')).toBeUndefined();
  });

  it('moves the passwords an older build kept in the storage.local quarantine', async () => {
    await fakeBrowser.storage.local.set({
      credentials: { 'a.topdesk.net': { username: 'api', password: 'A' } },
      quarantine: {
        'credentials:Legacy Host:abc': {
          id: 'credentials:Legacy Host:abc',
          key: 'credentials',
          path: 'Legacy Host',
          message: 'Legacy Host: not a host',
          raw: { username: 'old', password: 'x' },
          at: 1,
        },
        'config:assignments.2:def': {
          id: 'config:assignments.2:def',
          key: 'config',
          path: 'assignments.2',
          message: 'm',
          raw: 1,
          at: 1,
        },
      },
    });
    await migrateLegacyCredentials();
    expect(Object.keys((await local('quarantine')) as object)).toEqual(['config:assignments.2:def']);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('"x"');
    expect((await readStoredCredentials()).quarantined.map((q) => q.path)).toEqual(['Legacy Host']);
  });

  it('after the move, does not trust credentials that appear in storage.local again (a Firefox content script can write there)', async () => {
    await fakeBrowser.storage.local.set({
      credentials: { 'a.topdesk.net': { username: 'api', password: 'A' } },
    });
    await readStoredCredentials();
    await fakeBrowser.storage.local.set({
      credentials: {
        'a.topdesk.net': { username: 'forged', password: 'F' },
        'c.topdesk.net': { username: 'f', password: 'F' },
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await readStoredCredentials()).value).toEqual({
      'a.topdesk.net': { username: 'api', password: 'A' },
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(await local('credentials')).toBeUndefined();
  });
});
