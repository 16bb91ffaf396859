/**
 * The search index's postings, compressed, so that a million articles fit a
 * worker's heap: 232 million postings at 1,000,000 articles of the realistic
 * corpus, 929 MB as one 32-bit number each, take about 370 MB here.
 *
 * A posting is `document << 8 | min(tf, 127) << 1 | inTitle` (see
 * `searchIndex.ts`). New postings go to growable lists of such numbers
 * (`PostingLists`, the active part). When those hold `SEAL_POSTINGS`, they
 * are sealed: encoded into a segment, one byte array with every term's
 * postings one after another, and the active part starts empty. In a
 * segment, a posting is a variable-length number (7 bits a byte, the high bit
 * set on all but the last byte): the distance from the previous posting's
 * document (from -1 for the first) shifted left by one, its low bit set when
 * a byte `tf << 1 | inTitle` follows, which it does unless the word occurs
 * once and not in the headline. Most postings take one or two bytes.
 *
 * Documents are numbered in the order they are added and a document's
 * postings all come at once, so every segment holds later documents than the
 * one before it, and a term's postings are those of each segment in turn,
 * then the active part's. Two segments of about the same size are merged
 * (their bytes copied term by term; only the first posting of the later one
 * is encoded again), so that there are few, up to `MAX_MERGED_BYTES`, which
 * bounds the memory a merge needs besides the segments themselves.
 */
import { PostingLists } from './postingLists';

/** Active postings sealed into a segment at once (about 8 MB of numbers, 3 MB encoded). */
const SEAL_POSTINGS = 2_000_000;
/** Segments are merged up to this size; larger ones stay as they are. */
const MAX_MERGED_BYTES = 64 * 1024 * 1024;
const TF_MASK = 0xff;
const PLAIN = 2; // tf 1, not in the headline: `1 << 1 | 0`

/** Postings encoded one term after another: term `t`'s are `bytes[starts[t] .. starts[t + 1])`. */
export interface EncodedPostings {
  readonly bytes: Uint8Array;
  /** One more than the terms it has room for; later terms have none here. */
  readonly starts: Int32Array;
  /** Per term, the document of its last posting here, -1 for none. */
  readonly lastDocs: Int32Array;
}

export interface PostingStoreLimits {
  /** Active postings sealed into a segment at once. */
  readonly sealPostings: number;
  /** Segments are merged up to this size. */
  readonly maxMergedBytes: number;
}

const LIMITS: PostingStoreLimits = { sealPostings: SEAL_POSTINGS, maxMergedBytes: MAX_MERGED_BYTES };

/** A merge under way: its two segments stay in the store (queries read them) until the merged one replaces them. */
interface Merge {
  readonly earlier: EncodedPostings;
  readonly later: EncodedPostings;
  /** Terms the merged segment covers (those there when it began: newer ones have no postings in either). */
  readonly terms: number;
  readonly writer: SegmentWriter;
  /** The next term to merge. */
  term: number;
}

/** Terms merged between checks of the caller's clock. */
const TERMS_PER_CHECK = 1024;

export class PostingStore {
  private segments: EncodedPostings[] = [];
  /**
   * Whether merges wait for `work` (the search worker: a seal's merges at 100,000 articles held it a quarter
   * of a second and more, and a query that came meanwhile waited), or are made as segments are sealed.
   */
  mergesInSteps = false;
  private merging: Merge | undefined;
  /**
   * Active postings being sealed, a slice at a time when merges wait for `work` (an encoding of 2 million
   * postings took 40–90 ms): read after the segments and before the active part until their segment is made.
   */
  private sealing: { readonly lists: PostingLists; readonly terms: number; readonly writer: SegmentWriter; term: number } | undefined;
  private active: PostingLists;
  /** Postings in the active part. */
  private activeCount = 0;
  private terms = 0;

  /** `expected`: how many terms to make room for at once; `limits` for tests. */
  constructor(
    expected = 0,
    private readonly limits: PostingStoreLimits = LIMITS,
  ) {
    this.active = new PostingLists(expected);
  }

