// `npm test` (after the build): node out/test/harness/testAll.js [unit|integration|ui ...]
// Runs the stages in order (all four by default), keeps going after a failing stage, and ends with a
// per-stage table and, as the very last line, `N passed, N failed` (read by CI).
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runIntegrationTests } from './integration';
import { mochaCliPath, packageTestsDir, repoRoot, summaryReporterPath, testResultsDir, uiTestsDir, unitTestsDir } from './paths';
import { CommandFailedError, exitOnSignals, runCommand } from './processes';
import { provision, type Toolchain } from './provision';
import { readTestSummary, SUMMARY_FILE_ENV, type TestSummary } from './summary';
import { testGrep } from './testGrep';

const STAGES = ['unit', 'integration', 'ui', 'package'] as const;
type Stage = (typeof STAGES)[number];

/**
 * Per-test timeout of the unit tests: a limit for a stuck test only. Mocha's default of 2 s is exceeded by
 * the CLI's benchmark tests when another process keeps the machine busy.
 */
const UNIT_TEST_TIMEOUT_MS = 60_000;
/** Per-test timeout of the UI tests, which drive a whole workbench. */
const UI_TEST_TIMEOUT_MS = 3 * 60_000;
/** Per-test timeout of the package checks (packaging, installing, and a workbench on the installed copy). */
const PACKAGE_TEST_TIMEOUT_MS = 5 * 60_000;
/** A mocha stage still running after this is stuck: it is killed and counts as crashed. */
const STAGE_TIMEOUT_MS = 30 * 60_000;

interface StageResult {
  stage: Stage;
  /** What the tests reported; missing if the stage crashed before its end. */
  summary?: TestSummary;
  /** Why the stage counts as crashed (it failed without, or beyond, failing tests). */
  crash?: string;
  seconds: number;
}

/** The provisioned tools, or why there are none (the stages that need them then crash with that reason). */
type Provisioned = { toolchain: Toolchain } | { error: string };

/** Runs a stage's tests; returns their exit code, or undefined if the stage has no tests yet. */
type StageRunner = (summaryFile: string, toolchain: () => Toolchain) => Promise<number | undefined>;

const STAGE_RUNNERS: Record<Stage, StageRunner> = {
  unit: (summaryFile) => runMochaFiles(unitTestsDir, '.test.js', summaryFile, ['--timeout', String(UNIT_TEST_TIMEOUT_MS)]),
  integration: (summaryFile, toolchain) => runIntegrationTests({ toolchain: toolchain(), summaryFile }),
  ui: (summaryFile, toolchain) => {
    toolchain(); // Fail here, not in every test, when provisioning failed.
    // --exit: end the process after the run even if a failed hook left a workbench open; exiting stops it.
    return runMochaFiles(uiTestsDir, '.ui.js', summaryFile, ['--timeout', String(UI_TEST_TIMEOUT_MS), '--exit']);
  },
  // The .vsix as a user installs it: packaged, installed into code-server, activated (test/package).
  package: (summaryFile, toolchain) => {
    toolchain();
    return runMochaFiles(packageTestsDir, '.pkg.js', summaryFile, ['--timeout', String(PACKAGE_TEST_TIMEOUT_MS), '--exit']);
  },
};

async function main(): Promise<void> {
  exitOnSignals();
  const stages = parseStages(process.argv.slice(2));
  const provisioned = stages.some((stage) => stage !== 'unit') ? await provisionTools() : undefined;
  const toolchain = (): Toolchain => {
    if (!provisioned) throw new Error('no tools were provisioned');
    if ('error' in provisioned) throw new Error(provisioned.error);
    return provisioned.toolchain;
  };

  const results: StageResult[] = [];
  for (const stage of stages) {
    console.log(`\n=== ${stage} tests ===`);
    results.push(await runStage(stage, toolchain));
  }
  const failed = report(results);
  process.exit(failed > 0 ? 1 : 0);
}

