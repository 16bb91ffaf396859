import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Names the file a test run writes its summary to. Inherited by mocha child processes and by the extension host. */
export const SUMMARY_FILE_ENV = 'ANNOTATED_READER_TEST_SUMMARY';

/** What a test run reports to the harness, whatever host it ran in. */
export interface TestSummary {
  passes: number;
  failures: number;
  pending: number;
  /** Full titles of the failed tests and hooks. */
  failed: string[];
}

export function writeTestSummary(file: string, summary: TestSummary): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
}

/** The summary in `file`, or undefined if the run never wrote one (it crashed before its end). */
export function readTestSummary(file: string): TestSummary | undefined {
  if (!existsSync(file)) return undefined;
  const summary = JSON.parse(readFileSync(file, 'utf8')) as Partial<TestSummary>;
  const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (!isCount(summary.passes) || !isCount(summary.failures) || !isCount(summary.pending) || !Array.isArray(summary.failed)) {
    throw new Error(`${file} is not a test summary`);
  }
  return { passes: summary.passes, failures: summary.failures, pending: summary.pending, failed: summary.failed.map(String) };
}
