import type { Browser, Runtime } from 'webextension-polyfill';
import { loadSettings } from '../settings/store';
import { openDb } from '../storage/db';
import { createPseudonymiser } from '../storage/pseudonym';
import { purgeExpired, type PurgeResult } from '../storage/retention';
import { handleRequest, type HandlerDeps } from './handler';

export const RETENTION_ALARM = 'sms-prompts-retention';
export const RETENTION_PERIOD_MINUTES = 24 * 60;

type BackgroundBrowser = Pick<Browser, 'runtime' | 'alarms' | 'storage'>;

/** The real dependencies: IndexedDB of the extension origin, browser storage, Web Crypto. */
export function createBrowserDeps(browser: BackgroundBrowser): HandlerDeps {
  return {
    db: openDb(),
    local: browser.storage.local,
    managed: browser.storage.managed,
    pseudonymise: createPseudonymiser(browser.storage.local),
    now: () => Date.now(),
    warn: (message) => console.warn(`[sms-prompts] ${message}`),
  };
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
 * Wires the background: answers messages, purges expired data now and daily (alarm). Listeners are added
 * synchronously so a woken service worker receives the event that woke it. Resolves when start-up work is done.
 */
export function startBackground(browser: BackgroundBrowser, deps: HandlerDeps): Promise<void> {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleRequest(message, deps, { trusted: isTrustedSender(sender, browser.runtime) }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) runRetention(deps).catch((e: unknown) => deps.warn(`retention failed: ${String(e)}`));
  });
  const purge = runRetention(deps).then(
    () => undefined,
    (e: unknown) => deps.warn(`retention failed: ${String(e)}`),
  );
  // Alarms survive service-worker restarts: create it once, or every wake-up would push the next run back.
  const schedule = browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) browser.alarms.create(RETENTION_ALARM, { delayInMinutes: RETENTION_PERIOD_MINUTES, periodInMinutes: RETENTION_PERIOD_MINUTES });
  });
  return Promise.all([purge, schedule]).then(() => undefined);
}
