// A StrykerJS test runner for the unit tests: mocha 12, in the Stryker worker's own process.
//
// Why not @stryker-mutator/mocha-runner: version 10.1 loads mocha's CLI helpers by their old file names
// (lib/cli/run-helpers.js, lib/cli/options.mjs), and the mocha 12 we use ships them as .cjs, so the plugin
// fails to load. This runner needs none of them: it adds the bundled unit tests (out/test/unit/*.test.js,
// built by Stryker's buildCommand in its sandbox) to a Mocha instance and reports each test to Stryker,
// with per-test coverage (which mutants each test reaches), so a mutant runs only the tests that reach it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Mocha from 'mocha';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { determineHitLimitReached, DryRunStatus, TestStatus, toMutantRunResult } from '@stryker-mutator/api/test-runner';

/** Where the build puts the unit test bundles, relative to the sandbox (the working directory). */
const UNIT_TESTS_DIR = join('out', 'test', 'unit');

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class UnitTestRunner {
  static inject = [];
  mocha;
  loaded = false;
  /** Set during a dry run with per-test coverage: tells the instrumented code which test runs. */
  beforeEach;
  context = (globalThis[INSTRUMENTER_CONSTANTS.NAMESPACE] ??= {});

  capabilities() {
    // Mocha imports the test files; they cannot be loaded afresh in the same process.
    return { reloadEnvironment: false };
  }

  async init() {
    const dir = join(process.cwd(), UNIT_TESTS_DIR);
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.test.js'))
      .sort()
      .map((name) => join(dir, name));
    if (files.length === 0) throw new Error(`No unit tests in ${dir}: did the build command run?`);
    this.mocha = new Mocha({ ui: 'bdd', timeout: 0, reporter: Reporter });
    this.mocha.cleanReferencesAfterRun(false);
    for (const file of files) this.mocha.addFile(file);
    // Mocha hands a hook its context as `this`, so the hook is a function that reads the runner from a closure.
    const beforeEachTest = (context) => this.beforeEach?.(context);
    this.mocha.suite.beforeEach(function () {
      beforeEachTest(this);
    });
  }

  async dryRun({ coverageAnalysis, disableBail }) {
    if (coverageAnalysis === 'perTest') {
      this.beforeEach = (mochaContext) => (this.context.currentTestId = mochaContext.currentTest?.fullTitle());
    }
    try {
      const result = await this.run(disableBail);
      if (result.status === DryRunStatus.Complete && coverageAnalysis !== 'off') result.mutantCoverage = this.context.mutantCoverage;
      return result;
    } finally {
      delete this.beforeEach;
    }
  }

  async mutantRun({ activeMutant, testFilter, disableBail, hitLimit, mutantActivation }) {
    this.context.hitLimit = hitLimit;
    this.context.hitCount = hitLimit ? 0 : undefined;
    // Mocha's grep: exactly the tests that reach the mutant (all of them without a filter).
    this.mocha.grep(testFilter ? new RegExp(testFilter.map((id) => `(^${escapeRegExp(id)}$)`).join('|')) : /.*/);
    return toMutantRunResult(await this.run(disableBail, activeMutant.id, mutantActivation));
  }

  async run(disableBail, activeMutantId, mutantActivation) {
    setBail(this.mocha.suite, !disableBail);
    try {
      if (!this.loaded) {
        // A mutant in code that runs when a module loads is active while the files load ('static').
        this.context.activeMutant = mutantActivation === 'static' ? activeMutantId : undefined;
        await this.mocha.loadFilesAsync();
        this.loaded = true;
      }
      this.context.activeMutant = activeMutantId;
      Reporter.tests = [];
      await new Promise((resolve) => this.mocha.run(() => resolve()));
      const timedOut = determineHitLimitReached(this.context.hitCount, this.context.hitLimit);
      return timedOut ?? { status: DryRunStatus.Complete, tests: Reporter.tests };
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  }

  async dispose() {
    try {
      this.mocha?.dispose();
    } catch (error) {
      if (error?.code !== 'ERR_MOCHA_INSTANCE_ALREADY_RUNNING') throw error;
    }
  }
}

function setBail(suite, bail) {
  suite.bail(bail);
  for (const child of suite.suites) setBail(child, bail);
}

/** Mocha reporter that collects each test's outcome for Stryker. */
class Reporter {
  static tests = [];

  constructor(runner) {
    let started = performance.now();
    const elapsed = () => {
      const now = performance.now();
      const ms = now - started;
      started = now;
      return ms;
    };
    runner.on('test', () => (started = performance.now()));
    runner.on('pass', (test) => {
      const id = test.fullTitle();
      Reporter.tests.push({ id, name: id, status: TestStatus.Success, timeSpentMs: elapsed(), fileName: test.file });
    });
    runner.on('fail', (test, error) => {
      const id = test.ctx?.currentTest?.fullTitle() ?? test.fullTitle();
      const failureMessage = (error?.message || error?.stack) ?? '<empty failure message>';
      Reporter.tests.push({ id, name: id, status: TestStatus.Failed, timeSpentMs: elapsed(), failureMessage, fileName: test.file });
    });
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'unit-mocha', UnitTestRunner)];
