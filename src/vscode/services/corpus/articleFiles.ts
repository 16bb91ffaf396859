import type * as vscode from 'vscode';
import type { ArticleOrigin } from '../../../core/corpus';
import { type FileOutcome, fileOutcome } from '../../../core/corpusFile';
import { readFileBytes } from './fileAccess';
import { loadArticleBody } from '../../../core/load';

export type { FileOutcome } from '../../../core/corpusFile';

/** The last path segment of a URI. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Reads and parses one article file (see `readFileBytes` and `fileOutcome`). Never throws. */
export async function readArticleFile(uri: vscode.Uri, origin: ArticleOrigin, maxBytes: number): Promise<FileOutcome> {
  return fileOutcome(await readFileBytes(uri, maxBytes), uri.toString(), fileNameOf(uri), origin, maxBytes);
}

/**
 * An article file's text after its header (`Article.text`), without finding its structure; undefined when
 * the file cannot be read as an article (the corpus's entry for it says why). For Search Corpus's snippets.
 */
export async function readArticleText(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  const read = await readFileBytes(uri, maxBytes);
  if (read.kind !== 'bytes') return undefined;
  const body = loadArticleBody(read.bytes);
  return body.ok ? body.text : undefined;
}
