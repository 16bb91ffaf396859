/**
 * The reader webview. Renders the article it is sent as DOM nodes with text
 * content (never HTML), reports what it rendered, and keeps its scroll
 * position in the webview state so it survives being hidden and reloaded.
 */
import type { Block, InlinePart } from '../core/article';
import { parseTags } from '../core/annotations/model';
import { squashWhitespace, truncateAtWord } from '../core/text';
import { ENTITY_TYPES, ENTITY_TYPE_NAMES, ENTITY_TYPE_PLURALS, type EntityType } from '../core/entities/types';
import {
  type AnnotationEdit,
  type HostMessage,
  type ReaderAnnotation,
  type ReaderAnnotations,
  type ReaderArticle,
  type ReaderEntity,
  type ReaderMention,
  type ReaderSettings,
  type ReaderState,
  type RenderCounts,
  type TextRange,
  type WebviewMessage,
  isReaderState,
  parseHostMessage,
} from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: ReaderState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('reader') as HTMLElement;
let shown: ReaderArticle | undefined;
/** Entity types the legend has turned off; starts from the setting. */
let hiddenTypes: Set<EntityType> | undefined;


window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    console.warn('Annotated Reader: ignored a malformed message', event.data);
    return;
  }
  receive(message);
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(saveState, 150);
});

const saved = vscode.getState();
vscode.postMessage({ type: 'webviewDidLoad', state: isReaderState(saved) ? saved : undefined });

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'didLoadArticle': {
      const sameArticle = shown?.uri === message.article.uri;
      const keep = sameArticle ? scrollFraction() : 0;
      const keepSelection = sameArticle ? selected : undefined;
      applySettings(message.settings);
      // Marks come with the message; an article reloaded after an edit has none (the old ones would be misplaced).
      marks = sortedRanges(message.marks ?? []);
      render(message.article);
      if (keepSelection && message.article.entities[keepSelection]) selectEntity(keepSelection, { scroll: false });
      const target = message.annotationId ? { id: message.annotationId, openNote: message.openNote ?? false } : undefined;
      if (message.reveal) requestAnimationFrame(() => reveal(message.reveal as TextRange, target));
      else restoreScroll(message.scroll ?? keep);
      break;
    }
    case 'didUpdateAnnotations':
      if (shown?.uri === message.uri) updateAnnotations(message.annotations);
      break;
    case 'didReveal':
      if (shown?.uri !== message.uri) break;
      if (message.marks) {
        // New search matches in the article shown: render it again with them.
        marks = sortedRanges(message.marks);
        render(shown);
      }
      reveal(message.range, message.annotationId ? { id: message.annotationId, openNote: message.openNote ?? false } : undefined);
      break;
    case 'didUpdateEntities':
      if (shown?.uri === message.uri) {
        shown = { ...shown, entities: message.entities };
        if (!entityCard.hidden && entityHover.target) entityHover.show(entityHover.target);
      }
      break;
    case 'didChangeSettings': {
      const keep = scrollFraction();
      applySettings(message.settings);
      restoreScroll(keep);
      break;
    }
    case 'didFailToLoad':
      shown = undefined;
      renderFailure(message.fileName, message.reason);
      break;
  }
}

function applySettings(settings: ReaderSettings): void {
  hiddenTypes = new Set(ENTITY_TYPES.filter((type) => !settings.highlight.includes(type)));
  applyHiddenTypes();
  const style = document.documentElement.style;
  style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  style.setProperty('--reader-line-length', `${settings.lineLength}ch`);
  if (settings.fontFamily) style.setProperty('--reader-font-family', settings.fontFamily);
  else style.removeProperty('--reader-font-family');
}

