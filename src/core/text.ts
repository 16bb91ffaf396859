/**
 * Turning a file's bytes into article text, and text helpers that know that
 * æ, ø and å are letters. Pure TypeScript: runs in Node, the extension host
 * and the webview alike.
 */
import { FNV_OFFSET, FNV_PRIME } from './entities/fnv';

/** How the bytes of a file were turned into text. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text with any byte-order mark removed. Line endings untouched. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** Whether the file started with a byte-order mark (UTF-8, or the UTF-16 one that told its encoding). */
  readonly hadBom: boolean;
  /** Something the reader should know about how the text was decoded. */
  readonly warning?: string;
}

export type DecodeResult = { readonly ok: true; readonly value: DecodedText } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false });
// UTF-16 big-endian is decoded by swapping bytes: a Node built with small ICU knows only 'utf-16le'.
const utf16 = new TextDecoder('utf-16le', { fatal: false });
const windows1252 = new TextDecoder('windows-1252');

/** How many bytes at the start are examined for NUL bytes, the mark of a binary file. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes. UTF-8 is expected. A file that starts with a
 * UTF-16 byte-order mark (little- or big-endian) is decoded as UTF-16. A
 * file that is not valid UTF-8 but has no valid multi-byte UTF-8 sequence
 * either is taken as Windows-1252 (older Norwegian corpora are often
 * Latin-1); a file that is mostly UTF-8 with a few broken sequences is
 * decoded with U+FFFD in their place, counted as the decoder replaces them.
 * Either way the result carries a warning. Binary files are refused.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) {
    return { ok: false, reason: 'The file is UTF-32 (it starts with a UTF-32 byte-order mark), which is not read; save it as UTF-8.' };
  }
  if (startsWith(bytes, 0xff, 0xfe)) return { ok: true, value: decodeUtf16(bytes.subarray(2), true) };
  if (startsWith(bytes, 0xfe, 0xff)) return { ok: true, value: decodeUtf16(bytes.subarray(2), false) };
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    return {
      ok: false,
      reason: looksLikeUtf16(sniff)
        ? 'The file looks like UTF-16 without a byte-order mark (every other byte is NUL); save it as UTF-8, or as UTF-16 with a byte-order mark.'
        : 'The file is binary (it contains NUL bytes), not text.',
    };
  }

  const hadBom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, value: { text: utf8.decode(body), encoding: 'utf-8', hadBom } };
  } catch {
    // Not valid UTF-8: decide below whether it is damaged UTF-8 or a legacy encoding.
  }
  const { valid, invalid, firstInvalid } = scanUtf8(body);
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
    value: { text: utf8Lenient.decode(body), encoding: 'utf-8', hadBom, warning: replacedWarning('UTF-8', invalid, firstInvalid + (hadBom ? 3 : 0)) },
  };
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, i) => bytes[i] === value);
}

function replacedWarning(encoding: string, invalid: number, firstByte: number): string {
  return (
    `The file has ${invalid} invalid ${encoding} ${invalid === 1 ? 'sequence' : 'sequences'} ` +
    `(the first at byte ${firstByte}); ${invalid === 1 ? 'it is' : 'they are'} shown as \uFFFD.`
  );
}

/** Whether NUL bytes sit at (nearly) every other position, as in UTF-16 text of Latin letters. */
function looksLikeUtf16(sniff: Uint8Array): boolean {
  const nuls = [0, 0];
  for (let i = 0; i < sniff.length; i++) if (sniff[i] === 0) nuls[i & 1]++;
  const half = sniff.length / 2;
  const oneSide = (many: number, few: number) => many >= half * 0.5 && few <= half * 0.05;
  return oneSide(nuls[0], nuls[1]) || oneSide(nuls[1], nuls[0]);
}

/** Decodes UTF-16 (the byte-order mark already removed), with U+FFFD for what is broken, as the WHATWG decoder does. */
function decodeUtf16(body: Uint8Array, littleEndian: boolean): DecodedText {
  let le = body;
  if (!littleEndian) {
    le = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      le[i] = body[i + 1];
      le[i + 1] = body[i];
    }
    if (body.length % 2 === 1) le[body.length - 1] = body[body.length - 1];
  }
  const encoding = littleEndian ? 'utf-16le' : 'utf-16be';
  const { invalid, firstInvalid } = scanUtf16(le);
  const text = utf16.decode(le);
  return invalid === 0
    ? { text, encoding, hadBom: true }
    : { text, encoding, hadBom: true, warning: replacedWarning('UTF-16', invalid, firstInvalid + 2) };
}

/** What a scan of bytes found: well-formed multi-byte sequences, and the ill-formed ones the decoder replaces with U+FFFD. */
export interface EncodingScan {
  /** Well-formed multi-byte sequences (UTF-8) or surrogate pairs (UTF-16). */
  readonly valid: number;
  /** How many U+FFFD the WHATWG decoder puts in for broken input. */
  readonly invalid: number;
  /** The offset of the first byte of the first ill-formed sequence, -1 if there is none. */
  readonly firstInvalid: number;
  /** How many U+FFFD the input itself encodes (not replacements). */
  readonly literalReplacements: number;
}

/**
 * Scans UTF-8 the way the WHATWG (Encoding Standard) decoder reads it, so
 * that `invalid` is exactly the number of U+FFFD it substitutes: each
 * maximal subpart of an ill-formed sequence is one replacement. Overlong
 * forms (`E0 80 AF`, `C0 AF`), encoded surrogates (`ED A0 80`), code points
 * past U+10FFFF and 5- and 6-byte forms are ill-formed.
 */
