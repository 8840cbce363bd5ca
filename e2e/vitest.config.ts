import { defineConfig } from 'vitest/config';

// Browser tests: each file starts its own servers (own port, own data directory) and its own
// Chromium, so two files run side by side, one per core; their waits overlap.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 60_000,
  },
});
