/**
 * What a hostile host page must not break, as a clinician meets it: the sidebar appears where it says it is
 * (what the page itself would hit at the tab's centre is our host), opens, and works, and the page keeps
 * working. One piece of code for Chromium and Firefox, where the content script meets the page's patched
 * globals and custom elements differently (Firefox: through Xray wrappers). Also: what a corrupt settings blob
 * and a corrupt imported pack in the extension's own storage must not break.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { projectRoot } from '../../scripts/browser.mjs';
import { sidebarViews, waitFor, type SidebarDriver } from './harness';

/** Our own hostile pages (tests/pages) and the team's (/shared/), with what each does. */
export const HOSTILE_PAGES = [
  ['hostile-css.html', 'style sheets that hide everything foreign, `all: revert`, max z-index overlays'],
  ['hostile-scripts.html', 'patched Array/JSON/fetch/attachShadow/MutationObserver/customElements, inline styles stripped'],
  ['hostile-dom.html', 'its own <sms-prompts> element, sweeps foreign nodes off <html> every 700 ms'],
  ['hostile-iframes.html', '300 srcdoc iframes'],
  ['/shared/hostile-page.html', 'the team fixture: legacy globals, overlay, HTML-looking problem text'],
] as const;

export const hostilePath = (file: string): string => (file.startsWith('/') ? file : `/${file}`);

const tickedBarriers = (driver: SidebarDriver, page: Page) => driver.attributes(page, 'input[name="barrier"]:checked');

/** The collapsed tab is visible and on top at its own centre, and a real click there opens the panel. */
async function tabIsOnTopAndOpens(driver: SidebarDriver, page: Page, name: string): Promise<void> {
  const { elementAtPoint, centre } = sidebarViews(driver);
  const tab = await waitFor(() => centre(page, 'button.tab'), (c) => c !== null, 15_000);
  expect(tab, `${name}: the collapsed tab must appear`).not.toBeNull();
  expect(await elementAtPoint(page, tab!), `${name}: what the page hits at the tab's centre`).toBe('SMS-PROMPTS');
  await page.mouse.click(tab!.x, tab!.y);
  const panel = await waitFor(() => driver.attributes(page, 'aside'), (found) => found.length === 1);
  expect(panel, `${name}: the panel opens from the tab`).toHaveLength(1);
  // The open panel is on top too: its header's collapse button is what the page would hit.
  const collapse = await centre(page, 'button.collapse');
  expect(await elementAtPoint(page, collapse!)).toBe('SMS-PROMPTS');
}

/** On a hostile page already open: the tab, the panel and a tick work, and the page's own button still does. */
export async function sidebarWorksOnHostilePage(driver: SidebarDriver, page: Page, file: string): Promise<void> {
  const { tickFirstBarrier, clickOnPage } = sidebarViews(driver);
  // GP mode starts collapsed (default settings); give the page's own timers a chance to do their worst first.
  await new Promise((r) => setTimeout(r, 1600));
  if (file === 'hostile-scripts.html') {
    expect(await page.evaluate(() => (window as unknown as { __themeSwitched: boolean }).__themeSwitched), 'the page stripped inline styles').toBe(true);
  }
  if ((await driver.attributes(page, 'aside')).length === 1) await driver.click(page, 'button.collapse');
  await tabIsOnTopAndOpens(driver, page, file);

  const before = (await tickedBarriers(driver, page)).length;
  await tickFirstBarrier(page);
  const after = await waitFor(() => tickedBarriers(driver, page), (ticked) => ticked.length === before + 1);
  expect(after.length, `${file}: ticking a barrier`).toBe(before + 1);

  // The page's own controls and scripts still work beside the open sidebar.
  const pageClicks = () => driver.probe<string>(page, `document.getElementById('clicks')?.textContent ?? ''`);
  if (await driver.probe<boolean>(page, `!!document.getElementById('count')`)) {
    const clicks = Number(await pageClicks());
    await clickOnPage(page, '#count');
    expect(Number(await waitFor(pageClicks, (c) => Number(c) === clicks + 1)), `${file}: page button`).toBe(clicks + 1);
  }
}

/** On hostile-dom.html, open: the page's own <sms-prompts> definition and its sweeper of foreign nodes are survived. */
export async function sidebarSurvivesOwnElementAndSweeper(driver: SidebarDriver, page: Page): Promise<void> {
  const { openSidebar, elementAtPoint, centre } = sidebarViews(driver);
  await openSidebar(page);
  // Let the sweeper run a few times with the panel open.
  await new Promise((r) => setTimeout(r, 2200));
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __swept: number; __hostileConstructed?: number; __defineFailed?: string };
    return { swept: w.__swept, constructed: w.__hostileConstructed ?? 0, defineFailed: w.__defineFailed ?? '' };
  });
  console.log(`hostile-dom.html: ${JSON.stringify(seen)}`);
  expect(seen.swept, 'the page swept our host off <html>').toBeGreaterThan(0);
  expect(await driver.attributes(page, 'aside')).toHaveLength(1);
  const collapse = await centre(page, 'button.collapse');
  expect(await elementAtPoint(page, collapse!)).toBe('SMS-PROMPTS');
}

/** A settings blob and an imported pack as a damaged profile or a buggy old version might have left them. */
export const CORRUPT_STORAGE = { settings: 'garbage{', 'pack.en': { pack: 'garbage{', importedAt: 'never' } };

/**
 * With CORRUPT_STORAGE written, on a chart already open: the sidebar says so with the settings warning and still
 * works, and the corrupt blob is kept (`readLocal`: the extension's storage.local) for the practice to export.
 */
export async function sidebarSurvivesCorruptStorage(driver: SidebarDriver, page: Page, readLocal: () => Promise<Record<string, unknown>>): Promise<void> {
  const { openSidebar, tickFirstBarrier } = sidebarViews(driver);
  const messages = JSON.parse(fs.readFileSync(path.join(projectRoot, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  await openSidebar(page);
  const notice = await waitFor(() => driver.text(page, '.notice.error'), (t) => t.length > 0);
  expect(notice).toBe(messages['settingsWarning']!.message);
  await tickFirstBarrier(page);
  expect((await waitFor(() => tickedBarriers(driver, page), (ticked) => ticked.length > 0)).length).toBeGreaterThan(0);
  const copies = Object.entries(await readLocal()).filter(([k]) => k.startsWith('settings.corrupt.'));
  expect(copies.map(([, v]) => v), 'the corrupt blob is kept for export').toContain('garbage{');
}
