/** Moving between annotations (A, Shift+A), bringing one into view, and drawing new ones where the reader is. */
import { render } from '../article';
import { colourSwatch, flash } from '../dom';
import { selectEntity } from '../entities/selection';
import { wrapIndex } from '../lib/ranges';
import { hideBar, renderBar } from '../markBar';
import type { ReaderAnnotations } from '../protocol';
import { restoreScroll, scrollFraction } from '../scroll';
import { state } from '../state';
import { openNoteEditor } from './editor';
import { annotationById, firstPieceOf } from './model';

export function moveToAnnotation(index: number): void {
  const stops = state.annotationItems.flatMap((item) => {
    const piece = firstPieceOf(item.id);
    return piece ? [{ item, piece }] : [];
  });
  if (stops.length === 0) return;
  state.annotationIndex = wrapIndex(index, stops.length);
  const { item, piece } = stops[state.annotationIndex];
  piece.scrollIntoView({ block: 'center', behavior: 'smooth' });
  piece.focus({ preventScroll: true });
  renderBar(colourSwatch(item.palette), item.colour || 'Annotation', state.annotationIndex, stops.length, 'Annotation', moveToAnnotation, hideBar);
}

/** Brings an annotation into view (opened from the Annotations view or the editor), its note open if asked. */
export function revealAnnotation(id: string, openNote: boolean): boolean {
  const piece = firstPieceOf(id);
  const item = annotationById(id);
  if (!piece || !item) return false;
  piece.scrollIntoView({ block: 'center' });
  piece.focus({ preventScroll: true });
  flash(piece);
  state.annotationIndex = state.annotationItems.indexOf(item);
  if (openNote) openNoteEditor({ kind: 'edit', item });
  return true;
}

/** New annotations for the article shown: drawn again where the reader is. */
export function updateAnnotations(annotations: ReaderAnnotations): void {
  if (!state.shown) return;
  const keep = scrollFraction();
  const keepEntity = state.selected;
  const focusedId = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.anno')?.dataset.anno;
  state.shown = { ...state.shown, annotations };
  render(state.shown);
  if (keepEntity && state.shown.entities[keepEntity]) selectEntity(keepEntity, { scroll: false });
  restoreScroll(keep);
  const focus = focusedId ? firstPieceOf(focusedId) : undefined;
  focus?.focus({ preventScroll: true });
}
