/**
 * Build-time compilation of the detection data: data/conditions.json + data/context-rules.json ->
 * lib/detection/compiled.generated.ts (the term trie, payloads, pre-check regex source and code tables as
 * one JSON string), so the content script compiles nothing on the clinician's page.
 *
 *   npx vite-node scripts/compile-detection.ts          write the file
 *   npx vite-node scripts/compile-detection.ts --check  exit 1 when the committed file is stale
 *
 * tests/unit/detection/generated.test.ts fails when the committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSource } from '../lib/detection/generate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'lib/detection/compiled.generated.ts');
const src = generatedSource();
if (process.argv.includes('--check')) {
  const cur = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (cur !== src) {
    console.error('lib/detection/compiled.generated.ts is stale: run npx vite-node scripts/compile-detection.ts');
    process.exit(1);
  }
  console.log('lib/detection/compiled.generated.ts is up to date');
} else {
  fs.writeFileSync(out, src);
  console.log(`wrote lib/detection/compiled.generated.ts (${(src.length / 1024).toFixed(1)} KiB)`);
}
