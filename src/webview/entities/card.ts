/** A name's card: what the knowledge base and the corpus say, with links to other articles. */
import { ENTITY_TYPE_NAMES } from '../../core/entities/types';
import { el, linkButton, plural } from '../dom';
import { HoverCard } from '../hoverCard';
import { entityCard } from '../overlays';
import type { ReaderEntity } from '../protocol';
import { host, root, state } from '../state';
import { selectEntity } from './selection';
import { requestQuotes } from '../quotes';

/** Other articles listed in a card. */
const CARD_ARTICLES = 5;

export const entityHover = new HoverCard(entityCard, '.entity', fillEntityCard, 'below', undefined, (old) =>
  [...root.querySelectorAll<HTMLElement>('.entity')].find((node) => node.dataset.entity === old.dataset.entity && node.dataset.start === old.dataset.start),
);

function fillEntityCard(card: HTMLElement, target: HTMLElement): boolean {
  const id = target.dataset.entity;
  const { shown } = state;
  const entity = id ? shown?.entities[id] : undefined;
  if (!id || !entity || !shown || state.hiddenTypes?.has(entity.type)) return false;
  const count = shown.mentions.filter((m) => m.entityId === id).length;
  const title = el('div', 'card-title');
  title.id = 'entity-card-title';
  title.append(el('span', `swatch swatch-${entity.type}`), el('strong', undefined, entity.name));
  const kind = el('div', 'card-type', entity.known ? ENTITY_TYPE_NAMES[entity.type] : `${ENTITY_TYPE_NAMES[entity.type]} · not in the knowledge base`);
  const parts: HTMLElement[] = [title, kind];
  if (entity.description) parts.push(el('p', 'card-description', entity.description));
  parts.push(el('div', 'card-count', `${plural(count, 'mention', 'mentions')} in this article`));
  parts.push(...corpusLines(id, entity));
  const actions = el('div', 'card-actions');
  actions.append(linkButton('Mark mentions', () => selectEntity(id, { scroll: false, current: target }), 'Mark every mention in this article (n and Shift+N move between them)'));
  if (entity.corpus && entity.corpus.articles > 0) {
    actions.append(linkButton('Show all mentions', () => host.postMessage({ type: 'webviewDidRequestShowEntity', entityId: id }), 'List every mention in the Entities view'));
    const quotes = entity.corpus.quotes ?? 0;
    if (quotes > 0) actions.append(linkButton(`Quotes (${quotes.toLocaleString('en')})`, () => requestQuotes(id), 'Every quote of theirs across the corpus, in the Quotes view'));
    actions.append(linkButton('Timeline', () => host.postMessage({ type: 'webviewDidRequestAnalysis', entityId: id, view: 'timeline' }), 'Mentions per month across the corpus, in the analysis panel'));
    actions.append(linkButton('Network', () => host.postMessage({ type: 'webviewDidRequestAnalysis', entityId: id, view: 'network' }), 'The names that appear with it most, in the analysis panel'));
  }
  if (entity.addable !== false && (!entity.known || entity.type === 'other')) {
    const text = target.textContent ?? '';
    actions.append(
      linkButton('Add to knowledge base…', () => host.postMessage({ type: 'webviewDidRequestAddToKnowledgeBase', entityId: id, text }), 'Give this name a type and a canonical name'),
    );
  }
  const start = Number(target.dataset.start);
  const end = Number(target.dataset.end);
  if (entity.addable !== false && Number.isInteger(start) && Number.isInteger(end)) {
    actions.append(
      linkButton('Correct…', () => host.postMessage({ type: 'webviewDidRequestCorrectName', entityId: id, start, end }), 'Change the type, fix the name, merge it into another entity or mark it as not a name'),
    );
  }
  parts.push(actions);
  if (document.activeElement === target) parts.push(cardHint());
  card.replaceChildren(...parts);
  return true;
}

/** The card's corpus-wide lines: counts, and links to the other articles. */
function corpusLines(id: string, entity: ReaderEntity): HTMLElement[] {
  const corpus = entity.corpus;
  if (!corpus) return [el('div', 'card-corpus card-pending', 'Counting mentions in the corpus…')];
  const lines: HTMLElement[] = [el('div', 'card-corpus', `${plural(corpus.articles, 'article', 'articles')}, ${plural(corpus.mentions, 'mention', 'mentions')} in the corpus`)];
  if (corpus.others.length) {
    const list = el('ul', 'card-articles');
    list.setAttribute('aria-label', 'Other articles');
    for (const other of corpus.others.slice(0, CARD_ARTICLES)) {
      const item = el('li');
      item.append(
        linkButton(other.title, () => host.postMessage({ type: 'webviewDidRequestOpenArticle', uri: other.uri, entityId: id }), `Open ${other.title} at its first mention`),
        el('span', 'card-date', other.dateLabel),
      );
      list.append(item);
    }
    lines.push(list);
  }
  return lines;
}

/** Under a card opened by focus: how to use it from the keyboard. */
export function cardHint(): HTMLElement {
  return el('div', 'card-hint', 'Shift+Enter: into this card · Escape: back');
}

/** New corpus facts: an open card shows them. */
export function refreshEntityCard(): void {
  if (!entityCard.hidden && entityHover.target) entityHover.show(entityHover.target);
}
