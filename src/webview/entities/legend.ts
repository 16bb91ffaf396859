/** The legend of the names highlighted, by type: toggles that hide a type's highlights. */
import { ENTITY_TYPES, ENTITY_TYPE_PLURALS, type EntityType } from '../../core/entities/types';
import { el } from '../dom';
import type { ReaderArticle, ReaderSettings } from '../protocol';
import { root, state } from '../state';

export function renderLegend(article: ReaderArticle): HTMLElement | undefined {
  const counts = new Map<EntityType, number>();
  for (const mention of article.mentions) counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const legend = el('div', 'legend');
  legend.setAttribute('role', 'group');
  legend.setAttribute('aria-label', 'Highlighted names');
  for (const type of ENTITY_TYPES) {
    const count = counts.get(type);
    if (!count) continue;
    const toggle = el('button', `legend-item legend-${type}`);
    toggle.type = 'button';
    toggle.dataset.type = type;
    toggle.title = `Highlight ${ENTITY_TYPE_PLURALS[type].toLowerCase()}`;
    toggle.setAttribute('aria-pressed', String(!state.hiddenTypes?.has(type)));
    toggle.append(el('span', 'swatch'), document.createTextNode(`${ENTITY_TYPE_PLURALS[type]} `), el('span', 'legend-count', String(count)));
    toggle.addEventListener('click', () => {
      state.hiddenTypes ??= new Set();
      if (state.hiddenTypes.has(type)) state.hiddenTypes.delete(type);
      else state.hiddenTypes.add(type);
      applyHiddenTypes();
    });
    legend.append(toggle);
  }
  return legend;
}

export function applyHiddenTypes(): void {
  for (const type of ENTITY_TYPES) root.classList.toggle(`hide-${type}`, state.hiddenTypes?.has(type) ?? false);
  root.querySelectorAll<HTMLElement>('.legend-item').forEach((toggle) => {
    toggle.setAttribute('aria-pressed', String(!state.hiddenTypes?.has(toggle.dataset.type as EntityType)));
  });
}

/**
 * The settings' highlighted types, how names are drawn, font and line length. An article opens with
 * the legend as the setting says; a change to another setting (`keepToggles`) leaves the legend's
 * toggles as the reader set them.
 */
export function applySettings(settings: ReaderSettings, keepToggles = false): void {
  const highlight = settings.highlight.join(',');
  if (!keepToggles || highlight !== state.highlightSetting) {
    state.hiddenTypes = new Set(ENTITY_TYPES.filter((type) => !settings.highlight.includes(type)));
  }
  state.highlightSetting = highlight;
  applyHiddenTypes();
  // reader.css draws names underlined; `tint` brings back the fill on every name.
  root.classList.toggle('entity-style-tint', settings.entityStyle === 'tint');
  // Speaker labels are always drawn; the setting shows or hides them at once, without drawing the article again.
  root.classList.toggle('hide-speakers', !settings.showSpeakers);
  const style = document.documentElement.style;
  style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  style.setProperty('--reader-line-length', `${settings.lineLength}ch`);
  if (settings.fontFamily) style.setProperty('--reader-font-family', settings.fontFamily);
  else style.removeProperty('--reader-font-family');
}
