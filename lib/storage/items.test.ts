import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import v1 from '../../tests/fixtures/storage/config-v1.json';
import { configItem, readConfig, readPreferences, preferencesItem, readCredentials } from './items';

describe('stored configuration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates a v1 configuration to v2, keeping policies and turning the host map into assignments', async () => {
    await fakeBrowser.storage.local.set({ config: v1, config$: { v: 1 } });
    await configItem.migrate();
    const { value, problem } = await readConfig();
    expect(problem).toBeUndefined();
    expect(value.version).toBe(2);
    expect(Object.keys(value.policies)).toEqual(['mextra-2025']);
    expect(value.disabledBuiltins).toEqual(['zmanda']);
    expect(value.assignments).toEqual([
      { host: 'mextra.zendesk.com', policyId: 'mextra-2025', helpdesk: 'zendesk' },
      { host: 'scope4mation.topdesk.net', policyId: 'scope4mation', helpdesk: 'topdesk' },
    ]);
  });

  it('keeps the readable parts of a configuration and takes out only the broken field, with its path', async () => {
    await fakeBrowser.storage.local.set({
      config: {
        version: 2,
        policies: 'oops',
        assignments: [{ host: 'a.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
      },
      config$: { v: 2 },
    });
    const { value, problem, quarantined } = await readConfig();
    expect(value.assignments).toEqual([{ host: 'a.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }]);
    expect(quarantined).toMatchObject([{ key: 'config', path: 'policies', raw: 'oops' }]);
    expect(problem?.message).toMatch(/policies: expected an object/);
  });

  it('keeps the valid preferences and defaults only the corrupted field', async () => {
    await preferencesItem.setValue({
      language: 'nl',
      atRiskPercent: 'lots',
      notifications: false,
      sidebarSide: 'left',
    });
    const { value } = await readPreferences();
    expect(value).toEqual({
      language: 'nl',
      atRiskPercent: 25,
      notifications: false,
      sidebarSide: 'left',
      finishedRetentionDays: 400,
      watchMinutes: 2, // absent: the default
    });
  });

  it('takes out credentials stored under something that is not a host name, keeping the others', async () => {
    await fakeBrowser.storage.local.set({
      credentials: {
        'not a host': { username: 'a', password: 'b' },
        'x.topdesk.net': { username: 'api', password: 'c' },
      },
    });
    const { value, problem, quarantined } = await readCredentials();
    expect(value).toEqual({ 'x.topdesk.net': { username: 'api', password: 'c' } });
    expect(problem?.key).toBe('credentials');
    expect(quarantined.map((q) => q.path)).toEqual(['not a host']);
  });
});

describe('stored watch state (issue 12: validated host by host)', () => {
  it('drops one bad host entry and keeps the others and the rest of the state', async () => {
    const { parseWatchState } = await import('./items');
    const good = {
      helpdesk: 'zendesk',
      status: 'auth',
      lastSuccessAt: 1,
      lastAttemptAt: 2,
      failures: 0,
      retryAt: null,
      message: 'signed out',
    };
    const r = parseWatchState({
      lastPollAt: 5,
      pollStartedAt: null,
      jitter: 1.05,
      hosts: { 'mextra.zendesk.com': good, 'membro.zendesk.com': { ...good, status: 'asleep' } },
    });
    expect(r.value).toEqual({
      lastPollAt: 5,
      pollStartedAt: null,
      jitter: 1.05,
      hosts: { 'mextra.zendesk.com': good },
    });
    expect(r.quarantined.map((q) => q.path)).toEqual(['hosts.membro.zendesk.com']);
    expect(r.problem?.message).toMatch(/hosts\.membro\.zendesk\.com\.status/);
    expect(parseWatchState(undefined).value.hosts).toEqual({});
    expect(parseWatchState({ hosts: 'nonsense', lastPollAt: 3 }).value).toMatchObject({
      lastPollAt: 3,
      hosts: {},
    });
  });
});
