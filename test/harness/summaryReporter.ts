// Mocha's spec reporter that also writes a TestSummary to the file named by $ANNOTATED_READER_TEST_SUMMARY.
// Used from the mocha CLI (`--reporter out/test/harness/summaryReporter.js`) and by test/suite/index.ts.
import Mocha from 'mocha';
import { SUMMARY_FILE_ENV, writeTestSummary } from './summary';

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

export class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failed: string[] = [];
    runner.on(EVENT_TEST_FAIL, (test) => failed.push(test.fullTitle()));
    runner.once(EVENT_RUN_END, () => {
      const file = process.env[SUMMARY_FILE_ENV];
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      writeTestSummary(file, { passes, failures, pending, failed });
    });
  }
}

// `mocha --reporter <file>` requires the file and takes its `default` export (or the module itself) as
// the reporter class: this is the one place where a default export is part of a contract.
export { SummaryReporter as default };
