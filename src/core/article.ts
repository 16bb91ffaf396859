/**
 * The model of one article file. Offsets are UTF-16 indices into
 * `Article.text`: the file's text after the header, with the byte-order mark
 * removed and line endings normalised to LF, so `text.slice(start, end)` is
 * the span.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Top-level parts of an article, in reading order. */
export type BlockKind =
  | 'headline'
  | 'lead'
  | 'byline'
  | 'caption'
  | 'subheading'
  | 'quote'
  | 'paragraph'
  | 'published'
  | 'related'
  | 'infobox'
  | 'duplicate';

/** Parts inside a block. */
export type InlineKind =
  | 'dateline'
  | 'speaker'
  | 'captionLabel'
  | 'credit'
  | 'author'
  | 'agency'
  | 'infoboxLabel'
  | 'infoboxTitle'
  | 'infoboxParagraph'
  | 'infoboxMore';

export type PartKind = BlockKind | InlineKind;

export interface Part extends Span {
  readonly kind: PartKind;
}

export interface InlinePart extends Span {
  readonly kind: InlineKind;
}

export interface Block extends Span {
  readonly kind: BlockKind;
  /** Sub-parts inside the block, in text order, none overlapping. */
  readonly parts: readonly InlinePart[];
  /** A subheading that is also a quote (`– Må være forberedt på alt`). */
  readonly quoted?: boolean;
}

/** A month, and a day where the header gives one. */
export interface ArticleDate {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day?: number;
}

export interface Byline {
  /** The byline as printed, tidied (`NTB, Runa Fjellanger og Kyrre Lien`). */
  readonly text: string;
  readonly authors: readonly string[];
  readonly agencies: readonly string[];
}

export interface Article {
  readonly date: ArticleDate;
  /** Always found and never empty: the headline, or failing that the first sentence. */
  readonly title: string;
  /** The text after the header (see the module comment). */
  readonly text: string;
  /** Characters of the normalised file text before `text`: the header. */
  readonly headerLength: number;
  /** How many line breaks the header holds (0, or 1 when the text starts on the next line). */
  readonly headerLines: number;
  readonly blocks: readonly Block[];
  readonly byline?: Byline;
  /** The source named in the dateline: `VG` in `OSLO/KYIV (VG)`. */
  readonly source?: string;
  /** The lead paragraph's text, white space squashed. */
  readonly lead?: string;
  /** Photo credits (`Andrew Marienko/ AP`). */
  readonly credits: readonly string[];
  /** Things the reader should know about the file (decoding, repairs). */
  readonly warnings: readonly string[];
}

export type ParseFailure =
  /** The file does not look like an article at all (no header): skipped when scanning folders. */
  | { readonly ok: false; readonly kind: 'notArticle'; readonly reason: string }
  /** The file looks like an article but cannot be read as one. */
  | { readonly ok: false; readonly kind: 'invalid'; readonly reason: string };

export type ParseResult = { readonly ok: true; readonly article: Article } | ParseFailure;

/** `YYYY-MM`. */
export function monthKey(date: ArticleDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** Every part of the article, blocks and their inline parts, flattened in text order. */
export function flattenParts(article: Pick<Article, 'blocks'>): Part[] {
  const parts: Part[] = [];
  for (const block of article.blocks) {
    parts.push({ kind: block.kind, start: block.start, end: block.end });
    for (const inline of block.parts) parts.push({ kind: inline.kind, start: inline.start, end: inline.end });
  }
  return parts;
}
