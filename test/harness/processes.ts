// Child processes: clean environments, commands run to completion, and process trees that do not outlive us.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Variables that would leak the calling context into a child: npm reads `npm_config_*` as its own
 * configuration (a nested `npm install` would inherit the outer npm's user agent and Node version),
 * and `VSCODE_*` / `ELECTRON_RUN_AS_NODE` make a nested VS Code talk to the one hosting the terminal.
 */
const LEAKY_VARIABLE = /^(npm_|VSCODE_|ELECTRON_RUN_AS_NODE$)/i;

export interface ChildEnvOptions {
  /** Folder put first on PATH. */
  prependPath?: string;
  /** Extra variables; `undefined` removes one. */
  set?: Record<string, string | undefined>;
}

/** This process's environment minus the leaky variables, with `options` applied. */
export function childEnv(options: ChildEnvOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!LEAKY_VARIABLE.test(name)) env[name] = value;
  }
  if (options.prependPath) env.PATH = [options.prependPath, env.PATH].filter(Boolean).join(delimiter);
  for (const [name, value] of Object.entries(options.set ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Send the command's stdout and stderr to this file instead of this process's output. */
  logFile?: string;
  /** Kill the command with its child processes when it runs longer than this. */
  timeoutMs?: number;
}

export class CommandFailedError extends Error {
  constructor(
    readonly commandLine: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(`Command failed (${signal ?? `exit code ${exitCode}`}): ${commandLine}`);
    this.name = 'CommandFailedError';
  }
}

/** Runs a command to completion without stdin (CI has none); rejects unless it exits with 0. */
export async function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<void> {
  const commandLine = [command, ...args].join(' ');
  const { timeoutMs } = options;
  const output = options.logFile ? openSync(options.logFile, 'w') : 'inherit';
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  let removeExitHandler: (() => void) | undefined;
  try {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', output, output] });
    const { pid } = child;
    // The command must not outlive this process: it may have started a workbench of its own.
    removeExitHandler = onProcessExit(() => {
      if (pid !== undefined) terminateProcessTreeSync(pid);
    });
    if (timeoutMs !== undefined && pid !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        void killProcessTree(pid);
      }, timeoutMs);
    }
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, sig) => resolve([code, sig]));
    });
    if (timedOut) throw new Error(`Killed after ${(timeoutMs ?? 0) / 1000}s: ${commandLine}`);
    if (exitCode !== 0) throw new CommandFailedError(commandLine, exitCode, signal);
  } finally {
    clearTimeout(timer);
    removeExitHandler?.();
    if (typeof output === 'number') closeSync(output);
  }
}

/** Runs a command and returns its exit code and combined output (for short commands such as `--version`). */
export async function captureCommand(
  command: string,
  args: readonly string[],
  options: Pick<RunOptions, 'env' | 'cwd'> = {},
): Promise<{ exitCode: number | null; output: string }> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { exitCode, output };
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  zombie: boolean;
}

/** All processes, read from /proc (the harness runs on Linux; no dependency on `ps`). */
function listProcesses(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(pid), ppid: Number(ppid), zombie: state === 'Z' }];
      } catch {
        return []; // Exited meanwhile.
      }
    });
}

/** `pid` and all its living descendants, parents first. */
function processTree(pid: number): number[] {
  const processes = listProcesses();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const entry of processes) {
      if (entry.ppid === tree[i] && !entry.zombie) tree.push(entry.pid);
    }
  }
  return tree;
}

function livingProcesses(pids: readonly number[]): number[] {
  const living = new Set(listProcesses().filter((entry) => !entry.zombie).map((entry) => entry.pid));
  return pids.filter((pid) => living.has(pid));
}

function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Sends SIGTERM to `pid` and its descendants, then SIGKILL to whatever is still alive after `graceMs`. */
export async function killProcessTree(pid: number, graceMs = 5_000): Promise<void> {
  const tree = processTree(pid);
  signalAll(tree, 'SIGTERM');
  for (const deadline = Date.now() + graceMs; Date.now() < deadline; ) {
    if (livingProcesses(tree).length === 0) return;
    await sleep(100);
  }
  signalAll(livingProcesses(tree), 'SIGKILL');
}

/** SIGKILLs `pid` and its descendants at once; for exit handlers, where nothing asynchronous runs. */
export function killProcessTreeSync(pid: number): void {
  signalAll(processTree(pid), 'SIGKILL');
}

/**
 * For exit handlers: SIGKILLs what `pid` started, and sends `pid` itself SIGTERM so that its own exit
 * handlers still run (a harness process then removes its temporary folders).
 */
function terminateProcessTreeSync(pid: number): void {
  const [root, ...descendants] = processTree(pid);
  signalAll(descendants, 'SIGKILL');
  signalAll([root], 'SIGTERM');
}

/**
 * Runs `callback` (synchronous work only) when this process exits, including through `exitOnSignals`.
 * Returns a function that removes it again.
 */
export function onProcessExit(callback: () => void): () => void {
  process.on('exit', callback);
  return () => process.off('exit', callback);
}

let exitingOnSignals = false;

/**
 * Makes Ctrl+C (and SIGTERM, SIGHUP) exit through `process.exit`, so the `exit` handlers that stop
 * started servers run. Without a listener Node dies of the signal and skips them.
 */
export function exitOnSignals(): void {
  if (exitingOnSignals) return;
  exitingOnSignals = true;
  const exitCodes: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
  for (const [signal, code] of Object.entries(exitCodes)) {
    process.once(signal, () => process.exit(code));
  }
}
