import { defineConfig } from 'vitest/config';

// The end-to-end scenarios (e2e/*.e2e.ts): the real server, the real station services and Chromium.
// One file at a time (the machine has two cores and each scenario runs three programs); the screens
// are built once before the run.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['scripts/test-temp-root.ts', 'e2e/harness/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // `expect.poll` waits for the server, the station or the screens, each in its own process on a
    // busy machine: 10 s rather than the default 1 s (well under the test timeout above).
    expect: { poll: { timeout: 10_000 } },
    // A stray `import 'electron'` must fail at once rather than try to download a binary.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
  },
});
