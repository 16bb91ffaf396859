/**
 * The little Markdown a note may hold, as tokens the card turns into DOM nodes with text
 * content (never HTML): pure, unit-tested on Node.
 */

export type InlineToken =
  | { readonly kind: 'text' | 'strong' | 'em' | 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

const INLINE_MARKDOWN = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** **bold**, *italic*, `code` and [links](address) in one line; the rest is text. */
export function inlineTokens(text: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE_MARKDOWN)) {
    const index = match.index ?? 0;
    if (index > at) tokens.push({ kind: 'text', text: text.slice(at, index) });
    if (match[2] !== undefined) tokens.push({ kind: 'strong', text: match[2] });
    else if (match[4] !== undefined) tokens.push({ kind: 'em', text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'code', text: match[5] });
    else tokens.push({ kind: 'link', text: match[6], href: match[7] });
    at = index + match[0].length;
  }
  if (at < text.length) tokens.push({ kind: 'text', text: text.slice(at) });
  return tokens;
}

/** Paragraphs (split at blank lines), each a list of lines, list markers shown as `•` or `1.`. */
export function noteParagraphs(markdown: string): string[][] {
  return markdown
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, (marker) => (/\d/.test(marker) ? marker.trim() + ' ' : '• '))));
}
