/**
 * User annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * highlights with an optional note (Markdown) and tags, kept in one JSON
 * file per workspace as an `AnnotationCollection`, so that any tool that
 * reads the standard can read them. The format is validated by
 * schemas/annotations.schema.json.
 */
import { MAX_ANNOTATIONS, MAX_ANNOTATION_ID_LENGTH, MAX_COLOUR_NAME_LENGTH, MAX_NOTE_LENGTH, MAX_REPLIES, MAX_TAGS, MAX_TAG_LENGTH } from '../limits';
import { squashWhitespace, truncateAtWord } from '../text';
import type { Selectors, TextPositionSelector, TextQuoteSelector } from './anchoring';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface Annotation {
  readonly '@context'?: typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:…`. */
  readonly id: string;
  readonly type: 'Annotation';
  /** `highlighting` without a note, `commenting` with one. */
  readonly motivation: 'highlighting' | 'commenting';
  /** ISO 8601. */
  readonly created: string;
  readonly modified: string;
  readonly body: readonly AnnotationBody[];
  readonly target: AnnotationTarget;
}

export type AnnotationBody =
  | { readonly type: 'TextualBody'; readonly purpose: 'commenting'; readonly format: 'text/markdown'; readonly value: string }
  | { readonly type: 'TextualBody'; readonly purpose: 'tagging'; readonly value: string }
  /** The highlight's colour: one of the names the user gave colours in the settings (`Key claim`, `Question`, …). */
  | { readonly type: 'TextualBody'; readonly purpose: 'classifying'; readonly value: string }
  /** A reply to the note (written in the text editor's comment thread), in the order written. */
  | { readonly type: 'TextualBody'; readonly purpose: 'replying'; readonly format: 'text/markdown'; readonly value: string; readonly created: string };

export interface Reply {
  readonly text: string;
  /** ISO 8601. */
  readonly created: string;
}

export interface AnnotationTarget {
  /** The article file, relative to the workspace folder (or a URI outside it). */
  readonly source: string;
  /** `sha256:` or `fnv1a:` of the article text (after the header, line endings normalised) when annotated. */
  readonly textHash: string;
  readonly selector: readonly [TextQuoteSelector, TextPositionSelector];
}

export interface AnnotationCollection {
  readonly '@context': typeof ANNOTATION_CONTEXT;
  readonly type: 'AnnotationCollection';
  readonly generator: 'Annotated Reader';
  readonly total: number;
  readonly items: readonly Annotation[];
}

/** What an annotation says, in the terms the UI uses. */
export interface AnnotationContent {
  readonly note: string;
  readonly tags: readonly string[];
  readonly colour: string;
  /** Replies to the note; left out, an edit keeps the ones there are. */
  readonly replies?: readonly Reply[];
}

export function contentOf(annotation: Annotation): Required<AnnotationContent> {
  let note = '';
  let colour = '';
  const tags: string[] = [];
  const replies: Reply[] = [];
  for (const body of annotation.body) {
    if (body.purpose === 'commenting') note = body.value;
    else if (body.purpose === 'tagging') tags.push(body.value);
    else if (body.purpose === 'replying') replies.push({ text: body.value, created: body.created });
    else colour = body.value;
  }
  return { note, tags, colour, replies };
}

/** The words an annotation quotes, on one line and cut at a word after `max` characters (for labels and messages). */
export function shortQuote(annotation: Annotation, max: number): string {
  return truncateAtWord(squashWhitespace(annotation.target.selector[0].exact), max);
}

export function selectorsOf(annotation: Annotation): Selectors {
  const [quote, position] = annotation.target.selector;
  return { quote, position };
}

/** A new annotation of `source`'s passage described by `selectors`. */
export function createAnnotation(options: { id: string; now: Date; source: string; textHash: string; selectors: Selectors; content: AnnotationContent }): Annotation {
  const time = options.now.toISOString();
  return {
    id: options.id,
    type: 'Annotation',
    motivation: options.content.note.trim() ? 'commenting' : 'highlighting',
    created: time,
    modified: time,
    body: bodiesOf(options.content),
    target: { source: options.source, textHash: options.textHash, selector: [options.selectors.quote, options.selectors.position] },
  };
}

/** The annotation with new content (note, tags, colour), its modified time now. */
export function editAnnotation(annotation: Annotation, content: AnnotationContent, now: Date): Annotation {
  const replies = content.replies ?? contentOf(annotation).replies;
  return { ...annotation, motivation: content.note.trim() ? 'commenting' : 'highlighting', modified: now.toISOString(), body: bodiesOf({ ...content, replies }) };
}

/** The annotation anchored anew (the user accepted a suggested place): its selectors and text hash of the text now, its modified time now; note, tags and colour kept. */
export function reanchorAnnotation(annotation: Annotation, selectors: Selectors, hash: string, now: Date): Annotation {
  return { ...annotation, modified: now.toISOString(), target: { ...annotation.target, textHash: hash, selector: [selectors.quote, selectors.position] } };
}

function bodiesOf(content: AnnotationContent): AnnotationBody[] {
  const bodies: AnnotationBody[] = [];
  if (content.colour) bodies.push({ type: 'TextualBody', purpose: 'classifying', value: content.colour });
  // Cut to what is read back (see ../limits): a longer note would be skipped on the next load.
  if (content.note.trim()) bodies.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: content.note.slice(0, MAX_NOTE_LENGTH) });
  const tags = new Set(content.tags.map((t) => t.trim().slice(0, MAX_TAG_LENGTH)).filter(Boolean));
  for (const tag of [...tags].slice(0, MAX_TAGS)) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const reply of (content.replies ?? []).slice(0, MAX_REPLIES)) {
    if (reply.text.trim()) bodies.push({ type: 'TextualBody', purpose: 'replying', format: 'text/markdown', value: reply.text.slice(0, MAX_NOTE_LENGTH), created: reply.created });
  }
  return bodies;
}

/** The collection of `annotations`, followed by entries read from the file that this version could not read (kept as they were). */
export function toCollection(annotations: readonly Annotation[], unreadable: readonly unknown[] = []): AnnotationCollection {
  const items = [...annotations, ...(unreadable as Annotation[])];
  return { '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', generator: 'Annotated Reader', total: items.length, items };
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly annotations: Annotation[];
      /** Why each entry that did not check was skipped. */
      readonly skipped: readonly string[];
      /** Those entries as they were: written back unchanged, so that nothing this version cannot read is lost. */
      readonly unreadable: readonly unknown[];
    }
  /** `tooLarge`: more annotations than are read (the file is not broken, only not read). */
  | { readonly ok: false; readonly reason: string; readonly tooLarge?: true };

/**
 * Reads an annotations file. A file that is not JSON, or not a collection,
 * is refused as a whole (and must then never be overwritten); single
 * entries that do not check are skipped with a reason, the rest kept.
 */
export function parseCollection(json: string): ParseResult {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  // An empty file (just created, or emptied) holds no annotations; it is not broken.
  if (text.trim() === '') return { ok: true, annotations: [], skipped: [], unreadable: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const items = isRecord(data) && data.type === 'AnnotationCollection' ? data.items : undefined;
  if (!Array.isArray(items)) return { ok: false, reason: 'it is not an AnnotationCollection with "items"' };
  if (items.length > MAX_ANNOTATIONS) {
    return { ok: false, tooLarge: true, reason: `it holds ${items.length.toLocaleString('en')} entries, more than the ${MAX_ANNOTATIONS.toLocaleString('en')} an annotations file may hold` };
  }
  const annotations: Annotation[] = [];
  const skipped: string[] = [];
  const unreadable: unknown[] = [];
  const seen = new Set<string>();
  items.forEach((raw: unknown, index) => {
    const item = normalise(raw);
    const problem = checkAnnotation(item);
    if (problem) skipped.push(`items[${index}]: ${problem}`);
    else if (seen.has((item as Annotation).id)) skipped.push(`items[${index}]: a second annotation with id ${(item as Annotation).id}`);
    else {
      seen.add((item as Annotation).id);
      annotations.push(item as Annotation);
      return;
    }
    unreadable.push(raw);
  });
  return { ok: true, annotations, skipped, unreadable };
}

/** The standard lets a single body stand without a list: read it as a list of one. */
function normalise(item: unknown): unknown {
  return isRecord(item) && isRecord(item.body) ? { ...item, body: [item.body] } : item;
}

function checkAnnotation(item: unknown): string | undefined {
  if (!isRecord(item)) return 'not an object';
  if (typeof item.id !== 'string' || item.id === '') return 'no "id"';
  if (item.id.length > MAX_ANNOTATION_ID_LENGTH || /[\s<>"]/.test(item.id)) return 'an "id" that is not an IRI';
  if (item.type !== 'Annotation') return '"type" is not "Annotation"';
  if (typeof item.created !== 'string' || typeof item.modified !== 'string') return 'no "created" or "modified" time';
  if (!Array.isArray(item.body) || !item.body.every(isBody)) return '"body" is not a list of textual bodies';
  const over = overLimit(item.body as readonly AnnotationBody[]);
  if (over) return over;
  const target = item.target;
  if (!isRecord(target) || typeof target.source !== 'string' || typeof target.textHash !== 'string') return '"target" has no "source" or "textHash"';
  const selector = target.selector;
  if (!Array.isArray(selector) || selector.length !== 2) return '"target.selector" is not a quote and a position selector';
  const [quote, position] = selector as unknown[];
  if (!isRecord(quote) || quote.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string' || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') {
    return 'the first selector is not a TextQuoteSelector';
  }
  if (
    !isRecord(position) ||
    position.type !== 'TextPositionSelector' ||
    !Number.isInteger(position.start) ||
    !Number.isInteger(position.end) ||
    (position.start as number) < 0 ||
    (position.end as number) < (position.start as number)
  ) {
    return 'the second selector is not a TextPositionSelector';
  }
  return undefined;
}

/** What in an annotation's bodies is more than the reader and the store take (see ../limits), if anything. */
function overLimit(bodies: readonly AnnotationBody[]): string | undefined {
  let tags = 0;
  let replies = 0;
  for (const body of bodies) {
    if (body.purpose === 'commenting' && body.value.length > MAX_NOTE_LENGTH) return `a note longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`;
    if (body.purpose === 'replying' && (++replies > MAX_REPLIES || body.value.length > MAX_NOTE_LENGTH)) {
      return `more than ${MAX_REPLIES.toLocaleString('en')} replies, or a reply longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`;
    }
    if (body.purpose === 'tagging' && (++tags > MAX_TAGS || body.value.length > MAX_TAG_LENGTH)) return `more than ${MAX_TAGS} tags, or a tag longer than ${MAX_TAG_LENGTH} characters`;
    if (body.purpose === 'classifying' && body.value.length > MAX_COLOUR_NAME_LENGTH) return `a colour name longer than ${MAX_COLOUR_NAME_LENGTH} characters`;
  }
  return undefined;
}

function isBody(body: unknown): boolean {
  if (!isRecord(body) || body.type !== 'TextualBody' || typeof body.value !== 'string') return false;
  if (body.purpose === 'replying') return typeof body.created === 'string';
  return body.purpose === 'commenting' || body.purpose === 'tagging' || body.purpose === 'classifying';
}

/** Tags as typed in one box: separated by commas (or `#`), trimmed, each once. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,#]/).map((tag) => tag.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH)).filter(Boolean))].slice(0, MAX_TAGS);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** FNV-1a (32 bits) of a text's UTF-16 units, as `fnv1a:xxxxxxxx`: enough to tell whether an article changed. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `fnv1a:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
