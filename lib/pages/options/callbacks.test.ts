import { describe, expect, it, vi } from 'vitest';
import type { TeamConfigPlan } from '../../messaging/options';
import { createCallbacks, type PageDeps } from './callbacks';

function deps(grant = true, data: unknown = { ok: true }) {
  const d = {
    send: vi.fn(() => Promise.resolve({ ok: true, data })),
    requestPermissions: vi.fn(() => Promise.resolve(grant)),
    needsScripting: true,
    reload: vi.fn(() => Promise.resolve()),
  };
  return { d, callbacks: createCallbacks(d as unknown as PageDeps) };
}

describe('options page callbacks', () => {
  it('request the host (and scripting) permission synchronously, inside the click, before messaging', async () => {
    const { d, callbacks } = deps();
    const pending = callbacks.addHost({ host: 'td.example.nl', helpdesk: 'topdesk' });
    expect(d.requestPermissions).toHaveBeenCalledWith({
      origins: ['https://td.example.nl/*'],
      permissions: ['scripting'],
    });
    expect(d.send).not.toHaveBeenCalled();
    expect(await pending).toEqual({ ok: true });
    expect(d.send).toHaveBeenCalledWith({
      type: 'ui-bg:options-add-host',
      host: 'td.example.nl',
      helpdesk: 'topdesk',
    });
    expect(d.reload).toHaveBeenCalledTimes(1);
  });

  it('send nothing when the permission is refused', async () => {
    const { d, callbacks } = deps(false);
    expect(await callbacks.addHost({ host: 'td.example.nl', helpdesk: 'topdesk' })).toMatchObject({
      ok: false,
    });
    const r = await callbacks.previewImport({ kind: 'url', url: 'https://vendor.example/p.json' });
    expect(d.requestPermissions).toHaveBeenLastCalledWith({ origins: ['https://vendor.example/*'] });
    expect(r).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/not granted/) }] });
    expect(d.send).not.toHaveBeenCalled();
  });

  it('confirm a team import by sending the previewed file and token again, never the plan', async () => {
    const plan = { ok: true, permissionOrigins: ['https://new.example.nl/*'] } as unknown as TeamConfigPlan;
    const { d, callbacks } = deps(true, { result: plan, token: 't1' });
    expect(await callbacks.previewTeamImport('{"file":1}', 'team.json')).toBe(plan);
    d.send.mockResolvedValueOnce({ ok: true, data: { ok: true } });
    const pending = callbacks.confirmTeamImport(plan);
    expect(d.requestPermissions).toHaveBeenCalledWith({
      origins: ['https://new.example.nl/*'],
      permissions: ['scripting'],
    });
    expect(await pending).toEqual({ ok: true });
    expect(d.send).toHaveBeenLastCalledWith({
      type: 'ui-bg:options-confirm-team',
      text: '{"file":1}',
      source: 'team.json',
      token: 't1',
    });
  });

  it('turn a transport failure into a shown message, without reloading', async () => {
    const { d, callbacks } = deps();
    d.send.mockResolvedValueOnce({ ok: false, error: 'extension-reloaded' } as never);
    expect(await callbacks.savePreferences({ atRiskPercent: 20 })).toEqual({
      ok: false,
      message: 'extension-reloaded',
    });
    expect(d.reload).not.toHaveBeenCalled();
  });
});
