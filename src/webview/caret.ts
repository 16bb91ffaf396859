/**
 * Caret mode (F7, as in browsers): a visible caret in the article that the keys move, so text
 * can be selected — and then highlighted with the toolbar's keys — without a mouse.
 * Arrows move it by character or line, Ctrl+arrows by word, Home and End to the line's ends,
 * Ctrl+Shift+Up/Down by sentence; with Shift they extend the selection. Shift+arrows on a
 * focused name or highlight start it there. Escape collapses the selection, then leaves.
 */
import { announce } from './announcer';
import { hideSelectionToolbar, showSelectionToolbar } from './annotations/toolbar';
import { offsetOf } from './annotations/textOffsets';
import { truncate } from './annotations/model';
import { hasCommandModifier } from './lib/keys';
import { nextChar, nextSentenceEnd, nextWordEnd, previousChar, previousSentenceStart, previousWordStart, snapToRendered } from './lib/caret';
import type { Span } from './lib/ranges';
import { button } from './dom';
import { caretMark } from './overlays';
import { root, state } from './state';


/** The rendered pieces of article text, in order, with their nodes. */
function pieces(): { node: Text; start: number; end: number }[] {
  const body = state.articleBody;
  if (!body) return [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const found: { node: Text; start: number; end: number }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const start = state.textStarts.get(node as Text);
    if (start !== undefined) found.push({ node: node as Text, start, end: start + (node as Text).length });
  }
  return found;
}

/** The DOM point of an article offset (in the piece that holds it; at a boundary, the later piece unless `preferEnd`). */
function domPoint(offset: number, preferEnd = false): { node: Text; offset: number } | undefined {
  const all = pieces();
  const holding = all.filter((piece) => piece.start <= offset && offset <= piece.end);
  const piece = preferEnd ? holding[0] : holding[holding.length - 1];
  return piece ? { node: piece.node, offset: offset - piece.start } : undefined;
}

/** The header's button for caret mode: where a mouse user finds it, and what tells everyone its key. */
export function caretToggle(): HTMLButtonElement {
  const toggle = button('Caret Mode (F7)', 'keyboard', () => (caretOn() ? stopCaret() : startCaret()));
  toggle.classList.add('caret-toggle');
  toggle.setAttribute('aria-pressed', String(caretOn()));
  // The click would otherwise end with focus on the button, away from the caret.
  toggle.addEventListener('mousedown', (event) => event.preventDefault());
  return toggle;
}

function showPressed(): void {
  root.querySelector('.caret-toggle')?.setAttribute('aria-pressed', String(caretOn()));
}

export function caretOn(): boolean {
  return state.caret !== undefined;
}

/** Starts caret mode at `offset` (default: where focus is, else the first text on screen). */
export function startCaret(offset?: number): void {
  const at = offset ?? startOffset();
  if (at === undefined) return;
  state.caret = { anchor: at, focus: at };
  root.classList.add('caret-mode');
  const active = document.activeElement as HTMLElement | null;
  if (!active || !state.articleBody?.contains(active)) state.articleBody?.focus({ preventScroll: true });
  showPressed();
  drawCaret();
  announce('Caret mode on. Arrows move, Shift and arrows select, F7 leaves');
}

export function stopCaret(): void {
  state.caret = undefined;
  root.classList.remove('caret-mode');
  caretMark.hidden = true;
  showPressed();
  hideSelectionToolbar();
  window.getSelection()?.removeAllRanges();
  announce('Caret mode off');
}

/** Forgets the selection, keeping the caret where it was (after a highlight is made of it). */
export function collapseCaret(): void {
  if (state.caret) state.caret = { anchor: state.caret.focus, focus: state.caret.focus };
}

function startOffset(): number | undefined {
  // The start of the focused name, highlight or match.
  const active = document.activeElement as HTMLElement | null;
  if (active && active !== state.articleBody && state.articleBody?.contains(active)) {
    const at = offsetOf(active, 0);
    if (at !== undefined) return at;
  }
  // The first piece of text below the sticky header.
  const header = root.querySelector('.reader-header')?.getBoundingClientRect().bottom ?? 0;
  const first = pieces().find((piece) => {
    const range = document.createRange();
    range.selectNodeContents(piece.node);
    return range.getBoundingClientRect().bottom > header;
  });
  return first?.start;
}

