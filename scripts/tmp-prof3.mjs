import http from 'node:http';
import puppeteer from 'puppeteer-core';
import { bundle, chartPage } from './bench.mjs';
const N = Number(process.argv[2] || 50000);
const iife = await bundle(false);
const html = chartPage(N);
const server = http.createServer((q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(html));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.addScriptTag({ content: iife });
await page.evaluate(() => {
  const D = window.SmsDetect; const det = D.createDetector(document); det.detect(); window.det = det;
  const mo = new MutationObserver(() => {}); mo.observe(document, { subtree: true, childList: true, characterData: true, attributeFilter: [...det.watchedAttributes] }); window.mo = mo;
  window.cycle = (n) => { const rows = document.getElementById('problem-rows'); for (let i = 0; i < n; i++) { const tr = document.createElement('tr'); tr.innerHTML = `<td>${i % 2 ? 'Asthma' : 'Chronic kidney disease stage 3'}</td><td>${i % 2 ? 'J45.9' : 'N18.3'}</td><td>2024</td><td>Active</td>`; rows.appendChild(tr); det.onMutations(mo.takeRecords()); tr.remove(); det.onMutations(mo.takeRecords()); } };
  window.cycle(20);
});
const cdp = await page.createCDPSession();
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
const t = await page.evaluate(() => { const s = performance.now(); window.cycle(500); return performance.now() - s; });
const { profile: prof } = await cdp.send('Profiler.stop');
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const selfT = new Map(); prof.samples.forEach((id, i) => selfT.set(id, (selfT.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const incl = new Map();
const name = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
function walk(n, stackNames) {
  let t = selfT.get(n.id) ?? 0;
  const k = name(n);
  const next = new Set(stackNames); next.add(k);
  for (const c of n.children ?? []) t += walk(byId.get(c), next);
  if (!stackNames.has(k)) incl.set(k, (incl.get(k) ?? 0) + t);
  return t;
}
const total = walk(prof.nodes[0], new Set());
console.log(`1000 onMutations in ${t.toFixed(1)} ms`);
for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(us / 1000).toFixed(3).padStart(8)} us/call ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
await browser.close(); server.close();
