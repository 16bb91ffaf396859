/**
 * The search benchmark's generated corpus, kept as UTF-8 outside the
 * JavaScript heap: a million realistic articles are 2 GB of text, about half
 * of what the heap may hold, and the index must be built beside them. Texts
 * are decoded when asked for (for each build, and for the snippets and the
 * quality figures of the results).
 */
import type { ArticleDate } from '../core/article';

/** Texts are packed into buffers of this size (a text larger than one gets one of its own). */
const ARENA_BYTES = 256 * 1024 * 1024;

export interface BenchDocument {
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly date: ArticleDate;
}

export class BenchCorpus {
  private readonly arenas: Buffer[] = [];
  private arenaUsed = ARENA_BYTES;
  /** Per document: its arena, where its headline starts, the headline's and the text's byte lengths. */
  private places = new Int32Array(4 * 1024);
  private years = new Int16Array(1024);
  private months = new Int8Array(1024);
  private count = 0;
  /** Characters of text, all documents together. */
  characters = 0;

  get size(): number {
    return this.count;
  }

  add(title: string, text: string, date: ArticleDate): void {
    const titleBytes = Buffer.byteLength(title);
    const textBytes = Buffer.byteLength(text);
    const needed = titleBytes + textBytes;
    if (this.arenaUsed + needed > ARENA_BYTES || this.arenas.length === 0) {
      this.arenas.push(Buffer.allocUnsafe(Math.max(ARENA_BYTES, needed)));
      this.arenaUsed = 0;
    }
    const arena = this.arenas[this.arenas.length - 1];
    const at = this.arenaUsed;
    arena.write(title, at);
    arena.write(text, at + titleBytes);
    this.arenaUsed += needed;
    if (4 * (this.count + 1) > this.places.length) {
      this.places = grown(this.places, 2 * this.places.length);
      this.years = grown(this.years, 2 * this.years.length);
      this.months = grown(this.months, 2 * this.months.length);
    }
    this.places.set([this.arenas.length - 1, at, titleBytes, textBytes], 4 * this.count);
    this.years[this.count] = date.year;
    this.months[this.count] = date.month;
    this.count++;
    this.characters += text.length;
  }

  /** Document `i` (its key is `String(i)`). */
  get(i: number): BenchDocument {
    const [arena, at, titleBytes, textBytes] = this.places.subarray(4 * i, 4 * i + 4);
    const buffer = this.arenas[arena];
    return {
      key: String(i),
      title: buffer.toString('utf8', at, at + titleBytes),
      text: buffer.toString('utf8', at + titleBytes, at + titleBytes + textBytes),
      date: { year: this.years[i], month: this.months[i] },
    };
  }
}

function grown<T extends Int32Array | Int16Array | Int8Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
