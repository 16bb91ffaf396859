/**
 * Where a user's annotation sits in an article's text, described so that it
 * can be found again after the text changes: a W3C `TextQuoteSelector`
 * (the exact text with 32 characters of context each side) and a
 * `TextPositionSelector` (code-point offsets into the article text after the
 * header, line endings normalised).
 *
 * Anchoring follows the approach Hypothesis uses: the position first, when
 * the text there still equals the quote; else the quote itself, the
 * occurrence whose context fits best (and, among equals, the one nearest the
 * old position); else an approximate match of the quote, good enough only
 * if most of it survived. Otherwise the annotation is an orphan: it keeps its
 * quote and note and is never attached to some other passage.
 */

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  /** Code points from the start of the article text. */
  readonly start: number;
  readonly end: number;
}

export interface Selectors {
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** Where an annotation was found, in UTF-16 offsets of the text, and how. */
export type Anchor =
  | { readonly status: 'anchored'; readonly start: number; readonly end: number; readonly method: 'position' | 'quote' | 'fuzzy' }
  | { readonly status: 'orphan'; readonly reason: string };

/** Characters of context stored each side of a quote. */
export const CONTEXT_LENGTH = 32;
/** An approximate match must keep at least this share of the quote (edit distance at most the rest). */
const MIN_FUZZY_SIMILARITY = 0.75;
/** How much of the stored context (0–2: the share of the prefix and of the suffix that agree) a match elsewhere needs. */
const MIN_CONTEXT = 0.5;
/**
 * An approximate match needs more: words edited where they were keep their
 * context on both sides, while similar words elsewhere (a paragraph the
 * article repeats with a change) share it on one side at most.
 */
const MIN_FUZZY_CONTEXT = 1.25;
/** A quote this long that occurs once is itself evidence enough, whatever its context now. */
const DISTINCTIVE_QUOTE = 24;
/** Places weighed for an approximate match, the fewest-error first. */
const MAX_FUZZY_PLACES = 64;
/** Quotes longer than this are matched approximately by their start and end only (each fits the bit-parallel matcher). */
const MAX_FUZZY_QUOTE = 64;

/** The selectors for `text[start, end)` (UTF-16 offsets, as the reader and the editor have them). */
export function describeRange(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: sliceCodePoints(text.slice(0, start), -CONTEXT_LENGTH),
      suffix: sliceCodePoints(text.slice(end), 0, CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: codePointOffset(text, start), end: codePointOffset(text, end) },
  };
}

/** Finds the selectors' passage in `text`, which may have changed since they were made. */
export function anchor(text: string, selectors: Selectors): Anchor {
  const { exact, prefix, suffix } = selectors.quote;
  if (exact === '') return { status: 'orphan', reason: 'the annotation quotes no text' };
  const hintStart = utf16Offset(text, selectors.position.start);

  // 1. The position still holds the quote.
  if (hintStart !== undefined && text.startsWith(exact, hintStart)) {
    return { status: 'anchored', start: hintStart, end: hintStart + exact.length, method: 'position' };
  }

  // 2. The quote as it was: the occurrence whose context fits best, then the nearest the old position.
  //    A short quote needs its context: `Putin` elsewhere in the text is not the `Putin` that was deleted.
  const hint = hintStart ?? Math.min(text.length, selectors.position.start);
  let best: { start: number; score: number; distance: number } | undefined;
  let occurrences = 0;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    occurrences++;
    const score = contextScore(text, at, at + exact.length, prefix, suffix);
    const distance = Math.abs(at - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  if (best && (best.score >= MIN_CONTEXT || (occurrences === 1 && exact.length >= DISTINCTIVE_QUOTE))) {
    // Context that does not fully agree: the quote may have been edited where it was, and its words left standing elsewhere.
    if (best.score < 2) {
      const edited = approximateMatch(text, exact, prefix, suffix, hint);
      if (edited && contextScore(text, edited.start, edited.end, prefix, suffix) > best.score) return { status: 'anchored', ...edited, method: 'fuzzy' };
    }
    return { status: 'anchored', start: best.start, end: best.start + exact.length, method: 'quote' };
  }

  // 3. The quote lightly edited: the best approximate match, if close enough and in a context like the old one.
  const fuzzy = approximateMatch(text, exact, prefix, suffix, hint);
  if (fuzzy && contextScore(text, fuzzy.start, fuzzy.end, prefix, suffix) >= MIN_FUZZY_CONTEXT) return { status: 'anchored', ...fuzzy, method: 'fuzzy' };
  return {
    status: 'orphan',
    reason: best ? 'the quoted text is still in the article, but not where it was' : 'the quoted text is no longer in the article',
  };
}

/**
 * How well the text around `[start, end)` agrees with the stored context,
 * 0–2: per side, 1 minus twice the share of the context that must be edited
 * to become the text there (at least 0). A letter changed next to the quote
 * costs a little; unrelated text, which differs in most places, scores 0.
 */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  // No stored context: the quote was at the very start (or end), and agrees only where it still is.
  const before = prefix.length ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : start === 0 ? 1 : 0;
  const after = suffix.length ? similarity(suffix, text.slice(end, end + suffix.length)) : end === text.length ? 1 : 0;
  return before + after;
}

