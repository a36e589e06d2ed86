import type { Browser } from 'webextension-polyfill';
import type { PageRequest } from '../page-messages';

/** The keyboard shortcut (manifest `commands`) that opens the sidebar on the current EHR page. */
export const OPEN_SIDEBAR_COMMAND = 'open-sidebar';

/** Forwards the shortcut to the active tab's content script; a tab without one simply does not answer. */
export function listenForCommands(browser: Pick<Browser, 'commands' | 'tabs'>): void {
  browser.commands.onCommand.addListener(async (command: string) => {
    if (command !== OPEN_SIDEBAR_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const request: PageRequest = { type: 'page/open-sidebar' };
    await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
  });
}
