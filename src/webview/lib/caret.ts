/**
 * Moving a caret through the article's text by character and by word: pure, on offsets, so it
 * is unit-tested on Node. Letters are Unicode letters (æ, ø, å and every other), with digits
 * and combining marks: `Nato-møter` is two words, `105` one.
 */
import type { Span } from './ranges';

const WORD = /[\p{L}\p{M}\p{N}]/u;

/** Whether the character (code point) starting at `offset` belongs to a word. */
export function isWordAt(text: string, offset: number): boolean {
  const point = text.codePointAt(offset);
  return point !== undefined && WORD.test(String.fromCodePoint(point));
}

/** One character on, never splitting a surrogate pair. */
export function nextChar(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const point = text.codePointAt(offset) ?? 0;
  return offset + (point > 0xffff ? 2 : 1);
}

/** One character back, never splitting a surrogate pair. */
export function previousChar(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const low = text.charCodeAt(offset - 1);
  const high = offset >= 2 ? text.charCodeAt(offset - 2) : 0;
  return offset - (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1);
}

/** The end of the word at or after `offset` (Ctrl+Right): past any gap, then past the word. */
export function nextWordEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isWordAt(text, at)) at = nextChar(text, at);
  while (at < text.length && isWordAt(text, at)) at = nextChar(text, at);
  return at;
}

/** The start of the word at or before `offset` (Ctrl+Left): back past any gap, then past the word. */
export function previousWordStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isWordAt(text, previousChar(text, at))) at = previousChar(text, at);
  while (at > 0 && isWordAt(text, previousChar(text, at))) at = previousChar(text, at);
  return at;
}

/** The end of the sentence `offset` is in: after the next `.`, `!`, `?` or `…` (with closing quotes) that a space or the end follows. */
export function nextSentenceEnd(text: string, offset: number): number {
  const rest = /[.!?…]+["»”')]*(?=\s|$)/gu;
  rest.lastIndex = offset;
  // Past the punctuation the caret may be at already.
  for (let match = rest.exec(text); match; match = rest.exec(text)) {
    const end = match.index + match[0].length;
    if (end > offset) return end;
  }
  return text.length;
}

/**
 * Where a caret at `offset` may stand, given the rendered pieces of text (in text order, not
 * overlapping): `offset` itself if it is in one (ends included), else the nearest edge of a
 * piece in direction `towards` (+1 on, −1 back), else the nearest edge the other way.
 */
export function snapToRendered(pieces: readonly Span[], offset: number, towards: 1 | -1): number | undefined {
  if (pieces.length === 0) return undefined;
  for (const piece of pieces) if (piece.start <= offset && offset <= piece.end) return offset;
  const after = pieces.find((piece) => piece.start > offset);
  const before = [...pieces].reverse().find((piece) => piece.end < offset);
  if (towards > 0) return after?.start ?? before?.end;
  return before?.end ?? after?.start;
}

/** The start of the sentence before `offset` (or of the one it is in, when it is not at its start): after the sentence end before it and its spaces. */
export function previousSentenceStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  const ends = /[.!?…]+["»”')]*(?=\s|$)/gu;
  let start = 0;
  for (let match = ends.exec(text); match && match.index + match[0].length < at; match = ends.exec(text)) start = match.index + match[0].length;
  while (start < offset && /\s/.test(text[start])) start++;
  return start;
}
