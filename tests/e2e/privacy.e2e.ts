/**
 * Privacy in the real browser. A full consultation (sidebar opened, barrier ticked, strategy chosen, goal typed,
 * summary copied and inserted, page reloaded) on the test pages, with CDP Network recording on every target:
 * the pages, the extension's service worker and
 * every page the extension ships. Then: did the extension make any request of its own; what did it store, and
 * does any of it name the patient; did it write anything into the page's origin.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  checkedBoxes,
  openSidebar,
  clickInSidebar,
  isolatedEval,
  launchWithExtension,
  queryInSidebar,
  sidebarAttributes,
  startFixtureServer,
  tickFirstBarrier,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { extensionDir } from '../../scripts/browser.mjs';
import {
  NetworkRecorder,
  type RecordedRequest,
  expectPseudonymous,
  NOTHING_IN_PAGE_ORIGIN,
  readExtensionStorage,
  readPageOriginStorage,
  type PageOriginStorage,
  serviceWorker,
  type ExtensionStorage,
} from './security-helpers';

const PAGES = ['/patient-summary.html', '/nl-dossier.html', '/shared/hostile-page.html', '/shared/fhir-embedded.html'];

let server: FixtureServer;
let ext: ExtensionBrowser;
let recorder: NetworkRecorder;
let stored: ExtensionStorage;
const visited = new Set<string>();
const pageOriginStorage: Record<string, PageOriginStorage> = {};
const extensionPages: string[] = [];

/** Requests that are neither the page loading what we navigated to nor the extension loading its own files. */
function offending(requests: RecordedRequest[]): RecordedRequest[] {
  const own = `chrome-extension://${ext.extensionId}/`;
  const allowedOnServer = new Set([...visited].map((p) => `${server.origin}${p}`).concat(`${server.origin}/favicon.ico`));
  return requests.filter((r) => {
    if (r.url.startsWith(own)) return false;
    // about:srcdoc / about:blank frames and data: URLs (e.g. the browser's own date-picker icon) never leave the machine.
    if (r.url.startsWith('about:') || r.url.startsWith('data:')) return false;
    const byExtension = r.initiatorUrls.some((u) => u.startsWith('chrome-extension://'));
    return !allowedOnServer.has(r.url) || byExtension || r.targetType !== 'page';
  });
}

async function open(pathname: string): Promise<Page> {
  await recorder.ready();
  const page = await ext.browser.newPage();
  await recorder.ready(); // Network is on for the new tab before it navigates
  visited.add(pathname);
  await page.goto(`${server.origin}${pathname}`, { waitUntil: 'load' });
  return page;
}

async function firstValue(page: Page, selector: string): Promise<string> {
  return (await sidebarAttributes(page, selector))?.['value'] ?? '';
}


/** A whole GP consultation the way the clinician does it, ending with the summary in the note and a reload. */
async function consultation(pathname: string): Promise<void> {
  const page = await open(pathname);
  try {
    await steps(page, pathname);
  } catch (e) {
    throw new Error(`${pathname}: ${String(e)}`);
  } finally {
    await page.close();
  }
}

