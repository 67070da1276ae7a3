/**
 * The content-script controller shared by every helpdesk: follows SPA navigation, reads only the
 * active ticket through the helpdesk's page reader, asks the background for the sidebar model, and
 * keeps exactly one sidebar mounted while a ticket is open (none otherwise). Timers and listeners go
 * through `ctx`; results of a ticket the agent already left are dropped.
 */
import { signal, type Signal } from '@preact/signals';

export interface TicketRef {
  /** Stable key of the ticket on this page, e.g. `1001` or a TOPdesk incident id. */
  id: string;
}

export interface OverlayContext {
  isValid: boolean;
  setInterval(handler: () => void, ms: number): number;
  addEventListener(target: Window | Document, type: string, handler: (event?: never) => void): void;
  onInvalidated(cb: () => void): () => void;
}

export interface PageReader<Read> {
  /** The ticket open in this page or frame, or null; `url` is the URL being navigated to, if known. */
  activeTicket(url?: string): TicketRef | null;
  /** Reads the ticket (API first, DOM fallback); never throws. `force` bypasses the reader's cache. */
  read(ref: TicketRef, force: boolean): Promise<Read>;
}

export interface OverlayDeps<Read, Model> {
  reader: PageReader<Read>;
  /** Sends what was read to the background and returns the sidebar model (or a problem model). */
  evaluate(ref: TicketRef, read: Read): Promise<Model>;
  loadingModel: Model;
  mount(model: Signal<Model>): Promise<{ remove(): void }>;
  /** How often to re-read while the page is visible (the helpdesk API is asked at most this often). */
  refreshMs?: number;
  visibility?: () => DocumentVisibilityState;
}

export interface OverlayHandle<Model> {
  model: Signal<Model>;
  /** Re-read the active ticket now (navigation, visible again, background asked for it). */
  sync(force?: boolean, url?: string): Promise<void>;
  mounted(): boolean;
}

export function startOverlay<Read, Model>(
  ctx: OverlayContext,
  deps: OverlayDeps<Read, Model>,
): OverlayHandle<Model> {
  const model = signal<Model>(deps.loadingModel);
  const visible = deps.visibility ?? (() => document.visibilityState);
  let ui: { remove(): void } | null = null;
  let mounting: Promise<void> | null = null;
  let current: string | null = null;
  let generation = 0;

  const unmount = () => {
    ui?.remove();
    ui = null;
    current = null;
  };

  const ensureMounted = async () => {
    if (ui) return;
    mounting ??= deps.mount(model).then((handle) => {
      if (ctx.isValid) ui = handle;
      else handle.remove();
      mounting = null;
    });
    await mounting;
  };

  const sync = async (force = false, url?: string) => {
    if (!ctx.isValid) return;
    const ref = deps.reader.activeTicket(url);
    if (!ref) {
      generation++;
      unmount();
      return;
    }
    const changed = ref.id !== current;
    if (changed) {
      current = ref.id;
      model.value = deps.loadingModel;
    }
    const mine = ++generation;
    await ensureMounted();
    const read = await deps.reader.read(ref, force || changed);
    if (mine !== generation || !ctx.isValid) return; // the agent moved on, or the extension reloaded
    const next = await deps.evaluate(ref, read);
    if (mine !== generation || !ctx.isValid) return;
    model.value = next;
  };

  // WXT announces SPA navigation before `location` changes (Navigation API), so use its new URL.
  // WXT's own event carries `newUrl`, a URL of this (isolated) world; an event of the same name that
  // a page script dispatches has no such property here, so a forged one is ignored.
  ctx.addEventListener(window, 'wxt:locationchange', (event?: { newUrl?: unknown }) => {
    if (event?.newUrl instanceof URL) void sync(false, event.newUrl.href);
  });
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (visible() === 'visible') void sync();
  });
  ctx.setInterval(() => {
    if (visible() === 'visible') void sync();
  }, deps.refreshMs ?? 60_000);
  ctx.onInvalidated(unmount);
  void sync();

  return { model, sync, mounted: () => ui !== null };
}
