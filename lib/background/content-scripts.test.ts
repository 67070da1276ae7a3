import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configItem } from '../storage/items';
import { EMPTY_CONFIG } from '../storage/schemas';
import { registerHostScript, syncHostScripts, unregisterHostScript } from './content-scripts';

const granted = new Set<string>();
const registered = new Map<string, { id: string; matches: string[]; js: string[]; allFrames: boolean }>();

beforeEach(() => {
  fakeBrowser.reset();
  granted.clear();
  registered.clear();
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn((p: { origins?: string[] }) =>
      Promise.resolve((p.origins ?? []).every((o) => granted.has(o))),
    ),
  });
  Object.assign(fakeBrowser.scripting, {
    registerContentScripts: vi.fn(
      (scripts: Array<{ id: string; matches: string[]; js: string[]; allFrames: boolean }>) => {
        for (const s of scripts) {
          if (registered.has(s.id)) return Promise.reject(new Error(`Duplicate script ID '${s.id}'`));
          registered.set(s.id, s);
        }
        return Promise.resolve();
      },
    ),
    unregisterContentScripts: vi.fn((f?: { ids?: string[] }) => {
      for (const id of f?.ids ?? [...registered.keys()]) registered.delete(id);
      return Promise.resolve();
    }),
    getRegisteredContentScripts: vi.fn((f?: { ids?: string[] }) =>
      Promise.resolve([...registered.values()].filter((s) => !f?.ids || f.ids.includes(s.id))),
    ),
  });
});

describe('self-hosted content scripts', () => {
  it('registers the helpdesk bundle for a host, idempotently, and unregisters it', async () => {
    await registerHostScript({ host: 'desk.example.nl', helpdesk: 'zendesk' });
    await registerHostScript({ host: 'desk.example.nl', helpdesk: 'zendesk' });
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        id: 'selfhosted-zendesk-desk.example.nl',
        matches: ['https://desk.example.nl/agent/*'],
        js: ['content-scripts/zendesk.js'],
        allFrames: false,
      }),
    ]);
    await unregisterHostScript('desk.example.nl');
    expect(registered.size).toBe(0);
  });

  it('on start, registers configured and managed hosts with permission and removes stale registrations', async () => {
    await configItem.setValue({
      ...EMPTY_CONFIG,
      selfHosted: [
        { host: 'td.example.nl', helpdesk: 'topdesk' },
        { host: 'revoked.example.nl', helpdesk: 'zendesk' },
      ],
    });
    await fakeBrowser.storage.managed.set({
      selfHosted: [{ host: 'corp.example.com', helpdesk: 'zendesk' }],
    });
    granted.add('https://td.example.nl/*');
    granted.add('https://corp.example.com/*');
    await registerHostScript({ host: 'removed.example.nl', helpdesk: 'topdesk' });
    granted.add('https://removed.example.nl/*');

    const report = await syncHostScripts();
    expect([...registered.keys()].sort()).toEqual([
      'selfhosted-topdesk-td.example.nl',
      'selfhosted-zendesk-corp.example.com',
    ]);
    expect(registered.get('selfhosted-topdesk-td.example.nl')).toMatchObject({
      matches: ['https://td.example.nl/tas/*'],
      allFrames: true,
    });
    expect(report.unregistered).toEqual(['selfhosted-topdesk-removed.example.nl']);
    expect(report.withoutPermission).toEqual(['revoked.example.nl']);
    expect(report.errors).toEqual([]);

    // A second start changes nothing.
    const again = await syncHostScripts();
    expect(again).toEqual({
      registered: [],
      unregistered: [],
      withoutPermission: ['revoked.example.nl'],
      errors: [],
    });
  });

  it('reports (does not throw) when the scripting permission is missing', async () => {
    await configItem.setValue({
      ...EMPTY_CONFIG,
      selfHosted: [{ host: 'td.example.nl', helpdesk: 'topdesk' }],
    });
    granted.add('https://td.example.nl/*');
    const scripting = fakeBrowser.scripting;
    Object.assign(fakeBrowser, { scripting: undefined });
    const report = await syncHostScripts().finally(() => Object.assign(fakeBrowser, { scripting }));
    expect(report.errors[0]).toMatch(/td.example.nl: .*scripting/);
  });
});
