/**
 * The messages between the extension host and the analysis panel's webview, both ways, with the checks each
 * side runs on what it receives. Imports nothing from VS Code or Node: both bundles use it.
 *
 * As in the reader's protocol (`src/webview/protocol.ts`): `didX` goes from the host to the webview,
 * `webviewDidX` from the webview to the host, and the webview announces `webviewDidLoad` first. Nothing the
 * webview sends names a command, a path or a URL the host acts on unchecked: an article's URI is looked up in
 * the corpus before it is opened, an entity id in the index.
 */
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';
import { MAX_ENTITY_ID_LENGTH, MAX_ENTITY_NAME_LENGTH } from '../core/limits';

export const ANALYSIS_VIEWS = ['timeline', 'network'] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

/** Entities on one timeline at most (one series each). */
export const MAX_TIMELINE_ENTITIES = 8;
/** Months on a timeline at most (a range of 50 years). */
export const MAX_MONTHS = 600;
/** Entities around the centre of a network at most. */
export const MAX_NETWORK_NEIGHBOURS = 40;
/** Articles listed for a bar or an edge at most. */
export const MAX_LISTED_ARTICLES = 200;
/** What Copy may put on the clipboard at most. */
export const MAX_COPY_LENGTH = 1_000_000;

export interface AnalysisEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
}

/** What the index says about itself: the panel tells a partial answer from a whole one. */
export type AnalysisStatus = 'loading' | 'indexing' | 'empty' | 'ready';

export interface TimelineData {
  readonly entities: readonly AnalysisEntity[];
  /** `YYYY-MM`, every month of the range. */
  readonly months: readonly string[];
  /** One per entity, in the same order, each with a value per month. */
  readonly series: readonly { readonly mentions: readonly number[]; readonly articles: readonly number[] }[];
}

export interface NetworkEdge {
  /** The other entity (the centre is the edge's other end). */
  readonly id: string;
  readonly articles: number;
  readonly paragraphs: number;
}

export interface NetworkData {
  readonly centre: AnalysisEntity;
  /** The neighbours shown, strongest first. */
  readonly neighbours: readonly AnalysisEntity[];
  readonly edges: readonly NetworkEdge[];
  /** How many entities are named with the centre in all (more than shown when `neighbours` is cut). */
  readonly total: number;
}

export interface ListedArticle {
  readonly uri: string;
  readonly title: string;
  /** `14 February 2022`. */
  readonly dateLabel: string;
  /** Mentions of the entity (a bar's list) or paragraphs naming both (an edge's). */
  readonly count: number;
}

/** What an article list answers: a bar's month of one entity, or an edge's two entities. */
export type ListRequest =
  | { readonly kind: 'month'; readonly entityId: string; readonly period: string }
  | { readonly kind: 'edge'; readonly a: string; readonly b: string };

export interface ArticleList {
  /** The question it answers, asked again when the webview is loaded again (the panel hidden and shown, a window reload). */
  readonly request: ListRequest;
  /** What the list is of, as a heading says it ("Vladimir Putin in February 2022"). */
  readonly title: string;
  /** The entity whose first mention each article opens at. */
  readonly entityId: string;
  readonly total: number;
  readonly articles: readonly ListedArticle[];
  /** What `count` counts: `mentions` or `paragraphs`. */
  readonly counts: 'mentions' | 'paragraphs';
}

/** What the panel shows, restored after a hide or a reload. */
export interface AnalysisState {
  readonly view: AnalysisView;
  /** The timeline's entities, or the network's centre alone. */
  readonly timeline: readonly string[];
  readonly centre: string | undefined;
  /** The article list shown, if any. */
  readonly list?: ListRequest;
}

export type HostMessage =
  | {
      readonly type: 'didShow';
      readonly view: AnalysisView;
      readonly status: AnalysisStatus;
      /** Why there is nothing to draw (no index yet, entity unknown, no dated articles), for the empty state. */
      readonly empty?: string;
      readonly timeline?: TimelineData;
      readonly network?: NetworkData;
    }
  | { readonly type: 'didListArticles'; readonly list: ArticleList };

/** What the webview drew, for the integration tests. */
export interface AnalysisRenderReport {
  readonly view: AnalysisView;
  readonly status: AnalysisStatus;
  readonly empty: string | undefined;
  readonly entities: readonly string[];
  readonly months: readonly string[];
  /** Bars drawn (non-zero values over every series). */
  readonly bars: number;
  readonly nodes: number;
  readonly edges: number;
  /** Rows of the table's body. */
  readonly tableRows: number;
  /** The article list shown, if any: its title and URIs. */
  readonly list: { readonly title: string; readonly uris: readonly string[] } | undefined;
}

