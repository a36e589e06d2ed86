import type { Browser, Manifest } from 'webextension-polyfill';
import type { SiteStatus } from '../messages';
import { loadSettings, saveSettings, type SettingsAreas } from '../settings/store';
import { isSitePattern, patternCovers } from '../sites/patterns';

/**
 * Per-site content scripts. The manifest only injects the content script on localhost (demo and tests);
 * every EHR site the practice enables gets it registered here, at run time, once the clinician granted
 * that site's optional host permission:
 * - Chrome (MV3): browser.scripting.registerContentScripts, one script per site, id `sms-site:<pattern>`;
 * - Firefox (MV2): browser.contentScripts.register, which lasts as long as the background page, so
 *   start-up registers again every enabled site that still holds its permission.
 */

/** The content script the build produced (WXT: content-scripts/content.js), read from the manifest. */
export const DEFAULT_SCRIPT = 'content-scripts/content.js';
export const SCRIPT_ID_PREFIX = 'sms-site:';

type RegisteredScript = { unregister(): Promise<void> };

/**
 * A file of the manifest's content script as the registration APIs take it: relative to the extension's root.
 * Firefox's getManifest() gives them as absolute moz-extension:// URLs, which contentScripts.register refuses.
 */
export function extensionPath(file: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/(.*)$/i.exec(file);
  return (absolute ? absolute[1]! : file).replace(/^\/+/, '');
}

/** The parts of `browser` this module uses (scripting on Chrome MV3, contentScripts on Firefox MV2). */
export interface SitesBrowser {
  runtime: { getManifest(): Pick<Manifest.WebExtensionManifest, 'manifest_version' | 'content_scripts'> };
  permissions: Pick<Browser['permissions'], 'contains' | 'onAdded' | 'onRemoved'>;
  scripting?: Pick<Browser['scripting'], 'registerContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'>;
  contentScripts?: Pick<Browser['contentScripts'], 'register'>;
}

export interface SiteRegistrar {
  /** Is the host permission for this site held? */
  hasPermission(pattern: string): Promise<boolean>;
  /** Registers the content script for a site (idempotent); false when there is no permission for it. */
  enable(pattern: string): Promise<boolean>;
  /** Unregisters the content script of a site (idempotent). */
  disable(pattern: string): Promise<void>;
  /** Makes the registrations match the enabled sites that still hold their permission; drops the rest. */
  sync(enabledSites: readonly string[]): Promise<void>;
  status(enabledSites: readonly string[]): Promise<SiteStatus[]>;
  /** Listens for host permissions granted or taken back (browser UI, chrome://extensions, our pages). */
  onPermissionsChanged(listener: (change: { added: string[]; removed: string[] }) => void): void;
}

/**
 * The scripting API where the extension may use it: MV3 only. Firefox MV2 may expose browser.scripting without
 * the permission for it (the manifest asks for `scripting` on MV3 only).
 */
export function scriptingOf<S>(browser: { runtime: { getManifest(): { manifest_version: number } }; scripting?: S }): S | undefined {
  return browser.runtime.getManifest().manifest_version >= 3 ? browser.scripting : undefined;
}

export function scriptId(pattern: string): string {
  return `${SCRIPT_ID_PREFIX}${pattern}`;
}

