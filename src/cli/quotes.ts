/**
 * `annotated-reader quotes`: every quote in the articles, in date order, with its speaker, as text, JSON lines
 * or CSV. Speakers are resolved as the export resolves them: over the article's entities, with rule-found
 * names in their corpus types (two passes, as `export` does).
 */
import { monthKey } from '../core/article';
import { carryCorpusTypes } from '../core/entities/corpusTypes';
import type { Recognizer } from '../core/entities/recognizer';
import { findQuotes } from '../core/quotes/findQuotes';
import { QUOTE_CSV_COLUMNS, type QuoteRow, csvLine, speakerMatches } from '../core/quotes/quoteRows';
import { type CliIO, type ReadOptions, indexMentions, readArticles } from './read';

export interface QuotesOptions extends ReadOptions {
  readonly format: 'text' | 'jsonl' | 'csv';
  readonly speaker?: string;
  readonly recognizer: Recognizer;
}

export async function quotesCommand(paths: readonly string[], options: QuotesOptions, io: CliIO): Promise<number> {
  const { recognizer, speaker, format } = options;
  const index = await indexMentions(paths, options, recognizer);
  const rows: QuoteRow[] = [];
  let read = 0;
  for await (const { path, article } of readArticles(paths, options, io)) {
    read++;
    const entities = carryCorpusTypes(recognizer.recognize(article.text), index);
    const date = article.date.day ? `${monthKey(article.date)}-${String(article.date.day).padStart(2, '0')}` : monthKey(article.date);
    for (const quote of findQuotes(article, entities)) {
      if (speaker !== undefined && !speakerMatches(quote.speaker, speaker)) continue;
      rows.push({ date, path, title: article.title, ...quote, text: article.text.slice(quote.start, quote.end) });
    }
  }
  if (read === 0) {
    io.err('annotated-reader quotes: no article could be read.');
    return 1;
  }
  // Date order; within a date, the order of the files and of the text (the sort is stable).
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (format === 'csv') await io.out(QUOTE_CSV_COLUMNS.join(','));
  for (const row of rows) {
    if (format === 'jsonl') await io.out(JSON.stringify(row));
    else if (format === 'csv') await io.out(csvLine(row));
    else await io.out(`${row.date}  ${row.speaker ?? '(speaker unknown)'}${row.cue ? ` (${row.cue})` : ''}: «${row.text.replace(/\s+/gu, ' ')}»  ${row.path}`);
  }
  if (rows.length === 0 && speaker !== undefined) io.err(`annotated-reader quotes: no quote by "${speaker}" in ${read} article${read === 1 ? '' : 's'}.`);
  return 0;
}
