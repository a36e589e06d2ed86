import browser from 'webextension-polyfill';
import { listenForCommands } from '../lib/background/commands';
import { createBrowserDeps, startBackground } from '../lib/background/start';

// All storage lives here, in the extension origin: the host page can never read it.
export default defineBackground(() => {
  listenForCommands(browser);
  void startBackground(browser, createBrowserDeps(browser));
});
