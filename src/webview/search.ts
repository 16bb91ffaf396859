/** Search matches in the article (n and Shift+N move between them), and bringing a range into view. */
import { render } from './article';
import { revealAnnotation } from './annotations/navigation';
import { announce } from './announcer';
import { flash, icon } from './dom';
import { selectEntity } from './entities/selection';
import { makeCurrent, renderBar } from './markBar';
import type { TextRange } from './protocol';
import { restoreScroll, saveState, scrollFraction } from './scroll';
import { host, root, state } from './state';

/** Focus on a match or mention (reachable by script only, if it is no tab stop), where it is: the keys and screen readers go on from there. */
function focusOn(node: HTMLElement): void {
  if (!node.hasAttribute('tabindex')) node.tabIndex = -1;
  node.focus({ preventScroll: true });
}

/** Moves to search match number `index` (wrapping around), marking it as the current one. */
export function moveToMark(index: number, scroll = true): void {
  const nodes = [...root.querySelectorAll<HTMLElement>('mark.search-match')];
  if (nodes.length === 0) return;
  state.markIndex = makeCurrent(nodes, index, scroll);
  focusOn(nodes[state.markIndex]);
  renderBar(icon('search'), 'Search matches', state.markIndex, nodes.length, 'Match', moveToMark, clearMarks);
}

export function clearMarks(): void {
  if (!state.shown || state.marks.length === 0) return;
  state.marks = [];
  state.markIndex = -1;
  const keep = scrollFraction();
  const hadFocus = state.articleBody?.contains(document.activeElement) ?? false;
  render(state.shown);
  restoreScroll(keep);
  // The focused match is gone with the marks: focus stays in the article, not on the page.
  if (hadFocus) state.articleBody?.focus({ preventScroll: true });
  announce('Search marks cleared');
}

/** Brings a range into view: the annotation, search match or mention there becomes current, or else its passage is flashed. */
export function reveal(range: TextRange, annotation?: { id: string; openNote: boolean }): void {
  const { shown } = state;
  if (!shown) return;
  if (annotation && revealAnnotation(annotation.id, annotation.openNote)) {
    saveState();
    host.postMessage({ type: 'webviewDidReveal', uri: shown.uri, range, marked: 0 });
    return;
  }
  const matches = [...root.querySelectorAll<HTMLElement>('mark.search-match')];
  const match = matches.findIndex((node) => Number(node.dataset.start) >= range.start);
  if (match >= 0 && Number(matches[match].dataset.start) < range.end) {
    matches[match].scrollIntoView({ block: 'center' });
    moveToMark(match, false);
    saveState();
    host.postMessage({ type: 'webviewDidReveal', uri: shown.uri, range, marked: matches.length });
    return;
  }
  const mention = [...root.querySelectorAll<HTMLElement>('.entity')].find((node) => Number(node.dataset.start) <= range.start && range.start < Number(node.dataset.end));
  let entityId: string | undefined;
  if (mention?.dataset.entity) {
    entityId = mention.dataset.entity;
    selectEntity(entityId, { scroll: false, current: mention });
    mention.scrollIntoView({ block: 'center' });
    focusOn(mention);
  } else {
    const blocks = [...root.querySelectorAll<HTMLElement>('[data-part][data-start]')].filter(
      (node) => Number(node.dataset.start) <= range.start && range.start < Number(node.dataset.end),
    );
    const block = blocks[blocks.length - 1];
    if (block) {
      block.scrollIntoView({ block: 'center' });
      flash(block);
    }
  }
  saveState();
  host.postMessage({ type: 'webviewDidReveal', uri: shown.uri, range, entityId, marked: 0 });
}
