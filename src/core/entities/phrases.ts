/**
 * Finds any of a fixed set of phrases in a text, in one left-to-right scan.
 * A phrase is found only as whole words (æ, ø and å are letters), with any
 * white space between its words, optionally followed by a genitive `-s`,
 * `'s` or `'` (or with a typographic apostrophe).
 *
 * One regular expression of all the phrases, anchored by Unicode
 * look-arounds, had to be tried at every character of the text. Instead the
 * matcher visits the runs of letters the text's scan found (`scan.ts`, the
 * same scan the name rules use): a run that begins like a phrase selects,
 * by its hash (or its hash without a genitive `s`), the few phrases that
 * begin with that word, which are compared character by character, longest
 * first. Leftmost match first, then on from its end.
 */
import { squashWhitespace, wordCharAt, wordEnd } from '../text';
import { scanText, type TextScan } from './scan';
import { hashOf } from './wordFacts';

export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  /** Which phrase was found (as given, white space squashed); the text may differ in its white space. */
  readonly phrase: string;
}

export interface PhraseMatcher {
  /** The phrases in `text`, leftmost first, none overlapping; `scan` is the text's scan, if the caller has made it. */
  find(text: string, scan?: TextScan): PhraseMatch[];
}

export function compilePhrases(phrases: Iterable<string>): PhraseMatcher {
  const byFirstWord = new Map<string, string[]>();
  for (const phrase of new Set([...phrases].map(squashWhitespace))) {
    const first = leadingWord(phrase, 0);
    if (first === '') continue; // a phrase must start with a letter or digit
    const group = byFirstWord.get(first);
    if (group) group.push(phrase);
    else byFirstWord.set(first, [phrase]);
  }
  // Longest first, so that `Jens Stoltenberg` wins over `Jens`.
  for (const group of byFirstWord.values()) group.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // The groups by the hash of their first word; words whose hashes collide share a group (the
  // comparison tells them apart), longest phrase first.
  const byHash = new Map<number, string[]>();
  for (const [word, group] of byFirstWord) {
    const hash = hashOf(word, 0, word.length);
    const shared = byHash.get(hash);
    byHash.set(hash, shared ? [...shared, ...group].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)) : group);
  }
  const groups = hashTable(byHash);
  // Which first code units start a phrase: most runs start none.
  const initials = new Uint8Array(0x10000);
  for (const word of byFirstWord.keys()) initials[word.charCodeAt(0)] = 1;

  const find = (text: string, scan: TextScan = scanText(text)): PhraseMatch[] => {
    const found: PhraseMatch[] = [];
    if (byFirstWord.size === 0) return found;
    const { runStarts, runEnds, runHashes, runStems } = scan;
    let from = 0;
    for (let r = 0; r < scan.runCount; r++) {
      const i = runStarts[r];
      // (A run starts a word or follows a hyphen, a full stop or an apostrophe in one: never inside letters.)
      if (i < from || initials[text.charCodeAt(i)] === 0) continue;
      const end = runEnds[r];
      const match = matchAt(text, i, groups(runHashes[r])) ?? (text.charCodeAt(end - 1) === 115 ? matchAt(text, i, groups(runStems[r])) : undefined);
      if (match) {
        found.push(match);
        from = match.end;
      }
    }
    return found;
  };
  return { find };
}

/**
 * `map` as a lookup by hash over open addressing in typed arrays: a run's hash is looked up for most
 * runs of every text, and most find nothing.
 */
function hashTable(map: ReadonlyMap<number, string[]>): (hash: number) => string[] | undefined {
  let bits = 4;
  while (1 << bits < map.size * 4) bits++;
  const mask = (1 << bits) - 1;
  const hashes = new Int32Array(mask + 1);
  const values: (string[] | undefined)[] = new Array<string[] | undefined>(mask + 1).fill(undefined);
  const slotOf = (hash: number) => Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> (32 - bits);
  for (const [hash, value] of map) {
    let slot = slotOf(hash);
    while (values[slot] !== undefined) slot = (slot + 1) & mask;
    hashes[slot] = hash;
    values[slot] = value;
  }
  return (hash: number) => {
    let slot = slotOf(hash);
    for (;;) {
      const value = values[slot];
      if (value === undefined || hashes[slot] === hash) return value;
      slot = (slot + 1) & mask;
    }
  };
}

/** The first (longest) of `phrases` at `index`, as whole words. */
function matchAt(text: string, index: number, phrases: readonly string[] | undefined): PhraseMatch | undefined {
  if (!phrases) return undefined;
  for (const phrase of phrases) {
    const end = phraseEnd(text, index, phrase);
    if (end < 0) continue;
    // A genitive ending, if the word ends after it; else the phrase must end a word itself.
    for (const ending of GENITIVE_ENDINGS) {
      if (text.startsWith(ending, end) && wordCharAt(text, end + ending.length) === 0) return { start: index, end: end + ending.length, phrase };
    }
    if (wordCharAt(text, end) === 0) return { start: index, end, phrase };
  }
  return undefined;
}

const GENITIVE_ENDINGS = ['s', "'s", '’s', "'", '’'];

/** Where `phrase` ends if the text has it at `index` (a space in it standing for any white space), or -1. */
function phraseEnd(text: string, index: number, phrase: string): number {
  let at = index;
  for (let p = 0; p < phrase.length; p++) {
    const code = phrase.charCodeAt(p);
    if (code === 32) {
      if (!isSpace(text.charCodeAt(at))) return -1;
      do at++;
      while (isSpace(text.charCodeAt(at)));
    } else if (text.charCodeAt(at) === code) at++;
    else return -1;
  }
  return at;
}

/** JavaScript's `\s`. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `squashWhitespace` without a pattern for the common case: `text` itself when it is single-spaced already. */
export function squashed(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 ? i === 0 || i === last || text.charCodeAt(i + 1) === 32 : isSpace(code)) return squashWhitespace(text);
  }
  return text;
}

/** The run of letters, digits and marks at `index`. */
function leadingWord(text: string, index: number): string {
  return text.slice(index, wordEnd(text, index));
}