// ---- rendering ----

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function icon(name: string): HTMLElement {
  const node = el('span', `codicon codicon-${name}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function button(label: string, iconName: string, onClick: () => void, options: { disabled?: boolean; showLabel?: boolean } = {}): HTMLButtonElement {
  const node = el('button', 'toolbar-button');
  node.type = 'button';
  node.title = label;
  node.setAttribute('aria-label', label);
  node.append(icon(iconName));
  if (options.showLabel) node.append(el('span', 'toolbar-label', label));
  node.disabled = options.disabled ?? false;
  node.addEventListener('click', onClick);
  return node;
}

function render(article: ReaderArticle): void {
  const sameArticle = shown?.uri === article.uri;
  shown = article;
  const header = el('header', 'reader-header');
  const toolbar = el('nav', 'toolbar');
  toolbar.setAttribute('aria-label', 'Article navigation');
  const position = article.position;
  toolbar.append(
    button('Previous Article', 'arrow-up', () => vscode.postMessage({ type: 'webviewDidRequestNavigate', direction: 'previous' }), {
      disabled: !position || position.index <= 1,
    }),
    button('Next Article', 'arrow-down', () => vscode.postMessage({ type: 'webviewDidRequestNavigate', direction: 'next' }), {
      disabled: !position || position.index >= position.total,
    }),
  );
  if (position) toolbar.append(el('span', 'position', `${position.index} of ${position.total}`));
  toolbar.append(el('span', 'spacer'));
  toolbar.append(button('Open Source Text', 'go-to-file', () => vscode.postMessage({ type: 'webviewDidRequestOpenSource' }), { showLabel: true }));
  header.append(toolbar);

  const meta = el('p', 'meta');
  meta.append(el('time', 'meta-date', article.dateLabel));
  if (article.source) meta.append(el('span', 'meta-source', article.source));
  if (article.isSample) meta.append(el('span', 'meta-sample', 'Sample corpus'));
  header.append(meta);

  const legend = renderLegend(article);
  if (legend) header.append(legend);

  if (article.warnings.length) {
    const warnings = el('div', 'warnings');
    warnings.setAttribute('role', 'status');
    for (const warning of article.warnings) {
      const line = el('p');
      line.append(icon('warning'), document.createTextNode(` ${warning}`));
      warnings.append(line);
    }
    header.append(warnings);
  }

  const annotationSummary = renderAnnotationSummary(article.annotations);
  if (annotationSummary) header.append(annotationSummary);

  tabStops.clear();
  annotationTabStops.clear();
  selected = undefined;
  markIndex = -1;
  annotationIndex = -1;
  setAnnotations(article.annotations);
  const body = el('article', 'article');
  body.lang = 'nb';
  for (const block of article.blocks) {
    const node = renderBlock(article.text, block);
    if (node) body.append(node);
  }

  articleBody = body;
  root.replaceChildren(header, body, entityCard, annotationCard, noteEditor, selectionToolbar, selectionBar, undoBar);
  selectionBar.hidden = true;
  selectionToolbar.hidden = true;
  annotationCard.hidden = true;
  // A note being written stays open while the same article is drawn again (its annotations changed elsewhere).
  if (!sameArticle) closeNoteEditor();
  root.removeAttribute('aria-busy');
  applyHiddenTypes();
  document.title = article.title;
  vscode.postMessage({
    type: 'webviewDidRender',
    uri: article.uri,
    headline: headlineText(),
    counts: countRendered(),
    highlights: countHighlights(),
    annotations: annotationTexts(),
  });
}

/** The element for one block, with `data-part`, `data-start` and `data-end` for later overlays. */
function renderBlock(text: string, block: Block): HTMLElement | undefined {
  // Every kind is handled: the switch is exhaustive (see `never` below).
  const mark = (node: HTMLElement): HTMLElement => {
    node.dataset.part = block.kind;
    node.dataset.start = String(block.start);
    node.dataset.end = String(block.end);
    return node;
  };
  switch (block.kind) {
    case 'headline':
      return mark(inline(el('h1', 'headline'), text, block));
    case 'lead':
      return mark(inline(el('p', 'lead'), text, block));
    case 'byline':
      return mark(inline(el('p', 'byline'), text, block, (gap) => gap.replace(/\s+,/g, ',')));
    case 'subheading':
      return mark(inline(el('h2', block.quoted ? 'subheading quoted' : 'subheading'), text, block));
    case 'quote': {
      const quote = el('blockquote', 'quote');
      quote.append(inline(el('p'), text, block));
      return mark(quote);
    }
    case 'paragraph':
      return mark(inline(el('p', 'paragraph'), text, block));
    case 'published': {
      const node = el('p', 'published');
      node.append(icon('clock'), document.createTextNode(' '));
      return mark(inline(node, text, block));
    }
    case 'caption': {
      const figure = el('figure', 'caption');
      const photo = el('div', 'photo');
      photo.setAttribute('aria-hidden', 'true');
      photo.append(icon('device-camera'));
      const caption = inline(el('figcaption'), text, block);
      figure.append(photo, caption);
      return mark(figure);
    }
    case 'related': {
      const node = el('p', 'related');
      node.append(icon('link'), document.createTextNode(' '));
      return mark(inline(node, text, block));
    }
    case 'infobox':
      return mark(renderInfobox(text, block));
    case 'duplicate':
      return undefined;
    default:
      return unreachable(block.kind);
  }
}

function unreachable(kind: never): undefined {
  console.warn(`Annotated Reader: no rendering for ${String(kind)}`);
  return undefined;
}

/**
 * Fills `node` with the block's text, its inline parts wrapped in spans
 * (`part-dateline`, `part-credit`, …). `gap` may tidy the plain text between
 * parts for display (offsets stay on the spans).
 */
function inline(node: HTMLElement, text: string, block: Block, gap: (text: string) => string = (t) => t): HTMLElement {
  let at = block.start;
  for (const part of block.parts) {
    if (part.start > at) appendText(node, text, at, part.start, gap);
    node.append(partSpan(text, part));
    at = part.end;
  }
  if (block.end > at) appendText(node, text, at, block.end, gap);
  return node;
}

/**
 * Appends `text[start, end)` to `node` as text, with each entity mention in
 * it (clipped to the range) wrapped in a highlight span.
 */
function appendText(node: HTMLElement, text: string, start: number, end: number, tidy: (text: string) => string = (t) => t): void {
  const mentions = shown?.mentions ?? [];
  let at = start;
  for (let i = firstEndingAfter(mentions, start); i < mentions.length && mentions[i].start < end; i++) {
    const mention = mentions[i];
    const from = Math.max(mention.start, start);
    const to = Math.min(mention.end, end);
    if (from > at) appendMarked(node, text, at, from, tidy);
    const span = entitySpan(mention);
    appendMarked(span, text, from, to);
    node.append(span);
    at = to;
  }
  if (end > at) appendMarked(node, text, at, end, tidy);
}

/** Search matches of the article shown, in text order. */
let marks: readonly TextRange[] = [];
let markIndex = -1;

/** Appends `text[start, end)` as text, with the search matches in it wrapped in `<mark>`. */
function appendMarked(node: HTMLElement, text: string, start: number, end: number, tidy: (text: string) => string = (t) => t): void {
  let at = start;
  for (let i = firstEndingAfter(marks, start); i < marks.length && marks[i].start < end; i++) {
    const from = Math.max(marks[i].start, start);
    const to = Math.min(marks[i].end, end);
    if (from > at) appendAnnotated(node, text, at, from, tidy);
    const mark = el('mark', 'search-match');
    appendAnnotated(mark, text, from, to);
    mark.dataset.start = String(marks[i].start);
    node.append(mark);
    at = to;
  }
  if (end > at) appendAnnotated(node, text, at, end, tidy);
}

/** The text node of each piece of article text, with the offset it starts at: how a selection becomes offsets. */
let textStarts = new WeakMap<Text, number>();

function textNode(text: string, start: number): Text {
  const node = document.createTextNode(text);
  textStarts.set(node, start);
  return node;
}

/**
 * Appends `text[start, end)` as text, the parts under user annotations
 * wrapped in highlight spans (the innermost annotation's colour where they
 * overlap). The first piece of each annotation is its tab stop.
 */
function appendAnnotated(node: HTMLElement, text: string, start: number, end: number, tidy: (text: string) => string = (t) => t): void {
  const over = annotationItems.filter((a) => a.start < end && a.end > start);
  if (over.length === 0) {
    node.append(textNode(tidy(text.slice(start, end)), start));
    return;
  }
  const cuts = new Set([start, end]);
  for (const a of over) {
    if (a.start > start) cuts.add(a.start);
    if (a.end < end) cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const covering = over.filter((a) => a.start <= from && a.end >= to);
    const piece = textNode(tidy(text.slice(from, to)), from);
    if (covering.length === 0) {
      node.append(piece);
      continue;
    }
    // The innermost (shortest) annotation gives the colour and the card.
    const inner = covering.reduce((best, a) => (a.end - a.start < best.end - best.start ? a : best));
    const span = el('span', `anno anno-${inner.palette ?? 'none'}${covering.length > 1 ? ' anno-overlap' : ''}`);
    span.dataset.anno = inner.id;
    span.dataset.annos = covering.map((a) => a.id).join(' ');
    // The first piece of each annotation is a tab stop, also of one that others cover entirely.
    const starting = covering.filter((a) => !annotationTabStops.has(a.id));
    if (starting.length) {
      for (const a of starting) annotationTabStops.add(a.id);
      span.tabIndex = 0;
      span.dataset.first = starting.map((a) => a.id).join(' ');
      span.setAttribute('aria-label', covering.map((a) => `${a.colour || 'Highlight'}${a.note ? ' with a note' : ''}`).join(', '));
    }
    span.append(piece);
    node.append(span);
  }
}

/** Binary search: the first range that ends after `offset`. */
function firstEndingAfter(ranges: readonly { readonly end: number }[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Entities that already have a tab stop: the first mention of each gets one, not every mention. */
const tabStops = new Set<string>();

function entitySpan(mention: ReaderMention): HTMLElement {
  const span = el('span', `entity entity-${mention.type}`);
  span.dataset.entity = mention.entityId;
  span.dataset.type = mention.type;
  span.dataset.start = String(mention.start);
  span.dataset.end = String(mention.end);
  if (!tabStops.has(mention.entityId)) {
    tabStops.add(mention.entityId);
    span.tabIndex = 0;
  }
  return span;
}

function partSpan(text: string, part: InlinePart, tag: 'span' | 'small' | 'p' = part.kind === 'credit' ? 'small' : 'span'): HTMLElement {
  const node = el(tag, `part-${part.kind}`);
  appendText(node, text, part.start, part.end);
  node.dataset.part = part.kind;
  node.dataset.start = String(part.start);
  node.dataset.end = String(part.end);
  return node;
}

/** The info box with its title; `Vis mer` ("show more") was a button on the scraped page and is not shown. */
function renderInfobox(text: string, block: Block): HTMLElement {
  const aside = el('aside', 'infobox');
  aside.setAttribute('aria-label', 'Info box');
  const heading = el('h3', 'infobox-title');
  const title = block.parts.find((part) => part.kind === 'infoboxTitle');
  heading.append(icon('info'), document.createTextNode(' '), title ? partSpan(text, title) : document.createTextNode('Info'));
  aside.append(heading);
  for (const part of block.parts) if (part.kind === 'infoboxParagraph') aside.append(partSpan(text, part, 'p'));
  return aside;
}

function renderFailure(fileName: string, reason: string): void {
  const box = el('div', 'failure');
  box.setAttribute('role', 'alert');
  const title = el('h1', 'failure-title');
  title.append(icon('error'), document.createTextNode(fileName ? ` ${fileName} cannot be shown` : ' The article cannot be shown'));
  box.append(title, el('p', 'failure-reason', reason));
  if (fileName) box.append(button('Open Source Text', 'go-to-file', () => vscode.postMessage({ type: 'webviewDidRequestOpenSource' }), { showLabel: true }));
  root.replaceChildren(box);
  root.removeAttribute('aria-busy');
}

// ---- entities: legend and hover card ----

function renderLegend(article: ReaderArticle): HTMLElement | undefined {
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
    toggle.setAttribute('aria-pressed', String(!hiddenTypes?.has(type)));
    toggle.append(el('span', 'swatch'), document.createTextNode(`${ENTITY_TYPE_PLURALS[type]} `), el('span', 'legend-count', String(count)));
    toggle.addEventListener('click', () => {
      hiddenTypes ??= new Set();
      if (hiddenTypes.has(type)) hiddenTypes.delete(type);
      else hiddenTypes.add(type);
      applyHiddenTypes();
    });
    legend.append(toggle);
  }
  return legend;
}

function applyHiddenTypes(): void {
  for (const type of ENTITY_TYPES) root.classList.toggle(`hide-${type}`, hiddenTypes?.has(type) ?? false);
  root.querySelectorAll<HTMLElement>('.legend-item').forEach((toggle) => {
    toggle.setAttribute('aria-pressed', String(!hiddenTypes?.has(toggle.dataset.type as EntityType)));
  });
}

/**
 * A card for the element under the pointer or focus that matches
 * `selector` (a name, a highlight). It hides a moment after both have left,
 * so the pointer can move into it to use its buttons.
 */
class HoverCard {
  readonly node: HTMLElement;
  /** The element the card is about. */
  target: HTMLElement | undefined;
  private timer: number | undefined;

  constructor(
    id: string,
    selector: string,
    /** Fills the card for `target`; false when there is nothing to show. */
    private readonly fill: (card: HTMLElement, target: HTMLElement) => boolean,
    private readonly where: 'above' | 'below',
    /** Whether the card may open now. */
    allowed: () => boolean = () => true,
  ) {
    this.node = el('div', id);
    this.node.id = id;
    this.node.setAttribute('role', 'tooltip');
    this.node.hidden = true;
    root.addEventListener('mouseover', (event) => {
      const node = event.target as HTMLElement;
      if (this.node.contains(node)) {
        window.clearTimeout(this.timer);
        return;
      }
      const target = node.closest<HTMLElement>(selector);
      if (target && allowed()) this.show(target);
      else if (!this.node.hidden) this.hideSoon();
    });
    root.addEventListener('mouseleave', () => this.hideSoon());
    root.addEventListener('focusin', (event) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>(selector);
      if (target && allowed()) this.show(target);
    });
    root.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !this.node.contains(next)) this.hideSoon();
    });
  }

  show(target: HTMLElement): void {
    window.clearTimeout(this.timer);
    if (!this.fill(this.node, target)) return;
    this.target?.removeAttribute('aria-describedby');
    this.target = target;
    this.node.hidden = false;
    placeNear(this.node, target.getBoundingClientRect(), this.where);
    target.setAttribute('aria-describedby', this.node.id);
  }

  hide(): void {
    window.clearTimeout(this.timer);
    this.node.hidden = true;
    this.target?.removeAttribute('aria-describedby');
    this.target = undefined;
  }

  hideSoon(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), 300);
  }
}

const entityHover = new HoverCard('entity-card', '.entity', fillEntityCard, 'below');
const entityCard = entityHover.node;
/** Other articles listed in a card. */
const CARD_ARTICLES = 5;

/**
 * Puts a floating element (a card, the toolbar, the note editor) next to
 * `box` (viewport coordinates): left-aligned with it but inside the reader,
 * below it, or above it when asked and there is room on screen.
 */
function placeNear(popup: HTMLElement, box: DOMRect, where: 'above' | 'below'): void {
  const rootBox = root.getBoundingClientRect();
  popup.style.left = `${Math.max(0, Math.min(box.left - rootBox.left, rootBox.width - popup.offsetWidth))}px`;
  const above = box.top - rootBox.top - popup.offsetHeight - 6;
  const fitsAbove = box.top - popup.offsetHeight - 6 >= 0;
  popup.style.top = `${where === 'above' && fitsAbove ? above : box.bottom - rootBox.top + 6}px`;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function linkButton(label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const node = el('button', 'card-link', label);
  node.type = 'button';
  if (title) node.title = title;
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

function fillEntityCard(card: HTMLElement, target: HTMLElement): boolean {
  const id = target.dataset.entity;
  const entity = id ? shown?.entities[id] : undefined;
  if (!id || !entity || !shown || hiddenTypes?.has(entity.type)) return false;
  const article = shown;
  const count = article.mentions.filter((m) => m.entityId === id).length;
  const title = el('div', 'card-title');
  title.append(el('span', `swatch swatch-${entity.type}`), el('strong', undefined, entity.name));
  const kind = el('div', 'card-type', entity.known ? ENTITY_TYPE_NAMES[entity.type] : `${ENTITY_TYPE_NAMES[entity.type]} · not in the knowledge base`);
  const parts: HTMLElement[] = [title, kind];
  if (entity.description) parts.push(el('p', 'card-description', entity.description));
  parts.push(el('div', 'card-count', `${plural(count, 'mention', 'mentions')} in this article`));
  parts.push(...corpusLines(id, entity));
  const actions = el('div', 'card-actions');
  actions.append(linkButton('Mark mentions', () => selectEntity(id, { scroll: false, current: target }), 'Mark every mention in this article (n and Shift+N move between them)'));
  if (entity.corpus && entity.corpus.articles > 0) {
    actions.append(linkButton('Show all mentions', () => vscode.postMessage({ type: 'webviewDidRequestShowEntity', entityId: id }), 'List every mention in the Entities view'));
  }
  if (!entity.known || entity.type === 'other') {
    const text = target.textContent ?? '';
    actions.append(
      linkButton('Add to knowledge base…', () => vscode.postMessage({ type: 'webviewDidRequestAddToKnowledgeBase', entityId: id, text }), 'Give this name a type and a canonical name'),
    );
  }
  parts.push(actions);
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
        linkButton(other.title, () => vscode.postMessage({ type: 'webviewDidRequestOpenArticle', uri: other.uri, entityId: id }), `Open ${other.title} at its first mention`),
        el('span', 'card-date', other.dateLabel),
      );
      list.append(item);
    }
    lines.push(list);
  }
  return lines;
}

root.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('.entity');
  if (target?.dataset.entity) selectEntity(target.dataset.entity, { scroll: false, current: target });
});

// ---- selecting an entity: its mentions marked, keys move between them ----

/** The selected entity, whose mentions are marked. */
let selected: string | undefined;
let selectedIndex = -1;

const selectionBar = el('div', 'selection-bar');
selectionBar.setAttribute('role', 'status');
selectionBar.hidden = true;

function mentionsOf(id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.entity')].filter((node) => node.dataset.entity === id);
}

function selectEntity(id: string, options: { scroll: boolean; current?: HTMLElement }): void {
  const entity = shown?.entities[id];
  if (!entity || !shown) return;
  root.querySelectorAll('.entity.selected').forEach((node) => node.classList.remove('selected', 'current'));
  selected = id;
  const nodes = mentionsOf(id);
  nodes.forEach((node) => node.classList.add('selected'));
  // A selected entity's type is shown even if the legend had turned it off.
  if (hiddenTypes?.has(entity.type)) {
    hiddenTypes.delete(entity.type);
    applyHiddenTypes();
  }
  selectedIndex = options.current ? nodes.indexOf(options.current) : 0;
  moveTo(selectedIndex, options.scroll);
}

function clearSelection(): void {
  if (!selected) return;
  root.querySelectorAll('.entity.selected').forEach((node) => node.classList.remove('selected', 'current'));
  selected = undefined;
  selectionBar.hidden = true;
}

/** Moves to the selected entity's mention number `index` (wrapping around). */
function moveTo(index: number, scroll = true): void {
  const entity = selected ? shown?.entities[selected] : undefined;
  if (!selected || !entity) return;
  const nodes = mentionsOf(selected);
  if (nodes.length === 0) return;
  selectedIndex = makeCurrent(nodes, index, scroll);
  const swatch = el('span', `swatch swatch-${entity.type}`);
  renderBar(swatch, entity.name, selectedIndex, nodes.length, 'Mention', moveTo, clearSelection);
}

/** Makes `nodes[index]` (wrapping around) the current one of a marked set, scrolling to it if asked; its index. */
function makeCurrent(nodes: readonly HTMLElement[], index: number, scroll: boolean): number {
  const current = ((index % nodes.length) + nodes.length) % nodes.length;
  nodes.forEach((node, i) => node.classList.toggle('current', i === current));
  if (scroll) nodes[current].scrollIntoView({ block: 'center', behavior: 'smooth' });
  return current;
}

/** The floating bar of a marked set (an entity's mentions or the search matches): where you are, and buttons to move and clear. */
function renderBar(marker: HTMLElement, title: string, index: number, total: number, noun: 'Mention' | 'Match' | 'Annotation', move: (index: number) => void, clear: () => void): void {
  const key = noun === 'Annotation' ? 'A' : 'N';
  annotationBarShown = noun === 'Annotation';
  const label = el('span', 'selection-label');
  label.append(marker, el('strong', undefined, title), document.createTextNode(` ${index + 1} of ${total}`));
  selectionBar.replaceChildren(
    label,
    button(`Previous ${noun} (Shift+${key})`, 'arrow-up', () => move(index - 1)),
    button(`Next ${noun} (${key})`, 'arrow-down', () => move(index + 1)),
    button('Clear (Escape)', 'close', clear),
  );
  selectionBar.hidden = false;
}

function sortedRanges(ranges: readonly TextRange[]): TextRange[] {
  return [...ranges].sort((a, b) => a.start - b.start);
}

/** Moves to search match number `index` (wrapping around), marking it as the current one. */
function moveToMark(index: number, scroll = true): void {
  const nodes = [...root.querySelectorAll<HTMLElement>('mark.search-match')];
  if (nodes.length === 0) return;
  markIndex = makeCurrent(nodes, index, scroll);
  renderBar(icon('search'), 'Search matches', markIndex, nodes.length, 'Match', moveToMark, clearMarks);
}

function clearMarks(): void {
  if (!shown || marks.length === 0) return;
  marks = [];
  markIndex = -1;
  const keep = scrollFraction();
  render(shown);
  restoreScroll(keep);
}

/** Brings a range into view: the search match or mention there becomes current, or else its passage is flashed. */
function reveal(range: TextRange, annotation?: { id: string; openNote: boolean }): void {
  if (!shown) return;
  if (annotation && revealAnnotation(annotation.id, annotation.openNote)) {
    saveState();
    vscode.postMessage({ type: 'webviewDidReveal', uri: shown.uri, range, marked: 0 });
    return;
  }
  const matches = [...root.querySelectorAll<HTMLElement>('mark.search-match')];
  const match = matches.findIndex((node) => Number(node.dataset.start) >= range.start);
  if (match >= 0 && Number(matches[match].dataset.start) < range.end) {
    moveToMark(match, false);
    matches[match].scrollIntoView({ block: 'center' });
    saveState();
    vscode.postMessage({ type: 'webviewDidReveal', uri: shown.uri, range, marked: matches.length });
    return;
  }
  const mention = [...root.querySelectorAll<HTMLElement>('.entity')].find((node) => Number(node.dataset.start) <= range.start && range.start < Number(node.dataset.end));
  let entityId: string | undefined;
  if (mention?.dataset.entity) {
    entityId = mention.dataset.entity;
    selectEntity(entityId, { scroll: false, current: mention });
    mention.scrollIntoView({ block: 'center' });
    mention.focus({ preventScroll: true });
  } else {
    const blocks = [...root.querySelectorAll<HTMLElement>('[data-part][data-start]')].filter(
      (node) => Number(node.dataset.start) <= range.start && range.start < Number(node.dataset.end),
    );
    const block = blocks[blocks.length - 1];
    if (block) {
      block.scrollIntoView({ block: 'center' });
      block.classList.remove('flash');
      void block.offsetWidth; // restart the animation
      block.classList.add('flash');
    }
  }
  saveState();
  vscode.postMessage({ type: 'webviewDidReveal', uri: shown.uri, range, entityId, marked: 0 });
}

window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    if (!entityCard.hidden) entityHover.hide();
    else if (selected) clearSelection();
    else clearMarks();
    return;
  }
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.classList.contains('entity') && target.dataset.entity) {
    selectEntity(target.dataset.entity, { scroll: false, current: target });
    event.preventDefault();
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, [contenteditable]')) return;
  if (event.key === 'n' || event.key === 'N') {
    const step = event.shiftKey || event.key === 'N' ? -1 : 1;
    if (selected) moveTo(selectedIndex + step);
    else if (marks.length) moveToMark(markIndex + step);
    else return;
    event.preventDefault();
  }
});

function countHighlights(): Partial<Record<EntityType, number>> {
  const counts: Partial<Record<EntityType, number>> = {};
  root.querySelectorAll<HTMLElement>('.entity').forEach((node) => {
    const type = node.dataset.type as EntityType;
    counts[type] = (counts[type] ?? 0) + 1;
  });
  return counts;
}

function headlineText(): string {
  return root.querySelector('h1.headline')?.textContent ?? '';
}

function countRendered(): RenderCounts {
  const counts: Record<string, number> = {};
  root.querySelectorAll<HTMLElement>('[data-part]').forEach((node) => {
    const kind = node.dataset.part as string;
    counts[kind] = (counts[kind] ?? 0) + 1;
  });
  return counts;
}

// ---- scroll state ----

function scrollFraction(): number {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
}

function restoreScroll(fraction: number): void {
  requestAnimationFrame(() => {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, fraction * Math.max(0, max));
    saveState();
  });
}

function saveState(): void {
  if (shown) vscode.setState({ uri: shown.uri, scroll: scrollFraction() });
}

// ---- user annotations: highlights, the selection toolbar, the note card and editor ----

/** The article body: selections inside it can be annotated. */
let articleBody: HTMLElement | undefined;
let annotationState: ReaderAnnotations = { items: [], review: [], orphans: [], colours: [] };
/** In text order. */
let annotationItems: readonly ReaderAnnotation[] = [];
/** Annotations that already have a tab stop (their first piece). */
const annotationTabStops = new Set<string>();
/** The annotation the keys (A, Shift+A) are on. */
let annotationIndex = -1;
/** Whether the floating bar shows the annotations (Escape hides it). */
let annotationBarShown = false;
/** The last annotations deleted here, for Ctrl+Z and the Undo button. */
const deletedHere: string[] = [];
let undoTimer: number | undefined;

function setAnnotations(annotations: ReaderAnnotations): void {
  annotationState = annotations;
  annotationItems = [...annotations.items].sort((a, b) => a.start - b.start || b.end - a.end);
  textStarts = new WeakMap();
}

/** New annotations for the article shown: drawn again where the reader is. */
function updateAnnotations(annotations: ReaderAnnotations): void {
  if (!shown) return;
  const keep = scrollFraction();
  const keepEntity = selected;
  const focusedId = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.anno')?.dataset.anno;
  shown = { ...shown, annotations };
  render(shown);
  if (keepEntity && shown.entities[keepEntity]) selectEntity(keepEntity, { scroll: false });
  restoreScroll(keep);
  const focus = focusedId ? firstPieceOf(focusedId) : undefined;
  focus?.focus({ preventScroll: true });
}

function annotationById(id: string | undefined): ReaderAnnotation | undefined {
  return id ? annotationItems.find((a) => a.id === id) : undefined;
}

function firstPieceOf(id: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('.anno[data-first]')].find((node) => (node.dataset.first ?? '').split(' ').includes(id));
}

/** The annotations a piece of text is under, innermost first. */
function annotationsAt(piece: HTMLElement): ReaderAnnotation[] {
  const ids = (piece.dataset.annos ?? '').split(' ');
  return annotationItems.filter((a) => ids.includes(a.id)).sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** What each annotation holds in the DOM: the text of its highlight pieces, in order. */
function annotationTexts(): { id: string; text: string }[] {
  const texts = new Map<string, string>();
  root.querySelectorAll<HTMLElement>('.anno').forEach((node) => {
    for (const id of (node.dataset.annos ?? '').split(' ')) if (id) texts.set(id, (texts.get(id) ?? '') + (node.textContent ?? ''));
  });
  return [...texts].map(([id, text]) => ({ id, text }));
}

function colourSwatch(palette: string | undefined): HTMLElement {
  const swatch = el('span', `anno-swatch anno-${palette ?? 'none'}`);
  swatch.setAttribute('aria-hidden', 'true');
  return swatch;
}

/** The header's line about annotations: counts by colour (a legend), orphans, and read-only state. */
function renderAnnotationSummary(annotations: ReaderAnnotations): HTMLElement | undefined {
  if (annotations.items.length === 0 && annotations.review.length === 0 && annotations.orphans.length === 0 && !annotations.readOnly) return undefined;
  const box = el('div', 'annotation-summary');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Your annotations');
  if (annotations.items.length) {
    const counts = new Map<string, { palette?: string; count: number }>();
    for (const item of annotations.items) {
      const entry = counts.get(item.colour) ?? { palette: item.palette, count: 0 };
      entry.count++;
      counts.set(item.colour, entry);
    }
    const line = el('p', 'annotation-legend');
    line.append(icon('note'), document.createTextNode(' '));
    for (const [name, { palette, count }] of counts) {
      const chip = el('span', 'annotation-chip');
      chip.append(colourSwatch(palette), document.createTextNode(`${name || 'Highlight'} `), el('span', 'legend-count', String(count)));
      line.append(chip);
    }
    line.append(el('span', 'annotation-hint', 'A and Shift+A move between them'));
    box.append(line);
  }
  if (annotations.readOnly) {
    const line = el('p', 'annotation-readonly');
    line.setAttribute('role', 'alert');
    line.append(icon('lock'), document.createTextNode(` Annotations are read-only: ${annotations.readOnly}`));
    box.append(line);
  }
  if (annotations.review.length) box.append(renderReview(annotations));
  if (annotations.orphans.length) {
    const details = el('details', 'annotation-orphans');
    const summary = el('summary');
    summary.append(
      icon('warning'),
      document.createTextNode(` ${plural(annotations.orphans.length, 'annotation is', 'annotations are')} no longer found in this article`),
    );
    details.append(summary);
    for (const orphan of annotations.orphans) {
      const item = el('div', 'orphan');
      const quote = el('blockquote', 'orphan-quote');
      quote.append(colourSwatch(orphan.palette), document.createTextNode(` ${orphan.quote}`));
      item.append(quote);
      if (orphan.note) item.append(el('p', 'orphan-note', orphan.note));
      if (!annotations.readOnly) item.append(linkButton('Delete', () => deleteAnnotation(orphan.id), 'Delete this annotation (Ctrl+Z undoes)'));
      details.append(item);
    }
    box.append(details);
  }
  return box;
}

/**
 * Annotations whose place is uncertain after the article changed: not drawn
 * as highlights; each offered with the words found, to show, accept (the
 * annotation moves there) or dismiss (it is listed as not found).
 */
function renderReview(annotations: ReaderAnnotations): HTMLElement {
  const details = el('details', 'annotation-orphans annotation-review');
  // Open: these wait for the user's word.
  details.open = true;
  const summary = el('summary');
  summary.append(icon('question'), document.createTextNode(` ${plural(annotations.review.length, 'annotation needs', 'annotations need')} review: the article changed`));
  details.append(summary);
  for (const entry of annotations.review) {
    const item = el('div', 'orphan');
    const quote = el('blockquote', 'orphan-quote');
    quote.append(colourSwatch(entry.palette), document.createTextNode(` ${entry.quote}`));
    item.append(quote);
    if (entry.note) item.append(el('p', 'orphan-note', entry.note));
    const suggestion = entry.suggestion;
    const found = suggestion && shown ? shown.text.slice(suggestion.start, suggestion.end) : undefined;
    item.append(el('p', 'orphan-note', found !== undefined ? `Uncertain (${entry.reason}). Suggested: “${found}”` : `Not placed: ${entry.reason}.`));
    if (suggestion) item.append(linkButton('Show', () => reveal(suggestion), 'Scroll to the suggested words'));
    if (!annotations.readOnly) {
      if (suggestion) item.append(linkButton('Accept', () => vscode.postMessage({ type: 'webviewDidRequestAcceptSuggestion', id: entry.id }), 'Move the annotation to the suggested words'));
      item.append(linkButton('Dismiss', () => vscode.postMessage({ type: 'webviewDidRequestDismissSuggestion', id: entry.id }), 'Do not suggest a place; list it as not found'));
    }
    details.append(item);
  }
  return details;
}

// -- selection → offsets --

/** The article offset of a DOM boundary point: exact in article text, else the next piece of text's start. */
function offsetOf(container: Node, offset: number): number | undefined {
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
  if (!from) return shown?.text.length;
  walker.currentNode = from;
  let node: Node | null = from.nodeType === Node.TEXT_NODE && from !== container ? from : walker.nextNode();
  while (node && textStarts.get(node as Text) === undefined) node = walker.nextNode();
  return node ? textStarts.get(node as Text) : shown?.text.length;
}

/** The article range selected now, trimmed of white space, if the selection is inside the article. */
function selectedRange(): TextRange | undefined {
  const selection = window.getSelection();
  if (!shown || !articleBody || !selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!articleBody.contains(range.commonAncestorContainer)) return undefined;
  let start = offsetOf(range.startContainer, range.startOffset);
  let end = offsetOf(range.endContainer, range.endOffset);
  if (start === undefined || end === undefined) return undefined;
  const text = shown.text;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

// -- the selection toolbar --

const selectionToolbar = el('div', 'selection-toolbar');
selectionToolbar.setAttribute('role', 'toolbar');
selectionToolbar.setAttribute('aria-label', 'Highlight the selected text');
selectionToolbar.hidden = true;
/** The range the toolbar (or a new note) is for. */
let pendingRange: TextRange | undefined;

function showSelectionToolbar(): void {
  const range = selectedRange();
  if (!range) {
    hideSelectionToolbar();
    return;
  }
  pendingRange = range;
  const buttons: HTMLElement[] = [];
  if (annotationState.readOnly) {
    const label = el('span', 'toolbar-note');
    label.append(icon('lock'), document.createTextNode(' Annotations are read-only'));
    buttons.push(label);
  } else {
    annotationState.colours.forEach((colour, index) => {
      const node = el('button', 'colour-button');
      node.type = 'button';
      node.title = `Highlight as ${colour.name} (${index + 1})`;
      node.setAttribute('aria-label', node.title);
      node.append(colourSwatch(colour.colour));
      node.addEventListener('mousedown', (event) => event.preventDefault());
      node.addEventListener('click', () => createFromSelection(colour.name));
      buttons.push(node);
    });
    const note = button('Highlight with a Note (Enter)', 'comment', () => openNoteEditor({ kind: 'new', range }));
    note.addEventListener('mousedown', (event) => event.preventDefault());
    buttons.push(note);
  }
  selectionToolbar.replaceChildren(...buttons);
  selectionToolbar.hidden = false;
  const selection = window.getSelection();
  if (selection && selection.rangeCount) placeNear(selectionToolbar, selection.getRangeAt(0).getBoundingClientRect(), 'above');
}

function hideSelectionToolbar(): void {
  selectionToolbar.hidden = true;
  pendingRange = undefined;
}

function createFromSelection(colour: string, extra: { note?: string; tags?: readonly string[] } = {}): void {
  const range = pendingRange ?? selectedRange();
  if (!shown || !range || annotationState.readOnly) return;
  vscode.postMessage({ type: 'webviewDidRequestCreateAnnotation', uri: shown.uri, start: range.start, end: range.end, colour, note: extra.note ?? '', tags: [...(extra.tags ?? [])] });
  window.getSelection()?.removeAllRanges();
  hideSelectionToolbar();
}

// A new selection starts: cards would lie over the text being selected.
document.addEventListener('mousedown', (event) => {
  const target = event.target as Node;
  if (entityCard.contains(target) || annotationCard.contains(target) || selectionToolbar.contains(target) || noteEditor.contains(target)) return;
  entityHover.hide();
  annotationHover.hide();
  if (!noteEditor.hidden) closeNoteEditor();
});

document.addEventListener('mouseup', (event) => {
  if (selectionToolbar.contains(event.target as Node) || noteEditor.contains(event.target as Node)) return;
  // After the browser has settled the selection.
  window.setTimeout(showSelectionToolbar, 0);
});
document.addEventListener('keyup', (event) => {
  if (event.shiftKey && event.key.startsWith('Arrow')) showSelectionToolbar();
});
document.addEventListener('selectionchange', () => {
  if (!selectionToolbar.hidden && !selectedRange()) hideSelectionToolbar();
});

// -- the note card (hover or focus) --

// Above the text: the entity card goes below it, so both can show. Not while a note is being written.
const annotationHover = new HoverCard('annotation-card', '.anno', fillAnnotationCard, 'above', () => noteEditor.hidden === true);
const annotationCard = annotationHover.node;

function fillAnnotationCard(card: HTMLElement, target: HTMLElement): boolean {
  // Every annotation over this text, innermost first: one that others cover entirely is reachable here too.
  const items = annotationsAt(target);
  if (items.length === 0) return false;
  const parts: HTMLElement[] = [];
  for (const item of items) {
    const section = el('section', 'card-annotation');
    const title = el('div', 'card-title');
    title.append(colourSwatch(item.palette), el('strong', undefined, item.colour || 'Highlight'));
    section.append(title);
    if (items.length > 1) section.append(el('blockquote', 'note-quote', truncate(shown?.text.slice(item.start, item.end) ?? '', 80)));
    if (item.tags.length) {
      const tags = el('div', 'card-tags');
      for (const tag of item.tags) tags.append(el('span', 'tag', `#${tag}`));
      section.append(tags);
    }
    section.append(item.note ? noteElement(item.note) : el('p', 'card-note card-pending', 'No note.'));
    const meta = [`Changed ${item.modifiedLabel}`];
    if (item.replies) meta.push(plural(item.replies, 'reply', 'replies'));
    section.append(el('div', 'card-count', meta.join(' · ')));
    if (!annotationState.readOnly) {
      const actions = el('div', 'card-actions');
      actions.append(
        linkButton(item.note ? 'Edit note' : 'Add note', () => openNoteEditor({ kind: 'edit', item }), 'Edit the note, colour and tags (Enter)'),
        linkButton('Delete', () => deleteAnnotation(item.id), 'Delete this annotation (Delete; Ctrl+Z undoes)'),
      );
      section.append(actions);
    }
    parts.push(section);
  }
  card.replaceChildren(...parts);
  return true;
}


