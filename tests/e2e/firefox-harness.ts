/**
 * Reading and clicking the sidebar in Firefox. Puppeteer drives Firefox over WebDriver BiDi, which has no CDP
 * pierced DOM; BiDi's own way into a closed shadow root is to serialize the host with `includeShadowTree:
 * 'all'` and pass the root it returns, by reference, to a function run in the page. That function reads the
 * sidebar's DOM (its lit elements have open roots below the closed one) and never changes it; clicks are
 * real mouse input at the element's centre, as in the Chromium harness.
 */
import type { Page } from 'puppeteer-core';
import { axeSource, type AxeResults } from './axe';
import { boxCentre, SIDEBAR_HOST, sidebarViews, waitFor, type Box, type SidebarDriver } from './harness';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result?: BidiResult } & BidiResult>;
}

interface BidiResult {
  type?: string;
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text?: string };
}

/** Puppeteer's BiDi connection and the page's browsing context id (not public API: test glue only). */
function bidi(page: Page): { connection: BidiConnection; context: string } {
  const connection = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!connection || !context) throw new Error('not a WebDriver BiDi page: launch Firefox with launchFirefoxWithExtension');
  return { connection, context };
}

async function send(page: Page, method: string, params: object): Promise<{ type: string; value?: unknown; sharedId?: string } | null> {
  const { connection } = bidi(page);
  const reply = await connection.send(method, params);
  const body = (reply.result ?? reply) as BidiResult;
  if (body.type === 'exception') throw new Error(`${method}: ${body.exceptionDetails?.text ?? 'exception in the page'}`);
  return body.result ?? null;
}

/**
 * Reads run in a sandbox realm of the page: same DOM, clean globals. A hostile page patches its own globals
 * (shared/hostile-page.html replaces JSON.stringify), and a test must not read the sidebar through them.
 */
const SANDBOX = 'sms-test-probe';

/** A reference to the sidebar host's closed shadow root, or null when the host is not on the page. */
async function sidebarRoot(page: Page): Promise<string | null> {
  const { context } = bidi(page);
  const host = await send(page, 'script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(SIDEBAR_HOST)})`,
    target: { context, sandbox: SANDBOX },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = (host?.value as { shadowRoot?: { sharedId?: string } | null } | undefined)?.shadowRoot;
  return shadow?.sharedId ?? null;
}

/**
 * Runs `read` (a function's source: `(matches) => JSON-able value`) on the elements matching `selector` in all
 * the sidebar's shadow trees, in document order. Returns null when there is no sidebar.
 */
async function readSidebar<T>(page: Page, selector: string, read: string): Promise<T | null> {
  const root = await sidebarRoot(page);
  if (!root) return null;
  const { context } = bidi(page);
  const result = await send(page, 'script.callFunction', {
    functionDeclaration: `(root, selector) => {
      const matches = [];
      const visit = (r) => {
        matches.push(...r.querySelectorAll(selector));
        for (const el of r.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(root);
      return JSON.stringify((${read})(matches));
    }`,
    arguments: [{ sharedId: root }, { type: 'string', value: selector }],
    target: { context, sandbox: SANDBOX },
    awaitPromise: false,
  });
  return JSON.parse(String(result?.value)) as T;
}

/** Attributes of every sidebar element matching the selector. */
export async function attributesFx(page: Page, selector: string): Promise<Record<string, string>[]> {
  const read = '(els) => els.map((el) => Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])))';
  return (await readSidebar<Record<string, string>[]>(page, selector, read)) ?? [];
}

/** The text of the sidebar elements matching the selector, whitespace collapsed. */
export async function textFx(page: Page, selector: string): Promise<string> {
  // Text through the open shadow roots of the lit elements inside, as the clinician sees it.
  const read = `(els) => {
    const text = (node) => {
      if (node.nodeType === 3) return node.data;
      if (node.nodeType !== 1 && node.nodeType !== 11) return '';
      if (node.localName === 'style' || node.localName === 'script') return '';
      const parts = node.shadowRoot ? [text(node.shadowRoot)] : [];
      for (const child of node.childNodes) parts.push(text(child));
      return parts.join(' ');
    };
    return els.map(text).join(' ');
  }`;
  return ((await readSidebar<string>(page, selector, read)) ?? '').replace(/\s+/g, ' ').trim();
}

/** The box of the first sidebar element matching the selector in viewport coordinates, scrolled into view first if asked. */
function boxOf(page: Page, selector: string, scroll: boolean): Promise<Box | null> {
  const read = `(els) => {
    const el = els[0];
    if (!el) return null;
    if (${scroll}) el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }`;
  return readSidebar<Box | null>(page, selector, read);
}

export const boxFx = (page: Page, selector: string): Promise<Box | null> => boxOf(page, selector, false);

/**
 * Clicks the centre of the first sidebar element matching the selector with the real mouse, once it stands still:
 * scrolled into view, or moved by a list the sidebar is still laying out, a box read too early sends the click
 * beside it (seen once in a CI run on a busy machine: "Insert into note" missed, the note stayed empty).
 */
export async function clickFx(page: Page, selector: string): Promise<void> {
  let box = await boxOf(page, selector, true);
  const same = (a: Box | null, b: Box | null) => a !== null && b !== null && a.left === b.left && a.top === b.top;
  for (let tries = 0; tries < 20; tries++) {
    await new Promise((r) => setTimeout(r, 100));
    const again = await boxOf(page, selector, false);
    const settled = same(box, again);
    box = again;
    if (settled) break;
  }
  if (!box) throw new Error(`Nothing in the sidebar matches ${selector}`);
  const { x, y } = boxCentre(box);
  await page.mouse.click(x, y);
}

/** Evaluates an expression on the page's DOM in the sandbox realm (clean globals); its value must be JSON-able. */
export async function probeFx<T>(page: Page, expression: string): Promise<T> {
  const { context } = bidi(page);
  const result = await send(page, 'script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context, sandbox: SANDBOX },
    awaitPromise: true,
  });
  return (result?.value === undefined ? undefined : JSON.parse(String(result.value))) as T;
}

