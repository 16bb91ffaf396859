// Starts VS Code's server and web workbench (code-server) for one run, on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, killProcessTree, killProcessTreeSync, onProcessExit } from './processes';
import type { Toolchain } from './provision';

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 120_000;

export type ColorTheme = 'Default Dark Modern' | 'Default Light Modern' | 'Default High Contrast';

/** User settings that keep an offline, scripted workbench quiet and predictable. */
const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  // The secondary side bar would show an empty chat panel.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
};

/** Development options the workbench reads from the `payload` URL parameter (honoured with the smoke-test driver on). */
export interface WorkbenchPayload {
  /** Folder of the extension under development (like `--extensionDevelopmentPath`). */
  extensionDevelopmentPath: string;
  /** Folder whose `index.js` exports `run()` (like `--extensionTestsPath`): the window runs it, then reports the exit code. */
  extensionTestsPath?: string;
  skipWelcome?: boolean;
}

export interface CodeServerOptions {
  toolchain: Toolchain;
  /** Default: Default Dark Modern. */
  colorTheme?: ColorTheme;
  /** User settings on top of the quiet defaults. */
  settings?: Readonly<Record<string, unknown>>;
  /** Extra environment for code-server, inherited by the extension host. */
  env?: Readonly<Record<string, string>>;
  /** Port to try first; a free one is used when it is taken. Default: any free port. */
  preferredPort?: number;
  /**
   * A user data folder that outlives the run. Its User/settings.json is written only if missing, so a
   * person's changes survive. Default: a fresh temporary folder, removed by `stop()`.
   */
  userDataDir?: string;
  /** Default: a fresh temporary folder, removed by `stop()`. */
  extensionsDir?: string;
  /** Keep Workspace Trust on (for tests of restricted mode). Default: off. */
  workspaceTrust?: boolean;
  /** Write code-server's own output to this file. */
  logFile?: string;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** The workbench URL that opens `folder`, with the extension development `payload` if given. */
  workbenchUrl(folder: string, payload?: WorkbenchPayload): string;
  /** Settles when code-server exits, on its own or through `stop()`. */
  readonly exited: Promise<ExitStatus>;
  /** The last lines code-server printed, for error messages. */
  recentOutput(): string;
  /** Stops code-server with all its child processes (extension host included) and removes its temporary folders. */
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const port = await choosePort(options.preferredPort);
  const url = `http://${HOST}:${port}`;
  const runDir = mkdtempSync(join(tmpdir(), 'annotated-reader-code-server-'));
  const userDataDir = options.userDataDir ?? join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(runDir, 'extensions');
  writeUserSettings(userDataDir, {
    'workbench.colorTheme': options.colorTheme ?? 'Default Dark Modern',
    ...QUIET_SETTINGS,
    ...options.settings,
  });

  const args = [
    options.toolchain.codeServerEntry,
    // Its own config file, so the user's ~/.config/code-server is neither read nor written.
    ...['--config', join(runDir, 'config.yaml')],
    ...['--bind-addr', `${HOST}:${port}`, '--auth', 'none'],
    ...['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    // Without it the built workbench ignores the `payload` URL parameter.
    ...['--vscode-option', 'enable-smoke-test-driver'],
  ];
  const env = childEnv({
    prependPath: options.toolchain.nodeBinDir,
    // code-server lets $PORT override --bind-addr.
    set: { PORT: undefined, ...options.env },
  });
  const child = spawn(options.toolchain.nodeExecutable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;

  const output = new OutputTail(options.logFile);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.write(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.write(chunk));
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => {
      output.write(`${String(error)}\n`);
      resolve({ code: null, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  });

  // Last resort when this process exits without stop() (an uncaught error, Ctrl+C through exitOnSignals).
  const removeExitHandler = onProcessExit(() => {
    if (pid !== undefined) killProcessTreeSync(pid);
    rmSync(runDir, { recursive: true, force: true });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (pid !== undefined && child.exitCode === null && child.signalCode === null) await killProcessTree(pid);
      await exited;
      output.close();
      rmSync(runDir, { recursive: true, force: true });
      removeExitHandler();
    })());

  const server: CodeServer = {
    url,
    port,
    workbenchUrl: (folder, payload) => workbenchUrl(url, port, folder, payload),
    exited,
    recentOutput: () => output.recent(),
    stop,
  };
  try {
    await waitUntilServing(url, exited);
  } catch (error) {
    await stop();
    throw new Error(`code-server did not start: ${(error as Error).message}\n${output.recent()}`, { cause: error });
  }
  return server;
}

function writeUserSettings(userDataDir: string, settings: Readonly<Record<string, unknown>>): void {
  const file = join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

function workbenchUrl(url: string, port: number, folder: string, payload?: WorkbenchPayload): string {
  // Slashes stay readable; the workbench decodes the parameter either way.
  let query = `folder=${encodeURIComponent(folder).replaceAll('%2F', '/')}`;
  if (payload) {
    // The authority of these URIs must be the host:port the page is served from.
    const remoteUri = (path: string): string =>
      `vscode-remote://${HOST}:${port}${path.split('/').map(encodeURIComponent).join('/')}`;
    const entries: [string, string][] = [['extensionDevelopmentPath', remoteUri(payload.extensionDevelopmentPath)]];
    if (payload.extensionTestsPath) entries.push(['extensionTestsPath', remoteUri(payload.extensionTestsPath)]);
    if (payload.skipWelcome) entries.push(['skipWelcome', 'true']);
    query += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  }
  return `${url}/?${query}`;
}

/** `preferred` if it can be bound on 127.0.0.1, else a free port chosen by the system. */
async function choosePort(preferred?: number): Promise<number> {
  if (preferred !== undefined) {
    const port = await tryListen(preferred);
    if (port !== undefined) return port;
  }
  const port = await tryListen(0);
  if (port === undefined) throw new Error(`No free port on ${HOST}`);
  return port;
}

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, HOST, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

async function waitUntilServing(url: string, exited: Promise<ExitStatus>): Promise<void> {
  let status: ExitStatus | undefined;
  void exited.then((exit) => (status = exit));
  for (const deadline = Date.now() + STARTUP_TIMEOUT_MS; Date.now() < deadline; ) {
    if (status) throw new Error(`it exited (${status.signal ?? `exit code ${status.code}`})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${STARTUP_TIMEOUT_MS / 1000}s`);
}

/** Keeps the last lines of a process's output, and optionally all of it in a file. */
class OutputTail {
  private readonly lines: string[] = [];
  private readonly file: WriteStream | undefined;

  constructor(logFile?: string, private readonly limit = 60) {
    if (logFile) mkdirSync(dirname(logFile), { recursive: true });
    this.file = logFile ? createWriteStream(logFile) : undefined;
  }

  write(chunk: string): void {
    this.file?.write(chunk);
    this.lines.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
    this.lines.splice(0, Math.max(0, this.lines.length - this.limit));
  }

  recent(): string {
    return this.lines.map((line) => `  | ${line}`).join('\n');
  }

  close(): void {
    this.file?.end();
  }
}