/**
 * A note's Markdown, shown safely: paragraphs and line breaks, **bold**,
 * *italic*, `code`, and links as their text (the address in a tooltip; the
 * reader opens nothing). Built as DOM nodes with text content, never HTML.
 */
function noteElement(markdown: string): HTMLElement {
  const box = el('div', 'card-note');
  for (const paragraph of markdown.trim().split(/\n\s*\n/)) {
    const p = el('p');
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) p.append(el('br'));
      appendInline(p, line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, (marker) => (/\d/.test(marker) ? marker.trim() + ' ' : '• ')));
    });
    box.append(p);
  }
  return box;
}

const INLINE_MARKDOWN = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

function appendInline(node: HTMLElement, text: string): void {
  let at = 0;
  for (const match of text.matchAll(INLINE_MARKDOWN)) {
    const index = match.index ?? 0;
    if (index > at) node.append(document.createTextNode(text.slice(at, index)));
    if (match[2] !== undefined) node.append(el('strong', undefined, match[2]));
    else if (match[4] !== undefined) node.append(el('em', undefined, match[4]));
    else if (match[5] !== undefined) node.append(el('code', undefined, match[5]));
    else {
      const link = el('span', 'note-link', match[6]);
      link.title = match[7];
      node.append(link);
    }
    at = index + match[0].length;
  }
  if (at < text.length) node.append(document.createTextNode(text.slice(at)));
}