function parseStages(args: readonly string[]): Stage[] {
  const unknown = args.filter((arg) => !(STAGES as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    console.error(`Unknown stage ${unknown.join(', ')}. Usage: testAll.js [${STAGES.join('|')} ...]`);
    process.exit(2);
  }
  return args.length > 0 ? STAGES.filter((stage) => args.includes(stage)) : [...STAGES];
}

async function provisionTools(): Promise<Provisioned> {
  try {
    return { toolchain: await provision() };
  } catch (error) {
    console.error(`\nProvisioning failed: ${errorMessage(error)}`);
    return { error: 'provisioning failed (see above)' };
  }
}

async function runStage(stage: Stage, toolchain: () => Toolchain): Promise<StageResult> {
  const started = Date.now();
  const summaryFile = join(testResultsDir, `${stage}-summary.json`);
  rmSync(summaryFile, { force: true });
  const finish = (fields: Omit<StageResult, 'stage' | 'seconds'>): StageResult => ({
    stage,
    ...fields,
    seconds: (Date.now() - started) / 1000,
  });
  try {
    const exitCode = await STAGE_RUNNERS[stage](summaryFile, toolchain);
    if (exitCode === undefined) return finish({ summary: { passes: 0, failures: 0, pending: 0, failed: [] } });
    const summary = readTestSummary(summaryFile);
    if (!summary) return finish({ crash: `ended (exit code ${exitCode}) without reporting a test summary` });
    if (exitCode !== 0 && summary.failures === 0) return finish({ summary, crash: `exit code ${exitCode} with no failing test` });
    return finish({ summary });
  } catch (error) {
    return finish({ summary: readTestSummary(summaryFile), crash: errorMessage(error) });
  }
}

/**
 * Runs the mocha CLI with the summary reporter on the files below `dir` ending with `suffix`; returns its
 * exit code (the number of failures), or undefined when there are no such files.
 */
async function runMochaFiles(
  dir: string,
  suffix: string,
  summaryFile: string,
  options: readonly string[] = [],
): Promise<number | undefined> {
  const files = findFiles(dir, suffix);
  if (files.length === 0) {
    console.log(`No test files (${relative(repoRoot, dir)}/**/*${suffix}).`);
    return undefined;
  }
  // TEST_GREP runs only the tests whose titles match, in any case (the integration suite reads it too).
  const pattern = testGrep();
  const grep = pattern ? ['--grep', pattern] : [];
  const args = ['--enable-source-maps', mochaCliPath, '--reporter', summaryReporterPath, ...grep, ...options, ...files];
  try {
    const env = { ...process.env, [SUMMARY_FILE_ENV]: summaryFile };
    await runCommand(process.execPath, args, { env, timeoutMs: STAGE_TIMEOUT_MS });
    return 0;
  } catch (error) {
    if (error instanceof CommandFailedError && error.exitCode !== null) return error.exitCode;
    throw error;
  }
}

/** Files below `dir` (recursively) whose names end with `suffix`, sorted. */
function findFiles(dir: string, suffix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}

/** Prints the per-stage table, the failures and finally the totals line; returns the number of failures. */
function report(results: readonly StageResult[]): number {
  const rows = results.map((result) => [
    result.stage,
    String(result.summary?.passes ?? 0),
    String(result.summary?.failures ?? 0),
    String(result.summary?.pending ?? 0),
    `${result.seconds.toFixed(1)}s`,
  ]);
  const table = [['Stage', 'Passed', 'Failed', 'Pending', 'Time'], ...rows];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  console.log('\n=== Summary ===');
  for (const row of table) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  }

  const failures = results.flatMap((result) => [
    ...(result.crash ? [`${result.stage} stage crashed: ${result.crash}`] : []),
    ...(result.summary?.failed ?? []).map((title) => `${result.stage}: ${title}`),
  ]);
  if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `  - ${line}`).join('\n')}`);

  const passed = results.reduce((sum, result) => sum + (result.summary?.passes ?? 0), 0);
  // A crashed stage counts as one failure on top of the failing tests it reported.
  const failed = results.reduce((sum, result) => sum + (result.summary?.failures ?? 0) + (result.crash ? 1 : 0), 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
