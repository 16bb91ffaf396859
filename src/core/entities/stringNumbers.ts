import { hashOf } from './fnv';

const EMPTY = -1;
const DELETED = -2;

/**
 * A map from strings to small numbers (the entity index's ids to its entity numbers), in typed arrays: open
 * addressing with linear probing over the numbers, each key's hash kept by its number.
 *
 * A `Map` did this at first. At 100,000 articles it holds about a million ids, and when it grows it
 * rehashes every entry in one go (0.1 s on an idle core, 0.4-0.7 s on the extension host of a busy
 * machine: the longest stalls of indexing); here growing copies two typed arrays and hashes nothing
 * again. It also takes about a third of the memory.
 */
export class StringNumbers {
  /** Slots: a number, EMPTY or DELETED. The length is a power of two. */
  private slots = new Int32Array(1024).fill(EMPTY);
  /** Per number, its key (undefined when free) and the key's hash. */
  private keys: (string | undefined)[] = [];
  private hashes = new Int32Array(256);
  private count = 0;
  /** Slots not EMPTY (numbers and DELETED). */
  private taken = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const at = this.find(key, hashOf(key, 0, key.length));
    return at < 0 ? undefined : this.slots[at];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Maps `key` to `number` (a key not there, a number not in use). */
  set(key: string, number: number): void {
    if (!Number.isInteger(number) || number < 0) throw new RangeError(`not a number for a key: ${number}`);
    const hash = hashOf(key, 0, key.length);
    if (this.find(key, hash) >= 0) throw new Error(`the key ${key} is there already`);
    if (this.keys[number] !== undefined) throw new Error(`the number ${number} is in use`);
    if ((this.taken + 1) * 2 > this.slots.length) this.grow();
    if (number >= this.hashes.length) {
      let capacity = this.hashes.length;
      while (capacity <= number) capacity *= 2;
      const hashes = new Int32Array(capacity);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.keys[number] = key;
    this.hashes[number] = hash;
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at];
      if (slot === EMPTY || slot === DELETED) {
        if (slot === EMPTY) this.taken++;
        this.slots[at] = number;
        break;
      }
    }
    this.count++;
  }

  /** Forgets `key`; whether it was there. */
  delete(key: string): boolean {
    const at = this.find(key, hashOf(key, 0, key.length));
    if (at < 0) return false;
    this.keys[this.slots[at]] = undefined;
    this.slots[at] = DELETED;
    this.count--;
    return true;
  }

  clear(): void {
    this.slots = new Int32Array(1024).fill(EMPTY);
    this.keys = [];
    this.hashes = new Int32Array(256);
    this.count = 0;
    this.taken = 0;
  }

  /** The numbers in use, in increasing order. */
  *values(): IterableIterator<number> {
    const keys = this.keys;
    for (let number = 0; number < keys.length; number++) if (keys[number] !== undefined) yield number;
  }

  /** The slot holding `key`, or -1. */
  private find(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at];
      if (slot === EMPTY) return -1;
      if (slot !== DELETED && this.hashes[slot] === hash && this.keys[slot] === key) return at;
    }
  }

  /** Twice the slots when they are over half full of numbers, else the same number without the DELETED ones. */
  private grow(): void {
    const size = this.count * 4 > this.slots.length ? this.slots.length * 2 : this.slots.length;
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    const keys = this.keys;
    for (let number = 0; number < keys.length; number++) {
      if (keys[number] === undefined) continue;
      let at = this.hashes[number] & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = number;
    }
    this.slots = slots;
    this.taken = this.count;
  }
}
