/**
 * The messages between the extension host and the search worker (`searchWorker.ts`), which holds the
 * corpus's search index so that building it (tens of seconds at 100,000 articles), searching it and
 * copying it out to be saved do not hold the extension host. Requests are answered in the order they
 * are sent; `add`, `remove` and `clear` get no answer.
 */
import type { ArticleDate } from '../../../core/article';
import type { EntityIndexState } from '../../../core/entities/entityIndexState';
import type { SavedFile, SnapshotMeta } from '../../../core/persist/indexSnapshot';
import type { ParsedQuery } from '../../../core/search/query';
import type { SearchHit } from '../../../core/search/searchIndex';
import type { SearchIndexState } from '../../../core/search/searchIndexState';

/** The entity index's lists of strings, sent in parts: one message with hundreds of thousands of strings holds the thread that copies them in or out. */
export type EntityStrings = 'uris' | 'ids' | 'names' | 'quoteStrings';
/** The rest of the entity index's state: typed arrays, handed over whole. */
export type PackedEntities = Omit<EntityIndexState, EntityStrings>;

export type SearchRequest =
  /** `text` as UTF-8 bytes when the host passes on what the recognition worker read, handed over without the host decoding it. */
  | { readonly type: 'add'; readonly key: string; readonly title: string; readonly text: string | Uint8Array; readonly date: ArticleDate; readonly entityIds: readonly string[] }
  | { readonly type: 'remove'; readonly key: string }
  | { readonly type: 'clear' }
  /** `complete`: answered after every add sent before it; else at once, from what the index has taken in so far. */
  /** `sentAt`: when the host sent it, in ms since the epoch (`performance.timeOrigin + performance.now()`, a clock both threads share). */
  | { readonly type: 'search'; readonly id: number; readonly query: ParsedQuery; readonly limit: number; readonly resolved: readonly (readonly [string, readonly string[]])[]; readonly complete: boolean; readonly sentAt: number }
  | { readonly type: 'export'; readonly id: number }
  | { readonly type: 'restore'; readonly id: number; readonly state: SearchIndexState }
  /** The first step of a save: the search index as it is now (in the order of the adds before it) is kept for save `id`. */
  | { readonly type: 'holdSearch'; readonly id: number }
  /** The corpus's files and the entity index's strings for save `id`, in parts, in order (see `partsOf`). */
  | { readonly type: 'savePart'; readonly id: number; readonly part: IndexPart }
  /** The last step: the rest of the host's entity index; the worker encodes everything and writes `path`. */
  | { readonly type: 'save'; readonly id: number; readonly path: string; readonly meta: SnapshotMeta; readonly entities: PackedEntities }
  /** Reads the saved index at `path` (of build `buildId`), restores the search index from it, and holds the rest for `loadPart`. */
  | { readonly type: 'load'; readonly id: number; readonly path: string; readonly buildId: string }
  /**
   * Part `part` of what load `load` holds (its files, then its entity strings), asked one at a time: parts
   * sent all at once would be taken in by the host in one go, holding it for seconds at 100,000 articles.
   */
  | { readonly type: 'loadPart'; readonly id: number; readonly load: number; readonly part: number };

/** A part of what a save sends or a load takes back: some of the files, or some of an entity index's strings (in order). */
export type IndexPart = { readonly files: readonly SavedFile[] } | { readonly field: EntityStrings; readonly strings: readonly string[] };

/** Files in one part. */
const FILES_PER_PART = 2000;
/** Entity strings (article URIs, entity ids and names) in one part. */
const STRINGS_PER_PART = 20_000;

/** The files and the entity index's strings, in parts, in the order `addPart` takes them back. */
export function* partsOf(files: readonly SavedFile[], entities: Pick<EntityIndexState, EntityStrings>): Generator<IndexPart, void, undefined> {
  for (let at = 0; at < files.length; at += FILES_PER_PART) yield { files: files.slice(at, at + FILES_PER_PART) };
  for (const field of ['uris', 'ids', 'names', 'quoteStrings'] as const) {
    for (let at = 0; at < entities[field].length; at += STRINGS_PER_PART) yield { field, strings: entities[field].slice(at, at + STRINGS_PER_PART) };
  }
}

/** What parts put together make: the files and the entity strings. */
export interface IndexParts {
  readonly files: SavedFile[];
  readonly strings: Record<EntityStrings, string[]>;
}

export function noParts(): IndexParts {
  return { files: [], strings: { uris: [], ids: [], names: [], quoteStrings: [] } };
}

/** Adds a part to what was put together so far. */
export function addPart(into: IndexParts, part: IndexPart): void {
  if ('files' in part) for (const file of part.files) into.files.push(file);
  else for (const string of part.strings) into.strings[part.field].push(string);
}

/** What a load found: no file, one refused (why), or a usable one (the search index is restored by then). */
export type LoadOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'ok'; readonly meta: SnapshotMeta; readonly entities: PackedEntities; readonly bytes: number; readonly parts: number };

export type SearchReply =
  /** `receivedAt`, `answeredAt`: when the worker took the query up and answered it, on the clock of the request's `sentAt`. */
  | { readonly type: 'search'; readonly id: number; readonly hits: readonly SearchHit[]; readonly total: number; readonly terms: readonly string[]; readonly receivedAt?: number; readonly answeredAt?: number }
  | { readonly type: 'export'; readonly id: number; readonly state: SearchIndexState }
  /** `error` when the state did not add up (the index is then empty). */
  | { readonly type: 'restore'; readonly id: number; readonly error?: string }
  | { readonly type: 'saved'; readonly id: number; readonly bytes?: number; readonly refused?: string }
  | { readonly type: 'loadPart'; readonly id: number; readonly part: IndexPart }
  | { readonly type: 'loaded'; readonly id: number; readonly outcome: LoadOutcome }
  /** A request that threw: what it was, and why. */
  | { readonly type: 'failed'; readonly id: number | undefined; readonly message: string };
