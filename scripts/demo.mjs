// npm start: serves the demo EHR pages on 127.0.0.1 and opens Chromium with the built extension.
// With a display, a real window you can use (Ctrl+C to stop). Without one (a server, CI), it opens the
// demo headless, saves a screenshot of the sidebar and says where.
import fs from 'node:fs';
import path from 'node:path';
import { launchWithExtension, projectRoot, startFixtureServer } from './browser.mjs';

const port = Number(process.env.DEMO_PORT ?? 8719);
const server = await startFixtureServer(port).catch(() => startFixtureServer(0));
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const ext = await launchWithExtension({ headless });
const page = await ext.browser.newPage();
await page.goto(`${server.origin}/patient-summary.html`, { waitUntil: 'load' });
console.log(`Demo EHR pages: ${server.origin}/  (extension ${ext.extensionId})`);

if (headless) {
  // GP consultations start as a tab; for the screenshot, open the panel (this is a throwaway profile).
  const worker = await (await ext.browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
  await worker.evaluate(async () => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, sidebarCollapsed: false } });
  });
  await page.reload({ waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500));
  const out = path.join(projectRoot, 'tests/artifacts/demo-sidebar.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`No display here: opened the demo headless and saved a screenshot of the sidebar to ${out}`);
  console.log('On a desktop, run "npm start" to get a browser window with the extension loaded.');
  await ext.close();
  await server.close();
} else {
  console.log('Chromium is open with SMS Prompts loaded. Press Ctrl+C to stop.');
  const stop = async () => {
    await ext.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  ext.browser.on('disconnected', stop);
}
