import type { Browser } from 'puppeteer-core';

export const projectRoot: string;
export const extensionDir: string;
export const sharedFixturesDir: string;
export const ownPagesDir: string;
export const firefoxExtensionDir: string;
export const CHROMIUM_ARGS: string[];
export const FIREFOX_QUIET_PREFS: Record<string, unknown>;

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}
export function startFixtureServer(port?: number): Promise<FixtureServer>;

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** Where the extension's own pages are: chrome-extension://<id> or moz-extension://<uuid>. */
  extensionOrigin: string;
  close(): Promise<void>;
}
export function launchWithExtension(options?: { headless?: boolean; userDataDir?: string; dir?: string }): Promise<ExtensionBrowser>;
/**
 * `prefs`: Firefox preferences on top of puppeteer's (e.g. a proxy that records every request). `env`: on top of
 * the process's (e.g. HOME, where Firefox looks for per-user managed storage manifests).
 */
export function launchFirefoxWithExtension(options?: { dir?: string; prefs?: Record<string, unknown>; env?: Record<string, string> }): Promise<ExtensionBrowser>;