async function steps(page: Page, pathname: string): Promise<void> {
  await openSidebar(page);
  await tickFirstBarrier(page);
  await waitFor(() => checkedBoxes(page), (names) => names.length > 0);
  const strategy = await waitFor(() => firstValue(page, 'input[name="strategy"]'), (v) => v !== '');
  await clickInSidebar(page, `input[name="strategy"][value="${strategy}"]`);
  await clickInSidebar(page, 'textarea[name="goal-text"]');
  await page.keyboard.type('Walk 15 minutes after lunch');
  await page.keyboard.press('Tab'); // leaving the field commits the goal (GP mode shows the goal text only)
  await clickInSidebar(page, 'button.copy');
  await waitFor(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t.length > 0);
  if ((await queryInSidebar(page, 'button.insert')).length > 0) await clickInSidebar(page, 'button.insert');
  await new Promise((r) => setTimeout(r, 1000)); // the save is debounced
  await page.reload({ waitUntil: 'load' });
  await openSidebar(page);
  await waitFor(() => checkedBoxes(page), (names) => names.length > 0);
  pageOriginStorage[pathname] = await readPageOriginStorage(page);
}

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
  recorder = new NetworkRecorder(ext.browser);
  await recorder.ready();
  // The service worker started with the browser, before anything could attach: what it does at start-up is
  // held by the CSP (connect-src 'none') and the static scan (manifest.e2e.ts). From here on it is recorded.
  await serviceWorker(ext);
  await recorder.ready();
  await ext.browser.defaultBrowserContext().overridePermissions(server.origin, ['clipboard-read', 'clipboard-write']);

  for (const pathname of PAGES) await consultation(pathname);

  // Every page the extension ships (options, action plan, ...), opened directly.
  for (const file of fs.readdirSync(extensionDir).filter((f) => f.endsWith('.html'))) {
    const page = await ext.browser.newPage();
    await recorder.ready();
    const url = `chrome-extension://${ext.extensionId}/${file}`;
    await page.goto(url, { waitUntil: 'load' }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 800));
    extensionPages.push(file);
    await page.close();
  }
  await new Promise((r) => setTimeout(r, 500));
  stored = await readExtensionStorage(ext);
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('no egress', () => {
  it('recorded every target: the pages, the service worker, the extension pages', () => {
    const types = new Set(recorder.targets.map((t) => t.type));
    console.log(`targets watched: ${recorder.targets.length} (${[...types].join(', ')}); requests: ${recorder.requests.length}; extension pages: ${extensionPages.join(', ') || '(none)'}`);
    expect(types.has('page')).toBe(true);
    expect(recorder.targets.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
    // The recorder works: the page's own document loads were seen.
    for (const pathname of PAGES) expect(recorder.requests.map((r) => r.url)).toContain(`${server.origin}${pathname}`);
  });

  it('every request is the page loading its own files from its server, or the extension loading its own files', () => {
    expect(offending(recorder.requests)).toEqual([]);
    // Nothing the service worker or an extension page asked for left the extension's own package.
    const own = `chrome-extension://${ext.extensionId}/`;
    expect(recorder.requests.filter((r) => r.targetUrl.startsWith(own) && !r.url.startsWith(own))).toEqual([]);
  });

  it('control: a request made from an isolated world (where content scripts run) is caught', async () => {
    const page = await open('/negations.html');
    const before = recorder.requests.length;
    await isolatedEval(page, `fetch('http://localhost:9/egress-probe').catch(() => 0)`);
    await new Promise((r) => setTimeout(r, 500));
    await page.close();
    const caught = offending(recorder.requests.slice(before)).map((r) => `${r.targetType} ${r.url}`);
    console.log(`control requests caught: ${caught.join(', ')}`);
    expect(caught).toContain('page http://localhost:9/egress-probe');
  });
});

describe('pseudonymity in the real browser', () => {
  it('the consultations were stored, under 64-hex pseudonymous keys, and nothing stored names a patient or carries an identifier', () => {
    const dump = JSON.stringify(stored);
    console.log(`stored: ${dump.length} characters; IndexedDB ${JSON.stringify(Object.fromEntries(Object.entries(stored.indexedDb).map(([n, s]) => [n, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.length]))])))}; storage.local keys: ${Object.keys(stored.local).join(', ')}`);
    expectPseudonymous(stored);
    const consultations = stored.indexedDb['sms-prompts']!['consultations'] as { goal: { text: string } | null }[];
    expect(consultations.some((c) => c.goal?.text === 'Walk 15 minutes after lunch')).toBe(true);
  });

  it("nothing is written into the page's origin: no IndexedDB, localStorage, sessionStorage, cookie or cache", () => {
    expect(Object.keys(pageOriginStorage).sort()).toEqual([...PAGES].sort());
    for (const [pathname, s] of Object.entries(pageOriginStorage)) {
      expect(s, pathname).toEqual(NOTHING_IN_PAGE_ORIGIN);
    }
  });
});