  /** A store holding saved postings (checked by `checkEncodedPostings` first), used as they are. */
  static restored(encoded: EncodedPostings): PostingStore {
    const terms = encoded.starts.length - 1;
    const store = PostingStore.withTerms(terms);
    if (encoded.bytes.length > 0) store.segments.push(encoded);
    return store;
  }

  /** Segments (for tests of the merging). */
  get segmentCount(): number {
    return this.segments.length;
  }

  /** Adds an empty list for a new term. */
  addList(): void {
    this.active.addList();
    this.terms++;
  }

  /** Adds a posting to `term`'s list: its document must come after every document already there. */
  push(term: number, posting: number): void {
    this.active.push(term, posting);
    this.activeCount++;
  }

  /** Seals the active postings when there are enough of them (called between documents). */
  sealIfFull(): void {
    if (this.activeCount >= this.limits.sealPostings) this.seal();
  }

  /**
   * Writes `term`'s postings, in document order, into `out` (as long as the term's postings at least:
   * those past its end are dropped); how many it wrote.
   */
  read(term: number, out: Int32Array): number {
    let count = 0;
    for (const segment of this.segments) {
      if (term >= segment.lastDocs.length) continue;
      count = decodeInto(segment.bytes, segment.starts[term], segment.starts[term + 1], out, count);
    }
    if (this.sealing && term < this.sealing.terms) count = readList(this.sealing.lists, term, out, count);
    return readList(this.active, term, out, count);
  }

  /**
   * All postings as one segment, which the store then keeps as its only one (sealed and merged first):
   * not a copy, and never changed afterwards.
   */
  encodeAll(): EncodedPostings {
    this.seal();
    this.finishWork();
    if (this.segments.length === 0) this.segments.push(emptySegment(this.terms));
    while (this.segments.length > 1) {
      const later = this.segments.pop() as EncodedPostings;
      const earlier = this.segments.pop() as EncodedPostings;
      this.segments.push(merge(earlier, later, this.terms));
    }
    const only = this.segments[0];
    if (only.lastDocs.length < this.terms) this.segments[0] = merge(only, emptySegment(this.terms), this.terms);
    return this.segments[0];
  }

  /**
   * A store of `terms` terms whose postings are `postingsOf(term)`'s (packed as `read` writes them, in
   * document order), asked for term by term: compaction uses it.
   */
  static rebuilt(terms: number, postingsOf: (term: number) => { readonly list: Int32Array; readonly length: number }): PostingStore {
    const writer = new SegmentWriter(terms);
    for (let term = 0; term < terms; term++) {
      const { list, length } = postingsOf(term);
      writer.append(list, length);
    }
    const store = PostingStore.withTerms(terms);
    const segment = writer.finish();
    if (segment.bytes.length > 0) store.segments.push(segment);
    return store;
  }

  /** A store with `terms` empty lists. */
  private static withTerms(terms: number): PostingStore {
    const store = new PostingStore(terms);
    for (let term = 0; term < terms; term++) store.addList();
    return store;
  }

  /**
   * Starts encoding the active postings into a segment, and (unless `mergesInSteps`) makes it now and merges the
   * last segments while two are about the same size.
   */
  private seal(): void {
    if (this.activeCount === 0) return;
    // One sealing at a time: one still under way (the active part filled again first) is finished now.
    this.finishSealing();
    this.sealing = { lists: this.active, terms: this.terms, writer: new SegmentWriter(this.terms), term: 0 };
    this.active = new PostingLists(this.terms);
    for (let term = 0; term < this.terms; term++) this.active.addList();
    this.activeCount = 0;
    if (!this.mergesInSteps) this.finishWork();
  }

  /** Whether a sealing or merges wait to be made (see `work`). */
  get hasWork(): boolean {
    return this.sealing !== undefined || this.merging !== undefined || this.nextMerge() !== undefined;
  }

