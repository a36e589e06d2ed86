/**
 * The Firefox build (MV2, .output/firefox-mv2) in Debian's Firefox ESR: the same consultation path as in
 * Chromium, from detection to the note. Firefox runs content scripts behind Xray wrappers, where custom
 * elements behave differently (entrypoints/content/custom-elements.ts); only a real Firefox shows that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from '../../scripts/browser.mjs';
import { attributesFx, clickFx, strategyIds, textFx, waitForConditions } from './firefox-harness';
import { screenshot, waitFor } from './harness';

let server: FixtureServer;
let firefox: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension();
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(pathname: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(`${server.origin}${pathname}`, { waitUntil: 'load' });
  return page;
}

const barrierTicked = async (page: Page, id: string) =>
  (await attributesFx(page, `input[name="barrier"][value="${id}"]:checked`)).length === 1;

describe('the Firefox build in Firefox ESR', () => {
  it('detects the conditions, follows a ticked barrier and inserts the summary into the note', async () => {
    const page = await open('/patient-summary.html');
    const shown = await waitForConditions(page, 3);
    expect(shown).toEqual({ copd: 'confirmed', hypertension: 'confirmed', t2dm: 'confirmed' });
    expect(await textFx(page, 'aside h2, aside header')).toMatch(/self-management support/i);

    const before = await strategyIds(page);
    expect(before.length).toBeGreaterThan(0);
    await clickFx(page, 'input[name="barrier"][value="health_literacy"]');
    const after = await waitFor(() => strategyIds(page), (ids) => ids.join() !== before.join());
    expect(after).not.toEqual(before);
    expect(await textFx(page, 'li[data-strategy]')).toMatch(/health literacy/i);

    await clickFx(page, 'button.insert');
    const note = await waitFor(() => page.$eval('#note', (el) => (el as HTMLTextAreaElement).value), (v) => v.length > 0);
    expect(note).toMatch(/Conditions: .*Type 2 diabetes/);
    expect(note).toMatch(/Barriers: .*health literacy/i);
    await screenshot(page, 'firefox-sidebar');
    await page.close();
  });

  it('keeps the ticked barrier for this patient after a reload (storage in the background page)', async () => {
    const page = await open('/patient-summary.html');
    await waitForConditions(page, 3);
    const ticked = await waitFor(() => barrierTicked(page, 'health_literacy'), (t) => t, 10_000);
    expect(ticked).toBe(true);
    await page.close();
  });
});
