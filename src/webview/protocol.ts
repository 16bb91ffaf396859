/**
 * The messages between the extension host and the reader webview, in both
 * directions, with the checks each side runs on what it receives. Imports
 * nothing from VS Code or Node: both bundles use it.
 *
 * Names follow the direction: `didX` goes from the host to the webview,
 * `webviewDidX` from the webview to the host. The webview announces
 * `webviewDidLoad` before the host posts anything.
 */
import type { Block, BlockKind, InlineKind } from '../core/article';
import { type HighlightColour, PALETTE, type PaletteColour } from '../core/annotations/colours';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';
import { MAX_ANNOTATION_ID_LENGTH, MAX_COLOUR_NAME_LENGTH, MAX_ENTITY_ID_LENGTH, MAX_ENTITY_NAME_LENGTH, MAX_NOTE_LENGTH, MAX_TAGS, MAX_TAG_LENGTH } from '../core/limits';

/** An entity mention as the reader highlights it. */
export interface ReaderMention {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly entityId: string;
}

/** What the reader's hover card says about an entity. */
export interface ReaderEntity {
  readonly name: string;
  readonly type: EntityType;
  /** Empty for names found by rules. */
  readonly description: string;
  /** Whether the knowledge base knows it (else a rule found the name). */
  readonly known: boolean;
  /** False in Restricted Mode: the knowledge base is not written there, so Add to Knowledge Base and Correct are not offered. */
  readonly addable?: boolean;
  /** What the whole corpus says, once the entity index has it. */
  readonly corpus?: EntityInCorpus;
}

/** An entity across the corpus, for the hover card. */
export interface EntityInCorpus {
  readonly articles: number;
  readonly mentions: number;
  /** The first few other articles that mention it, newest first. */
  readonly others: readonly ArticleLink[];
  /** How many quotes across the corpus it is the speaker of. */
  readonly quotes?: number;
}

export interface ArticleLink {
  readonly uri: string;
  readonly title: string;
  /** `14 February 2022`. */
  readonly dateLabel: string;
}

/** A range of the article's text (offsets into `ReaderArticle.text`). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * How names are drawn: `underline` (a thin line in the type's colour, the tint only on hover, focus
 * and marked mentions) lets the text lead; `tint` fills every name, as earlier versions did.
 */
export const ENTITY_STYLES = ['underline', 'tint'] as const;
export type EntityStyle = (typeof ENTITY_STYLES)[number];

export interface ReaderSettings {
  readonly fontSize: number;
  /** Empty: the workbench font. */
  readonly fontFamily: string;
  /** Maximum line length, in characters. */
  readonly lineLength: number;
  /** Entity types highlighted when an article opens. */
  readonly highlight: readonly EntityType[];
  readonly entityStyle: EntityStyle;
  /** Whether a quote shows its speaker after it. */
  readonly showSpeakers: boolean;
}

/** What the reader shows of an article. */
export interface ReaderArticle {
  readonly uri: string;
  readonly fileName: string;
  readonly title: string;
  /** `February 2022`. */
  readonly dateLabel: string;
  readonly source?: string;
  readonly byline?: string;
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly warnings: readonly string[];
  /** 1-based position in tree order, and the number of articles. */
  readonly position?: { readonly index: number; readonly total: number };
  readonly isSample: boolean;
  /** Entity mentions, in text order, none overlapping. */
  readonly mentions: readonly ReaderMention[];
  /** The entities mentioned, by id. */
  readonly entities: Readonly<Record<string, ReaderEntity>>;
  readonly annotations: ReaderAnnotations;
  /** The article's quotes, in text order, none overlapping: each with its speaker where the article tells. */
  readonly quotes: readonly ReaderQuote[];
}

/** A quote as the reader marks it (see `src/core/quotes`). */
export interface ReaderQuote {
  readonly start: number;
  readonly end: number;
  readonly kind: 'direct' | 'reported' | 'question';
  readonly speaker: string | null;
  readonly speakerId: string | null;
  readonly cue: string | null;
}

