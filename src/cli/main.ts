/**
 * `annotated-reader`: the corpus tools on the command line, reusing the core.
 *
 *   annotated-reader export <files or folders...> [--format jsonl] [--include <glob>]
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { flattenParts, monthKey } from '../core/article';
import { compileGlob } from '../core/glob';
import { loadArticle } from '../core/load';

export interface CliIO {
  /** Writes one line to standard output; resolves when it may write more. */
  readonly out: (line: string) => Promise<void> | void;
  readonly err: (line: string) => void;
}

const USAGE = `Usage: annotated-reader <command> [options]

Commands:
  export <files or folders...>   Print every article as one JSON object per line.
      --format jsonl             Output format (jsonl, the default).
      --include <glob>           Which files in folders to read (default "**/*.txt").
      --max-size-mb <n>          Skip files larger than this (default 2).

Options:
  -h, --help                     Show this help.
  -v, --version                  Show the version.

Files that cannot be read are reported on standard error; the exit code is
non-zero only when no article at all could be read.`;

declare const __VERSION__: string | undefined;

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'jsonl' },
        include: { type: 'string', default: '**/*.txt' },
        'max-size-mb': { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(`annotated-reader: ${error instanceof Error ? error.message : String(error)}`);
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    for (const line of USAGE.split('\n')) await io.out(line);
    return 0;
  }
  if (values.version) {
    await io.out(typeof __VERSION__ === 'string' ? __VERSION__ : 'development');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'export') {
    io.err(command ? `annotated-reader: unknown command "${command}".` : 'annotated-reader: no command given.');
    io.err(USAGE);
    return 2;
  }
  if (values.format !== 'jsonl') {
    io.err(`annotated-reader: unknown format "${values.format}"; supported: jsonl.`);
    return 2;
  }
  if (paths.length === 0) {
    io.err('annotated-reader export: name at least one file or folder.');
    return 2;
  }
  const include = compileGlob(values.include);
  if (!include.ok) {
    io.err(`annotated-reader export: --include: ${include.reason}`);
    return 2;
  }
  const maxMB = Number(values['max-size-mb']);
  if (!Number.isFinite(maxMB) || maxMB <= 0) {
    io.err(`annotated-reader export: --max-size-mb takes a positive number, not "${values['max-size-mb']}".`);
    return 2;
  }
  return exportJsonl(paths, include.match, maxMB * 1024 * 1024, io);
}

async function exportJsonl(paths: readonly string[], include: (path: string) => boolean, maxBytes: number, io: CliIO): Promise<number> {
  let exported = 0;
  for await (const file of files(paths, include, io)) {
    let bytes: Uint8Array;
    try {
      const size = (await stat(file.path)).size;
      if (size > maxBytes) {
        io.err(`${file.path}: skipped, ${(size / 1024 / 1024).toFixed(1)} MB is more than --max-size-mb ${maxBytes / 1024 / 1024}.`);
        continue;
      }
      bytes = await readFile(file.path);
    } catch (error) {
      io.err(`${file.path}: cannot be read: ${describe(error)}`);
      continue;
    }
    const result = loadArticle(bytes);
    if (!result.ok) {
      io.err(`${file.path}: ${result.kind === 'notArticle' ? 'skipped, not an article' : 'not a valid article'}: ${result.reason}`);
      continue;
    }
    const { article } = result;
    for (const warning of article.warnings) io.err(`${file.path}: warning: ${warning}`);
    await io.out(
      JSON.stringify({
        path: file.path,
        date: monthKey(article.date),
        title: article.title,
        byline: article.byline?.text ?? null,
        source: article.source ?? null,
        text: article.text,
        parts: flattenParts(article),
      }),
    );
    exported++;
  }
  if (exported === 0) io.err('annotated-reader export: no article could be read.');
  return exported === 0 ? 1 : 0;
}

/** The named files, and the matching files in the named folders, in name order. */
async function* files(paths: readonly string[], include: (path: string) => boolean, io: CliIO): AsyncGenerator<{ path: string }> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      io.err(`${path}: cannot be read: ${describe(error)}`);
      continue;
    }
    if (!info.isDirectory()) {
      yield { path };
      continue;
    }
    const walk = async function* (folder: string): AsyncGenerator<{ path: string }> {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        io.err(`${folder}: cannot be read: ${describe(error)}`);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = join(folder, entry.name);
        // Symbolic links are followed to files, not to folders (which could loop).
        const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).then((t) => t.isFile(), () => false)));
        if (entry.isDirectory()) yield* walk(full);
        else if (isFile && include(relative(path, full).split(sep).join('/'))) yield { path: full };
      }
    };
    yield* walk(path);
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Standard output with back-pressure, so a large export does not pile up in memory. */
function stdoutLine(line: string): Promise<void> | void {
  if (!process.stdout.write(`${line}\n`)) return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

if (require.main === module) {
  // `annotated-reader export … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2), { out: stdoutLine, err: (line) => process.stderr.write(`${line}\n`) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`annotated-reader: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
