#!/usr/bin/env node
/**
 * Detection benchmark in real Chromium (puppeteer-core + /usr/bin/chromium, headless).
 * Generates realistic chart pages of ~1,000 / 10,000 / 50,000 DOM nodes, serves them on 127.0.0.1, injects the
 * detection engine bundled as an IIFE (vite build API) and measures, per page size:
 *   - cold: the first detection after injection, as the content script runs it: createDetector().detectAsync()
 *     (time-sliced); its wall time, and the long tasks (>= 50 ms, PerformanceObserver 'longtask') during it,
 *   - warm: median of repeated synchronous detectPage() calls (a fresh detector each time: no cache reuse),
 *     after 60 left out (the engine settles over the first ~50: see WARM_UP_RUNS),
 *   - reference: a bare script loop over every node (what reading the DOM from script costs on this machine),
 *   - naive baseline: one case-insensitive regex of all terms over document.body.innerText, same run (warm,
 *     bare and naive take turns, so a busy spell of the machine weighs on all three),
 *   - after a small mutation (one problem row added or removed): median onMutations() cost per call, timed in
 *     batches (the page's clock is coarse), and the naive baseline again (innerText has to lay the page out again),
 *   - longest synchronous call (detectPage at 50k is one task; detectAsync is what the content script should use).
 * Prints a table of medians and ratios, the size of the detection code and of the built content script
 * (build it first: npx wxt build). `--profile` prints a CPU profile (CDP Profiler) of warm detections at 10k.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [1000, 10000, 50000];

export async function bundle(minify = true) {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      write: false,
      minify,
      lib: { entry: path.join(root, 'lib/detection/index.ts'), name: 'SmsDetect', formats: ['iife'], fileName: () => 'detect.js' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('no bundle produced');
  return chunk.code;
}

// ---- Realistic chart page generator (deterministic) ----
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const SENTENCES = [
  'Patient seen for routine review, feels well overall.',
  'Denies chest pain, no shortness of breath on exertion.',
  'BP 138/84, pulse 72 regular, weight stable.',
  'Discussed diet and physical activity, walks 30 minutes most days.',
  'No history of asthma. Non-smoker since 2015.',
  'Mother had type 2 diabetes, father hypertension.',
  'Feet examined: pulses present, monofilament normal.',
  'Sleep reasonable, mood fine, PHQ-2 negative.',
  'Inhaler technique checked and corrected.',
  'Plan: recheck bloods in three months, continue current medication.',
  'Knee pain after gardening, settles with paracetamol.',
  'Suspected COPD in 2019 was not confirmed by spirometry.',
  'Flu vaccine given today, no reaction.',
  'Lives with partner, independent in all activities of daily living.',
];
const PROBLEMS = [
  ['Type 2 diabetes mellitus', 'E11.9'], ['Essential hypertension', 'I10'], ['Osteoarthritis of knee', 'M17.1'],
  ['Hyperlipidaemia', 'E78.5'], ['Gastro-oesophageal reflux', 'K21.9'], ['Allergic rhinitis', 'J30.4'],
];
const MEDS = ['Metformin 1 g bd', 'Ramipril 5 mg od', 'Atorvastatin 20 mg on', 'Omeprazole 20 mg od', 'Paracetamol 1 g prn'];

export function chartPage(targetNodes) {
  const parts = [];
  parts.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chart</title><style>body{font:13px sans-serif}</style></head><body>');
  // Like most EHRs, the banner names the patient in its text only (no data-patient-id): the detector reads it there.
  parts.push('<header class="banner"><b>Doe, Jane</b> <span>DOB 1950-01-01</span> <span>MRN 5550123</span></header>');
  parts.push('<nav><ul>' + ['Summary', 'Notes', 'Labs', 'Meds', 'Letters'].map((x) => `<li><a href="#">${x}</a></li>`).join('') + '</ul></nav>');
  parts.push('<section id="problems"><h2>Problem list</h2><table><tbody id="problem-rows">');
  for (const [t, c] of PROBLEMS) parts.push(`<tr><td>${t}</td><td>${c}</td><td>2015</td><td>Active</td></tr>`);
  parts.push('</tbody></table></section>');
  parts.push('<section id="meds"><h2>Medications</h2><ul>' + MEDS.map((m) => `<li>${m}</li>`).join('') + '</ul></section>');
  parts.push('<section id="history"><h2>Encounters</h2>');
  // ~ nodes per encounter: div, h3(+text), 3 p(+text), ul + 4 li(+text), table of 5 rows x 3 cells (+text)
  const perEncounter = 1 + 2 + 6 + 1 + 8 + 1 + 5 * (1 + 3 * 2);
  const n = Math.max(1, Math.round((targetNodes - 80) / perEncounter));
  for (let i = 0; i < n; i++) {
    parts.push(`<div class="encounter"><h3>Consultation ${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}</h3>`);
    for (let k = 0; k < 3; k++) parts.push(`<p>${pick(SENTENCES)} ${pick(SENTENCES)}</p>`);
    parts.push('<ul>' + [0, 1, 2, 3].map(() => `<li>${pick(MEDS)}</li>`).join('') + '</ul>');
    parts.push('<table>' + [0, 1, 2, 3, 4].map(() => `<tr><td>${pick(['HbA1c', 'eGFR', 'LDL', 'Na', 'K'])}</td><td>${(rnd() * 100).toFixed(1)}</td><td>2024-0${1 + (i % 9)}-01</td></tr>`).join('') + '</table></div>');
  }
  parts.push('</section><textarea id="note" rows="8" cols="80"></textarea></body></html>');
  return parts.join('\n');
}

function serve(pages) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const body = pages.get(req.url ?? '');
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/**
 * Detections before the warm series, left out of its medians: on the 10k page the first 25 take 7-12 ms and the
 * next 25 5-6 ms while V8 compiles the hot code and sizes its young generation; from about the 50th on they settle.
 */
