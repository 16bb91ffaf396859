/**
 * The reader webview. Renders the article it is sent as DOM nodes with text
 * content (never HTML), reports what it rendered, and keeps its scroll
 * position in the webview state so it survives being hidden and reloaded.
 */
import type { Block, InlinePart } from '../core/article';
import { ENTITY_TYPES, ENTITY_TYPE_NAMES, ENTITY_TYPE_PLURALS, type EntityType } from '../core/entities/types';
import {
  type HostMessage,
  type ReaderArticle,
  type ReaderMention,
  type ReaderSettings,
  type ReaderState,
  type RenderCounts,
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
      applySettings(message.settings);
      render(message.article);
      restoreScroll(message.scroll ?? keep);
      break;
    }
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

  const body = el('article', 'article');
  body.lang = 'nb';
  for (const block of article.blocks) {
    const node = renderBlock(article.text, block);
    if (node) body.append(node);
  }

  root.replaceChildren(header, body, entityCard);
  root.removeAttribute('aria-busy');
  applyHiddenTypes();
  document.title = article.title;
  vscode.postMessage({ type: 'webviewDidRender', uri: article.uri, headline: headlineText(), counts: countRendered(), highlights: countHighlights() });
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
  for (let i = firstMentionEndingAfter(mentions, start); i < mentions.length && mentions[i].start < end; i++) {
    const mention = mentions[i];
    const from = Math.max(mention.start, start);
    const to = Math.min(mention.end, end);
    if (from > at) node.append(document.createTextNode(tidy(text.slice(at, from))));
    node.append(entitySpan(text.slice(from, to), mention));
    at = to;
  }
  if (end > at) node.append(document.createTextNode(tidy(text.slice(at, end))));
}

/** Binary search: the first mention that ends after `offset`. */
function firstMentionEndingAfter(mentions: readonly ReaderMention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function entitySpan(content: string, mention: ReaderMention): HTMLElement {
  const span = el('span', `entity entity-${mention.type}`, content);
  span.dataset.entity = mention.entityId;
  span.dataset.type = mention.type;
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

const entityCard = el('div', 'entity-card');
entityCard.setAttribute('role', 'tooltip');
entityCard.id = 'entity-card';
entityCard.hidden = true;

function showCard(target: HTMLElement): void {
  const id = target.dataset.entity;
  const entity = id ? shown?.entities[id] : undefined;
  if (!id || !entity || hiddenTypes?.has(entity.type)) return;
  const count = shown?.mentions.filter((m) => m.entityId === id).length ?? 0;
  const title = el('div', 'card-title');
  title.append(el('span', `swatch swatch-${entity.type}`), el('strong', undefined, entity.name));
  const kind = el('div', 'card-type', entity.known ? ENTITY_TYPE_NAMES[entity.type] : `${ENTITY_TYPE_NAMES[entity.type]} · not in the knowledge base`);
  const parts: HTMLElement[] = [title, kind];
  if (entity.description) parts.push(el('p', 'card-description', entity.description));
  parts.push(el('div', 'card-count', `${count} ${count === 1 ? 'mention' : 'mentions'} in this article`));
  entityCard.replaceChildren(...parts);
  entityCard.hidden = false;
  const box = target.getBoundingClientRect();
  const rootBox = root.getBoundingClientRect();
  entityCard.style.left = `${Math.max(0, box.left - rootBox.left)}px`;
  entityCard.style.top = `${box.bottom - rootBox.top + 6}px`;
  target.setAttribute('aria-describedby', entityCard.id);
}

function hideCard(): void {
  entityCard.hidden = true;
  root.querySelector('[aria-describedby="entity-card"]')?.removeAttribute('aria-describedby');
}

root.addEventListener('mouseover', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('.entity');
  if (target) showCard(target);
  else hideCard();
});
root.addEventListener('mouseleave', hideCard);
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideCard();
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
