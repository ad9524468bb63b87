// Mutation testing (`npm run test:mutation`, not part of `npm test`): StrykerJS 9.6 with the Vitest
// runner, on Node 20 (Stryker 10 refuses it). The engine's modules by default; the page parser with
// `npm run test:mutation -- --mutate lib/page/parse.ts`. Scores: test/bench/README.md.
// `inPlace`: test files marked `@vitest-environment happy-dom` (the page tests) fail to load their
// setup in the default sandbox and are skipped silently; in place, do not edit lib/ while it runs.
// STRYKER_SANDBOX=1 uses the sandbox (enough for the engine, whose tests run in node).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // MUT_VITEST: another test selection, e.g. test/vitest.parse-mutation.config.ts (the parser's own tables,
  // in node: ~25 min for lib/page/parse.ts instead of hours with every page test).
  vitest: { configFile: process.env.MUT_VITEST ?? 'test/vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'lib/engine/assess.ts',
    'lib/engine/deadline.ts',
    'lib/engine/postage.ts',
    'lib/engine/compensation.ts',
    'lib/engine/seven-day.ts',
    'lib/engine/steps.ts',
    'lib/engine/promises.ts',
    'lib/engine/facts.ts',
    'lib/engine/when.ts',
    'lib/engine/working-hours.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  inPlace: !process.env.STRYKER_SANDBOX,
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: process.env.MUT_JSON ?? '.ci-out/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
};
