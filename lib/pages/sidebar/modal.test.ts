import { afterEach, describe, expect, it } from 'vitest';
import { modalDialogOpen, watchModalDialogs, type ModalWatchHost } from './modal';

function host(): ModalWatchHost & { invalidate(): void; flush(): void } {
  const frames: FrameRequestCallback[] = [];
  const onGone: Array<() => void> = [];
  return {
    onInvalidated: (cb) => void onGone.push(cb),
    requestAnimationFrame: (cb) => frames.push(cb),
    invalidate: () => onGone.forEach((cb) => cb()),
    flush: () => frames.splice(0).forEach((cb) => cb(0)),
  };
}

/** Appends an element with these attributes (and inline style) to `parent`. */
function add(attrs: Record<string, string>, parent: HTMLElement = document.body): HTMLElement {
  const el = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.append(el);
  return el;
}

/** MutationObserver callbacks run as microtasks. */
const mutationsDelivered = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => document.body.replaceChildren());

describe('a modal dialog of the helpdesk', () => {
  it('is seen when Zendesk Garden opens role="dialog" aria-modal="true", and no longer once it closes', async () => {
    const h = host();
    const open = watchModalDialogs(h, document);
    expect(open.value).toBe(false);
    const modal = document.createElement('div');
    modal.setAttribute('role', 'dialog');
    modal.setAttribute('aria-modal', 'true');
    modal.style.zIndex = '400';
    document.body.append(modal);
    await mutationsDelivered();
    h.flush();
    expect(open.value).toBe(true);
    modal.remove();
    await mutationsDelivered();
    h.flush();
    expect(open.value).toBe(false);
  });

  it('is not a menu, a non-modal role="dialog" popover, or a modal that is hidden', () => {
    add({ role: 'menu' });
    add({ role: 'dialog' });
    add({ 'aria-modal': 'true', hidden: '' });
    add({ 'aria-modal': 'true', style: 'display:none' });
    add({ 'aria-modal': 'true' }, add({ 'aria-hidden': 'true' }));
    expect(modalDialogOpen(document)).toBe(false);
    add({ role: 'alertdialog' });
    expect(modalDialogOpen(document)).toBe(true);
  });

  it('is followed only while the content script lives', async () => {
    const h = host();
    const open = watchModalDialogs(h, document);
    h.invalidate();
    add({ 'aria-modal': 'true' });
    await mutationsDelivered();
    h.flush();
    expect(open.value).toBe(false);
  });
});
