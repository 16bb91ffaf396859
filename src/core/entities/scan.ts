/**
 * The word scan behind the name rules (`names.ts`): one pass over a text's
 * characters that keeps only what the rules look at, the capitalised words
 * and their neighbours, and remembers which runs of letters occur in lower
 * case (to tell `Samtidig` at a sentence start from a name).
 *
 * Recognition reads every character of the corpus, so this is its hottest
 * loop: each character's class (letter, digit or mark; upper or lower case;
 * a sentence break; a connector inside a word) comes from a table decided
 * once per code unit, not from a call or a pattern per character.
 */
import { fullStopEndsSentenceAt } from '../fullStops';
import { startsUpperCase, wordCharAt, wordEnd } from '../text';
import { factsAt, FNV_OFFSET, FNV_PRIME, settleWords, type WordFacts } from './wordFacts';

export interface Word {
  readonly text: string;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  readonly start: number;
  readonly end: number;
  /** First word of a sentence, a paragraph, a quote or a caption after its label. */
  readonly sentenceStart: boolean;
  /** What followed the name in a compound: `-regionen` of `Grodno-regionen`. */
  readonly suffix: string | undefined;
  /** What the rules know of the word (`wordFacts.ts`); `text` is its `text`. */
  readonly facts: WordFacts;
}


// Character classes, as bits; 0 is "not yet decided".
/** A letter, digit or mark (as `wordCharAt` counts them). */
const WORD = 1;
/** An upper-case letter (`\p{Lu}`). */
const UPPER = 2;
/** A letter with an upper-case form of its own (`a`, `ø`, `ß`). */
const LOWER = 4;
/** Punctuation that starts a new sentence for the word after it (closing quotes do not). */
const BREAK = 8;
/** Joins the letters of one word: `Jean-Yves`, `O'Neill`, `A.S.`. */
const CONNECTOR = 16;
/** A high surrogate: the code point decides (the slow path). */
const SURROGATE = 32;
const DECIDED = 128;

const CLASSES = new Uint8Array(0x10000);

function decide(code: number): number {
  if (code >= 0xd800 && code <= 0xdbff) return DECIDED | SURROGATE;
  const char = String.fromCharCode(code);
  let bits = DECIDED;
  if (wordCharAt(char, 0) > 0) bits |= WORD;
  if (startsUpperCase(char)) bits |= UPPER;
  if (char !== char.toUpperCase()) bits |= LOWER;
  if ('.!?:–—«\n'.includes(char)) bits |= BREAK;
  if ("'’.-".includes(char)) bits |= CONNECTOR;
  return bits;
}

for (let code = 0; code < 128; code++) CLASSES[code] = decide(code);

function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code !== code) return DECIDED; // past the end
  const bits = CLASSES[code];
  return bits !== 0 ? bits : (CLASSES[code] = decide(code));
}

const FULL_STOP = 46;
const HYPHEN = 45;

/**
 * One text's scan: its words (see `words`), every run of letters in it (the letters, digits and marks
 * between anything else, hyphens and apostrophes included), for the phrase matcher, and which runs that
 * start in lower case occur, for the name rules. The runs and the lower-case filter are scratch space,
 * kept for the next text: recognition handles one text at a time, and the scan's results are used before
 * the next one starts.
 */
export class TextScan {
  text = '';
  words: Word[] = [];
  /** How many runs; their starts, ends, FNV-1a hashes, and the hashes without their last code unit (for a genitive `s`). */
  runCount = 0;
  runStarts = new Int32Array(1024);
  runEnds = new Int32Array(1024);
  runHashes = new Int32Array(1024);
  runStems = new Int32Array(1024);
  /** The word objects, made once and filled in again for each text (the words are read before the next text's scan). */
  private readonly pool: ScannedWord[] = [];
  /** Runs that start in lower case, as a Bloom filter of their hashes, checked against the text when it says yes. */
  private readonly lowerCase = new Int32Array(BLOOM_WORDS);

  reset(text: string): void {
    this.text = text;
    this.words = [];
    this.runCount = 0;
    this.lowerCase.fill(0);
  }

  addRun(start: number, end: number, hash: number, stem: number): void {
    const at = this.runCount++;
    if (at === this.runStarts.length) {
      const grow = (array: Int32Array) => {
        const larger = new Int32Array(array.length * 2);
        larger.set(array);
        return larger;
      };
      this.runStarts = grow(this.runStarts);
      this.runEnds = grow(this.runEnds);
      this.runHashes = grow(this.runHashes);
      this.runStems = grow(this.runStems);
    }
    this.runStarts[at] = start;
    this.runEnds[at] = end;
    this.runHashes[at] = hash;
    this.runStems[at] = stem;
  }

