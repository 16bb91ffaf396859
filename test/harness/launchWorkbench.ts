// For UI tests (mocha in Node): an ordinary Extension Development Host with this extension loaded, on a
// temporary workspace with the sample corpus, shown in Chromium and driven through Playwright.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, newPage } from './browser';
import { startCodeServer, type ColorTheme } from './codeServer';
import { logsDir, repoRoot, screenshotsDir } from './paths';
import { exitOnSignals } from './processes';
import { provision } from './provision';
import { createTemporaryWorkspace, SAMPLE_CORPUS_SETTINGS } from './workspace';

/** How long the workbench may take to appear after the page starts loading. */
const WORKBENCH_LOAD_TIMEOUT_MS = 120_000;

export interface WorkbenchOptions {
  colorTheme: ColorTheme;
  /** Names this session's log files. */
  label: string;
  /** Extra user settings. */
  settings?: Readonly<Record<string, unknown>>;
  /** Workspace settings; default: the sample corpus switched on. */
  workspaceSettings?: Readonly<Record<string, unknown>>;
}

export interface WorkbenchSession {
  readonly page: Page;
  /** Saves the page to test-results/screenshots/<name>.png; returns the file's path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser, stops code-server and removes the workspace. */
  close(): Promise<void>;
}

/** Starts code-server and Chromium and resolves once the workbench is on screen. */
export async function launchWorkbench(options: WorkbenchOptions): Promise<WorkbenchSession> {
  // Ctrl+C during a UI run must still stop code-server (see exitOnSignals).
  exitOnSignals();
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const toolchain = await provision();
    const workspace = createTemporaryWorkspace(options.workspaceSettings ?? SAMPLE_CORPUS_SETTINGS);
    cleanups.push(() => workspace.dispose());
    const runLogsDir = join(logsDir, 'ui');
    mkdirSync(runLogsDir, { recursive: true });
    const server = await startCodeServer({
      toolchain,
      colorTheme: options.colorTheme,
      settings: options.settings,
      logFile: join(runLogsDir, `code-server-${options.label}.log`),
    });
    cleanups.push(() => server.stop());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await newPage(browser);

    const workbenchLog = createWriteStream(join(runLogsDir, `workbench-${options.label}.log`));
    cleanups.push(() => new Promise<void>((resolve) => workbenchLog.end(resolve)));
    page.on('console', (message) => workbenchLog.write(`[${message.type()}] ${message.text()}\n`));

    await page.goto(server.workbenchUrl(workspace.path, { extensionDevelopmentPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_LOAD_TIMEOUT_MS });
    return { page, screenshot: (name) => saveScreenshot(page, name), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
