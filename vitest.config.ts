import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'release/**', 'e2e/**'],
    globalSetup: ['scripts/test-temp-root.ts'],
    // A stray `import 'electron'` must fail at once rather than try to download a binary.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    testTimeout: 20_000,
    // One worker per core, not vitest's default of one fewer: the tests mostly wait on SQLite files,
    // child processes and timers, so on these 2-core machines a second worker cut the suite from
    // 527 s to 314 s (measured with `time npx vitest run`, then with `--maxWorkers=2`).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