/** Draws the selection and the caret from the state, and brings the caret into view. */
export function drawCaret(): void {
  const caret = state.caret;
  if (!caret) return;
  const anchor = domPoint(caret.anchor, caret.anchor > caret.focus);
  const focus = domPoint(caret.focus, caret.focus > caret.anchor);
  if (!anchor || !focus) return;
  const selection = window.getSelection();
  selection?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  const range = document.createRange();
  range.setStart(focus.node, focus.offset);
  const rects = range.getClientRects();
  const box = rects[0] ?? range.getBoundingClientRect();
  const rootBox = root.getBoundingClientRect();
  caretMark.hidden = false;
  caretMark.style.left = `${box.left - rootBox.left}px`;
  caretMark.style.top = `${box.top - rootBox.top}px`;
  caretMark.style.height = `${Math.max(box.height, 12)}px`;
  caretMark.scrollIntoView({ block: 'nearest' });
}

type Move = (text: string, offset: number) => number;

const MOVES: Record<string, { plain: Move; word: Move }> = {
  ArrowRight: { plain: nextChar, word: nextWordEnd },
  ArrowLeft: { plain: previousChar, word: previousWordStart },
};

/** The caret mode keys; true when taken. */
export function handleCaretKey(event: KeyboardEvent): boolean {
  if (event.key === 'F7' && !hasCommandModifier(event)) {
    if (caretOn()) stopCaret();
    else startCaret();
    return consume(event);
  }
  const caret = state.caret;
  const shown = state.shown;
  if (event.altKey || event.metaKey || !shown) return false;
  const target = event.target as HTMLElement;
  // Shift+arrows on a focused name or highlight start caret mode there.
  if (!caret) {
    if (!event.shiftKey || !(event.key === 'ArrowRight' || event.key === 'ArrowLeft') || !target.matches('.entity, .anno, mark.search-match')) return false;
    const start = offsetOf(target, 0);
    if (start === undefined) return false;
    const end = start + (target.textContent ?? '').length;
    startCaret(event.key === 'ArrowRight' ? start : end);
    return handleCaretKey(event);
  }
  if (event.key === 'Escape') {
    if (caret.anchor !== caret.focus) {
      state.caret = { anchor: caret.focus, focus: caret.focus };
      hideSelectionToolbar();
      drawCaret();
    } else stopCaret();
    return consume(event);
  }
  const text = shown.text;
  let focus: number | undefined;
  let towards: 1 | -1;
  const move = MOVES[event.key];
  if (move) {
    focus = (event.ctrlKey ? move.word : move.plain)(text, caret.focus);
    towards = event.key === 'ArrowRight' ? 1 : -1;
  } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.ctrlKey) {
    towards = event.key === 'ArrowDown' ? 1 : -1;
    focus = towards > 0 ? nextSentenceEnd(text, caret.focus) : previousSentenceStart(text, caret.focus);
  } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) && !event.ctrlKey) {
    towards = event.key === 'ArrowDown' || event.key === 'End' ? 1 : -1;
    focus = byLine(event.key, event.shiftKey);
  } else return false;
  if (focus === undefined) return false;
  const spans: Span[] = pieces();
  focus = snapToRendered(spans, focus, towards) ?? caret.focus;
  state.caret = { anchor: event.shiftKey ? caret.anchor : focus, focus };
  drawCaret();
  const { anchor } = state.caret;
  if (anchor !== focus) {
    showSelectionToolbar();
    announce(`Selected: ${truncate(text.slice(Math.min(anchor, focus), Math.max(anchor, focus)), 120)}`);
  } else hideSelectionToolbar();
  return consume(event);
}

/** A caret key: no default action (no scrolling), and not a workbench keybinding either. */
function consume(event: KeyboardEvent): true {
  event.preventDefault();
  event.stopPropagation();
  return true;
}

/** A line up or down, or to its start or end: the browser knows where lines break. */
function byLine(key: string, extend: boolean): number | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const direction = key === 'ArrowDown' || key === 'End' ? 'forward' : 'backward';
  const granularity = key === 'Home' || key === 'End' ? 'lineboundary' : 'line';
  selection.modify(extend ? 'extend' : 'move', direction, granularity);
  return selection.focusNode ? offsetOf(selection.focusNode, selection.focusOffset) : undefined;
}

/** A click in caret mode puts the caret there. */
export function installCaret(): void {
  document.addEventListener('mouseup', (event) => {
    // Only a click in the article: one in the note editor or a card would move the caret to the article's end and take focus with it.
    if (!state.caret || !state.articleBody?.contains(event.target as Node)) return;
    const selection = window.getSelection();
    if (!selection?.anchorNode || !selection.focusNode) return;
    const anchor = offsetOf(selection.anchorNode, selection.anchorOffset);
    const focus = offsetOf(selection.focusNode, selection.focusOffset);
    if (anchor !== undefined && focus !== undefined) state.caret = { anchor, focus };
    drawCaret();
  });
}
