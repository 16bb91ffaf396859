/** The floating bar of a marked set (an entity's mentions, the search matches, the annotations): where you are, and buttons to move and clear. */
import { announce } from './announcer';
import { button, el } from './dom';
import { wrapIndex } from './lib/ranges';
import { selectionBar } from './overlays';
import { state } from './state';

export type MarkedNoun = 'Mention' | 'Match' | 'Annotation';

export function renderBar(marker: HTMLElement, title: string, index: number, total: number, noun: MarkedNoun, move: (index: number) => void, clear: () => void): void {
  const key = noun === 'Annotation' ? 'A' : 'N';
  state.annotationBarShown = noun === 'Annotation';
  // A button of the bar pressed from the keyboard keeps focus: the bar is drawn anew, and so is that button.
  const focused = selectionBar.contains(document.activeElement) ? document.activeElement?.getAttribute('aria-label') : undefined;
  const label = el('span', 'selection-label');
  label.append(marker, el('strong', undefined, title), document.createTextNode(` ${index + 1} of ${total}`));
  selectionBar.replaceChildren(
    label,
    button(`Previous ${noun} (Shift+${key})`, 'arrow-up', () => move(index - 1)),
    button(`Next ${noun} (${key})`, 'arrow-down', () => move(index + 1)),
    button('Clear (Escape)', 'close', clear),
  );
  selectionBar.hidden = false;
  if (focused) [...selectionBar.querySelectorAll<HTMLElement>('button')].find((node) => node.getAttribute('aria-label') === focused)?.focus({ preventScroll: true });
  announce(`${title}: ${noun.toLowerCase()} ${index + 1} of ${total}`);
}

export function hideBar(): void {
  selectionBar.hidden = true;
  state.annotationBarShown = false;
}

/** Makes `nodes[index]` (wrapping around) the current one of a marked set, scrolling to it if asked; its index. */
export function makeCurrent(nodes: readonly HTMLElement[], index: number, scroll: boolean): number {
  const current = wrapIndex(index, nodes.length);
  nodes.forEach((node, i) => {
    node.classList.toggle('current', i === current);
    if (i === current) node.setAttribute('aria-current', 'true');
    else node.removeAttribute('aria-current');
  });
  if (scroll) nodes[current].scrollIntoView({ block: 'center', behavior: 'smooth' });
  return current;
}
