/** Deleting an annotation, and undoing it (Ctrl+Z or the Undo button, for 10 seconds). */
import { announce } from '../announcer';
import { el, linkButton } from '../dom';
import { undoBar } from '../overlays';
import { host, state } from '../state';
import { annotationHover } from './card';

let undoTimer: number | undefined;

export function deleteAnnotation(id: string): void {
  annotationHover.hide();
  const index = state.annotationItems.findIndex((item) => item.id === id);
  if (index >= 0) state.awaiting = { kind: 'delete', index };
  host.postMessage({ type: 'webviewDidRequestDeleteAnnotation', id });
  state.deletedHere.push(id);
  undoBar.replaceChildren(el('span', undefined, 'Annotation deleted.'), linkButton('Undo', undoDelete, 'Put it back (Ctrl+Z)'));
  undoBar.hidden = false;
  window.clearTimeout(undoTimer);
  undoTimer = window.setTimeout(() => (undoBar.hidden = true), 10_000);
  announce('Annotation deleted — Ctrl+Z to undo');
}

export function undoDelete(): void {
  const id = state.deletedHere.pop();
  if (!id) return;
  state.awaiting = { kind: 'restore', id };
  host.postMessage({ type: 'webviewDidRequestRestoreAnnotation', id });
  undoBar.hidden = true;
}
