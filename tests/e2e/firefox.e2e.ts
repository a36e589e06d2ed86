/**
 * The Firefox build (MV2, .output/firefox-mv2) in Debian's Firefox ESR: the consultation path from detection to
 * the note, every shared EHR fixture, the hostile pages, enabling and removing an EHR site from the options
 * page, the popup, the stored data searched for patient identifiers, corrupt stored settings, and axe-core on the
 * sidebar, the options page and the popup. Firefox runs content scripts behind
 * Xray wrappers, where custom elements and page globals behave differently (entrypoints/content/
 * custom-elements.ts), and its extension APIs differ in details (getManifest's file URLs broke per-site
 * registration): only a real Firefox shows that. Every request of the browser goes through a recording proxy,
 * so the run also shows that nothing left it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from '../../scripts/browser.mjs';
import { serious } from './axe';
import {
  attributesFx,
  axeOnDocumentFx,
  axeOnSidebarFx,
  clickFx,
  firefoxDriver,
  navigateToExtensionPageFx,
  strategyIds,
  textFx,
  tickFirstBarrier,
  waitForConditions,
} from './firefox-harness';
import { screenshot, waitFor } from './harness';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';
import { dumpExtensionStorage, expectPseudonymous, NOTHING_IN_PAGE_ORIGIN, readPageOriginStorage, type ExtensionStorage } from './security-helpers';
import { checkSharedFixture, sharedFixtureCases } from './shared-fixtures';
import {
  CORRUPT_STORAGE,
  HOSTILE_PAGES,
  hostilePath,
  sidebarSurvivesCorruptStorage,
  sidebarSurvivesOwnElementAndSweeper,
  sidebarWorksOnHostilePage,
} from './hostile-scenario';

/** Test EHR sites: not covered by the manifest (localhost only), served by the fixture server through the proxy. */
const EHR_SITE = 'http://ehr.example.test';
const OTHER_SITE = 'http://other.example.test';

let server: FixtureServer;
let proxy: RecordingProxy;
let firefox: ExtensionBrowser;
/** The pages the tests opened: the only requests Firefox may make. */
const visited = new Set<string>();

beforeAll(async () => {
  server = await startFixtureServer();
  proxy = await startRecordingProxy(server.origin, [EHR_SITE, OTHER_SITE]);
  // No permission prompt: a site's optional host permission is granted as the clinician's "Allow" would.
  firefox = await launchFirefoxWithExtension({ prefs: { ...proxy.prefs, 'extensions.webextOptionalPermissionPrompts': false } });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await proxy?.close();
  await server?.close();
});

/** Opens a page of the fixture server (a path) or of a test EHR site (a URL the proxy sends to that server). */
async function open(pathOrUrl: string): Promise<Page> {
  const url = new URL(pathOrUrl, server.origin);
  const page = await firefox.browser.newPage();
  visited.add(`${url.origin}${url.pathname}${url.search}`); // a route after # is not part of the request
  await page.goto(url.href, { waitUntil: 'load' });
  return page;
}

/** The extension API inside the extension's own pages (Firefox's `browser`, promise-based). */
declare const browser: import('webextension-polyfill').Browser;

/** Runs `fn` in one of the extension's own pages (where `browser` is the extension API), with `arg`. */
async function inExtensionPage<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  const page = await firefox.browser.newPage();
  await navigateToExtensionPageFx(page, `${firefox.extensionOrigin}/options.html`);
  try {
    return (await page.evaluate(fn as (arg: unknown) => T, arg)) as T;
  } finally {
    await page.close();
  }
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

describe('accessibility in Firefox (axe-core, as a11y.e2e.ts runs it in Chromium; the popup is checked in its own test below)', () => {
  it('the sidebar, in a sandbox realm of the page: no serious or critical violation, with a barrier ticked and its strategies shown', async () => {
    const page = await open('/patient-summary.html');
    await waitForConditions(page, 3);
    if ((await attributesFx(page, 'input[name="barrier"]:checked')).length === 0) await tickFirstBarrier(page);
    await waitFor(() => strategyIds(page), (ids) => ids.length > 0);
    const results = await axeOnSidebarFx(page);
    expect(results.passes.length, 'axe must have checked the sidebar').toBeGreaterThan(10);
    expect(serious(results)).toEqual([]);
    await page.close();
  });

  it('the options page: no serious or critical violation', async () => {
    const page = await firefox.browser.newPage();
    await navigateToExtensionPageFx(page, `${firefox.extensionOrigin}/options.html`);
    await page.waitForSelector('>>> #site-input');
    const results = await axeOnDocumentFx(page);
    expect(results.passes.length, 'axe must have checked the page').toBeGreaterThan(10);
    expect(serious(results)).toEqual([]);
    await page.close();
  });
});

