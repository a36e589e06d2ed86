import type { Browser } from 'webextension-polyfill';
import { scriptingOf } from './sites';

/**
 * The sidebar's UI (lit, its components and the custom-element registry they need) is a script of its own
 * (entrypoints/sidebar-ui/index.ts), put into a page only once detection found a condition there. The content script
 * on every enabled EHR page is then just detection and glue: most charts never show the sidebar, and the
 * content script's size is a budget (issue: 60 KB gzipped).
 *
 * Injected files run in the content script's own isolated world, so the elements they define are the ones the
 * content script creates. No web_accessible_resources: the page can neither load nor detect the file.
 */
export const SIDEBAR_UI_FILE = '/sidebar-ui.js';

/** The frame that asked: the sender's tab and frame. */
export interface Frame {
  tabId: number;
  frameId: number;
}

export type UiInjector = (frame: Frame) => Promise<void>;

/** The parts of `browser` this module uses: scripting on Chrome MV3, tabs.executeScript on Firefox MV2. */
export interface UiBrowser {
  runtime: { getManifest(): { manifest_version: number } };
  scripting?: Pick<Browser['scripting'], 'executeScript'>;
  tabs?: Pick<Browser['tabs'], 'executeScript'>;
}

/** Injects the sidebar UI into a frame; undefined where neither API is available (tests without a browser). */
export function createUiInjector(browser: UiBrowser): UiInjector | undefined {
  const scripting = scriptingOf(browser);
  const tabs = browser.tabs;
  if (scripting) {
    return async ({ tabId, frameId }) => {
      await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [SIDEBAR_UI_FILE] });
    };
  }
  if (tabs?.executeScript) {
    return async ({ tabId, frameId }) => {
      await tabs.executeScript(tabId, { file: SIDEBAR_UI_FILE, frameId });
    };
  }
  return undefined;
}
