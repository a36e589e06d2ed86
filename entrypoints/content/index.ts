// Detection and glue only: the sidebar's UI (lit and its elements) is injected when first shown (entrypoints/sidebar-ui).
import browser from 'webextension-polyfill';
import type { PageRequest } from '../../lib/page-messages';
import { ContentController } from './controller';

export default defineContentScript({
  // Test and demo pages. EHR sites the practice enables are registered at run time, per site,
  // once the clinician grants that site's optional host permission.
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main() {
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
