import * as vscode from 'vscode';
import type { Article } from '../../core/article';
import { type ArticleOrigin, type CorpusEntry, summarize } from '../../core/corpus';
import { loadArticle } from '../../core/load';

/** The outcome of reading one file: an article, a problem to show, or a file to skip. */
export type FileOutcome =
  | { readonly kind: 'article'; readonly article: Article; readonly entry: CorpusEntry }
  | { readonly kind: 'problem'; readonly reason: string; readonly entry: CorpusEntry }
  | { readonly kind: 'skipped'; readonly reason: string };

/** The last path segment of a URI. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * Reads and parses one article file through `workspace.fs`, so any file
 * system works. Never throws: every failure becomes a reason naming what is
 * wrong. Files that are not articles at all are skipped when they were found
 * by scanning the workspace, and reported when they sit in a folder the user
 * named as a corpus.
 */
export async function readArticleFile(uri: vscode.Uri, origin: ArticleOrigin, maxBytes: number): Promise<FileOutcome> {
  const fileName = fileNameOf(uri);
  const problem = (reason: string): FileOutcome => ({
    kind: 'problem',
    reason,
    entry: { kind: 'problem', problem: { uri: uri.toString(), fileName, origin, reason } },
  });
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'skipped', reason: 'is a folder' };
    if (stat.size > maxBytes) {
      return problem(
        `The file is ${formatBytes(stat.size)}, larger than the ${formatBytes(maxBytes)} limit ` +
          '(setting annotatedReader.maxFileSizeMB).',
      );
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    // Gone between the event that named it and now: nothing to show, nothing to report.
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) {
      return { kind: 'skipped', reason: 'The file no longer exists.' };
    }
    return problem(`The file could not be read: ${describeError(error)}`);
  }
  const result = loadArticle(bytes);
  if (result.ok) {
    return {
      kind: 'article',
      article: result.article,
      entry: { kind: 'article', summary: summarize(uri.toString(), fileName, origin, result.article) },
    };
  }
  if (result.kind === 'notArticle' && origin === 'workspace') return { kind: 'skipped', reason: result.reason };
  return problem(result.reason);
}

export function describeError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    switch (error.code) {
      case 'FileNotFound':
      case 'EntryNotFound':
        return 'it does not exist (any more).';
      case 'NoPermissions':
        return 'permission denied.';
      case 'Unavailable':
        return 'the file system is unavailable.';
    }
  }
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
