// Shared by the demo (npm start), the end-to-end tests and the benchmarks: a loopback server for the
// EHR-like pages and Debian's Chromium with the built extension loaded. Never downloads a browser.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const extensionDir = path.join(projectRoot, '.output/chrome-mv3');
export const sharedFixturesDir = path.resolve(projectRoot, '../shared/ehr-fixtures');
export const ownPagesDir = path.join(projectRoot, 'tests/pages');
export const firefoxExtensionDir = path.join(projectRoot, '.output/firefox-mv2');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--window-size=1400,900',
];

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css' };

function listing(dir, title) {
  const links = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => `<li><a href="${f}">${f}</a></li>`);
  return `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><ul>${links.join('')}</ul>`;
}

/** Serves tests/pages at / and ../shared/ehr-fixtures at /shared/ on 127.0.0.1 (port 0 = any free port). */
export async function startFixtureServer(port = 0) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const shared = url.pathname.startsWith('/shared/');
    const baseDir = shared ? sharedFixturesDir : ownPagesDir;
    const rel = decodeURIComponent(url.pathname.slice(shared ? '/shared/'.length : 1));
    if (shared && rel === '') {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] }).end(listing(baseDir, 'Team EHR fixtures'));
      return;
    }
    const file = path.resolve(baseDir, rel || 'index.html');
    if (!file.startsWith(baseDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium with the built extension (EXTENSION_DIR overrides where the build is); fails clearly when it is missing. */
export async function launchWithExtension({ headless = true, userDataDir, dir = process.env.EXTENSION_DIR || extensionDir } = {}) {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run "npm run build" first.`);
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    pipe: true,
    enableExtensions: [dir],
    args: CHROMIUM_ARGS,
    userDataDir,
    defaultViewport: headless ? { width: 1400, height: 900 } : null,
  });
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const extensionId = new URL(worker.url()).host;
  return { browser, extensionId, extensionOrigin: `chrome-extension://${extensionId}`, close: () => browser.close() };
}

/** The extension's moz-extension:// host in test runs (extensions.webextensions.uuids). */
const FIREFOX_EXTENSION_UUID = '5d4c6b4e-8f0a-4f43-9d7e-1c2b3a4d5e6f';

/**
 * Firefox's own background traffic off (what --disable-background-networking does for Chromium): puppeteer's
 * defaults leave Remote Settings on, which polls firefox.settings.services.mozilla.com. The value is the one
 * Mozilla's own test harnesses use.
 */
export const FIREFOX_QUIET_PREFS = { 'services.settings.server': 'data:,#remote-settings-dummy/v1' };

/**
 * Debian's Firefox ESR with the built Firefox extension installed as a temporary add-on (WebDriver BiDi
 * webExtension.install, as about:debugging does: no signing needed); fails clearly when a piece is missing.
 */
export async function launchFirefoxWithExtension({ dir = firefoxExtensionDir, prefs = {}, env = {} } = {}) {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${dir}: run "npm run build:firefox" first.`);
  }
  const geckoId = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).browser_specific_settings?.gecko?.id;
  const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!fs.existsSync(executablePath)) throw new Error(`No Firefox at ${executablePath}: run "bash scripts/ensure-system.sh".`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: {
      ...FIREFOX_QUIET_PREFS,
      // A fixed moz-extension:// host (Firefox picks a random one per profile), so tests can open our pages.
      ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }) } : {}),
      ...prefs,
    },
    // Release builds take services.settings.server only with MOZ_REMOTE_SETTINGS_DEVTOOLS set. WebDriver BiDi
    // navigates to http(s) and file only, unless MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: then it opens our moz-extension://
    // pages too (the options page), as CDP opens chrome-extension:// ones.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', ...env },
  });
  try {
    const extensionId = await browser.installExtension(dir);
    return { browser, extensionId, extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}`, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