export type WebviewMessage =
  | { readonly type: 'webviewDidLoad'; readonly state?: AnalysisState }
  | { readonly type: 'webviewDidRequestView'; readonly view: AnalysisView }
  | { readonly type: 'webviewDidRequestAddEntity' }
  | { readonly type: 'webviewDidRequestRemoveEntity'; readonly entityId: string }
  | { readonly type: 'webviewDidRequestCentre'; readonly entityId: string }
  | { readonly type: 'webviewDidRequestMonth'; readonly entityId: string; readonly period: string }
  | { readonly type: 'webviewDidRequestEdge'; readonly a: string; readonly b: string }
  | { readonly type: 'webviewDidRequestOpenArticle'; readonly uri: string; readonly entityId: string }
  | { readonly type: 'webviewDidRequestCopy'; readonly text: string }
  | ({ readonly type: 'webviewDidRender' } & AnalysisRenderReport);

type Guard<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const MAX_URI_LENGTH = 8192;
const MAX_TEXT_LENGTH = 2000;
const isUri = (value: unknown): value is string => isString(value) && value.length > 0 && value.length <= MAX_URI_LENGTH;
const isText = (value: unknown): value is string => isString(value) && value.length <= MAX_TEXT_LENGTH;
export const isEntityId = (value: unknown): value is string =>
  isString(value) && value.length > 0 && value.length <= MAX_ENTITY_ID_LENGTH && /^[\p{L}\p{N}-]+$/u.test(value);
/** `YYYY-MM`. */
export const isMonth = (value: unknown): value is string => isString(value) && /^\d{4,5}-(0[1-9]|1[0-2])$/.test(value);
const isView = (value: unknown): value is AnalysisView => ANALYSIS_VIEWS.includes(value as AnalysisView);
const isStatus = (value: unknown): value is AnalysisStatus => ['loading', 'indexing', 'empty', 'ready'].includes(value as string);
const arrayOf = <T>(value: unknown, max: number, item: Guard<T>): value is T[] => Array.isArray(value) && value.length <= max && value.every(item);

const isEntity: Guard<AnalysisEntity> = (value): value is AnalysisEntity =>
  isRecord(value) && isEntityId(value.id) && isString(value.name) && value.name.length <= MAX_ENTITY_NAME_LENGTH && ENTITY_TYPES.includes(value.type as EntityType);

export const isListRequest: Guard<ListRequest> = (value): value is ListRequest =>
  isRecord(value) &&
  ((value.kind === 'month' && isEntityId(value.entityId) && isMonth(value.period)) || (value.kind === 'edge' && isEntityId(value.a) && isEntityId(value.b) && value.a !== value.b));

/** A list request rebuilt from its checked fields only. */
function listRequestOf(request: ListRequest): ListRequest {
  return request.kind === 'month' ? { kind: 'month', entityId: request.entityId, period: request.period } : { kind: 'edge', a: request.a, b: request.b };
}

export const isAnalysisState: Guard<AnalysisState> = (value): value is AnalysisState =>
  isRecord(value) &&
  isView(value.view) &&
  arrayOf(value.timeline, MAX_TIMELINE_ENTITIES, isEntityId) &&
  (value.centre === undefined || isEntityId(value.centre)) &&
  (value.list === undefined || isListRequest(value.list));

/** A saved state rebuilt from its checked fields only. */
export function analysisStateOf(state: AnalysisState): AnalysisState {
  return { view: state.view, timeline: [...state.timeline], centre: state.centre, ...(state.list ? { list: listRequestOf(state.list) } : {}) };
}

const isTimeline: Guard<TimelineData> = (value): value is TimelineData => {
  if (!isRecord(value) || !arrayOf(value.entities, MAX_TIMELINE_ENTITIES, isEntity) || !arrayOf(value.months, MAX_MONTHS, isMonth)) return false;
  const months = value.months.length;
  return (
    Array.isArray(value.series) &&
    value.series.length === value.entities.length &&
    value.series.every((series) => isRecord(series) && arrayOf(series.mentions, months, isCount) && series.mentions.length === months && arrayOf(series.articles, months, isCount) && series.articles.length === months)
  );
};

const isEdge: Guard<NetworkEdge> = (value): value is NetworkEdge => isRecord(value) && isEntityId(value.id) && isCount(value.articles) && isCount(value.paragraphs);