  /** Adds a word (its facts looked up by its hash, `hashOf`, when first asked for). */
  addWord(start: number, end: number, hash: number, capitalised: boolean, sentenceStart: boolean, suffix: string | undefined): void {
    this.put(start, end, hash, capitalised, sentenceStart, suffix, undefined);
  }

  /** Adds the gap left for lower-case words between kept ones: no word. */
  addGap(start: number, end: number): void {
    this.put(start, end, FNV_OFFSET, false, false, undefined, GAP);
  }

  private put(start: number, end: number, hash: number, capitalised: boolean, sentenceStart: boolean, suffix: string | undefined, facts: WordFacts | undefined): void {
    const at = this.words.length;
    let word = this.pool[at];
    if (word === undefined) this.pool.push((word = new ScannedWord(this.text, capitalised, start, end, hash, sentenceStart, suffix, facts)));
    else word.set(this.text, capitalised, start, end, hash, sentenceStart, suffix, facts);
    this.words.push(word);
  }

  /** Adds a lower-case run's FNV-1a hash. */
  addLowerCase(hash: number): void {
    this.lowerCase[(hash >>> 5) & (BLOOM_WORDS - 1)] |= 1 << (hash & 31);
  }

  /** Whether `word` (folded to lower case) occurs in the text as a run that starts in lower case. */
  hasLowerCase(word: string): boolean {
    // A word of more than one run (`nord-norge`) is searched for as it stands.
    if (wordEnd(word, 0) !== word.length) return occursAsWord(this.text, word);
    if ((classAt(word, 0) & LOWER) === 0) return false;
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    hash >>>= 0;
    if ((this.lowerCase[(hash >>> 5) & (BLOOM_WORDS - 1)] & (1 << (hash & 31))) === 0) return false;
    return occursAsRun(this.text, word);
  }
}

/** 2^16 bits: a text's few hundred lower-case runs leave nearly all clear. */
const BLOOM_WORDS = 2048;

/** Whether `word` occurs in `text` as a whole word (æ, ø and å being letters). */
export function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (wordCharAt(text, at - 1) === 0 && wordCharAt(text, at + word.length) === 0) return true;
  }
  return false;
}

/** Whether `word` (one run of letters) occurs in `text` as a run: a word, or a part of one between connectors. */
function occursAsRun(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (wordCharAt(text, at + word.length) !== 0) continue;
    // (A letter written as a surrogate pair before it is a letter too.)
    if (at > 0 && (wordCharAt(text, at - 1) !== 0 || (at >= 2 && wordCharAt(text, at - 2) === 2))) continue;
    return true;
  }
  return false;
}

/** The gap left for lower-case words between kept ones: no word. */
const GAP = factsAt('', 0, 0, FNV_OFFSET);

/**
 * A word of the scan, reused from text to text (see `TextScan.pool`). Its facts are looked up when first
 * asked for: the rules ask for few of the lower-case words kept beside capitalised ones.
 */
class ScannedWord implements Word {
  private known: WordFacts | undefined;

  constructor(
    private source: string,
    public capitalised: boolean,
    public start: number,
    public end: number,
    private hash: number,
    public sentenceStart: boolean,
    public suffix: string | undefined,
    facts: WordFacts | undefined,
  ) {
    this.known = facts;
  }

  set(source: string, capitalised: boolean, start: number, end: number, hash: number, sentenceStart: boolean, suffix: string | undefined, facts: WordFacts | undefined): void {
    this.source = source;
    this.capitalised = capitalised;
    this.start = start;
    this.end = end;
    this.hash = hash;
    this.sentenceStart = sentenceStart;
    this.suffix = suffix;
    this.known = facts;
  }

  get facts(): WordFacts {
    return (this.known ??= factsAt(this.source, this.start, this.end, this.hash));
  }

  get text(): string {
    return this.facts.text;
  }
}

/**
 * The words that matter for names, with their offsets. A word is letters,
 * digits and marks, with apostrophes, full stops and hyphens inside it. A
 * hyphenated compound is cut at its first hyphen when a lower-case part
 * follows (`Grodno-regionen` → `Grodno`); `Jean-Yves` stays whole. The
 * runs and lower-case runs are gathered as it goes.
 */
