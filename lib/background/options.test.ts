import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import mextraSeed from '../../policies/mextra.json' with { type: 'json' };
import { RequestSchema } from '../messaging/protocol';
import { createRouter, type Reply } from '../messaging/router';
import type { ImportPlan } from '../config/importPolicy';
import { configItem, preferencesItem, readConfig, readCredentials } from '../storage/items';
import { EMPTY_CONFIG } from '../storage/schemas';
import { allowed, handle } from './handlers';
import { removeAssignment, saveAssignment } from './assignments';
import { buildOptionsModel } from './options';
import { confirmImport, duplicatePolicy, previewImport, removePolicy, setDisabled } from './policies';
import { savePreferences } from './preferences';
import { addHost, clearCredentials, removeHost, saveCredentials } from './self-hosted';
import { confirmTeam, exportTeam, previewTeam } from './team';
import { loadState } from './state';

const BROKEN = path.resolve(import.meta.dirname, '../../tests/fixtures/policies-broken');
const NOW = Date.parse('2026-02-10T10:00:00Z');

/** Mextra with urgent incident resolution due in 5 instead of 6 business hours. */
function editedMextra(): Record<string, unknown> {
  const p = JSON.parse(JSON.stringify(mextraSeed)) as {
    targets: { incident: { standard: { urgent: { resolution: { due: { amount: number } } } } } };
  };
  p.targets.incident.standard.urgent.resolution.due.amount = 5;
  return p as unknown as Record<string, unknown>;
}