const WARM_UP_RUNS = 60;

async function measure(page, runs) {
  return page.evaluate(async (runs, WARM_UP_RUNS) => {
    const D = window.SmsDetect;
    const longTasks = [];
    let po = null;
    try {
      po = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e)));
      po.observe({ type: 'longtask' });
    } catch {}
    const nodes = (() => {
      let n = 0;
      const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (w.nextNode()) n++;
      return n;
    })();
    // Start the first detection in a task of its own, as the content script does.
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const first = await D.createDetector(document).detectAsync();
    const cold = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    // Long tasks (>= 50 ms) that started while the first detection ran.
    const coldLong = longTasks.filter((e) => e.startTime >= t0 - 1 && e.startTime <= t0 + cold).map((e) => e.duration);
    // Reference for this machine: a JS loop that only visits every node (firstChild/nextSibling/nodeType), the
    // least any detector reading the DOM from script pays.
    const bareOnce = () => {
      const s = performance.now();
      const stack = [document.body];
      while (stack.length) for (let c = stack.pop().firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push(c);
      return performance.now() - s;
    };
    // Naive baseline: every term and abbreviation of every condition in one regex over innerText.
    const terms = [];
    for (const d of D.defaultConditions()) for (const l of ['en', 'nl', 'fr']) terms.push(...d[l].terms, ...d[l].abbreviations, ...d[l].weak);
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let naiveHits = 0;
    const naiveOnce = () => {
      const s = performance.now();
      const re = new RegExp(`\\b(?:${terms.map(esc).join('|')})\\b`, 'gi');
      naiveHits = (document.body.innerText.match(re) || []).length;
      return performance.now() - s;
    };
    // Warm means after the engine's JIT has settled: a first series of detections is left out of the medians
    // (but not out of the longest synchronous call).
    const warmUp = [];
    for (let i = 0; i < WARM_UP_RUNS; i++) {
      const s = performance.now();
      D.detectPage(document);
      warmUp.push(performance.now() - s);
    }
    // Ours, the bare visit and the naive baseline take turns, so that a busy spell of the machine weighs on all three.
    const warm = [];
    const bare = [];
    const naive = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      D.detectPage(document);
      warm.push(performance.now() - s);
      bare.push(bareOnce());
      naive.push(naiveOnce());
    }
    // Incremental: one problem row added, then removed again. performance.now() is coarsened to 0.1 ms here,
    // so each figure is a batch of BATCH add+remove pairs, timed with and without onMutations; the difference
    // divided by the 2 x BATCH calls is the cost of one re-detection.
    const det = D.createDetector(document);
    det.detect();
    const rows = document.getElementById('problem-rows');
    const inc = [];
    const naiveInc = [];
    const mo = new MutationObserver(() => {});
    mo.observe(document, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributeFilter: [...det.watchedAttributes] });
    const addRow = (i) => {
      const tr = document.createElement('tr');
      tr.innerHTML = `<td>${i % 2 ? 'Asthma' : 'Chronic kidney disease stage 3'}</td><td>${i % 2 ? 'J45.9' : 'N18.3'}</td><td>2024</td><td>Active</td>`;
      rows.appendChild(tr);
      return tr;
    };
    const BATCH = 20;
    const batch = (detect) => {
      const s = performance.now();
      for (let i = 0; i < BATCH; i++) {
        const tr = addRow(i);
        const added = mo.takeRecords();
        if (detect) det.onMutations(added);
        tr.remove();
        const removed = mo.takeRecords();
        if (detect) det.onMutations(removed);
      }
      return performance.now() - s;
    };
    batch(true); // warm: the new rows' texts enter the analysis cache, as on a real page after the first change
    for (let i = 0; i < runs; i++) {
      const without = batch(false);
      const withDetect = batch(true);
      inc.push(Math.max(0, withDetect - without) / (2 * BATCH));
      // The naive baseline after the same mutation (its innerText has to lay the changed page out again).
      const tr2 = addRow(i);
      naiveInc.push(naiveOnce());
      tr2.remove();
      mo.takeRecords();
    }
    mo.disconnect();
    po?.disconnect();
    return {
      nodes, cold, coldLong, warm, bare, naive, inc, naiveInc, naiveHits,
      found: first.conditions.map((c) => `${c.id}:${c.status}`).join(' '),
      maxCall: Math.max(...warmUp, ...warm),
    };
  }, runs, WARM_UP_RUNS);
}

