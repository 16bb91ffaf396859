/**
 * Article files on disk, read with Node's fs: by the extension host for `file:` URIs, and by the
 * recognition worker, which reads, parses and summarises the corpus's files as it loads and reads and
 * parses them again to index them, so that the extension host does neither. Both read with the same
 * bound and decode, parse and classify the same way (`core/corpusFile.ts`).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Article, ArticleDate } from '../core/article';
import type { ArticleOrigin } from '../core/corpus';
import { type FileOutcome, type ReadResult, fileOutcome } from '../core/corpusFile';
import { loadArticle } from '../core/load';

/**
 * What tells one version of a file from another without reading it: its modification time and size
 * (as VS Code's own file watcher and editors do). A saved entry with the file's stamp is still right.
 */
export function stampOf(mtime: number, size: number): string {
  return `${mtime}:${size}`;
}

/**
 * Opened without waiting: a named pipe (or a device) given a corpus file's name would otherwise hold the open
 * until something writes to it; it is refused once opened, as is anything but a regular file or a folder.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NOT_A_FILE: ReadResult = { kind: 'error', message: 'not a regular file.' };

/** Reads a file on disk unless it is larger than `maxBytes`. */
export async function readFromDisk(path: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
    const info = await handle.stat();
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return NOT_A_FILE;
    if (info.size > maxBytes) return { kind: 'tooLarge', size: info.size };
    return { kind: 'bytes', bytes: await handle.readFile(), stamp: stampOf(info.mtimeMs, info.size) };
  } catch (error) {
    return readFailure(error);
  } finally {
    await handle?.close();
  }
}

/**
 * `readFromDisk` with blocking calls, for a worker thread that has nothing else to do meanwhile: its reads then
 * do not queue on the process's four libuv threads, which it shares with the extension host. Read
 * asynchronously, the recognition worker's batches of files queued ahead of the host's own reads (Search
 * Corpus's snippets, the reader's article) while a corpus was indexed.
 */
export function readFromDiskSync(path: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const info = fstatSync(fd);
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return NOT_A_FILE;
    if (info.size > maxBytes) return { kind: 'tooLarge', size: info.size };
    // The size it has now: a file that grows meanwhile is read up to it, one that shrinks to its end.
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      length += read;
    }
    return { kind: 'bytes', bytes: bytes.subarray(0, length), stamp: stampOf(info.mtimeMs, info.size) };
  } catch (error) {
    return readFailure(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFailure(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'folder' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'error', message: 'permission denied.' };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** A corpus file's outcome without the parsed article (what crosses from the worker to the host), with the article's warnings to log. */
export type EntryOutcome = Exclude<FileOutcome, { kind: 'article' }> | (Omit<Extract<FileOutcome, { kind: 'article' }>, 'article'> & { readonly warnings: readonly string[] });

/** Reads, parses and classifies a corpus file on disk, as the extension host's `readArticleFile` does. */
export async function readEntryFromDisk(path: string, uri: string, fileName: string, origin: ArticleOrigin, maxBytes: number): Promise<EntryOutcome> {
  return entryOf(await readFromDisk(path, maxBytes), uri, fileName, origin, maxBytes);
}

/** `readEntryFromDisk` with blocking reads, for a worker thread (see `readFromDiskSync`). */
export function readEntryFromDiskSync(path: string, uri: string, fileName: string, origin: ArticleOrigin, maxBytes: number): EntryOutcome {
  return entryOf(readFromDiskSync(path, maxBytes), uri, fileName, origin, maxBytes);
}

function entryOf(read: ReadResult, uri: string, fileName: string, origin: ArticleOrigin, maxBytes: number): EntryOutcome {
  const outcome = fileOutcome(read, uri, fileName, origin, maxBytes);
  if (outcome.kind !== 'article') return outcome;
  return { kind: 'article', entry: outcome.entry, stamp: outcome.stamp, warnings: outcome.article.warnings };
}

/** The parts of an article the index needs (with where its paragraphs start, for the mentions' paragraphs), or why the file gave none. */
export type ArticleFromDisk =
  | {
      readonly title: string;
      readonly text: string;
      readonly date: ArticleDate;
      readonly paragraphStarts: readonly number[];
      /** The parsed parts and byline, for finding the article's quotes (`findQuotes`) where it is read. */
      readonly blocks: Article['blocks'];
      readonly byline: Article['byline'];
      /** The newsroom the dateline names: whose label asks an interview's questions. */
      readonly source: Article['source'];
    }
  | { readonly failed: string };

export async function readArticleFromDisk(path: string, maxBytes: number): Promise<ArticleFromDisk> {
  return articleOf(await readFromDisk(path, maxBytes));
}

/** `readArticleFromDisk` with blocking reads, for a worker thread (see `readFromDiskSync`). */
export function readArticleFromDiskSync(path: string, maxBytes: number): ArticleFromDisk {
  return articleOf(readFromDiskSync(path, maxBytes));
}

function articleOf(read: ReadResult): ArticleFromDisk {
  if (read.kind !== 'bytes') return { failed: read.kind };
  const result = loadArticle(read.bytes);
  if (!result.ok) return { failed: result.reason };
  const { title, text, date, blocks, byline, source } = result.article;
  return { title, text, date, paragraphStarts: blocks.map((block) => block.start), blocks, byline, source };
}
