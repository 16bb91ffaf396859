// Mutation testing of the core (`npm run mutation`, not part of `npm test`): StrykerJS puts small bugs
// into src/core, one at a time, and checks that some unit test fails for each.
//
// The unit tests run from esbuild bundles in out/ (scripts/build.mjs), not from the TypeScript sources, so
// Stryker mutates the sources in its sandbox (all mutants at once, each switched on at run time), then
// builds the bundles there once with `buildCommand`; the mocha runner loads those bundles.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Our own runner (scripts/stryker-mocha-runner.mjs says why not @stryker-mutator/mocha-runner).
  testRunner: 'unit-mocha',
  plugins: ['./scripts/stryker-mocha-runner.mjs'],
  mutate: ['src/core/**/*.ts'],
  buildCommand: 'node scripts/build.mjs',
  coverageAnalysis: 'perTest',
  // Static mutants (in code that runs as a module loads: tables, patterns, the bundled knowledge base) are
  // 40 % of the mutants and need a fresh process each, about 85 % of the run time (hours here). They are
  // left out; `npm run mutation -- --ignoreStatic false` tests them too.
  ignoreStatic: true,
  // The machine is shared: at most two test processes at a time (override with --concurrency).
  concurrency: 2,
  // A busy machine makes some runs slow; a mutant counts as a timeout only well past the normal run time.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  // Later runs test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // What the sandbox need not copy: built output is rebuilt there, and test results are not inputs.
  ignorePatterns: ['out', 'dist', 'test-results', 'reports', '.vscode-test', '*.vsix'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 60, break: null },
};