/** A user's annotation as the reader draws it. */
export interface ReaderAnnotation {
  readonly id: string;
  /** Offsets into `ReaderArticle.text`, where the annotation anchors now. */
  readonly start: number;
  readonly end: number;
  /** The colour's name (what it means), and how it is drawn (none: a name no longer in the settings). */
  readonly colour: string;
  readonly palette?: PaletteColour;
  /** Markdown, shown as text. */
  readonly note: string;
  readonly tags: readonly string[];
  /** Replies written in the text editor's comment thread. */
  readonly replies: number;
  /** `14 February 2022`. */
  readonly modifiedLabel: string;
}

/** An annotation of this article whose text is no longer found in it. */
export interface ReaderOrphan {
  readonly id: string;
  readonly quote: string;
  readonly colour: string;
  readonly palette?: PaletteColour;
  readonly note: string;
}

/**
 * An annotation of this article whose place is uncertain after the text
 * changed (an approximate match, two places that fit, a search cut short):
 * not drawn as a highlight; offered with the place found, to accept or dismiss.
 */
export interface ReaderReview extends ReaderOrphan {
  readonly reason: string;
  /** The words it may now quote; none if nowhere was found in time. */
  readonly suggestion?: TextRange;
}

export interface ReaderAnnotations {
  /** In text order. */
  readonly items: readonly ReaderAnnotation[];
  /** Needing the user's word, in text order of their suggestions. */
  readonly review: readonly ReaderReview[];
  readonly orphans: readonly ReaderOrphan[];
  /** The colours the user named, for the toolbar (number keys 1-9 in this order). */
  readonly colours: readonly HighlightColour[];
  /** Why annotations cannot be changed now, if they cannot (the file is broken). */
  readonly readOnly?: string;
}

/** The user's content of an annotation, as the reader's note editor sends it. */
export interface AnnotationEdit {
  readonly colour: string;
  readonly note: string;
  readonly tags: readonly string[];
}

/** What the webview keeps across being hidden and across window reloads. */
export interface ReaderState {
  readonly uri: string;
  /** Vertical scroll offset as a fraction of the scrollable height, 0-1. */
  readonly scroll: number;
}

// ---- host to webview ----

export type HostMessage =
  | {
      readonly type: 'didLoadArticle';
      readonly article: ReaderArticle;
      readonly settings: ReaderSettings;
      /** Scroll to this fraction after rendering (a restored or reloaded reader). */
      readonly scroll?: number;
      /** Or bring this range into view and mark it (opened at a mention or a match). */
      readonly reveal?: TextRange;
      /** Search matches to highlight (n and Shift+N move between them), in text order. */
      readonly marks?: readonly TextRange[];
      /** The annotation at `reveal`, to focus (and with `openNote`, to open). */
      readonly annotationId?: string;
      readonly openNote?: boolean;
    }
  | { readonly type: 'didChangeSettings'; readonly settings: ReaderSettings }
  /** Bring a range of the article already shown into view (with `annotationId`, that annotation; `openNote` opens its note). */
  | {
      readonly type: 'didReveal';
      readonly uri: string;
      readonly range: TextRange;
      readonly marks?: readonly TextRange[];
      readonly annotationId?: string;
      readonly openNote?: boolean;
    }
  /** The shown article's annotations changed (here, in the editor's comments, or in the file). */
  | { readonly type: 'didUpdateAnnotations'; readonly uri: string; readonly annotations: ReaderAnnotations }
  /**
   * New corpus-wide facts about the shown article's entities (the index moved on); with `mentions` when they
   * are to be highlighted otherwise (the corpus typed a rule-found name otherwise), in text order, none overlapping.
   */
  | { readonly type: 'didUpdateEntities'; readonly uri: string; readonly entities: Readonly<Record<string, ReaderEntity>>; readonly mentions?: readonly ReaderMention[] }
  | { readonly type: 'didFailToLoad'; readonly uri: string; readonly fileName: string; readonly reason: string };

