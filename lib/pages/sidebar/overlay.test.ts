import { describe, expect, it, vi } from 'vitest';
import { startOverlay, type OverlayContext, type TicketRef } from './overlay';

function fakeCtx() {
  const listeners = new Map<string, Array<(event?: never) => void>>();
  const invalidated: Array<() => void> = [];
  const ctx: OverlayContext & { fire(type: string, event?: unknown): void; invalidate(): void } = {
    isValid: true,
    setInterval: () => 0,
    addEventListener: (_t, type, fn) => void listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    onInvalidated: (cb) => (invalidated.push(cb), () => undefined),
    fire: (type, event) => listeners.get(type)?.forEach((f) => f(event as never)),
    invalidate() {
      this.isValid = false;
      invalidated.forEach((f) => f());
    },
  };
  return ctx;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
/** What WXT's location watcher dispatches: an event with the new URL. */
const nav = (url = 'https://x.zendesk.com/agent/tickets/1') => ({ newUrl: new URL(url) });

describe('the overlay controller', () => {
  it('mounts one sidebar for the open ticket and shows what the background answered', async () => {
    const ctx = fakeCtx();
    const mount = vi.fn(async () => ({ remove: vi.fn() }));
    const h = startOverlay(ctx, {
      reader: { activeTicket: () => ({ id: '1' }), read: async (ref) => `read ${ref.id}` },
      evaluate: async (_ref, read) => `model for ${read}`,
      loadingModel: 'loading',
      mount,
    });
    await flush();
    expect(h.model.value).toBe('model for read 1');
    ctx.fire('wxt:locationchange', nav());
    await flush();
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('drops the answer for a ticket the agent already left when tabs switch quickly', async () => {
    const ctx = fakeCtx();
    let active: TicketRef = { id: 'A' };
    const reads = new Map<string, ReturnType<typeof deferred<string>>>();
    const h = startOverlay(ctx, {
      reader: {
        activeTicket: () => active,
        read: (ref) => {
          const d = deferred<string>();
          reads.set(ref.id, d);
          return d.promise;
        },
      },
      evaluate: async (_ref, read) => read,
      loadingModel: 'loading',
      mount: async () => ({ remove() {} }),
    });
    await flush();
    active = { id: 'B' };
    ctx.fire('wxt:locationchange', nav());
    await flush();
    reads.get('B')!.resolve('ticket B');
    await flush();
    reads.get('A')!.resolve('ticket A');
    await flush();
    expect(h.model.value).toBe('ticket B');
  });

  it('removes the sidebar when the agent leaves tickets for the dashboard', async () => {
    const ctx = fakeCtx();
    let active: TicketRef | null = { id: '1' };
    const remove = vi.fn();
    const h = startOverlay(ctx, {
      reader: { activeTicket: () => active, read: async () => 'r' },
      evaluate: async () => 'm',
      loadingModel: 'loading',
      mount: async () => ({ remove }),
    });
    await flush();
    expect(h.mounted()).toBe(true);
    active = null;
    ctx.fire('wxt:locationchange', nav());
    await flush();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(h.mounted()).toBe(false);
  });

  it('stops touching the page once the extension is reloaded', async () => {
    const ctx = fakeCtx();
    const remove = vi.fn();
    const read = vi.fn(async () => 'r');
    startOverlay(ctx, {
      reader: { activeTicket: () => ({ id: '1' }), read },
      evaluate: async () => 'm',
      loadingModel: 'loading',
      mount: async () => ({ remove }),
    });
    await flush();
    ctx.invalidate();
    ctx.fire('wxt:locationchange', nav());
    await flush();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads the ticket at the URL being navigated to, before location itself changes', async () => {
    const ctx = fakeCtx();
    const seen: Array<string | undefined> = [];
    startOverlay(ctx, {
      reader: {
        activeTicket: (url) => {
          seen.push(url);
          return { id: url?.split('/').pop() ?? '1' };
        },
        read: async (ref) => ref.id,
      },
      evaluate: async (_ref, read) => read,
      loadingModel: 'loading',
      mount: async () => ({ remove() {} }),
    });
    await flush();
    ctx.fire('wxt:locationchange', { newUrl: new URL('https://x.zendesk.com/agent/tickets/7') });
    await flush();
    expect(seen.at(-1)).toBe('https://x.zendesk.com/agent/tickets/7');
  });

  it('ignores a location event a page script forged (no URL of this world), so it costs no read', async () => {
    const ctx = fakeCtx();
    const read = vi.fn(async () => 'r');
    startOverlay(ctx, {
      reader: { activeTicket: () => ({ id: '1' }), read },
      evaluate: async () => 'm',
      loadingModel: 'loading',
      mount: async () => ({ remove() {} }),
    });
    await flush();
    for (let i = 0; i < 20; i++) ctx.fire('wxt:locationchange', {});
    ctx.fire('wxt:locationchange', { newUrl: 'https://x.zendesk.com/agent/tickets/2' });
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
  });
});
