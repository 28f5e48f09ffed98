import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'release/**', 'e2e/**'],
    globalSetup: ['scripts/test-temp-root.ts'],
    // A stray `import 'electron'` must fail at once rather than try to download a binary.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    testTimeout: 20_000,
  },
});
