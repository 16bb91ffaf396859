/**
 * Corpus-wide search that stays fast at 100,000 articles. fuse.js cannot
 * scan that many texts per keystroke (seconds per query), so the work is
 * split as the measurements in the notes suggest:
 *
 * 1. Each query word is matched against the vocabulary (the corpus's
 *    distinct folded words): exactly, as a prefix (`diplom` → `diplomatisk`),
 *    and, for a word the corpus lacks, fuzzily: candidates sharing
 *    trigrams with it are ranked by fuse.js, which is good at exactly that
 *    (a few dozen short strings).
 * 2. The matching words' postings come from a compressed inverted index
 *    (see `postingStore.ts`: one or two bytes a posting), read out as one
 *    integer a posting (`document << 8 | min(tf, 127) << 1 | inTitle`).
 * 3. Documents are ranked by BM25 with a boost for headline hits; every
 *    word must match when any document has them all.
 *
 * Texts are not kept: snippets are made from the texts of the results shown
 * (see `snippet.ts`). Documents can be added, replaced and removed one at a
 * time; removed ones are skipped until the postings are compacted.
 */
import Fuse from 'fuse.js';
import type { ArticleDate } from '../article';
import { detach, foldForMatching, wordCharAt } from '../text';
import { type ParsedQuery, isEmptyQuery } from './query';
import { SnapshotError } from '../persist/snapshotFile';
import type { SearchIndexState } from './searchIndexState';
import { PostingStore } from './postingStore';
import { HASH_SEED, TermTable, finishHash, hashOf, hashStep, stringOfChars } from './termTable';

export interface SearchDocument {
  readonly title: string;
  readonly text: string;
  readonly date: ArticleDate;
  /** The ids of the entities it mentions, for `@name` filters. */
  readonly entityIds?: readonly string[];
}

export interface SearchHit {
  readonly key: string;
  readonly score: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** How many documents matched in all (before the limit). */
  readonly total: number;
  /** The folded words that matched, for snippets and highlighting. */
  readonly terms: ReadonlySet<string>;
}

export interface SearchOptions {
  /** Results wanted (default 50). */
  readonly limit?: number;
  /** The entity ids a `@name` stands for (all its names count); none: the filter matches nothing. */
  readonly resolveEntity?: (name: string) => readonly string[];
}

const K1 = 1.2;
const B = 0.75;
/** Added to a word's weight when it is in the headline. */
const TITLE_BOOST = 1.5;
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.6;
/** Prefix expansions per word, the most frequent first. */
const MAX_PREFIX_TERMS = 40;
/** Fuzzy candidates ranked by fuse.js per word. */
const MAX_FUZZY_CANDIDATES = 40;
const MIN_FUZZY_LENGTH = 4;
const ALWAYS_FUZZY_LENGTH = 6;
/** fuse.js scores up to this count as the same word spelled otherwise. */
const NEAR_SAME_SCORE = 0.12;
const MIN_PREFIX_LENGTH = 3;
const MAX_TF = 127;
const MAX_NEW_TERMS = 5000;
const RAW_CACHE_SIZE = 50_000;
/** Compact the postings when this share of the documents has been removed or replaced. */
const COMPACT_RATIO = 0.25;

