import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'SMS Prompts',
    permissions: ['storage'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
  },
});
