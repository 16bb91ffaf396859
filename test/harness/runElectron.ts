// `npm run test:electron`: the integration suite (test/suite) in desktop VS Code through
// @vscode/test-electron, for contributors who have VS Code or can download it. Set VSCODE_EXECUTABLE to
// use an installed VS Code; otherwise test-electron downloads one into .vscode-test/ (needs internet).
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { integrationSuiteDir, repoRoot, testResultsDir } from './paths';
import { readTestSummary, SUMMARY_FILE_ENV } from './summary';
import { createTemporaryWorkspace } from './workspace';

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || (await downloadVsCode());
  const summaryFile = join(testResultsDir, 'electron-summary.json');
  rmSync(summaryFile, { force: true });
  const workspace = createTemporaryWorkspace();
  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      // A folder holding index.js, as in the code-server runs.
      extensionTestsPath: integrationSuiteDir,
      extensionTestsEnv: { [SUMMARY_FILE_ENV]: summaryFile },
      // Only the extension under development: no other installed extension interferes.
      launchArgs: [workspace.path, '--disable-extensions'],
    });
  } catch (error) {
    // runTests rejects with TestRunFailedError when VS Code exits non-zero, which run() causes by rejecting.
    if (!(error instanceof TestRunFailedError)) throw error;
    exitCode = error.code ?? 1;
  } finally {
    workspace.dispose();
  }
  const summary = readTestSummary(summaryFile);
  if (!summary) {
    console.error('The tests ended without writing a summary: the extension host did not run them to the end.');
    return exitCode || 1;
  }
  console.log(`${summary.passes} passed, ${summary.failures} failed`);
  return exitCode;
}

async function downloadVsCode(): Promise<string> {
  const cachePath = join(repoRoot, '.vscode-test');
  try {
    // The newest stable VS Code that satisfies package.json's engines.vscode.
    return await downloadAndUnzipVSCode({ cachePath, extensionDevelopmentPath: repoRoot });
  } catch (error) {
    throw new Error(
      'Could not download VS Code: @vscode/test-electron needs internet access to update.code.visualstudio.com. ' +
        'Set VSCODE_EXECUTABLE to the path of an installed VS Code executable instead, or run the same suite offline ' +
        `in code-server with "npm run test:integration".\n(${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
