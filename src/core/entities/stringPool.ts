import { Int32Chunks } from '../int32Chunks';
import { detach } from '../text';

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
 * Replacing or deleting a string leaves its bytes unused; when half of the bytes are unused, the strings in
 * use are moved off the pages they are on to new ones, `COMPACT_STEP` numbers with each later change, and
 * the old pages are dropped (all at once, 1.2 million strings held the extension host 0.2 s).
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
/** Numbers a compaction goes over with each change while it is under way. */
const COMPACT_STEP = 1024;

/** When a compaction begins (unused bytes past this, and past the bytes in use) and how far each step goes: for tests. */
export interface StringPoolLimits {
  readonly minGarbage: number;
  readonly compactStep: number;
}

export class StringPool {
  /** The pages by number; a page dropped leaves its number free for a new one. */
  private pages: (Uint8Array | undefined)[] = [];
  /** Per page, the bytes written on it (strings in use or not). */
  private pageWritten: number[] = [];
  private freePages: number[] = [];
  /** The page new strings go on (-1: none yet), and the bytes taken on it. */
  private fillPage = -1;
  private filled = PAGE;
  /** A compaction under way: the pages being emptied, and the next number to move off them. */
  private evacuating: Set<number> | undefined;
  private cursor = 0;
  /** One past the highest number given a string since the pool was made or cleared. */
  private end = 0;
  /** Per number, where its characters start (`page << PAGE_BITS | offset`), or NONE or KEPT; and how many there are. */
  private readonly starts = new Int32Chunks(NONE);
  private readonly lengths = new Int32Chunks();
  private readonly kept = new Map<number, string>();
  /** Bytes of the pages that strings in use take, and all bytes written on the pages (the rest unused). */
  private used = 0;
  private written = 0;
  private count = 0;

  constructor(private readonly limits: StringPoolLimits = { minGarbage: MIN_GARBAGE, compactStep: COMPACT_STEP }) {}

  /** How many numbers have a string. */
  get size(): number {
    return this.count;
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
    const page = this.pages[start >>> PAGE_BITS] as Uint8Array;
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
    const page = this.pages[start >>> PAGE_BITS] as Uint8Array;
    const at = start & PAGE_MASK;
    for (let i = 0; i < length; i++) if (page[at + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** Gives `number` the string `text` (replacing the one it had). */
  set(number: number, text: string): void {
    if (!Number.isInteger(number) || number < 0) throw new RangeError(`not a number for a string: ${number}`);
    this.ensure(number + 1);
    if (number >= this.end) this.end = number + 1;
    this.release(number);
    this.count++;
    const length = text.length;
    const start = length > MAX_POOLED || !oneByte(text) ? NONE : length === 0 ? 0 : this.place(length);
    if (start === NONE) {
      // Its own string, not a slice of a longer one (an article's text) that it would keep alive.
      this.starts.set(number, KEPT);
      this.kept.set(number, detach(text));
    } else {
      this.lengths.set(number, length);
      // An empty string is on no page.
      if (length > 0) {
        const page = this.pages[start >>> PAGE_BITS] as Uint8Array;
        const at = start & PAGE_MASK;
        for (let i = 0; i < length; i++) page[at + i] = text.charCodeAt(i);
        this.used += length;
      }
      this.starts.set(number, start);
    }
    this.maintain();
  }

  /** Takes `number`'s string away; whether it had one. */
  delete(number: number): boolean {
    if (!this.has(number)) return false;
    this.release(number);
    this.maintain();
    return true;
  }

  clear(): void {
    this.pages = [];
    this.pageWritten = [];
    this.freePages = [];
    this.fillPage = -1;
    this.filled = PAGE;
    this.evacuating = undefined;
    this.cursor = 0;
    this.end = 0;
    this.starts.clear();
    this.lengths.clear();
    this.kept.clear();
    this.used = 0;
    this.written = 0;
    this.count = 0;
  }

  /** The numbers that have a string, in increasing order. */
  *numbers(): IterableIterator<number> {
    const starts = this.starts;
    for (let number = 0; number < this.end; number++) if (starts.get(number) !== NONE) yield number;
  }

  /** Bytes the pages hold (for the heap figures: outside the JavaScript heap). */
  get bytes(): number {
    return (this.pages.length - this.freePages.length) * PAGE;
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
    else this.used -= this.lengths.get(number);
    this.starts.set(number, NONE);
    this.count--;
  }

  /** Room for `length` bytes on the page new strings go on (a new page if they do not fit): their start, or NONE if no page can be had. */
  private place(length: number): number {
    if (this.fillPage < 0 || this.filled + length > PAGE) {
      const page = this.freePages.pop() ?? (this.pages.length < MAX_PAGES ? this.pages.length : -1);
      if (page < 0) return NONE;
      this.pages[page] = new Uint8Array(PAGE);
      this.pageWritten[page] = 0;
      this.fillPage = page;
      this.filled = 0;
    }
    const start = (this.fillPage << PAGE_BITS) | this.filled;
    this.filled += length;
    this.pageWritten[this.fillPage] += length;
    this.written += length;
    return start;
  }

  /** After a change: a step of the compaction under way, or one begun when most bytes written are unused. */
  private maintain(): void {
    if (this.evacuating) this.compactStep();
    else if (this.written - this.used > this.limits.minGarbage && this.written - this.used > this.used) {
      // Every page there now is emptied; strings go on new ones from here on.
      this.evacuating = new Set();
      this.pages.forEach((page, number) => page && this.evacuating?.add(number));
      this.fillPage = -1;
      this.cursor = 0;
      this.compactStep();
    }
  }

  /** Moves the strings of the next `COMPACT_STEP` numbers off the pages being emptied; drops those pages after the last. */
  private compactStep(): void {
    const evacuating = this.evacuating as Set<number>;
    const end = Math.min(this.cursor + this.limits.compactStep, this.end);
    for (let number = this.cursor; number < end; number++) {
      const start = this.starts.get(number);
      if (start < 0) continue;
      const length = this.lengths.get(number);
      if (length === 0 || !evacuating.has(start >>> PAGE_BITS)) continue;
      const from = this.pages[start >>> PAGE_BITS] as Uint8Array;
      const at = start & PAGE_MASK;
      const to = this.place(length);
      if (to === NONE) {
        // No page to be had (two gigabytes of them): kept as a string instead.
        this.kept.set(number, String.fromCharCode.apply(null, from.subarray(at, at + length) as unknown as number[]));
        this.starts.set(number, KEPT);
        this.used -= length;
        continue;
      }
      const page = this.pages[to >>> PAGE_BITS] as Uint8Array;
      const into = to & PAGE_MASK;
      for (let i = 0; i < length; i++) page[into + i] = from[at + i];
      this.starts.set(number, to);
    }
    this.cursor = end;
    if (end < this.end) return;
    for (const number of evacuating) {
      this.written -= this.pageWritten[number];
      this.pageWritten[number] = 0;
      this.pages[number] = undefined;
      this.freePages.push(number);
    }
    this.evacuating = undefined;
  }
}

function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}
