/**
 * One search of the corpus, as the quick pick and the CLI run it: the
 * articles (from the search index) and the entities (by name) a query asks
 * for. `type:` filters speak of entities: alone they list the most widely
 * mentioned entities of the type; with words, the entities of that type
 * whose names match, and the articles that mention them.
 */
import type { EntityMatcher, NamedEntity } from './entityMatcher';
import { type ParsedQuery, isEmptyQuery, parseQuery } from './query';
import type { SearchIndex, SearchResult } from './searchIndex';

export interface CorpusSearch {
  readonly query: ParsedQuery;
  /** Articles, best first; empty for an empty query or a type filter alone. */
  readonly articles: SearchResult;
  /** The query the articles were searched with (a type filter's entities turned into an entity filter). */
  readonly articleQuery: ParsedQuery;
  /** The entities whose mentions make an article match (from `@name` and `type:` filters), for snippets. */
  readonly entityIds: ReadonlySet<string>;
  /** Entities as results of their own, best first. */
  readonly entities: readonly NamedEntity[];
}

/** Entity names scoring above this (fuse.js, 0 best) are not offered as results. */
const ENTITY_RESULT_SCORE = 0.3;

export function searchCorpus(raw: string, index: SearchIndex, matcher: EntityMatcher, options: { limit: number; entityLimit: number }): CorpusSearch {
  const query = parseQuery(raw);
  const none: SearchResult = { hits: [], total: 0, terms: new Set() };
  if (isEmptyQuery(query)) return { query, articles: none, articleQuery: query, entityIds: new Set(), entities: [] };

  const type = query.types[0];
  const text = query.words.join(' ');
  const entities =
    text || type
      ? text
        ? matcher
            .search(text, { type, limit: options.entityLimit })
            .filter((match) => match.score <= ENTITY_RESULT_SCORE)
            .map((match) => match.entity)
        : matcher.top(type, options.entityLimit)
      : [];
  // `#a|b` stands for any of those entities (a name typed after `@` never starts with `#`).
  const resolve = (name: string): string[] => (name.startsWith('#') ? name.slice(1).split('|') : matcher.resolve(name));
  let articleQuery = query;
  if (type) {
    // A type filter's words name entities: the articles are those that mention one of them.
    if (!text || entities.length === 0) return { query, articles: none, articleQuery: query, entityIds: new Set(), entities };
    articleQuery = { ...query, words: [], lastWordOpen: false, entities: [...query.entities, `#${entities.map((entity) => entity.id).join('|')}`] };
  }
  const articles = index.search(articleQuery, { limit: options.limit, resolveEntity: resolve });
  return { query, articles, articleQuery, entityIds: new Set(articleQuery.entities.flatMap(resolve)), entities };
}
