/**
 * The messages between the extension host and the search worker (`searchWorker.ts`), which holds the
 * corpus's search index so that building it (tens of seconds at 100,000 articles), searching it and
 * copying it out to be saved do not hold the extension host. Requests are answered in the order they
 * are sent; `add`, `remove` and `clear` get no answer.
 */
import type { ArticleDate } from '../../core/article';
import type { ParsedQuery } from '../../core/search/query';
import type { SearchHit } from '../../core/search/searchIndex';
import type { SearchIndexState } from '../../core/search/searchIndexState';

export type SearchRequest =
  | { readonly type: 'add'; readonly key: string; readonly title: string; readonly text: string; readonly date: ArticleDate; readonly entityIds: readonly string[] }
  | { readonly type: 'remove'; readonly key: string }
  | { readonly type: 'clear' }
  | { readonly type: 'search'; readonly id: number; readonly query: ParsedQuery; readonly limit: number; readonly resolved: readonly (readonly [string, readonly string[]])[] }
  | { readonly type: 'export'; readonly id: number }
  | { readonly type: 'restore'; readonly id: number; readonly state: SearchIndexState };

export type SearchReply =
  | { readonly type: 'search'; readonly id: number; readonly hits: readonly SearchHit[]; readonly total: number; readonly terms: readonly string[] }
  | { readonly type: 'export'; readonly id: number; readonly state: SearchIndexState }
  /** `error` when the state did not add up (the index is then empty). */
  | { readonly type: 'restore'; readonly id: number; readonly error?: string }
  /** A request that threw: what it was, and why. */
  | { readonly type: 'failed'; readonly id: number | undefined; readonly message: string };
