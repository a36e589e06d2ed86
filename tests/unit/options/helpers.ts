import { vi } from 'vitest';
import { handleRequest, type HandlerDeps } from '../../../lib/background/handler';
import { createSiteRegistrar } from '../../../lib/background/sites';
import { RequestError } from '../../../lib/messaging';
import type { OptionsApi } from '../../../components/options-app';
import type { RequestInput, ResponseData } from '../../../lib/messages';
import { freshDeps } from '../background/helpers';
import { fakeSitesBrowser } from '../sites/fake-sites-browser';

/** The real request handler behind a fake browser: what the options page and popup talk to in these tests. */
export function fakeBackground(granted: string[] = []) {
  const sitesBrowser = fakeSitesBrowser({ granted });
  const deps: HandlerDeps = { ...freshDeps().deps, sites: createSiteRegistrar(sitesBrowser.browser) };
  const requests: RequestInput[] = [];
  const send = async <R extends RequestInput>(req: R): Promise<ResponseData<R['type']>> => {
    requests.push(req);
    const reply = await handleRequest(req, deps, { trusted: true });
    if (!reply.ok) throw new RequestError(req.type, reply.error);
    return reply.data as ResponseData<R['type']>;
  };
  return { deps, sitesBrowser, requests, send };
}

export function fakeOptionsApi(background: ReturnType<typeof fakeBackground>, uiLanguage = 'en-GB') {
  const downloads: { fileName: string; text: string; type: string }[] = [];
  const api: OptionsApi & { downloads: typeof downloads } = {
    send: background.send,
    requestPermission: vi.fn(async (origins: string[]) => {
      origins.forEach((o) => background.sitesBrowser.grant(o));
      return true;
    }),
    removePermission: vi.fn(async () => true),
    uiLanguage,
    now: () => Date.UTC(2026, 1, 16),
    download: (fileName, text, type) => downloads.push({ fileName, text, type }),
    downloads,
  };
  return api;
}

/** Waits until the probe is truthy (lit renders asynchronously, requests resolve later). */
export async function until<T>(probe: () => T, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** querySelector through open shadow roots. */
export function deepQuery<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E | null {
  if (root instanceof Element && root.shadowRoot) {
    const inside = deepQuery<E>(root.shadowRoot, selector);
    if (inside) return inside;
  }
  const direct = root.querySelector<E>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<E>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

/** Visible text through open shadow roots. */
export function deepText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
  const el = node as Element;
  const parts = [...(el.shadowRoot ? [el.shadowRoot] : []), ...node.childNodes].map(deepText);
  return parts.join(' ').replace(/\s+/g, ' ');
}
