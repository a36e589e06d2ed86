import { defineConfig } from 'wxt';

/** Any EHR site a practice may enable: asked for one origin at a time, never granted at install. */
const EHR_SITES = ['https://*/*', 'http://*/*'];

export default defineConfig({
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: local storage, the daily retention purge, and writing the summary to the clipboard.
    // activeTab: the popup may see the address of the tab it was opened on (to offer "enable on this site").
    // scripting (MV3): the content script is registered per enabled EHR site at run time (lib/background/sites.ts),
    // and the sidebar's UI is injected into a page once it shows a condition (lib/background/sidebar-ui.ts);
    // Firefox MV2 uses browser.contentScripts and tabs.executeScript, which need no permission beyond the site's own.
    permissions: ['storage', 'alarms', 'clipboardWrite', 'activeTab', ...(manifestVersion === 3 ? ['scripting'] : [])],
    // Localhost is for the demo and the tests; every real EHR site is asked for, one at a time, when the
    // practice enables it in the options page.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // MV2 (Firefox) has no optional_host_permissions: the same origins go in optional_permissions there.
    ...(manifestVersion === 3
      ? { optional_host_permissions: EHR_SITES }
      : { optional_permissions: EHR_SITES }),
    commands: {
      'open-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenSidebar__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sms-prompts@example.org',
              // 140 (ESR) is the first version that knows data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted: patient data never leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // Practice-wide policy (browser.storage.managed): Chrome validates it against this schema. Firefox has no
    // managed_schema key; it reads a managed storage manifest or policies.json instead (docs/deployment.md).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
