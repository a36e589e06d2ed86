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

/** Adds the host to <html> (not <body>, which page rules like `body > *` target) with a CLOSED shadow root. */
export function mountHost(doc: Document): MountedHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const ensureAttached = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  ensureAttached();
  return { host, root, ensureAttached, remove: () => host.remove() };
}
