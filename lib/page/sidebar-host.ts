/** The tag of the element the extension adds to EHR pages. The detector ignores it. */
export const HOST_TAG = 'sms-prompts';

/**
 * Inline `!important` declarations win over any page stylesheet, including `* { display: none !important }`.
 * The host is a zero-size fixed box; the panel and tab inside position themselves against the viewport.
 */
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'top: 0',
  'right: 0',
  'width: 0',
  'height: 0',
  'z-index: 2147483647',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'pointer-events: auto',
  'contain: none',
].map((rule) => `${rule} !important`).join('; ');

export interface MountedHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Puts the host back if the page removed it (single-page EHRs rewrite large parts of the DOM). */
  ensureAttached(): void;
  remove(): void;
}

/** Restores of the host's attributes allowed per second before giving up on a page that fights back forever. */
const MAX_RESTORES_PER_SECOND = 20;

/**
 * Adds the host to <html> (not <body>, which page rules like `body > *` target) with a CLOSED shadow root.
 *
 * The host is made in a document of its own (no browsing context, so no custom-element registry) and gets its
 * shadow root there, before it meets the page: a page web component that happens to be called <sms-prompts>
 * (and attaches its own shadow root in its constructor, as components do) can no longer take the name from
 * us; its late upgrade fails in the page's world instead. Its inline style is the host's armour, so it is put
 * back whenever the page rewrites or strips it (some pages strip every `style` attribute on a theme switch).
 */
export function mountHost(doc: Document): MountedHost {
  const host = doc.implementation.createHTMLDocument('').createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  let burst = { start: 0, restores: 0 };
  const guard = new MutationObserver(() => {
    const now = Date.now();
    if (now - burst.start > 1000) burst = { start: now, restores: 0 };
    if (++burst.restores > MAX_RESTORES_PER_SECOND) return;
    for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
  });
  guard.observe(host, { attributes: true });
  const ensureAttached = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  ensureAttached();
  return {
    host,
    root,
    ensureAttached,
    remove: () => {
      guard.disconnect();
      host.remove();
    },
  };
}
