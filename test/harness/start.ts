// `npm start`: the extension under development in VS Code (code-server), opened on seeds/, served on
// 127.0.0.1 until Ctrl+C. The user data folder lives in the cache, so layout and settings survive restarts.
import { join } from 'node:path';
import { startCodeServer } from './codeServer';
import { cacheDir, repoRoot } from './paths';
import { CODE_SERVER_VERSION, provision } from './provision';

const DEFAULT_PORT = 8080;

async function main(): Promise<void> {
  const preferredPort = portFromEnv();
  const toolchain = await provision();
  const stateDir = join(cacheDir(), 'start');
  const logFile = join(stateDir, 'code-server.log');
  const server = await startCodeServer({
    toolchain,
    preferredPort,
    userDataDir: join(stateDir, 'user-data'),
    extensionsDir: join(stateDir, 'extensions'),
    colorTheme: 'Default Dark Modern',
    logFile,
  });

  let stopping: Promise<void> | undefined;
  const shutdown = (exitCode: number, message: string): Promise<void> =>
    (stopping ??= (async () => {
      (exitCode === 0 ? console.log : console.error)(message);
      await server.stop();
      process.exit(exitCode);
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0, '\nStopping code-server...'));
  }

  const folder = join(repoRoot, 'seeds');
  const url = server.workbenchUrl(folder, { extensionDevelopmentPath: repoRoot });
  const portNote = server.port === preferredPort ? '' : ` (port ${preferredPort} is taken)`;
  console.log(
    [
      '',
      `Annotated Reader in VS Code (code-server ${CODE_SERVER_VERSION}) on ${server.url}${portNote}`,
      '',
      'Open this URL in a browser (it loads the extension from this repository):',
      '',
      `  ${url}`,
      '',
      `Folder:    ${folder}`,
      `User data: ${join(stateDir, 'user-data')}`,
      `Log:       ${logFile}`,
      'After a rebuild (npm run build, or npm run watch), run "Developer: Reload Window" in the workbench.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  // code-server also stops on its own when Ctrl+C reaches it through the terminal.
  const { code, signal } = await server.exited;
  if (code === 0 || signal !== null) await shutdown(0, 'code-server stopped.');
  else await shutdown(1, `code-server exited with code ${code}:\n${server.recentOutput()}`);
}

/** $PORT if set (it must be a port number), else 8080. */
function portFromEnv(): number {
  const value = process.env.PORT;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT=${value} is not a port number`);
  return port;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
