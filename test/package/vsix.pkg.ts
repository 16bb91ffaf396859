// The `package` stage: the extension as a user gets it. Packages the .vsix with the project's own
// `npm run package` (in a copy of the repo, so the checkout's development build in dist/ stays), installs it
// into code-server with `--install-extension`, and checks that the installed copy, started without any
// extension development path, activates: its views, its commands and the reader load. A file left out by
// .vscodeignore, a bundle not built, or a dependency not bundled fails here.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after, before, describe, it } from 'mocha';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium, newPage } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { logsDir, repoRoot, testResultsDir } from '../harness/paths';
import { captureCommand, childEnv, exitOnSignals, runCommand } from '../harness/processes';
import { provision, type Toolchain } from '../harness/provision';
import { createTemporaryWorkspace, type TemporaryWorkspace } from '../harness/workspace';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
  main: string;
  contributes: Record<string, unknown>;
};
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
/** What the workbench shows once the installed extension has read its sample corpus. */
const MONTH = 'February 2022';
const HEADLINE = 'Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning';
/** The extension host starts after the workbench appears, and more slowly on a busy machine. */
const READY_TIMEOUT_MS = 120_000;
/** Folders of the checkout that are not sources of the package (rebuilt, installed, or results). */
const NOT_COPIED = new Set(['.git', 'node_modules', 'out', 'dist', 'test-results', 'reports', '.stryker-tmp', '.vscode-test']);
/** The files the reader's webview loads (src/vscode/reader/readerHtml.ts), beside those the manifest names. */
const READER_ASSETS = ['dist/webview/reader.js', 'dist/webview/codicons/codicon.css', 'dist/webview/codicons/codicon.ttf', 'media/reader/reader.css'];

