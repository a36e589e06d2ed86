import browser from 'webextension-polyfill';
import { definePopupElements, type PopupApi, type SmsPopupApp } from '../../components/popup-app';
import { sendRequest } from '../../lib/messaging';

/**
 * `popup.html?tab=<id>` targets that tab instead of the active one. The e2e tests open the popup page in a tab
 * of its own (a real toolbar popup cannot be driven by puppeteer), so the active tab would be the popup itself.
 */
const requestedTab = Number(new URLSearchParams(location.search).get('tab'));

const api: PopupApi = {
  send: sendRequest,
  targetTab: async () => {
    if (Number.isInteger(requestedTab) && requestedTab > 0) return browser.tabs.get(requestedTab);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  },
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
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
