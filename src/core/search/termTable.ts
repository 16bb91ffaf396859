/**
 * The search index's vocabulary: its terms by number, and an open-addressing
 * hash table from a term's characters to its number. A word of an article can
 * be looked up from its folded characters in a scratch buffer, so that no
 * string is made for the millions of words that are already known; a `Map`
 * wanted a string per word (a slice of the article, then its folded form),
 * and hashing and collecting those was most of the cost of indexing.
 *
 * The hash is FNV-1a over the UTF-16 code units, finished with MurmurHash3's
 * mix: `hashOf(term)` is the same number as `hashStep` over its characters
 * and then `finishHash`.
 */
import { detach } from '../text';

export const HASH_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const MIN_CAPACITY = 1024;

/** The hash of the characters so far with one more code unit. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** The finished hash (better spread low bits, which pick the slot). */
export function finishHash(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The finished hash of a string's code units. */
export function hashOf(text: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return finishHash(hash);
}

export class TermTable {
  /** The terms by number, in the order they were added. */
  readonly terms: string[] = [];
  /**
   * Four numbers per slot: a term's finished hash, its number + 1 (0: an empty slot), where its
   * characters are in `chars` (-1: not there, compare the string) and its length. A word is
   * compared with the characters here, not with its string elsewhere in the heap: most of the cost
   * of a look-up was waiting for memory. At most half the slots are used.
   */
  private slots: Int32Array;
  private mask: number;
  /** The characters of the terms whose characters are all below 256, one after another. */
  private chars = new Uint8Array(4096);
  private charsUsed = 0;

  /** `expected`: how many terms it will hold, to make room for at once. */
  constructor(expected = 0) {
    let capacity = MIN_CAPACITY;
    while (4 * expected > 3 * capacity) capacity *= 2;
    this.slots = new Int32Array(4 * capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.terms.length;
  }

  /** The number of `term`, or undefined when it is not there. */
  get(term: string): number | undefined {
    const id = this.find(term, hashOf(term));
    return id < 0 ? undefined : id;
  }

  /** The number of `term` (whose finished hash is `hash`), or -1. */
  find(term: string, hash: number): number {
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = slots[4 * slot + 1] - 1;
      if (id < 0) return -1;
      if (slots[4 * slot] === hash && this.terms[id] === term) return id;
    }
  }

  /** The number of the term made of `chars[0, length)` (whose finished hash is `hash`), or -1. */
  findChars(chars: Uint16Array, length: number, hash: number): number {
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = 4 * slot;
      const id = slots[at + 1] - 1;
      if (id < 0) return -1;
      if (slots[at] === hash && slots[at + 3] === length) {
        const from = slots[at + 2];
        let i = 0;
        if (from >= 0) {
          const known = this.chars;
          while (i < length && known[from + i] === chars[i]) i++;
        } else {
          const term = this.terms[id];
          while (i < length && term.charCodeAt(i) === chars[i]) i++;
        }
        if (i === length) return id;
      }
    }
  }

  /** Adds a term (whose finished hash is `hash`); its number, or the number it had if it was there. */
  add(term: string, hash: number): number {
    if (4 * (this.terms.length + 1) > 3 * (this.mask + 1)) this.rehash();
    const slots = this.slots;
    let slot = hash & this.mask;
    for (; slots[4 * slot + 1] !== 0; slot = (slot + 1) & this.mask) {
      const known = slots[4 * slot + 1] - 1;
      if (slots[4 * slot] === hash && this.terms[known] === term) return known;
    }
    const id = this.terms.length;
    this.terms.push(term);
    let from = -1;
    if (this.charsUsed + term.length > this.chars.length) {
      const bigger = new Uint8Array(Math.max(2 * this.chars.length, this.charsUsed + term.length));
      bigger.set(this.chars.subarray(0, this.charsUsed));
      this.chars = bigger;
    }
    let i = 0;
    while (i < term.length && term.charCodeAt(i) < 256) {
      this.chars[this.charsUsed + i] = term.charCodeAt(i);
      i++;
    }
    if (i === term.length) {
      from = this.charsUsed;
      this.charsUsed += i;
    }
    slots[4 * slot] = hash;
    slots[4 * slot + 1] = id + 1;
    slots[4 * slot + 2] = from;
    slots[4 * slot + 3] = term.length;
    return id;
  }

  private place(slots: Int32Array, mask: number, hash: number, idPlusOne: number, from: number, length: number): void {
    let slot = hash & mask;
    while (slots[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[4 * slot] = hash;
    slots[4 * slot + 1] = idPlusOne;
    slots[4 * slot + 2] = from;
    slots[4 * slot + 3] = length;
  }

  /** Twice the slots. */
  private rehash(): void {
    const old = this.slots;
    const capacity = 2 * (this.mask + 1);
    const slots = new Int32Array(4 * capacity);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += 4) if (old[i + 1] !== 0) this.place(slots, mask, old[i], old[i + 1], old[i + 2], old[i + 3]);
    this.slots = slots;
    this.mask = mask;
  }
}

/** A string of the code units `chars[0, length)`, sharing no memory with anything else. */
export function stringOfChars(chars: Uint16Array, length: number): string {
  const CHUNK = 4096;
  if (length <= CHUNK) return String.fromCharCode.apply(null, chars.subarray(0, length) as unknown as number[]);
  let text = '';
  for (let from = 0; from < length; from += CHUNK) {
    text += String.fromCharCode.apply(null, chars.subarray(from, Math.min(length, from + CHUNK)) as unknown as number[]);
  }
  // A long string built in pieces is a tree of them until flattened: flatten it once, now.
  return detach(text);
}
