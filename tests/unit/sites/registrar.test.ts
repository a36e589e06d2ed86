import { beforeEach, describe, expect, it } from 'vitest';
import { applyPermissionChange, createSiteRegistrar, extensionPath, scriptId, startSites } from '../../../lib/background/sites';
import { handleRequest, type HandlerDeps } from '../../../lib/background/handler';
import { loadSettings, saveSettings } from '../../../lib/settings/store';
import { freshDeps } from '../background/helpers';
import { fakeSitesBrowser } from './fake-sites-browser';

const EHR = 'https://ehr.example.org/*';
const OTHER = 'https://his.example.net/*';
const trusted = { trusted: true };

describe('site registrar, Chrome MV3 (scripting)', () => {
  it('registers the built content script for a granted site, once', async () => {
    const fake = fakeSitesBrowser({ granted: [EHR] });
    const sites = createSiteRegistrar(fake.browser);
    expect(await sites.enable(EHR)).toBe(true);
    expect(await sites.enable(EHR)).toBe(true); // idempotent: no duplicate id error
    expect([...fake.scripts.values()]).toEqual([
      { id: scriptId(EHR), matches: [EHR], js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  });

  it('does not register without the permission, nor for sites the manifest covers (no double injection)', async () => {
    const fake = fakeSitesBrowser({ granted: ['http://127.0.0.1/*'] });
    const sites = createSiteRegistrar(fake.browser);
    expect(await sites.enable(EHR)).toBe(false);
    expect(await sites.enable('http://127.0.0.1/*')).toBe(true);
    expect(fake.scripts.size).toBe(0);
    expect(await sites.status([EHR, 'http://127.0.0.1/*'])).toEqual([
      { pattern: EHR, granted: false, active: false, builtIn: false },
      { pattern: 'http://127.0.0.1/*', granted: true, active: true, builtIn: true },
    ]);
  });

  it('refuses what is not a site pattern', async () => {
    const sites = createSiteRegistrar(fakeSitesBrowser({ granted: ['<all_urls>'] }).browser);
    await expect(sites.enable('<all_urls>')).rejects.toThrow(/not a site address/);
  });

  it('sync registers enabled sites that hold permission and drops stale registrations', async () => {
    const fake = fakeSitesBrowser({ granted: [EHR] });
    fake.scripts.set(scriptId(OTHER), { id: scriptId(OTHER), matches: [OTHER] }); // persisted from an earlier session
    fake.scripts.set('someone-else', { id: 'someone-else' }); // not ours: left alone
    const sites = createSiteRegistrar(fake.browser);
    await sites.sync([EHR, OTHER]);
    expect([...fake.scripts.keys()].sort()).toEqual([scriptId(EHR), 'someone-else'].sort());
  });

  it('two enables at once register the script once (no duplicate id error)', async () => {
    const fake = fakeSitesBrowser({ granted: [EHR] });
    const sites = createSiteRegistrar(fake.browser);
    expect(await Promise.all([sites.enable(EHR), sites.enable(EHR)])).toEqual([true, true]);
    expect([...fake.scripts.keys()]).toEqual([scriptId(EHR)]);
  });

  it('disable unregisters, and is harmless when nothing is registered', async () => {
    const fake = fakeSitesBrowser({ granted: [EHR] });
    const sites = createSiteRegistrar(fake.browser);
    await sites.enable(EHR);
    await sites.disable(EHR);
    await sites.disable(EHR);
    expect(fake.scripts.size).toBe(0);
  });
});

describe('site registrar, Firefox MV2 (contentScripts)', () => {
  it('registers with contentScripts.register and unregisters through the handle', async () => {
    const fake = fakeSitesBrowser({ mv: 2, granted: [EHR] });
    const sites = createSiteRegistrar(fake.browser);
    await sites.enable(EHR);
    await sites.enable(EHR);
    expect([...fake.firefox.values()]).toEqual([{ matches: [EHR], js: [{ file: 'content-scripts/content.js' }], runAt: 'document_idle' }]);
    expect((await sites.status([EHR]))[0]?.active).toBe(true);
    await sites.disable(EHR);
    expect(fake.firefox.size).toBe(0);
  });

  it('takes the manifest files Firefox gives as moz-extension:// URLs as the relative paths register needs', () => {
    expect(extensionPath('moz-extension://5d4c6b4e-8f0a/content-scripts/content.js')).toBe('content-scripts/content.js');
    expect(extensionPath('chrome-extension://abcdef/assets/x.css')).toBe('assets/x.css');
    expect(extensionPath('/content-scripts/content.js')).toBe('content-scripts/content.js');
    expect(extensionPath('content-scripts/content.js')).toBe('content-scripts/content.js');
  });

  it('a second disable at once answers only when the script is unregistered (a removed site gets nothing at once)', async () => {
    const fake = fakeSitesBrowser({ mv: 2, granted: [EHR] });
    const sites = createSiteRegistrar(fake.browser);
    await sites.enable(EHR);
    const first = sites.disable(EHR); // the permission's onRemoved
    await sites.disable(EHR); // sites/remove from the options page
    expect(fake.firefox.size).toBe(0);
    await first;
  });

  it('start-up registers again the enabled sites that still hold permission', async () => {
    const { deps } = freshDeps();
    const fake = fakeSitesBrowser({ mv: 2, granted: [EHR] });
    await saveSettings(deps, { enabledSites: [EHR, OTHER] });
    await startSites({ ...deps, sites: createSiteRegistrar(fake.browser) });
    expect([...fake.firefox.values()].map((o) => o.matches)).toEqual([[EHR]]);
  });
});

describe('permission changes and sites/* requests', () => {
  let deps: HandlerDeps;
  let fake: ReturnType<typeof fakeSitesBrowser>;

  beforeEach(() => {
    fake = fakeSitesBrowser();
    deps = { ...freshDeps().deps, sites: createSiteRegistrar(fake.browser) };
  });

  it('sites/add needs the permission first, then enables and registers the site', async () => {
    const refused = await handleRequest({ type: 'sites/add', pattern: EHR }, deps, trusted);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/no permission/) });
    expect((await loadSettings(deps)).settings.enabledSites).toEqual([]);

    fake.grant(EHR); // no listener yet: as if granted by the options page's click just before
    const added = await handleRequest({ type: 'sites/add', pattern: EHR }, deps, trusted);
    expect(added).toEqual({ ok: true, data: { sites: [{ pattern: EHR, granted: true, active: true, builtIn: false }] } });
    expect((await loadSettings(deps)).settings.enabledSites).toEqual([EHR]);
    expect(fake.scripts.has(scriptId(EHR))).toBe(true);
  });

  it('sites/remove drops the site and its registration', async () => {
    fake.grant(EHR);
    await handleRequest({ type: 'sites/add', pattern: EHR }, deps, trusted);
    const removed = await handleRequest({ type: 'sites/remove', pattern: EHR }, deps, trusted);
    expect(removed).toEqual({ ok: true, data: { sites: [] } });
    expect(fake.scripts.size).toBe(0);
    expect((await loadSettings(deps)).settings.enabledSites).toEqual([]);
  });

  it('sites/* are refused to content scripts, and invalid patterns are refused', async () => {
    expect(await handleRequest({ type: 'sites/add', pattern: EHR }, deps)).toMatchObject({ ok: false });
    expect(await handleRequest({ type: 'sites/status' }, deps)).toMatchObject({ ok: false });
    fake.grant('https://*/*');
    expect(await handleRequest({ type: 'sites/add', pattern: 'https://*/*' }, deps, trusted)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a site address/),
    });
  });

  it('a permission granted anywhere enables the site; revoked, it is unregistered but stays listed', async () => {
    await startSites(deps);
    fake.grant(EHR); // e.g. from the popup, or the browser's site-access menu
    await vi_waitFor(async () => (await loadSettings(deps)).settings.enabledSites.length === 1);
    expect(fake.scripts.has(scriptId(EHR))).toBe(true);

    fake.revoke(EHR);
    await vi_waitFor(async () => fake.scripts.size === 0);
    const view = await handleRequest({ type: 'sites/status' }, deps, trusted);
    expect(view).toEqual({ ok: true, data: { sites: [{ pattern: EHR, granted: false, active: false, builtIn: false }] } });
  });

  it('when policy locks enabledSites, a granted site outside the list is not added', async () => {
    const managed = { get: async () => ({ enabledSites: [OTHER] }) };
    const locked = { ...deps, managed };
    fake.grant(EHR);
    fake.grant(OTHER);
    await applyPermissionChange(locked, { added: [EHR, OTHER], removed: [] });
    expect((await loadSettings(locked)).settings.enabledSites).toEqual([OTHER]);
    expect([...fake.scripts.keys()]).toEqual([scriptId(OTHER)]);
  });
});

async function vi_waitFor(ok: () => Promise<boolean>, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
