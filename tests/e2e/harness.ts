/**
 * End-to-end harness: the BUILT extension loaded into Debian's Chromium, driving EHR-like pages served on
 * 127.0.0.1. The sidebar lives in a closed shadow root, so tests read and click it the way a user sees it:
 * through CDP's pierced DOM (which reaches closed roots) and real mouse and keyboard input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CDPSession, Page } from 'puppeteer-core';
import {
  launchWithExtension,
  projectRoot,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from '../../scripts/browser.mjs';

export {
  launchWithExtension,
  sharedFixturesDir,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from '../../scripts/browser.mjs';

export const artifactsDir = path.join(projectRoot, 'tests/artifacts');

export interface ExtensionSession {
  server: FixtureServer;
  ext: ExtensionBrowser;
  /** Opens a page of the fixture server (e.g. '/patient-summary.html' or '/shared/spa-chart.html') in a new tab. */
  open(pathname: string): Promise<Page>;
}

/** One fixture server and one Chromium with the built extension for the test file that calls this. */
export function useExtensionBrowser(): ExtensionSession {
  const session = {
    async open(pathname: string) {
      const page = await session.ext.browser.newPage();
      await page.goto(`${session.server.origin}${pathname}`, { waitUntil: 'load' });
      return page;
    },
  } as ExtensionSession;
  beforeAll(async () => {
    session.server = await startFixtureServer();
    session.ext = await launchWithExtension();
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
  });
  return session;
}

// ---- Reading the sidebar through the pierced DOM ----

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

export const SIDEBAR_HOST = 'sms-prompts';

const sessions = new WeakMap<Page, CDPSession>();
/** The one CDP session per page that sidebar node ids belong to (ids are per session). */
export async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.createCDPSession();
    await session.send('DOM.enable');
    sessions.set(page, session);
  }
  return session;
}

async function pageDocument(page: Page): Promise<CdpNode> {
  const session = await cdp(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  return root as CdpNode;
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const shadow of node.shadowRoots ?? []) yield* walk(shadow);
  for (const child of node.children ?? []) yield* walk(child);
}

function findHost(doc: CdpNode): CdpNode | undefined {
  for (const node of walk(doc)) if (node.localName === SIDEBAR_HOST) return node;
  return undefined;
}

/** All shadow roots at or below a node: the sidebar is lit components nested in one closed root. */
function shadowRootsBelow(node: CdpNode): CdpNode[] {
  const roots: CdpNode[] = [];
  for (const n of walk(node)) if (n.nodeName === '#document-fragment') roots.push(n);
  return roots;
}

/** Is the extension's host element on the page at all? */
export async function sidebarPresent(page: Page): Promise<boolean> {
  return findHost(await pageDocument(page)) !== undefined;
}

const STALE_NODE = /Could not find node|No node with given id|does not belong to the document/;

/**
 * Runs a read of sidebar nodes again when the sidebar re-rendered in the middle of it: node ids from
 * DOM.getDocument go stale as soon as lit replaces the nodes (an SPA patient switch, a re-detection).
 */
async function freshRead<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (attempt >= 5 || !STALE_NODE.test(String((e as Error)?.message))) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Node ids matching a CSS selector anywhere inside the sidebar's shadow trees. */
export function queryInSidebar(page: Page, selector: string): Promise<number[]> {
  return freshRead(() => queryOnce(page, selector));
}

async function queryOnce(page: Page, selector: string): Promise<number[]> {
  const session = await cdp(page);
  const host = findHost(await pageDocument(page));
  if (!host) return [];
  const ids: number[] = [];
  for (const root of shadowRootsBelow(host)) {
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    ids.push(...nodeIds);
  }
  return ids;
}

function textOf(node: CdpNode, skip: Set<string>): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (skip.has(node.nodeName)) return '';
  const parts = [...(node.shadowRoots ?? []), ...(node.children ?? [])].map((n) => textOf(n, skip));
  return parts.join(' ');
}

/** The visible text of the sidebar (all shadow trees), whitespace collapsed. Empty when absent. */
export function sidebarText(page: Page, selector?: string): Promise<string> {
  return freshRead(() => sidebarTextOnce(page, selector));
}