const isNetwork: Guard<NetworkData> = (value): value is NetworkData =>
  isRecord(value) &&
  isEntity(value.centre) &&
  arrayOf(value.neighbours, MAX_NETWORK_NEIGHBOURS, isEntity) &&
  arrayOf(value.edges, MAX_NETWORK_NEIGHBOURS, isEdge) &&
  value.edges.every((edge) => (value.neighbours as AnalysisEntity[]).some((n) => n.id === edge.id)) &&
  isCount(value.total);

const isListed: Guard<ListedArticle> = (value): value is ListedArticle => isRecord(value) && isUri(value.uri) && isText(value.title) && isText(value.dateLabel) && isCount(value.count);

const isList: Guard<ArticleList> = (value): value is ArticleList =>
  isRecord(value) && isListRequest(value.request) && isText(value.title) && isEntityId(value.entityId) && isCount(value.total) && arrayOf(value.articles, MAX_LISTED_ARTICLES, isListed) && (value.counts === 'mentions' || value.counts === 'paragraphs');

/** Checks a message from the host; `undefined` for anything malformed. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'didShow':
      return isView(value.view) &&
        isStatus(value.status) &&
        (value.empty === undefined || isText(value.empty)) &&
        (value.timeline === undefined || isTimeline(value.timeline)) &&
        (value.network === undefined || isNetwork(value.network))
        ? { type: 'didShow', view: value.view, status: value.status, empty: value.empty as string | undefined, timeline: value.timeline as TimelineData | undefined, network: value.network as NetworkData | undefined }
        : undefined;
    case 'didListArticles':
      return isList(value.list) ? { type: 'didListArticles', list: value.list } : undefined;
    default:
      return undefined;
  }
}

const isReport = (value: Record<string, unknown>): boolean =>
  isView(value.view) &&
  isStatus(value.status) &&
  (value.empty === undefined || isText(value.empty)) &&
  arrayOf(value.entities, MAX_NETWORK_NEIGHBOURS + 1, isEntityId) &&
  arrayOf(value.months, MAX_MONTHS, isMonth) &&
  isCount(value.bars) &&
  isCount(value.nodes) &&
  isCount(value.edges) &&
  isCount(value.tableRows) &&
  (value.list === undefined || (isRecord(value.list) && isText(value.list.title) && arrayOf(value.list.uris, MAX_LISTED_ARTICLES, isUri)));

/** Checks a message from the webview; `undefined` for anything malformed. Each is rebuilt from its checked fields only. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'webviewDidLoad':
      return value.state === undefined ? { type: value.type } : isAnalysisState(value.state) ? { type: value.type, state: analysisStateOf(value.state) } : undefined;
    case 'webviewDidRequestView':
      return isView(value.view) ? { type: value.type, view: value.view } : undefined;
    case 'webviewDidRequestAddEntity':
      return { type: value.type };
    case 'webviewDidRequestRemoveEntity':
    case 'webviewDidRequestCentre':
      return isEntityId(value.entityId) ? { type: value.type, entityId: value.entityId } : undefined;
    case 'webviewDidRequestMonth':
      return isEntityId(value.entityId) && isMonth(value.period) ? { type: value.type, entityId: value.entityId, period: value.period } : undefined;
    case 'webviewDidRequestEdge':
      return isEntityId(value.a) && isEntityId(value.b) && value.a !== value.b ? { type: value.type, a: value.a, b: value.b } : undefined;
    case 'webviewDidRequestOpenArticle':
      return isUri(value.uri) && isEntityId(value.entityId) ? { type: value.type, uri: value.uri, entityId: value.entityId } : undefined;
    case 'webviewDidRequestCopy':
      return isString(value.text) && value.text.length <= MAX_COPY_LENGTH ? { type: value.type, text: value.text } : undefined;
    case 'webviewDidRender':
      if (!isReport(value)) return undefined;
      return {
        type: value.type,
        view: value.view as AnalysisView,
        status: value.status as AnalysisStatus,
        empty: value.empty as string | undefined,
        entities: [...(value.entities as string[])],
        months: [...(value.months as string[])],
        bars: value.bars as number,
        nodes: value.nodes as number,
        edges: value.edges as number,
        tableRows: value.tableRows as number,
        list: value.list === undefined ? undefined : { title: (value.list as { title: string }).title, uris: [...(value.list as { uris: string[] }).uris] },
      };
    default:
      return undefined;
  }
}
