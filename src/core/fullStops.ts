/**
 * Abbreviations whose full stop ends no sentence, one list for every reader of sentences: the article's
 * structure (`parse.ts`: where a lead's first sentence ends), quote finding (`quotes/sentences.ts`) and the
 * recognizer's scan (`entities/scan.ts`: a name does not start after `St.` or `Dr.`). Each is written
 * without its last full stop and in lower case; `bl.a.` and `f.eks.` need no entry (see `fullStopEndsSentence`).
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Norwegian short forms.
  'adm', 'ang', 'avd', 'bl', 'ca', 'dvs', 'ekskl', 'etc', 'evt', 'feks', 'fr', 'hr', 'ifm', 'iht', 'inkl', 'jf', 'kl', 'kr',
  'mfl', 'mht', 'mill', 'mrd', 'mv', 'nr', 'osv', 'pga', 'tlf', 'vedr', 'vs',
  // Titles and places: `Dr. Hansen`, `St. Olavs hospital`, `Sct. Hans`.
  'dr', 'gen', 'jr', 'mr', 'mrs', 'ms', 'prof', 'sct', 'sr', 'st',
  // Roads: `Rv. 7`, `Fv. 17`, `Ev. 6`.
  'ev', 'fv', 'rv',
  // Given names written short inside a name: `Kristin Aa. Bergh`, `Chr. Michelsen`.
  'aa', 'chr', 'joh', 'th', 'wm',
]);

/** Whether `word` (the letters before a full stop, in any case) is an abbreviation whose full stop ends no sentence. */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Whether a full stop after `word` (the letters, digits and full stops right before it) ends a sentence: not
 * after an initial (`Jakub M. Godzimirski`), a dotted short form (`f.eks.`, `bl.a.`) or an abbreviation.
 * An ordinal (`7. februar`) is told apart by the word after it, a lower-case one, which the callers check.
 */
export function fullStopEndsSentence(word: string): boolean {
  if (word === '') return true;
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/\p{L}\.\p{L}/u.test(word)) return false;
  return !isAbbreviation(word);
}

/** How far back the word before a full stop is read: longer than any abbreviation, dotted ones (`t.o.m`) included. */
const WORD_BEFORE = 20;

/**
 * Whether the full stop at `dot` of `text` ends a sentence, by the word right before it (its letters, digits and
 * full stops, read back to `from` and at most `WORD_BEFORE` characters): what `fullStopEndsSentence` decides.
 */
export function fullStopEndsSentenceAt(text: string, dot: number, from = 0): boolean {
  let start = dot;
  const limit = Math.max(from, dot - WORD_BEFORE);
  while (start > limit && partOfWord(text.charCodeAt(start - 1), text[start - 1])) start--;
  return fullStopEndsSentence(text.slice(start, dot));
}

/** A letter, a digit or a full stop; ASCII without a pattern (the recognizer's scan asks at every full stop). */
function partOfWord(code: number, char: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46;
  return /[\p{L}\p{N}]/u.test(char);
}
