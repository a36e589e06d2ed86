/**
 * The content script runs on every enabled EHR page: its size is a budget (issue: ≤ 60 KB gzipped), and it
 * carries no schema library (the background validates every message; see lib/request-client.ts) and no UI
 * library (the sidebar's UI is injected only where a condition was found: lib/background/sidebar-ui.ts).
 * Runs in the e2e phase because it reads the fresh build.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '../../scripts/browser.mjs';

const BUDGET_BYTES = 60 * 1024;
const contentScript = path.join(extensionDir, 'content-scripts/content.js');
const sidebarUi = path.join(extensionDir, 'sidebar-ui.js');
const gzippedSize = (code: Buffer) => zlib.gzipSync(code, { level: 9 }).length;
const sizes = (code: Buffer, gzipped: number) => `${(code.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`;

describe('content script bundle', () => {
  const code = fs.readFileSync(contentScript);
  const gzipped = gzippedSize(code);

  it(`fits the ${BUDGET_BYTES / 1024} KB gzipped budget`, () => {
    const ui = fs.readFileSync(sidebarUi);
    console.log(`content script: ${sizes(code, gzipped)}; sidebar UI, injected when first shown: ${sizes(ui, gzippedSize(ui))}`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries no schema library and no bundled content pack', () => {
    const text = code.toString('utf8');
    expect(text).not.toMatch(/ZodError|\$ZodType|_zod\b/);
    expect(text).not.toContain('sms-prompts-pack');
  });

  it('leaves the UI library to the sidebar UI script', () => {
    expect(code.toString('utf8')).not.toMatch(/LitElement|\$lit\$/);
    expect(fs.readFileSync(sidebarUi, 'utf8')).toMatch(/LitElement|\$lit\$/);
  });
});
