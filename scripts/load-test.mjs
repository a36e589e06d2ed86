// Load test: a chart page that never stops changing (a clock ticking every 100 ms, a live list adding and
// removing rows) for LOAD_SECONDS (default 60) with the extension loaded. Reports the content script's CPU share
// (CDP Profiler samples attributed to chrome-extension://<id>/content-scripts/content.js), the page's
// script/task time with and without the extension, and JS heap before/after (after forced GC).
// Prints figures; asserts nothing. Usage: npm run load-test   (LOAD_SECONDS=15 npm run load-test for a short run)
import http from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, launchWithExtension } from './browser.mjs';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live chart</title></head><body>
<header id="banner" data-patient-id="LOAD-0001">Load, Test · DOB 1950-01-01 · <span id="clock"></span></header>
<section id="problems"><h2>Active problems</h2><table><tbody>
<tr><td>E11.9</td><td>Type 2 diabetes mellitus</td><td>Active</td></tr>
<tr><td>I10</td><td>Essential hypertension</td><td>Active</td></tr>
<tr><td>J44.9</td><td>Chronic obstructive pulmonary disease</td><td>Active</td></tr></tbody></table></section>
<section><h2>Live observations</h2><ul id="live"></ul></section>
<textarea id="note"></textarea>
<script>
  const clock = document.getElementById('clock');
  setInterval(() => { clock.textContent = new Date().toISOString(); }, 100);
  const live = document.getElementById('live');
  let n = 0;
  const words = ['pulse 72', 'SpO2 96%', 'BP 138/84', 'glucose 7.2 mmol/L', 'no chest pain today', 'walked 2 km', 'inhaler used once'];
  setInterval(() => {
    const li = document.createElement('li');
    li.textContent = 'Observation ' + (++n) + ': ' + words[n % words.length];
    live.prepend(li);
    while (live.children.length > 40) live.lastElementChild.remove();
    if (n % 5 === 0) live.children[3]?.remove();
  }, 150);
</script></body></html>`;

function serve() {
  const server = http.createServer((req, res) => {
    if (req.url === '/live.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const metric = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? 0;
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);

/** Loads the page in `browser`, lets it run, and measures. With `contentScript`, profiles its CPU share. */
async function run(browser, url, contentScript) {
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 2000)); // first detection and the sidebar
  await session.send('HeapProfiler.collectGarbage');
  const before = (await session.send('Performance.getMetrics')).metrics;
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const wall = (Date.now() - t0) / 1000;
  const { profile } = await session.send('Profiler.stop');
  await session.send('HeapProfiler.collectGarbage');
  const after = (await session.send('Performance.getMetrics')).metrics;

  // Self time per sample, attributed by the URL of the function on top of the stack.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  let ours = 0;
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const dt = deltas[i + 1] ?? 0;
    const node = byId.get(id);
    const fn = node?.callFrame.functionName ?? '';
    if (fn === '(idle)' || fn === '(program)') return;
    total += dt;
    if (contentScript && node?.callFrame.url.startsWith(contentScript)) ours += dt;
  });
  // Also count time inside functions the content script called (e.g. DOM APIs, shown as native frames):
  // walk parents of each sample and attribute it if any frame is the content script's.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let oursInclusive = 0;
  if (contentScript) {
    profile.samples.forEach((id, i) => {
      const dt = deltas[i + 1] ?? 0;
      const fn = byId.get(id)?.callFrame.functionName ?? '';
      if (fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)') return;
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        if (byId.get(cur)?.callFrame.url.startsWith(contentScript)) {
          oursInclusive += dt;
          break;
        }
      }
    });
  }
  const hasSidebar = await page.evaluate(() => document.documentElement.lastElementChild?.tagName === 'SMS-PROMPTS');
  await page.close();
  return {
    wall,
    scriptSeconds: metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration'),
    taskSeconds: metric(after, 'TaskDuration') - metric(before, 'TaskDuration'),
    heapBefore: metric(before, 'JSHeapUsedSize'),
    heapAfter: metric(after, 'JSHeapUsedSize'),
    nodesAfter: metric(after, 'Nodes'),
    sampledJsMs: total / 1000,
    contentScriptSelfMs: ours / 1000,
    contentScriptInclusiveMs: oursInclusive / 1000,
    hasSidebar,
  };
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/live.html`;
console.log(`Load test: ${url}, ${SECONDS} s per run (clock every 100 ms, list rows every 150 ms)`);

const withExt = await launchWithExtension();
const contentScript = `chrome-extension://${withExt.extensionId}/content-scripts/content.js`;
const a = await run(withExt.browser, url, contentScript);
await withExt.close();

const plain = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  args: CHROMIUM_ARGS,
  defaultViewport: { width: 1400, height: 900 },
});
const b = await run(plain, url, null);
await plain.close();
server.close();

const pct = (x, of) => `${((100 * x) / of).toFixed(2)} %`;
const rows = [
  ['', 'with extension', 'without'],
  ['sidebar shown', String(a.hasSidebar), String(b.hasSidebar)],
  ['wall time (s)', a.wall.toFixed(1), b.wall.toFixed(1)],
  ['ScriptDuration (s)', a.scriptSeconds.toFixed(3), b.scriptSeconds.toFixed(3)],
  ['TaskDuration (s)', a.taskSeconds.toFixed(3), b.taskSeconds.toFixed(3)],
  ['content script CPU, self (ms)', a.contentScriptSelfMs.toFixed(1), '-'],
  ['content script CPU, incl. calls (ms)', a.contentScriptInclusiveMs.toFixed(1), '-'],
  ['content script share of wall time', pct(a.contentScriptInclusiveMs / 1000, a.wall), '-'],
  ['content script share of sampled JS', pct(a.contentScriptInclusiveMs, a.sampledJsMs || 1), '-'],
  ['JS heap before (MB, after GC)', mb(a.heapBefore), mb(b.heapBefore)],
  ['JS heap after (MB, after GC)', mb(a.heapAfter), mb(b.heapAfter)],
  ['JS heap growth (MB)', mb(a.heapAfter - a.heapBefore), mb(b.heapAfter - b.heapBefore)],
  ['DOM nodes at end', String(a.nodesAfter), String(b.nodesAfter)],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
