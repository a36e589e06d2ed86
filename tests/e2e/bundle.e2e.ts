/**
 * The content script runs on every enabled EHR page: its size is a budget (issue: ≤ 60 KB gzipped), and it
 * carries no schema library (the background validates every message; see lib/request-client.ts).
 * Runs in the e2e phase because it reads the fresh build.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '../../scripts/browser.mjs';

const BUDGET_BYTES = 60 * 1024;
const contentScript = path.join(extensionDir, 'content-scripts/content.js');

describe('content script bundle', () => {
  const code = fs.readFileSync(contentScript);
  const gzipped = zlib.gzipSync(code, { level: 9 }).length;

  it(`fits the ${BUDGET_BYTES / 1024} KB gzipped budget`, () => {
    console.log(`content script: ${(code.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries no schema library and no bundled content pack', () => {
    const text = code.toString('utf8');
    expect(text).not.toMatch(/ZodError|\$ZodType|_zod\b/);
    expect(text).not.toContain('sms-prompts-pack');
  });
});