describe('the shared EHR fixtures in Firefox: what a careful clinician reads, and the summary in their note', () => {
  it.each(sharedFixtureCases())('%s', async (name, want) => {
    const page = await open(`/shared/${name}`);
    try {
      await checkSharedFixture(firefoxDriver, page, name, want);
      await screenshot(page, `firefox-${name.replace(/\W+/g, '-')}`);
    } finally {
      await page.close();
    }
  });
});

describe('hostile host pages in Firefox', () => {
  it.each(HOSTILE_PAGES)('%s (%s): the sidebar appears, opens and works; the page still works', async (file, _what) => {
    const page = await open(hostilePath(file));
    try {
      await sidebarWorksOnHostilePage(firefoxDriver, page, file);
      await screenshot(page, `firefox-hostile-${file.replace(/\W+/g, '-')}`);
    } finally {
      await page.close();
    }
  });

  it("hostile-dom.html: the page's own <sms-prompts> definition and its sweeper are survived", async () => {
    const page = await open('/hostile-dom.html');
    try {
      await sidebarSurvivesOwnElementAndSweeper(firefoxDriver, page);
    } finally {
      await page.close();
    }
  });
});

describe('enabling an EHR site in Firefox: its own host permission, then a content script registered for it', () => {
  const noSidebar = async (page: Page) => {
    await new Promise((r) => setTimeout(r, 1500)); // time for a content script to have detected and mounted
    return (await attributesFx(page, 'aside, button.tab')).length === 0;
  };

  async function openSites(): Promise<Page> {
    const page = await firefox.browser.newPage();
    await navigateToExtensionPageFx(page, `${firefox.extensionOrigin}/options.html`);
    await page.waitForSelector('>>> #site-input');
    return page;
  }

  it('nothing runs on an EHR site before it is enabled', async () => {
    const page = await open(`${EHR_SITE}/patient-summary.html`);
    expect(await noSidebar(page)).toBe(true);
    await page.close();
  });

  it('enabled from the options page, the site gets the sidebar; another site still does not', async () => {
    const options = await openSites();
    await options.click('>>> #site-input');
    await options.keyboard.type(`${EHR_SITE}/patient-summary.html`);
    await options.keyboard.press('Enter');
    const row = await options.waitForSelector(`>>> li[data-site="${EHR_SITE}/*"] .status.active`);
    expect(await row!.evaluate((el) => el.textContent)).toMatch(/active/i);
    await screenshot(options, 'firefox-options-site-enabled');
    await options.close();

    const page = await open(`${EHR_SITE}/patient-summary.html`);
    expect(await waitForConditions(page, 3)).toEqual({ copd: 'confirmed', hypertension: 'confirmed', t2dm: 'confirmed' });
    await page.close();

    const other = await open(`${OTHER_SITE}/patient-summary.html`);
    expect(await noSidebar(other)).toBe(true);
    await other.close();
  });

  it('removed again, the permission is given back and the site gets nothing', async () => {
    const options = await openSites();
    await options.click(`>>> li[data-site="${EHR_SITE}/*"] button:last-of-type`);
    await options.waitForSelector(`>>> li[data-site="${EHR_SITE}/*"]`, { hidden: true });
    const held = await options.evaluate(
      (origin) => browser.permissions.contains({ origins: [origin] }),
      `${EHR_SITE}/*`,
    );
    expect(held).toBe(false);
    await options.close();

    const page = await open(`${EHR_SITE}/patient-summary.html`);
    expect(await noSidebar(page)).toBe(true);
    await page.close();
  });
});

