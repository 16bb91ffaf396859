/**
 * What one file of the corpus is, from what reading it gave: an article (its corpus entry), a problem
 * to show (the reason), or a file to skip. Shared by the extension host (files read through VS Code or
 * Node) and the recognition worker (files on disk read there while the corpus loads), so that both say
 * the same of the same file.
 */
import type { Article } from './article';
import { type ArticleOrigin, type CorpusEntry, summarize } from './corpus';
import { loadArticle } from './load';

/** What reading a file gave: its bytes (and the stamp, `mtime:size`, it had), or why there are none. */
export type ReadResult =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly stamp: string }
  | { readonly kind: 'folder' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The outcome of reading one file: an article, a problem to show, or a file to skip. An article or problem
 * has the stamp of the file it was read from, when it was read: what a reopened window compares to tell
 * whether it must read the file again.
 */
export type FileOutcome =
  | { readonly kind: 'article'; readonly article: Article; readonly entry: CorpusEntry; readonly stamp: string }
  // No stamp: a problem that depends on more than the file's bytes (its size against the limit, a read error).
  | { readonly kind: 'problem'; readonly reason: string; readonly entry: CorpusEntry; readonly stamp?: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * Never throws: every failure becomes a reason naming what is wrong. Files that are not articles at all
 * are skipped when they were found by scanning the workspace, and reported when they sit in a folder the
 * user named as a corpus.
 */
export function fileOutcome(read: ReadResult, uri: string, fileName: string, origin: ArticleOrigin, maxBytes: number): FileOutcome {
  const problem = (reason: string, stamp?: string): FileOutcome => ({
    kind: 'problem',
    reason,
    entry: { kind: 'problem', problem: { uri, fileName, origin, reason } },
    stamp,
  });
  switch (read.kind) {
    case 'folder':
      return { kind: 'skipped', reason: 'It is a folder.' };
    case 'missing':
      // Gone between the event that named it and now: nothing to show, nothing to report.
      return { kind: 'skipped', reason: 'The file no longer exists.' };
    case 'tooLarge':
      return problem(`The file is ${formatBytes(read.size)}, larger than the ${formatBytes(maxBytes)} limit (setting annotatedReader.maxFileSizeMB).`);
    case 'error':
      return problem(`The file could not be read: ${read.message}`);
  }
  const result = loadArticle(read.bytes);
  if (result.ok) {
    return { kind: 'article', article: result.article, entry: { kind: 'article', summary: summarize(uri, fileName, origin, result.article) }, stamp: read.stamp };
  }
  if (result.kind === 'notArticle' && origin === 'workspace') return { kind: 'skipped', reason: result.reason };
  return problem(result.reason, read.stamp);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