async function sidebarTextOnce(page: Page, selector?: string): Promise<string> {
  const skip = new Set(['STYLE', 'SCRIPT', '#comment']);
  const doc = await pageDocument(page);
  const host = findHost(doc);
  if (!host) return '';
  if (!selector) return textOf(host, skip).replace(/\s+/g, ' ').trim();
  const session = await cdp(page);
  const texts: string[] = [];
  for (const id of await queryOnce(page, selector)) {
    const { outerHTML } = await session.send('DOM.getOuterHTML', { nodeId: id });
    texts.push(outerHTML.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '));
  }
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Attributes of the first node matching the selector in the sidebar, or null. */
export async function sidebarAttributes(page: Page, selector: string): Promise<Record<string, string> | null> {
  return (await attributesOfAll(page, selector))[0] ?? null;
}

/** The viewport box of the first sidebar element matching the selector, or null when there is none. */
export function sidebarBox(page: Page, selector: string): Promise<Box | null> {
  return freshRead(async () => {
    const [id] = await queryOnce(page, selector);
    if (id === undefined) return null;
    const { model } = await (await cdp(page)).send('DOM.getBoxModel', { nodeId: id });
    const [x1, y1, , , x3, y3] = model.border;
    return { left: x1!, top: y1!, right: x3!, bottom: y3! };
  });
}

/** Clicks the centre of the first sidebar element matching the selector with the real mouse. */
export async function clickInSidebar(page: Page, selector: string): Promise<void> {
  const { x, y } = await freshRead(async () => {
    const [id] = await queryOnce(page, selector);
    if (id === undefined) throw new Error(`Nothing in the sidebar matches ${selector}`);
    const session = await cdp(page);
    await session.send('DOM.scrollIntoViewIfNeeded', { nodeId: id });
    const { quads } = await session.send('DOM.getContentQuads', { nodeId: id });
    const quad = quads[0];
    if (!quad) throw new Error(`${selector} is not visible in the sidebar`);
    return { x: (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4, y: (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4 };
  });
  await page.mouse.click(x, y);
}


/** The text of one of the extension's own pages (options, popup) through its open shadow roots, whitespace collapsed. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walk = (n: Node): string =>
      n.nodeType === 3
        ? (n.textContent ?? '')
        : n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT'
          ? ''
          : [...((n as Element).shadowRoot ? [(n as Element).shadowRoot!] : []), ...n.childNodes].map(walk).join(' ');
    return walk(document.body).replace(/\s+/g, ' ');
  });
}

/** Polls until the predicate holds or the timeout passes; returns the last value for a clear failure. */
export async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

// ---- What the clinician sees ----

/** The attributes of every sidebar element matching the selector, in document order. */
function attributesOfAll(page: Page, selector: string): Promise<Record<string, string>[]> {
  return freshRead(() => attributesOnce(page, selector));
}

async function attributesOnce(page: Page, selector: string): Promise<Record<string, string>[]> {
  const session = await cdp(page);
  const all: Record<string, string>[] = [];
  for (const id of await queryOnce(page, selector)) {
    const { attributes } = await session.send('DOM.getAttributes', { nodeId: id });
    const attrs: Record<string, string> = {};
    for (let i = 0; i < attributes.length; i += 2) attrs[attributes[i]!] = attributes[i + 1]!;
    all.push(attrs);
  }
  return all;
}

/** Evaluates an expression in a new isolated world of the page's main frame (clean globals, same DOM). */
export async function isolatedEval<T>(page: Page, expression: string): Promise<T> {
  const session = await page.createCDPSession();
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'sms-test-probe' });
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`probe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

export interface Point {
  x: number;
  y: number;
}

/** An element's border box in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a real click on the box lands. */
export function boxCentre(box: Box): Point {
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/** How a test reads and clicks the sidebar: CDP's pierced DOM in Chromium, WebDriver BiDi in Firefox. */
export interface SidebarDriver {
  /** The attributes of every sidebar element matching the selector, in document order. */
  attributes(page: Page, selector: string): Promise<Record<string, string>[]>;
  /** Clicks the centre of the first sidebar element matching the selector with the real mouse. */
  click(page: Page, selector: string): Promise<void>;
  /** The text of the sidebar elements matching the selector, whitespace collapsed. */
  text(page: Page, selector: string): Promise<string>;
  /** The box of the first sidebar element matching the selector in viewport coordinates, or null. */
  box(page: Page, selector: string): Promise<Box | null>;
  /**
   * Evaluates an expression (its value JSON-able) on the page's DOM in a realm of the test's own, so a hostile
   * page's patched globals cannot fool the test.
   */
  probe<T>(page: Page, expression: string): Promise<T>;
}

/** What the clinician sees of the sidebar, read through a driver (one piece of code for both browsers). */
export function sidebarViews(driver: SidebarDriver) {
  /** Condition ids shown in the sidebar panel, with their status ('confirmed' or 'possible'). */
  async function shownConditions(page: Page): Promise<Record<string, string>> {
    const rows = await driver.attributes(page, 'li[data-condition]');
    return Object.fromEntries(rows.map((r) => [r['data-condition'] ?? '', r['data-status'] ?? '']));
  }

  /** Strategy ids listed in the sidebar, in ranked order. */
  async function strategyIds(page: Page): Promise<string[]> {
    return (await driver.attributes(page, 'li[data-strategy]')).map((r) => r['data-strategy'] ?? '');
  }

  /** Waits for the sidebar (tab or panel); GP consultations start as a tab, which is clicked open like a clinician does. */
  async function openSidebar(page: Page, timeoutMs = 15_000): Promise<void> {
    const shown = await waitFor(() => driver.attributes(page, 'aside, button.tab'), (x) => x.length > 0, timeoutMs);
    if (shown.length === 0) throw new Error('the sidebar did not appear');
    if ((await driver.attributes(page, 'button.tab')).length > 0) await driver.click(page, 'button.tab');
    const panel = await waitFor(() => driver.attributes(page, 'aside'), (x) => x.length === 1, timeoutMs);
    if (panel.length !== 1) throw new Error('the sidebar panel did not open');
  }

  /** Opens the sidebar and waits until at least `count` conditions are listed. */
  async function waitForConditions(page: Page, count = 1): Promise<Record<string, string>> {
    await openSidebar(page);
    return waitFor(() => shownConditions(page), (shown) => Object.keys(shown).length >= count);
  }

  /** Centre of the first sidebar element matching the selector in viewport coordinates, or null. */
  async function centre(page: Page, selector: string): Promise<Point | null> {
    const box = await driver.box(page, selector);
    return box && boxCentre(box);
  }

  /** The first barrier chip's value, ticked with the real mouse. */
  async function tickFirstBarrier(page: Page): Promise<string> {
    const [first] = await driver.attributes(page, 'input[name="barrier"]');
    if (!first) throw new Error('no barrier chips in the sidebar');
    const value = first['value'] ?? '';
    await driver.click(page, `input[name="barrier"][value="${value}"]`);
    return value;
  }

  /** What the page itself would hit at a point: the closed root is retargeted, so our part of the page is `SMS-PROMPTS`. */
  function elementAtPoint(page: Page, point: Point): Promise<string> {
    return driver.probe<string>(page, `document.elementFromPoint(${point.x}, ${point.y})?.tagName ?? 'nothing'`);
  }

  /** Clicks a page element (by selector) with the real mouse, located from a clean realm. */
  async function clickOnPage(page: Page, selector: string): Promise<void> {
    const box = await driver.probe<Point | null>(
      page,
      `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return null;
         el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
    );
    if (!box) throw new Error(`no ${selector} on the page`);
    await page.mouse.click(box.x, box.y);
  }

  return { shownConditions, strategyIds, openSidebar, waitForConditions, centre, tickFirstBarrier, elementAtPoint, clickOnPage };
}

