/**
 * The options page of the built extension in Chromium: enabling a site (with an origin the browser already
 * grants: the permission prompt for a NEW origin is browser UI that cannot be automated, see
 * docs/practice-guide.md), switching language, importing a good and a bad content pack, exporting the metrics
 * CSV, and screenshots for the practice guide.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WebWorker } from 'puppeteer-core';
import { projectRoot } from '../../scripts/browser.mjs';
import { launchWithExtension, pageText, startFixtureServer, waitFor, type ExtensionBrowser, type FixtureServer } from './harness';

/** The extension API inside extension pages and the service worker (Chrome MV3 returns promises, like browser.*). */
declare const chrome: import('webextension-polyfill').Browser;

const screenshotsDir = path.join(projectRoot, 'docs/screenshots');
const builtInPack = JSON.parse(fs.readFileSync(path.join(projectRoot, 'data/packs/sms-core.en.json'), 'utf8')) as Record<string, unknown> & {
  strategies: { sources: string[] }[];
  checksum?: string;
};

let server: FixtureServer;
let ext: ExtensionBrowser;
let page: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-options-e2e-'));

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension({ dir: process.env.EXTENSION_DIR || undefined });
  page = await openOptions();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function openOptions(): Promise<Page> {
  const p = await ext.browser.newPage();
  await p.setViewport({ width: 1100, height: 900 });
  await p.goto(`chrome-extension://${ext.extensionId}/options.html`, { waitUntil: 'load' });
  await p.waitForSelector('>>> #sites-title');
  return p;
}

/** The options page's text through its (open) shadow roots. */
const text = (p: Page = page): Promise<string> => pageText(p);

/** A request to the background from the options page (a trusted extension page). */
async function request<T = unknown>(message: unknown): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message as never) as Promise<T>;
}

async function serviceWorker(): Promise<WebWorker> {
  const target = await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(ext.extensionId));
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

async function upload(selector: string, file: string): Promise<void> {
  const input = await page.waitForSelector(`>>> ${selector}`);
  await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
}

describe('options page', () => {
  it('enables a site the browser already grants, from the typed address, and lists it', async () => {
    await page.click('>>> #site-input');
    await page.keyboard.type(`${server.origin}/patient-summary.html`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('>>> li[data-site="http://127.0.0.1/*"]');
    expect(await text()).toMatch(/http:\/\/127\.0\.0\.1 Active \(test and demo pages\)/);
    const stored = await request<{ ok: true; data: { settings: { enabledSites: string[] } } }>({ type: 'settings/get' });
    expect(stored.data.settings.enabledSites).toEqual(['http://127.0.0.1/*']);
    // Covered by the manifest's own content script: nothing registered twice.
    const worker = await serviceWorker();
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x: { id: string }) => x.id)))).toEqual([]);
  });

  it('the built content script can be registered per site in the real browser (the path sites.ts uses)', async () => {
    const worker = await serviceWorker();
    const ids = await worker.evaluate(async () => {
      const manifest = chrome.runtime.getManifest();
      const js = manifest.content_scripts?.[0]?.js ?? [];
      await chrome.scripting.registerContentScripts([{ id: 'sms-site:https://ehr.example.org/*', matches: ['https://ehr.example.org/*'], js, persistAcrossSessions: false }]);
      const found = (await chrome.scripting.getRegisteredContentScripts()).map((s: { id: string; js?: string[] }) => `${s.id} ${s.js?.join()}`);
      await chrome.scripting.unregisterContentScripts({ ids: ['sms-site:https://ehr.example.org/*'] });
      return found;
    });
    expect(ids).toEqual(['sms-site:https://ehr.example.org/* content-scripts/content.js']);
  });

  it('refuses a bad address with a message and no permission request', async () => {
    await page.click('>>> #site-input', { count: 3 });
    await page.keyboard.type('ftp://ehr.example.org');
    await page.keyboard.press('Enter');
    await page.waitForSelector('>>> #site-error');
    expect(await text()).toMatch(/Only web addresses starting with https:\/\/ or http:\/\//);
  });

  it('switches to Dutch: the page re-renders in the chosen language', async () => {
    await page.select('>>> #language', 'nl');
    await waitFor(() => text(), (t) => t.includes('EPD-websites'));
    expect(await text()).toMatch(/Taal en rol .* Opgeslagen gegevens/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.screenshot({ path: path.join(screenshotsDir, 'options-nl.png') as `${string}.png` });
    await page.select('>>> #language', 'en');
    await waitFor(() => text(), (t) => t.includes('EHR sites'));
  });

  it('imports a good pack, then refuses a bad one naming the field, changing nothing', async () => {
    const good: typeof builtInPack = { ...builtInPack, id: 'practice-pack', version: '2.1.0', title: 'Our practice pack' };
    delete good.checksum;
    await upload('#pack-file', writeJson('good-pack.json', good));
    await page.waitForSelector('>>> tr[data-pack="en"][data-source="imported"]');
    expect(await text()).toMatch(/Content pack practice-pack 2\.1\.0 imported for English/);

    const before = await request<{ ok: true; data: { version: string; checksum: string } }>({ type: 'pack/get', lang: 'en' });
    const bad = structuredClone(good);
    bad.version = '3.0.0';
    bad.strategies[3]!.sources = [];
    await upload('#pack-file', writeJson('bad-pack.json', bad));
    await waitFor(() => text(), (t) => t.includes('bad-pack.json was not imported'));
    expect(await text()).toMatch(/bad-pack\.json was not imported, nothing was changed\. strategies\[3\]\.sources: at least one source is required/);
    const after = await request<{ ok: true; data: { version: string; checksum: string } }>({ type: 'pack/get', lang: 'en' });
    expect(after.data).toMatchObject({ version: '2.1.0', checksum: before.data.checksum });

    // The background refuses it too, even when sent directly.
    const direct = await request<{ ok: boolean; error: string }>({ type: 'pack/import', pack: bad });
    expect(direct).toMatchObject({ ok: false, error: expect.stringContaining('strategies[3].sources') });
  });

  it('shows pilot metrics and exports them as CSV (a download the clinician starts)', async () => {
    for (const [event, conditions] of [
      ['prompt_shown', ['t2dm', 'copd']],
      ['prompt_shown', ['t2dm']],
      ['sidebar_opened', ['t2dm']],
      ['barrier_ticked', ['copd']],
      ['strategy_chosen', ['t2dm']],
    ] as const) {
      await request({ type: 'metrics/record', event, conditions });
    }
    // The metrics section's Refresh button asks metrics/summary again.
    const refresh = await page.waitForSelector('>>> #metrics-refresh');
    await refresh!.click();
    const table = await waitFor(() => page.$('>>> #metrics-weeks'), (el) => el !== null, 15_000);
    if (!table) throw new Error(`no metrics table: ${await text()}`);
    expect(await text()).toMatch(/Per condition/);

    const downloads = path.join(tmp, 'downloads');
    fs.mkdirSync(downloads);
    const session = await ext.browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.click('>>> #metrics-csv');
    const files = await waitFor(
      async () => fs.readdirSync(downloads).filter((f) => f.endsWith('.csv')),
      (f) => f.length > 0,
    );
    expect(files[0]).toMatch(/^sms-prompts-metrics-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(path.join(downloads, files[0]!), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('week,role,condition,event,count');
    expect(csv).toMatch(/,t2dm,prompt_shown,2\r\n/);
    await page.screenshot({ path: path.join(screenshotsDir, 'options.png') as `${string}.png`, fullPage: true });
  });
});
