/**
 * Least privilege and no remote code, on the build `npm test` has just made (the unit phase,
 * tests/unit/security/manifest.test.ts, checks wxt.config.ts and skips a missing or stale build).
 */
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  BUILD_DIRS,
  cspProblems,
  extensionPagesCsp,
  manifestProblems,
  permissionsOf,
  readManifest,
  remoteSourceUses,
} from '../unit/security/build-checks';

describe.each(Object.entries(BUILD_DIRS))('built %s extension', (browser, dir) => {
  const manifest = readManifest(dir);
  // Chrome is the build the e2e tests drive, so it must be there; Firefox is checked when built (test.sh builds both).
  const required = browser === 'chrome' || manifest !== null;
  if (!required) it.skip(`no Firefox build at ${dir} (npm run build:firefox)`, () => {});

  it.runIf(required)('asks for no permission or host beyond the allow-list', () => {
    expect(manifest, `no manifest at ${dir}: run "npm run build"${browser === 'firefox' ? ' and "npm run build:firefox"' : ''}`).not.toBeNull();
    const { api, hosts } = permissionsOf(manifest!);
    console.log(
      `${browser} (MV${manifest!.manifest_version}) permissions: ${api.join(', ')}; hosts: ${hosts.join(', ')}; ` +
        `optional: ${[...(manifest!.optional_permissions ?? []), ...(manifest!.optional_host_permissions ?? [])].join(', ') || '(none)'}; ` +
        `content scripts on: ${(manifest!.content_scripts ?? []).flatMap((c) => c.matches ?? []).join(', ')}; allow-list: ${[...ALLOWED_PERMISSIONS].join(', ')}`,
    );
    expect(manifestProblems(manifest!)).toEqual([]);
  });

  it.runIf(required)("has a strict CSP: script-src 'self', no eval, connect-src 'none'", () => {
    const csp = extensionPagesCsp(manifest!);
    console.log(`${browser} CSP: ${csp}`);
    expect(cspProblems(csp)).toEqual([]);
  });

  it.runIf(required)('loads no script, style or font from the network', () => {
    const { files, uses } = remoteSourceUses(dir);
    console.log(`${browser}: scanned ${files} built files`);
    expect(files).toBeGreaterThan(1);
    expect(uses).toEqual([]);
  });
});
