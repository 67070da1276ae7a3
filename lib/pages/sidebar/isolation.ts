/**
 * Page isolation of the overlay (security review #10): what a script of the helpdesk page must not
 * be able to do to the sidebar.
 * - The shadow root is closed: the page cannot read or rewrite the countdowns or click its buttons
 *   (`element.shadowRoot` is null from the page). Only a test copy of the build whose manifest
 *   carries `E2E_OPEN_SHADOW_ROOT` (tests/support/browser.ts adds it; a page cannot change a
 *   manifest) keeps it open, because Playwright locators do not pierce closed roots. The shipped
 *   manifest never has it (tests/unit/manifest.test.ts), and tests/e2e/isolation.spec.ts checks that
 *   the shipped build's root is closed.
 * - WXT's "content script started" event (`<extension id>:<script>:wxt:content-script-started`)
 *   invalidates the older script that receives it. A page can dispatch one too, switching the overlay
 *   off, so this script swallows every such event it sees. An older copy of this script is
 *   invalidated anyway when the extension reloads (its runtime goes away; WXT checks that on every
 *   `ctx` timer tick). The `postMessage` twin, which told the page the extension id, is off
 *   (`noScriptStartedPostMessage` in the entrypoints).
 */

/** Manifest key a test copy of the build adds to keep the sidebar's shadow root open. */
export const E2E_OPEN_SHADOW_ROOT = 'x_e2e_open_shadow_root';

export function shadowRootMode(manifest: object): ShadowRootMode {
  return (manifest as Record<string, unknown>)[E2E_OPEN_SHADOW_ROOT] === true ? 'open' : 'closed';
}

/** WXT's start event name for a content script (see wxt/dist/utils/internal/custom-events.mjs). */
export function scriptStartedEventName(extensionId: string, contentScriptName: string): string {
  return `${extensionId}:${contentScriptName}:wxt:content-script-started`;
}

/**
 * Stops every start event for this script before WXT's own listener on `document` sees it: the
 * listener sits on `window` in the capture phase, which runs first.
 */
export function ignoreStartEvents(
  win: Pick<Window, 'addEventListener'>,
  eventName: string,
  signal: AbortSignal,
): void {
  win.addEventListener(eventName, (event) => event.stopImmediatePropagation(), { capture: true, signal });
}