describe('the toolbar popup in Firefox (popup.html?tab=<id> in a tab of its own, as in popup.e2e.ts)', () => {
  /** The extension's tab id for `page`: the active tab, as one of the extension's pages sees it (no `tabs` permission). */
  async function tabIdOf(page: Page): Promise<number> {
    const helper = await firefox.browser.newPage();
    await navigateToExtensionPageFx(helper, `${firefox.extensionOrigin}/options.html`);
    await helper.waitForSelector('>>> #site-input');
    await page.bringToFront();
    const id = await helper.evaluate(
      async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    );
    await helper.close();
    if (id === undefined) throw new Error('no active tab');
    return id;
  }

  async function openPopupFor(tabId: number): Promise<Page> {
    const popup = await firefox.browser.newPage();
    await popup.setViewport({ width: 360, height: 480 });
    await navigateToExtensionPageFx(popup, `${firefox.extensionOrigin}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('>>> #page-state');
    return popup;
  }

  const stateText = (popup: Page) => popup.$eval('>>> #page-state', (el) => el.textContent ?? '');

  it('reports what the page shows, and why, and opens the sidebar there (tabs.sendMessage to the content script)', async () => {
    const page = await open('/patient-summary.html');
    await waitForConditions(page, 3);
    await clickFx(page, 'button.collapse');
    const popup = await openPopupFor(await tabIdOf(page));
    await popup.waitForSelector('>>> li[data-condition="t2dm"]');
    expect(await stateText(popup)).toMatch(/Active on this page/);
    const found = await popup.$$eval('>>> li[data-condition]', (els) => els.map((e) => e.getAttribute('data-condition')).sort());
    expect(found).toEqual(['copd', 'hypertension', 't2dm']);
    await popup.click('>>> li[data-condition="t2dm"] summary');
    await popup.waitForSelector('>>> li[data-condition="t2dm"] details[open] ul.why li');
    await screenshot(popup, 'firefox-popup');
    const axe = await axeOnDocumentFx(popup);
    expect(axe.passes.length, 'axe must have checked the popup').toBeGreaterThan(5);
    expect(serious(axe)).toEqual([]);

    await popup.click('>>> #open-sidebar');
    await popup.waitForFunction(() => /Sidebar opened on the page/.test(document.body.innerText + (document.querySelector('sms-popup-app')?.shadowRoot?.textContent ?? '')));
    expect(await waitFor(() => attributesFx(page, 'aside'), (found) => found.length === 1)).toHaveLength(1);
    await popup.close();
    await page.close();
  });
});

describe('pseudonymity in Firefox (what the extension keeps, read from one of its own pages)', () => {
  it("nothing is written into the EHR page's origin during a consultation: no IndexedDB, Web Storage, cookie or cache", async () => {
    // Firefox runs content scripts with the page's origin: storage a content script used itself would land here.
    for (const pathname of ['/patient-summary.html', '/shared/nl-huisartsdossier.html']) {
      const page = await open(pathname);
      await waitForConditions(page, 3);
      await clickFx(page, 'input[name="barrier"][value="consultation_time"]');
      await waitFor(() => barrierTicked(page, 'consultation_time'), (t) => t);
      expect(await readPageOriginStorage(page), pathname).toEqual(NOTHING_IN_PAGE_ORIGIN);
      await page.close();
    }
  });

  it('the consultations were stored under 64-hex pseudonymous keys, and nothing stored names a patient', async () => {
    expectPseudonymous(JSON.parse(await inExtensionPage(dumpExtensionStorage)) as ExtensionStorage);
  });
});

describe('corrupt stored settings and content pack in Firefox', () => {
  it('falls back to defaults with the visible warning, keeps the corrupt copy, and still works', async () => {
    await inExtensionPage((items) => browser.storage.local.set(items), CORRUPT_STORAGE);
    const page = await open('/patient-summary.html');
    try {
      await sidebarSurvivesCorruptStorage(firefoxDriver, page, () => inExtensionPage(() => browser.storage.local.get(null)));
    } finally {
      await page.close();
    }
  });
});

describe('no egress from Firefox (every request of the whole browser went through a recording proxy)', () => {
  it('the only requests were the test pages loading from the fixture server, during a whole consultation', async () => {
    // After the consultation, the shared fixtures and the hostile pages above (detection, tick, insert, save, reload), and a wait for
    // late saves or beacons.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pages = proxy.requests.filter((r) => r.method === 'GET' && visited.has(r.url));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const favicons = new Set([...visited].map((url) => `${new URL(url).origin}/favicon.ico`));
    const others = proxy.requests.filter((r) => !(r.method === 'GET' && (visited.has(r.url) || favicons.has(r.url))));
    expect(others).toEqual([]);
  });

  it('control: a request that would leave the machine is recorded', async () => {
    const page = await open('/patient-summary.html');
    await page.evaluate(() => fetch('http://192.0.2.1/egress-probe').catch(() => undefined));
    const seen = await waitFor(
      () => Promise.resolve(proxy.requests.some((r) => r.url === 'http://192.0.2.1/egress-probe')),
      (found) => found,
      5_000,
    );
    expect(seen).toBe(true);
    await page.close();
  });
});