// -- the note editor --

const noteEditor = el('div', 'note-editor');
noteEditor.setAttribute('role', 'dialog');
noteEditor.setAttribute('aria-label', 'Annotation');
noteEditor.hidden = true;
/** Where focus goes back to when the editor closes. */
let editorReturn: HTMLElement | undefined;

type EditorTarget = { kind: 'new'; range: TextRange } | { kind: 'edit'; item: ReaderAnnotation };

function openNoteEditor(target: EditorTarget): void {
  if (!shown || annotationState.readOnly) return;
  annotationHover.hide();
  hideSelectionToolbar();
  editorReturn = target.kind === 'edit' ? firstPieceOf(target.item.id) : undefined;
  const colours = annotationState.colours;
  let colour = target.kind === 'edit' ? target.item.colour : (colours[0]?.name ?? '');
  const heading = el('div', 'card-title');
  heading.append(icon(target.kind === 'new' ? 'add' : 'edit'), el('strong', undefined, target.kind === 'new' ? 'New annotation' : 'Edit annotation'));
  const quote = el('blockquote', 'note-quote', truncate(shown.text.slice(target.kind === 'new' ? target.range.start : target.item.start, target.kind === 'new' ? target.range.end : target.item.end), 160));
  const colourRow = el('div', 'note-colours');
  colourRow.setAttribute('role', 'radiogroup');
  colourRow.setAttribute('aria-label', 'Colour');
  const colourButtons = colours.map((c, index) => {
    const node = el('button', 'colour-choice');
    node.type = 'button';
    node.setAttribute('role', 'radio');
    node.title = `${c.name} (Alt+${index + 1})`;
    node.append(colourSwatch(c.colour), document.createTextNode(` ${c.name}`));
    node.addEventListener('click', () => pick(c.name));
    return node;
  });
  const pick = (name: string) => {
    colour = name;
    colourButtons.forEach((node, i) => node.setAttribute('aria-checked', String(colours[i].name === name)));
  };
  pick(colour);
  colourRow.append(...colourButtons);
  const noteLabel = el('label', 'note-label', 'Note (Markdown)');
  const note = el('textarea', 'note-text');
  note.id = 'note-text';
  noteLabel.htmlFor = note.id;
  note.rows = 5;
  note.maxLength = 20_000;
  note.value = target.kind === 'edit' ? target.item.note : '';
  const tagsLabel = el('label', 'note-label', 'Tags, separated by commas');
  const tags = el('input', 'note-tags');
  tags.id = 'note-tags';
  tagsLabel.htmlFor = tags.id;
  tags.type = 'text';
  tags.value = target.kind === 'edit' ? target.item.tags.join(', ') : '';
  const save = () => {
    const edit: AnnotationEdit = { colour, note: note.value, tags: parseTags(tags.value) };
    if (target.kind === 'new') {
      pendingRange = target.range;
      createFromSelection(edit.colour, edit);
    } else vscode.postMessage({ type: 'webviewDidRequestEditAnnotation', id: target.item.id, ...edit });
    closeNoteEditor();
  };
  const actions = el('div', 'note-actions');
  const saveButton = el('button', 'primary-button', 'Save');
  saveButton.type = 'button';
  saveButton.title = 'Save (Ctrl+Enter)';
  saveButton.addEventListener('click', save);
  const cancelButton = el('button', 'secondary-button', 'Cancel');
  cancelButton.type = 'button';
  cancelButton.title = 'Cancel (Escape)';
  cancelButton.addEventListener('click', closeNoteEditor);
  actions.append(saveButton, cancelButton);
  if (target.kind === 'edit') {
    const remove = el('button', 'secondary-button delete-button', 'Delete');
    remove.type = 'button';
    remove.addEventListener('click', () => {
      closeNoteEditor();
      deleteAnnotation(target.item.id);
    });
    actions.append(remove);
  }
  noteEditor.replaceChildren(heading, quote, colourRow, noteLabel, note, tagsLabel, tags, actions);
  noteEditor.onkeydown = (event) => {
    if (event.key === 'Escape') {
      closeNoteEditor();
      event.preventDefault();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      save();
      event.preventDefault();
    } else if (event.altKey && /^[1-9]$/.test(event.key) && colours[Number(event.key) - 1]) {
      pick(colours[Number(event.key) - 1].name);
      event.preventDefault();
    }
    event.stopPropagation();
  };
  noteEditor.hidden = false;
  const anchor = target.kind === 'edit' ? firstPieceOf(target.item.id) : undefined;
  const selection = window.getSelection();
  const box = anchor?.getBoundingClientRect() ?? (selection && selection.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : undefined);
  if (box) placeNear(noteEditor, box, 'below');
  note.focus();
  noteEditor.scrollIntoView({ block: 'nearest' });
}

