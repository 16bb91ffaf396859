// Installs what the VS Code test runs need and that npm ci does not provide: Debian's Chromium,
// Node 24 (code-server refuses other majors) and code-server itself, cached by version outside the
// repo the way @vscode/test-electron caches VS Code in .vscode-test/.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cacheDir } from './paths';
import { captureCommand, childEnv, runCommand } from './processes';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

/** Set to 1 to never run apt-get, only report what is missing. */
const NO_APT_ENV = 'ANNOTATED_READER_NO_APT';

/** Written into a tool's folder once it installed and checked out, so later runs skip the check. */
const COMPLETE_MARKER = '.complete';

interface DebianPackage {
  name: string;
  /** A file the package installs; its presence means the package is there. */
  file: string;
  neededFor: string;
}

const DEBIAN_PACKAGES: readonly DebianPackage[] = [
  { name: 'chromium', file: CHROMIUM_EXECUTABLE, neededFor: 'the browser that shows the VS Code workbench' },
  { name: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h', neededFor: "building code-server's kerberos module" },
];

/** Paths to the provisioned tools. */
export interface Toolchain {
  /** Node 24's bin folder; goes first on PATH for code-server and the extension host it starts. */
  nodeBinDir: string;
  nodeExecutable: string;
  /** code-server's entry script, run with `nodeExecutable`. */
  codeServerEntry: string;
}

/** A tool cannot be provided; the message says what to do. */
export class ProvisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisionError';
  }
}

/** Makes sure Chromium, Node 24 and code-server are installed, installing what is missing. */
export async function provision(): Promise<Toolchain> {
  await ensureDebianPackages();
  const node = await ensureNode();
  const codeServerEntry = await ensureCodeServer(node);
  return { ...node, codeServerEntry };
}