  /**
   * Makes the sealing and the merges waiting until `due()` says to stop (asked every `TERMS_PER_CHECK` terms and
   * after each); whether some are left. Queries read the store as usual in between.
   */
  work(due: () => boolean): boolean {
    if (this.sealing) {
      if (!this.encodeSealing(due)) return true;
      if (due()) return this.hasWork;
    }
    for (;;) {
      if (!this.merging) {
        const at = this.nextMerge();
        if (at === undefined) return false;
        const terms = this.terms;
        this.merging = { earlier: this.segments[at], later: this.segments[at + 1], terms, writer: new SegmentWriter(terms, mergedBytes(this.segments[at], this.segments[at + 1])), term: 0 };
      }
      const job = this.merging;
      while (job.term < job.terms) {
        job.writer.appendMerged(job.earlier, job.later, job.term++);
        if (job.term % TERMS_PER_CHECK === 0 && job.term < job.terms && due()) return true;
      }
      const at = this.segments.indexOf(job.earlier);
      if (at < 0 || this.segments[at + 1] !== job.later) throw new Error('the segments being merged are no longer side by side');
      this.segments.splice(at, 2, job.writer.finish());
      this.merging = undefined;
      if (due()) return this.hasWork;
    }
  }

  /** Makes the sealing and every merge waiting now. */
  private finishWork(): void {
    while (this.work(() => false)) {
      // Until none is left.
    }
  }

  /** Makes the sealing under way now, if there is one (and no merge). */
  private finishSealing(): void {
    this.encodeSealing(() => false);
  }

  /** Encodes the sealing's terms until `due()` says to stop (asked every `TERMS_PER_CHECK` terms); whether it is done (its segment added). */
  private encodeSealing(due: () => boolean): boolean {
    const sealing = this.sealing;
    if (!sealing) return true;
    while (sealing.term < sealing.terms) {
      const term = sealing.term++;
      sealing.writer.append(sealing.lists.array(term), sealing.lists.lengths[term], sealing.lists.offset(term));
      if (sealing.term % TERMS_PER_CHECK === 0 && sealing.term < sealing.terms && due()) return false;
    }
    this.segments.push(sealing.writer.finish());
    this.sealing = undefined;
    return true;
  }

  /** Where the next merge's earlier segment is: the last two, while they are about the same size. */
  private nextMerge(): number | undefined {
    const n = this.segments.length;
    if (n < 2) return undefined;
    const earlier = this.segments[n - 2];
    const later = this.segments[n - 1];
    if (later.bytes.length * 2 < earlier.bytes.length || earlier.bytes.length + later.bytes.length > this.limits.maxMergedBytes) return undefined;
    return n - 2;
  }
}

/**
 * Checks that saved postings fit together: every term's bytes within the array, in order, each of its
 * postings at least one byte, its last document one of the `docs`. Throws `Error` with what is wrong.
 *
 * The postings themselves are not decoded here (a quarter of a second at 100,000 articles, seconds at a
 * million, on every reopened window): a saved file's checksum covers every byte, so only a file written
 * wrong would have postings that do not decode, and decoding cannot read or write past its arrays or
 * name a document outside `docs` whatever the bytes are (`read` drops what does not fit, a search skips
 * documents that are not there).
 */
export function checkEncodedPostings(encoded: EncodedPostings, counts: Int32Array, docs: number): void {
  const { bytes, starts, lastDocs } = encoded;
  const terms = lastDocs.length;
  if (starts.length !== terms + 1 || counts.length !== terms || starts[0] !== 0 || starts[terms] !== bytes.length) throw new Error('the search postings do not add up');
  for (let term = 0; term < terms; term++) {
    const size = starts[term + 1] - starts[term];
    const count = counts[term];
    const last = lastDocs[term];
    if (size < 0 || count < 0 || count > size || (count === 0) !== (size === 0)) throw new Error('the search postings do not add up');
    if (last >= docs || last < (count === 0 ? -1 : count - 1) || (count === 0 && last !== -1)) throw new Error('a search posting names no document');
  }
}

/** Decodes `bytes[at .. to)` into `out` from `count` on; the new count (past `out`'s end, what did not fit is dropped). */
function decodeInto(bytes: Uint8Array, at: number, to: number, out: Int32Array, count: number): number {
  let doc = -1;
  while (at < to && count < out.length) {
    let byte = bytes[at++];
    let value = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
    }
    doc += value >>> 1;
    out[count++] = (doc << 8) | (value & 1 ? bytes[at++] : PLAIN);
  }
  return count;
}

/** Writes terms' postings one after another into a growing byte array. */
class SegmentWriter {
  private bytes: Uint8Array;
  private length = 0;
  private readonly starts: Int32Array;
  private readonly lastDocs: Int32Array;
  private term = 0;