/** Everything in local storage, as text: "byte-identical" means this string is unchanged. */
async function localBytes(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

function urgentDue(json: unknown): number {
  return (
    json as { targets: { incident: { standard: { urgent: { resolution: { due: { amount: number } } } } } } }
  ).targets.incident.standard.urgent.resolution.due.amount;
}

const granted = new Set<string>();
const registered = new Map<string, { id: string; matches: string[]; js: string[] }>();

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  granted.clear();
  registered.clear();
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn((p: { origins?: string[] }) =>
      Promise.resolve((p.origins ?? []).every((o) => granted.has(o))),
    ),
    remove: vi.fn((p: { origins?: string[] }) => {
      for (const o of p.origins ?? []) granted.delete(o);
      return Promise.resolve(true);
    }),
  });
  Object.assign(fakeBrowser.scripting, {
    registerContentScripts: vi.fn((scripts: Array<{ id: string; matches: string[]; js: string[] }>) => {
      for (const s of scripts) {
        if (registered.has(s.id)) return Promise.reject(new Error(`Duplicate script ID '${s.id}'`));
        registered.set(s.id, s);
      }
      return Promise.resolve();
    }),
    unregisterContentScripts: vi.fn((f?: { ids?: string[] }) => {
      for (const id of f?.ids ?? [...registered.keys()]) registered.delete(id);
      return Promise.resolve();
    }),
    getRegisteredContentScripts: vi.fn((f?: { ids?: string[] }) =>
      Promise.resolve([...registered.values()].filter((s) => !f?.ids || f.ids.includes(s.id))),
    ),
  });
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en-GB' });
  await configItem.setValue(EMPTY_CONFIG);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the options model', () => {
  it('lists the five built-ins with their holidays and the stored assignment, in the UI language', async () => {
    await configItem.setValue({
      ...EMPTY_CONFIG,
      assignments: [{ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
    });
    const model = await buildOptionsModel(NOW);
    expect(model.language).toBe('en');
    expect(model.policies.map((p) => [p.id, p.origin])).toEqual([
      ['workspace365', 'builtin'],
      ['mextra', 'builtin'],
      ['scope4mation', 'builtin'],
      ['membro', 'builtin'],
      ['zmanda', 'builtin'],
    ]);
    const mextra = model.policies.find((p) => p.id === 'mextra')!;
    expect(mextra.policy).not.toBeNull();
    expect(mextra.assignedHosts).toEqual(['mextra.zendesk.com']);
    expect(mextra.holidays.some((h) => h.name.en === "King's Day" || h.date === '2026-04-27')).toBe(true);
    expect(model.today).toBe('2026-02-10');
    expect(model.storageProblems).toEqual([]);
    expect(model.managed).toEqual({ active: false, problems: [] });
  });

  it('reports a corrupted stored value instead of failing', async () => {
    await fakeBrowser.storage.local.set({ config: { version: 2, policies: 'oops' } });
    const model = await buildOptionsModel(NOW);
    expect(model.storageProblems.join('\n')).toMatch(/policies: expected an object/);
    expect(model.quarantine).toMatchObject([{ key: 'config', path: 'policies', raw: '"oops"' }]);
    expect(model.policies).toHaveLength(5);
  });

  it('shows managed items locked with their source and reports bad managed items', async () => {
    await fakeBrowser.storage.managed.set({
      policies: [JSON.stringify(editedMextra())],
      assignments: [{ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
      preferences: { atRiskPercent: 300, language: 'nl' },
    });
    const model = await buildOptionsModel(NOW);
    const mextra = model.policies.find((p) => p.id === 'mextra')!;
    expect(mextra).toMatchObject({ origin: 'managed', locked: 'managed', overridesBuiltin: true });
    expect(model.assignments[0]).toMatchObject({ host: 'mextra.zendesk.com', locked: 'managed' });
    expect(model.lockedPreferences).toEqual({ language: 'managed' });
    expect(model.language).toBe('nl');
    expect(model.managed.active).toBe(true);
    expect(model.managed.problems.map((p) => p.path)).toEqual(['preferences.atRiskPercent']);
  });
});

describe('policy import', () => {
  it('lists every error of an invalid file by path and stores nothing', async () => {
    const before = await localBytes();
    const text = readFileSync(path.join(BROKEN, 'unknown-priority-in-target.json'), 'utf8');
    const r = await previewImport({ kind: 'text', text, source: 'broken.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual(
      expect.objectContaining({ code: 'schema', path: 'targets.incident.standard.P9' }),
    );
    expect(await localBytes()).toBe(before);
  });

  it('gives line and column for a syntax error', async () => {
    const text = readFileSync(path.join(BROKEN, 'syntax-double-comma.json.txt'), 'utf8');
    const r = await previewImport({ kind: 'text', text, source: 'broken.json' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        code: 'syntax',
        line: expect.any(Number),
        column: expect.any(Number),
      });
  });

  it('previews the changed target of an edited Mextra, then activates it in one write', async () => {
    const plan = await previewImport({
      kind: 'text',
      text: JSON.stringify(editedMextra(), null, 2),
      source: 'mextra.json',
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan).toMatchObject({ id: 'mextra', isNew: false, replacesBuiltin: true });
    const targets = plan.diff.groups.find((g) => g.section === 'targets');
    expect(targets?.changes).toHaveLength(1);
    expect(targets?.changes[0]).toMatchObject({ kind: 'changed' });
    expect(`${targets?.changes[0]?.before} → ${targets?.changes[0]?.after}`).toMatch(/6.*→.*5/);
    // Nothing stored by the preview.
    expect((await readConfig()).value.policies).toEqual({});

    const setItem = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await confirmImport(plan)).toEqual({ ok: true });
    expect(setItem).toHaveBeenCalledTimes(1);
    const stored = (await readConfig()).value.policies.mextra;
    expect(stored?.source).toBe('mextra.json');
    expect(urgentDue(stored?.json)).toBe(5);
    const state = await loadState();
    expect(state.policies.get('mextra')?.targets.incident?.standard?.urgent?.resolution?.due).toMatchObject({
      amount: 5,
    });
  });

  it('refuses a confirmed plan whose JSON no longer validates, leaving storage byte-identical', async () => {
    const plan = (await previewImport({
      kind: 'text',
      text: JSON.stringify(editedMextra()),
      source: 'x',
    })) as ImportPlan;
    const before = await localBytes();
    const tampered = { ...plan, json: { ...(plan.json as object), timezone: 'Mars/Olympus' } };
    const r = await confirmImport(tampered);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.[0]?.path).toBe('timezone');
    expect(await localBytes()).toBe(before);
  });

  it('refuses a stale plan (the policy changed after the preview) without writing', async () => {
    const plan = (await previewImport({
      kind: 'text',
      text: JSON.stringify(editedMextra()),
      source: 'a',
    })) as ImportPlan;
    const other = editedMextra();
    (other as { name: string }).name = 'Mextra (edited in another tab)';
    const plan2 = (await previewImport({
      kind: 'text',
      text: JSON.stringify(other),
      source: 'b',
    })) as ImportPlan;
    expect(await confirmImport(plan2)).toEqual({ ok: true });
    const before = await localBytes();
    const r = await confirmImport(plan);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/changed after the preview/) });
    expect(await localBytes()).toBe(before);
  });

  it('leaves storage byte-identical when the write itself fails', async () => {
    const plan = (await previewImport({
      kind: 'text',
      text: JSON.stringify(editedMextra()),
      source: 'a',
    })) as ImportPlan;
    const before = await localBytes();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const failed = await confirmImport(plan);
    // In words, with what to do (issue 19 finding 6), not the browser's raw quota message.
    expect(failed).toMatchObject({
      ok: false,
      message: expect.stringMatching(/storage .* is full.*Clear history/),
    });
    expect(await localBytes()).toBe(before);
    // And the next attempt works normally (the write queue is not stuck).
    expect(await confirmImport(plan)).toEqual({ ok: true });
  });

  it('refuses to replace a policy the organisation manages', async () => {
    await fakeBrowser.storage.managed.set({ policies: [JSON.stringify(mextraSeed)] });
    const r = await previewImport({ kind: 'text', text: JSON.stringify(editedMextra()), source: 'a' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe('managed');
    const before = await localBytes();
    const forged = { ok: true as const, id: 'mextra', json: editedMextra(), base: null };
    expect((await confirmImport(forged)).ok).toBe(false);
    expect(await localBytes()).toBe(before);
  });

  it('duplicates a built-in under a free id as an import preview', async () => {
    const r = await duplicatePolicy('mextra');
    expect(r).toMatchObject({ ok: true, id: 'mextra-copy', isNew: true });
    if (!r.ok) return;
    expect(await confirmImport(r)).toEqual({ ok: true });
    expect(await duplicatePolicy('mextra')).toMatchObject({ id: 'mextra-copy-2' });
  });

  it('needs the origin permission before reading a policy URL', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = await previewImport({ kind: 'url', url: 'https://vendor.example/mextra.json' });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'fetch', message: expect.stringMatching(/not granted/) }],
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    granted.add('https://vendor.example/*');
    fetchSpy.mockResolvedValueOnce(new Response(JSON.stringify(editedMextra()), { status: 200 }));
    const ok = await previewImport({ kind: 'url', url: 'https://vendor.example/mextra.json' });
    expect(ok).toMatchObject({ ok: true, id: 'mextra', source: 'https://vendor.example/mextra.json' });
    fetchSpy.mockRestore();
  });

  const redirectedTo = (url: string, body = JSON.stringify(editedMextra())) => {
    const res = new Response(body, { status: 200 });
    Object.defineProperty(res, 'url', { value: url });
    Object.defineProperty(res, 'redirected', { value: true });
    return res;
  };

  it.each([
    ['to plain http', 'http://cdn.zendesk.com/policy.json', /is not https/],
    ['to an origin that was not granted', 'https://other.example/policy.json', /was not granted/],
  ])('refuses a policy URL that redirects %s, and reads nothing', async (_what, target, message) => {
    granted.add('https://vendor.example/*');
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(redirectedTo(target));
    const r = await previewImport({ kind: 'url', url: 'https://vendor.example/p.json' });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'fetch', message: expect.stringMatching(message) }],
    });
    fetchSpy.mockRestore();
  });

  it('records the address a granted https redirect led to as the source', async () => {
    granted.add('https://vendor.example/*');
    granted.add('https://cdn.vendor.example/*');
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(redirectedTo('https://cdn.vendor.example/v2/mextra.json'));
    const r = await previewImport({ kind: 'url', url: 'https://vendor.example/p.json' });
    expect(r).toMatchObject({ ok: true, source: 'https://cdn.vendor.example/v2/mextra.json' });
    fetchSpy.mockRestore();
  });

  it('stops reading a body without Content-Length once it passes the size limit', async () => {
    granted.add('https://vendor.example/*');
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(chunk);
      },
    });
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response(endless, { status: 200 }));
    const r = await previewImport({ kind: 'url', url: 'https://vendor.example/huge.json' });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'too-large', message: expect.stringMatching(/larger than 512 KB/) }],
    });
    // 512 KB in 64 KB chunks: the ninth chunk passes the limit; a few more may be buffered, not thousands.
    expect(pulled).toBeLessThan(20);
    fetchSpy.mockRestore();
  });
});

