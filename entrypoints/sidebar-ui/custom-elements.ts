/**
 * A content script needs a custom-element registry of its own, and the browsers differ in what they give it:
 * Chrome none (window.customElements is null in its isolated world), Firefox the page's registry seen through
 * Xray wrappers, where an element the content script defines is built without its class (Mozilla bug 1820521:
 * lit then fails with "this._$Ev is not a function"). So the polyfill's registry, local to the content script,
 * is used in both. Import this module before the polyfill: the flag it sets makes the polyfill install over
 * Firefox's registry.
 */
const pageRegistry = (window as { customElements?: { forcePolyfill?: boolean } | null }).customElements;
if (pageRegistry) pageRegistry.forcePolyfill = true;

/**
 * Runs `define` (the customElements.define calls). In Firefox an element class's prototype chain ends in the
 * page's Object.prototype, seen through Xrays, which the polyfill's `prototype instanceof Object` check refuses;
 * for the length of the definitions only, `instanceof Object` answers true for any object, as in one realm.
 */
export function defineElements(define: () => void): void {
  if (!pageRegistry) {
    define();
    return;
  }
  Object.defineProperty(Object, Symbol.hasInstance, {
    configurable: true,
    value: (v: unknown) => v !== null && (typeof v === 'object' || typeof v === 'function'),
  });
  try {
    define();
  } finally {
    delete (Object as { [Symbol.hasInstance]?: unknown })[Symbol.hasInstance];
  }
}
