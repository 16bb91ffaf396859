import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PACKAGE_NAME = 'annotated-reader';

/** The nearest folder at or above `start` whose package.json belongs to this project. */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === PACKAGE_NAME) return dir;
    }
    if (dirname(dir) === dir) throw new Error(`No package.json named "${PACKAGE_NAME}" above ${start}`);
  }
}

/** The repository root (the extension under development). Found from the built file's location in out/. */
export const repoRoot = findRepoRoot(__dirname);

/** Folder holding the built integration suite (`index.js` exporting `run()`, plus the `*.spec.js` files). */
export const integrationSuiteDir = join(repoRoot, 'out', 'test', 'suite');

export const unitTestsDir = join(repoRoot, 'out', 'test', 'unit');
export const uiTestsDir = join(repoRoot, 'out', 'test', 'ui');
/** The `package` stage's checks of the .vsix as installed (test/package). */
export const packageTestsDir = join(repoRoot, 'out', 'test', 'package');
export const summaryReporterPath = join(repoRoot, 'out', 'test', 'harness', 'summaryReporter.js');
export const mochaCliPath = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');

/** Git-ignored outputs of test runs: per-stage summaries, logs, screenshots. */
export const testResultsDir = join(repoRoot, 'test-results');
export const screenshotsDir = join(testResultsDir, 'screenshots');
export const logsDir = join(testResultsDir, 'logs');

/**
 * Where downloaded tools (Node 24, code-server) and `npm start`'s user data live, outside the repo:
 * $ANNOTATED_READER_CACHE, else $XDG_CACHE_HOME/annotated-reader, else ~/.cache/annotated-reader.
 */
export function cacheDir(): string {
  const override = process.env.ANNOTATED_READER_CACHE;
  if (override) return resolve(override);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, PACKAGE_NAME);
}
