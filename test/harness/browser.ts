// Debian's Chromium, driven by playwright-core (which ships no browser of its own).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cacheDir } from './paths';
import { CHROMIUM_EXECUTABLE } from './provision';

/** Flags that let Chromium run headless in a container, as root, with no network beyond localhost. */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserOptions {
  /** Default: true. */
  headless?: boolean;
  /**
   * Without the right to raise its threads' priority (default: false). Run as root, Chromium gives its
   * compositor's and GPU process's threads nice -8, which a user's browser cannot: there they share the cores
   * with the extension host at nice 0. The host benchmark runs it so, on this machine's two cores.
   */
  withoutRaisedPriority?: boolean;
}

export function launchChromium(options: BrowserOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.withoutRaisedPriority ? withoutRaisedPriority(CHROMIUM_EXECUTABLE) : CHROMIUM_EXECUTABLE,
    headless: options.headless ?? true,
    // Playwright then passes --no-sandbox: the sandbox cannot start as root or without user namespaces.
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
  });
}

/**
 * `executable` started through `setpriv` without CAP_SYS_NICE (a script in the cache folder), when this process
 * has it as root on Linux; otherwise `executable` itself.
 */
function withoutRaisedPriority(executable: string): string {
  const setpriv = '/usr/bin/setpriv';
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync(setpriv)) return executable;
  mkdirSync(cacheDir(), { recursive: true });
  const script = join(cacheDir(), 'chromium-without-raised-priority.sh');
  writeFileSync(script, `#!/bin/sh\nexec ${setpriv} --bounding-set=-sys_nice --inh-caps=-sys_nice -- '${executable.replace(/'/g, `'\\''`)}' "$@"\n`, { mode: 0o755 });
  return script;
}

/**
 * How long one step of a UI test (a click, a wait for the reader's headline) may take before it fails. Only a
 * stuck run gets near it: a busy machine makes the workbench slower, so steps wait for what it shows, with a
 * roomy limit rather than Playwright's 30 s.
 */
export const UI_STEP_TIMEOUT_MS = 90_000;

export interface PageOptions {
  /** Default: 1400 x 900. */
  viewport?: { width: number; height: number };
}

/** A page in a fresh browser context, at device scale factor 1 so screenshots are comparable between machines. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(UI_STEP_TIMEOUT_MS);
  return context.newPage();
}
