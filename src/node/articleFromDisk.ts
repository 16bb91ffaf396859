/**
 * An article file on disk read and parsed for indexing, with Node's fs: in the recognition worker, so that
 * the extension host neither reads nor parses the corpus's files while it is indexed. The reader and the
 * corpus's own load read files in the host (`vscode/corpus/articleFiles.ts`), with the same bound and
 * the same decoding and parsing.
 */
import { open } from 'node:fs/promises';
import type { ArticleDate } from '../core/article';
import { loadArticle } from '../core/load';

/** The parts of an article the index needs, or why the file gave none. */
export type ArticleFromDisk = { readonly title: string; readonly text: string; readonly date: ArticleDate } | { readonly failed: string };

export async function readArticleFromDisk(path: string, maxBytes: number): Promise<ArticleFromDisk> {
  let bytes: Uint8Array;
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { failed: 'It is not a file.' };
    if (info.size > maxBytes) return { failed: 'The file is larger than the limit.' };
    bytes = await handle.readFile();
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle?.close();
  }
  const result = loadArticle(bytes);
  if (!result.ok) return { failed: result.reason };
  return { title: result.article.title, text: result.article.text, date: result.article.date };
}
