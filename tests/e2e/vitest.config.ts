import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium, and the Firefox build in Firefox ESR (firefox*.e2e.ts).
// One browser at a time (2-core CI machine).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