// ---- webview to host ----

/** Counts of what was rendered, by part kind: the webview's account of its DOM. */
export type RenderCounts = Partial<Record<BlockKind | InlineKind, number>>;

export type WebviewMessage =
  | { readonly type: 'webviewDidLoad'; readonly state?: ReaderState }
  | {
      readonly type: 'webviewDidRender';
      readonly uri: string;
      /** The headline as it appears in the DOM. */
      readonly headline: string;
      readonly counts: RenderCounts;
      /** Highlighted entity mentions in the DOM, by type (hidden types count too). */
      readonly highlights: Partial<Record<EntityType, number>>;
      /** Each annotation drawn, with the text its highlights hold in the DOM. */
      readonly annotations: readonly { readonly id: string; readonly text: string }[];
      /** Each speaker label drawn, in text order: the speaker and the kind of quote. */
      readonly speakers: readonly { readonly speaker: string; readonly kind: string }[];
    }
  | { readonly type: 'webviewDidRequestOpenSource' }
  | { readonly type: 'webviewDidRequestNavigate'; readonly direction: 'next' | 'previous' }
  /** A link in a hover card: open another article, at its first mention of the entity. */
  | { readonly type: 'webviewDidRequestOpenArticle'; readonly uri: string; readonly entityId: string }
  /** "All mentions" in a hover card: the entity in the Entities view. */
  | { readonly type: 'webviewDidRequestShowEntity'; readonly entityId: string }
  /** "Quotes" in a hover card, or a quote's speaker label: the speaker's quotes in the Quotes view. */
  | { readonly type: 'webviewDidRequestQuotes'; readonly entityId: string }
  /** "Timeline" or "Network" in a hover card: the entity in the analysis panel. */
  | { readonly type: 'webviewDidRequestAnalysis'; readonly entityId: string; readonly view: 'timeline' | 'network' }
  /** "Add to Knowledge Base" in a hover card, for a name the knowledge base lacks. */
  | { readonly type: 'webviewDidRequestAddToKnowledgeBase'; readonly entityId: string; readonly text: string }
  /** "Correct…" in a hover card: change the type of the mention at `[start, end)`, fix its span, merge it or mark it as not a name. */
  | { readonly type: 'webviewDidRequestCorrectName'; readonly entityId: string; readonly start: number; readonly end: number }
  /** The user highlighted `[start, end)` of the article shown (toolbar, number keys or note editor). */
  | ({ readonly type: 'webviewDidRequestCreateAnnotation'; readonly uri: string; readonly start: number; readonly end: number } & AnnotationEdit)
  | ({ readonly type: 'webviewDidRequestEditAnnotation'; readonly id: string } & AnnotationEdit)
  | { readonly type: 'webviewDidRequestDeleteAnnotation'; readonly id: string }
  /** Undo of a delete made in this reader. */
  | { readonly type: 'webviewDidRequestRestoreAnnotation'; readonly id: string }
  /** Move an annotation that needs review to its suggested place. */
  | { readonly type: 'webviewDidRequestAcceptSuggestion'; readonly id: string }
  /** Stop offering an annotation's suggested place (it is listed as not found). */
  | { readonly type: 'webviewDidRequestDismissSuggestion'; readonly id: string }
  /** The reader brought a range into view (after `reveal` or `didReveal`), marking the entity there if any. */
  | {
      readonly type: 'webviewDidReveal';
      readonly uri: string;
      readonly range: TextRange;
      /** The entity whose mention is there, now selected. */
      readonly entityId?: string;
      /** How many search matches the reader highlights. */
      readonly marked: number;
    };

// ---- validation: nothing received is trusted ----

