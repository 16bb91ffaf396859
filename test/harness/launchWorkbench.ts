// For UI tests (mocha in Node): an ordinary Extension Development Host with this extension loaded, on a
// temporary workspace with the sample corpus, shown in Chromium and driven through Playwright.
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
  /** More files in the workspace, by path relative to it. */
  workspaceFiles?: Readonly<Record<string, string>>;
  /** Keep Workspace Trust on, for tests of Restricted Mode (the folder opens untrusted, with no prompt). Default: off. */
  workspaceTrust?: boolean;
}

export interface WorkbenchSession {
  readonly page: Page;
  /** The workspace folder open in the workbench (removed by `close`). */
  readonly workspacePath: string;
  /** Saves the page to test-results/screenshots/<name>.png; returns the file's path. */
  screenshot(name: string): Promise<string>;
  /** Resolves with the extension's output channel once a line matches `pattern` (checked on every change to the logs). */
  waitForExtensionLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
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
    for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
      mkdirSync(dirname(join(workspace.path, path)), { recursive: true });
      writeFileSync(join(workspace.path, path), text);
    }
    // A user data folder of our own, to read the extension's log from.
    const userDataDir = mkdtempSync(join(tmpdir(), 'annotated-reader-user-data-'));
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
    const runLogsDir = join(logsDir, 'ui');
    mkdirSync(runLogsDir, { recursive: true });
    const server = await startCodeServer({
      toolchain,
      colorTheme: options.colorTheme,
      settings: {
        ...(options.workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
        ...options.settings,
      },
      userDataDir,
      workspaceTrust: options.workspaceTrust,
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
    return { page, workspacePath: workspace.path, screenshot: (name) => saveScreenshot(page, name), waitForExtensionLog: (pattern, timeoutMs) => waitForExtensionLog(userDataDir, pattern, timeoutMs), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The extension's output channel: VS Code writes it as `Annotated Reader.log` under the user data folder's logs. */
function readExtensionLog(userDataDir: string): string {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  const file = readdirSync(logs, { recursive: true, encoding: 'utf8' }).find((path) => path.endsWith('Annotated Reader.log'));
  return file ? readFileSync(join(logs, file), 'utf8') : '';
}

function waitForExtensionLog(userDataDir: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const logs = join(userDataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const text = readExtensionLog(userDataDir);
      if (!pattern.test(text)) return false;
      watcher.close();
      clearTimeout(timer);
      resolve(text);
      return true;
    };
    const watcher = watch(logs, { recursive: true }, () => void check());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`the extension's log did not match ${pattern} within ${timeoutMs} ms:\n${readExtensionLog(userDataDir)}`));
    }, timeoutMs);
    check();
  });
}

async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
