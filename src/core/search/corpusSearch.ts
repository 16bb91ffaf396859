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

/** A query worked out as far as the entities go: what is left is one search of the index (`articleSearch`), which may run elsewhere. */
export interface CorpusSearchPlan {
  readonly query: ParsedQuery;
  readonly articleQuery: ParsedQuery;
  readonly entityIds: ReadonlySet<string>;
  readonly entities: readonly NamedEntity[];
  /** The index search to run, with each `@name` of its query resolved to entity ids; undefined when no article can match. */
  readonly articleSearch?: { readonly query: ParsedQuery; readonly limit: number; readonly resolved: ReadonlyMap<string, readonly string[]> };
}

/** Everything of a search but the index's part: entities by name, `type:` filters turned into entity filters, `@names` resolved. */
export function planCorpusSearch(raw: string, matcher: EntityMatcher, options: { limit: number; entityLimit: number }): CorpusSearchPlan {
  const query = parseQuery(raw);
  if (isEmptyQuery(query)) return { query, articleQuery: query, entityIds: new Set(), entities: [] };

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
    if (!text || entities.length === 0) return { query, articleQuery: query, entityIds: new Set(), entities };
    articleQuery = { ...query, words: [], lastWordOpen: false, entities: [...query.entities, `#${entities.map((entity) => entity.id).join('|')}`] };
  }
  const resolved = new Map(articleQuery.entities.map((name) => [name, resolve(name)]));
  return {
    query,
    articleQuery,
    entityIds: new Set([...resolved.values()].flat()),
    entities,
    articleSearch: { query: articleQuery, limit: options.limit, resolved },
  };
}

/** A search of the index for a plan's `articleSearch`, the `@names` answered from what the plan resolved. */
export function searchOptionsOf(resolved: ReadonlyMap<string, readonly string[]>, limit: number): { limit: number; resolveEntity: (name: string) => readonly string[] } {
  return { limit, resolveEntity: (name) => resolved.get(name) ?? [] };
}

export function searchCorpus(raw: string, index: SearchIndex, matcher: EntityMatcher, options: { limit: number; entityLimit: number }): CorpusSearch {
  const plan = planCorpusSearch(raw, matcher, options);
  const none: SearchResult = { hits: [], total: 0, terms: new Set() };
  const articles = plan.articleSearch ? index.search(plan.articleSearch.query, searchOptionsOf(plan.articleSearch.resolved, plan.articleSearch.limit)) : none;
  return { query: plan.query, articles, articleQuery: plan.articleQuery, entityIds: plan.entityIds, entities: plan.entities };
}
