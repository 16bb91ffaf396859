// `node out/test/harness/runIntegration.js`: the integration stage on its own (testAll runs it too).
import { join } from 'node:path';
import { runIntegrationTests } from './integration';
import { testResultsDir } from './paths';
import { exitOnSignals } from './processes';
import { provision } from './provision';
import { readTestSummary } from './summary';

async function main(): Promise<number> {
  exitOnSignals();
  const toolchain = await provision();
  const summaryFile = join(testResultsDir, 'integration-summary.json');
  const exitCode = await runIntegrationTests({ toolchain, summaryFile });
  // The workbench reports 0 even when the extension host died before the suite's end; only a summary proves it ran.
  const summary = readTestSummary(summaryFile);
  if (!summary) {
    console.error(`The suite ended (exit code ${exitCode}) without writing ${summaryFile}.`);
    return 1;
  }
  console.log(`${summary.passes} passed, ${summary.failures} failed`);
  return exitCode === 0 && summary.failures === 0 ? 0 : 1;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
