import { hashOf } from './fnv';
import { Int32Chunks } from '../int32Chunks';
import { StringPool } from './stringPool';

const EMPTY = -1;
const DELETED = -2;

/** Tables the keys are spread over by their hashes' low bits: each grows on its own, a small part at a time. */
const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
const FIRST_SLOTS = 64;

/**
 * A map from strings to small numbers (the entity index's ids to its entity numbers), in typed arrays: open
 * addressing with linear probing, in 64 tables chosen by the key's hash, each key's hash kept by its number.
 *
 * A `Map` did this at first. At 100,000 articles it holds about a million ids, and when it grew it rehashed
 * every entry in one go (0.1 s on an idle core, 0.4-0.7 s on the extension host of a busy machine: the
 * longest stalls of indexing). Here a table that grows holds a 64th of the keys and is rehashed from the
 * hashes kept; lookups take a third of the time, and the whole a third of the memory. The keys themselves
 * are kept as bytes in a `StringPool`, not as a million strings on the heap.
 */
export class StringNumbers {
  /** Per table, its slots: a number, EMPTY or DELETED; each table's length is a power of two. */
  private slots: Int32Array[] = [];
  /** Per table, its slots that are not EMPTY (numbers and DELETED) and its numbers. */
  private taken = new Int32Array(SHARDS);
  private held = new Int32Array(SHARDS);
  /** Per number, its key (none when free: kept as bytes, see `StringPool`) and the key's hash. */
  private readonly keys = new StringPool();
  private readonly hashes = new Int32Chunks();
  private count = 0;

  constructor() {
    this.clear();
  }

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const hash = hashOf(key, 0, key.length);
    const slots = this.slots[hash & (SHARDS - 1)];
    const at = this.find(slots, key, hash);
    return at < 0 ? undefined : slots[at];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Maps `key` to `number` (a key not there, a number not in use). */
  set(key: string, number: number): void {
    if (!Number.isInteger(number) || number < 0) throw new RangeError(`not a number for a key: ${number}`);
    const hash = hashOf(key, 0, key.length);
    const shard = hash & (SHARDS - 1);
    if (this.find(this.slots[shard], key, hash) >= 0) throw new Error(`the key ${key} is there already`);
    if (this.keys.has(number)) throw new Error(`the number ${number} is in use`);
    if ((this.taken[shard] + 1) * 2 > this.slots[shard].length) this.grow(shard);
    this.hashes.ensure(number + 1);
    this.keys.set(number, key);
    this.hashes.set(number, hash);
    const slots = this.slots[shard];
    const mask = slots.length - 1;
    for (let at = (hash >>> SHARD_BITS) & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === EMPTY || slot === DELETED) {
        if (slot === EMPTY) this.taken[shard]++;
        slots[at] = number;
        break;
      }
    }
    this.held[shard]++;
    this.count++;
  }

  /** Forgets `key`; whether it was there. */
  delete(key: string): boolean {
    const hash = hashOf(key, 0, key.length);
    const shard = hash & (SHARDS - 1);
    const slots = this.slots[shard];
    const at = this.find(slots, key, hash);
    if (at < 0) return false;
    this.keys.delete(slots[at]);
    slots[at] = DELETED;
    this.held[shard]--;
    this.count--;
    return true;
  }

  clear(): void {
    this.slots = Array.from({ length: SHARDS }, () => new Int32Array(FIRST_SLOTS).fill(EMPTY));
    this.taken = new Int32Array(SHARDS);
    this.held = new Int32Array(SHARDS);
    this.keys.clear();
    this.hashes.clear();
    this.count = 0;
  }

  /** The key of a number in use, or undefined. */
  keyOf(number: number): string | undefined {
    return this.keys.get(number);
  }

  /** The numbers in use, in increasing order. */
  values(): IterableIterator<number> {
    return this.keys.numbers();
  }

  /** Bytes the keys' characters take outside the JavaScript heap. */
  get keyBytes(): number {
    return this.keys.bytes;
  }

  /** The slot of `slots` holding `key`, or -1. */
  private find(slots: Int32Array, key: string, hash: number): number {
    const mask = slots.length - 1;
    for (let at = (hash >>> SHARD_BITS) & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === EMPTY) return -1;
      if (slot !== DELETED && this.hashes.get(slot) === hash && this.keys.equals(slot, key)) return at;
    }
  }

  /** A table twice the size when over a quarter of it holds numbers, else the same size without the DELETED ones. */
  private grow(shard: number): void {
    const old = this.slots[shard];
    const size = this.held[shard] * 4 > old.length ? old.length * 2 : old.length;
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (const number of old) {
      if (number < 0) continue;
      let at = (this.hashes.get(number) >>> SHARD_BITS) & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = number;
    }
    this.slots[shard] = slots;
    this.taken[shard] = this.held[shard];
  }
}
