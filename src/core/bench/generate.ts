/**
 * A deterministic corpus for benchmarks, generated from the sample articles:
 * each article takes a header, a headline and a run of paragraphs drawn from
 * the seeds by a seeded random generator, so every run (and every machine)
 * measures the same text. The `realistic` variant replaces every
 * capitalised word and most others of nine articles in ten with made-up words, so that real names occur in
 * about a tenth of the articles and the vocabulary grows as in a real corpus.
 */
import { splitParagraphs } from '../parse';
import { normalizeLineEndings } from '../text';

export interface GeneratedArticle {
  readonly name: string;
  /** The whole file text, header included. */
  readonly text: string;
}

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  readonly realistic?: boolean;
}

/** mulberry32: small, fast and good enough to shuffle paragraphs reproducibly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'vi', 'len', 'dra', 'mo', 'sti', 'ber', 'un', 'gal', 'fe', 'tor', 'is', 'ne', 'pu', 'sk', 'ør', 'å', 'æl', 'han'];

export function* generateArticles(seedTexts: readonly string[], options: GenerateOptions): Generator<GeneratedArticle> {
  const next = random(options.seed ?? 1);
  const paragraphs = seedTexts.flatMap((file) => {
    const body = normalizeLineEndings(file).replace(/^\uFEFF?\s*date\s+\S+\s*/i, '');
    return splitParagraphs(body).map((p) => p.value);
  });
  if (paragraphs.length === 0) return;
  const pick = () => paragraphs[Math.floor(next() * paragraphs.length)];
  const madeUp = () => {
    const length = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return word;
  };
  for (let n = 0; n < options.count; n++) {
    const year = 2000 + Math.floor(next() * 25);
    const month = 1 + Math.floor(next() * 12);
    const body: string[] = [pick().split(/(?<=[.!?])\s/u)[0]];
    const length = 8 + Math.floor(next() * 14);
    for (let i = 0; i < length; i++) body.push(pick());
    let text = body.join('\n\n');
    if (options.realistic && next() < 0.9) {
      // Every name and most other words: real names then occur in about a tenth of the articles.
      text = text.replace(/[\p{L}]{2,}/gu, (word) => (/^\p{Lu}/u.test(word) ? capitalise(madeUp()) : word.length >= 4 && next() < 0.8 ? madeUp() : word));
    }
    yield { name: `generated-${String(n).padStart(6, '0')}.txt`, text: ` date ${year}-${String(month).padStart(2, '0')} ${text}\n` };
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('nb') + word.slice(1);
}

/** A run of one to twelve words of `text` from a random word start, drawn with `next` (two draws): where a benchmark puts an annotation. */
export function randomWordRun(text: string, next: () => number): { start: number; end: number } {
  let start = Math.floor(next() * (text.length - 1));
  while (start > 0 && /\S/.test(text[start - 1])) start--;
  let end = start;
  for (let words = 1 + Math.floor(next() * 12); words > 0 && end < text.length; words--) {
    while (end < text.length && /\s/.test(text[end])) end++;
    while (end < text.length && /\S/.test(text[end])) end++;
  }
  if (end <= start) end = Math.min(text.length, start + 1);
  return { start, end };
}
