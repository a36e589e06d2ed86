import type { Browser } from 'puppeteer-core';

export const projectRoot: string;
export const extensionDir: string;
export const sharedFixturesDir: string;
export const ownPagesDir: string;
export const firefoxExtensionDir: string;
export const CHROMIUM_ARGS: string[];

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}
export function startFixtureServer(port?: number): Promise<FixtureServer>;

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}
export function launchWithExtension(options?: { headless?: boolean; userDataDir?: string; dir?: string }): Promise<ExtensionBrowser>;
export function launchFirefoxWithExtension(options?: { dir?: string }): Promise<ExtensionBrowser>;
