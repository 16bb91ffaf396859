/**
 * Small corpora for the timeline and co-occurrence tests: articles with a date, paragraphs and mentions, the
 * operations that index and delete them, and the brute-force answers made by looking at every article.
 */
import fc from 'fast-check';
import type { ArticleDate } from '../../src/core/article';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import type { EntityMention } from '../../src/core/entities/types';

/** Entity ids and their names: the names sort differently in Norwegian (Æ, Ø, Å after Z) than by code point. */
export const NAMES: Record<string, string> = { anders: 'Anders', zorro: 'Zorro', oystein: 'Øystein', aase: 'Åse', aerlig: 'Ærlig', bo: 'Bo' };
export const IDS = Object.keys(NAMES);
export const URIS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** Each paragraph of a test article is this long: paragraph `p` starts at `p * PARAGRAPH`. */
export const PARAGRAPH = 100;

export interface Info {
  readonly date: ArticleDate;
  readonly title: string;
}

export interface ModelArticle {
  readonly info: Info;
  readonly paragraphs: number;
  /** In text order. */
  readonly mentions: readonly { readonly id: string; readonly start: number }[];
}

/** Newest first, then by title (each article's is its URI, so the order is total). */
export const compareInfo = (a: Info, b: Info): number =>
  b.date.year - a.date.year || b.date.month - a.date.month || (b.date.day ?? 0) - (a.date.day ?? 0) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

/** An index as the extension makes it: ordered by `compareInfo`, dated, dates first (`newestFirst`); or without `newestFirst`, to hold the two alike. */
export const newIndex = (newestFirst = true): EntityIndex<Info> => new EntityIndex<Info>({ compare: compareInfo, dateOf: (info) => info.date, newestFirst });

const dateArb: fc.Arbitrary<ArticleDate> = fc
  .record({ year: fc.integer({ min: 2020, max: 2022 }), month: fc.integer({ min: 1, max: 12 }), day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }) })
  .map(({ year, month, day }) => (day === undefined ? { year, month } : { year, month, day }));

/** An article of up to five paragraphs, names anywhere in them. */
const shortArticleArb = (uri: string): fc.Arbitrary<ModelArticle> =>
  fc
    .record({
      date: dateArb,
      paragraphs: fc.integer({ min: 1, max: 5 }),
      mentions: fc.array(fc.record({ id: fc.constantFrom(...IDS), paragraph: fc.nat(4), offset: fc.nat(PARAGRAPH - 10) }), { maxLength: 10 }),
    })
    .map(({ date, paragraphs, mentions }) => ({
      info: { date, title: uri },
      paragraphs,
      mentions: mentions.map(({ id, paragraph, offset }) => ({ id, start: (paragraph % paragraphs) * PARAGRAPH + offset })).sort((x, y) => x.start - y.start),
    }));

/** A long article: names in more than 32 paragraphs (a name in each), which its pack keeps by a table of paragraph starts. */
const longArticleArb = (uri: string): fc.Arbitrary<ModelArticle> =>
  fc
    .integer({ min: 33, max: 40 })
    .chain((paragraphs) => fc.record({ date: dateArb, paragraphs: fc.constant(paragraphs), names: fc.array(fc.constantFrom(...IDS), { minLength: paragraphs, maxLength: paragraphs }), more: fc.array(fc.record({ id: fc.constantFrom(...IDS), paragraph: fc.nat(paragraphs - 1) }), { maxLength: 20 }) }))
    .map(({ date, paragraphs, names, more }) => ({
      info: { date, title: uri },
      paragraphs,
      mentions: [...names.map((id, paragraph) => ({ id, start: paragraph * PARAGRAPH })), ...more.map(({ id, paragraph }) => ({ id, start: paragraph * PARAGRAPH + 50 }))].sort((x, y) => x.start - y.start),
    }));

export const articleArb = (uri: string): fc.Arbitrary<ModelArticle> => fc.oneof({ weight: 5, arbitrary: shortArticleArb(uri) }, { weight: 1, arbitrary: longArticleArb(uri) });

export type Operation = { readonly uri: string; readonly article: ModelArticle } | { readonly uri: string; readonly article: undefined };

export const operationsArb: fc.Arbitrary<Operation[]> = fc.array(
  fc.constantFrom(...URIS).chain((uri) => fc.option(articleArb(uri), { nil: undefined, freq: 4 }).map((article) => ({ uri, article }))),
  { minLength: 1, maxLength: 30 },
);

export function toMentions(article: ModelArticle): EntityMention[] {
  return article.mentions.map(({ id, start }) => ({ start, end: start + 5, text: NAMES[id], type: 'person', entityId: id, canonical: NAMES[id], source: 'knowledgeBase' }));
}

export function paragraphStarts(article: ModelArticle): number[] {
  return Array.from({ length: article.paragraphs }, (_, p) => p * PARAGRAPH);
}

export function indexArticle(index: EntityIndex<Info>, uri: string, article: ModelArticle): void {
  index.set(uri, toMentions(article), article.info, paragraphStarts(article));
}

/** Applies the operations to an index and to the model (the articles as they stand after them). */
export function apply(index: EntityIndex<Info>, operations: readonly Operation[], model = new Map<string, ModelArticle>()): Map<string, ModelArticle> {
  for (const { uri, article } of operations) {
    if (article) {
      indexArticle(index, uri, article);
      model.set(uri, article);
    } else {
      index.delete(uri);
      model.delete(uri);
    }
  }
  return model;
}

/** An index of the model's articles, set in the given order of their URIs (by default without `newestFirst`: its answers must not differ). */
export function indexOf(model: ReadonlyMap<string, ModelArticle>, order: readonly string[], newestFirst = false): EntityIndex<Info> {
  const index = newIndex(newestFirst);
  for (const uri of order) {
    const article = model.get(uri);
    if (article) indexArticle(index, uri, article);
  }
  return index;
}

/** The paragraphs of an article that mention `id`. */
export function paragraphsOf(article: ModelArticle, id: string): Set<number> {
  return new Set(article.mentions.filter((m) => m.id === id).map((m) => Math.floor(m.start / PARAGRAPH)));
}

export function mentionCount(article: ModelArticle, id: string): number {
  return article.mentions.filter((m) => m.id === id).length;
}

export function monthOf(date: ArticleDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

export function dayOf(date: ArticleDate): string | undefined {
  return date.day === undefined ? undefined : `${monthOf(date)}-${String(date.day).padStart(2, '0')}`;
}
