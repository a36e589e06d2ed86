import browser from 'webextension-polyfill';
import { createBrowserDeps, startBackground } from '../lib/background/start';

// All storage lives here, in the extension origin: the host page can never read it.
export default defineBackground(() => {
  void startBackground(browser, createBrowserDeps(browser));
});
