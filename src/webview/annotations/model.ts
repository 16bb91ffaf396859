/** The article's annotations as the reader holds them, and how to find their highlights in the DOM. */
import { squashWhitespace, truncateAtWord } from '../../core/text';
import type { ReaderAnnotation, ReaderAnnotations } from '../protocol';
import { root, state } from '../state';

export function setAnnotations(annotations: ReaderAnnotations): void {
  state.annotations = annotations;
  state.annotationItems = [...annotations.items].sort((a, b) => a.start - b.start || b.end - a.end);
  state.textStarts = new WeakMap();
}

export function annotationById(id: string | undefined): ReaderAnnotation | undefined {
  return id ? state.annotationItems.find((a) => a.id === id) : undefined;
}

/** The highlight piece that is an annotation's tab stop. */
export function firstPieceOf(id: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('.anno[data-first]')].find((node) => (node.dataset.first ?? '').split(' ').includes(id));
}

/** The annotations a piece of text is under, innermost first. */
export function annotationsAt(piece: HTMLElement): ReaderAnnotation[] {
  const ids = (piece.dataset.annos ?? '').split(' ');
  return state.annotationItems.filter((a) => ids.includes(a.id)).sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** What each annotation holds in the DOM: the text of its highlight pieces, in order. */
export function annotationTexts(): { id: string; text: string }[] {
  const texts = new Map<string, string>();
  root.querySelectorAll<HTMLElement>('.anno').forEach((node) => {
    for (const id of (node.dataset.annos ?? '').split(' ')) if (id) texts.set(id, (texts.get(id) ?? '') + (node.textContent ?? ''));
  });
  return [...texts].map(([id, text]) => ({ id, text }));
}

/** A passage on one line, cut at a word. */
export function truncate(text: string, length: number): string {
  return truncateAtWord(squashWhitespace(text), length);
}
