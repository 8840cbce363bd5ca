import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default on two cores is one worker; most of a database test's time is spent
    // waiting on PostgreSQL or on a child process, so two files at a time use the cores better.
    // Each file has its own databases and data directories.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { PASSWORD_COST: '10' },
  },
});
