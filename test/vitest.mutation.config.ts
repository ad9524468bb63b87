// The unit tests mutation testing runs (stryker.config.mjs): the engine's and the page reader's.
// Not merged with vitest.config.ts: mergeConfig would add these to its `include`, not replace it.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    environment: 'node',
    include: ['test/unit/engine/**/*.test.{ts,tsx}', 'test/unit/page/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 30_000,
    env: { TZ: process.env.TZ ?? 'America/Los_Angeles' },
  },
});
