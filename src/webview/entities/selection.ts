/** Selecting an entity: its mentions marked, n and Shift+N move between them. */
import { el } from '../dom';
import { makeCurrent, renderBar } from '../markBar';
import { selectionBar } from '../overlays';
import { root, state } from '../state';
import { applyHiddenTypes } from './legend';

export function mentionsOf(id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.entity')].filter((node) => node.dataset.entity === id);
}

export function selectEntity(id: string, options: { scroll: boolean; current?: HTMLElement }): void {
  const { shown } = state;
  const entity = shown?.entities[id];
  if (!entity || !shown) return;
  unmark();
  state.selected = id;
  const nodes = mentionsOf(id);
  nodes.forEach((node) => node.classList.add('selected'));
  // A selected entity's type is shown even if the legend had turned it off.
  if (state.hiddenTypes?.has(entity.type)) {
    state.hiddenTypes.delete(entity.type);
    applyHiddenTypes();
  }
  state.selectedIndex = options.current ? nodes.indexOf(options.current) : 0;
  moveToMention(state.selectedIndex, options.scroll);
}

export function clearSelection(): void {
  if (!state.selected) return;
  unmark();
  state.selected = undefined;
  selectionBar.hidden = true;
}

function unmark(): void {
  root.querySelectorAll('.entity.selected').forEach((node) => {
    node.classList.remove('selected', 'current');
    node.removeAttribute('aria-current');
  });
}

/** Moves to the selected entity's mention number `index` (wrapping around). */
export function moveToMention(index: number, scroll = true): void {
  const { selected } = state;
  const entity = selected ? state.shown?.entities[selected] : undefined;
  if (!selected || !entity) return;
  const nodes = mentionsOf(selected);
  if (nodes.length === 0) return;
  state.selectedIndex = makeCurrent(nodes, index, scroll);
  const swatch = el('span', `swatch swatch-${entity.type}`);
  renderBar(swatch, entity.name, state.selectedIndex, nodes.length, 'Mention', moveToMention, clearSelection);
}

/** A click on a name marks its mentions. */
export function installEntityClicks(): void {
  root.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('.entity');
    if (target?.dataset.entity) selectEntity(target.dataset.entity, { scroll: false, current: target });
  });
}
