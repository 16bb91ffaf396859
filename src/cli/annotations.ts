/** `annotated-reader annotations export`: a workspace's annotations as Markdown or as the W3C collection. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDatesNewestFirst, formatDate } from '../core/dates';
import type { ArticleDate } from '../core/article';
import { type AnnotatedArticle, toMarkdown, toW3c } from '../core/annotations/export';
import { type Annotation, parseCollection } from '../core/annotations/model';
import { type CliIO, type ReadOptions, describe, readArticles } from './read';

export async function exportAnnotations(format: 'md' | 'w3c', file: string, corpus: readonly string[], options: ReadOptions, io: CliIO): Promise<number> {
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot be read: ${describe(error)}`);
    return 1;
  }
  const parsed = parseCollection(json);
  if (!parsed.ok) {
    io.err(`${file}: ${parsed.reason}.`);
    return 1;
  }
  for (const problem of parsed.skipped) io.err(`${file}: skipped ${problem}`);
  if (format === 'w3c') {
    await io.out(toW3c(parsed.annotations).trimEnd());
    return 0;
  }
  // Sources are relative to the workspace folder: the folder that holds `.annotated-reader/`.
  const folder = dirname(file);
  const root = basename(folder) === '.annotated-reader' ? dirname(folder) : folder;
  const bySource = new Map<string, Annotation[]>();
  for (const annotation of parsed.annotations) {
    const source = annotation.target.source;
    const path = source.startsWith('file:') ? fileURLToPath(source) : resolve(root, source);
    bySource.set(path, [...(bySource.get(path) ?? []), annotation]);
  }
  const articles: (AnnotatedArticle & { date?: ArticleDate })[] = [];
  for await (const { path, article } of readArticles(corpus, options, io)) {
    const annotations = bySource.get(resolve(path));
    if (!annotations) continue;
    bySource.delete(resolve(path));
    articles.push({ title: article.title, dateLabel: formatDate(article.date), date: article.date, text: article.text, annotations });
  }
  articles.sort((a, b) => compareDatesNewestFirst(a.date as ArticleDate, b.date as ArticleDate) || a.title.localeCompare(b.title, 'nb'));
  // Annotations of files not in the corpus given: listed under their file, none of them placed.
  for (const [path, annotations] of bySource) articles.push({ title: path, dateLabel: 'not in the corpus given', text: undefined, annotations });
  await io.out(toMarkdown(articles).trimEnd());
  return 0;
}