export class SearchIndex {
  /** The vocabulary: terms by number, and numbers by term. */
  private termIds = new TermTable();
  private terms: string[] = this.termIds.terms;
  /** Per term, its postings, compressed. */
  private postings = new PostingStore();
  /** Whether the postings' merges wait for `work` (see `setMergesInSteps`). */
  private mergesInSteps = false;
  /** A term's postings read out for a search (as long as the longest list read yet). */
  private listScratch = new Int32Array(1024);
  /** Documents containing each term (removed ones too, until the next compaction). */
  private df = new Int32Array(1024);
  private readonly docIds = new Map<string, number>();
  private keys: (string | undefined)[] = [];
  private lengths = new Int32Array(1024);
  private years = new Int16Array(1024);
  private months = new Int8Array(1024);
  private alive = new Uint8Array(1024);
  private liveDocs = 0;
  private deadDocs = 0;
  private totalLength = 0;
  /**
   * Words as written → their terms, for words `foldForMatching` must fold (a letter other than a-z
   * and æøå, a mark): the commonest spellings are looked up once, not folded every time. Words
   * of ASCII letters and digits and æøå are folded as they are read (see `addText`).
   */
  private readonly rawTerms = new Map<string, number>();
  /**
   * Per term, its count in the document being added and whether it is in the headline
   * (`count << 1 | inTitle`, 0: not in it): as long as the vocabulary.
   */
  private tfScratch = new Int32Array(1024);
  /** The terms of the document being added, in the order first seen. */
  private docTerms = new Int32Array(1024);
  private docTermCount = 0;
  /** A word's folded characters. */
  private wordScratch = new Uint16Array(64);
  private gramScratch = new Uint8Array(0);
  private sortedTerms: string[] | undefined;
  /** Words added since `sortedTerms` was made. */
  private newTerms: string[] = [];
  /** Per trigram, the terms that have it: lists restored from a saved state stay typed arrays until a term is added to them. */
  private trigrams: Map<string, number[] | Int32Array> | undefined;
  private trigramTerms = 0;
  /**
   * Per document, its score so far and the words it matched, side by side (`2 * doc`, `2 * doc + 1`: one
   * memory access for both; at a million articles the search waits on memory more than it computes).
   */
  private scores = new Float32Array(0);
  private masks = new Uint32Array(0);
  private wordScores = new Float32Array(0);
  /** Per document, BM25's length normalisation (-1 for a removed document), made for `normsMadeFor`. */
  private norms = new Float32Array(0);
  private normsMadeFor = -1;
  /** Changed whenever a document is added or removed (the norms depend on the average length). */
  private docsVersion = 0;
  private touched = new Int32Array(0);
  private wordTouched = new Int32Array(0);

  get size(): number {
    return this.liveDocs;
  }

  /** Distinct words in the index. */
  get vocabularySize(): number {
    return this.terms.length;
  }

  has(key: string): boolean {
    return this.docIds.has(key);
  }

  /** Adds a document, or replaces the one with the same key. */
  add(key: string, document: SearchDocument): void {
    this.remove(key);
    const doc = this.keys.length;
    this.keys.push(key);
    this.docIds.set(key, doc);
    this.growDocs(doc + 1);

    // Term frequencies in scratch arrays indexed by term (no map per document).
    this.docTermCount = 0;
    const length = this.addText(document.title, 1) + this.addText(document.text, 0);
    for (const id of new Set(document.entityIds ?? [])) {
      const term = this.termId(`@${id}`);
      if (this.tfScratch[term] === 0) this.count(term, 0);
    }
    const terms = this.docTerms;
    for (let i = 0; i < this.docTermCount; i++) {
      const term = terms[i];
      const counted = this.tfScratch[term];
      this.postings.push(term, (doc << 8) | (Math.min(counted >>> 1, MAX_TF) << 1) | (counted & 1));
      this.df[term]++;
      this.tfScratch[term] = 0;
    }
    this.docTermCount = 0;
    this.postings.sealIfFull();
    this.lengths[doc] = length;
    this.years[doc] = document.date.year;
    this.months[doc] = document.date.month;
    this.alive[doc] = 1;
    this.liveDocs++;
    this.docsVersion++;
    this.totalLength += length;
  }

  /**
   * Lets the postings' merges wait for `work` instead of being made in the `add` that seals a segment: for
   * the search worker, which answers queries between slices of work (a seal's merges at 100,000 articles
   * held it a quarter of a second and more).
   */
  setMergesInSteps(on: boolean): void {
    this.mergesInSteps = on;
    this.postings.mergesInSteps = on;
  }

  /** Whether merges wait to be made. */
  get hasWork(): boolean {
    return this.postings.hasWork;
  }

  /** Makes waiting merges until `due()` says to stop; whether some are left. */
  work(due: () => boolean): boolean {
    return this.postings.work(due);
  }

  private usePostings(store: PostingStore): void {
    store.mergesInSteps = this.mergesInSteps;
    this.postings = store;
  }

  /** Removes every document and word. */
  clear(): void {
    this.restoreState(new SearchIndex().exportState());
  }

