import type { Browser, Runtime } from 'webextension-polyfill';
import { loadSettings } from '../settings/store';
import { openDb } from '../storage/db';
import { createPseudonymiser } from '../storage/pseudonym';
import { purgeExpired, type PurgeResult } from '../storage/retention';
import { handleRequest, type HandlerDeps } from './handler';
import { ACTION_PLAN_ALARM, createActionPlanDeps, purgeExpiredJobs } from './action-plan';
import { createSiteRegistrar, startSites, type SitesBrowser } from './sites';
import { createUiInjector, type Frame, type UiBrowser } from './sidebar-ui';

export const RETENTION_ALARM = 'sms-prompts-retention';
export const RETENTION_PERIOD_MINUTES = 24 * 60;

type BackgroundBrowser = Pick<Browser, 'runtime' | 'alarms' | 'storage'>;

/** The real dependencies: IndexedDB of the extension origin, browser storage, Web Crypto, per-site scripts. */
export function createBrowserDeps(browser: BackgroundBrowser & Partial<Omit<SitesBrowser, 'runtime'>>): HandlerDeps {
  const warn = (message: string) => console.warn(`[sms-prompts] ${message}`);
  const ui = createUiInjector(browser as BackgroundBrowser & UiBrowser);
  return {
    ...(browser.permissions ? { sites: createSiteRegistrar(browser as BackgroundBrowser & SitesBrowser, warn) } : {}),
    // Printed action plans: kept in session storage, opened in a tab, purged by an alarm.
    ...('tabs' in browser && browser.tabs ? { actionPlan: createActionPlanDeps(browser as BackgroundBrowser & Pick<Browser, 'tabs'>) } : {}),
    ...(ui ? { ui } : {}),
    db: openDb(),
    local: browser.storage.local,
    managed: browser.storage.managed,
    pseudonymise: createPseudonymiser(browser.storage.local),
    now: () => Date.now(),
    warn,
  };
}

/** The tab and frame a message came from (a content script's, or an extension page shown in a tab). */
export function senderFrame(sender: Runtime.MessageSender): Frame | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined || tabId < 0 ? undefined : { tabId, frameId: sender.frameId ?? 0 };
}

/** Only the extension's own pages are trusted; a content script's sender.url is the host page's. */
export function isTrustedSender(sender: Runtime.MessageSender, runtime: Pick<Runtime.Static, 'id' | 'getURL'>): boolean {
  return sender.id === runtime.id && typeof sender.url === 'string' && sender.url.startsWith(runtime.getURL('/'));
}

/** Deletes what is older than the configured retention. */
export async function runRetention(deps: HandlerDeps): Promise<PurgeResult> {
  const { settings } = await loadSettings(deps, deps.now());
  return purgeExpired(deps.db, settings.retentionDays, deps.now());
}

/**
 * Wires the background: answers messages, purges expired data now and daily (alarm), registers the content
 * script on the enabled EHR sites and follows their permissions. Listeners are added
 * synchronously so a woken service worker receives the event that woke it. Resolves when start-up work is done.
 */
export function startBackground(browser: BackgroundBrowser, deps: HandlerDeps): Promise<void> {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleRequest(message, deps, { trusted: isTrustedSender(sender, browser.runtime), frame: senderFrame(sender) }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) runRetention(deps).catch((e: unknown) => deps.warn(`retention failed: ${String(e)}`));
    if (alarm.name === ACTION_PLAN_ALARM && deps.actionPlan) {
      purgeExpiredJobs(deps.actionPlan, deps.now()).catch((e: unknown) => deps.warn(`action plan purge failed: ${String(e)}`));
    }
  });
  const purge = runRetention(deps).then(
    () => undefined,
    (e: unknown) => deps.warn(`retention failed: ${String(e)}`),
  );
  // Alarms survive service-worker restarts: create it once, or every wake-up would push the next run back.
  const schedule = browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) browser.alarms.create(RETENTION_ALARM, { delayInMinutes: RETENTION_PERIOD_MINUTES, periodInMinutes: RETENTION_PERIOD_MINUTES });
  });
  const sites = startSites(deps); // per-site content scripts (no-op without deps.sites)
  return Promise.all([purge, schedule, sites]).then(() => undefined);
}
