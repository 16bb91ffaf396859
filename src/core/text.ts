/**
 * Turning a file's bytes into article text, and text helpers that know that
 * æ, ø and å are letters. Pure TypeScript: runs in Node, the extension host
 * and the webview alike.
 */

/** How the bytes of a file were turned into text. */
export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  /** The text with any byte-order mark removed. Line endings untouched. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** Whether the file started with a UTF-8 byte-order mark. */
  readonly hadBom: boolean;
  /** Something the reader should know about how the text was decoded. */
  readonly warning?: string;
}

export type DecodeResult = { readonly ok: true; readonly value: DecodedText } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false });
const windows1252 = new TextDecoder('windows-1252');

/** How many bytes at the start are examined for NUL bytes, the mark of a binary file. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes. UTF-8 is expected. A file that is not valid UTF-8
 * but has no valid multi-byte UTF-8 sequence either is taken as Windows-1252
 * (older Norwegian corpora are often Latin-1); a file that is mostly UTF-8
 * with a few broken sequences is decoded with U+FFFD in their place. Either
 * way the result carries a warning. Binary files are refused.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' };
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, reason: 'The file is binary (it contains NUL bytes), not text.' };

  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, value: { text: utf8.decode(body), encoding: 'utf-8', hadBom } };
  } catch {
    // Not valid UTF-8: decide below whether it is damaged UTF-8 or a legacy encoding.
  }
  const { valid, invalid, firstInvalid } = countUtf8Sequences(body);
  if (valid === 0) {
    return {
      ok: true,
      value: {
        text: windows1252.decode(body),
        encoding: 'windows-1252',
        hadBom,
        warning: 'The file is not valid UTF-8; it was read as Windows-1252 (Latin-1).',
      },
    };
  }
  return {
    ok: true,
    value: {
      text: utf8Lenient.decode(body),
      encoding: 'utf-8',
      hadBom,
      warning:
        `The file has ${invalid} invalid UTF-8 ${invalid === 1 ? 'sequence' : 'sequences'} ` +
        `(the first at byte ${firstInvalid + (hadBom ? 3 : 0)}); ${invalid === 1 ? 'it is' : 'they are'} shown as \uFFFD.`,
    },
  };
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes. */
function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** Normalises line endings to LF (CRLF and lone CR alike). */
export function normalizeLineEndings(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Whether each BMP code unit is a letter, digit or mark, decided once per
 * character seen (0: not yet known, 1: yes, 2: no). Entity recognition asks
 * this for every character of the corpus; a Unicode pattern per question
 * was its main cost.
 */
const WORD_CHAR = new Uint8Array(0x10000);
const WORD_CHAR_PATTERN = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * The length in UTF-16 code units (1, or 2 for a surrogate pair) of the
 * letter, digit or mark at `index` in `text`, or 0 if there is none there;
 * æ, ø and å are letters like any other.
 */
export function wordCharAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(index) as number;
    return point > 0xffff && WORD_CHAR_PATTERN.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  if (code !== code) return 0; // NaN: past the end
  let known = WORD_CHAR[code];
  if (known === 0) known = WORD_CHAR[code] = WORD_CHAR_PATTERN.test(text[index]) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** Where the run of letters, digits and marks starting at `index` ends (`index` itself if there is none). */
export function wordEnd(text: string, index: number): number {
  let end = index;
  for (let width = wordCharAt(text, end); width > 0; width = wordCharAt(text, end)) end += width;
  return end;
}

/** Calls `visit` with the start and end of every run of letters, digits and marks in `text`, in order. */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    if (wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    visit(i, end);
    i = end;
  }
}

/** Whether `word` starts with an upper-case letter; ASCII is decided without a pattern. */
export function startsUpperCase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Compares strings the Norwegian way: æ, ø, å sort after z. */
export function compareNorwegian(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Collapses runs of white space to one space and trims. */
export function squashWhitespace(text: string): string {
  // Most names are already single-spaced: skip the replacement (a hot path of recognition).
  return /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Shortens `text` to at most `max` characters at a word boundary, adding an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Cut at the last space, unless the cut already ends a word.
  const space = /\s/.test(text[max - 1]) ? cut.length : cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '') + '…';
}

/**
 * A copy of `text` that shares no memory with the string it was cut from.
 * V8 keeps a slice of a long string as a pointer into it, so a short title
 * sliced from an article would keep the whole article alive.
 */
export function detach(text: string): string;
export function detach(text: string | undefined): string | undefined;
export function detach(text: string | undefined): string | undefined {
  return text === undefined ? undefined : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * A form of `text` for forgiving comparison: lower case, accents dropped,
 * and the Norwegian letters folded with their usual spellings without them,
 * both ways: `Støre`, `Store` and `Stoere` all become `store`; `Bærum` and
 * `Baerum` become `barum`; `Ålesund` and `Aalesund` become `alesund`.
 */
export function foldForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/aa|å|ae|æ|oe|ø/g, (letters) => (letters === 'oe' || letters === 'ø' ? 'o' : 'a'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/**
 * A line of context around `text[start, end)`, as in a concordance: about
 * 60 characters (or `widths`) each side, cut at word boundaries, white space
 * squashed, with `…` where the text goes on.
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
  widths: { readonly before?: number; readonly after?: number } = {},
): { before: string; match: string; after: string } {
  let from = Math.max(0, start - (widths.before ?? 60));
  let to = Math.min(text.length, end + (widths.after ?? 60));
  // Not across paragraphs: a concordance line is one passage.
  const paragraphStart = text.lastIndexOf('\n\n', start);
  if (paragraphStart >= 0 && paragraphStart + 2 > from) from = paragraphStart + 2;
  const paragraphEnd = text.indexOf('\n\n', end);
  if (paragraphEnd >= 0 && paragraphEnd < to) to = paragraphEnd;
  const cutBefore = from > 0 && from !== paragraphStart + 2;
  const cutAfter = to < text.length && to !== paragraphEnd;
  // Cut inside a word: start after it (or end before it).
  if (cutBefore && !/\s/.test(text[from - 1])) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (cutAfter && !/\s/.test(text[to])) {
    const space = text.slice(end, to).search(/\s\S*$/);
    if (space >= 0) to = end + space;
  }
  const clean = (part: string) => part.replace(/\s+/g, ' ');
  return {
    before: (cutBefore ? '…' : '') + clean(text.slice(from, start)).trimStart(),
    match: clean(text.slice(start, end)),
    after: clean(text.slice(end, to)).trimEnd() + (cutAfter ? '…' : ''),
  };
}