function similarity(stored: string, found: string): number {
  if (stored === found) return 1;
  return Math.max(0, 1 - (2 * editDistance(stored, found)) / stored.length);
}

/**
 * The substring of `text` closest to `quote` by edit distance (Sellers'
 * algorithm: a match may start anywhere), with ties going to better context,
 * then to the one nearest the old position. Long quotes are matched by their
 * first and last `MAX_FUZZY_QUOTE / 2` characters.
 */
function approximateMatch(text: string, quote: string, prefix: string, suffix: string, hint: number): { start: number; end: number } | undefined {
  if (quote.length > MAX_FUZZY_QUOTE) {
    const half = MAX_FUZZY_QUOTE / 2;
    const head = approximateMatch(text, quote.slice(0, half), prefix, '', hint);
    if (!head) return undefined;
    const tail = approximateMatch(text.slice(head.start), quote.slice(-half), '', suffix, Math.max(0, hint - head.start + quote.length - half));
    if (!tail) return undefined;
    const end = head.start + tail.end;
    // The ends must be about as far apart as they were.
    return Math.abs(end - head.start - quote.length) <= quote.length * (1 - MIN_FUZZY_SIMILARITY) ? { start: head.start, end } : undefined;
  }
  const maxErrors = Math.floor(quote.length * (1 - MIN_FUZZY_SIMILARITY));
  const candidates = matchEnds(text, quote, maxErrors);
  if (candidates.length === 0) return undefined;
  // Each run of neighbouring ends is one place: its fewest-error end stands for it. The places with fewest errors are weighed first.
  const places = candidates.filter(
    (c, i) =>
      !(i > 0 && candidates[i - 1].end === c.end - 1 && candidates[i - 1].errors <= c.errors) &&
      !(i + 1 < candidates.length && candidates[i + 1].end === c.end + 1 && candidates[i + 1].errors < c.errors),
  );
  places.sort((a, b) => a.errors - b.errors);
  // The best place: the context that fits best (a quote with a typo in its own context beats the exact words elsewhere), then fewer errors, then nearer the old position.
  let best: { start: number; end: number; score: number; errors: number; distance: number } | undefined;
  for (const { end, errors } of places.slice(0, MAX_FUZZY_PLACES)) {
    const start = matchStart(text, quote, end, errors);
    const score = contextScore(text, start, end, prefix, suffix);
    const distance = Math.abs(start - hint);
    if (!best || score > best.score || (score === best.score && (errors < best.errors || (errors === best.errors && distance < best.distance)))) {
      best = { start, end, score, errors, distance };
    }
  }
  return best && { start: best.start, end: best.end };
}

/**
 * Every end position of a substring of `text` within `maxErrors` edits of
 * `pattern` (Sellers: a match may start anywhere), with its edit distance.
 * Myers' bit-parallel algorithm (one pass of a few integer operations per
 * character) for patterns of up to 32 characters; a column of the
 * dynamic-programming table otherwise.
 */
export function matchEnds(text: string, pattern: string, maxErrors: number): { end: number; errors: number }[] {
  const m = pattern.length;
  const ends: { end: number; errors: number }[] = [];
  if (m <= 32) {
    const peq = new Map<number, number>();
    for (let i = 0; i < m; i++) {
      const code = pattern.charCodeAt(i);
      peq.set(code, (peq.get(code) ?? 0) | (1 << i));
    }
    const high = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let j = 0; j < text.length; j++) {
      const eq = peq.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      // Search mode: the top row stays 0 (a match may start anywhere), so nothing is shifted in.
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= maxErrors) ends.push({ end: j + 1, errors: score });
    }
    return ends;
  }
  // column[i]: edit distance of pattern[0, i) against the best substring ending at the current text position.
  let column = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  for (let j = 1; j <= text.length; j++) {
    const char = text.charCodeAt(j - 1);
    next[0] = 0;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(i - 1) === char ? 0 : 1;
      next[i] = Math.min(column[i - 1] + cost, column[i] + 1, next[i - 1] + 1);
    }
    [column, next] = [next, column];
    if (column[m] <= maxErrors) ends.push({ end: j, errors: column[m] });
  }
  return ends;
}

/** Where the approximate match ending at `end` with `errors` edits starts: the start that gives that distance, the longest such. */
function matchStart(text: string, quote: string, end: number, errors: number): number {
  const m = quote.length;
  for (let start = Math.max(0, end - m - errors); start <= end; start++) {
    if (editDistance(text.slice(start, end), quote) === errors) return start;
  }
  return Math.max(0, end - m);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
    previous = current;
  }
  return previous[b.length];
}

/** The number of code points in `text[0, utf16)`. */
export function codePointOffset(text: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of code point number `points`, or undefined past the end. */
export function utf16Offset(text: string, points: number): number | undefined {
  let i = 0;
  for (let seen = 0; seen < points; seen++) {
    if (i >= text.length) return undefined;
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
  }
  return i;
}

/** `Array.from(text).slice(from, to).join('')` without splitting surrogate pairs, for short context strings. */
function sliceCodePoints(text: string, from: number, to?: number): string {
  if (from < 0) {
    // The last -from code points: only the tail is examined.
    const tail = Array.from(text.slice(Math.max(0, text.length + from * 2)));
    return tail.slice(from).join('');
  }
  return Array.from(text.slice(0, (to ?? text.length) * 2)).slice(from, to).join('');
}