export function scanText(text: string): TextScan {
  // Between texts, the table of words may start again; within one it never does.
  settleWords();
  const scan = SCAN;
  scan.reset(text);
  const result = scan.words;
  // Only capitalised words and their neighbours are kept: the rules look no
  // further. A run of lower-case words between is kept as one gap (a word
  // with no text), so words on either side of it are not taken as neighbours.
  // The last lower-case word is kept (as offsets, made a word only if a capitalised one follows).
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingSentenceStart = false;
  let pendingHash = 0;
  let skippedStart = -1; // lower-case words before the pending one, dropped
  let skippedEnd = -1;
  let sentenceStart = true;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    let bits = CLASSES[code];
    if (bits === 0) bits = CLASSES[code] = decide(code);
    let width = (bits & WORD) !== 0 ? 1 : (bits & SURROGATE) !== 0 ? wordCharAt(text, i) : 0;
    if (width === 0) {
      if ((bits & BREAK) !== 0) {
        // `Jakub M. Godzimirski`: the full stop of an initial ends no sentence.
        // Nor does an abbreviation's: `St. Olavs hospital`, `Dr. Hansen`, `bl.a. Tromsø`.
        const initial = code === FULL_STOP && !fullStopEndsSentenceAt(text, i);
        if (!initial) sentenceStart = true;
      }
      i++;
      continue;
    }
    const start = i;
    const capitalised = width === 1 ? (bits & UPPER) !== 0 : startsUpperCase(text.slice(i, i + 2));
    // Each run is hashed as the scan goes (and those that start in lower case noted); the whole word is
    // hashed too (to the last letter, and to the first hyphen), for the table of word facts. Up to its
    // first connector a word is its first run, and has its hash: the word's own is kept only after one.
    let runLower = (bits & LOWER) !== 0;
    let runStart = i;
    let runEnd = i;
    let hash = FNV_OFFSET;
    let stem = FNV_OFFSET;
    let joined = false;
    let wordHash = FNV_OFFSET;
    let hashToEnd = FNV_OFFSET;
    let hashToHyphen = FNV_OFFSET;
    let hyphen = -1;
    let end = i;
    let j = i;
    for (;;) {
      if (width > 0) {
        stem = hash;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        if (joined) wordHash = Math.imul(wordHash ^ code, FNV_PRIME);
        if (width === 2) {
          const low = text.charCodeAt(j + 1);
          stem = hash;
          hash = Math.imul(hash ^ low, FNV_PRIME);
          if (joined) wordHash = Math.imul(wordHash ^ low, FNV_PRIME);
        }
        hashToEnd = joined ? wordHash : hash;
        end = runEnd = j += width;
      } else if ((bits & CONNECTOR) !== 0) {
        if (runEnd > runStart) scan.addRun(runStart, runEnd, hash, stem);
        if (runLower) scan.addLowerCase(hash >>> 0);
        if (!joined) {
          wordHash = hash;
          joined = true;
        }
        if (hyphen < 0 && code === HYPHEN) {
          hyphen = j;
          hashToHyphen = wordHash;
        }
        wordHash = Math.imul(wordHash ^ code, FNV_PRIME);
        j++;
        runStart = runEnd = j;
        hash = FNV_OFFSET;
        runLower = (classAt(text, j) & LOWER) !== 0;
      } else break;
      if (j >= length) break;
      code = text.charCodeAt(j);
      bits = CLASSES[code];
      if (bits === 0) bits = CLASSES[code] = decide(code);
      width = (bits & WORD) !== 0 ? 1 : (bits & SURROGATE) !== 0 ? wordCharAt(text, j) : 0;
    }
    if (runEnd > runStart) scan.addRun(runStart, runEnd, hash, stem);
    if (runLower) scan.addLowerCase(hash >>> 0);
    i = end;
    if (!capitalised) {
      const wasStart = sentenceStart;
      sentenceStart = false;
      const last = result[result.length - 1];
      if (last?.capitalised && pendingStart < 0 && skippedStart < 0) scan.addWord(start, end, hashToEnd, false, wasStart, undefined);
      else {
        if (pendingStart >= 0) {
          if (skippedStart < 0) skippedStart = pendingStart;
          skippedEnd = pendingEnd;
        }
        pendingStart = start;
        pendingEnd = end;
        pendingSentenceStart = wasStart;
        pendingHash = hashToEnd;
      }
      continue;
    }
    if (skippedStart >= 0) scan.addGap(skippedStart, skippedEnd);
    if (pendingStart >= 0) scan.addWord(pendingStart, pendingEnd, pendingHash, false, pendingSentenceStart, undefined);
    skippedStart = pendingStart = -1;
    // A hyphen inside the word (not one it ends on) before a part that starts in lower case.
    const compound = hyphen > 0 && hyphen < end && !startsUpperCase(text.slice(hyphen + 1, hyphen + 3));
    if (compound) scan.addWord(start, hyphen, hashToHyphen, capitalised, sentenceStart, text.slice(hyphen, end));
    else scan.addWord(start, end, hashToEnd, capitalised, sentenceStart, undefined);
    sentenceStart = false;
  }
  return scan;
}

const SCAN = new TextScan();
