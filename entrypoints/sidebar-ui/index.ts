// Content scripts have no usable custom-element registry of their own; the polyfill provides one there, and
// only there, before any lit element is defined (./custom-elements forces it in Firefox, so it comes first).
import { defineElements } from './custom-elements';
import '@webcomponents/custom-elements';
import { defineSidebarElements } from '../../components/sms-sidebar';

/**
 * The sidebar's UI, injected by the background into a page's isolated world when the content script first
 * needs the sidebar (lib/background/sidebar-ui.ts). Injected twice (a reloaded content script asks again),
 * it defines nothing twice.
 */
export default defineUnlistedScript(() => {
  defineElements(defineSidebarElements);
});