  /** Removes a document; whether it was there. */
  remove(key: string): boolean {
    const doc = this.docIds.get(key);
    if (doc === undefined) return false;
    this.docIds.delete(key);
    this.keys[doc] = undefined;
    this.alive[doc] = 0;
    this.liveDocs--;
    this.docsVersion++;
    this.deadDocs++;
    this.totalLength -= this.lengths[doc];
    // Its postings stay (skipped as dead) until the next compaction, and so does its share of the
    // document frequencies: the weights drift a little, no more, in between.
    if (this.deadDocs > 64 && this.deadDocs > COMPACT_RATIO * (this.liveDocs + this.deadDocs)) this.compact();
    return true;
  }

  /**
   * Everything the index holds, compacted (removed documents gone, documents numbered from 0), as arrays
   * to save: `restoreState` makes the same index from them. The arrays are copies, except the encoded
   * postings, which the index keeps and never changes (new postings go beside them).
   */
  exportState(): SearchIndexState {
    if (this.deadDocs > 0) this.compact();
    const docs = this.keys.length;
    const termCount = this.terms.length;
    const encoded = this.postings.encodeAll();
    // The sorted vocabulary and the trigrams, which the first prefix or fuzzy query would otherwise make
    // (most of a second at 100,000 articles): saved made.
    const sorted = this.sortedVocabulary();
    const sortedTerms = new Int32Array(sorted.length);
    sorted.forEach((term, i) => (sortedTerms[i] = this.termIds.get(term) as number));
    const trigrams = this.trigramIndex();
    const trigramGrams = [...trigrams.keys()];
    const trigramStarts = new Int32Array(trigramGrams.length + 1);
    let gramTotal = 0;
    trigramGrams.forEach((gram, i) => {
      trigramStarts[i] = gramTotal;
      gramTotal += (trigrams.get(gram) as ArrayLike<number>).length;
    });
    trigramStarts[trigramGrams.length] = gramTotal;
    const trigramTerms = new Int32Array(gramTotal);
    trigramGrams.forEach((gram, i) => trigramTerms.set(trigrams.get(gram) as ArrayLike<number>, trigramStarts[i]));
    return {
      keys: this.keys.slice() as string[],
      lengths: this.lengths.slice(0, docs),
      years: this.years.slice(0, docs),
      months: this.months.slice(0, docs),
      terms: [...this.terms],
      postingStarts: encoded.starts,
      postings: encoded.bytes,
      postingLast: encoded.lastDocs,
      postingCounts: this.df.slice(0, termCount),
      sortedTerms,
      trigramGrams,
      trigramStarts,
      trigramTerms,
    };
  }

  /**
   * Replaces what the index holds with a saved state (checked by `checkSearchIndexState` first). The
   * arrays are used as they are, not copied: the postings stay in `state.postings`, and new ones go
   * beside them.
   */
  restoreState(state: SearchIndexState): void {
    const docs = state.keys.length;
    const termCount = state.terms.length;
    this.termIds = new TermTable(termCount);
    this.terms = this.termIds.terms;
    this.usePostings(PostingStore.restored({ bytes: state.postings, starts: state.postingStarts, lastDocs: state.postingLast }));
    const capacity = Math.max(1024, termCount);
    this.df = new Int32Array(capacity);
    this.df.set(state.postingCounts);
    if (this.tfScratch.length < capacity) this.tfScratch = new Int32Array(capacity);
    for (let term = 0; term < termCount; term++) {
      const text = state.terms[term];
      if (this.termIds.add(text, hashOf(text)) !== term) throw new SnapshotError('a search term is there twice');
    }
    this.docIds.clear();
    this.keys = [...state.keys];
    const docCapacity = Math.max(1024, docs);
    this.lengths = new Int32Array(docCapacity);
    this.lengths.set(state.lengths);
    this.years = new Int16Array(docCapacity);
    this.years.set(state.years);
    this.months = new Int8Array(docCapacity);
    this.months.set(state.months);
    this.alive = new Uint8Array(docCapacity);
    this.alive.fill(1, 0, docs);
    this.totalLength = 0;
    for (let doc = 0; doc < docs; doc++) {
      this.docIds.set(state.keys[doc], doc);
      this.totalLength += state.lengths[doc];
    }
    if (this.docIds.size !== docs) throw new SnapshotError('a search document is there twice');
    this.liveDocs = docs;
    this.deadDocs = 0;
    this.rawTerms.clear();
    this.sortedTerms = Array.from(state.sortedTerms, (term) => this.terms[term]);
    this.newTerms = [];
    this.trigrams = new Map();
    for (let i = 0; i < state.trigramGrams.length; i++) {
      this.trigrams.set(state.trigramGrams[i], state.trigramTerms.subarray(state.trigramStarts[i], state.trigramStarts[i + 1]));
    }
    this.trigramTerms = termCount;
    this.scores = new Float32Array(0);
    this.wordScores = new Float32Array(0);
    this.masks = new Uint32Array(0);
    this.norms = new Float32Array(0);
    this.docsVersion++;
    this.touched = new Int32Array(0);
    this.wordTouched = new Int32Array(0);
  }

