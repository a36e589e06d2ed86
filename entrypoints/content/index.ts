// Content scripts have no usable custom-element registry of their own; the polyfill provides one there, and
// only there, before any lit element is defined (./custom-elements forces it in Firefox, so it comes first).
import { defineElements } from './custom-elements';
import '@webcomponents/custom-elements';
import { defineSidebarElements } from '../../components/sms-sidebar';
import browser from 'webextension-polyfill';
import type { PageRequest } from '../../lib/page-messages';
import { ContentController } from './controller';

export default defineContentScript({
  // Test and demo pages. EHR sites the practice enables are registered at run time, per site,
  // once the clinician grants that site's optional host permission.
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main() {
    defineElements(defineSidebarElements);
    const controller = new ContentController(document);
    controller.start().catch((error: unknown) => {
      console.error('[SMS Prompts] could not start on this page:', error);
    });
    // Only the extension itself can message a content script; a plain check of the type is enough here.
    const isPageRequest = (m: unknown): m is PageRequest =>
      typeof m === 'object' && m !== null && 'type' in m && (m.type === 'page/status' || m.type === 'page/open-sidebar');
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isPageRequest(message)) return undefined;
      if (message.type === 'page/open-sidebar') controller.openSidebar();
      return Promise.resolve(controller.status());
    });
  },
});
