import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runOverlay, SIDEBAR_TAG, type PageAdapter } from './run';

vi.mock('../../messaging/client', () => ({
  send: vi.fn(async () => ({ ok: false, error: 'no background in this test' })),
}));

const adapter: PageAdapter = {
  helpdesk: 'zendesk',
  activeTicket: () => ({ id: '1001' }),
  read: async () => ({ source: 'dom', raw: {} }) as never,
};

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('runOverlay after the add-on reloads or updates', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    // fakeBrowser has no manifest; the shipped one (no e2e flag) gives the closed shadow root.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'SLA overlay',
      version: '0.1.0',
    });
  });

  it('removes the sidebar a previous copy of the content script left in the page and mounts exactly one', async () => {
    // What an old copy leaves behind: Firefox re-injects into open tabs, Chrome orphans the old script.
    const leftover = document.createElement(SIDEBAR_TAG);
    leftover.attachShadow({ mode: 'open' }).append('old sidebar');
    document.body.append(leftover);

    const ctx = new ContentScriptContext('zendesk');
    await runOverlay(ctx, adapter);
    await until(() => [...document.querySelectorAll(SIDEBAR_TAG)].some((el) => el !== leftover));

    const sidebars = document.querySelectorAll(SIDEBAR_TAG);
    expect(sidebars).toHaveLength(1);
    expect(sidebars[0]).not.toBe(leftover);
    expect(leftover.isConnected).toBe(false);
    ctx.abort();
  });
});
