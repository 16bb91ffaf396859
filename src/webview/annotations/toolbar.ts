/** The selection toolbar: a colour (or its number key) highlights the selected text, Enter adds a note. */
import { collapseCaret } from '../caret';
import { button, colourSwatch, el, icon } from '../dom';
import { noteEditor, placeNear, selectionToolbar } from '../overlays';
import { host, state } from '../state';
import { openNoteEditor } from './editor';
import { selectedRange } from './textOffsets';

export function showSelectionToolbar(): void {
  const range = selectedRange();
  if (!range) {
    hideSelectionToolbar();
    return;
  }
  state.pendingRange = range;
  const buttons: HTMLElement[] = [];
  if (state.annotations.readOnly) {
    const label = el('span', 'toolbar-note');
    label.append(icon('lock'), document.createTextNode(' Annotations are read-only'));
    buttons.push(label);
  } else {
    state.annotations.colours.forEach((colour, index) => {
      const node = el('button', 'colour-button');
      node.type = 'button';
      node.title = `Highlight as ${colour.name} (${index + 1})`;
      node.setAttribute('aria-label', node.title);
      node.append(colourSwatch(colour.colour));
      node.addEventListener('mousedown', (event) => event.preventDefault());
      node.addEventListener('click', () => createFromSelection(colour.name));
      buttons.push(node);
    });
    const note = button('Highlight with a Note (Enter)', 'comment', () => openNoteEditor({ kind: 'new', range }));
    note.addEventListener('mousedown', (event) => event.preventDefault());
    buttons.push(note);
  }
  selectionToolbar.replaceChildren(...buttons);
  selectionToolbar.hidden = false;
  const selection = window.getSelection();
  if (selection && selection.rangeCount) placeNear(selectionToolbar, selection.getRangeAt(0).getBoundingClientRect(), 'above');
}

export function hideSelectionToolbar(): void {
  selectionToolbar.hidden = true;
  state.pendingRange = undefined;
}

export function createFromSelection(colour: string, extra: { note?: string; tags?: readonly string[] } = {}): void {
  const range = state.pendingRange ?? selectedRange();
  const { shown } = state;
  if (!shown || !range || state.annotations.readOnly) return;
  state.awaiting = { kind: 'create', start: range.start, end: range.end };
  host.postMessage({ type: 'webviewDidRequestCreateAnnotation', uri: shown.uri, start: range.start, end: range.end, colour, note: extra.note ?? '', tags: [...(extra.tags ?? [])] });
  window.getSelection()?.removeAllRanges();
  collapseCaret();
  hideSelectionToolbar();
}

/** The toolbar follows the selection made with the mouse or with Shift+arrows. */
export function installSelectionToolbar(): void {
  document.addEventListener('mouseup', (event) => {
    if (selectionToolbar.contains(event.target as Node) || noteEditor.contains(event.target as Node)) return;
    // After the browser has settled the selection.
    window.setTimeout(showSelectionToolbar, 0);
  });
  document.addEventListener('keyup', (event) => {
    if (event.shiftKey && event.key.startsWith('Arrow')) showSelectionToolbar();
  });
  document.addEventListener('selectionchange', () => {
    if (!selectionToolbar.hidden && !selectedRange()) hideSelectionToolbar();
  });
}
