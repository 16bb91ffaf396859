/**
 * The search index as arrays, for saving it between windows
 * (`SearchIndex.exportState`, `restoreState`), and the checks a saved one must
 * pass before it is used: a damaged file must not make a search read past an
 * array or name a document that is not there.
 */
import { SnapshotError, type SectionValue, type SnapshotSections } from '../persist/snapshotFile';
import { checkEncodedPostings } from './postingStore';

export interface SearchIndexState {
  /** Document keys (article URIs), by document number. */
  readonly keys: readonly string[];
  /** Words per document. */
  readonly lengths: Int32Array;
  readonly years: Int16Array;
  readonly months: Int8Array;
  /** The vocabulary (folded words, and `@entity` terms), by term number. */
  readonly terms: readonly string[];
  /** Term `t`'s postings are `postings[postingStarts[t] .. postingStarts[t + 1])`. */
  readonly postingStarts: Int32Array;
  /** The postings, encoded as `postingStore.ts` says. */
  readonly postings: Uint8Array;
  /** Per term, the document of its last posting (-1 for none). */
  readonly postingLast: Int32Array;
  /** Per term, how many postings it has. */
  readonly postingCounts: Int32Array;
  /** The term numbers of the vocabulary in sorted order (`@` terms left out), for prefixes. */
  readonly sortedTerms: Int32Array;
  /** Per trigram, the terms that have it (`trigramTerms[trigramStarts[g] .. trigramStarts[g + 1])`), for near spellings. */
  readonly trigramGrams: readonly string[];
  readonly trigramStarts: Int32Array;
  readonly trigramTerms: Int32Array;
}

/** A posting names its document in 23 bits (`document << 8`). */
const MAX_DOCUMENTS = 1 << 23;

/** The sections a search index is saved in, their names prefixed. */
export function searchStateSections(state: SearchIndexState, prefix = 'search.'): Record<string, SectionValue> {
  return {
    [`${prefix}keys`]: state.keys,
    [`${prefix}lengths`]: state.lengths,
    [`${prefix}years`]: state.years,
    [`${prefix}months`]: state.months,
    [`${prefix}terms`]: state.terms,
    [`${prefix}postingStarts`]: state.postingStarts,
    [`${prefix}postings`]: state.postings,
    [`${prefix}postingLast`]: state.postingLast,
    [`${prefix}postingCounts`]: state.postingCounts,
    [`${prefix}sortedTerms`]: state.sortedTerms,
    [`${prefix}trigramGrams`]: state.trigramGrams,
    [`${prefix}trigramStarts`]: state.trigramStarts,
    [`${prefix}trigramTerms`]: state.trigramTerms,
  };
}

/** A search index's state read back from its sections and checked; throws a `SnapshotError` if it does not add up. */
export function searchStateFromSections(sections: SnapshotSections, prefix = 'search.'): SearchIndexState {
  const state: SearchIndexState = {
    keys: sections.strings(`${prefix}keys`),
    lengths: sections.i32(`${prefix}lengths`),
    years: sections.i16(`${prefix}years`),
    months: sections.i8(`${prefix}months`),
    terms: sections.strings(`${prefix}terms`),
    postingStarts: sections.i32(`${prefix}postingStarts`),
    postings: sections.u8(`${prefix}postings`),
    postingLast: sections.i32(`${prefix}postingLast`),
    postingCounts: sections.i32(`${prefix}postingCounts`),
    sortedTerms: sections.i32(`${prefix}sortedTerms`),
    trigramGrams: sections.strings(`${prefix}trigramGrams`),
    trigramStarts: sections.i32(`${prefix}trigramStarts`),
    trigramTerms: sections.i32(`${prefix}trigramTerms`),
  };
  checkSearchIndexState(state);
  return state;
}

/**
 * Throws a `SnapshotError` unless every array fits the others, every term's postings fit the documents
 * (see `checkEncodedPostings`) and every sorted or trigram entry names a term. Keys and terms named twice are found as
 * `restoreState` files them.
 */
export function checkSearchIndexState(state: SearchIndexState): void {
  const docs = state.keys.length;
  const terms = state.terms.length;
  const { lengths, sortedTerms, trigramStarts, trigramTerms } = state;
  if (lengths.length !== docs || state.years.length !== docs || state.months.length !== docs) throw new SnapshotError('the search documents do not add up');
  if (docs > MAX_DOCUMENTS) throw new SnapshotError('the search index has more documents than a posting can name');
  if (state.postingLast.length !== terms || state.postingCounts.length !== terms) throw new SnapshotError('the search postings do not add up');
  try {
    checkEncodedPostings({ bytes: state.postings, starts: state.postingStarts, lastDocs: state.postingLast }, state.postingCounts, docs);
  } catch (error) {
    throw new SnapshotError(error instanceof Error ? error.message : String(error));
  }
  for (let doc = 0; doc < docs; doc++) if (lengths[doc] < 0) throw new SnapshotError('a search document has a negative length');
  for (let i = 0; i < sortedTerms.length; i++) if (sortedTerms[i] < 0 || sortedTerms[i] >= terms) throw new SnapshotError('the sorted search terms name no term');
  const grams = state.trigramGrams.length;
  if (trigramStarts.length !== grams + 1 || trigramStarts[0] !== 0 || trigramStarts[grams] !== trigramTerms.length) throw new SnapshotError('the search trigrams do not add up');
  for (let g = 0; g < grams; g++) if (trigramStarts[g + 1] < trigramStarts[g]) throw new SnapshotError('the search trigrams do not add up');
  for (let i = 0; i < trigramTerms.length; i++) if (trigramTerms[i] < 0 || trigramTerms[i] >= terms) throw new SnapshotError('a search trigram names no term');
}
