/**
 * Hostile host pages: style sheets that hide or restyle everything, scripts that patch the globals an extension
 * might use, a page that defines its own <sms-prompts> and sweeps foreign nodes off <html>, 300 iframes, and
 * page text that looks like HTML. The sidebar must appear where it says it is (what the page itself would hit at
 * the tab's centre is our host), open, and work; the page must keep working; page text is never markup.
 * Also: a corrupt settings blob and a corrupt imported pack in storage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  checkedBoxes,
  openSidebar,
  clickInSidebar,
  launchWithExtension,
  queryInSidebar,
  screenshot,
  sidebarText,
  startFixtureServer,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { projectRoot } from '../../scripts/browser.mjs';
import {
  clickOnPage,
  elementAtPoint,
  isolatedEval,
  readExtensionStorage,
  sidebarCentre,
  tickFirstBarrier,
  writeExtensionLocal,
} from './security-helpers';

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

const pageClicks = (page: Page) => isolatedEval<string>(page, `document.getElementById('clicks')?.textContent ?? ''`);

/** The collapsed tab is visible and on top at its own centre, and a real click there opens the panel. */
async function tabIsOnTopAndOpens(page: Page, name: string): Promise<void> {
  const tab = await waitFor(() => sidebarCentre(page, 'button.tab'), (c) => c !== null, 15_000);
  expect(tab, `${name}: the collapsed tab must appear`).not.toBeNull();
  expect(await elementAtPoint(page, tab!), `${name}: what the page hits at the tab's centre`).toBe('SMS-PROMPTS');
  await page.mouse.click(tab!.x, tab!.y);
  await waitFor(() => queryInSidebar(page, 'aside'), (ids) => ids.length === 1);
  expect(await queryInSidebar(page, 'aside'), `${name}: the panel opens from the tab`).toHaveLength(1);
  // The open panel is on top too: its header's collapse button is what the page would hit.
  const collapse = await sidebarCentre(page, 'button.collapse');
  expect(await elementAtPoint(page, collapse!)).toBe('SMS-PROMPTS');
}

const HOSTILE_PAGES = [
  ['hostile-css.html', 'style sheets that hide everything foreign, `all: revert`, max z-index overlays'],
  ['hostile-scripts.html', 'patched Array/JSON/fetch/attachShadow/MutationObserver/customElements, inline styles stripped'],
  ['hostile-dom.html', 'its own <sms-prompts> element, sweeps foreign nodes off <html> every 700 ms'],
  ['hostile-iframes.html', '300 srcdoc iframes'],
  ['/shared/hostile-page.html', 'the team fixture: legacy globals, overlay, HTML-looking problem text'],
] as const;

describe('hostile host pages', () => {
  it.each(HOSTILE_PAGES)('%s (%s): the sidebar appears, opens and works; the page still works', async (file, _what) => {
    const { page, errors } = await open(file.startsWith('/') ? file : `/${file}`);
    try {
      // GP mode starts collapsed (default settings); give the page's own timers a chance to do their worst first.
      await new Promise((r) => setTimeout(r, 1600));
      if (file === 'hostile-scripts.html') {
        expect(await page.evaluate(() => (window as unknown as { __themeSwitched: boolean }).__themeSwitched), 'the page stripped inline styles').toBe(true);
      }
      if ((await queryInSidebar(page, 'aside')).length === 1) await clickInSidebar(page, 'button.collapse');
      await tabIsOnTopAndOpens(page, file);

      const before = await checkedBoxes(page);
      await tickFirstBarrier(page);
      const after = await waitFor(() => checkedBoxes(page), (names) => names.length === before.length + 1);
      expect(after.length, `${file}: ticking a barrier`).toBe(before.length + 1);
      await screenshot(page, `hostile-${path.basename(file, '.html')}`);

      // The page's own controls and scripts still work beside the open sidebar.
      if (await isolatedEval<boolean>(page, `!!document.getElementById('count')`)) {
        const clicks = Number(await pageClicks(page));
        await clickOnPage(page, '#count');
        expect(Number(await waitFor(() => pageClicks(page), (c) => Number(c) === clicks + 1)), `${file}: page button`).toBe(clicks + 1);
      }
      expect(errors, `${file}: the content script logged errors`).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('hostile-dom.html: the page\'s own <sms-prompts> definition and its sweeper are survived', async () => {
    const { page } = await open('/hostile-dom.html');
    try {
      await openSidebar(page);
      // Let the sweeper run a few times with the panel open.
      await new Promise((r) => setTimeout(r, 2200));
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __swept: number; __hostileConstructed?: number; __defineFailed?: string };
        return { swept: w.__swept, constructed: w.__hostileConstructed ?? 0, defineFailed: w.__defineFailed ?? '' };
      });
      console.log(`hostile-dom.html: ${JSON.stringify(seen)}`);
      expect(seen.swept, 'the page swept our host off <html>').toBeGreaterThan(0);
      expect(await queryInSidebar(page, 'aside')).toHaveLength(1);
      const collapse = await sidebarCentre(page, 'button.collapse');
      expect(await elementAtPoint(page, collapse!)).toBe('SMS-PROMPTS');
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
    const messages = JSON.parse(fs.readFileSync(path.join(projectRoot, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const warning = messages['settingsWarning']!.message;
    await writeExtensionLocal(ext, { settings: 'garbage{', 'pack.en': { pack: 'garbage{', importedAt: 'never' } });

    const { page } = await open('/patient-summary.html');
    try {
      await openSidebar(page);
      const notice = await waitFor(() => sidebarText(page, '.notice.error'), (t) => t.length > 0);
      expect(notice).toBe(warning);
      await tickFirstBarrier(page);
      expect((await waitFor(() => checkedBoxes(page), (n) => n.length > 0)).length).toBeGreaterThan(0);

      const stored = await readExtensionStorage(ext);
      const copies = Object.entries(stored.local).filter(([k]) => k.startsWith('settings.corrupt.'));
      expect(copies.map(([, v]) => v), 'the corrupt blob is kept for export').toContain('garbage{');
    } finally {
      await page.close();
    }
  });
});
