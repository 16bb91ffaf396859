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

/** A name's card (entities/card.ts). */
export const entityCard = overlay('entity-card', 'tooltip');
entityCard.id = 'entity-card';
/** A highlight's card with its note (annotations/card.ts). */
export const annotationCard = overlay('annotation-card', 'tooltip');
annotationCard.id = 'annotation-card';
/** Writing a note (annotations/editor.ts). */
export const noteEditor = overlay('note-editor', 'dialog', 'Annotation');
/** Colours and a note for the selected text (annotations/toolbar.ts). */
export const selectionToolbar = overlay('selection-toolbar', 'toolbar', 'Highlight the selected text');
/** Where you are in a marked set: mentions, matches or annotations (markBar.ts). */
export const selectionBar = overlay('selection-bar', 'status');
/** "Annotation deleted" with Undo (annotations/undo.ts). */
export const undoBar = overlay('undo-bar', 'status');

/** Every overlay, in the order `render()` appends them. */
export const OVERLAYS: readonly HTMLElement[] = [entityCard, annotationCard, noteEditor, selectionToolbar, selectionBar, undoBar];

/** Puts a floating element next to `box` (viewport coordinates); see `placement`. */
export function placeNear(popup: HTMLElement, box: Box, where: 'above' | 'below'): void {
  const { left, top } = placement(box, root.getBoundingClientRect(), { width: popup.offsetWidth, height: popup.offsetHeight }, where);
  popup.style.left = `${left}px`;
  popup.style.top = `${top}px`;
}