  search(query: ParsedQuery, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 50;
    const terms = new Set<string>();
    if (isEmptyQuery(query) || this.liveDocs === 0) return { hits: [], total: 0, terms };

    // Filters first: they decide which documents count at all.
    const allowed = this.filter(query, options);
    if (allowed && allowed.size === 0) return { hits: [], total: 0, terms };

    // Each word (and each word of each phrase) with the terms it stands for; per document, the best
    // of a word's expansions counts (not their sum), and the words' scores add up.
    const words = [...query.words, ...query.phrases.flat()];
    const wordCount = Math.min(words.length, 32);
    this.ensureScratch();
    // The documents any word matched, and those the current word matched: scratch arrays as long as the documents.
    const touched = this.touched;
    let touchedCount = 0;
    const wordTouched = this.wordTouched;
    const norms = this.normsNow();
    const { scores, wordScores, masks } = this;
    for (let w = 0; w < wordCount; w++) {
      const open = query.lastWordOpen && w === query.words.length - 1;
      const bit = 1 << w;
      const expansions = this.expand(words[w], open);
      // A word that stands for one term scores straight into the documents' sums; else the best of its terms counts.
      const direct = expansions.length === 1;
      let wordTouchedCount = 0;
      for (const { term, weight } of expansions) {
        terms.add(this.terms[term]);
        const idf = Math.log(1 + (this.liveDocs - Math.min(this.df[term], this.liveDocs) + 0.5) / (this.df[term] + 0.5));
        const tfFactor = weight * idf * (K1 + 1);
        const titleBonus = weight * TITLE_BOOST * idf;
        const list = this.listOf(term);
        const length = this.postings.read(term, list);
        for (let i = 0; i < length; i++) {
          const posting = list[i];
          const doc = posting >>> 8;
          const norm = norms[doc];
          if (!(norm >= 0) || (allowed && !allowed.has(doc))) continue;
          const tf = (posting >>> 1) & MAX_TF;
          const score = (tfFactor * tf) / (tf + norm) + (posting & 1 ? titleBonus : 0);
          if (direct) {
            const at = 2 * doc;
            if (masks[at + 1] === 0) touched[touchedCount++] = doc;
            masks[at + 1] |= bit;
            scores[at] += score;
          } else {
            if (wordScores[doc] === 0) wordTouched[wordTouchedCount++] = doc;
            if (score > wordScores[doc]) wordScores[doc] = score;
          }
        }
      }
      for (let i = 0; i < wordTouchedCount; i++) {
        const doc = wordTouched[i];
        const at = 2 * doc;
        if (masks[at + 1] === 0) touched[touchedCount++] = doc;
        masks[at + 1] |= bit;
        scores[at] += wordScores[doc];
        wordScores[doc] = 0;
      }
    }

    let hits: { doc: number; score: number }[];
    let total: number;
    if (wordCount === 0) {
      // Only filters: every allowed document, newest first.
      hits = [...(allowed ?? [])].map((doc) => ({ doc, score: 0 }));
      total = hits.length;
    } else {
      // Every word must match when some document has them all; else the most words win.
      let most = 0;
      for (let i = 0; i < touchedCount; i++) most = Math.max(most, popcount(masks[2 * touched[i] + 1]));
      const top = new TopK<{ doc: number; score: number }>(limit, (a, b) => this.compareHits(a, b));
      total = 0;
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i];
        if (popcount(masks[2 * doc + 1]) !== most) continue;
        total++;
        // Most documents of a frequent word cannot be among the best: they are not made into hits.
        const score = scores[2 * doc];
        const worst = top.worst;
        if (worst && score < worst.score) continue;
        top.offer({ doc, score });
      }
      hits = top.sorted();
    }
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      scores[2 * doc] = 0;
      masks[2 * doc + 1] = 0;
    }
    if (wordCount === 0) hits.sort((a, b) => this.compareHits(a, b));
    return {
      hits: hits.slice(0, limit).map(({ doc, score }) => ({ key: this.keys[doc] as string, score })),
      total,
      terms,
    };
  }

  /** Better first: higher score, then newer, then indexed earlier. */
  private compareHits(a: { doc: number; score: number }, b: { doc: number; score: number }): number {
    return b.score - a.score || this.years[b.doc] * 12 + this.months[b.doc] - (this.years[a.doc] * 12 + this.months[a.doc]) || a.doc - b.doc;
  }

  /** The documents the filters allow, or undefined for all. */
  private filter(query: ParsedQuery, options: SearchOptions): Set<number> | undefined {
    let allowed: Set<number> | undefined;
    const intersect = (docs: Set<number>) => {
      allowed = allowed ? new Set([...allowed].filter((doc) => docs.has(doc))) : docs;
    };
    for (const name of query.entities) {
      const docs = new Set<number>();
      for (const id of options.resolveEntity?.(name) ?? []) {
        const term = this.termIds.get(`@${id}`);
        if (term === undefined) continue;
        const list = this.listOf(term);
        const length = this.postings.read(term, list);
        for (let i = 0; i < length; i++) {
          const doc = list[i] >>> 8;
          if (this.alive[doc]) docs.add(doc);
        }
      }
      intersect(docs);
    }
    if (query.dates.length) {
      const docs = new Set<number>();
      const candidates = allowed ?? this.docIds.values();
      for (const doc of candidates) {
        if (query.dates.some((date) => this.years[doc] === date.year && (date.month === undefined || this.months[doc] === date.month))) docs.add(doc);
      }
      allowed = docs;
    }
    return allowed;
  }

  /** The terms a query word stands for, with weights: itself, words it begins, and near spellings when it is not in the corpus. */
  private expand(word: string, open: boolean): { term: number; weight: number }[] {
    const result: { term: number; weight: number; score?: number }[] = [];
    const exact = this.termIds.get(word);
    if (exact !== undefined && this.df[exact] > 0) result.push({ term: exact, weight: 1 });
    if (word.length >= MIN_PREFIX_LENGTH || (open && word.length >= 2)) {
      for (const term of this.prefixTerms(word)) if (term !== exact) result.push({ term, weight: PREFIX_WEIGHT });
    }
    // Near spellings: for a word the corpus lacks, and for long words always (`Zelenskyj` ~ `Zelensky`).
    if ((result.length === 0 && word.length >= MIN_FUZZY_LENGTH) || word.length >= ALWAYS_FUZZY_LENGTH) {
      const have = new Set(result.map((r) => r.term));
      // Beside words the corpus has, only spellings that are nearly the same (not `operasjoner` for `sanksjoner`).
      const maxScore = result.length ? NEAR_SAME_SCORE : 1;
      for (const near of this.fuzzyTerms(word)) if (!have.has(near.term) && near.score <= maxScore) result.push(near);
    }
    return result;
  }

  /** Terms that begin with `prefix`, the most frequent first. */
  private prefixTerms(prefix: string): number[] {
    // New words wait in a short list, merged into the sorted vocabulary only when it grows long:
    // re-sorting the whole vocabulary per new word cost hundreds of milliseconds per query.
    const sorted = this.newTerms.length > MAX_NEW_TERMS ? this.sortedVocabulary() : (this.sortedTerms ?? this.sortedVocabulary());
    const found: number[] = [];
    for (const term of this.newTerms) {
      const id = this.termIds.get(term) as number;
      if (term.startsWith(prefix) && this.df[id] > 0) found.push(id);
    }
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) {
      const term = this.termIds.get(sorted[i]) as number;
      if (this.df[term] > 0) found.push(term);
    }
    return found.sort((a, b) => this.df[b] - this.df[a]).slice(0, MAX_PREFIX_TERMS);
  }

  /** The vocabulary (without `@` terms) sorted, made again with the words added since it was last made. */
  private sortedVocabulary(): string[] {
    if (!this.sortedTerms || this.newTerms.length > 0) {
      this.sortedTerms = this.terms.filter((term) => !term.startsWith('@')).sort();
      this.newTerms = [];
    }
    return this.sortedTerms;
  }

  /**
   * Near spellings of a word the corpus lacks: terms sharing enough of its
   * trigrams are candidates, and fuse.js ranks them (`Stoltenbrg` →
   * `stoltenberg`, `hviterusland` → `hviterussland`).
   */
  private fuzzyTerms(word: string): { term: number; weight: number; score: number }[] {
    const index = this.trigramIndex();
    const grams = trigramsOf(word);
    // Shared trigrams counted in a scratch array indexed by term (a large vocabulary has long trigram lists).
    if (this.gramScratch.length < this.terms.length) this.gramScratch = new Uint8Array(this.terms.length * 2);
    const counts = this.gramScratch;
    const seen: number[] = [];
    for (const gram of new Set(grams)) {
      for (const term of index.get(gram) ?? []) {
        if (counts[term] === 0) seen.push(term);
        if (counts[term] < 255) counts[term]++;
      }
    }
    const needed = Math.max(2, Math.ceil(grams.length / 2));
    const close: { term: number; count: number }[] = [];
    for (const term of seen) {
      if (counts[term] >= needed && this.df[term] > 0 && Math.abs(this.terms[term].length - word.length) <= 3) close.push({ term, count: counts[term] });
      counts[term] = 0;
    }
    const candidates = close
      .sort((a, b) => b.count - a.count)
      .slice(0, MAX_FUZZY_CANDIDATES)
      .map(({ term }) => term);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((term) => this.terms[term]),
      { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true },
    );
    return fuse
      .search(word)
      .slice(0, 5)
      .map((match) => ({ term: candidates[match.refIndex], weight: FUZZY_WEIGHT * (1 - (match.score ?? 0)), score: match.score ?? 0 }));
  }

  /** Trigrams of the vocabulary (made when first needed, then kept up as words are added). */
  private trigramIndex(): Map<string, number[] | Int32Array> {
    this.trigrams ??= new Map();
    for (; this.trigramTerms < this.terms.length; this.trigramTerms++) {
      const term = this.terms[this.trigramTerms];
      if (term.startsWith('@') || term.length < MIN_FUZZY_LENGTH - 1) continue;
      for (const gram of new Set(trigramsOf(term))) {
        const list = this.trigrams.get(gram);
        if (Array.isArray(list)) list.push(this.trigramTerms);
        else this.trigrams.set(gram, list ? [...list, this.trigramTerms] : [this.trigramTerms]);
      }
    }
    return this.trigrams;
  }

  /**
   * Counts the words of `text` into the document being added (`title`: 1 for the headline, else 0);
   * how many there were. The words are those of `forEachWord`, and their terms those of
   * `foldForMatching`: a word of ASCII letters and digits and æøå (nearly all) is folded and hashed
   * as it is read and looked up by its characters, without a string made for it.
   */
  private addText(text: string, title: number): number {
    const end = text.length;
    let words = 0;
    let i = 0;
    while (i < end) {
      let code = text.charCodeAt(i);
      if (code < 128 ? PLAIN_FOLD[code] === 0 : wordCharAt(text, i) === 0) {
        i++;
        continue;
      }
      // A word: where it ends, and, while its characters are plain, its folded characters and their hash.
      // foldForMatching: lower case; aa, ae, å, æ → a; oe, ø → o (the pairs from the left, not overlapping).
      const start = i;
      let plain = true;
      let chars = this.wordScratch;
      let length = 0;
      let hash = HASH_SEED;
      for (;;) {
        let folded = code < 256 ? PLAIN_FOLD[code] : 0;
        if (folded !== 0) {
          if (folded === FOLDS_TO_A) folded = 97;
          else if (folded === FOLDS_TO_O) folded = 111;
          else if (folded === 97 || folded === 111) {
            // The second of a pair is plain, so in the word (NaN past the end is not below 256).
            const next = text.charCodeAt(i + 1);
            if (next < 256 && (PLAIN_FOLD[next] === 101 || (folded === 97 && PLAIN_FOLD[next] === 97))) i++;
          }
          if (length === chars.length) chars = this.wordScratch = growChars(chars);
          chars[length++] = folded;
          hash = hashStep(hash, folded);
          i++;
        } else if (code < 128) break;
        else {
          const width = wordCharAt(text, i);
          if (width === 0) break;
          plain = false;
          i += width;
        }
        if (i >= end) break;
        code = text.charCodeAt(i);
      }
      let term: number;
      if (plain) {
        hash = finishHash(hash);
        term = this.termIds.findChars(chars, length, hash);
        if (term < 0) term = this.newTerm(stringOfChars(chars, length), hash);
      } else {
        const raw = text.slice(start, i);
        const known = this.rawTerms.get(raw);
        if (known === undefined) {
          term = this.termId(fold(raw));
          // The first spellings seen are the common ones: they are kept, the long tail is folded each time.
          if (this.rawTerms.size < RAW_CACHE_SIZE) this.rawTerms.set(raw.length < 13 ? raw : detach(raw), term);
        } else term = known;
      }
      const counted = this.tfScratch[term];
      if (counted === 0) this.count(term, title);
      else this.tfScratch[term] = (counted + 2) | title;
      words++;
    }
    return words;
  }

  /** Counts a term the document being added had not had yet. */
  private count(term: number, title: number): void {
    if (this.docTermCount === this.docTerms.length) this.docTerms = grow(this.docTerms, this.docTermCount + 1);
    this.docTerms[this.docTermCount++] = term;
    this.tfScratch[term] = 2 | title;
  }

  private termId(term: string): number {
    const hash = hashOf(term);
    const id = this.termIds.find(term, hash);
    // A new word is kept for good: detached from the text it was cut from.
    return id < 0 ? this.newTerm(detach(term), hash) : id;
  }

  /** Adds a term not in the vocabulary (a string of its own); its number. */
  private newTerm(term: string, hash: number): number {
    const id = this.termIds.add(term, hash);
    this.postings.addList();
    if (id >= this.df.length) this.df = grow(this.df, id + 1);
    if (id >= this.tfScratch.length) this.tfScratch = grow(this.tfScratch, id + 1);
    if (this.sortedTerms && !term.startsWith('@')) this.newTerms.push(term);
    return id;
  }

  private growDocs(size: number): void {
    if (size <= this.alive.length) return;
    this.lengths = grow(this.lengths, size);
    this.years = grow(this.years, size);
    this.months = grow(this.months, size);
    this.alive = grow(this.alive, size);
  }

  /**
   * Per document, `K1 * (1 - B + B * length / averageLength)`, or -1 for one removed: made again when documents
   * came or went since it was last made (a few milliseconds at a million articles).
   */
  private normsNow(): Float32Array {
    if (this.normsMadeFor === this.docsVersion && this.norms.length >= this.keys.length) return this.norms;
    if (this.norms.length < this.alive.length) this.norms = new Float32Array(this.alive.length);
    const avgLength = this.totalLength / Math.max(1, this.liveDocs);
    const base = K1 * (1 - B);
    const factor = (K1 * B) / avgLength;
    const { norms, alive, lengths } = this;
    const docs = this.keys.length;
    for (let doc = 0; doc < docs; doc++) norms[doc] = alive[doc] ? base + factor * lengths[doc] : -1;
    norms.fill(-1, docs);
    this.normsMadeFor = this.docsVersion;
    return norms;
  }

  /** Room for `term`'s postings. */
  private listOf(term: number): Int32Array {
    const needed = this.df[term];
    if (this.listScratch.length < needed) this.listScratch = new Int32Array(1 << (32 - Math.clz32(needed)));
    return this.listScratch;
  }

  private ensureScratch(): void {
    if (this.wordScores.length < this.keys.length) {
      const pairs = new ArrayBuffer(8 * this.alive.length);
      this.scores = new Float32Array(pairs);
      this.masks = new Uint32Array(pairs);
      this.wordScores = new Float32Array(this.alive.length);
      this.touched = new Int32Array(this.alive.length);
      this.wordTouched = new Int32Array(this.alive.length);
    }
  }

  /** Drops the postings of removed documents and renumbers the rest. */
  private compact(): void {
    const renumber = new Int32Array(this.keys.length).fill(-1);
    const keys: string[] = [];
    for (let doc = 0; doc < this.keys.length; doc++) {
      if (!this.alive[doc]) continue;
      renumber[doc] = keys.length;
      const next = keys.length;
      keys.push(this.keys[doc] as string);
      this.lengths[next] = this.lengths[doc];
      this.years[next] = this.years[doc];
      this.months[next] = this.months[doc];
      this.alive[next] = 1;
      this.docIds.set(keys[next], next);
    }
    this.alive.fill(0, keys.length);
    const old = this.postings;
    const rebuilt = PostingStore.rebuilt(this.terms.length, (term) => {
      const list = this.listOf(term);
      const length = old.read(term, list);
      let kept = 0;
      for (let i = 0; i < length; i++) {
        const posting = list[i];
        const doc = renumber[posting >>> 8];
        if (doc < 0) continue;
        list[kept++] = (doc << 8) | (posting & 0xff);
      }
      this.df[term] = kept;
      return { list, length: kept };
    });
    this.usePostings(rebuilt);
    this.keys = keys;
    this.docsVersion++;
    this.deadDocs = 0;
  }
}

