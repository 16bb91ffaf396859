import type * as vscode from 'vscode';
import type { ArticleOrigin } from '../../core/corpus';
import { type FileOutcome, fileOutcome } from '../../core/corpusFile';
import { readFileBytes } from './fileAccess';

export type { FileOutcome } from '../../core/corpusFile';

/** The last path segment of a URI. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Reads and parses one article file (see `readFileBytes` and `fileOutcome`). Never throws. */
export async function readArticleFile(uri: vscode.Uri, origin: ArticleOrigin, maxBytes: number): Promise<FileOutcome> {
  return fileOutcome(await readFileBytes(uri, maxBytes), uri.toString(), fileNameOf(uri), origin, maxBytes);
}