export function scanUtf8(bytes: Uint8Array): EncodingScan {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let literalReplacements = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let start = 0;
  let point = 0;
  const fail = (at: number) => {
    if (firstInvalid < 0) firstInvalid = at;
    invalid++;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        point = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        point = b & 0xf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        point = b & 0x7;
      } else {
        fail(i);
        continue;
      }
      start = i;
      seen = 0;
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one replacement; this byte is read again as a new start.
      fail(start);
      needed = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    point = (point << 6) | (b & 0x3f);
    if (++seen === needed) {
      valid++;
      if (point === 0xfffd) literalReplacements++;
      needed = 0;
    }
  }
  if (needed !== 0) fail(start);
  return { valid, invalid, firstInvalid, literalReplacements };
}

/**
 * Scans little-endian UTF-16 the way the WHATWG decoder reads it: an
 * unpaired surrogate is one replacement, and an odd last byte (or a lead
 * surrogate at the end, or both) is one more.
 */
export function scanUtf16(le: Uint8Array): EncodingScan {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let literalReplacements = 0;
  let lead = -1;
  const fail = (at: number) => {
    if (firstInvalid < 0) firstInvalid = at;
    invalid++;
  };
  const units = le.length >> 1;
  for (let u = 0; u < units; u++) {
    const code = le[2 * u] | (le[2 * u + 1] << 8);
    const isLow = code >= 0xdc00 && code <= 0xdfff;
    if (lead >= 0) {
      if (isLow) {
        valid++;
        lead = -1;
        continue;
      }
      fail(lead);
      lead = -1;
    }
    if (code >= 0xd800 && code <= 0xdbff) lead = 2 * u;
    else if (isLow) fail(2 * u);
    else if (code === 0xfffd) literalReplacements++;
  }
  if (lead >= 0) fail(lead);
  else if (le.length % 2 === 1) fail(le.length - 1);
  return { valid, invalid, firstInvalid, literalReplacements };
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

/** Whether the run of letters, digits and marks that ends just before `end` starts with a capital (false when there is none). */
export function wordBeforeIsCapitalised(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && wordCharAt(text, start - 1) === 1) start--;
  return start < end && startsUpperCase(text[start]);
}

/** Whether the character at `index` is a lower-case letter (ASCII at once, others by case mapping); false past the end. */
export function isLowerCaseAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 97 && code <= 122;
  if (code !== code) return false; // past the end
  const char = text[index];
  return char !== char.toUpperCase();
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

/** A `FoldCache`'s slots at first. */
const FIRST_FOLD_SLOTS = 1024;

/**
 * `foldForMatching` with the folds of the strings it has seen kept, up to `limit` of them (then it starts
 * over): for hot paths that fold the same words or names again and again.
 *
 * A word of a text is looked up by its place in the text (`foldRange`), without cutting it out first: Search
 * Corpus finds the matched words of thirty articles on every keystroke, and a string cut out for every word
 * of them was 0.2 GB of the extension host's garbage over a cold index of 100,000 articles. So the table is
 * its own (open addressing, FNV-1a over the characters), not a `Map`, which takes only whole strings.
 */
export class FoldCache {
  private mask: number;
  /** Per slot: the string folded (undefined when free), its hash and its fold. */
  private originals: (string | undefined)[];
  private hashes: Int32Array;
  private folds: string[];
  private size = 0;
  /** Slots at most: the table is at most half full, so that a probe ends soon. */
  private readonly maxSlots: number;

  constructor(private readonly limit: number) {
    this.maxSlots = 2 ** Math.ceil(Math.log2(Math.max(2, 2 * limit)));
    // Grown as it fills: a cache that a window never uses much costs it little.
    const slots = Math.min(this.maxSlots, FIRST_FOLD_SLOTS);
    this.mask = slots - 1;
    this.originals = new Array<string | undefined>(slots).fill(undefined);
    this.hashes = new Int32Array(slots);
    this.folds = new Array<string>(slots).fill('');
  }

  fold(text: string): string {
    return this.foldRange(text, 0, text.length);
  }

  /** The fold of `text.slice(start, end)`; the slice is made only when that string has not been seen. */
  foldRange(text: string, start: number, end: number): string {
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    hash |= 0;
    let slot = this.findSlot(text, start, end, hash);
    if (this.originals[slot] !== undefined) return this.folds[slot];
    if (this.size >= this.limit) {
      this.originals.fill(undefined);
      this.folds.fill('');
      this.size = 0;
      slot = hash & this.mask;
    } else if (2 * (this.size + 1) > this.mask + 1 && this.mask + 1 < this.maxSlots) {
      this.grow();
      slot = this.findSlot(text, start, end, hash);
    }
    const original = start === 0 && end === text.length ? text : text.slice(start, end);
    const folded = foldForMatching(original);
    this.originals[slot] = original;
    this.hashes[slot] = hash;
    this.folds[slot] = folded;
    this.size++;
    return folded;
  }

  /** The slot that holds `text[start, end)`, or the free one where it would go. */
  private findSlot(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const seen = this.originals[slot];
      if (seen === undefined) return slot;
      if (this.hashes[slot] !== hash || seen.length !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = seen.charCodeAt(i) === text.charCodeAt(start + i);
      if (same) return slot;
    }
  }

  /** Twice the slots, each string placed again by its hash. */
  private grow(): void {
    const { originals, hashes, folds } = this;
    const slots = 2 * originals.length;
    this.mask = slots - 1;
    this.originals = new Array<string | undefined>(slots).fill(undefined);
    this.hashes = new Int32Array(slots);
    this.folds = new Array<string>(slots).fill('');
    for (let old = 0; old < originals.length; old++) {
      const original = originals[old];
      if (original === undefined) continue;
      let slot = hashes[old] & this.mask;
      while (this.originals[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.originals[slot] = original;
      this.hashes[slot] = hashes[old];
      this.folds[slot] = folds[old];
    }
  }
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
