/**
 * Parses an article file into its structure: date, headline, captions with
 * their credits, dateline, lead, byline, subheadings, quotes, paragraphs and
 * page furniture. The rules follow Norwegian news text as scraped (see
 * README, "Article files"); every part keeps its offsets into the text.
 */
import { fullStopEndsSentenceAt } from './fullStops';
import { isMediumName, isNewsAgency } from './media';
import type { Article, ArticleDate, Block, BlockKind, Byline, InlinePart, ParseFailure, ParseResult, Span } from './article';
import { normalizeLineEndings, squashWhitespace, truncateAtWord } from './text';

/** ` date 2022-02 `: optional day, case and surrounding white space forgiven. */
const HEADER = /^[ \t]*date[ \t]+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ \t]+|[ \t]*\n|$)/i;
/** Something that is meant to be a header, however broken: `date` and a number, or ` date` with its leading space. */
const HEADER_LIKE = /^(?:[ \t]*date[ \t]+(?=\d)|[ \t]+date[ \t]+)(\S*)/i;

/** `HOLDT AVSTANDEN:`, `I SNØVÆRET:`, `ATOM-MAKT:`: an upper-case label and a colon. */
const CAPTION_LABEL = /^(\p{Lu}[\p{Lu}\p{M}\p{N} '’&./-]{0,38}\p{Lu})\s*:\s+(?=\S)/u;
/** `Foto: THIBAULT CAMUS / AFP` at the end of a paragraph. */
const CREDIT = /(?:^|\s)((?:Foto|Photo|Bilde|Illustrasjon|Grafikk|Video|Skjermdump)\s*:\s*([^\n]{1,80}?))\s*$/u;
/** `Publisert: For mindre enn 10 minutter siden`. */
const PUBLISHED = /^(?:Publisert|Oppdatert|Sist oppdatert|Published|Updated)\s*:/iu;
/** The info box opens with `Info` and a capitalised title. */
const INFOBOX_START = /^Info\s+(?=\p{Lu})/u;
const INFOBOX_END = /\s*Vis mer\s*$/u;
/** A paragraph opening with a dash and a space is a quote. */
const QUOTE = /^[–—―-]\s/u;
/** `Av NTB , Runa Fjellanger og Kyrre Lien`, `Tekst: Kari Holm Foto: Ola Dahl`, `Tekst og foto: Kari Holm`. */
const BYLINE = /^(?:(?:Skrevet\s+)?av\s*:?|By\s*:?|(?:Tekst(?:\s+og\s+foto)?|Text|Intervju|Journalist|Reporter)\s*:)\s+(\S[^\n]*)$/iu;
/** A role after a name in a byline: `Kari Holm, journalist`, `Ola Dahl, fotograf`, `Per Berg, politisk redaktør`. */
const ROLE_AFTER_NAME = /^(?:\p{Ll}+(?:\s+\p{Ll}+){0,2})$/u;
/** A byline that is only a name and a journalist's role: `Eirik Hansen, journalist`, `Kari Holm, reporter`. */
const JOURNALIST_LINE = /^\p{Lu}[\p{L}\p{M}'’. -]{2,60},\s*(?:\p{Ll}*journalist|reporter|korrespondent|kommentator)$/u;
/** An e-mail address in a byline: `Kari Holm kari.holm@bt.no`. */
const EMAIL = /\s*<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/gu;
/** A byline that is a name and its e-mail address alone: `Tor Arne Vik tor.arne.vik@an.no`. */
const NAME_AND_EMAIL = /^\p{Lu}[\p{L}\p{M}'’.-]+(?: \p{Lu}[\p{L}\p{M}'’.-]+){1,3},?\s+<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?$/u;
/** A byline without `Av` that gives its people's roles in brackets: `Runa Fjellanger (tekst) og Kyrre Lien (foto)`. */
const ROLE_IN_BRACKETS = /\((?:tekst|foto|tekst og foto|video|illustrasjon|grafikk)\)/iu;
/** A second role's label inside a byline: `Kari Holm Foto: Ola Dahl`, `Kari Holm, foto: Ola Dahl`. */
const ROLE_LABEL = /\s*,?\s+(?:foto|video|illustrasjon|grafikk|bilder)\s*:\s*/giu;
/**
 * A dateline at the start of the lead: upper-case places (`OSLO/KYIV (VG)`,
 * `NEW YORK (NTB)`), or capitalised ones followed by a colon or dash
 * (`Moskva (NTB):`). The source in brackets is capitalised word by word, so
 * `EU (Den europeiske union) vil …` is no dateline.
 */
const DATELINE_PLACE_CAPS = String.raw`\p{Lu}[\p{Lu}\p{M}.'’-]*(?: \p{Lu}[\p{Lu}\p{M}.'’-]*)*`;
const DATELINE_PLACE_NAME = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*)*`;
const DATELINE_SOURCE = String.raw`\p{Lu}[\p{L}\p{M}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{M}\p{N}.&'’-]*){0,3}`;
const DATELINE = new RegExp(
  String.raw`^(?:(${DATELINE_PLACE_CAPS}(?:\s*\/\s*${DATELINE_PLACE_CAPS})*)\s*\((${DATELINE_SOURCE})\)\s*[:–-]?\s+` +
    String.raw`|(${DATELINE_PLACE_NAME}(?:\s*\/\s*${DATELINE_PLACE_NAME})*)\s*\((${DATELINE_SOURCE})\)\s*[:–-]\s+)`,
  'u',
);
/** Paragraphs pointing to other articles: `LES OGSÅ: …`, `Se også: …`. */
const RELATED = /^(?:LES OGSÅ|Les også|SE OGSÅ|Se også|LES MER|Les mer|READ MORE|Read more)\s*:/u;


const MAX_SUBHEADING_CHARS = 90;
/** Longer headlines are shortened for the title (the headline block keeps all of it). */
const MAX_TITLE_CHARS = 200;
const MAX_SUBHEADING_WORDS = 12;
const MAX_BYLINE_CHARS = 160;
/** How many paragraphs an info box may span before we stop looking for its `Vis mer`. */
const MAX_INFOBOX_PARAGRAPHS = 12;

/** Whether a file's first line is an article's header, or meant as one (a date that is not valid is a problem to show, so an article file too). */
export function isArticleHeaderLine(line: string): boolean {
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  return HEADER.test(text) || HEADER_LIKE.test(text);
}

export function parseArticle(fileText: string): ParseResult {
  const body = articleBody(fileText);
  if (!body.ok) return body;
  const { text, headerLength, date, headerLines } = body;
  return { ok: true, article: { ...buildArticle(text, headerLength, date), headerLines } };
}

/** An article file's text after its header (`Article.text`), checked as `parseArticle` checks it, without finding its structure. */
export type ArticleBody =
  | { readonly ok: true; readonly text: string; readonly headerLength: number; readonly headerLines: number; readonly date: ArticleDate }
  | ParseFailure;

/**
 * The header read and checked, and the text after it: what `parseArticle` starts from, and all that Search
 * Corpus needs for a snippet (finding the structure of thirty articles on a keystroke was most of its work).
 */
export function articleBody(fileText: string): ArticleBody {
  const normalized = normalizeLineEndings(fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText);
  if (normalized.trim() === '') return { ok: false, kind: 'notArticle', reason: 'The file is empty.' };
  const header = HEADER.exec(normalized);
  if (!header) {
    const like = HEADER_LIKE.exec(normalized);
    if (like) {
      return {
        ok: false,
        kind: 'invalid',
        reason: `The header has no valid date: found "date ${like[1]}", expected " date YYYY-MM " (for example " date 2022-02 ").`,
      };
    }
    return { ok: false, kind: 'notArticle', reason: 'The file does not start with the " date YYYY-MM " header.' };
  }
  const date = parseDate(header);
  if (typeof date === 'string') return { ok: false, kind: 'invalid', reason: date };

  const headerLength = header[0].length;
  const text = normalized.slice(headerLength);
  if (text.trim() === '') return { ok: false, kind: 'invalid', reason: 'The file has a header but no article text.' };
  return { ok: true, text, headerLength, headerLines: header[0].split('\n').length - 1, date };
}

function parseDate(match: RegExpExecArray): ArticleDate | string {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const written = match[0].trim().replace(/^date\s+/i, '');
  if (month < 1 || month > 12) return `The header date "${written}" has no month ${month}; expected " date YYYY-MM ".`;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return `The header date "${written}" has no day ${day}.`;
  }
  return day === undefined ? { year, month } : { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A paragraph of the text: its span with surrounding white space trimmed. */
interface Paragraph extends Span {
  readonly value: string;
}

/**
 * Paragraphs are separated by blank lines. Inside one, a line break is kept
 * as a soft wrap when the text was wrapped (some line runs on into a
 * lower-case word); otherwise each line is a paragraph of its own, as in
 * files written one paragraph per line. A file with no blank line at all is
 * split at every line break that does not run on.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) paragraphs.push({ start: start + lead, end: start + lead + trimmed.length, value: trimmed });
  };
  const blankLine = /\n[ \t\f\v\u00a0]*\n\s*/g;
  const hasBlankLines = blankLine.test(text);
  blankLine.lastIndex = 0;
  const splitLines = (start: number, end: number) => {
    const lines = lineSpans(text, start, end);
    const wrapped = lines.some((line, i) => i > 0 && runsOn(text, lines[i - 1], line));
    let from = lines[0].start;
    for (let i = 1; i < lines.length; i++) {
      if (hasBlankLines ? wrapped : runsOn(text, lines[i - 1], lines[i])) continue;
      push(from, lines[i - 1].end);
      from = lines[i].start;
    }
    push(from, end);
  };
  let from = 0;
  for (let match = blankLine.exec(text); match; match = blankLine.exec(text)) {
    splitLines(from, match.index);
    from = match.index + match[0].length;
  }
  splitLines(from, text.length);
  return paragraphs;
}

function lineSpans(text: string, start: number, end: number): Span[] {
  const lines: Span[] = [];
  let at = start;
  while (at <= end) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    lines.push({ start: at, end: lineEnd });
    at = lineEnd + 1;
  }
  return lines;
}

/** Whether the line break between two lines is a soft wrap: no closing punctuation, and a lower-case word next. */
function runsOn(text: string, before: Span, after: Span): boolean {
  const last = text.slice(before.start, before.end).trimEnd().slice(-1);
  const next = text.slice(after.start, after.end).trimStart()[0];
  return last !== '' && !/[.!?:;»"”)]/u.test(last) && next !== undefined && /[\p{Ll}\p{N}]/u.test(next);
}

type Draft = { kind: BlockKind; start: number; end: number; parts: InlinePart[]; quoted?: boolean };

function buildArticle(text: string, headerLength: number, date: ArticleDate): Omit<Article, 'headerLines'> {
  const paragraphs = splitParagraphs(text);
  const drafts: Draft[] = [];
  const credits: string[] = [];
  let byline: Byline | undefined;

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (i > 0 && sameParagraph(p.value, paragraphs[i - 1].value)) {
      drafts.push({ kind: 'duplicate', start: p.start, end: p.end, parts: [] });
      continue;
    }
    if (PUBLISHED.test(p.value)) {
      drafts.push({ kind: 'published', start: p.start, end: p.end, parts: [] });
      continue;
    }
    if (RELATED.test(p.value)) {
      drafts.push({ kind: 'related', start: p.start, end: p.end, parts: [] });
      continue;
    }
    // Interviews: `VG: Hvor stor er faren?` and the answer `STØRE: Den er større …` name a speaker, not a photo.
    const speaker = CAPTION_LABEL.exec(p.value);
    const previous = drafts[drafts.length - 1];
    if (speaker && (p.value.endsWith('?') || (previous?.parts[0]?.kind === 'speaker' && text.slice(previous.start, previous.end).endsWith('?')))) {
      drafts.push({ kind: 'paragraph', start: p.start, end: p.end, parts: [{ kind: 'speaker', start: p.start, end: p.start + speaker[1].length }] });
      continue;
    }
    if (INFOBOX_START.test(p.value)) {
      const box = infobox(paragraphs, i);
      drafts.push(box.block);
      i = box.last;
      continue;
    }
    // (`Tekst: Kari Holm Foto: Ola Dahl` ends like a caption's credit, but is the byline.)
    const early = byline || !/^(?:Av|By|Tekst|Text|Skrevet|Intervju|Journalist|Reporter)\b/iu.test(p.value) ? undefined : bylineParts(p);
    if (early) {
      byline = early.byline;
      drafts.push({ kind: 'byline', start: p.start, end: p.end, parts: early.parts });
      continue;
    }
    const caption = captionParts(p);
    if (caption) {
      const credit = caption.find((part) => part.kind === 'credit');
      if (credit) credits.push(text.slice(credit.start, credit.end).replace(/^[^:]*:\s*/, ''));
      drafts.push({ kind: 'caption', start: p.start, end: p.end, parts: caption });
      continue;
    }
    const parsedByline = byline ? undefined : bylineParts(p);
    if (parsedByline) {
      byline = parsedByline.byline;
      drafts.push({ kind: 'byline', start: p.start, end: p.end, parts: parsedByline.parts });
      continue;
    }
    if (isShortLine(p.value)) {
      drafts.push({ kind: 'subheading', start: p.start, end: p.end, parts: [], quoted: QUOTE.test(p.value) || undefined });
      continue;
    }
    drafts.push({ kind: QUOTE.test(p.value) ? 'quote' : 'paragraph', start: p.start, end: p.end, parts: [] });
  }

  const blocks = assignHeadlineAndLead(text, drafts);
  const headline = blocks.find((b) => b.kind === 'headline');
  const leadBlock = blocks.find((b) => b.kind === 'lead');
  const leadDateline = leadBlock?.parts.find((part) => part.kind === 'dateline');
  // (The lead's, or the first paragraph's after a lead that has none.)
  const dateline = leadDateline ?? blocks.find((b) => b.kind === 'paragraph' && b.parts.some((part) => part.kind === 'dateline'))?.parts.find((part) => part.kind === 'dateline');
  const datelineMatch = dateline ? DATELINE.exec(text.slice(dateline.start)) : null;
  const source = datelineMatch ? (datelineMatch[2] ?? datelineMatch[4])?.trim() : undefined;
  const title = truncateAtWord(headline ? squashWhitespace(text.slice(headline.start, headline.end)) : fallbackTitle(text, blocks), MAX_TITLE_CHARS);

  return {
    date,
    title,
    text,
    headerLength,
    blocks,
    byline,
    source,
    lead: leadBlock ? squashWhitespace(text.slice(leadDateline ? leadDateline.end : leadBlock.start, leadBlock.end)) : undefined,
    credits,
    warnings: [],
  };
}

/**
 * The headline is the first paragraph that is not a caption, byline or page
 * furniture. A short line is the headline whole; a paragraph of several
 * sentences gives its first sentence, and the rest of it is the lead.
 * Otherwise the lead is the next ordinary paragraph.
 */
function assignHeadlineAndLead(text: string, drafts: Draft[]): Block[] {
  const headlineIndex = drafts.findIndex((d) => ['subheading', 'paragraph', 'quote'].includes(d.kind));
  if (headlineIndex < 0) return drafts;
  const first = drafts[headlineIndex];
  const result = [...drafts];

  if (first.kind === 'subheading') {
    result[headlineIndex] = { ...first, kind: 'headline', quoted: undefined };
  } else {
    const sentenceEnd = firstSentenceEnd(text, first.start, first.end);
    if (sentenceEnd < 0) {
      result[headlineIndex] = { ...first, kind: 'headline' };
    } else {
      const restStart = skipWhitespace(text, sentenceEnd, first.end);
      result.splice(
        headlineIndex,
        1,
        { kind: 'headline', start: first.start, end: sentenceEnd, parts: [] },
        withDateline(text, { kind: 'lead', start: restStart, end: first.end, parts: [] }),
      );
      return withBodyDateline(text, result, headlineIndex + 1);
    }
  }

  for (let i = headlineIndex + 1; i < result.length; i++) {
    const kind = result[i].kind;
    if (kind === 'subheading') break;
    if (kind === 'paragraph' || kind === 'quote') {
      result[i] = withDateline(text, { ...result[i], kind: 'lead' });
      return withBodyDateline(text, result, i);
    }
  }
  return result;
}

/**
 * A lead without a dateline may be the standfirst, and the story's first paragraph after it (and after a byline or
 * a caption) open with the dateline: `Regjeringen vil … ` then `OSLO (NTB): Regjeringen …`.
 */
function withBodyDateline(text: string, blocks: Draft[], leadIndex: number): Draft[] {
  if (blocks[leadIndex].parts.some((part) => part.kind === 'dateline')) return blocks;
  for (let i = leadIndex + 1; i < blocks.length; i++) {
    const kind = blocks[i].kind;
    if (kind === 'byline' || kind === 'caption') continue;
    if (kind === 'paragraph') blocks[i] = withDateline(text, blocks[i]);
    break;
  }
  return blocks;
}

function withDateline(text: string, block: Draft): Draft {
  const match = DATELINE.exec(text.slice(block.start, block.end));
  if (!match) return block;
  const datelineEnd = block.start + match[0].trimEnd().length;
  return { ...block, parts: [{ kind: 'dateline', start: block.start, end: datelineEnd }, ...block.parts] };
}

/** Where the first sentence of `text[start, end)` ends (after its punctuation), or -1 if it is one sentence. */
export function firstSentenceEnd(text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  const boundary = /[.!?…]+(?=\s+(?:[–—-]\s|[\p{Lu}«"„“]))/gu;
  for (let match = boundary.exec(slice); match; match = boundary.exec(slice)) {
    // (An ordinal, `7. februar`, is followed by a lower-case word, which the pattern rules out: `i 2014. Nå` ends one.)
    if (match[0] === '.' && !fullStopEndsSentenceAt(slice, match.index)) continue;
    return start + match.index + match[0].length;
  }
  return -1;
}

function skipWhitespace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/.test(text[i])) i++;
  return i;
}

/** Whether two paragraphs are the same text, white space aside (cheap checks first: most are not). */
function sameParagraph(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  return squashWhitespace(a) === squashWhitespace(b);
}

/** A short paragraph with no closing punctuation: a headline or a subheading. */
function isShortLine(value: string): boolean {
  if (value.length > MAX_SUBHEADING_CHARS || value.includes('\n')) return false;
  // A question can be a subheading (`Hva vil Putin?`), but not a quoted one: that is an interview question.
  if (/[.!,;:…»"”)\]]$/u.test(value) || (value.endsWith('?') && QUOTE.test(value))) return false;
  if (/[.!?]\s+\p{Lu}/u.test(value)) return false;
  if (!/^(?:[–—-]\s+)?[\p{Lu}\p{N}«"]/u.test(value)) return false;
  return value.split(/\s+/).length <= MAX_SUBHEADING_WORDS;
}

/** Caption label and photo credit; undefined if the paragraph is not a caption. */
function captionParts(p: Paragraph): InlinePart[] | undefined {
  const label = CAPTION_LABEL.exec(p.value);
  const credit = creditAtEnd(p.value);
  // Without a label, a credit makes a caption when it closes a short paragraph or stands alone.
  if (!label && !(credit && p.value.length < 400)) return undefined;
  const parts: InlinePart[] = [];
  if (label) parts.push({ kind: 'captionLabel', start: p.start, end: p.start + label[1].length });
  if (credit) {
    const creditStart = p.start + credit.index + credit[0].indexOf(credit[1]);
    if (!label || creditStart > p.start + label[0].length) {
      parts.push({ kind: 'credit', start: creditStart, end: creditStart + credit[1].length });
    }
  }
  return parts;
}

/** The credit closing a paragraph; only the tail is searched (a credit is at most 80 characters). */
function creditAtEnd(value: string): RegExpExecArray | null {
  // Start the tail at a space, so `(?:^|\s)` in the pattern cannot match inside a word.
  const tailStart = value.length <= 120 ? 0 : Math.max(0, value.indexOf(' ', value.length - 120));
  const match = CREDIT.exec(value.slice(tailStart));
  if (match) match.index += tailStart;
  return match;
}

function bylineParts(p: Paragraph): { byline: Byline; parts: InlinePart[] } | undefined {
  if (p.value.length > MAX_BYLINE_CHARS || p.value.includes('\n') || /[.!?]$/.test(p.value)) return undefined;
  const match = BYLINE.exec(p.value) ?? ((ROLE_IN_BRACKETS.test(p.value) && /^\p{Lu}/u.test(p.value)) || JOURNALIST_LINE.test(p.value) || NAME_AND_EMAIL.test(p.value) ? /^(.+)$/u.exec(p.value) : null);
  if (!match) return undefined;
  const namesStart = p.start + match.index + match[0].indexOf(match[1]);
  const names: Span[] = [];
  const separator = /\s*,\s*(?:og\s+)?|\s+og\s+|\s+and\s+|\s*&\s*|\s+[/|]\s+/gu;
  let from = 0;
  const body = match[1];
  // Separators inside brackets (`(tekst og foto)`) part no names: they are masked, and a role's label is one.
  const masked = body
    .replace(/\([^()]*\)/gu, (inner) => `(${'x'.repeat(inner.length - 2)})`)
    .replace(ROLE_LABEL, (label) => `,${' '.repeat(label.length - 1)}`)
    .replace(EMAIL, (address) => `,${' '.repeat(address.length - 1)}`);
  const pushName = (start: number, end: number) => names.push({ start, end });
  for (let sep = separator.exec(masked); sep; sep = separator.exec(masked)) {
    pushName(from, sep.index);
    from = sep.index + sep[0].length;
  }
  pushName(from, body.length);

  const authors: string[] = [];
  const agencies: string[] = [];
  const parts: InlinePart[] = [];
  for (const span of names) {
    // `Runa Fjellanger (tekst)`: the role in brackets is not part of the name.
    const name = body.slice(span.start, span.end).trim().replace(/\s*\([\p{Ll}\s]{1,20}\)$/u, '');
    // (What an e-mail address left, and a role after a name: `Kari Holm, journalist`.)
    if (!name && body.includes('@')) continue;
    if (!name) return undefined;
    if (ROLE_AFTER_NAME.test(name) && parts.length > 0) continue;
    // (`Av Kari Holm, Bergens Tidende`: the newsroom, like an agency.)
    const agency = isNewsAgency(name) || /^\p{Lu}{2,6}$/u.test(name) || isMediumName(name);
    const person = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|den|la|le|af|av))*$/u.test(name);
    if (!agency && !person) return undefined;
    if (name.split(/\s+/).length > 5) return undefined;
    const start = namesStart + span.start;
    parts.push({ kind: agency ? 'agency' : 'author', start, end: start + name.length });
    (agency ? agencies : authors).push(name);
  }
  const printed = parts.map((part) => p.value.slice(part.start - p.start, part.end - p.start));
  return { byline: { text: joinNames(printed), authors, agencies }, parts };
}

/** `NTB, Runa Fjellanger og Kyrre Lien`. */
function joinNames(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}` : (names[0] ?? '');
}

/** An info box from `Info <title>` to the paragraph ending in `Vis mer`. */
function infobox(paragraphs: readonly Paragraph[], first: number): { block: Draft; last: number } {
  let last = first;
  for (let i = first; i < paragraphs.length && i < first + MAX_INFOBOX_PARAGRAPHS; i++) {
    if (INFOBOX_END.test(paragraphs[i].value)) {
      last = i;
      break;
    }
  }
  const open = paragraphs[first];
  const close = paragraphs[last];
  const parts: InlinePart[] = [];
  const labelLength = /^Info/.exec(open.value)![0].length;
  parts.push({ kind: 'infoboxLabel', start: open.start, end: open.start + labelLength });
  const bodyStart = open.start + labelLength + (/^Info\s+/.exec(open.value)![0].length - labelLength);
  const title = infoboxTitleEnd(open.value.slice(bodyStart - open.start));
  if (title > 0) parts.push({ kind: 'infoboxTitle', start: bodyStart, end: bodyStart + title });

  const more = INFOBOX_END.exec(close.value);
  for (let i = first; i <= last; i++) {
    const p = paragraphs[i];
    let start = i === first ? bodyStart + (title > 0 ? title : 0) : p.start;
    while (start < p.end && /\s/.test(p.value[start - p.start])) start++;
    const end = i === last && more ? p.start + more.index : p.end;
    if (end > start) parts.push({ kind: 'infoboxParagraph', start, end });
  }
  if (more) {
    const moreStart = close.start + more.index + (more[0].length - more[0].trimStart().length);
    parts.push({ kind: 'infoboxMore', start: moreStart, end: close.end });
  }
  return { block: { kind: 'infobox', start: open.start, end: close.end, parts }, last };
}

/**
 * The info box title runs into its first sentence with no punctuation
 * (`Derfor er det krig nå Konflikten mellom ...`): it ends before the first
 * capitalised word that follows a lower-case word, after at least two words.
 */
function infoboxTitleEnd(body: string): number {
  const words = [...body.matchAll(/\S+/gu)];
  for (let w = 2; w < words.length && w <= 12; w++) {
    const previous = words[w - 1][0];
    if (/^\p{Lu}/u.test(words[w][0]) && /\p{Ll}$/u.test(previous)) {
      return words[w - 1].index! + previous.length;
    }
    if (/[.!?:]$/.test(previous)) return 0;
  }
  return 0;
}

/** The title when no paragraph qualifies as a headline: the first sentence of the first block's own text. */
function fallbackTitle(text: string, blocks: readonly Block[]): string {
  const block = blocks.find((b) => b.kind !== 'duplicate') ?? blocks[0];
  if (!block) return squashWhitespace(text).slice(0, 120);
  const label = block.parts.find((part) => part.kind === 'captionLabel' || part.kind === 'infoboxLabel');
  const credit = block.parts.find((part) => part.kind === 'credit');
  let start = label ? label.end : block.start;
  while (start < block.end && /[\s:]/.test(text[start])) start++;
  const end = credit ? credit.start : block.end;
  const sentenceEnd = firstSentenceEnd(text, start, end);
  const title = squashWhitespace(text.slice(start, sentenceEnd > 0 ? sentenceEnd : end));
  return title || squashWhitespace(text.slice(block.start, block.end));
}
