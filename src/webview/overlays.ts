/**
 * The elements that float over the article, created once and declared together: `render()`
 * puts them back after the article, in this order (later ones lie above earlier ones).
 * Each feature fills and shows its own.
 */
import { el } from './dom';
import { type Box, placement } from './lib/placement';
import { root } from './state';

function overlay(className: string, role: string, label?: string): HTMLElement {
  const node = el('div', className);
  node.setAttribute('role', role);
  if (label) node.setAttribute('aria-label', label);
  node.hidden = true;
  return node;
}

/** A name's card (entities/card.ts): a non-modal dialog, titled by its first line, that Shift+Enter enters. */
export const entityCard = overlay('entity-card', 'dialog');
entityCard.id = 'entity-card';
entityCard.setAttribute('aria-labelledby', 'entity-card-title');
/** A highlight's card with its note (annotations/card.ts), the same kind of dialog. */
export const annotationCard = overlay('annotation-card', 'dialog');
annotationCard.id = 'annotation-card';
annotationCard.setAttribute('aria-labelledby', 'annotation-card-title');
/** Writing a note (annotations/editor.ts). */
export const noteEditor = overlay('note-editor', 'dialog', 'Annotation');
/** Colours and a note for the selected text (annotations/toolbar.ts). */
export const selectionToolbar = overlay('selection-toolbar', 'toolbar', 'Highlight the selected text');
/** Where you are in a marked set: mentions, matches or annotations (markBar.ts). Its news is announced (announcer.ts). */
export const selectionBar = overlay('selection-bar', 'toolbar', 'Marked in this article');
/** "Annotation deleted" with Undo (annotations/undo.ts). */
export const undoBar = overlay('undo-bar', 'group', 'Deleted annotation');

/** The caret of caret mode (caret.ts): a thin bar at the focus end of the selection, for the eyes only. */
export const caretMark = el('div', 'reader-caret');
caretMark.setAttribute('aria-hidden', 'true');
caretMark.hidden = true;

/** Every overlay, in the order `render()` appends them. */
export const OVERLAYS: readonly HTMLElement[] = [caretMark, entityCard, annotationCard, noteEditor, selectionToolbar, selectionBar, undoBar];

/** Puts a floating element next to `box` (viewport coordinates); see `placement`. */
export function placeNear(popup: HTMLElement, box: Box, where: 'above' | 'below'): void {
  const { left, top } = placement(box, root.getBoundingClientRect(), { width: popup.offsetWidth, height: popup.offsetHeight }, where);
  popup.style.left = `${left}px`;
  popup.style.top = `${top}px`;
}
