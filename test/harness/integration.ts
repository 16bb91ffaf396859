// Runs the integration suite (test/suite) inside a real VS Code extension host: code-server serves the
// workbench, Chromium loads it with the extension development payload, and the workbench reports the
// suite's console output and exit code back through two functions exposed on the page.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { integrationSuiteDir, logsDir, repoRoot } from './paths';
import type { Toolchain } from './provision';
import { SUMMARY_FILE_ENV } from './summary';
import { formatWorkbenchLog } from './workbenchLog';
import { createTemporaryWorkspace } from './workspace';

const DEFAULT_TIMEOUT_MS = 20 * 60_000;

export interface IntegrationOptions {
  toolchain: Toolchain;
  /** Where the suite writes its TestSummary. */
  summaryFile: string;
  timeoutMs?: number;
  /** The folder the window opens. Default: a fresh temporary folder with the sample corpus switched on. */
  workspacePath?: string;
  /** Extra environment for code-server, inherited by the extension host (`TEST_GREP` picks tests). */
  env?: Readonly<Record<string, string>>;
  /** The folder under test-results/logs/ for this run's logs. Default: integration. */
  logsName?: string;
  /** Where the suite's console output goes. Default: this process's standard output. */
  log?: (message: string) => void;
}

/** A log file of the run, as the workbench hands it over. */
interface WorkbenchLog {
  relativePath: string;
  contents: string;
}

/**
 * Runs the suite and returns the exit code the workbench reports: 1 when `run()` rejected, otherwise 0
 * (also when the extension host died first: check the summary file to know the suite ran to its end).
 */
export async function runIntegrationTests(options: IntegrationOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const runLogsDir = join(logsDir, options.logsName ?? 'integration');
  rmSync(runLogsDir, { recursive: true, force: true });
  const log = options.log ?? ((message: string) => console.log(message));
  // A folder of the caller's is left as it is.
  const workspace = options.workspacePath === undefined ? createTemporaryWorkspace() : { path: options.workspacePath, dispose: () => undefined };
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      toolchain: options.toolchain,
      // The extension host inherits code-server's environment.
      env: { ...options.env, [SUMMARY_FILE_ENV]: options.summaryFile },
      logFile: join(runLogsDir, 'code-server.log'),
    });
    browser = await launchChromium();
    const page = await newPage(browser);

    const outcome = new Outcome<number>();
    // Both must be exposed before the workbench loads: it looks them up on `window`.
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: WorkbenchLog[]) => {
      saveWorkbenchLogs(join(runLogsDir, 'workbench'), logs ?? []);
      outcome.resolve(code);
    });
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
      const message = formatWorkbenchLog(level, args);
      if (message !== undefined) log(message);
    });
    const running = server;
    void running.exited.then(({ code, signal }) =>
      outcome.reject(`code-server exited during the tests (${signal ?? `exit code ${code}`}):\n${running.recentOutput()}`),
    );
    page.once('crash', () => outcome.reject('The workbench page crashed'));
    const minutes = timeoutMs / 60_000;
    const timer = setTimeout(() => outcome.reject(`The tests did not finish within ${minutes} minutes`), timeoutMs);

    await page.goto(
      server.workbenchUrl(workspace.path, {
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: integrationSuiteDir,
        skipWelcome: true,
      }),
    );
    try {
      return await outcome.promise;
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser?.close();
    await server?.stop();
    workspace.dispose();
  }
}

/** A result that the first of several racing events settles; later ones are ignored. */
class Outcome<T> {
  readonly promise: Promise<T>;
  resolve: (value: T) => void = () => undefined;
  private rejectWith: (error: Error) => void = () => undefined;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.rejectWith = reject;
    });
    // Settling before anyone awaits must not count as an unhandled rejection.
    this.promise.catch(() => undefined);
  }

  reject(message: string): void {
    this.rejectWith(new Error(message));
  }
}

/** Saves the log files the workbench hands over with the exit code (extension host, server, window). */
function saveWorkbenchLogs(dir: string, logs: readonly WorkbenchLog[]): void {
  for (const { relativePath, contents } of logs) {
    const file = resolve(dir, relativePath);
    if (!file.startsWith(dir)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}
