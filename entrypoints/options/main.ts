import browser from 'webextension-polyfill';
import { defineOptionsElements, type OptionsApi, type SmsOptionsApp } from '../../components/options-app';
import { sendRequest } from '../../lib/messaging';
import { downloadText } from '../../lib/transfer/files';

const api: OptionsApi = {
  send: sendRequest,
  requestPermission: (origins) => browser.permissions.request({ origins }),
  removePermission: (origins) => browser.permissions.remove({ origins }),
  uiLanguage: browser.i18n.getUILanguage(),
  now: () => Date.now(),
  download: (fileName, text, type) => downloadText(document, fileName, text, type),
};

// Created here, with its API, after the element is defined (so the API is there when it connects).
defineOptionsElements();
const app = document.createElement('sms-options-app') as SmsOptionsApp;
app.api = api;
document.body.append(app);
