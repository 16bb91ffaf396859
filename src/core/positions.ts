/**
 * Between an article's coordinates (offsets into `Article.text`) and an
 * editor's (line and character in the file as written). The parser's
 * normalisation only turns CRLF into LF and drops a byte-order mark, and
 * editors count neither, so lines and characters are the same in both.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface ArticleCoordinates {
  /** The article text offset at a position, or -1 in the header or outside the text. */
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

/**
 * Coordinates of an article from the parser's own fields: the header is one
 * line (or one line and its line break), so its text need not be kept.
 */
export function coordinatesOf(article: { readonly text: string; readonly headerLength: number; readonly headerLines: number }): ArticleCoordinates {
  const header = article.headerLines > 0 ? `${' '.repeat(article.headerLength - 1)}\n` : ' '.repeat(article.headerLength);
  return articleCoordinates(header + article.text, article.headerLength);
}

/** `normalized` is the file's text with LF line endings and no BOM; `headerLength` as the parser gave it. */
export function articleCoordinates(normalized: string, headerLength: number): ArticleCoordinates {
  const lineStarts = [0];
  for (let i = normalized.indexOf('\n'); i >= 0; i = normalized.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    offsetAt({ line, character }) {
      if (line < 0 || line >= lineStarts.length) return -1;
      const absolute = lineStarts[line] + character;
      const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : normalized.length + 1;
      if (absolute >= lineEnd || absolute < headerLength) return -1;
      return absolute - headerLength;
    },
    positionAt(offset) {
      const absolute = offset + headerLength;
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid] <= absolute) low = mid;
        else high = mid - 1;
      }
      return { line: low, character: absolute - lineStarts[low] };
    },
  };
}

/** Binary search over ranges sorted by end: the index of the first that ends after `offset`. */
export function firstEndingAfter(ranges: readonly { readonly end: number }[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
