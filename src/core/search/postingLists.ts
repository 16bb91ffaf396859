/**
 * The search index's postings: one growable list of numbers per term. The
 * short lists, nearly all of a large vocabulary's, are kept in blocks of
 * large shared arrays (chunks), not in a typed array each: a typed array
 * costs a hundred bytes and more besides its numbers, and reaching it is
 * another wait for memory. With one per word seen twice or more, those were
 * most of the index's heap (42 of 61 MB at 10,000 articles of the realistic
 * corpus) and of the time to add to it.
 *
 * A block holds a power of two of numbers; a list that fills its block moves
 * to one twice the size, and the block it leaves is kept for the next list
 * that needs one of its size (free lists per size, linked through the blocks
 * themselves). Lists longer than `MAX_BLOCK` have typed arrays of their own
 * (few, and often used). Blocks are kept small so that the free ones left
 * behind by lists that moved out cost little when no other list takes them
 * (a corpus with a small vocabulary of long lists).
 *
 * These hold the search index's newest postings, until `PostingStore` seals
 * them into a compressed segment and starts on new lists.
 */

/** Chunks of 65,536 numbers (256 kB). */
const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** The largest block: longer lists have arrays of their own. */
const MAX_BLOCK = 64;
/** A block's place, `chunk << CHUNK_BITS | offset`, stays a positive 32-bit number. */
const MAX_CHUNKS = 1 << (31 - CHUNK_BITS);
const EMPTY = new Int32Array(0);

export class PostingLists {
  /** Per list, how many numbers it has. */
  lengths: Int32Array;
  /** Per list, where its block is (`chunk << CHUNK_BITS | offset`), or -1 for a list in an array of its own. */
  private starts: Int32Array;
  /** Per list, room in its block or array; 0: neither yet. */
  private capacities: Int32Array;
  /** The lists in arrays of their own. */
  private readonly own: (Int32Array | undefined)[] = [];
  private readonly chunks: Int32Array[] = [];
  /** Numbers of the last chunk handed out. */
  private chunkUsed = CHUNK_SIZE;
  /** Per block size (a power of two), the first free block, -1 for none; a free block's first number is the next. */
  private readonly free = new Int32Array(32).fill(-1);
  private count = 0;

  /** `expected`: how many lists to make room for at once. */
  constructor(expected = 0) {
    const capacity = Math.max(1024, expected);
    this.lengths = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.capacities = new Int32Array(capacity);
  }

  /** How many lists there are. */
  get size(): number {
    return this.count;
  }

  /** Adds an empty list; its number. */
  addList(): number {
    const list = this.count++;
    if (list >= this.lengths.length) {
      this.lengths = grow(this.lengths, list + 1);
      this.starts = grow(this.starts, list + 1);
      this.capacities = grow(this.capacities, list + 1);
    }
    this.own.push(undefined);
    return list;
  }

  /** The array that holds the numbers of `list`, from `offset(list)` on (`lengths[list]` of them). */
  array(list: number): Int32Array {
    const start = this.starts[list];
    return (start < 0 ? this.own[list] : this.chunks[start >>> CHUNK_BITS]) ?? EMPTY;
  }

  /** Where the numbers of `list` start in `array(list)`. */
  offset(list: number): number {
    const start = this.starts[list];
    return start < 0 ? 0 : start & CHUNK_MASK;
  }

  push(list: number, value: number): void {
    const length = this.lengths[list];
    if (length === this.capacities[list]) this.move(list, length);
    const start = this.starts[list];
    if (start >= 0) this.chunks[start >>> CHUNK_BITS][(start & CHUNK_MASK) + length] = value;
    else (this.own[list] as Int32Array)[length] = value;
    this.lengths[list] = length + 1;
  }

  /** Moves a full list to room for more. */
  private move(list: number, length: number): void {
    const capacity = length === 0 ? 1 : length < MAX_BLOCK ? 1 << (32 - Math.clz32(length)) : 2 * length;
    const start = capacity <= MAX_BLOCK ? this.allocate(capacity) : -1;
    const target = start >= 0 ? this.chunks[start >>> CHUNK_BITS] : new Int32Array(capacity);
    const at = start >= 0 ? start & CHUNK_MASK : 0;
    if (length > 0) {
      const source = this.array(list);
      const from = this.offset(list);
      for (let i = 0; i < length; i++) target[at + i] = source[from + i];
      this.releaseOf(list);
    }
    this.own[list] = start >= 0 ? undefined : target;
    this.starts[list] = start;
    this.capacities[list] = capacity;
  }

  /** Gives up the block or array of `list`. */
  private releaseOf(list: number): void {
    const start = this.starts[list];
    if (start >= 0) this.release(start, this.capacities[list]);
    else this.own[list] = undefined;
  }

  private release(start: number, size: number): void {
    const kind = 31 - Math.clz32(size);
    this.chunks[start >>> CHUNK_BITS][start & CHUNK_MASK] = this.free[kind];
    this.free[kind] = start;
  }

  /** A free block of `size` (a power of two, at most `MAX_BLOCK`), or -1 when there can be no more chunks. */
  private allocate(size: number): number {
    const kind = 31 - Math.clz32(size);
    const head = this.free[kind];
    if (head >= 0) {
      this.free[kind] = this.chunks[head >>> CHUNK_BITS][head & CHUNK_MASK];
      return head;
    }
    if (this.chunkUsed + size > CHUNK_SIZE) {
      if (this.chunks.length === MAX_CHUNKS) return -1;
      // The rest of the last chunk: free blocks, the largest that fit first.
      if (this.chunks.length > 0) {
        const base = (this.chunks.length - 1) << CHUNK_BITS;
        while (this.chunkUsed < CHUNK_SIZE) {
          const rest = 1 << (31 - Math.clz32(CHUNK_SIZE - this.chunkUsed));
          this.release(base | this.chunkUsed, rest);
          this.chunkUsed += rest;
        }
      }
      this.chunks.push(new Int32Array(CHUNK_SIZE));
      this.chunkUsed = 0;
    }
    const start = ((this.chunks.length - 1) << CHUNK_BITS) | this.chunkUsed;
    this.chunkUsed += size;
    return start;
  }
}

function grow(array: Int32Array, size: number): Int32Array {
  let length = array.length;
  while (length < size) length *= 2;
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