export function createSiteRegistrar(browser: SitesBrowser, warn: (message: string) => void = () => {}): SiteRegistrar {
  const manifest = browser.runtime.getManifest();
  const staticScripts = manifest.content_scripts ?? [];
  const template = staticScripts[0];
  const js = template?.js?.length ? template.js.map(extensionPath) : [DEFAULT_SCRIPT];
  const css = (template?.css ?? []).map(extensionPath);
  const runAt = template?.run_at ?? 'document_idle';
  const staticMatches = staticScripts.flatMap((s) => s.matches ?? []);
  const scripting = scriptingOf(browser);
  /** Firefox MV2 handles, per pattern, for this background page's lifetime. */
  const firefoxHandles = new Map<string, RegisteredScript>();
  /**
   * Changes to the registrations, one at a time: a site removed from the options page is disabled twice at once
   * (the permission's onRemoved and sites/remove), and the second must not answer before the first has
   * unregistered; two enables at once must not register the same script twice.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(change: () => Promise<T>): Promise<T> => {
    const run = queue.then(change, change);
    queue = run.catch(() => undefined);
    return run;
  };

  const builtIn = (pattern: string) => staticMatches.some((m) => patternCovers(m, pattern));

  async function hasPermission(pattern: string): Promise<boolean> {
    try {
      return await browser.permissions.contains({ origins: [pattern] });
    } catch {
      return false; // an invalid pattern
    }
  }

  async function registeredPatterns(): Promise<Set<string>> {
    if (scripting) {
      const scripts = await scripting.getRegisteredContentScripts();
      return new Set(scripts.filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX)).map((s) => s.id.slice(SCRIPT_ID_PREFIX.length)));
    }
    return new Set(firefoxHandles.keys());
  }

  async function register(pattern: string): Promise<void> {
    if (scripting) {
      await scripting.registerContentScripts([
        { id: scriptId(pattern), matches: [pattern], js, ...(css.length ? { css } : {}), runAt, persistAcrossSessions: true },
      ]);
    } else if (browser.contentScripts) {
      const handle = await browser.contentScripts.register({
        matches: [pattern],
        js: js.map((file) => ({ file })),
        ...(css.length ? { css: css.map((file) => ({ file })) } : {}),
        runAt: runAt as 'document_idle',
      });
      firefoxHandles.set(pattern, handle);
    } else {
      throw new Error('this browser cannot register content scripts');
    }
  }

  async function unregister(pattern: string): Promise<void> {
    if (scripting) {
      await scripting.unregisterContentScripts({ ids: [scriptId(pattern)] });
    } else {
      const handle = firefoxHandles.get(pattern);
      firefoxHandles.delete(pattern);
      await handle?.unregister();
    }
  }

  const enable = (pattern: string): Promise<boolean> =>
    oneAtATime(async () => {
      if (!isSitePattern(pattern)) throw new Error(`not a site address: ${pattern}`);
      if (!(await hasPermission(pattern))) return false;
      if (builtIn(pattern)) return true; // the manifest injects it already; registering would inject it twice
      if (!(await registeredPatterns()).has(pattern)) await register(pattern);
      return true;
    });

  const disable = (pattern: string): Promise<void> =>
    oneAtATime(async () => {
      if ((await registeredPatterns()).has(pattern)) await unregister(pattern);
    });

  const sync = (enabledSites: readonly string[]): Promise<void> => oneAtATime(() => syncNow(enabledSites));

  async function syncNow(enabledSites: readonly string[]): Promise<void> {
    const want = new Set<string>();
    for (const pattern of enabledSites) {
      if (isSitePattern(pattern) && !builtIn(pattern) && (await hasPermission(pattern))) want.add(pattern);
    }
    const have = await registeredPatterns();
    for (const pattern of have) {
      if (!want.has(pattern)) await unregister(pattern).catch((e: unknown) => warn(`could not unregister ${pattern}: ${String(e)}`));
    }
    for (const pattern of want) {
      if (!have.has(pattern)) await register(pattern).catch((e: unknown) => warn(`could not register ${pattern}: ${String(e)}`));
    }
  }

  async function status(enabledSites: readonly string[]): Promise<SiteStatus[]> {
    const registered = await registeredPatterns();
    return Promise.all(
      enabledSites.map(async (pattern) => {
        const granted = await hasPermission(pattern);
        const isBuiltIn = builtIn(pattern);
        return { pattern, granted, builtIn: isBuiltIn, active: granted && (isBuiltIn || registered.has(pattern)) };
      }),
    );
  }

  function onPermissionsChanged(listener: (change: { added: string[]; removed: string[] }) => void): void {
    browser.permissions.onAdded.addListener((p) => listener({ added: p.origins ?? [], removed: [] }));
    browser.permissions.onRemoved.addListener((p) => listener({ added: [], removed: p.origins ?? [] }));
  }

  return { hasPermission, enable, disable, sync, status, onPermissionsChanged };
}

/** What the start-up wiring needs: the registrar and the settings store. */
export interface SitesDeps extends SettingsAreas {
  sites?: SiteRegistrar;
  now: () => number;
  warn: (message: string) => void;
}

/**
 * A host permission was granted or taken back. Granting a site's permission is how a site is enabled (from
 * our options page or popup, or the browser's own site-access controls), so a granted site is added to
 * enabledSites (unless policy locks the list) and registered; a revoked one is unregistered and stays listed,
 * shown as "permission missing" in the options page.
 */
export async function applyPermissionChange(deps: SitesDeps, change: { added: string[]; removed: string[] }): Promise<void> {
  const sites = deps.sites;
  if (!sites) return;
  for (const pattern of change.removed) if (isSitePattern(pattern)) await sites.disable(pattern);
  const added = change.added.filter(isSitePattern);
  if (!added.length) return;
  const { settings, lockedKeys } = await loadSettings(deps, deps.now());
  const missing = added.filter((p) => !settings.enabledSites.includes(p));
  if (missing.length && !lockedKeys.includes('enabledSites')) {
    await saveSettings(deps, { enabledSites: [...settings.enabledSites, ...missing] }, deps.now());
  }
  const enabled = lockedKeys.includes('enabledSites') ? added.filter((p) => settings.enabledSites.includes(p)) : added;
  for (const pattern of enabled) await sites.enable(pattern);
}

/**
 * Start-up: listens for permission changes (synchronously, so a woken service worker gets its event) and
 * registers every enabled site that still holds its permission. Resolves when the registrations are done.
 */
export function startSites(deps: SitesDeps): Promise<void> {
  const sites = deps.sites;
  if (!sites) return Promise.resolve();
  sites.onPermissionsChanged((change) => {
    applyPermissionChange(deps, change).catch((e: unknown) => deps.warn(`site permission change failed: ${String(e)}`));
  });
  return loadSettings(deps, deps.now())
    .then(({ settings }) => sites.sync(settings.enabledSites))
    .catch((e: unknown) => deps.warn(`site registration failed: ${String(e)}`));
}
