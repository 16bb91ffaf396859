/**
 * Offsets and ranges of the article's text: pure, with no DOM, so they are unit-tested on Node
 * (test/unit/webviewLib.test.ts).
 */

/** A range of article text, `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Shared with the core's quote pass, which looks up an article's words the same way.
export { firstEndingAfter } from '../../core/positions';

/** A copy in text order. */
export function sortedRanges<T extends Span>(ranges: readonly T[]): T[] {
  return [...ranges].sort((a, b) => a.start - b.start);
}

/** `[start, end)` of `text` without white space at either end; undefined when nothing is left. */
export function trimRange(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** `index` wrapped into `[0, length)`: one past the last is the first, one before the first the last. */
export function wrapIndex(index: number, length: number): number {
  return ((index % length) + length) % length;
}

/** A piece of `[start, end)` with the ranges that cover all of it. */
export interface Segment<T extends Span> {
  readonly start: number;
  readonly end: number;
  /** In the order given; empty for text under no range. */
  readonly covering: readonly T[];
  /** The innermost (shortest) covering range, the first of equally short ones; undefined under none. */
  readonly inner: T | undefined;
}

/**
 * Cuts `[start, end)` at every boundary of the ranges that overlap it: each piece lies wholly
 * under the same ranges. How overlapping highlights are drawn (the innermost gives the colour).
 */
export function segments<T extends Span>(ranges: readonly T[], start: number, end: number): Segment<T>[] {
  const over = ranges.filter((r) => r.start < end && r.end > start);
  if (over.length === 0) return start < end ? [{ start, end, covering: [], inner: undefined }] : [];
  const cuts = new Set([start, end]);
  for (const r of over) {
    if (r.start > start) cuts.add(r.start);
    if (r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const result: Segment<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const covering = over.filter((r) => r.start <= from && r.end >= to);
    const inner = covering.length ? covering.reduce((best, r) => (r.end - r.start < best.end - best.start ? r : best)) : undefined;
    result.push({ start: from, end: to, covering, inner });
  }
  return result;
}
