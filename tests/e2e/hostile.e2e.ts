/**
 * Hostile host pages: style sheets that hide or restyle everything, scripts that patch the globals an extension
 * might use, a page that defines its own <sms-prompts> and sweeps foreign nodes off <html>, 300 iframes, and
 * page text that looks like HTML. The sidebar must appear where it says it is (what the page itself would hit at
 * the tab's centre is our host), open, and work; the page must keep working; page text is never markup.
 * Also: a corrupt settings blob and a corrupt imported pack in storage.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  chromiumDriver,
  openSidebar,
  clickInSidebar,
  isolatedEval,
  launchWithExtension,
  queryInSidebar,
  screenshot,
  sidebarText,
  startFixtureServer,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import {
  CORRUPT_STORAGE,
  HOSTILE_PAGES,
  hostilePath,
  sidebarSurvivesCorruptStorage,
  sidebarSurvivesOwnElementAndSweeper,
  sidebarWorksOnHostilePage,
} from './hostile-scenario';
import { readExtensionStorage, writeExtensionLocal } from './security-helpers';

let server: FixtureServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(pathname: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ext.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('SMS Prompts')) errors.push(m.text());
  });
  await page.goto(`${server.origin}${pathname}`, { waitUntil: 'load', timeout: 45_000 });
  return { page, errors };
}

describe('hostile host pages', () => {
  it.each(HOSTILE_PAGES)('%s (%s): the sidebar appears, opens and works; the page still works', async (file, _what) => {
    const { page, errors } = await open(hostilePath(file));
    try {
      await sidebarWorksOnHostilePage(chromiumDriver, page, file);
      await screenshot(page, `hostile-${path.basename(file, '.html')}`);
      expect(errors, `${file}: the content script logged errors`).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('hostile-dom.html: the page\'s own <sms-prompts> definition and its sweeper are survived', async () => {
    const { page } = await open('/hostile-dom.html');
    try {
      await sidebarSurvivesOwnElementAndSweeper(chromiumDriver, page);
    } finally {
      await page.close();
    }
  });
});

describe('page text is never inserted as HTML', () => {
  it('/shared/hostile-page.html: "Why?" opened, summary inserted, no script ran and no element was made from page text', async () => {
    const { page } = await open('/shared/hostile-page.html');
    try {
      await openSidebar(page);
      const conditions = await waitFor(() => queryInSidebar(page, 'li[data-condition] summary'), (ids) => ids.length >= 2);
      expect(conditions.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i <= conditions.length; i++) await clickInSidebar(page, `li[data-condition]:nth-of-type(${i}) summary`);
      await waitFor(() => queryInSidebar(page, 'details[open]'), (ids) => ids.length === conditions.length);
      const evidence = await sidebarText(page, 'ul.evidence');
      expect(evidence.length, 'the evidence ("Why?") is shown').toBeGreaterThan(0);

      await waitFor(() => queryInSidebar(page, 'button.insert'), (ids) => ids.length === 1);
      await clickInSidebar(page, 'button.insert');
      const note = await waitFor(() => isolatedEval<string>(page, `document.getElementById('note').value`), (v) => v.length > 0);
      expect(note).toMatch(/diabetes/i);
      expect(note).not.toMatch(/<[a-z]/i);
      await new Promise((r) => setTimeout(r, 500)); // an onerror would fire asynchronously

      expect(await page.evaluate(() => (window as unknown as { __xss_fired?: unknown }).__xss_fired)).toBeUndefined();
      expect(await queryInSidebar(page, 'img, script, iframe, object, embed, svg, math, link, meta, base, form')).toEqual([]);
      // Nor anywhere on the page outside its own markup: the page started with no <img> and two iframes.
      expect(await isolatedEval<number>(page, `document.querySelectorAll('img, script:not(head script)').length`)).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('corrupt stored settings and content pack', () => {
  it('falls back to defaults with the visible warning, keeps the corrupt copy, and still works', async () => {
    await writeExtensionLocal(ext, CORRUPT_STORAGE);
    const { page } = await open('/patient-summary.html');
    try {
      await sidebarSurvivesCorruptStorage(chromiumDriver, page, async () => (await readExtensionStorage(ext)).local);
    } finally {
      await page.close();
    }
  });
});

