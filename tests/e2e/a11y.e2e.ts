/**
 * Accessibility of the extension's pages and of the sidebar, with axe-core in real Chromium.
 * - options.html and popup.html: opened as tabs, axe injected with addScriptTag, run on the document
 *   (axe walks open shadow roots, which the lit components use).
 * - the sidebar lives in a CLOSED shadow root on the EHR page. The content script exposes it on its own
 *   isolated-world global (`globalThis.__smsPromptsSidebar`), which only the extension and devtools reach: we find
 *   that execution context through CDP (Runtime.executionContextCreated, auxData.type 'isolated', the page's main
 *   frame, named after the extension), evaluate axe's source there and run axe on that element.
 * No serious or critical violation is allowed. The Firefox build gets the same checks in firefox.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { axePath, axeSource, serious, type AxeResults } from './axe';
import { sidebarAttributes, useExtensionBrowser, waitFor } from './harness';

/** The extension API inside extension pages and the service worker (Chrome MV3 returns promises, like browser.*). */
declare const chrome: import('webextension-polyfill').Browser;

const extension = useExtensionBrowser();

/** Runs axe on a page; the page must have been opened with page.setBypassCSP(true) (extension pages forbid inline scripts). */
async function axeOnPage(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
    return JSON.parse(JSON.stringify(await axe.run(document, { resultTypes: ['violations'] }))) as AxeResults;
  }) as Promise<AxeResults>;
}

/** Opens a URL in a tab created by the extension, to know its tab id. */
async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const helper = await extension.ext.browser.newPage();
  await helper.goto(`chrome-extension://${extension.ext.extensionId}/options.html`, { waitUntil: 'load' });
  const tabId = await helper.evaluate(async (u) => (await chrome.tabs.create({ url: u })).id!, url);
  const target = await extension.ext.browser.waitForTarget((t) => t.url() === url);
  const page = (await target.page())!;
  await helper.close();
  return { page, tabId };
}

describe('accessibility (axe-core)', () => {
  it('options page: no serious or critical violations, in English and Dutch', async () => {
    const page = await extension.ext.browser.newPage();
    await page.setBypassCSP(true);
    await page.goto(`chrome-extension://${extension.ext.extensionId}/options.html`, { waitUntil: 'load' });
    await page.waitForSelector('>>> #metrics-title');
    const results = await axeOnPage(page);
    expect(serious(results)).toEqual([]);

    await page.select('>>> #language', 'nl');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    // Keyboard: the first Tab lands on the first section link, in document order.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return `${el?.tagName} ${el?.textContent?.trim()}`;
    });
    expect(focused).toBe('A Taal en rol');
    expect(serious(await axeOnPage(page))).toEqual([]);
    await page.select('>>> #language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en'); // saved before the page closes
    await page.close();
  });

  it('popup: no serious or critical violations', async () => {
    const { page, tabId } = await openTab(`${extension.server.origin}/patient-summary.html`);
    await waitFor(() => sidebarAttributes(page, 'li[data-condition]'), (a) => a !== null);
    const popup = await extension.ext.browser.newPage();
    await popup.setBypassCSP(true);
    await popup.goto(`chrome-extension://${extension.ext.extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
    // Polled by hand: puppeteer's deep-selector wait stalled on this page after the options page had run.
    const state = await waitFor(
      () => popup.evaluate(() => document.querySelector('sms-popup-app')?.shadowRoot?.querySelector('#page-state')?.textContent ?? ''),
      (text) => text !== '',
      15_000,
    );
    expect(state).toMatch(/Active on this page/);
    expect(serious(await axeOnPage(popup))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('sidebar in its closed shadow root: axe in the content script world', async () => {
    const page = await extension.ext.browser.newPage();
    const session = await page.createCDPSession();
    const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
    session.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await session.send('Runtime.enable');
    await page.goto(`${extension.server.origin}/patient-summary.html`, { waitUntil: 'load' });
    await waitFor(() => sidebarAttributes(page, 'li[data-condition]'), (a) => a !== null);
    const mainFrame = page.mainFrame() as unknown as { _id: string };
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const frameId = frameTree.frame.id ?? mainFrame._id;
    const world = await waitFor(
      async () => contexts.filter((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameId && c.name === 'SMS Prompts'),
      (found) => found.length > 0,
    );
    expect(world.length).toBeGreaterThan(0);
    const contextId = world[world.length - 1]!.id;

    const exposed = await session.send('Runtime.evaluate', {
      expression: 'String(globalThis.__smsPromptsSidebar && globalThis.__smsPromptsSidebar.localName)',
      contextId,
      returnByValue: true,
    });
    expect(exposed.result.value).toBe('sms-sidebar');

    await session.send('Runtime.evaluate', { expression: axeSource(), contextId });
    const run = await session.send('Runtime.evaluate', {
      // axe builds its tree from the document and cannot enter a CLOSED shadow root (host.shadowRoot is null).
      // In this world only (it has its own wrappers of the DOM objects), give the host a shadowRoot getter that
      // returns its root, which the content script can reach from the sidebar element it exposed.
      expression: `(async () => {
        const el = globalThis.__smsPromptsSidebar;
        const root = el.getRootNode();
        if (root !== document && root.host && !root.host.shadowRoot) Object.defineProperty(root.host, 'shadowRoot', { get: () => root });
        const results = await axe.run(el, { resultTypes: ['violations'] });
        return JSON.parse(JSON.stringify({ violations: results.violations, passes: results.passes }));
      })()`,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (run.exceptionDetails) throw new Error(`axe failed in the content script world: ${JSON.stringify(run.exceptionDetails)}`);
    const results = run.result.value as AxeResults;
    expect(results.passes.length, 'axe must have checked something').toBeGreaterThan(0);
    expect(serious(results)).toEqual([]);
    await page.close();
  });
});
