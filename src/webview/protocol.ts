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
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';

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
}

export interface ReaderSettings {
  readonly fontSize: number;
  /** Empty: the workbench font. */
  readonly fontFamily: string;
  /** Maximum line length, in characters. */
  readonly lineLength: number;
  /** Entity types highlighted when an article opens. */
  readonly highlight: readonly EntityType[];
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
    }
  | { readonly type: 'didChangeSettings'; readonly settings: ReaderSettings }
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
    }
  | { readonly type: 'webviewDidRequestOpenSource' }
  | { readonly type: 'webviewDidRequestNavigate'; readonly direction: 'next' | 'previous' };

// ---- validation: nothing received is trusted ----

type Guard<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isFraction = (value: unknown): value is number => isNumber(value) && value >= 0 && value <= 1;

const MAX_URI_LENGTH = 8192;

export const isReaderState: Guard<ReaderState> = (value): value is ReaderState =>
  isRecord(value) && isString(value.uri) && value.uri.length <= MAX_URI_LENGTH && isFraction(value.scroll);

const isRenderCounts: Guard<RenderCounts> = (value): value is RenderCounts =>
  isRecord(value) && Object.values(value).every((count) => isNumber(count) && count >= 0);

/** Checks a message from the webview; `undefined` for anything malformed. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value) || !isString(value.type)) return undefined;
  switch (value.type) {
    case 'webviewDidLoad':
      return value.state === undefined || isReaderState(value.state) ? (value as WebviewMessage) : undefined;
    case 'webviewDidRender':
      return isString(value.uri) && isString(value.headline) && isRenderCounts(value.counts) && isRenderCounts(value.highlights)
        ? (value as WebviewMessage)
        : undefined;
    case 'webviewDidRequestOpenSource':
      return { type: 'webviewDidRequestOpenSource' };
    case 'webviewDidRequestNavigate':
      return value.direction === 'next' || value.direction === 'previous' ? { type: value.type, direction: value.direction } : undefined;
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
  value.highlight.every(isEntityType);

const isMention = (value: unknown): boolean => isRecord(value) && isEntityType(value.type) && isString(value.entityId) && isSpan(value);

const isEntity = (value: unknown): boolean =>
  isRecord(value) && isString(value.name) && isEntityType(value.type) && isString(value.description) && typeof value.known === 'boolean';

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
  isRecord(value.entities) &&
  Object.values(value.entities).every(isEntity);

/** Checks a message from the host; `undefined` for anything malformed. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isRecord(value) || !isString(value.type)) return undefined;
  switch (value.type) {
    case 'didLoadArticle':
      return isArticle(value.article) && isSettings(value.settings) && (value.scroll === undefined || isFraction(value.scroll))
        ? (value as HostMessage)
        : undefined;
    case 'didChangeSettings':
      return isSettings(value.settings) ? (value as HostMessage) : undefined;
    case 'didFailToLoad':
      return isString(value.uri) && isString(value.fileName) && isString(value.reason) ? (value as HostMessage) : undefined;
    default:
      return undefined;
  }
}
