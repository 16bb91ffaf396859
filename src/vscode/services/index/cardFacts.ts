import type { ArticleSummary } from '../../../core/corpus';
import type { CorpusIndexService } from './corpusIndexService';

/** Other articles a hover card links to, in the reader and in the editor. */
export const CARD_ARTICLES = 5;

/** What a hover card says of an entity across the corpus: the same in the reader's cards and the editor's. */
export interface CorpusCardFacts {
  readonly articles: number;
  readonly mentions: number;
  /** The newest other articles that name it (at most `CARD_ARTICLES`), still in the corpus. */
  readonly others: readonly { readonly uri: string; readonly summary: ArticleSummary }[];
  /** How many more articles name it than this one and `others`. */
  readonly more: number;
  /** How many quotes across the corpus it is the speaker of. */
  readonly quotes: number;
}

/** The corpus's facts about an entity for a card shown in the article `uri`; undefined while the index does not know it. */
export function corpusCardFacts(indexer: CorpusIndexService, entityId: string, uri: string): CorpusCardFacts | undefined {
  const index = indexer.entities;
  const entity = index.entity(entityId);
  if (!entity) return undefined;
  const others = indexer.newestMentioning(entityId, uri, CARD_ARTICLES);
  const more = Math.max(0, entity.articles - (index.has(uri) ? 1 : 0) - others.length);
  return { articles: entity.articles, mentions: entity.mentions, others, more, quotes: index.quoteCount(entityId) };
}
