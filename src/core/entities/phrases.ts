/**
 * Finds any of a fixed set of phrases in a text, in one left-to-right scan.
 * A phrase is found only as whole words (æ, ø and å are letters), with any
 * white space between its words, optionally followed by a genitive `-s`,
 * `'s` or `'` (or with a typographic apostrophe).
 *
 * One regular expression of all the phrases, anchored by Unicode
 * look-arounds, had to be tried at every character of the text, and small
 * Unicode patterns per first word cost more to compile than to run. Instead
 * the scan visits only the starts of words that begin like a phrase (found
 * by the engine's own search for their first letters): the word there (or
 * the word without a genitive `s`) selects the few phrases that begin with it, which
 * are compared character by character, longest first. Leftmost match first,
 * then on from its end.
 */
import { squashWhitespace, wordCharAt, wordEnd } from '../text';

export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  /** Which phrase was found (as given, white space squashed); the text may differ in its white space. */
  readonly phrase: string;
}

export interface PhraseMatcher {
  /** The phrases in `text`, leftmost first, none overlapping. */
  find(text: string): PhraseMatch[];
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
  // The first characters of all phrases, as a character class: the engine's own scan skips
  // the characters that start no phrase, which are nearly all of them.
  const initials = new Set([...byFirstWord.keys()].map((word) => word.charCodeAt(0)));
  const codes = [...initials].map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('');
  const candidates = new RegExp(`[${codes}]`, 'g');

  const find = (text: string): PhraseMatch[] => {
    const found: PhraseMatch[] = [];
    if (byFirstWord.size === 0) return found;
    candidates.lastIndex = 0;
    for (let candidate = candidates.exec(text); candidate; candidate = candidates.exec(text)) {
      const i = candidate.index;
      if (wordCharAt(text, i - 1) !== 0) continue; // inside a word
      const word = leadingWord(text, i);
      const match = matchAt(text, i, byFirstWord.get(word)) ?? (word.endsWith('s') ? matchAt(text, i, byFirstWord.get(word.slice(0, -1))) : undefined);
      if (match) {
        found.push(match);
        candidates.lastIndex = match.end;
      } else candidates.lastIndex = i + word.length;
    }
    return found;
  };
  return { find };
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
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The run of letters, digits and marks at `index`. */
function leadingWord(text: string, index: number): string {
  return text.slice(index, wordEnd(text, index));
}
