/** Deleting an annotation, and undoing it (Ctrl+Z or the Undo button, for 10 seconds). */
import { el, linkButton } from '../dom';
import { undoBar } from '../overlays';
import { host, state } from '../state';
import { annotationHover } from './card';

let undoTimer: number | undefined;

export function deleteAnnotation(id: string): void {
  annotationHover.hide();
  host.postMessage({ type: 'webviewDidRequestDeleteAnnotation', id });
  state.deletedHere.push(id);
  undoBar.replaceChildren(el('span', undefined, 'Annotation deleted.'), linkButton('Undo', undoDelete, 'Put it back (Ctrl+Z)'));
  undoBar.hidden = false;
  window.clearTimeout(undoTimer);
  undoTimer = window.setTimeout(() => (undoBar.hidden = true), 10_000);
}

export function undoDelete(): void {
  const id = state.deletedHere.pop();
  if (!id) return;
  host.postMessage({ type: 'webviewDidRequestRestoreAnnotation', id });
  undoBar.hidden = true;
}