/**
 * axe-core run on the sidebar, in the sandbox realm: axe is loaded there (not into the page), and builds its
 * tree from the document, so in that realm only the host gets a `shadowRoot` getter returning its closed root
 * (an expando on the sandbox's wrapper of the host; the page's own view of the host is untouched).
 */
export async function axeOnSidebarFx(page: Page): Promise<AxeResults> {
  const root = await sidebarRoot(page);
  if (!root) throw new Error('no sidebar on the page');
  const { context } = bidi(page);
  await send(page, 'script.evaluate', { expression: axeSource(), target: { context, sandbox: SANDBOX }, awaitPromise: false });
  const result = await send(page, 'script.callFunction', {
    functionDeclaration: `async (root) => {
      if (!root.host.shadowRoot) Object.defineProperty(root.host, 'shadowRoot', { get: () => root });
      const results = await window.axe.run(root.querySelector('sms-sidebar'), { resultTypes: ['violations'] });
      return JSON.stringify({ violations: results.violations, passes: results.passes });
    }`,
    arguments: [{ sharedId: root }],
    target: { context, sandbox: SANDBOX },
    awaitPromise: true,
  });
  return JSON.parse(String(result?.value)) as AxeResults;
}

/** axe-core run on a whole document: one of the extension's own pages (options, popup), whose lit roots are open. */
export async function axeOnDocumentFx(page: Page): Promise<AxeResults> {
  await page.evaluate(axeSource());
  const json = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return JSON.stringify({ violations: results.violations, passes: results.passes });
  });
  return JSON.parse(json) as AxeResults;
}

/** The sidebar in Firefox, read through WebDriver BiDi. */
export const firefoxDriver: SidebarDriver = { attributes: attributesFx, click: clickFx, text: textFx, box: boxFx, probe: probeFx };

/** The sidebar views of the Chromium harness, read through BiDi. */
export const { shownConditions, strategyIds, openSidebar, waitForConditions, centre, tickFirstBarrier, elementAtPoint, clickOnPage } =
  sidebarViews(firefoxDriver);

/**
 * Opens one of the extension's own pages (moz-extension://) in `page`. It loads in the extension's process and
 * puppeteer never sees that navigation end, so this waits until the page's document is the one asked for and
 * loaded: a wait started before then would keep polling the old document.
 */
export async function navigateToExtensionPageFx(page: Page, url: string): Promise<void> {
  const { connection, context } = bidi(page);
  await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
  const loaded = () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
  const state = await waitFor(loaded, (s) => s === `${url} complete`, 15_000);
  if (state !== `${url} complete`) throw new Error(`${url} did not load (${state || 'no document'})`);
}
