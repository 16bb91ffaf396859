/**
 * `annotated-reader entities`: every entity of the articles, most widely mentioned first, with its counts,
 * its mentions per month, how many quotes it is the speaker of and the entities it appears with most
 * (paragraph ties first), from the same corpus-wide index the extension keeps. Two passes over the files, as
 * `export` makes them: the first indexes every article's mentions (with its date and paragraphs), the second
 * finds the quotes with rule-found names in their corpus types.
 */
import type { ArticleDate } from '../core/article';
import { carryCorpusTypes } from '../core/entities/corpusTypes';
import { EntityIndex } from '../core/entities/entityIndex';
import type { Recognizer } from '../core/entities/recognizer';
import { findQuotes } from '../core/quotes/findQuotes';
import { type CliIO, type ReadOptions, SILENT, readArticles } from './read';

export interface EntitiesOptions extends ReadOptions {
  readonly json: boolean;
  /** At most this many entities (the most widely mentioned). */
  readonly limit?: number;
  /** How many companions each entity lists. */
  readonly companions: number;
  readonly recognizer: Recognizer;
}

/** One entity as the command prints it. */
export interface EntityRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly articles: number;
  readonly mentions: number;
  /** Mentions per month (`YYYY-MM`), months with none left out. */
  readonly months: Readonly<Record<string, number>>;
  /** How many quotes (direct, reported, questions) it is the speaker of. */
  readonly quotes: number;
  /** The entities it appears with most, strongest first: same paragraph, then same article. */
  readonly cooccurs: readonly { readonly id: string; readonly name: string; readonly articles: number; readonly paragraphs: number }[];
}

export async function entitiesCommand(paths: readonly string[], options: EntitiesOptions, io: CliIO): Promise<number> {
  const { recognizer } = options;
  const index = new EntityIndex<{ readonly date: ArticleDate }>({ dateOf: (info) => info.date });
  let read = 0;
  for await (const { path, article } of readArticles(paths, options, io)) {
    read++;
    index.set(path, recognizer.recognize(article.text), { date: article.date }, article.blocks.map((block) => block.start));
  }
  if (read === 0) {
    io.err('annotated-reader entities: no article could be read.');
    return 1;
  }
  const quotes = new Map<string, number>();
  for await (const { article } of readArticles(paths, options, SILENT)) {
    for (const quote of findQuotes(article, carryCorpusTypes(recognizer.recognize(article.text), index))) {
      if (quote.speakerId) quotes.set(quote.speakerId, (quotes.get(quote.speakerId) ?? 0) + 1);
    }
  }
  const entities = index.entities();
  const shown = options.limit === undefined ? entities : entities.slice(0, options.limit);
  for (const entity of shown) {
    const { months } = index.timeline(entity.id);
    const perMonth: Record<string, number> = {};
    months.periods.forEach((period, i) => {
      if (months.mentions[i] > 0) perMonth[period] = months.mentions[i];
    });
    const row: EntityRow = {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      articles: entity.articles,
      mentions: entity.mentions,
      months: perMonth,
      quotes: quotes.get(entity.id) ?? 0,
      cooccurs: index.cooccurring(entity.id, options.companions).entities.map((c) => ({ id: c.entity.id, name: c.entity.name, articles: c.articles, paragraphs: c.paragraphs })),
    };
    if (options.json) await io.out(JSON.stringify(row));
    else {
      const with_ = row.cooccurs.slice(0, 3).map((c) => c.name).join(', ');
      await io.out(`${row.name} (${row.type}): ${row.articles} article${row.articles === 1 ? '' : 's'}, ${row.mentions} mention${row.mentions === 1 ? '' : 's'}, ${row.quotes} quote${row.quotes === 1 ? '' : 's'}${with_ ? `; with ${with_}` : ''}`);
    }
  }
  return 0;
}