function closeNoteEditor(): void {
  noteEditor.hidden = true;
  noteEditor.replaceChildren();
  editorReturn?.focus({ preventScroll: true });
  editorReturn = undefined;
}

/** A passage on one line, cut at a word. */
function truncate(text: string, length: number): string {
  return truncateAtWord(squashWhitespace(text), length);
}

// -- delete and undo --

const undoBar = el('div', 'undo-bar');
undoBar.setAttribute('role', 'status');
undoBar.hidden = true;

function deleteAnnotation(id: string): void {
  annotationHover.hide();
  vscode.postMessage({ type: 'webviewDidRequestDeleteAnnotation', id });
  deletedHere.push(id);
  undoBar.replaceChildren(el('span', undefined, 'Annotation deleted.'), linkButton('Undo', undoDelete, 'Put it back (Ctrl+Z)'));
  undoBar.hidden = false;
  window.clearTimeout(undoTimer);
  undoTimer = window.setTimeout(() => (undoBar.hidden = true), 10_000);
}

function undoDelete(): void {
  const id = deletedHere.pop();
  if (!id) return;
  vscode.postMessage({ type: 'webviewDidRequestRestoreAnnotation', id });
  undoBar.hidden = true;
}

// -- moving between annotations --

function moveToAnnotation(index: number): void {
  const stops = annotationItems.flatMap((item) => {
    const piece = firstPieceOf(item.id);
    return piece ? [{ item, piece }] : [];
  });
  if (stops.length === 0) return;
  annotationIndex = ((index % stops.length) + stops.length) % stops.length;
  const { item, piece } = stops[annotationIndex];
  piece.scrollIntoView({ block: 'center', behavior: 'smooth' });
  piece.focus({ preventScroll: true });
  renderBar(colourSwatch(item.palette), item.colour || 'Annotation', annotationIndex, stops.length, 'Annotation', moveToAnnotation, () => {
    selectionBar.hidden = true;
    annotationBarShown = false;
  });
}