/** The sidebar in Chromium, read through CDP's pierced DOM. */
export const chromiumDriver: SidebarDriver = {
  attributes: attributesOfAll,
  click: clickInSidebar,
  text: sidebarText,
  box: sidebarBox,
  probe: isolatedEval,
};

export const { shownConditions, strategyIds, openSidebar, waitForConditions, centre, tickFirstBarrier, elementAtPoint, clickOnPage } =
  sidebarViews(chromiumDriver);

type AxNode = Awaited<ReturnType<Page['accessibility']['snapshot']>>;

/** Form state (`.checked`, `.value`) is not in the DOM's attributes: read it as assistive technology does. */
export async function accessibleNodes(page: Page): Promise<NonNullable<AxNode>[]> {
  const found: NonNullable<AxNode>[] = [];
  const walk = (node: AxNode) => {
    if (!node) return;
    found.push(node);
    node.children?.forEach(walk);
  };
  walk(await page.accessibility.snapshot({ interestingOnly: false }));
  return found;
}

/** Accessible names of every ticked checkbox on the page (barriers and strategies). */
export async function checkedBoxes(page: Page): Promise<string[]> {
  return (await accessibleNodes(page)).filter((n) => n.role === 'checkbox' && n.checked === true).map((n) => n.name ?? '');
}

/** The value of the text field whose accessible name matches the label. */
export async function fieldValue(page: Page, label: RegExp): Promise<string | undefined> {
  const node = (await accessibleNodes(page)).find((n) => n.role === 'textbox' && label.test(n.name ?? ''));
  return node?.value === undefined ? undefined : String(node.value);
}
