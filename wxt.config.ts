import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: local storage, the daily retention purge, and writing the summary to the clipboard.
    permissions: ['storage', 'alarms', 'clipboardWrite'],
    // Localhost is for the demo and the tests; every real EHR site is asked for, one at a time, when the
    // practice enables it in the options page.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sms-prompts@example.org', strict_min_version: '115.0' } } }
      : {}),
  }),
});
