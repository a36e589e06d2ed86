/**
 * The toolbar popup of the built extension. Puppeteer cannot open a real toolbar popup, so popup.html is opened
 * in a tab of its own with `?tab=<id>`: the popup then reports on that tab instead of the active one (which
 * would be the popup's own tab). Everything else is the production code path (tabs.sendMessage page/status).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { projectRoot } from '../../scripts/browser.mjs';
import { pageText, sidebarAttributes, useExtensionBrowser, waitFor } from './harness';

/** The extension API inside extension pages and the service worker (Chrome MV3 returns promises, like browser.*). */
declare const chrome: import('webextension-polyfill').Browser;

const screenshotsDir = path.join(projectRoot, 'docs/screenshots');
const extension = useExtensionBrowser();


/** Opens a URL in a new tab from an extension page, which also tells us its tab id (as the extension sees it). */
async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const helper = await extension.ext.browser.newPage();
  await helper.goto(`chrome-extension://${extension.ext.extensionId}/options.html`, { waitUntil: 'load' });
  const tabId = await helper.evaluate(async (u) => (await chrome.tabs.create({ url: u })).id!, url);
  const target = await extension.ext.browser.waitForTarget((t) => t.url() === url || t.url().startsWith(url));
  const page = (await target.page())!;
  await helper.close();
  return { page, tabId };
}

async function openPopupFor(tabId: number): Promise<Page> {
  const popup = await extension.ext.browser.newPage();
  await popup.setViewport({ width: 360, height: 420 });
  await popup.goto(`chrome-extension://${extension.ext.extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
  await waitFor(() => popup.$('>>> #page-state'), (el) => el !== null).catch(() => null);
  if (!(await popup.$('>>> #page-state'))) throw new Error(`popup did not settle: ${await pageText(popup)}`);
  return popup;
}

describe('popup', () => {
  it('shows what was detected on a fixture tab, and why, and opens the sidebar there', async () => {
    const { page, tabId } = await openTab(`${extension.server.origin}/patient-summary.html`);
    await waitFor(() => sidebarAttributes(page, 'li[data-condition]'), (a) => a !== null);
    const popup = await openPopupFor(tabId);

    await popup.waitForSelector('>>> li[data-condition="t2dm"]');
    const text = await pageText(popup);
    expect(text).toMatch(/Active on this page/);
    expect(text).toMatch(/Found: 3/);
    const found = await popup.$$eval('>>> li[data-condition]', (els) => els.map((e) => e.getAttribute('data-condition')).sort());
    expect(found).toEqual(['copd', 'hypertension', 't2dm']);
    await popup.click('>>> li[data-condition="t2dm"] summary');
    await popup.waitForSelector('>>> li[data-condition="t2dm"] details[open] ul.why li');
    await popup.screenshot({ path: path.join(screenshotsDir, 'popup.png') as `${string}.png` });

    await popup.click('>>> #open-sidebar');
    await waitFor(() => pageText(popup), (t) => /Sidebar opened on the page/.test(t));
    await page.close();
    await popup.close();
  });

  it('handles a tab without a content script gracefully', async () => {
    // An extension page: no content script can run there, and tabs.sendMessage finds no receiver.
    const { page, tabId } = await openTab(`chrome-extension://${extension.ext.extensionId}/options.html?other`);
    const popup = await openPopupFor(tabId);
    expect(await pageText(popup)).toMatch(/SMS Prompts cannot run on this kind of page/);
    expect(await popup.$('>>> #open-sidebar')).toBeNull();
    expect(await popup.$('>>> #open-options')).not.toBeNull();
    await popup.screenshot({ path: path.join(screenshotsDir, 'popup-unsupported.png') as `${string}.png` });
    await page.close();
    await popup.close();
  });
});
