import { Int32Chunks } from '../int32Chunks';

/**
 * Strings by number with their characters in pages of bytes, not a string object each: the entity index's
 * ids and names.
 *
 * At 100,000 articles the index has about 1.2 million entities, most of them names found in one article, and
 * an id and a name each: 2.4 million small strings, about 170 MB of the extension host's heap, which every
 * full collection of that heap marked and moved (the host's longest stalls once indexing was off its thread).
 * Here a string whose characters are all below U+0100 (Norwegian names are) is kept as one byte a character
 * on a page of `PAGE` bytes; the rare other one, or one too long for a page's share, is kept as it is.
 * `get` makes the string again when asked for (a view, a hover card, a save).
 *
 * Replacing or deleting a string leaves its bytes unused; when half of the bytes are unused, the pages are
 * written again with only the strings in use.
 */
const PAGE_BITS = 18;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;
/** Longer strings are kept as strings: a page holds at least 256 of the longest pooled. */
const MAX_POOLED = PAGE >> 8;
/** `starts` of a number with no string, and of one kept as a string (in `kept`). */
const NONE = -1;
const KEPT = -2;
/** Unused bytes that may be left before the pages are written again (besides half of them). */
const MIN_GARBAGE = 4 * PAGE;
/** Pages a start can name (a positive 32-bit integer); strings past them are kept as strings. */
const MAX_PAGES = 1 << (31 - PAGE_BITS);

export class StringPool {
  private pages: Uint8Array[] = [];
  /** Bytes taken on the last page. */
  private filled = PAGE;
  /** Per number, where its characters start (`page << PAGE_BITS | offset`), or NONE or KEPT; and how many there are. */
  private readonly starts = new Int32Chunks(NONE);
  private readonly lengths = new Int32Chunks();
  private readonly kept = new Map<number, string>();
  /** Bytes of the pages that strings in use take, and bytes no longer used. */
  private used = 0;
  private garbage = 0;
  private count = 0;

  /** How many numbers have a string. */
  get size(): number {
    return this.count;
  }

  /** One past the highest number that has had room made for it (numbers below may have no string). */
  get capacity(): number {
    return this.starts.capacity;
  }

  has(number: number): boolean {
    return this.starts.at(number) !== NONE;
  }

  /** The string of `number`, or undefined. */
  get(number: number): string | undefined {
    const start = this.starts.at(number);
    if (start === NONE) return undefined;
    if (start === KEPT) return this.kept.get(number);
    const length = this.lengths.get(number);
    if (length === 0) return '';
    const at = start & PAGE_MASK;
    const page = this.pages[start >>> PAGE_BITS];
    return String.fromCharCode.apply(null, page.subarray(at, at + length) as unknown as number[]);
  }

  /** Whether `number`'s string is `text`, without making the string. */
  equals(number: number, text: string): boolean {
    const start = this.starts.at(number);
    if (start === NONE) return false;
    if (start === KEPT) return this.kept.get(number) === text;
    const length = this.lengths.get(number);
    if (length !== text.length) return false;
    if (length === 0) return true;
    const page = this.pages[start >>> PAGE_BITS];
    const at = start & PAGE_MASK;
    for (let i = 0; i < length; i++) if (page[at + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Gives `number` the string `text` (replacing the one it had). */
  set(number: number, text: string): void {
    if (!Number.isInteger(number) || number < 0) throw new RangeError(`not a number for a string: ${number}`);
    this.ensure(number + 1);
    this.release(number);
    this.count++;
    const length = text.length;
    if (length > MAX_POOLED || !oneByte(text) || (this.filled + length > PAGE && this.pages.length === MAX_PAGES)) {
      this.starts.set(number, KEPT);
      this.kept.set(number, text);
      return;
    }
    this.lengths.set(number, length);
    if (length === 0) {
      // On no page.
      this.starts.set(number, 0);
      return;
    }
    if (this.filled + length > PAGE) {
      this.pages.push(new Uint8Array(PAGE));
      this.filled = 0;
    }
    const pageNumber = this.pages.length - 1;
    const page = this.pages[pageNumber];
    const at = this.filled;
    for (let i = 0; i < length; i++) page[at + i] = text.charCodeAt(i);
    this.filled += length;
    this.used += length;
    this.starts.set(number, (pageNumber << PAGE_BITS) | at);
    if (this.garbage > MIN_GARBAGE && this.garbage > this.used) this.rewrite();
  }

  /** Takes `number`'s string away; whether it had one. */
  delete(number: number): boolean {
    if (!this.has(number)) return false;
    this.release(number);
    return true;
  }

  clear(): void {
    this.pages = [];
    this.filled = PAGE;
    this.starts.clear();
    this.lengths.clear();
    this.kept.clear();
    this.used = 0;
    this.garbage = 0;
    this.count = 0;
  }

  /** The numbers that have a string, in increasing order. */
  *numbers(): IterableIterator<number> {
    const starts = this.starts;
    for (let number = 0; number < starts.capacity; number++) if (starts.get(number) !== NONE) yield number;
  }

  /** Bytes the pages hold (for the heap figures: outside the JavaScript heap). */
  get bytes(): number {
    return this.pages.length * PAGE;
  }

  /** Makes room for numbers below `count`. */
  private ensure(count: number): void {
    this.starts.ensure(count);
    this.lengths.ensure(count);
  }

  private release(number: number): void {
    const start = this.starts.get(number);
    if (start === NONE) return;
    if (start === KEPT) this.kept.delete(number);
    else {
      this.used -= this.lengths.get(number);
      this.garbage += this.lengths.get(number);
    }
    this.starts.set(number, NONE);
    this.count--;
  }

  /** The pages again, with only the strings in use (in the order of their numbers). */
  private rewrite(): void {
    const old = this.pages;
    this.pages = [];
    this.filled = PAGE;
    for (let number = 0; number < this.starts.capacity; number++) {
      const start = this.starts.get(number);
      if (start < 0) continue;
      const length = this.lengths.get(number);
      if (length === 0) continue;
      if (this.filled + length > PAGE) {
        this.pages.push(new Uint8Array(PAGE));
        this.filled = 0;
      }
      const at = start & PAGE_MASK;
      this.pages[this.pages.length - 1].set(old[start >>> PAGE_BITS].subarray(at, at + length), this.filled);
      this.starts.set(number, ((this.pages.length - 1) << PAGE_BITS) | this.filled);
      this.filled += length;
    }
    this.garbage = 0;
  }
}

function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}
