/**
 * The reader's state, in one place: what is shown, what is marked and selected, and where the
 * keys are. Feature modules read and change it; only `main.ts` decides when to render.
 */
import type { EntityType } from '../core/entities/types';
import type { ReaderAnnotation, ReaderAnnotations, ReaderArticle, ReaderState, TextRange, WebviewMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: ReaderState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The channel to the extension host (acquired once: VS Code allows one call). */
export const host = acquireVsCodeApi();

/** The element everything is rendered into (`readerHtml.ts`). */
export const root = document.getElementById('reader') as HTMLElement;

export const state = {
  /** The article on screen. */
  shown: undefined as ReaderArticle | undefined,
  /** The `<article>` element: selections inside it can be annotated. */
  articleBody: undefined as HTMLElement | undefined,
  /** Entity types the legend has turned off; starts from the setting. */
  hiddenTypes: undefined as Set<EntityType> | undefined,
  /** The setting the legend last started from (`highlightEntities`, joined). */
  highlightSetting: undefined as string | undefined,

  /** Search matches of the article shown, in text order, and the current one. */
  marks: [] as readonly TextRange[],
  markIndex: -1,

  /** The selected entity, whose mentions are marked, and the mention the keys are on. */
  selected: undefined as string | undefined,
  selectedIndex: -1,
  /** Entities that already have a tab stop: the first mention of each gets one, not every mention. */
  entityTabStops: new Set<string>(),

  /** The article's annotations as sent, and their items in text order. */
  annotations: { items: [], review: [], orphans: [], colours: [] } as ReaderAnnotations,
  annotationItems: [] as readonly ReaderAnnotation[],
  /** Annotations that already have a tab stop (their first piece). */
  annotationTabStops: new Set<string>(),
  /** The annotation the keys (A, Shift+A) are on. */
  annotationIndex: -1,
  /** Whether the floating bar shows the annotations (Escape hides it). */
  annotationBarShown: false,
  /** The last annotations deleted here, for Ctrl+Z and the Undo button. */
  deletedHere: [] as string[],
  /** The range the selection toolbar (or a new note) is for. */
  pendingRange: undefined as TextRange | undefined,
  /**
   * A change asked of the host whose answer (the annotations drawn again) moves focus and is
   * announced: onto the new highlight, the edited one, or the one after a deleted one.
   */
  awaiting: undefined as
    | { readonly kind: 'create'; readonly start: number; readonly end: number }
    | { readonly kind: 'edit' | 'restore'; readonly id: string }
    | { readonly kind: 'delete'; readonly index: number }
    | undefined,
  /** Where focus goes back to when the note editor closes. */
  editorReturn: undefined as HTMLElement | undefined,

  /** Caret mode (F7): the selection's ends as offsets into the text, equal when it is only a caret; undefined when off. */
  caret: undefined as { readonly anchor: number; readonly focus: number } | undefined,

  /** The text node of each piece of article text, with the offset it starts at: how a selection becomes offsets. */
  textStarts: new WeakMap<Text, number>(),
};
