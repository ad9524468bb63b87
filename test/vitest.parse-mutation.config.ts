// The page parser's own tables only (test/unit/page/parse*.test.ts, in node), for mutation testing
// lib/page/parse.ts in reasonable time: `STRYKER_SANDBOX=1 MUT_VITEST=test/vitest.parse-mutation.config.ts
// npx stryker run stryker.config.mjs --mutate lib/page/parse.ts --concurrency 1`. A lower bound of the
// score: the other page tests would kill more.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: '.',
    environment: 'node',
    include: ['test/unit/page/parse*.test.ts'],
    testTimeout: 30_000,
    env: { TZ: process.env.TZ ?? 'America/Los_Angeles' },
  },
});
