/** How a DOM selection in the article becomes offsets into its text. */
import { trimRange } from '../lib/ranges';
import type { TextRange } from '../protocol';
import { state } from '../state';

/** A piece of article text, remembered with the offset it starts at. */
export function textNode(text: string, start: number): Text {
  const node = document.createTextNode(text);
  state.textStarts.set(node, start);
  return node;
}

/** The article offset of a DOM boundary point: exact in article text, else the next piece of text's start. */
export function offsetOf(container: Node, offset: number): number | undefined {
  const { textStarts, articleBody } = state;
  if (container.nodeType === Node.TEXT_NODE) {
    const start = textStarts.get(container as Text);
    if (start !== undefined) return start + Math.min(offset, (container as Text).length);
  }
  if (!articleBody) return undefined;
  // The boundary is before `container.childNodes[offset]` (or after a text node): the first piece of article text from there.
  const walker = document.createTreeWalker(articleBody, NodeFilter.SHOW_TEXT);
  let from: Node | null = container.nodeType === Node.TEXT_NODE ? container : (container.childNodes[offset] ?? null);
  if (!from) {
    // After the container's last child: the next node after it.
    let up: Node | null = container;
    while (up && up !== articleBody && !up.nextSibling) up = up.parentNode;
    from = up && up !== articleBody ? up.nextSibling : null;
  }
  if (!from) return state.shown?.text.length;
  walker.currentNode = from;
  let node: Node | null = from.nodeType === Node.TEXT_NODE && from !== container ? from : walker.nextNode();
  while (node && textStarts.get(node as Text) === undefined) node = walker.nextNode();
  return node ? textStarts.get(node as Text) : state.shown?.text.length;
}

/** The article range selected now, trimmed of white space, if the selection is inside the article. */
export function selectedRange(): TextRange | undefined {
  const selection = window.getSelection();
  const { shown, articleBody } = state;
  if (!shown || !articleBody || !selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!articleBody.contains(range.commonAncestorContainer)) return undefined;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === undefined || end === undefined) return undefined;
  return trimRange(shown.text, start, end);
}