type Guard<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isFraction = (value: unknown): value is number => isNumber(value) && value >= 0 && value <= 1;

const MAX_URI_LENGTH = 8192;

const isUri = (value: unknown): value is string => isString(value) && value.length > 0 && value.length <= MAX_URI_LENGTH;
const isEntityId = (value: unknown): value is string => isString(value) && value.length > 0 && value.length <= MAX_ENTITY_ID_LENGTH && /^[\p{L}\p{N}-]+$/u.test(value);
const MAX_MARKS = 10_000;
const isRanges = (value: unknown): value is readonly TextRange[] => Array.isArray(value) && value.length <= MAX_MARKS && value.every((range) => isRange(range));
const isRange = (value: unknown): value is TextRange =>
  isRecord(value) && isNumber(value.start) && isNumber(value.end) && Number.isInteger(value.start) && Number.isInteger(value.end) && value.start >= 0 && value.start <= value.end;

export const isReaderState: Guard<ReaderState> = (value): value is ReaderState =>
  isRecord(value) && isString(value.uri) && value.uri.length <= MAX_URI_LENGTH && isFraction(value.scroll);

// The annotation limits are the store's (../core/limits): what the file may hold, a message may carry.
const isAnnotationId = (value: unknown): value is string => isString(value) && value.length > 0 && value.length <= MAX_ANNOTATION_ID_LENGTH && !/[\s<>"]/.test(value);
const isTags = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.length <= MAX_TAGS && value.every((tag) => isString(tag) && tag.length <= MAX_TAG_LENGTH);
const isEdit = (value: Record<string, unknown>): boolean =>
  isString(value.colour) && value.colour.length <= MAX_COLOUR_NAME_LENGTH && isString(value.note) && value.note.length <= MAX_NOTE_LENGTH && isTags(value.tags);
const editOf = (value: Record<string, unknown>): AnnotationEdit => ({ colour: value.colour as string, note: value.note as string, tags: [...(value.tags as string[])] });

const isSpeakerLabels = (value: unknown): boolean => Array.isArray(value) && value.every((label) => isRecord(label) && isString(label.speaker) && isString(label.kind));

const isAnnotationTexts = (value: unknown): boolean =>
  Array.isArray(value) && value.every((entry) => isRecord(entry) && isAnnotationId(entry.id) && isString(entry.text));

const isRenderCounts: Guard<RenderCounts> = (value): value is RenderCounts =>
  isRecord(value) && Object.values(value).every((count) => isNumber(count) && count >= 0);

/** Checks a message from the webview; `undefined` for anything malformed. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value) || !isString(value.type)) return undefined;
  switch (value.type) {
    case 'webviewDidLoad':
      return value.state === undefined || isReaderState(value.state) ? (value as WebviewMessage) : undefined;
    case 'webviewDidRender':
      return isString(value.uri) && isString(value.headline) && isRenderCounts(value.counts) && isRenderCounts(value.highlights) && isAnnotationTexts(value.annotations) && isSpeakerLabels(value.speakers)
        ? (value as WebviewMessage)
        : undefined;
    case 'webviewDidRequestOpenSource':
      return { type: 'webviewDidRequestOpenSource' };
    case 'webviewDidRequestNavigate':
      return value.direction === 'next' || value.direction === 'previous' ? { type: value.type, direction: value.direction } : undefined;
    case 'webviewDidRequestOpenArticle':
      return isUri(value.uri) && isEntityId(value.entityId) ? { type: value.type, uri: value.uri, entityId: value.entityId } : undefined;
    case 'webviewDidRequestShowEntity':
      return isEntityId(value.entityId) ? { type: value.type, entityId: value.entityId } : undefined;
    case 'webviewDidRequestQuotes':
      return isEntityId(value.entityId) ? { type: value.type, entityId: value.entityId } : undefined;
    case 'webviewDidRequestAnalysis':
      return isEntityId(value.entityId) && (value.view === 'timeline' || value.view === 'network') ? { type: value.type, entityId: value.entityId, view: value.view } : undefined;
    case 'webviewDidRequestAddToKnowledgeBase':
      return isEntityId(value.entityId) && isString(value.text) && value.text.trim() !== '' && value.text.length <= MAX_ENTITY_NAME_LENGTH
        ? { type: value.type, entityId: value.entityId, text: value.text }
        : undefined;
    case 'webviewDidRequestCorrectName':
      return isEntityId(value.entityId) && isRange(value) && value.end > value.start
        ? { type: value.type, entityId: value.entityId, start: value.start as number, end: value.end as number }
        : undefined;
    case 'webviewDidRequestCreateAnnotation':
      return isUri(value.uri) && isRange(value) && value.end > value.start && isEdit(value)
        ? { type: value.type, uri: value.uri, start: value.start as number, end: value.end as number, ...editOf(value) }
        : undefined;
    case 'webviewDidRequestEditAnnotation':
      return isAnnotationId(value.id) && isEdit(value) ? { type: value.type, id: value.id, ...editOf(value) } : undefined;
    case 'webviewDidRequestDeleteAnnotation':
    case 'webviewDidRequestRestoreAnnotation':
    case 'webviewDidRequestAcceptSuggestion':
    case 'webviewDidRequestDismissSuggestion':
      return isAnnotationId(value.id) ? { type: value.type, id: value.id } : undefined;
    case 'webviewDidReveal':
      return isUri(value.uri) && isRange(value.range) && (value.entityId === undefined || isEntityId(value.entityId)) && isNumber(value.marked) && value.marked >= 0
        ? { type: value.type, uri: value.uri, range: { start: value.range.start, end: value.range.end }, entityId: value.entityId, marked: value.marked }
        : undefined;
    default:
      return undefined;
  }
}

const isSpan = (value: unknown): value is { start: number; end: number } =>
  isRecord(value) && isNumber(value.start) && isNumber(value.end) && value.start <= value.end;

const isBlock = (value: unknown): boolean =>
  isRecord(value) && isString(value.kind) && Array.isArray(value.parts) && value.parts.every(isSpan) && isSpan(value);

const isEntityType = (value: unknown): value is EntityType => ENTITY_TYPES.includes(value as EntityType);

const isSettings: Guard<ReaderSettings> = (value): value is ReaderSettings =>
  isRecord(value) &&
  isNumber(value.fontSize) &&
  isString(value.fontFamily) &&
  isNumber(value.lineLength) &&
  Array.isArray(value.highlight) &&
  value.highlight.every(isEntityType) &&
  ENTITY_STYLES.includes(value.entityStyle as EntityStyle) &&
  typeof value.showSpeakers === 'boolean';

const QUOTE_KINDS = ['direct', 'reported', 'question'];
const isQuote = (value: unknown): boolean =>
  isRecord(value) &&
  QUOTE_KINDS.includes(value.kind as string) &&
  (value.speaker === null || isString(value.speaker)) &&
  (value.speakerId === null || isString(value.speakerId)) &&
  (value.cue === null || isString(value.cue)) &&
  isSpan(value);

const isMention = (value: unknown): boolean => isRecord(value) && isEntityType(value.type) && isString(value.entityId) && isSpan(value);

const isArticleLink = (value: unknown): boolean => isRecord(value) && isUri(value.uri) && isString(value.title) && isString(value.dateLabel);

const isEntityInCorpus = (value: unknown): boolean =>
  isRecord(value) && isNumber(value.articles) && isNumber(value.mentions) && Array.isArray(value.others) && value.others.every(isArticleLink) && (value.quotes === undefined || isNumber(value.quotes));

const isEntity = (value: unknown): boolean =>
  isRecord(value) &&
  isString(value.name) &&
  isEntityType(value.type) &&
  isString(value.description) &&
  typeof value.known === 'boolean' &&
  (value.corpus === undefined || isEntityInCorpus(value.corpus));

const isEntities = (value: unknown): boolean => isRecord(value) && Object.values(value).every(isEntity);

const isPalette = (value: unknown): boolean => value === undefined || PALETTE.includes(value as PaletteColour);

const isReaderAnnotation = (value: unknown): boolean =>
  isRecord(value) &&
  isAnnotationId(value.id) &&
  isString(value.colour) &&
  isPalette(value.palette) &&
  isString(value.note) &&
  isTags(value.tags) &&
  isNumber(value.replies) &&
  isString(value.modifiedLabel) &&
  isSpan(value);

const isOrphan = (value: unknown): boolean =>
  isRecord(value) && isAnnotationId(value.id) && isString(value.quote) && isString(value.colour) && isPalette(value.palette) && isString(value.note);

const isReview = (value: unknown): boolean =>
  isOrphan(value) && isRecord(value) && isString(value.reason) && (value.suggestion === undefined || (isRange(value.suggestion) && value.suggestion.end > value.suggestion.start));

const isColour = (value: unknown): boolean => isRecord(value) && isString(value.name) && PALETTE.includes(value.colour as PaletteColour);

const isAnnotations = (value: unknown): value is ReaderAnnotations =>
  isRecord(value) &&
  Array.isArray(value.items) &&
  value.items.every(isReaderAnnotation) &&
  Array.isArray(value.review) &&
  value.review.every(isReview) &&
  Array.isArray(value.orphans) &&
  value.orphans.every(isOrphan) &&
  Array.isArray(value.colours) &&
  value.colours.every(isColour) &&
  (value.readOnly === undefined || isString(value.readOnly));

const isArticle: Guard<ReaderArticle> = (value): value is ReaderArticle =>
  isRecord(value) &&
  isString(value.uri) &&
  isString(value.title) &&
  isString(value.text) &&
  isString(value.dateLabel) &&
  Array.isArray(value.blocks) &&
  value.blocks.every(isBlock) &&
  Array.isArray(value.warnings) &&
  value.warnings.every(isString) &&
  Array.isArray(value.mentions) &&
  value.mentions.every(isMention) &&
  isEntities(value.entities) &&
  isAnnotations(value.annotations) &&
  Array.isArray(value.quotes) &&
  value.quotes.every(isQuote);

/** Checks a message from the host; `undefined` for anything malformed. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isRecord(value) || !isString(value.type)) return undefined;
  switch (value.type) {
    case 'didLoadArticle':
      return isArticle(value.article) &&
        isSettings(value.settings) &&
        (value.scroll === undefined || isFraction(value.scroll)) &&
        (value.reveal === undefined || isRange(value.reveal)) &&
        (value.marks === undefined || isRanges(value.marks)) &&
        (value.annotationId === undefined || isAnnotationId(value.annotationId))
        ? (value as HostMessage)
        : undefined;
    case 'didReveal':
      return isUri(value.uri) && isRange(value.range) && (value.marks === undefined || isRanges(value.marks)) && (value.annotationId === undefined || isAnnotationId(value.annotationId))
        ? (value as HostMessage)
        : undefined;
    case 'didUpdateAnnotations':
      return isUri(value.uri) && isAnnotations(value.annotations) ? (value as HostMessage) : undefined;
    case 'didUpdateEntities':
      return isUri(value.uri) && isEntities(value.entities) && (value.mentions === undefined || (Array.isArray(value.mentions) && value.mentions.every(isMention))) ? (value as HostMessage) : undefined;
    case 'didChangeSettings':
      return isSettings(value.settings) ? (value as HostMessage) : undefined;
    case 'didFailToLoad':
      return isString(value.uri) && isString(value.fileName) && isString(value.reason) ? (value as HostMessage) : undefined;
    default:
      return undefined;
  }
}