/** Brings an annotation into view (opened from the Annotations view or the editor), its note open if asked. */
function revealAnnotation(id: string, openNote: boolean): boolean {
  const piece = firstPieceOf(id);
  const item = annotationById(id);
  if (!piece || !item) return false;
  piece.scrollIntoView({ block: 'center' });
  piece.focus({ preventScroll: true });
  piece.classList.remove('flash');
  void piece.offsetWidth;
  piece.classList.add('flash');
  annotationIndex = annotationItems.indexOf(item);
  if (openNote) openNoteEditor({ kind: 'edit', item });
  return true;
}

// In the capture phase: these keys are handled before the reader's other keys (Escape there clears search marks).
window.addEventListener(
  'keydown',
  (event) => {
  const target = event.target as HTMLElement;
  if (target.closest('input, textarea, [contenteditable]') || noteEditor.contains(target)) return;
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && deletedHere.length) {
    undoDelete();
    event.preventDefault();
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (!selectionToolbar.hidden && pendingRange) {
    if (/^[1-9]$/.test(event.key) && annotationState.colours[Number(event.key) - 1] && !annotationState.readOnly) {
      createFromSelection(annotationState.colours[Number(event.key) - 1].name);
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter') {
      openNoteEditor({ kind: 'new', range: pendingRange });
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      hideSelectionToolbar();
      event.stopImmediatePropagation();
      return;
    }
  }
  if (event.key === 'Escape' && annotationBarShown && !selectionBar.hidden) {
    selectionBar.hidden = true;
    annotationBarShown = false;
    event.stopImmediatePropagation();
    return;
  }
  const piece = target.closest<HTMLElement>('.anno[data-first]');
  if (piece && (event.key === 'Enter' || event.key === 'Delete')) {
    const item = annotationById(piece.dataset.anno);
    if (item && !annotationState.readOnly) {
      if (event.key === 'Enter') openNoteEditor({ kind: 'edit', item });
      else deleteAnnotation(item.id);
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    return;
  }
  if ((event.key === 'a' || event.key === 'A') && annotationItems.length) {
    moveToAnnotation(annotationIndex + (event.shiftKey || event.key === 'A' ? -1 : 1));
    event.preventDefault();
  }
  },
  true,
);
