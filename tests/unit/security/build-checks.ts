/**
 * Static checks of what the extension ships, shared by the unit phase (tests/unit/security/manifest.test.ts,
 * over wxt.config.ts and, when there is one, the last build) and the end-to-end phase
 * (tests/e2e/manifest.e2e.ts, which runs after `wxt build` and so always has a build to read).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUILD_DIRS = {
  chrome: path.join(projectRoot, '.output/chrome-mv3'),
  firefox: path.join(projectRoot, '.output/firefox-mv2'),
} as const;

/** API permissions the extension may hold. Anything else must be argued for here, in review. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'storage', // settings, salt, imported packs (browser.storage.local)
  'alarms', // daily retention purge
  'clipboardWrite', // "Copy summary"
  'scripting', // per-site content script registration once the practice grants a site
  'activeTab', // only if a popup/command injects on demand
]);

/** Required host permissions may only name loopback (demo and tests); real EHR sites are optional, per site. */
export const ALLOWED_HOSTS: ReadonlySet<string> = new Set(['http://localhost/*', 'http://127.0.0.1/*']);

const BROAD_HOST = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*|\*:\/\/\*|file:\/\/\/?\*)$/;
/** A match pattern (as opposed to an API permission name) in an MV2 `permissions` list. */
const isMatchPattern = (p: string) => p === '<all_urls>' || /^[a-z*-]+:\/\//.test(p);

export interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  update_url?: string;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  [key: string]: unknown;
}

export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, 'manifest.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest) : null;
}

/** Newest modification time (ms) of the sources a build is made from. */
export function newestSourceTime(): number {
  const roots = ['wxt.config.ts', 'package.json', 'entrypoints', 'components', 'lib', 'public', 'data'].map((p) => path.join(projectRoot, p));
  let newest = 0;
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    const files = fs.statSync(root).isDirectory() ? filesBelow(root) : [root];
    for (const f of files) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  }
  return newest;
}

/** A build's manifest when it is there and newer than every source file; otherwise why not. */
export function freshBuild(dir: string): { manifest: Manifest } | { skip: string } {
  const manifest = readManifest(dir);
  if (!manifest) return { skip: `no build at ${path.relative(projectRoot, dir)}` };
  if (fs.statSync(path.join(dir, 'manifest.json')).mtimeMs < newestSourceTime()) {
    return { skip: `the build at ${path.relative(projectRoot, dir)} is older than the sources` };
  }
  return { manifest };
}

/** Required API permissions and required host permissions, for either manifest version. */
export function permissionsOf(m: Manifest): { api: string[]; hosts: string[] } {
  const all = m.permissions ?? [];
  return {
    api: all.filter((p) => !isMatchPattern(p)),
    hosts: [...(m.host_permissions ?? []), ...all.filter(isMatchPattern)],
  };
}

/** Everything in the manifest that goes beyond least privilege, as readable problems (empty when fine). */
export function manifestProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const { api, hosts } = permissionsOf(m);
  for (const p of api) if (!ALLOWED_PERMISSIONS.has(p)) problems.push(`permission "${p}" is not on the allow-list`);
  for (const h of hosts) {
    if (BROAD_HOST.test(h)) problems.push(`host permission "${h}" is broad: it belongs in optional_host_permissions`);
    else if (!ALLOWED_HOSTS.has(h)) problems.push(`host permission "${h}" is not on the allow-list`);
  }
  for (const p of m.optional_permissions ?? []) {
    if (!isMatchPattern(p) && !ALLOWED_PERMISSIONS.has(p)) problems.push(`optional permission "${p}" is not on the allow-list`);
  }
  for (const cs of m.content_scripts ?? []) {
    for (const match of cs.matches ?? []) {
      if (BROAD_HOST.test(match)) problems.push(`static content script runs on "${match}": register per site instead`);
    }
  }
  if (m.update_url !== undefined) problems.push(`update_url "${m.update_url}": updates come from the store or the practice's policy`);
  if (m.externally_connectable !== undefined) problems.push('externally_connectable: no web page or other extension may message us');
  if ((m.web_accessible_resources ?? []).length > 0) {
    problems.push(`web_accessible_resources: ${JSON.stringify(m.web_accessible_resources)} (pages could fingerprint or frame them)`);
  }
  if (m['key'] !== undefined) problems.push('key: a fixed extension key does not belong in a release build');
  return problems;
}

