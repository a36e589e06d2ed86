import { describe, expect, it, vi } from 'vitest';
import { listenForCommands, OPEN_SIDEBAR_COMMAND } from '../../../lib/background/commands';

function fakeBrowser(activeTabId: number | undefined) {
  let listener: ((command: string) => Promise<void>) | undefined;
  const sendMessage = vi.fn(async () => ({}));
  const browser = {
    commands: { onCommand: { addListener: (l: typeof listener) => (listener = l) } },
    tabs: { query: vi.fn(async () => (activeTabId === undefined ? [] : [{ id: activeTabId }])), sendMessage },
  };
  listenForCommands(browser as never);
  return { fire: (command: string) => listener!(command), sendMessage };
}

describe('keyboard shortcut', () => {
  it('asks the active tab to open the sidebar', async () => {
    const { fire, sendMessage } = fakeBrowser(7);
    await fire(OPEN_SIDEBAR_COMMAND);
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'page/open-sidebar' });
  });

  it('ignores other commands and windows without a tab', async () => {
    const other = fakeBrowser(7);
    await other.fire('_execute_action');
    expect(other.sendMessage).not.toHaveBeenCalled();
    const none = fakeBrowser(undefined);
    await none.fire(OPEN_SIDEBAR_COMMAND);
    expect(none.sendMessage).not.toHaveBeenCalled();
  });

  it('stays quiet on a page without the content script', async () => {
    const { fire, sendMessage } = fakeBrowser(3);
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(fire(OPEN_SIDEBAR_COMMAND)).resolves.toBeUndefined();
  });
});
