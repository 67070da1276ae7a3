/**
 * Mounts the sidebar on a helpdesk page: one Shadow DOM UI (styles isolated both ways, key events
 * kept inside), fed by the overlay controller and the page's single ticker. Everything is tied to
 * WXT's `ctx`, so an extension reload or navigation leaves nothing behind.
 */
import { render } from 'preact';
import { signal } from '@preact/signals';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { SIDEBAR_CSS } from '../../../components/sidebar/style';
import type { SidebarModel, SidebarSide, SidebarView } from '../../messaging/sidebar';
import type { HelpdeskId } from '../../helpdesks/catalog';
import { untilWorkerAnswers } from '../../background/env';
import { send } from '../../messaging/client';
import type { PageRead } from '../../messaging/sidebar';
import type { BackgroundToContent } from '../../messaging/protocol';
import { startOverlay, type TicketRef } from './overlay';
import { createTicker } from './ticker';
import { watchModalDialogs } from './modal';
import { ignoreStartEvents, scriptStartedEventName, shadowRootMode } from './isolation';

/** The page side of a helpdesk adapter, as the content script needs it. */
export interface PageAdapter {
  helpdesk: HelpdeskId;
  /** The ticket open in this page or frame. */
  activeTicket(url: string, doc: Document): TicketRef | null;
  /** API first, DOM fallback; never throws. */
  read(ref: TicketRef, options: { force: boolean }): Promise<PageRead>;
  /**
   * Optional: a cheap digest of what the page shows of the open ticket (status, priority). When it
   * changes — the agent saved a status, the page re-rendered a new reply — the ticket is read again
   * at once instead of at the next poll.
   */
  fingerprint?(doc: Document): string;
}

export const SIDEBAR_TAG = 'sla-overlay';

const LOADING: SidebarModel = { status: 'loading' };

/**
 * How long the first frame waits for the worker's view (language, side, fold) before it paints with
 * `untilWorkerAnswers()` instead: a worker that is slow to wake must not keep the sidebar away.
 */
export const FIRST_VIEW_WAIT_MS = 1000;

/**
 * Removes sidebars an earlier copy of this content script left in the page. After the add-on reloads
 * or updates, Firefox injects the new copy into open tabs while the old one is shut down without
 * removing its UI, and Chrome orphans the old copy: either way the tab would show a dead second
 * sidebar (issue 18). Called just before this copy mounts its own, so none of ours is removed.
 */
export function removeLeftoverSidebars(doc: Document): void {
  for (const el of doc.querySelectorAll(SIDEBAR_TAG)) el.remove();
}

export async function runOverlay(ctx: ContentScriptContext, adapter: PageAdapter): Promise<void> {
  ignoreStartEvents(window, scriptStartedEventName(browser.runtime.id, adapter.helpdesk), ctx.signal);
  const now = createTicker(ctx);
  const dialogOpen = watchModalDialogs(ctx);
  const view = signal({
    // The worker's answer carries the language every surface speaks (view.locale); until then, its
    // decision without the preference. Never navigator.languages: that is the web-content language.
    locale: untilWorkerAnswers(),
    side: 'right' as SidebarSide,
    collapsed: false,
    compact: false,
    atRiskShare: 0.25,
  });
  /** Bumped by every later view (a ticket's answer, the agent's fold/side/compact): the first view never overwrites one. */
  let viewVersion = 0;
  const applyView = (v: SidebarView) => {
    viewVersion++;
    view.value = {
      locale: v.locale,
      side: v.side,
      collapsed: v.collapsed,
      compact: v.compact,
      atRiskShare: v.atRiskPercent / 100,
    };
  };
  // Asked at once, beside the ticket's read: the first mount waits for it (at most FIRST_VIEW_WAIT_MS),
  // so "Reading the ticket…" is already in the agent's language (the content script cannot read
  // storage itself) and on the agent's side.
  const firstView = Promise.race([
    send({ type: 'cs-bg:view', helpdesk: adapter.helpdesk }).then((reply) => {
      if (reply.ok && viewVersion === 0) applyView(reply.data);
    }),
    new Promise<void>((resolve) => ctx.setTimeout(resolve, FIRST_VIEW_WAIT_MS)),
  ]);

  const evaluate = async (ref: TicketRef, read: PageRead): Promise<SidebarModel> => {
    const reply = await send({
      type: 'cs-bg:ticket',
      helpdesk: adapter.helpdesk,
      host: location.hostname,
      url: location.href,
      ticketId: ref.id,
      pageNow: Date.now(),
      read,
    });
    if (!reply.ok) return { status: 'problem', problem: { kind: 'error', message: reply.error } };
    applyView(reply.data.view);
    return reply.data.model;
  };

  /** Presses of the keyboard command (the sidebar unfolds and takes focus, or folds). */
  const command = signal(0);

  const saveUi = (patch: { collapsed?: boolean; side?: SidebarSide; compact?: boolean }) => {
    viewVersion++;
    view.value = { ...view.value, ...patch };
    void send({ type: 'cs-bg:ui-state', helpdesk: adapter.helpdesk, ...patch });
  };

  const overlay = startOverlay(ctx, {
    reader: {
      activeTicket: (url) => adapter.activeTicket(url ?? location.href, document),
      read: (ref, force) => adapter.read(ref, { force }),
    },
    evaluate,
    loadingModel: LOADING,
    mount: async (model) => {
      await firstView;
      removeLeftoverSidebars(document);
      const ui = await createShadowRootUi(ctx, {
        name: SIDEBAR_TAG,
        position: 'inline',
        mode: shadowRootMode(browser.runtime.getManifest()),
        anchor: 'body',
        append: 'last',
        css: SIDEBAR_CSS,
        isolateEvents: true,
        onMount(container) {
          const App = () => (
            <Sidebar
              model={model}
              now={now}
              locale={view.value.locale}
              agentZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
              side={view.value.side}
              collapsed={view.value.collapsed}
              atRiskShare={view.value.atRiskShare}
              onCollapsedChange={(collapsed) => saveUi({ collapsed })}
              onSideChange={(side) => saveUi({ side })}
              compact={view.value.compact}
              onCompactChange={(compact) => saveUi({ compact })}
              onOpenOptions={(section) =>
                void send({ type: 'cs-bg:open-options', ...(section ? { section } : {}) })
              }
              onRetry={() => void overlay.sync(true)}
              command={command.value}
              underDialog={dialogOpen.value}
            />
          );
          render(<App />, container);
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
      ui.mount();
      return { remove: () => ui.remove() };
    },
  });

  if (adapter.fingerprint) {
    let last = adapter.fingerprint(document);
    ctx.setInterval(() => {
      if (document.visibilityState !== 'visible' || !overlay.mounted()) return;
      const now = adapter.fingerprint!(document);
      if (now !== last) {
        last = now;
        void overlay.sync(true);
      }
    }, 2000);
  }

  // The background asks open tickets to refresh when policies or assignments change.
  const onMessage = (message: unknown) => {
    const type = (message as BackgroundToContent | undefined)?.type;
    if (type === 'bg-cs:refresh') void overlay.sync(true);
    else if (type === 'bg-cs:sidebar-command') command.value++;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
