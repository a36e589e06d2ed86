import browser from 'webextension-polyfill';
import { definePopupElements, type PopupApi, type SmsPopupApp } from '../../components/popup-app';
import { sendRequest } from '../../lib/messaging';

/**
 * `popup.html?tab=<id>` targets that tab instead of the active one. The e2e tests open the popup page in a tab
 * of its own (a real toolbar popup cannot be driven by puppeteer), so the active tab would be the popup itself.
 */
const requestedTab = Number(new URLSearchParams(location.search).get('tab'));

/** A tab that is busy (navigating, or a page that never answers) must not leave the popup blank: give up, once retried. */
async function askTab(tabId: number, message: unknown): Promise<unknown> {
  const attempt = (ms: number) =>
    Promise.race([
      browser.tabs.sendMessage(tabId, message),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the page did not answer')), ms)),
    ]);
  return attempt(1500).catch(() => attempt(3000));
}

const api: PopupApi = {
  send: sendRequest,
  targetTab: async () => {
    if (Number.isInteger(requestedTab) && requestedTab > 0) return browser.tabs.get(requestedTab);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  },
  sendToTab: (tabId, message) => askTab(tabId, message),
  requestPermission: (origins) => browser.permissions.request({ origins }),
  reloadTab: (tabId) => browser.tabs.reload(tabId),
  openOptions: async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  },
  uiLanguage: browser.i18n.getUILanguage(),
};

// Created here, with its API, after the element is defined (so the API is there when it connects).
definePopupElements();
const app = document.createElement('sms-popup-app') as SmsPopupApp;
app.api = api;
document.body.append(app);