function growChars(chars: Uint16Array<ArrayBuffer>): Uint16Array<ArrayBuffer> {
  const bigger = new Uint16Array(2 * chars.length);
  bigger.set(chars);
  return bigger;
}

function grow<T extends Int32Array | Int16Array | Int8Array | Uint8Array>(array: T, size: number): T {
  let length = array.length;
  while (length < size) length *= 2;
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** `foldForMatching`, with a fast path for the common case: plain lower-case ASCII with nothing to fold. */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return PLAIN.test(lower) && !FOLDED_PAIRS.test(lower) ? lower : foldForMatching(word);
}

const PLAIN = /^[a-z0-9]*$/;
const FOLDED_PAIRS = /aa|ae|oe/;

/** In `PLAIN_FOLD`: the letter folds to `a` at once (å, æ), or to `o` (ø), whatever follows. */
const FOLDS_TO_A = 1;
const FOLDS_TO_O = 2;
/**
 * Per code unit below 256, for the plain characters of words (ASCII letters and digits, æ, ø, å in
 * either case): its lower case, or `FOLDS_TO_A` or `FOLDS_TO_O`; 0 for any other.
 */
const PLAIN_FOLD = (() => {
  const table = new Uint8Array(256);
  for (let code = 48; code <= 57; code++) table[code] = code;
  for (let code = 97; code <= 122; code++) table[code] = table[code - 32] = code;
  for (const letter of 'åæÅÆ') table[letter.charCodeAt(0)] = FOLDS_TO_A;
  for (const letter of 'øØ') table[letter.charCodeAt(0)] = FOLDS_TO_O;
  return table;
})();

function trigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

/** The best `k` items offered, kept in a binary heap with the worst on top: O(n log k), not a sort of all n. */
class TopK<T> {
  private readonly heap: T[] = [];

  /** `compare(a, b) < 0` when `a` is better. */
  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (this.k > 0 && this.compare(item, heap[0]) < 0) {
      heap[0] = item;
      this.down(0);
    }
  }

  /** The worst item kept, once `k` are: an item no better cannot come in. */
  get worst(): T | undefined {
    return this.heap.length === this.k ? this.heap[0] : undefined;
  }

  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }

  /** The worst item is at the root: a parent is never better than its children. */
  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i], heap[parent]) <= 0) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && this.compare(heap[left], heap[worst]) > 0) worst = left;
      if (right < heap.length && this.compare(heap[right], heap[worst]) > 0) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }
}
