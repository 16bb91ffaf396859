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
 *
 * The search is bounded. An approximate match is looked for first next to
 * where the stored context still stands exactly (a small window), and the
 * whole text only within a budget of work units per annotation (characters
 * scanned, cells of edit-distance tables): counted, not timed, so a result
 * never depends on how busy the machine is. What is uncertain is offered
 * for review, never applied: an approximate match whose context does not
 * clearly agree, two places that fit equally, or a search cut short by the
 * budget.
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
  /** Not placed without the user's word: `suggestion` is where it may now be (if anywhere was found). */
  | { readonly status: 'review'; readonly reason: string; readonly suggestion?: { readonly start: number; readonly end: number } }
  | { readonly status: 'orphan'; readonly reason: string };

/**
 * Work units an annotation's search may take: a character the approximate
 * matcher reads (per 32 characters of pattern), a cell of an edit-distance
 * table, or eight characters of a native substring search (which runs about
 * that much faster). About 20 ms of work; a 1 MB article can be searched
 * whole once, not over and over.
 */
export const WORK_BUDGET = 3_000_000;

/** What a search may still spend. */
export class WorkBudget {
  private spent = 0;
  constructor(readonly limit: number = WORK_BUDGET) {}
  get used(): number {
    return this.spent;
  }
  get exhausted(): boolean {
    return this.spent > this.limit;
  }
  /** Whether `units` more fit. */
  allows(units: number): boolean {
    return this.spent + units <= this.limit;
  }
  spend(units: number): void {
    this.spent += units;
  }
}

/** Units of a native search over `chars` characters. */
const nativeScan = (chars: number) => Math.ceil(chars / 8);

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
/** An approximate match is applied only with its context agreeing this well (0–2; both sides nearly intact); a weaker one is offered for review. */
const CONFIDENT_CONTEXT = 1.75;
/** Characters either side of where the context says a quote is, searched first. */
const WINDOW_SLACK = 16;
/** Exact occurrences of a prefix or suffix made into windows at most (a context that common narrows nothing). */
const MAX_WINDOWS = 8;
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

/** Finds the selectors' passage in `text`, which may have changed since they were made, spending at most `budget`. */
export function anchor(text: string, selectors: Selectors, budget: WorkBudget = new WorkBudget()): Anchor {
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
  /** Another occurrence whose context fits as well as the best's. */
  let tied = false;
  let occurrences = 0;
  budget.spend(nativeScan(text.length));
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    occurrences++;
    budget.spend(contextCost(prefix, suffix));
    if (budget.exhausted) return cutShort(best && { start: best.start, end: best.start + exact.length });
    const score = contextScore(text, at, at + exact.length, prefix, suffix);
    const distance = Math.abs(at - hint);
    if (best && score === best.score) tied = true;
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      if (best && score > best.score) tied = false;
      best = { start: at, score, distance };
    }
  }
  if (best && (best.score >= MIN_CONTEXT || (occurrences === 1 && exact.length >= DISTINCTIVE_QUOTE))) {
    const found = { start: best.start, end: best.start + exact.length };
    // Context that does not fully agree: the quote may have been edited where it was, and its words left standing elsewhere.
    if (best.score < 2) {
      const edited = approximateMatch(text, exact, prefix, suffix, hint, budget);
      if (edited === 'exhausted') return cutShort(found);
      if (edited && edited.score > best.score) return judgeFuzzy(edited);
    }
    // The same words twice, their contexts agreeing equally but not fully: which one is meant is the user's call.
    if (tied && best.score < 2) return { status: 'review', reason: 'the quoted text is in the article more than once, and neither place is clearly the one', suggestion: found };
    return { status: 'anchored', ...found, method: 'quote' };
  }

  // 3. The quote lightly edited: the best approximate match, if close enough and in a context like the old one.
  const fuzzy = approximateMatch(text, exact, prefix, suffix, hint, budget);
  if (fuzzy === 'exhausted') return cutShort(undefined);
  if (fuzzy && fuzzy.score >= MIN_FUZZY_CONTEXT) return judgeFuzzy(fuzzy);
  return {
    status: 'orphan',
    reason: best ? 'the quoted text is still in the article, but not where it was' : 'the quoted text is no longer in the article',
  };
}

