/**
 * Whether the helpdesk has a modal dialog open (a confirmation, a macro picker, Zendesk Garden's
 * `role="dialog" aria-modal="true"`, a native `<dialog>` opened with showModal()). While one is, the
 * sidebar steps out of the way entirely, whatever z-index the helpdesk gives its dialog: an agent must
 * never find an OK button under our panel (accessibility audit, issue 17).
 *
 * One MutationObserver on the page, coalesced to one check per animation frame; disconnected through
 * WXT's `ctx` when the content script goes away.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

/** What counts as a modal dialog of the page (never ours: the sidebar lives in a shadow root). */
export const MODAL_SELECTOR = '[aria-modal="true"], [role="alertdialog"], dialog[open]';

export interface ModalWatchHost {
  onInvalidated(cb: () => void): void;
  requestAnimationFrame(cb: FrameRequestCallback): number;
}

/** True when a modal dialog is open and shown (not hidden, not collapsed to nothing). */
export function modalDialogOpen(doc: Document): boolean {
  for (const el of doc.querySelectorAll<HTMLElement>(MODAL_SELECTOR)) {
    if (el instanceof HTMLDialogElement && !isModalDialog(el)) continue;
    if (shown(el)) return true;
  }
  return false;
}

/** A `<dialog>` opened with show() is not modal; showModal() puts it in the top layer (`:modal`). */
function isModalDialog(el: HTMLDialogElement): boolean {
  try {
    return el.matches(':modal');
  } catch {
    return true; // an engine without `:modal`: treat an open dialog as modal (the safe side)
  }
}

function shown(el: HTMLElement): boolean {
  if (el.hidden || el.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  // Layout engines give a displayed element boxes; an element of `display: none` ancestors has none.
  return typeof el.getClientRects !== 'function' || el.getClientRects().length > 0 || !hasLayout(view);
}

/** happy-dom and other layout-free DOMs return no boxes for anything: don't read that as hidden. */
function hasLayout(view: (Window & typeof globalThis) | null): boolean {
  return !!view && view.document.documentElement.getClientRects().length > 0;
}

export function watchModalDialogs(ctx: ModalWatchHost, doc: Document = document): ReadonlySignal<boolean> {
  const open = signal(modalDialogOpen(doc));
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const now = modalDialogOpen(doc);
    if (now !== open.value) open.value = now;
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    ctx.requestAnimationFrame(check);
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['open', 'aria-modal', 'role', 'hidden', 'aria-hidden', 'style', 'class'],
  });
  ctx.onInvalidated(() => observer.disconnect());
  return open;
}
