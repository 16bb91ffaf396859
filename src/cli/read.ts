/** Reading article files for the CLI: folders walked in name order, problems reported on standard error. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Article } from '../core/article';
import { EntityIndex } from '../core/entities/entityIndex';
import type { Recognizer } from '../core/entities/recognizer';
import { loadArticle } from '../core/load';

export interface CliIO {
  /** Writes one line to standard output; resolves when it may write more. */
  readonly out: (line: string) => Promise<void> | void;
  readonly err: (line: string) => void;
}

export interface ReadOptions {
  /** Which files in folders to read (relative paths with `/`). */
  readonly include: (path: string) => boolean;
  readonly maxBytes: number;
}

/** Quiet: for a first pass over the files, whose problems the pass that writes reports once. */
export const SILENT: CliIO = { out: () => undefined, err: () => undefined };

/**
 * The first of two passes, as the extension's corpus index makes it: every article's mentions indexed (offsets
 * only, no texts kept), so that the second pass can give rule-found names their corpus types
 * (`carryCorpusTypes`) and the command agrees with the reader on what a name is.
 */
export async function indexMentions(paths: readonly string[], options: ReadOptions, recognizer: Recognizer): Promise<EntityIndex> {
  const index = new EntityIndex();
  for await (const { path, article } of readArticles(paths, options, SILENT)) index.set(path, recognizer.recognize(article.text));
  return index;
}

/** The articles in `paths` (files, or folders walked), each file that cannot be read or is no article reported on `io.err`. */
export async function* readArticles(paths: readonly string[], options: ReadOptions, io: CliIO): AsyncGenerator<{ path: string; article: Article }> {
  for await (const file of files(paths, options.include, io)) {
    let bytes: Uint8Array;
    try {
      const size = (await stat(file.path)).size;
      if (size > options.maxBytes) {
        io.err(`${file.path}: skipped, ${(size / 1024 / 1024).toFixed(1)} MB is more than --max-size-mb ${options.maxBytes / 1024 / 1024}.`);
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
    for (const warning of result.article.warnings) io.err(`${file.path}: warning: ${warning}`);
    yield { path: file.path, article: result.article };
  }
}

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

export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
