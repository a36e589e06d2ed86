import { defineConfig } from 'vitest/config';

// Unit and component tests. End-to-end tests (real Chromium) have their own config in tests/e2e/.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Component and DOM tests opt in per file with: // @vitest-environment happy-dom
  },
});
