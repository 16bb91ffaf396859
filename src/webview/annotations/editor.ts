/** The note editor: a new annotation with a note, or an edit of one (colour, note, tags). */
import { parseTags } from '../../core/annotations/model';
import { MAX_NOTE_LENGTH } from '../../core/limits';
import { colourSwatch, el, icon } from '../dom';
import { noteEditor, placeNear } from '../overlays';
import type { AnnotationEdit, ReaderAnnotation, TextRange } from '../protocol';
import { host, state } from '../state';
import { annotationHover } from './card';
import { firstPieceOf, truncate } from './model';
import { createFromSelection, hideSelectionToolbar } from './toolbar';
import { deleteAnnotation } from './undo';

export type EditorTarget = { kind: 'new'; range: TextRange } | { kind: 'edit'; item: ReaderAnnotation };

export function openNoteEditor(target: EditorTarget): void {
  const { shown } = state;
  if (!shown || state.annotations.readOnly) return;
  annotationHover.hide();
  hideSelectionToolbar();
  // Where focus goes back to: the highlight edited, or for a new one what had focus in the article (the caret's place), else the article.
  const active = document.activeElement as HTMLElement | null;
  state.editorReturn = target.kind === 'edit' ? firstPieceOf(target.item.id) : active && state.articleBody?.contains(active) ? active : state.articleBody;
  const colours = state.annotations.colours;
  let colour = target.kind === 'edit' ? target.item.colour : (colours[0]?.name ?? '');
  const heading = el('div', 'card-title');
  heading.append(icon(target.kind === 'new' ? 'add' : 'edit'), el('strong', undefined, target.kind === 'new' ? 'New annotation' : 'Edit annotation'));
  const range = target.kind === 'new' ? target.range : target.item;
  const quote = el('blockquote', 'note-quote', truncate(shown.text.slice(range.start, range.end), 160));
  const colourRow = el('div', 'note-colours');
  colourRow.setAttribute('role', 'radiogroup');
  colourRow.setAttribute('aria-label', 'Colour');
  const colourButtons = colours.map((c, index) => {
    const node = el('button', 'colour-choice');
    node.type = 'button';
    node.setAttribute('role', 'radio');
    node.title = `${c.name} (Alt+${index + 1})`;
    node.append(colourSwatch(c.colour), document.createTextNode(` ${c.name}`));
    node.addEventListener('click', () => pick(c.name));
    return node;
  });
  const pick = (name: string) => {
    colour = name;
    colourButtons.forEach((node, i) => node.setAttribute('aria-checked', String(colours[i].name === name)));
  };
  pick(colour);
  colourRow.append(...colourButtons);
  const noteLabel = el('label', 'note-label', 'Note (Markdown)');
  const note = el('textarea', 'note-text');
  note.id = 'note-text';
  noteLabel.htmlFor = note.id;
  note.rows = 5;
  // The protocol's limit: a longer note's message would be refused by the host, and the note lost.
  note.maxLength = MAX_NOTE_LENGTH;
  note.value = target.kind === 'edit' ? target.item.note : '';
  const tagsLabel = el('label', 'note-label', 'Tags, separated by commas');
  const tags = el('input', 'note-tags');
  tags.id = 'note-tags';
  tagsLabel.htmlFor = tags.id;
  tags.type = 'text';
  tags.value = target.kind === 'edit' ? target.item.tags.join(', ') : '';
  const save = () => {
    const edit: AnnotationEdit = { colour, note: note.value, tags: parseTags(tags.value) };
    if (target.kind === 'new') {
      state.pendingRange = target.range;
      createFromSelection(edit.colour, edit);
    } else {
      state.awaiting = { kind: 'edit', id: target.item.id };
      host.postMessage({ type: 'webviewDidRequestEditAnnotation', id: target.item.id, ...edit });
    }
    closeNoteEditor();
  };
  const actions = el('div', 'note-actions');
  const saveButton = el('button', 'primary-button', 'Save');
  saveButton.type = 'button';
  saveButton.title = 'Save (Ctrl+Enter)';
  saveButton.addEventListener('click', save);
  const cancelButton = el('button', 'secondary-button', 'Cancel');
  cancelButton.type = 'button';
  cancelButton.title = 'Cancel (Escape)';
  cancelButton.addEventListener('click', closeNoteEditor);
  actions.append(saveButton, cancelButton);
  if (target.kind === 'edit') {
    const remove = el('button', 'secondary-button delete-button', 'Delete');
    remove.type = 'button';
    remove.addEventListener('click', () => {
      closeNoteEditor();
      deleteAnnotation(target.item.id);
    });
    actions.append(remove);
  }
  noteEditor.replaceChildren(heading, quote, colourRow, noteLabel, note, tagsLabel, tags, actions);
  editorKeys = (event) => {
    if (event.key === 'Escape') {
      closeNoteEditor();
      event.preventDefault();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      save();
      event.preventDefault();
    } else if (event.altKey && /^[1-9]$/.test(event.key) && colours[Number(event.key) - 1]) {
      pick(colours[Number(event.key) - 1].name);
      event.preventDefault();
    }
  };
  noteEditor.hidden = false;
  const anchor = target.kind === 'edit' ? firstPieceOf(target.item.id) : undefined;
  const selection = window.getSelection();
  const box = anchor?.getBoundingClientRect() ?? (selection && selection.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : undefined);
  if (box) placeNear(noteEditor, box, 'below');
  note.focus();
  noteEditor.scrollIntoView({ block: 'nearest' });
}

/** The open editor's keys: Escape cancels, Ctrl+Enter saves, Alt+1–9 picks a colour. */
let editorKeys: ((event: KeyboardEvent) => void) | undefined;

/** Keys typed in the editor belong to it: none reaches the reader's other keys or the workbench's keybindings. */
export function handleEditorKey(event: KeyboardEvent): boolean {
  if (!noteEditor.contains(event.target as Node)) return false;
  editorKeys?.(event);
  event.stopPropagation();
  return true;
}

export function closeNoteEditor(): void {
  noteEditor.hidden = true;
  noteEditor.replaceChildren();
  editorKeys = undefined;
  // The highlight it was opened from, or the one drawn in its place if the article was drawn again meanwhile.
  const back = state.editorReturn;
  const to = back && !back.isConnected ? (firstPieceOf((back.dataset.first ?? '').split(' ')[0]) ?? state.articleBody) : back;
  to?.focus({ preventScroll: true });
  state.editorReturn = undefined;
}
