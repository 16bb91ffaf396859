// `npm run mutation`: StrykerJS over src/core (stryker.config.mjs), outside `npm test`.
// Stryker 10 needs Node 22 or newer; the project supports Node 20, so Stryker runs with the Node 24 the
// test harness provisions (installed into the cache folder if missing). Arguments are passed on to
// `stryker run`, e.g. `npm run mutation -- --mutate 'src/core/search/**/*.ts'`.
import { join } from 'node:path';
import { repoRoot } from './paths';
import { CommandFailedError, childEnv, exitOnSignals, runCommand } from './processes';
import { provisionNode } from './provision';

const STRYKER_CLI = join(repoRoot, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

async function main(): Promise<number> {
  exitOnSignals();
  const node = await provisionNode();
  const args = [STRYKER_CLI, 'run', join(repoRoot, 'stryker.config.mjs'), ...process.argv.slice(2)];
  try {
    // Node 24 first on PATH: the build command Stryker runs in its sandbox (`node scripts/build.mjs`) uses it too.
    await runCommand(node.nodeExecutable, args, { cwd: repoRoot, env: childEnv({ prependPath: node.nodeBinDir }) });
    return 0;
  } catch (error) {
    if (error instanceof CommandFailedError && error.exitCode !== null) return error.exitCode;
    throw error;
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
