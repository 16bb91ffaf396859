/**
 * The reader's keys, in one place and one order. A single `keydown` listener on the window, in
 * the capture phase (before any element's own handling), runs these handlers in turn; the first
 * that takes a key ends it. Earlier ones win:
 *
 * 1. note editor — every key typed in it is its own (Escape, Ctrl+Enter, Alt+1–9).
 * 2. card — with focus in a card, Tab and Shift+Tab cycle through it, Escape goes back.
 * 3. undo — Ctrl+Z after a delete made here.
 * 4. selection toolbar — 1–9 highlight in that colour, Enter adds a note, Escape closes it.
 * 5. into a card — Shift+Enter on a focused name or highlight moves focus into its card.
 * 6. annotation bar — Escape closes the bar of annotations.
 * 7. highlight — Enter edits the focused highlight's note, Delete deletes it.
 * 8. annotations — A and Shift+A move between highlights.
 * 9. caret — F7 turns caret mode on and off; in it arrows, Home and End move the caret and
 *    with Shift select (caret.ts); Shift+arrows on a focused name or highlight start it there.
 * 10. Escape — closes a name's card, else clears the selected name, else the search marks.
 * 11. name — Enter marks the focused name's mentions.
 * 12. speaker — Enter or Space on a focused speaker label lists the speaker's quotes (Quotes view).
 * 13. mentions and matches — n and Shift+N move between them.
 *
 * Keys with Alt, Ctrl or ⌘ (other than those above) and keys typed in text fields are left to
 * the page and the workbench.
 */
import { annotationHover } from './annotations/card';
import { handleEditorKey, openNoteEditor } from './annotations/editor';
import { annotationById } from './annotations/model';
import { moveToAnnotation } from './annotations/navigation';
import { createFromSelection, hideSelectionToolbar } from './annotations/toolbar';
import { deleteAnnotation, undoDelete } from './annotations/undo';
import { handleCaretKey } from './caret';
import { entityHover } from './entities/card';
import { clearSelection, moveToMention, selectEntity } from './entities/selection';
import { dispatchKey, hasCommandModifier, type KeyHandler, stepOf } from './lib/keys';
import { hideBar } from './markBar';
import { entityCard, selectionBar, selectionToolbar } from './overlays';
import { clearMarks, moveToMark } from './search';
import { requestQuotes } from './quotes';
import { state } from './state';

const inTextField = (event: KeyboardEvent) => (event.target as HTMLElement).closest('input, textarea, [contenteditable]') !== null;

/** Taken: no default action, and not passed to the workbench's keybindings either. */
function consume(event: KeyboardEvent): true {
  event.preventDefault();
  event.stopPropagation();
  return true;
}

export const KEY_HANDLERS: readonly KeyHandler<KeyboardEvent>[] = [
  { name: 'note editor', handle: handleEditorKey },
  { name: 'card', handle: (event) => entityHover.handleKey(event) || annotationHover.handleKey(event) },
  {
    name: 'undo',
    handle: (event) => {
      if (inTextField(event) || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z' || state.deletedHere.length === 0) return false;
      undoDelete();
      event.preventDefault();
      return true;
    },
  },
  {
    name: 'selection toolbar',
    handle: (event) => {
      if (inTextField(event) || hasCommandModifier(event) || selectionToolbar.hidden || !state.pendingRange) return false;
      const colour = /^[1-9]$/.test(event.key) ? state.annotations.colours[Number(event.key) - 1] : undefined;
      if (colour && !state.annotations.readOnly) {
        createFromSelection(colour.name);
        event.preventDefault();
        return true;
      }
      if (event.key === 'Enter') {
        openNoteEditor({ kind: 'new', range: state.pendingRange });
        event.preventDefault();
        return true;
      }
      if (event.key === 'Escape') {
        hideSelectionToolbar();
        event.stopPropagation();
        return true;
      }
      return false;
    },
  },
  {
    name: 'into a card',
    handle: (event) => {
      if (event.key !== 'Enter' || !event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
      const target = event.target as HTMLElement;
      const entered = target.matches('.anno[data-first]') ? annotationHover.enter(target) : target.matches('.entity') ? entityHover.enter(target) : undefined;
      if (entered === undefined) return false;
      return consume(event);
    },
  },
  {
    name: 'annotation bar',
    handle: (event) => {
      if (inTextField(event) || hasCommandModifier(event) || event.key !== 'Escape' || !state.annotationBarShown || selectionBar.hidden) return false;
      hideBar();
      event.stopPropagation();
      return true;
    },
  },
  {
    name: 'highlight',
    handle: (event) => {
      if (inTextField(event) || hasCommandModifier(event) || (event.key !== 'Enter' && event.key !== 'Delete')) return false;
      const piece = (event.target as HTMLElement).closest<HTMLElement>('.anno[data-first]');
      if (!piece) return false;
      const item = annotationById(piece.dataset.anno);
      // Read-only: the key goes on (Enter on a name inside the highlight still marks the name).
      if (!item || state.annotations.readOnly) return false;
      if (event.key === 'Enter') openNoteEditor({ kind: 'edit', item });
      else deleteAnnotation(item.id);
      return consume(event);
    },
  },
  {
    name: 'annotations',
    handle: (event) => {
      const step = stepOf(event, 'a');
      if (inTextField(event) || hasCommandModifier(event) || step === 0 || state.annotationItems.length === 0) return false;
      moveToAnnotation(state.annotationIndex + step);
      event.preventDefault();
      return true;
    },
  },
  { name: 'caret', handle: handleCaretKey },
  {
    name: 'Escape',
    handle: (event) => {
      if (event.key !== 'Escape') return false;
      if (!entityCard.hidden) entityHover.hide();
      else if (state.selected) clearSelection();
      else clearMarks();
      return true;
    },
  },
  {
    name: 'name',
    handle: (event) => {
      const target = event.target as HTMLElement;
      if (event.key !== 'Enter' || !target.classList.contains('entity') || !target.dataset.entity) return false;
      selectEntity(target.dataset.entity, { scroll: false, current: target });
      event.preventDefault();
      return true;
    },
  },
  {
    name: 'speaker',
    handle: (event) => {
      const target = event.target as HTMLElement;
      if ((event.key !== 'Enter' && event.key !== ' ') || hasCommandModifier(event) || !target.classList.contains('quote-speaker') || !target.dataset.entity) return false;
      requestQuotes(target.dataset.entity);
      return consume(event);
    },
  },
  {
    name: 'mentions and matches',
    handle: (event) => {
      const step = stepOf(event, 'n');
      if (inTextField(event) || hasCommandModifier(event) || step === 0) return false;
      if (state.selected) moveToMention(state.selectedIndex + step);
      else if (state.marks.length) moveToMark(state.markIndex + step);
      else return false;
      event.preventDefault();
      return true;
    },
  },
];

export function installKeyboard(): void {
  window.addEventListener('keydown', (event) => dispatchKey(KEY_HANDLERS, event), true);
}
