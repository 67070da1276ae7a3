/**
 * The keyboard command that reaches the sidebar (manifest `commands`, default Alt+Shift+S; agents can
 * change it in the browser's shortcut settings, and Options shows the one in effect). The background
 * only forwards it to the active tab's content script, which unfolds and focuses the sidebar, or folds
 * it when focus is already inside.
 */
import type { BackgroundToContent } from '../messaging/protocol';

export const SIDEBAR_COMMAND = 'focus-sidebar';

export async function forwardCommand(command: string): Promise<void> {
  if (command !== SIDEBAR_COMMAND) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message: BackgroundToContent = { type: 'bg-cs:sidebar-command' };
  // A tab without the sidebar (no helpdesk page) has no listener: nothing to do.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
}

export function startCommands(): void {
  browser.commands?.onCommand.addListener((command) => void forwardCommand(command));
}
