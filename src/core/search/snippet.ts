/**
 * Where a search matched in an article's text: every occurrence of the
 * matched words (and quoted phrases), and the passage that shows the most of
 * them, for the result list and for the reader to scroll to.
 */
import { FoldCache, foldForMatching, forEachWord, wordCharAt } from '../text';

export interface TextMatch {
  readonly start: number;
  readonly end: number;
}

export interface Snippet {
  /** The passage, white space squashed, with `…` where the text goes on. */
  readonly text: string;
  /** Matched words within `text`. */
  readonly highlights: readonly [number, number][];
  /** The best match in the article's text (where the reader opens). */
  readonly match: TextMatch;
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly folded: string;
}

/** Folded forms of words seen, shared by all calls (snippets are made on every keystroke); bounded. */
const wordFolds = new FoldCache(50_000);

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  forEachWord(text, (start, end) => words.push({ start, end, folded: wordFolds.foldRange(text, start, end) }));
  return words;
}

/**
 * Every occurrence in `text` of the matched words (folded, as the search
 * index reports them) and of each phrase's words in sequence, in text order.
 */
export function findMatches(text: string, terms: ReadonlySet<string>, phrases: readonly (readonly string[])[] = []): TextMatch[] {
  if (phrases.length === 0) {
    // Words only: looked up as they come, without a list of every word of the text (Search Corpus makes its
    // snippets on every keystroke, thirty articles at a time).
    const result: TextMatch[] = [];
    forEachWord(text, (start, end) => {
      if (terms.has(wordFolds.foldRange(text, start, end))) result.push({ start, end });
    });
    return result;
  }
  const words = wordsOf(text);
  const matched = new Uint8Array(words.length);
  words.forEach((word, i) => {
    if (terms.has(word.folded)) matched[i] = 1;
  });
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((folded, k) => words[i + k].folded === folded)) matched.fill(1, i, i + phrase.length);
    }
  }
  const result: TextMatch[] = [];
  words.forEach((word, i) => {
    if (matched[i]) result.push({ start: word.start, end: word.end });
  });
  return result;
}

/** Whether `text` has the phrase's words one after another (ignoring case, accents and punctuation between them). */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  const words = wordsOf(text);
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((folded, k) => words[i + k].folded === folded)) return true;
  return false;
}

/**
 * The passage of about `width` characters with the most distinct matched
 * words (the earliest of equals), cut at word boundaries.
 */
export function makeSnippet(text: string, matches: readonly TextMatch[], width = 160): Snippet | undefined {
  if (matches.length === 0) return undefined;
  const folded = matches.map((m) => foldForMatching(text.slice(m.start, m.end)));
  let best = { first: 0, last: 0, distinct: 0 };
  for (let first = 0; first < matches.length; first++) {
    const seen = new Set<string>();
    let last = first;
    for (let k = first; k < matches.length && matches[k].end - matches[first].start <= width * 0.75; k++) {
      seen.add(folded[k]);
      last = k;
    }
    if (seen.size > best.distinct) best = { first, last, distinct: seen.size };
  }
  const spanStart = matches[best.first].start;
  const spanEnd = matches[best.last].end;
  const room = Math.max(0, width - (spanEnd - spanStart));
  let from = Math.max(0, spanStart - Math.floor(room / 3));
  let to = Math.min(text.length, spanEnd + (room - (spanStart - from)));
  // Not across paragraphs, and not in the middle of a word.
  const paragraphStart = text.lastIndexOf('\n\n', spanStart);
  if (paragraphStart >= 0 && paragraphStart + 2 > from) from = paragraphStart + 2;
  const paragraphEnd = text.indexOf('\n\n', spanEnd);
  if (paragraphEnd >= 0 && paragraphEnd < to) to = paragraphEnd;
  while (from > 0 && from < spanStart && wordCharAt(text, from - 1) > 0) from++;
  while (to < text.length && to > spanEnd && wordCharAt(text, to) > 0) to--;

  const lead = from > 0 && text[from - 1] !== '\n' ? '…' : '';
  const tail = to < text.length && text[to] !== '\n' ? '…' : '';
  // Line breaks become spaces, one for one, so offsets carry over.
  const body = text.slice(from, to).replace(/\s/g, ' ');
  const trimmedStart = body.length - body.trimStart().length;
  const inner = body.trim();
  const shift = lead.length - from - trimmedStart;
  const highlights = matches
    .filter((m) => m.start >= from + trimmedStart && m.end <= from + trimmedStart + inner.length)
    .map((m): [number, number] => [m.start + shift, m.end + shift]);
  return { text: lead + inner + tail, highlights, match: { start: spanStart, end: matches[best.first].end } };
}
