import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardCommand, SIDEBAR_COMMAND } from './commands';

describe('the sidebar keyboard command', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is forwarded to the active tab as bg-cs:sidebar-command, and other commands are not', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await forwardCommand('something-else');
    expect(send).not.toHaveBeenCalled();
    await forwardCommand(SIDEBAR_COMMAND);
    expect(send).toHaveBeenCalledWith(7, { type: 'bg-cs:sidebar-command' });
  });
});
