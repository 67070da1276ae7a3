/**
 * Issue 19 finding 1: one unreadable element of a stored value must never empty the whole value, and
 * the next ordinary write must never make such a loss permanent. Each test reproduces a loss the
 * review observed (security-review.md #1) against the code before this change.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import mextraSeed from '../../policies/mextra.json' with { type: 'json' };
import { saveAssignment } from './assignments';
import { buildOptionsModel } from './options';
import { deleteQuarantined, savePreferences } from './preferences';
import { saveCredentials } from './self-hosted';
import { loadState } from './state';
import { popupModel } from './popup';
import { readCredentials } from '../storage/items';

const imported = { ...mextraSeed, id: 'acme', name: 'Acme' };
const storedConfig = {
  version: 2,
  policies: { acme: { json: imported, importedAt: '2026-01-01T00:00:00Z', source: 'acme.json' } },
  disabledBuiltins: ['zmanda'],
  assignments: [
    { host: 'alpha.zendesk.com', helpdesk: 'zendesk', policyId: 'acme' },
    { host: 'beta.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
    // What a newer version could write: a helpdesk this version does not know.
    { host: 'fresh.example.com', helpdesk: 'freshdesk', policyId: 'acme' },
  ],
  selfHosted: [{ host: 'td.example.nl', helpdesk: 'topdesk' }],
};

const local = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
const quarantine = async (key = 'config') =>
  (
    Object.values((await local('quarantine')) ?? {}) as Array<{ key: string; path: string; raw: unknown }>
  ).filter((q) => q.key === key);

describe('stored values read element by element', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ config: storedConfig, config$: { v: 2 } });
  });

  it('keeps the imported policy, the other assignments, the disabled built-in and the host when one new assignment is saved', async () => {
    expect(
      await saveAssignment({ host: 'gamma.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }),
    ).toEqual({
      ok: true,
    });
    const config = (await local('config')) as typeof storedConfig;
    expect(Object.keys(config.policies)).toEqual(['acme']);
    expect(config.assignments.map((a) => a.host)).toEqual([
      'alpha.zendesk.com',
      'beta.zendesk.com',
      'gamma.zendesk.com',
    ]);
    expect(config.disabledBuiltins).toEqual(['zmanda']);
    expect(config.selfHosted).toEqual([{ host: 'td.example.nl', helpdesk: 'topdesk' }]);
    // The element it could not read is kept verbatim, with where it was.
    expect(await quarantine()).toMatchObject([{ path: 'assignments.2', raw: storedConfig.assignments[2] }]);
  });

  it('reports the unreadable element in Options with its JSON path, and deletes it when asked', async () => {
    const model = await buildOptionsModel();
    expect(model.quarantine).toHaveLength(1);
    expect(model.quarantine[0]).toMatchObject({ key: 'config', path: 'assignments.2' });
    expect(model.quarantine[0]!.message).toMatch(/^assignments\.2\.helpdesk: /);
    expect(await deleteQuarantined(model.quarantine[0]!.id)).toEqual({ ok: true });
    expect(await quarantine()).toEqual([]);
    expect(((await local('config')) as typeof storedConfig).assignments).toHaveLength(2);
    expect((await buildOptionsModel()).quarantine).toEqual([]);
  });

  it('keeps the other application passwords when one is saved beside a key that is not a host name', async () => {
    await fakeBrowser.storage.local.set({
      credentials: {
        'Legacy Host': { username: 'old', password: 'x' },
        'a.topdesk.net': { username: 'api', password: 'A' },
        'b.topdesk.net': { username: 'api', password: 'B' },
      },
    });
    expect(await saveCredentials('new.topdesk.net', 'api', 'N')).toEqual({ ok: true });
    // All moved into the credential store (lib/storage/secrets.ts): nothing left in storage.local.
    expect(await local('credentials')).toBeUndefined();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/"password"/);
    const stored = await readCredentials();
    expect(Object.keys(stored.value).sort()).toEqual(['a.topdesk.net', 'b.topdesk.net', 'new.topdesk.net']);
    // The unreadable one is kept (in the credential store) and shown in Options, password hidden.
    expect(stored.quarantined).toMatchObject([
      { path: 'Legacy Host', raw: { username: 'old', password: '(hidden)' } },
    ]);
    const model = await buildOptionsModel();
    const entry = model.quarantine.find((q) => q.key === 'credentials')!;
    expect(entry).toMatchObject({ path: 'Legacy Host' });
    expect(JSON.stringify(model.quarantine)).not.toContain('"x"');
    // Deleting it in Options deletes that record only.
    expect(await deleteQuarantined(entry.id)).toEqual({ ok: true });
    expect((await readCredentials()).quarantined).toEqual([]);
    expect(Object.keys((await readCredentials()).value)).toHaveLength(3);
  });

  it('keeps a bad preference value aside instead of writing the default over it', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { language: 'nl', atRiskPercent: 'lots', futureSetting: 7 },
    });
    expect(await savePreferences({ notifications: false })).toEqual({ ok: true });
    expect(await local('preferences')).toMatchObject({
      language: 'nl',
      atRiskPercent: 25,
      notifications: false,
    });
    expect((await quarantine('preferences')).map((q) => [q.path, q.raw])).toEqual([
      ['atRiskPercent', 'lots'],
      ['futureSetting', 7],
    ]);
  });

  it('uses a configuration from a newer version read-only and refuses to write over it', async () => {
    const newer = { ...storedConfig, version: 3, somethingNew: { a: 1 } };
    await fakeBrowser.storage.local.set({ config: newer, config$: { v: 3 } });
    const state = await loadState();
    expect(state.config.assignments.map((a) => a.host)).toEqual(['alpha.zendesk.com', 'beta.zendesk.com']);
    const r = await saveAssignment({ host: 'gamma.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' });
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer version.*nothing was changed/),
    });
    expect(await local('config')).toEqual(newer);
    expect((await buildOptionsModel()).readOnly).toMatch(/newer version/);
  });

  it('tells the popup the configuration could not be read, instead of "no policy assigned yet"', async () => {
    await fakeBrowser.storage.local.set({
      config: { version: 2, policies: 'oops', assignments: 'also bad' },
    });
    const model = await popupModel();
    expect(model.hasAssignments).toBe(false);
    expect(model.configUnreadable).toBe(true);
  });
});
