/**
 * Words and sentences of a stretch of article text, as quote finding needs them: words with their places and
 * lower-cased forms (æ, ø, å are letters), and sentences that do not end at an initial (`Jakub M.
 * Godzimirski`), an abbreviation (`bl.a.`, `f.eks.`) or an ordinal (`7. februar`).
 */
import { fullStopEndsSentenceAt } from '../fullStops';
import { firstEndingAfter } from '../positions';

export interface Word {
  readonly start: number;
  readonly end: number;
  /** The word as written. */
  readonly text: string;
  /** The word lower-cased. */
  readonly lower: string;
  /** Whether it starts with a capital letter. */
  readonly capital: boolean;
  /** Whether a hyphen follows it (`Kommunal- og distriktsdepartementet`). */
  readonly hyphenAfter: boolean;
  /** Whether a comma follows it before the next word (`…, sier hun`, `«…», skriver han`). */
  readonly commaAfter: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const CAPITAL = /^\p{Lu}/u;
const COMMA_AFTER = /^[»"”’?!]*,/u;

/** The words of `text.slice(start, end)` (a word that runs past `end` cut there). */
export function wordsIn(text: string, start: number, end: number): Word[] {
  const all = allWords(text);
  const words: Word[] = [];
  // From the first word that ends after `start`: words are in order and do not overlap.
  for (let i = firstEndingAfter(all, start); i < all.length && all[i].start < end; i++) {
    const word = all[i];
    if (word.start >= start && word.end <= end) words.push(word);
    else words.push(wordOf(text, Math.max(start, word.start), Math.min(end, word.end)));
  }
  return words;
}

/** The words of the last text asked about: a quote pass reads the same article's words many times over. */
let cached: { text: string; words: Word[] } | undefined;

function allWords(text: string): Word[] {
  if (cached?.text === text) return cached.words;
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) words.push(wordOf(text, match.index, match.index + match[0].length));
  cached = { text, words };
  return words;
}

function wordOf(text: string, start: number, end: number): Word {
  const value = text.slice(start, end);
  return { start, end, text: value, lower: value.toLowerCase(), capital: CAPITAL.test(value), hyphenAfter: text[end] === '-', commaAfter: COMMA_AFTER.test(text.slice(end, end + 4)) };
}


export interface Sentence {
  readonly start: number;
  /** Just past its closing punctuation (and a closing quotation mark), or the stretch's end. */
  readonly end: number;
  /** Whether it ends in `.`, `!`, `?` or `:` (a headline or a list item does not). */
  readonly closed: boolean;
}

const OPENING = /[\p{Lu}\p{N}«"“–—-]/u;
const CLOSING_MARKS = new Set(['»', '"', '”', "'", '’', ')']);

/** The sentences of `text.slice(start, end)`, white space between them left out. */
export function sentencesIn(text: string, start: number, end: number): Sentence[] {
  const sentences: Sentence[] = [];
  let from = skipSpace(text, start, end);
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let close = i + 1;
    while (close < end && (text[close] === '.' || text[close] === '!' || text[close] === '?')) close++;
    while (close < end && CLOSING_MARKS.has(text[close])) close++;
    const next = skipSpace(text, close, end);
    if (next === close && next < end) continue;
    if (next < end && !OPENING.test(text[next])) continue;
    // (Not after an initial or an abbreviation; an ordinal, `7. februar`, has a lower-case word after it.)
    if (ch === '.' && !fullStopEndsSentenceAt(text, i, from)) continue;
    sentences.push({ start: from, end: close, closed: true });
    from = next;
    i = next - 1;
  }
  if (from < end) {
    const last = trimEnd(text, from, end);
    if (last > from) sentences.push({ start: from, end: last, closed: /[.!?:]["»”’)]*$/u.test(text.slice(from, last)) });
  }
  return sentences;
}

export function skipSpace(text: string, at: number, end: number): number {
  while (at < end && /\s/u.test(text[at])) at++;
  return at;
}

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return end;
}