async function ensureDebianPackages(): Promise<void> {
  const missing = DEBIAN_PACKAGES.filter((pkg) => !existsSync(pkg.file));
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.name);
  const list = missing.map((pkg) => `  - ${pkg.name}: ${pkg.neededFor} (no ${pkg.file})`).join('\n');
  const refusal = aptRefusal();
  if (refusal) {
    const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names.join(' ')}`;
    throw new ProvisionError(`Missing Debian packages:\n${list}\n${refusal}. Install them with:\n  ${command}`);
  }
  console.log(`Installing Debian packages with apt-get (set ${NO_APT_ENV}=1 to prevent this):\n${list}`);
  const env = childEnv({ set: { DEBIAN_FRONTEND: 'noninteractive' } });
  await runCommand('apt-get', ['update'], { env });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...names], { env });
  const stillMissing = missing.filter((pkg) => !existsSync(pkg.file));
  if (stillMissing.length > 0) {
    throw new ProvisionError(`apt-get installed ${names.join(', ')} but ${stillMissing.map((p) => p.file).join(', ')} is missing`);
  }
}

/** Why apt-get must not be run here, or undefined if it may. */
function aptRefusal(): string | undefined {
  if (process.env[NO_APT_ENV] === '1') return `${NO_APT_ENV}=1 forbids installing them automatically`;
  if (process.getuid?.() !== 0) return 'Installing them needs root';
  const onPath = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'apt-get')));
  if (!onPath) return 'apt-get is not available (the harness expects Debian or Ubuntu)';
  return undefined;
}

/** Makes sure Node 24 alone is installed (for tools that need a newer Node than the one running npm, such as StrykerJS). */
export function provisionNode(): Promise<Pick<Toolchain, 'nodeBinDir' | 'nodeExecutable'>> {
  return ensureNode();
}

async function ensureNode(): Promise<Pick<Toolchain, 'nodeBinDir' | 'nodeExecutable'>> {
  const dir = join(cacheDir(), `node-${NODE_VERSION}`);
  // The npm registry publishes Node's official binaries as node-<platform>-<arch> (bin/node, include/node).
  const nodePackage = `node-${process.platform}-${process.arch}`;
  const nodeRoot = join(dir, 'node_modules', nodePackage);
  const nodeExecutable = join(nodeRoot, 'bin', 'node');
  await ensureCachedTool({
    label: `Node ${NODE_VERSION}`,
    dir,
    duration: 'under a minute',
    install: (logFile) =>
      runCommand('npm', [...NPM_INSTALL, '--prefix', dir, `${nodePackage}@${NODE_VERSION}`], { env: childEnv(), logFile }),
    verify: async () => {
      if (!existsSync(nodeExecutable)) return `${nodeExecutable} is missing`;
      const { output } = await captureCommand(nodeExecutable, ['--version']);
      return output.trim() === `v${NODE_VERSION}` ? undefined : `node --version printed "${output.trim()}"`;
    },
  });
  return { nodeBinDir: join(nodeRoot, 'bin'), nodeExecutable };
}

async function ensureCodeServer(node: Pick<Toolchain, 'nodeBinDir' | 'nodeExecutable'>): Promise<string> {
  const dir = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const packageDir = join(dir, 'node_modules', 'code-server');
  const entry = join(packageDir, 'out', 'node', 'entry.js');
  // With Node 24 first on PATH, npm runs under Node 24: code-server's postinstall reads the Node version
  // from npm's user agent, and its native modules are built against Node 24's headers (--nodedir).
  const env = childEnv({ prependPath: node.nodeBinDir });
  const nodeDir = join(node.nodeBinDir, '..');
  await ensureCachedTool({
    label: `code-server ${CODE_SERVER_VERSION}`,
    dir,
    duration: 'about 3 minutes',
    install: (logFile) =>
      runCommand('npm', [...NPM_INSTALL, '--prefix', dir, `--nodedir=${nodeDir}`, `code-server@${CODE_SERVER_VERSION}`], {
        env,
        logFile,
      }),
    verify: async () => {
      if (!existsSync(entry)) return `${entry} is missing`;
      // The postinstall script installs VS Code's own dependencies, then links this CLI script.
      // npm versions that skip install scripts leave it out.
      if (!existsSync(join(packageDir, 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'))) {
        return "code-server's postinstall script did not run to the end (did npm skip install scripts?)";
      }
      const configDir = mkdtempSync(join(tmpdir(), 'annotated-reader-code-server-config-'));
      try {
        const args = [entry, '--config', join(configDir, 'config.yaml'), '--version'];
        const { output } = await captureCommand(node.nodeExecutable, args, { env });
        return output.includes(CODE_SERVER_VERSION) ? undefined : `code-server --version printed "${output.trim()}"`;
      } finally {
        rmSync(configDir, { recursive: true, force: true });
      }
    },
  });
  return entry;
}

/** `npm install` into a bare cache folder: no package.json to update, no audit or funding requests. */
const NPM_INSTALL = ['install', '--no-save', '--no-audit', '--no-fund'] as const;

interface CachedTool {
  label: string;
  dir: string;
  duration: string;
  /** Installs into `dir`, writing npm's output to `logFile`. */
  install(logFile: string): Promise<void>;
  /** What is wrong with the installed tool, or undefined if it works. */
  verify(): Promise<string | undefined>;
}

/** Installs a tool into its cache folder unless a complete install is there; replaces a broken one. */
async function ensureCachedTool(tool: CachedTool): Promise<void> {
  const marker = join(tool.dir, COMPLETE_MARKER);
  if (existsSync(marker)) return;
  if (existsSync(tool.dir)) {
    if ((await tool.verify()) === undefined) {
      writeFileSync(marker, `${new Date().toISOString()}\n`);
      return;
    }
    console.log(`Removing the incomplete ${tool.label} in ${tool.dir}`);
    await rm(tool.dir, { recursive: true, force: true });
  }
  await mkdir(tool.dir, { recursive: true });
  const logFile = `${tool.dir}.install.log`;
  console.log(`Installing ${tool.label} into ${tool.dir} (${tool.duration}, once; log: ${logFile})`);
  const started = Date.now();
  const heartbeat = setInterval(() => console.log(`  still installing ${tool.label} (${elapsed(started)})`), 30_000);
  try {
    await tool.install(logFile);
  } catch (error) {
    throw new ProvisionError(`Installing ${tool.label} failed: ${String(error)}\n${tail(logFile)}\n(full log: ${logFile})`);
  } finally {
    clearInterval(heartbeat);
  }
  const problem = await tool.verify();
  if (problem) throw new ProvisionError(`${tool.label} was installed into ${tool.dir}, but ${problem}. See ${logFile}`);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  console.log(`Installed ${tool.label} in ${elapsed(started)}`);
}

function elapsed(since: number): string {
  const seconds = Math.round((Date.now() - since) / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** The last lines of a log file, indented, for an error message. */
function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}