/** The extension pages' CSP from a manifest of either version. */
export function extensionPagesCsp(m: Manifest): string | undefined {
  const csp = m.content_security_policy;
  return typeof csp === 'string' ? csp : csp?.extension_pages;
}

/** Problems with a CSP for extension pages: script-src 'self' only, nothing eval-like, no connections at all. */
export function cspProblems(csp: string | undefined): string[] {
  if (!csp) return ['no content_security_policy for extension pages (the browser default allows connections)'];
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  const problems: string[] = [];
  const script = directives.get('script-src') ?? directives.get('default-src');
  if (!script) problems.push('no script-src');
  else if (script.join(' ') !== "'self'") problems.push(`script-src is "${script.join(' ')}", want exactly 'self'`);
  for (const [name, values] of directives) {
    for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", 'data:', 'blob:', '*']) {
      if (values.includes(bad) && (name.startsWith('script') || name === 'default-src')) problems.push(`${name} allows ${bad}`);
    }
    for (const v of values) if (/^(https?|wss?):/.test(v) || v === 'http:' || v === 'https:') problems.push(`${name} allows remote ${v}`);
  }
  const connect = directives.get('connect-src');
  if (connect?.join(' ') !== "'none'") problems.push(`connect-src is "${connect?.join(' ') ?? '(unset)'}", want 'none'`);
  if (directives.get('object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  return problems;
}

/**
 * Remote URLs used as a source of code, styles or fonts in built files. URLs in comments and plain strings
 * (licence headers, lit's documentation links in error messages) are not loads; these patterns are.
 */
const REMOTE_SOURCE_PATTERNS: [string, RegExp][] = [
  ['<script src>', /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi],
  ['<link href>', /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//gi],
  ['@import', /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//gi],
  ['CSS url()', /url\(\s*["']?(?:https?:)?\/\/[^)]*\)/gi],
  ['importScripts', /importScripts\s*\(\s*["'`](?:https?:)?\/\//g],
  ['dynamic import', /\bimport\s*\(\s*["'`](?:https?:)?\/\//g],
  ['static import', /\bfrom\s*["'`](?:https?:)?\/\//g],
  ['script.src', /\.src\s*=\s*["'`](?:https?:)?\/\//g],
  ['new Worker', /new\s+(?:Shared)?Worker\s*\(\s*["'`](?:https?:)?\/\//g],
  ['fetch', /\bfetch\s*\(\s*["'`](?:https?:)?\/\//g],
  ['FontFace', /new\s+FontFace\s*\([^)]*(?:https?:)?\/\//g],
];

export interface RemoteUse {
  file: string;
  kind: string;
  excerpt: string;
}

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/** Every remote script, style or font source in the built files (.js, .mjs, .css, .html, manifest). */
export function remoteSourceUses(dir: string): { files: number; uses: RemoteUse[] } {
  const files = filesBelow(dir).filter((f) => /\.(m?js|css|html|json)$/.test(f));
  const uses: RemoteUse[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [kind, pattern] of REMOTE_SOURCE_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const at = match.index ?? 0;
        uses.push({ file: path.relative(dir, file), kind, excerpt: text.slice(Math.max(0, at - 40), at + 80) });
      }
    }
    if (file.endsWith('.css') && /@font-face/i.test(text) && /src\s*:[^;}]*(?:https?:)?\/\//i.test(text)) {
      uses.push({ file: path.relative(dir, file), kind: '@font-face', excerpt: 'remote font source' });
    }
  }
  return { files: files.length, uses };
}
