/** Moving between annotations (A, Shift+A), bringing one into view, and drawing new ones where the reader is. */
import { render } from '../article';
import { colourSwatch, flash } from '../dom';
import { selectEntity } from '../entities/selection';
import { wrapIndex } from '../lib/ranges';
import { hideBar, renderBar } from '../markBar';
import { announce } from '../announcer';
import type { ReaderAnnotation, ReaderAnnotations } from '../protocol';
import { restoreScroll, scrollFraction } from '../scroll';
import { root, state } from '../state';
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

/** Keyboard focus on a highlight's tab stop rings every piece of it, not only the first. */
export function installHighlightFocusRing(): void {
  const clear = () => root.querySelectorAll('.anno.focus-ring').forEach((node) => node.classList.remove('focus-ring'));
  root.addEventListener('focusin', (event) => {
    clear();
    const piece = (event.target as HTMLElement).closest<HTMLElement>('.anno[data-first]');
    const id = piece?.matches(':focus-visible') ? (piece.dataset.first ?? '').split(' ')[0] : undefined;
    if (!id) return;
    root.querySelectorAll<HTMLElement>('.anno').forEach((node) => {
      if ((node.dataset.annos ?? '').split(' ').includes(id)) node.classList.add('focus-ring');
    });
  });
  root.addEventListener('focusout', clear);
}

/** New annotations for the article shown: drawn again where the reader is, focus on the one just changed here. */
export function updateAnnotations(annotations: ReaderAnnotations): void {
  if (!state.shown) return;
  const keep = scrollFraction();
  const keepEntity = state.selected;
  const focusedId = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.anno')?.dataset.anno;
  const before = state.annotationItems;
  state.shown = { ...state.shown, annotations };
  render(state.shown);
  if (keepEntity && state.shown.entities[keepEntity]) selectEntity(keepEntity, { scroll: false });
  restoreScroll(keep);
  const changed = afterChange(before);
  const focus = changed ?? (focusedId ? firstPieceOf(focusedId) : undefined);
  if (focus) requestAnimationFrame(() => focus.focus());
}

/** The element to focus after a change asked for here has come back (and what is announced); undefined while it has not. */
function afterChange(before: readonly ReaderAnnotation[]): HTMLElement | undefined {
  const awaiting = state.awaiting;
  if (!awaiting) return undefined;
  const items = state.annotationItems;
  switch (awaiting.kind) {
    case 'create': {
      const known = new Set(before.map((item) => item.id));
      const added = items.filter((a) => !known.has(a.id));
      const item = added.find((a) => a.start === awaiting.start && a.end === awaiting.end) ?? (added.length === 1 ? added[0] : undefined);
      if (!item) return undefined;
      state.awaiting = undefined;
      announce(`Highlighted as ${item.colour || 'Highlight'}${item.note ? '. Note saved' : ''}`);
      return firstPieceOf(item.id);
    }
    case 'edit':
    case 'restore': {
      const item = annotationById(awaiting.id);
      const old = before.find((a) => a.id === awaiting.id);
      if (!item || (awaiting.kind === 'restore' && old)) return undefined;
      state.awaiting = undefined;
      announce(awaiting.kind === 'restore' ? 'Annotation restored' : old?.note !== item.note ? 'Note saved' : 'Annotation saved');
      return firstPieceOf(item.id);
    }
    case 'delete': {
      if (items.length >= before.length) return undefined;
      state.awaiting = undefined;
      // The next highlight in text order, else the one before, else the article itself.
      const next = items[Math.min(awaiting.index, items.length - 1)];
      return (next && firstPieceOf(next.id)) ?? state.articleBody;
    }
  }
}