describe('The packaged extension', () => {
  const runLogsDir = join(logsDir, 'package');
  let toolchain: Toolchain;
  let staging: string;
  let vsix: string;
  let extensionsDir: string;
  /** The installed extension's folder. */
  let installed: string;

  before(async () => {
    exitOnSignals();
    toolchain = await provision();
    rmSync(runLogsDir, { recursive: true, force: true });
    mkdirSync(runLogsDir, { recursive: true });
    staging = mkdtempSync(join(tmpdir(), 'annotated-reader-package-'));
    extensionsDir = mkdtempSync(join(tmpdir(), 'annotated-reader-extensions-'));
  });

  after(() => {
    for (const dir of [staging, extensionsDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packages a .vsix with npm run package', async () => {
    copyCheckout(join(staging, 'repo'));
    const logFile = join(runLogsDir, 'npm-run-package.log');
    await runCommand('npm', ['run', 'package'], { cwd: join(staging, 'repo'), env: childEnv(), logFile }).catch((error: Error) => {
      throw new Error(`${error.message}\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    });
    vsix = join(staging, 'repo', 'annotated-reader.vsix');
    assert.ok(existsSync(vsix), `no ${basename(vsix)} after npm run package (log: ${logFile})`);
    // Kept with the test results (CI can keep it as an artifact).
    mkdirSync(testResultsDir, { recursive: true });
    copyFileSync(vsix, join(testResultsDir, basename(vsix)));
    console.log(`      ${basename(vsix)}: ${(statSync(vsix).size / 1024).toFixed(1)} KB`);
  });

  it('installs into code-server with --install-extension', async () => {
    assert.ok(vsix, 'packaged');
    const config = join(staging, 'code-server-config.yaml');
    const args = [toolchain.codeServerEntry, '--config', config, '--user-data-dir', join(staging, 'install-user-data')];
    const { exitCode, output } = await captureCommand(toolchain.nodeExecutable, [...args, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      env: childEnv({ prependPath: toolchain.nodeBinDir }),
    });
    assert.equal(exitCode, 0, output);
    assert.match(output, new RegExp(`Extension '${basename(vsix)}' was successfully installed`), output);
    const folders = readdirSync(extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
    assert.deepEqual(folders, [`${EXTENSION_ID}-${manifest.version}`], `installed as ${readdirSync(extensionsDir).join(', ')}`);
    installed = join(extensionsDir, folders[0]);
    const { exitCode: listed, output: list } = await captureCommand(toolchain.nodeExecutable, [...args, '--extensions-dir', extensionsDir, '--list-extensions', '--show-versions'], {
      env: childEnv({ prependPath: toolchain.nodeBinDir }),
    });
    assert.equal(listed, 0, list);
    assert.match(list, new RegExp(`^${EXTENSION_ID}@${manifest.version}$`, 'm'));
  });

  it('ships every file the manifest and the reader load, and no sources', () => {
    assert.ok(installed, 'installed');
    // Every worker thread the build makes (the extension falls back to its own thread without one, so a missing one fails nothing else).
    const workers = readdirSync(join(staging, 'repo', 'dist')).filter((name) => name.endsWith('Worker.js')).map((name) => `dist/${name}`);
    assert.ok(workers.length >= 3, `the build's workers: ${workers.join(', ')}`);
    const needed = [manifest.main, ...manifestPaths(manifest.contributes), ...READER_ASSETS, 'dist/cli.js', ...workers];
    const missing = needed.filter((path) => !existsSync(join(installed, path)));
    assert.deepEqual(missing, [], 'files the extension loads are in the package (.vscodeignore)');
    assert.equal(readdirSync(join(installed, 'seeds')).filter((name) => name.endsWith('.txt')).length, 5, 'the five sample articles');
    const shipped = listFiles(installed);
    // vsce names them readme.md and LICENSE.txt in the package.
    for (const file of [/^readme\.md$/i, /^license(?:\.txt)?$/i]) assert.ok(shipped.some((path) => file.test(path)), `${file} in ${shipped.join(', ')}`);
    const unwanted = shipped.filter((path) => /^(?:src|test|node_modules|out|scripts)\/|\.map$|\.ts$/.test(path));
    assert.deepEqual(unwanted, [], 'no sources, tests, source maps or node_modules');
  });

  it('bundles its dependencies: the bundles require only vscode and Node built-ins', () => {
    assert.ok(installed, 'installed');
    // `npm run package` uses --no-dependencies: a package left external to the bundle is missing at run time.
    const allowed = new Set(['vscode', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    for (const bundle of ['dist/extension.js', 'dist/cli.js']) {
      const text = readFileSync(join(installed, bundle), 'utf8');
      const required = [...new Set([...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
      assert.ok(required.length > 0, `${bundle} requires something (the pattern still reads the bundle)`);
      assert.deepEqual(required.filter((name) => !allowed.has(name)), [], `${bundle} requires only vscode and Node built-ins`);
    }
  });

  describe('installed in code-server, without an extension development path', () => {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let workspace: TemporaryWorkspace | undefined;
    let page: Page;

    before(async function () {
      if (!installed) this.skip();
      workspace = createTemporaryWorkspace();
      server = await startCodeServer({ toolchain, extensionsDir, logFile: join(runLogsDir, 'code-server.log') });
      browser = await launchChromium();
      page = await newPage(browser);
      await page.goto(server.workbenchUrl(workspace.path));
      await page.locator('.monaco-workbench').waitFor({ timeout: READY_TIMEOUT_MS });
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      workspace?.dispose();
    });

    it('activates: the Articles view lists the sample corpus and the Entities view its names', async () => {
      await page.locator('.activitybar [aria-label^="Annotated Reader"]').first().click({ timeout: READY_TIMEOUT_MS });
      // In the Articles tree: the Quotes view has months too.
      const month = page.locator('.sidebar').getByRole('tree', { name: /^Articles/ }).getByRole('treeitem', { name: new RegExp(`^${MONTH}`) });
      await month.waitFor({ timeout: READY_TIMEOUT_MS });
      assert.match((await month.innerText()).trim(), /^February 2022\s*\(4\)/);
      const entities = page.locator('.sidebar').getByRole('tree', { name: /^Entities/ });
      await entities.getByRole('treeitem', { name: /^People/ }).waitFor({ timeout: READY_TIMEOUT_MS });
      assert.equal(await page.getByText(/Annotated Reader failed to start/).count(), 0);
    });

    it('opens an article in the reader, with its script and stylesheets', async () => {
      // In the Articles tree: the Quotes view has months too.
      const month = page.locator('.sidebar').getByRole('tree', { name: /^Articles/ }).getByRole('treeitem', { name: new RegExp(`^${MONTH}`) });
      if ((await month.getAttribute('aria-expanded')) !== 'true') await month.click();
      await page.locator('.sidebar').getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(HEADLINE)}`) }).click({ timeout: READY_TIMEOUT_MS });
      const reader = readerFrame(page);
      // The headline is drawn by dist/webview/reader.js from the article the extension sent.
      await reader.locator('h1.headline').filter({ hasText: HEADLINE }).waitFor({ timeout: READY_TIMEOUT_MS });
      assert.ok((await reader.locator('.entity-person').count()) > 0, 'names highlighted');
      // Both stylesheets loaded and parsed (a missing file leaves a sheet with no rules, or none).
      const sheets = (await reader.locator('body').evaluate(
        // A string, run in the webview's page (these files are type-checked without the DOM's types).
        '[...document.styleSheets].map((sheet) => { try { return [sheet.href ?? "", sheet.cssRules.length]; } catch { return [sheet.href ?? "", 0]; } })',
      )) as [string, number][];
      for (const name of ['reader.css', 'codicon.css']) {
        assert.ok(sheets.some(([href, rules]) => href.includes(name) && rules > 0), `${name} loaded with rules: ${JSON.stringify(sheets)}`);
      }
    });

    it('contributes its commands: Search Corpus runs from the command palette', async () => {
      const widget = page.locator('.quick-input-widget');
      const input = widget.locator('input');
      const searchBox = widget.locator('.quick-input-title', { hasText: 'Search Corpus' });
      // The palette can close before its rows settle (focus moving as views load, on a busy machine): the
      // command is run again until the search box reports itself open, for as long as the extension may take.
      const deadline = Date.now() + READY_TIMEOUT_MS;
      for (;;) {
        await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
        await page.keyboard.press('F1');
        try {
          await input.fill('>Annotated Reader: Search Corpus', { timeout: 10_000 });
          await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Search Corpus' }).first().click({ timeout: 10_000 });
          await searchBox.waitFor({ timeout: 10_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await page.keyboard.press('Escape');
        }
      }
      await input.fill('Stoltenberg');
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Intenst diplomati' }).first();
      await row.waitFor({ timeout: READY_TIMEOUT_MS });
      await page.keyboard.press('Escape');
    });
  });
});

/** Copies the checkout's sources (not its build output, results or dependencies) and links its node_modules. */
function copyCheckout(target: string): void {
  cpSync(repoRoot, target, {
    recursive: true,
    filter: (source) => {
      const path = relative(repoRoot, source);
      return path === '' || !NOT_COPIED.has(path.split(/[\\/]/)[0]) && !path.endsWith('.vsix');
    },
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** Relative paths the manifest's contributions name: icons, JSON schemas, images. */
function manifestPaths(value: unknown): string[] {
  if (typeof value === 'string') return /^(?:\.\/)?[\w-]+\/[\w./-]+\.(?:svg|png|json)$/.test(value) ? [value.replace(/^\.\//, '')] : [];
  if (Array.isArray(value)) return value.flatMap(manifestPaths);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestPaths);
  return [];
}

/** Every file below `dir`, as a path relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(/[\\/]/).join('/'));
}

/** The reader panel's own document: a webview's HTML sits two iframes deep in the workbench. */
function readerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
