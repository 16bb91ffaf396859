/**
 * The reader webview. Renders the article it is sent as DOM nodes with text
 * content (never HTML), reports what it rendered, and keeps its scroll
 * position in the webview state so it survives being hidden and reloaded.
 */
import type { Block, InlinePart } from '../core/article';
import {
  type HostMessage,
  type ReaderArticle,
  type ReaderSettings,
  type ReaderState,
  type RenderCounts,
  type WebviewMessage,
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
vscode.postMessage({ type: 'webviewDidLoad', state: isState(saved) ? saved : undefined });

function isState(value: unknown): value is ReaderState {
  return typeof value === 'object' && value !== null && typeof (value as ReaderState).uri === 'string' && typeof (value as ReaderState).scroll === 'number';
}

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

  root.replaceChildren(header, body);
  root.removeAttribute('aria-busy');
  document.title = article.title;
  vscode.postMessage({ type: 'webviewDidRender', uri: article.uri, headline: headlineText(), counts: countRendered() });
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
    if (part.start > at) node.append(document.createTextNode(gap(text.slice(at, part.start))));
    node.append(partSpan(text, part));
    at = part.end;
  }
  if (block.end > at) node.append(document.createTextNode(gap(text.slice(at, block.end))));
  return node;
}

function partSpan(text: string, part: InlinePart, tag: 'span' | 'small' | 'p' = part.kind === 'credit' ? 'small' : 'span'): HTMLElement {
  const node = el(tag, `part-${part.kind}`, text.slice(part.start, part.end));
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