/** An approximate match: applied when certain, else offered for review. */
function judgeFuzzy(match: FuzzyMatch): Anchor {
  const place = { start: match.start, end: match.end };
  if (match.tied) return { status: 'review', reason: 'the quoted text was changed, and more than one place fits it equally', suggestion: place };
  if (match.score < CONFIDENT_CONTEXT) return { status: 'review', reason: 'the quoted text was changed, and the words around it too', suggestion: place };
  return { status: 'anchored', ...place, method: 'fuzzy' };
}

function cutShort(suggestion: { start: number; end: number } | undefined): Anchor {
  return { status: 'review', reason: 'the search for it was cut short (a long article, much changed)', ...(suggestion ? { suggestion } : {}) };
}

/** Cells of the two edit-distance tables `contextScore` fills. */
function contextCost(prefix: string, suffix: string): number {
  return prefix.length * prefix.length + suffix.length * suffix.length + 1;
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

interface FuzzyMatch {
  readonly start: number;
  readonly end: number;
  /** How well its context agrees, 0–2. */
  readonly score: number;
  readonly errors: number;
  /** Another place fits as well (same context score and errors). */
  readonly tied: boolean;
}

/**
 * The substring of `text` closest to `quote` by edit distance (Sellers'
 * algorithm: a match may start anywhere), with ties going to better context,
 * then to the one nearest the old position. First in the windows where the
 * stored prefix or suffix still stands exactly; the whole text only if that
 * finds nothing certain and the budget allows ('exhausted' if it does not).
 * Long quotes are matched by their first and last `MAX_FUZZY_QUOTE / 2`
 * characters.
 */
function approximateMatch(text: string, quote: string, prefix: string, suffix: string, hint: number, budget: WorkBudget): FuzzyMatch | undefined | 'exhausted' {
  const { windows, gone } = contextWindows(text, quote, prefix, suffix, budget);
  const near = windows.length ? matchIn(text, windows, quote, prefix, suffix, hint, budget) : undefined;
  if (near === 'exhausted' || (near && near.score >= CONFIDENT_CONTEXT && !near.tied)) return near;
  // Its prefix and suffix stand together with no room for it between them: deleted there, not moved (words like it elsewhere are other words).
  if (gone && !near) return undefined;
  const whole = matchIn(text, [[0, text.length]], quote, prefix, suffix, hint, budget, near);
  if (whole === 'exhausted') return near ? { ...near, tied: true } : 'exhausted';
  return better(near, whole);
}

/**
 * Ranges of `text` where the quote would be if the stored prefix (or
 * suffix) that still stands exactly is its own; and whether the two stand
 * together with too little room between them for the quote (it was deleted).
 */
function contextWindows(text: string, quote: string, prefix: string, suffix: string, budget: WorkBudget): { windows: [number, number][]; gone: boolean } {
  const maxErrors = Math.floor(quote.length * (1 - MIN_FUZZY_SIMILARITY));
  const reach = quote.length + maxErrors + WINDOW_SLACK;
  const windows: [number, number][] = [];
  const add = (from: number, to: number) => windows.push([Math.max(0, from), Math.min(text.length, to)]);
  const occurrences = (context: string): number[] | undefined => {
    // A short context (the quote was near the start or end) is too common to narrow anything.
    if (context.length < CONTEXT_LENGTH / 2) return undefined;
    budget.spend(nativeScan(text.length));
    const found: number[] = [];
    for (let at = text.indexOf(context); at >= 0 && found.length <= MAX_WINDOWS; at = text.indexOf(context, at + 1)) found.push(at);
    return found.length > MAX_WINDOWS ? undefined : found;
  };
  const prefixes = occurrences(prefix) ?? [];
  const suffixes = occurrences(suffix) ?? [];
  for (const at of prefixes) add(at + prefix.length - WINDOW_SLACK, at + prefix.length + reach);
  for (const at of suffixes) add(at - reach, at + WINDOW_SLACK);
  const room = quote.length - maxErrors;
  const gone = prefixes.some((p) => suffixes.some((s) => s >= p + prefix.length && s - (p + prefix.length) < room));
  return { windows, gone };
}

function better(a: FuzzyMatch | undefined, b: FuzzyMatch | undefined): FuzzyMatch | undefined {
  if (!a || !b) return a ?? b;
  // The same place, or two readings of it.
  if (a.start < b.end && b.start < a.end && a.score === b.score && a.errors === b.errors) return a;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  if (a.errors !== b.errors) return a.errors < b.errors ? a : b;
  return { ...a, tied: true };
}

/** The best approximate match of `quote` ending inside one of `ranges` (see `approximateMatch`), or 'exhausted'. */
function matchIn(
  text: string,
  ranges: readonly [number, number][],
  quote: string,
  prefix: string,
  suffix: string,
  hint: number,
  budget: WorkBudget,
  known?: FuzzyMatch,
): (FuzzyMatch & { rivals: FuzzyMatch[] }) | undefined | 'exhausted' {
  if (quote.length > MAX_FUZZY_QUOTE) {
    const half = MAX_FUZZY_QUOTE / 2;
    const head = matchIn(text, ranges, quote.slice(0, half), prefix, '', hint, budget);
    if (!head || head === 'exhausted') return head;
    // Each head that fits equally well, finished by its tail: where it must end if the ends are about as far apart as they were.
    const slack = Math.floor(quote.length * (1 - MIN_FUZZY_SIMILARITY));
    const whole: FuzzyMatch[] = known ? [known] : [];
    for (const start of [head, ...head.rivals]) {
      const tail = matchIn(text, [[start.start + quote.length - half - slack, start.start + quote.length + slack]], quote.slice(-half), '', suffix, start.start + quote.length - half, budget);
      if (tail === 'exhausted') return tail;
      if (!tail || Math.abs(tail.end - start.start - quote.length) > slack) continue;
      budget.spend(contextCost(prefix, suffix));
      whole.push({ start: start.start, end: tail.end, score: contextScore(text, start.start, tail.end, prefix, suffix), errors: start.errors + tail.errors, tied: tail.tied });
    }
    return pickBest(whole, hint);
  }
  const maxErrors = Math.floor(quote.length * (1 - MIN_FUZZY_SIMILARITY));
  const candidates: { end: number; errors: number }[] = [];
  const words = Math.ceil(quote.length / 32);
  for (const [from, to] of ranges) {
    // A match ending in the range may start up to a quote's length (and its errors) before it.
    const start = Math.max(0, from - quote.length - maxErrors);
    const end = Math.min(text.length, Math.max(from, to));
    if (end <= start) continue;
    const cost = (end - start) * (words > 1 ? quote.length : 1);
    if (!budget.allows(cost)) return 'exhausted';
    budget.spend(cost);
    for (const c of matchEnds(text.slice(start, end), quote, maxErrors)) if (c.end + start >= from) candidates.push({ end: c.end + start, errors: c.errors });
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => a.end - b.end);
  // Each run of neighbouring ends is one place: its fewest-error ends stand for it (all of them: a letter changed at the
  // quote's end matches one shorter as well, and the context says which is right). The places with fewest errors are weighed first.
  const places: { end: number; errors: number }[] = [];
  for (let i = 0; i < candidates.length; ) {
    let j = i;
    while (j + 1 < candidates.length && candidates[j + 1].end <= candidates[j].end + 1) j++;
    let fewest = Number.POSITIVE_INFINITY;
    for (let k = i; k <= j; k++) fewest = Math.min(fewest, candidates[k].errors);
    // The first and the last end with the fewest errors: the shorter and the longer reading.
    let first = -1;
    let last = -1;
    for (let k = i; k <= j; k++) {
      if (candidates[k].errors !== fewest) continue;
      if (first < 0) first = k;
      last = k;
    }
    places.push(candidates[first]);
    if (last !== first) places.push(candidates[last]);
    i = j + 1;
  }
  places.sort((a, b) => a.errors - b.errors);
  const scored: FuzzyMatch[] = known ? [known] : [];
  for (const { end, errors } of places.slice(0, MAX_FUZZY_PLACES)) {
    const cost = (quote.length + errors + 1) * quote.length + contextCost(prefix, suffix);
    if (!budget.allows(cost)) return 'exhausted';
    budget.spend(cost);
    const start = matchStart(text, quote, end, errors);
    scored.push({ start, end, score: contextScore(text, start, end, prefix, suffix), errors, tied: false });
  }
  return pickBest(scored, hint);
}

/**
 * The best place: the context that fits best (a quote with a typo in its
 * own context beats the exact words elsewhere), then fewer errors, then
 * nearer the old position; tied if another place, not overlapping it (two
 * readings of one place are no rivals), fits as well. The rivals come along
 * for a long quote's head, whose tail decides between them.
 */
function pickBest(scored: readonly FuzzyMatch[], hint: number): (FuzzyMatch & { rivals: FuzzyMatch[] }) | undefined {
  let best: FuzzyMatch | undefined;
  for (const match of scored) {
    if (!best || match.score > best.score || (match.score === best.score && (match.errors < best.errors || (match.errors === best.errors && Math.abs(match.start - hint) < Math.abs(best.start - hint))))) best = match;
  }
  if (!best) return undefined;
  const chosen = best;
  const rivals = scored.filter((m) => m !== chosen && m.score === chosen.score && m.errors === chosen.errors && (m.start >= chosen.end || m.end <= chosen.start));
  return { ...chosen, tied: chosen.tied || rivals.length > 0, rivals: rivals.slice(0, MAX_WINDOWS) };
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
    // One bit mask per character code, in a table kept between calls (cleared after), not a map looked up per character.
    const peq = PEQ;
    for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] |= 1 << i;
    try {
      return bitParallelEnds(text, peq, m, maxErrors);
    } finally {
      for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = 0;
    }
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

/**
 * Where the approximate match ending at `end` with `errors` edits starts:
 * the start that gives that distance, the longest such. One table of the
 * quote against the text read backwards from `end`.
 */
function matchStart(text: string, quote: string, end: number, errors: number): number {
  const m = quote.length;
  const width = Math.min(end, m + errors);
  // row[j]: distance between the last i characters of the quote and the `j` characters before `end`.
  let row = new Int32Array(width + 1);
  let next = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const q = quote.charCodeAt(m - i);
    next[0] = i;
    for (let j = 1; j <= width; j++) next[j] = Math.min(row[j - 1] + (q === text.charCodeAt(end - j) ? 0 : 1), row[j] + 1, next[j - 1] + 1);
    [row, next] = [next, row];
  }
  for (let j = width; j >= 0; j--) if (row[j] === errors) return end - j;
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

/** Bit masks of the pattern's characters, by UTF-16 code: shared by the calls of `matchEnds`, each clearing what it set. */
const PEQ = new Int32Array(0x10000);

/** Myers' search over `text` for a pattern of `m` (at most 32) characters whose masks are in `peq`. */
function bitParallelEnds(text: string, peq: Int32Array, m: number, maxErrors: number): { end: number; errors: number }[] {
  const ends: { end: number; errors: number }[] = [];
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq[text.charCodeAt(j)];
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
