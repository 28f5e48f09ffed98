import { defineConfig } from 'vitest/config';

// The end-to-end scenarios (e2e/*.e2e.ts): the real server, the real station services and Chromium.
// Two files at a time: each scenario runs three programs (server, station, Chromium) but mostly waits
// on them, so on these 2-core machines two files at once cut the run from 626 s to 402 s (measured
// with `time npx vitest run --config vitest.e2e.config.ts`, one file then two); every port and folder
// is a scenario's own. The screens are built once before the run.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['scripts/test-temp-root.ts', 'e2e/harness/global-setup.ts'],
    // With the real Electron (ELECTRON_PATH, the installers' workflow) one at a time: its stations share
    // the machine's settings file and one display, where two kiosk windows would take focus from each other.
    maxWorkers: process.env.ELECTRON_PATH ? 1 : 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // `expect.poll` waits for the server, the station or the screens, each in its own process on a
    // busy machine: 10 s rather than the default 1 s (well under the test timeout above).
    expect: { poll: { timeout: 10_000 } },
    // A stray `import 'electron'` must fail at once rather than try to download a binary.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
  },
});