describe('built-ins and imported policies', () => {
  it('disables and re-enables a built-in; built-ins cannot be removed, imported ones can', async () => {
    expect(await setDisabled('zmanda', true)).toEqual({ ok: true });
    expect((await readConfig()).value.disabledBuiltins).toEqual(['zmanda']);
    expect(await setDisabled('zmanda', false)).toEqual({ ok: true });
    expect((await readConfig()).value.disabledBuiltins).toEqual([]);
    expect(await removePolicy('zmanda')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/disabled, not removed/),
    });
    const plan = (await duplicatePolicy('zmanda')) as ImportPlan;
    await confirmImport(plan);
    expect(await removePolicy('zmanda-copy')).toEqual({ ok: true });
    expect((await readConfig()).value.policies).toEqual({});
  });

  it('refuses to toggle built-ins the organisation controls', async () => {
    await fakeBrowser.storage.managed.set({ disabledBuiltins: ['membro'] });
    const before = await localBytes();
    expect(await setDisabled('membro', false)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/managed/),
    });
    expect(await localBytes()).toBe(before);
  });
});

describe('assignments', () => {
  it('saves an assignment with a valid mapping and renames it with previousHost', async () => {
    const mapping = {
      tier: { from: 'org-tag', prefix: 'sla_' },
      statuses: { 'Waiting on vendor': 'on-hold' },
    };
    expect(
      await saveAssignment({ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra', mapping }),
    ).toEqual({
      ok: true,
    });
    expect(
      await saveAssignment(
        { host: 'mextra2.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
        'mextra.zendesk.com',
      ),
    ).toEqual({ ok: true });
    expect((await readConfig()).value.assignments).toEqual([
      { host: 'mextra2.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
    ]);
    expect(await removeAssignment('mextra2.zendesk.com')).toEqual({ ok: true });
    expect((await readConfig()).value.assignments).toEqual([]);
  });

  it('returns mapping problems by path and stores nothing', async () => {
    const before = await localBytes();
    const r = await saveAssignment({
      host: 'mextra.zendesk.com',
      helpdesk: 'zendesk',
      policyId: 'mextra',
      mapping: { statuses: { Waiting: 'sleeping' }, colour: 'red' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.map((i) => i.path).sort()).toEqual(['mapping', 'mapping.statuses.Waiting']);
    expect(await localBytes()).toBe(before);
  });

  it('refuses unknown policies, a wrong helpdesk for a SaaS host, and managed hosts', async () => {
    expect(
      await saveAssignment({ host: 'a.zendesk.com', helpdesk: 'zendesk', policyId: 'nope' }),
    ).toMatchObject({ ok: false });
    expect(
      await saveAssignment({ host: 'a.zendesk.com', helpdesk: 'topdesk', policyId: 'mextra' }),
    ).toMatchObject({ ok: false });
    await fakeBrowser.storage.managed.set({
      assignments: [{ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
    });
    expect(
      await saveAssignment({ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'zmanda' }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/managed/),
    });
    expect(await removeAssignment('mextra.zendesk.com')).toMatchObject({ ok: false });
    expect((await readConfig()).value.assignments).toEqual([]);
  });
});

describe('self-hosted hosts and credentials', () => {
  it('adds a host only with its permission, registering the helpdesk content script', async () => {
    const before = await localBytes();
    expect(await addHost('helpdesk.example.nl', 'topdesk')).toMatchObject({ ok: false });
    expect(await localBytes()).toBe(before);
    expect(registered.size).toBe(0);

    granted.add('https://helpdesk.example.nl/*');
    expect(await addHost('helpdesk.example.nl', 'topdesk')).toEqual({ ok: true });
    expect((await readConfig()).value.selfHosted).toEqual([
      { host: 'helpdesk.example.nl', helpdesk: 'topdesk' },
    ]);
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        id: 'selfhosted-topdesk-helpdesk.example.nl',
        matches: ['https://helpdesk.example.nl/tas/*'],
        js: ['content-scripts/topdesk.js'],
      }),
    ]);
    // Adding again is idempotent.
    expect(await addHost('helpdesk.example.nl', 'topdesk')).toEqual({ ok: true });
    expect(registered.size).toBe(1);
    const model = await buildOptionsModel(NOW);
    expect(model.hosts).toEqual([
      { host: 'helpdesk.example.nl', helpdesk: 'topdesk', granted: true, hasPassword: false },
    ]);
  });

  it('keeps the password in the background and drops everything on remove', async () => {
    granted.add('https://helpdesk.example.nl/*');
    await addHost('helpdesk.example.nl', 'topdesk');
    expect(await saveCredentials('helpdesk.example.nl', 'sla-reader', 's3cret-app-pw')).toEqual({ ok: true });
    const model = await buildOptionsModel(NOW);
    expect(model.hosts[0]).toMatchObject({ hasPassword: true, username: 'sla-reader' });
    expect(JSON.stringify(model)).not.toContain('s3cret-app-pw');
    expect(JSON.stringify(await exportTeam(NOW))).not.toContain('s3cret-app-pw');

    // Stored in the credential store (IndexedDB), not in storage.local where content scripts reach.
    expect((await readCredentials()).value).toEqual({
      'helpdesk.example.nl': { username: 'sla-reader', password: 's3cret-app-pw' },
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('s3cret-app-pw');

    expect(await removeHost('helpdesk.example.nl')).toEqual({ ok: true });
    expect((await readConfig()).value.selfHosted).toEqual([]);
    expect((await readCredentials()).value).toEqual({});
    expect(registered.size).toBe(0);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({
      origins: ['https://helpdesk.example.nl/*'],
    });
  });

  it('clears credentials on request and refuses hosts it does not know', async () => {
    expect(await saveCredentials('unknown.example.nl', 'u', 'p')).toMatchObject({ ok: false });
    expect(await saveCredentials('mextra.zendesk.com', 'u', 'p')).toMatchObject({
      ok: false,
      message: expect.stringContaining('application passwords are kept only for those'),
    });
    expect(await saveCredentials('scope4mation.topdesk.net', 'u', 'p')).toEqual({ ok: true });
    expect((await readCredentials()).value).toEqual({
      'scope4mation.topdesk.net': { username: 'u', password: 'p' },
    });
    expect(await clearCredentials('scope4mation.topdesk.net')).toEqual({ ok: true });
    expect((await readCredentials()).value).toEqual({});
  });
});

describe('team rollout', () => {
  it('exports the configuration and imports it on another installation in one write', async () => {
    await confirmImport((await duplicatePolicy('mextra')) as ImportPlan);
    await saveAssignment({ host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra-copy' });
    await savePreferences({ atRiskPercent: 30, language: 'nl' });
    const file = await exportTeam(NOW);
    expect(file.fileName).toBe('sla-overlay-config-2026-02-10.json');

    fakeBrowser.reset();
    await configItem.setValue(EMPTY_CONFIG);
    const { result, token } = await previewTeam(file.text, file.fileName);
    expect(result).toMatchObject({
      ok: true,
      summary: { policiesAdded: ['mextra-copy'], assignments: ['acme.zendesk.com'] },
    });
    const setItem = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await confirmTeam(file.text, file.fileName, token)).toEqual({ ok: true });
    expect(setItem).toHaveBeenCalledTimes(1);
    const config = (await readConfig()).value;
    expect(Object.keys(config.policies)).toEqual(['mextra-copy']);
    expect(config.assignments).toEqual([
      { host: 'acme.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra-copy' },
    ]);
    expect(await preferencesItem.getValue()).toMatchObject({ atRiskPercent: 30, language: 'nl' });
  });

  it('refuses a confirm when storage changed after the preview, and an invalid file', async () => {
    const file = await exportTeam(NOW);
    const { token } = await previewTeam(file.text, 'f.json');
    await savePreferences({ notifications: false });
    const before = await localBytes();
    expect(await confirmTeam(file.text, 'f.json', token)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/changed/),
    });
    const bad = await previewTeam('{"format":"something-else"}', 'bad.json');
    expect(bad.result.ok).toBe(false);
    expect(await confirmTeam('{"format":"something-else"}', 'bad.json', bad.token)).toMatchObject({
      ok: false,
    });
    expect(await localBytes()).toBe(before);
  });
});

describe('preferences', () => {
  it('saves a patch and refuses managed preferences', async () => {
    expect(await savePreferences({ sidebarSide: 'left' })).toEqual({ ok: true });
    expect(await preferencesItem.getValue()).toMatchObject({ sidebarSide: 'left', atRiskPercent: 25 });
    await fakeBrowser.storage.managed.set({ preferences: { notifications: false } });
    expect(await savePreferences({ notifications: true })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/managed/),
    });
  });
});

describe('through the router', () => {
  const policy = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
  const route = createRouter(RequestSchema, allowed, handle, policy);
  const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
  function ask(message: unknown, sender: object = page): Promise<Reply<unknown>> {
    return new Promise((resolve) => route(message, sender, resolve));
  }

  it('validates options messages with zod before any handler runs', async () => {
    expect(
      await ask({ type: 'ui-bg:options-save-preferences', patch: { atRiskPercent: 500 } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid message: patch.atRiskPercent/),
    });
    expect(
      await ask({ type: 'ui-bg:options-add-host', host: 'not a host', helpdesk: 'topdesk' }),
    ).toMatchObject({ ok: false });
    expect(await ask({ type: 'ui-bg:options-model' })).toMatchObject({
      ok: true,
      data: { policies: expect.any(Array) },
    });
  });

  it('refuses options messages from content scripts and other extensions', async () => {
    const cs = {
      id: 'ext',
      url: 'https://mextra.zendesk.com/agent/tickets/1',
      tab: { id: 3, url: 'https://mextra.zendesk.com/' },
    };
    expect(await ask({ type: 'ui-bg:options-export-team' }, cs)).toMatchObject({
      ok: false,
      error: /not allowed/,
    });
    expect(
      await ask(
        { type: 'ui-bg:options-export-team' },
        { id: 'other', url: 'chrome-extension://other/x.html' },
      ),
    ).toEqual({
      ok: false,
      error: 'sender not allowed',
    });
  });

  it('answers a real runtime message (sendResponse + return true)', async () => {
    fakeBrowser.runtime.onMessage.addListener(route as never);
    // fakeBrowser's sender is not an extension page: the router answers, and refuses it.
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'ui-bg:options-model' });
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('open helpdesk tabs', () => {
  it('are told to refresh after a change', async () => {
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([{ id: 7, url: 'https://mextra.zendesk.com/agent/tickets/1' }] as never);
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await savePreferences({ sidebarSide: 'left' });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(7, { type: 'bg-cs:refresh' }), {
      timeout: 5000,
    });
    expect(query).toHaveBeenCalledWith({ url: ['https://*.zendesk.com/*', 'https://*.topdesk.net/*'] });
  });
});
