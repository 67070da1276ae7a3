import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_VIEW_WAIT_MS, runOverlay, SIDEBAR_TAG, type PageAdapter } from './run';
import { E2E_OPEN_SHADOW_ROOT } from './isolation';
import { send } from '../../messaging/client';
import { sidebarMessages } from '../../i18n/sidebar';
import type { SidebarView } from '../../messaging/sidebar';

vi.mock('../../messaging/client', () => ({
  send: vi.fn(async () => ({ ok: false, error: 'no background in this test' })),
}));

const adapter: PageAdapter = {
  helpdesk: 'zendesk',
  activeTicket: () => ({ id: '1001' }),
  read: async () => ({ source: 'dom', raw: {} }) as never,
};

/** A fresh page with the given manifest: the shipped one (closed shadow root) or the e2e build's (open). */
function freshPage(openShadowRoot: boolean): void {
  document.body.replaceChildren();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'SLA overlay',
    version: '0.1.0',
    ...(openShadowRoot ? { [E2E_OPEN_SHADOW_ROOT]: true } : {}),
  });
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('runOverlay after the add-on reloads or updates', () => {
  // fakeBrowser has no manifest; the shipped one (no e2e flag) gives the closed shadow root.
  beforeEach(() => freshPage(false));

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

describe('the sidebar’s first frame', () => {
  const DUTCH_LEFT: SidebarView = {
    language: 'nl',
    locale: 'nl',
    side: 'left',
    collapsed: false,
    compact: false,
    atRiskPercent: 25,
  };
  /** A page whose ticket is never read: the sidebar stays in its first frame ("Reading the ticket…"). */
  const stuck: PageAdapter = { ...adapter, read: () => new Promise(() => {}) };
  let ctx: ContentScriptContext;

  beforeEach(() => {
    // The open shadow root of the e2e build, so the test can read what the sidebar paints.
    freshPage(true);
    ctx = new ContentScriptContext('zendesk');
    return () => {
      ctx.abort();
      vi.mocked(send).mockReset();
      vi.mocked(send).mockImplementation(async () => ({ ok: false, error: 'no background in this test' }));
    };
  });

  const aside = () => document.querySelector(SIDEBAR_TAG)?.shadowRoot?.querySelector('aside') ?? null;

  it('speaks the language and takes the side the worker names, before the ticket is read', async () => {
    // The worker answers a little late (waking up): what the first frame shows is recorded.
    vi.mocked(send).mockImplementation((async (m: { type: string }) => {
      await new Promise((r) => setTimeout(r, 150));
      return m.type === 'cs-bg:view' ? { ok: true, data: DUTCH_LEFT } : { ok: false, error: 'unexpected' };
    }) as never);
    await runOverlay(ctx, stuck);
    let first: { lang: string | null; text: string; left: boolean } | null = null;
    const seen = new MutationObserver(() => {
      const a = aside();
      if (a && !first)
        first = {
          lang: a.getAttribute('lang'),
          text: a.textContent ?? '',
          left: a.classList.contains('side-left'),
        };
    });
    seen.observe(document.body, { childList: true, subtree: true });
    await until(() => aside() !== null);
    seen.disconnect();
    expect(first).toEqual({
      lang: 'nl',
      text: expect.stringContaining(sidebarMessages.nl['sidebar.loading']) as string,
      left: true,
    });
  });

  it('paints without the view after FIRST_VIEW_WAIT_MS when the worker does not answer', async () => {
    vi.mocked(send).mockImplementation((() => new Promise(() => {})) as never);
    const started = Date.now();
    await runOverlay(ctx, stuck);
    await new Promise((r) => setTimeout(r, FIRST_VIEW_WAIT_MS / 2));
    expect(aside()).toBeNull();
    await until(() => aside() !== null);
    expect(aside()).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(FIRST_VIEW_WAIT_MS - 50);
    // fakeBrowser has no i18n UI language: the fallback is English.
    expect(aside()?.textContent).toContain(sidebarMessages.en['sidebar.loading']);
  });
});