  /** `bytes`: room to make at once (a merge knows how much it needs: never grown and copied then). */
  constructor(terms: number, bytes = 1 << 16) {
    this.starts = new Int32Array(terms + 1);
    this.lastDocs = new Int32Array(terms).fill(-1);
    this.bytes = new Uint8Array(Math.max(1, bytes));
  }

  /** The next term's postings: `list[from .. from + count)`. */
  append(list: Int32Array, count: number, from = 0): void {
    this.starts[this.term] = this.length;
    let previous = -1;
    // At most five bytes a posting.
    this.reserve(count * 5);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = from; i < from + count; i++) {
      const posting = list[i];
      const doc = posting >>> 8;
      const extra = posting & TF_MASK;
      at = writeNumber(bytes, at, ((doc - previous) << 1) | (extra === PLAIN ? 0 : 1));
      previous = doc;
      if (extra !== PLAIN) bytes[at++] = extra;
    }
    this.length = at;
    this.lastDocs[this.term] = previous;
    this.term++;
  }

  /** Copies the next term's postings from two segments, the later's first posting encoded again after the earlier's last. */
  appendMerged(earlier: EncodedPostings, later: EncodedPostings, term: number): void {
    this.starts[this.term] = this.length;
    let last = -1;
    if (term < earlier.lastDocs.length) {
      const from = earlier.starts[term];
      const to = earlier.starts[term + 1];
      this.copy(earlier.bytes, from, to);
      last = earlier.lastDocs[term];
    }
    if (term < later.lastDocs.length && later.starts[term + 1] > later.starts[term]) {
      let at = later.starts[term];
      const to = later.starts[term + 1];
      // The first posting: its distance from -1 (the document itself, plus one) becomes the distance from `last`.
      let byte = later.bytes[at++];
      let value = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = later.bytes[at++];
        value |= (byte & 0x7f) << shift;
      }
      const doc = (value >>> 1) - 1;
      this.reserve(5);
      this.length = writeNumber(this.bytes, this.length, ((doc - last) << 1) | (value & 1));
      this.copy(later.bytes, at, to);
      last = later.lastDocs[term];
    }
    this.lastDocs[this.term] = last;
    this.term++;
  }

  finish(): EncodedPostings {
    for (; this.term < this.lastDocs.length; this.term++) this.starts[this.term] = this.length;
    this.starts[this.lastDocs.length] = this.length;
    // Nearly full (a merge's, made to measure), kept as it is; else copied to its length.
    const bytes = this.length >= this.bytes.length * 0.9 ? this.bytes.subarray(0, this.length) : this.bytes.slice(0, this.length);
    return { bytes, starts: this.starts, lastDocs: this.lastDocs };
  }

  private copy(source: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    this.bytes.set(source.subarray(from, to), this.length);
    this.length += to - from;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length;
    while (size < this.length + more) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}

/** Writes `value` at `at` in 7-bit groups, the high bit set on all but the last; where it ended. */
function writeNumber(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}

/** Room for two segments merged: their bytes (a later segment's first postings, encoded again from the earlier one's last documents, take no more). */
function mergedBytes(earlier: EncodedPostings, later: EncodedPostings): number {
  return earlier.bytes.length + later.bytes.length;
}

function merge(earlier: EncodedPostings, later: EncodedPostings, terms: number): EncodedPostings {
  const writer = new SegmentWriter(terms, mergedBytes(earlier, later));
  for (let term = 0; term < terms; term++) writer.appendMerged(earlier, later, term);
  return writer.finish();
}

/** Appends a list's postings to `out` from `count` (as many as fit); the new count. */
function readList(lists: PostingLists, term: number, out: Int32Array, count: number): number {
  const length = lists.lengths[term];
  if (!(length > 0)) return count;
  const list = lists.array(term);
  const from = lists.offset(term);
  for (let i = 0; i < length && count < out.length; i++) out[count++] = list[from + i];
  return count;
}

function emptySegment(terms: number): EncodedPostings {
  return { bytes: new Uint8Array(0), starts: new Int32Array(terms + 1), lastDocs: new Int32Array(terms).fill(-1) };
}