async function main() {
  const iife = await bundle();
  const pages = new Map();
  for (const n of SIZES) pages.set(`/chart-${n}.html`, chartPage(n));
  const server = await serve(pages);
  const port = server.address().port;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows = [];
  try {
    if (process.argv.includes('--profile')) {
      await profile(browser, port);
      return;
    }
    for (const n of SIZES) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/chart-${n}.html`, { waitUntil: 'load' });
      await page.addScriptTag({ content: iife });
      const r = await measure(page, n >= 50000 ? 21 : 61);
      rows.push({ n, ...r });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const f = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
  const detOnly = await detectorOnlyBundle();
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}; Chromium headless`);
  console.log(`Detection bundle for this bench (IIFE, all exports, minified): ${(iife.length / 1024).toFixed(1)} KiB, gzipped ${(zlib.gzipSync(iife).length / 1024).toFixed(1)} KiB`);
  console.log(`Detection code in the content script (createDetector only, minified): ${(detOnly.length / 1024).toFixed(1)} KiB, gzipped ${(zlib.gzipSync(detOnly).length / 1024).toFixed(1)} KiB`);
  console.log('');
  console.log('| page (DOM nodes) | first detection (detectAsync, cold) ms | long tasks during it | detect median ms | detect min ms | bare node visit ms | naive baseline median ms | naive / ours | incremental after small mutation ms | naive after the same mutation ms | naive / ours (mutation) | longest sync call ms |');
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of rows) {
    const d = median(r.warm);
    const b = median(r.naive);
    const ni = median(r.naiveInc);
    const inc = median(r.inc);
    const lt = (a) => (a.length ? a.map((x) => x.toFixed(0)).join(', ') : 'none');
    console.log(`| ${r.n.toLocaleString('en')} (${r.nodes.toLocaleString('en')}) | ${f(r.cold)} | ${lt(r.coldLong)} | ${f(d)} | ${f(Math.min(...r.warm))} | ${f(median(r.bare))} | ${f(b)} | ${(b / d).toFixed(2)}x | ${f(inc)} | ${f(ni)} | ${(ni / Math.max(inc, 0.005)).toFixed(0)}x | ${f(r.maxCall)} |`);
  }
  const small = rows[0];
  const big = rows[rows.length - 1];
  console.log('');
  console.log(`Incremental cost, ${big.n.toLocaleString('en')} vs ${small.n.toLocaleString('en')} nodes: ${f(median(big.inc))} ms vs ${f(median(small.inc))} ms (full detect: ${f(median(big.warm))} vs ${f(median(small.warm))} ms)`);
  console.log('Bare node visit: a script loop that only visits every node (no text read), the floor for any detector reading the page from script.');
  console.log('Incremental figures are per re-detection, from batches of 20 row additions and 20 removals timed with and without onMutations (performance.now() is coarsened to 0.1 ms).');
  console.log(`Found on the generated chart: ${rows[0].found}`);
  printBuiltSize('Built content script', 'content-scripts/content.js');
  printBuiltSize('Built sidebar UI (injected only where the sidebar shows)', 'sidebar-ui.js');
}

function printBuiltSize(label, file) {
  const built = path.join(root, '.output/chrome-mv3', file);
  if (!fs.existsSync(built)) {
    console.log(`${label} (.output/chrome-mv3/${file}): not built (npx wxt build)`);
    return;
  }
  const { size, mtimeMs } = fs.statSync(built);
  const gzipped = zlib.gzipSync(fs.readFileSync(built)).length;
  console.log(`${label} (.output/chrome-mv3/${file}, ${new Date(mtimeMs).toISOString()}): ${(size / 1024).toFixed(1)} KiB, gzipped ${(gzipped / 1024).toFixed(1)} KiB`);
}

/** The detection code the content script pulls in: createDetector and what it reaches. */
async function detectorOnlyBundle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-bench-'));
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(entry, `import { createDetector } from ${JSON.stringify(path.join(root, 'lib/detection/index.ts'))};\nglobalThis.__createDetector = createDetector;\n`);
  try {
    const out = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { write: false, minify: true, lib: { entry, name: 'SmsDetectOnly', formats: ['iife'], fileName: () => 'd.js' } },
    });
    return (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((o) => o.type === 'chunk').code;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU profile of warm detections on the 10k page (Chromium, CDP Profiler): self time per function. */
async function profile(browser, port) {
  const iife = await bundle(false);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/chart-10000.html`, { waitUntil: 'load' });
  await page.addScriptTag({ content: iife });
  await page.evaluate(() => window.SmsDetect.detectPage(document));
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => {
    for (let i = 0; i < 30; i++) window.SmsDetect.detectPage(document);
  });
  const { profile: prof } = await cdp.send('Profiler.stop');
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  prof.samples.forEach((id, i) => {
    const n = byId.get(id);
    const k = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('\nCPU profile, 30 warm detections on the 10k page (self time):');
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  await page.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
