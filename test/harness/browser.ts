// Debian's Chromium, driven by playwright-core (which ships no browser of its own).
import { chromium, type Browser, type Page } from 'playwright-core';
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
}

export function launchChromium(options: BrowserOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    headless: options.headless ?? true,
    // Playwright then passes --no-sandbox: the sandbox cannot start as root or without user namespaces.
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
  });
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
