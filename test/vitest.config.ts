import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    environment: 'node',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    // A shared 2-core machine: property tests and the inspect CLI runs take seconds when it is busy.
    testTimeout: 30_000,
    env: { TZ: process.env.TZ ?? 'America/Los_Angeles' },
  },
});
