/**
 * Helpers for the trust tests (privacy.e2e.ts, hostile.e2e.ts): every network request of every target, and the
 * extension's storage read from its own service worker.
 */
import type { Browser, CDPSession, Page, Target, WebWorker } from 'puppeteer-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './harness';

// ---- Network: every request of every page, worker and extension page ----

export interface RecordedRequest {
  targetType: string;
  targetUrl: string;
  url: string;
  resourceType: string;
  /** URLs of the scripts on the initiator's stack (a content script would show as chrome-extension://...). */
  initiatorUrls: string[];
}

interface RequestWillBeSent {
  request: { url: string };
  type?: string;
  initiator: { url?: string; stack?: { callFrames: { url: string }[]; parent?: unknown } };
}

const WATCHED = new Set(['page', 'service_worker', 'background_page', 'shared_worker', 'worker', 'other']);

/** CDP Network on every target the browser has and creates: pages, the extension's service worker, extension pages. */
export class NetworkRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly targets: { type: string; url: string }[] = [];
  private pending: Promise<unknown>[] = [];
  private sessions: CDPSession[] = [];

  constructor(private readonly browser: Browser) {
    browser.on('targetcreated', (t: Target) => this.pending.push(this.watch(t)));
    for (const t of browser.targets()) this.pending.push(this.watch(t));
  }

  /** Resolves once every target seen so far has Network enabled. */
  async ready(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  private async watch(target: Target): Promise<void> {
    if (!WATCHED.has(target.type())) return;
    // The browser's own UI (omnibox popup and other chrome:// WebUI) is not the extension and not the page.
    if (/^(chrome|devtools|chrome-untrusted):/.test(target.url())) return;
    let session: CDPSession;
    try {
      session = await target.createCDPSession();
    } catch {
      return; // closed before we got to it
    }
    this.sessions.push(session);
    this.targets.push({ type: target.type(), url: target.url() });
    session.on('Network.requestWillBeSent', (e: RequestWillBeSent) => {
      const stackUrls = (e.initiator.stack?.callFrames ?? []).map((f) => f.url);
      this.requests.push({
        targetType: target.type(),
        targetUrl: target.url(),
        url: e.request.url,
        resourceType: e.type ?? '',
        initiatorUrls: [e.initiator.url ?? '', ...stackUrls].filter(Boolean),
      });
    });
    session.on('Network.webSocketCreated', (e: { url: string }) => {
      this.requests.push({ targetType: target.type(), targetUrl: target.url(), url: e.url, resourceType: 'WebSocket', initiatorUrls: [] });
    });
    await session.send('Network.enable').catch(() => undefined);
    // A worker that starts before we attach would otherwise run unobserved.
    await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
  }
}

// ---- The extension's own storage, read in its service worker ----

export async function serviceWorker(ext: ExtensionBrowser): Promise<WebWorker> {
  const target = await ext.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${ext.extensionId}/`),
    { timeout: 15_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('the extension has no service worker');
  return worker;
}

export interface ExtensionStorage {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  /** database name -> object store -> all rows */
  indexedDb: Record<string, Record<string, unknown[]>>;
}

/**
 * Everything the extension keeps, as JSON: browser.storage.local and .session, and every IndexedDB database of
 * its origin. Runs in one of the extension's own contexts (Chrome's service worker, a Firefox extension page).
 */
export async function dumpExtensionStorage(): Promise<string> {
  type StorageArea = { get(k: null): Promise<Record<string, unknown>> };
  const g = globalThis as unknown as { browser?: { storage: Record<string, StorageArea | undefined> }; chrome: { storage: Record<string, StorageArea | undefined> } };
  const api = g.browser ?? g.chrome;
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const indexedDb: Record<string, Record<string, unknown[]>> = {};
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    indexedDb[name] = {};
    for (const store of Array.from(db.objectStoreNames)) {
      indexedDb[name][store] = await request(db.transaction(store).objectStore(store).getAll());
    }
    db.close();
  }
  return JSON.stringify({
    local: (await api.storage.local?.get(null)) ?? {},
    session: (await api.storage.session?.get(null).catch(() => ({}))) ?? {},
    indexedDb,
  });
}

/** Everything the extension keeps, read in its service worker (Chromium). */
export async function readExtensionStorage(ext: ExtensionBrowser): Promise<ExtensionStorage> {
  const worker = await serviceWorker(ext);
  return JSON.parse(await worker.evaluate(dumpExtensionStorage)) as ExtensionStorage;
}

/** What the test pages show about their patients (patient-summary.html, the shared hostile-page.html). None of it may be stored, in any form. */
export const PATIENT_IDENTIFIERS = ['Walsh', 'Peter', 'RMC-771204', '771 204 5521', '7712045521', '1952-07-09', "O'Connor", 'Siobhan', 'LEG-5521'];

/** What was stored: consultations under 64-hex pseudonymous keys, and no patient identifier anywhere in it. */
export function expectPseudonymous(stored: ExtensionStorage): void {
  const db = stored.indexedDb['sms-prompts'];
  expect(db, `IndexedDB databases: ${Object.keys(stored.indexedDb).join(', ')}`).toBeDefined();
  const consultations = (db!['consultations'] ?? []) as { patientKey: string }[];
  expect(consultations.length, 'consultations were stored').toBeGreaterThanOrEqual(1);
  for (const c of consultations) expect(c.patientKey).toMatch(/^[0-9a-f]{64}$/);
  const dump = JSON.stringify(stored).toLowerCase();
  for (const id of PATIENT_IDENTIFIERS) expect(dump, `"${id}" is stored`).not.toContain(id.toLowerCase());
}

/** Writes to the extension's browser.storage.local, as a damaged profile or a buggy old version might have. */
export async function writeExtensionLocal(ext: ExtensionBrowser, items: Record<string, unknown>): Promise<void> {
  const worker = await serviceWorker(ext);
  await worker.evaluate(async (json: string) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } }).chrome;
    await api.storage.local.set(JSON.parse(json) as object);
  }, JSON.stringify(items));
}

// ---- The page's own origin ----

/** What a page's origin keeps: IndexedDB databases, Web Storage, cookies, Cache Storage. */
export interface PageOriginStorage {
  idb: string[];
  local: number;
  session: number;
  cookie: string;
  caches: string[];
}

/** A page whose origin the extension never wrote to (the EHR's own storage is not ours to use). */
export const NOTHING_IN_PAGE_ORIGIN: PageOriginStorage = { idb: [], local: 0, session: 0, cookie: '', caches: [] };

/** Everything the page's origin keeps, read in the page (a content script in Firefox writes there if it stores anything itself). */
export function readPageOriginStorage(page: Page): Promise<PageOriginStorage> {
  return page.evaluate(async () => ({
    idb: (await indexedDB.databases()).map((d) => d.name ?? ''),
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    caches: typeof caches === 'undefined' ? [] : await caches.keys(),
  }));
}
