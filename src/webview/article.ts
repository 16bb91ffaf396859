/**
 * Rendering the article: the header (navigation, meta line, legend, warnings, annotations) and
 * each block as DOM nodes with text content (never HTML), names, search matches and highlights
 * wrapped in spans that carry their offsets.
 */
import type { Block, InlinePart } from '../core/article';
import { ENTITY_TYPE_NAMES, type EntityType } from '../core/entities/types';
import { annotationHover } from './annotations/card';
import { closeNoteEditor } from './annotations/editor';
import { annotationTexts, setAnnotations, truncate } from './annotations/model';
import { renderAnnotationSummary } from './annotations/summary';
import { textNode } from './annotations/textOffsets';
import { caretToggle, drawCaret, stopCaret } from './caret';
import { button, el, icon } from './dom';
import { entityHover } from './entities/card';
import { applyHiddenTypes, renderLegend } from './entities/legend';
import { firstEndingAfter, segments } from './lib/ranges';
import { OVERLAYS, selectionBar, selectionToolbar } from './overlays';
import type { ReaderArticle, ReaderMention, ReaderQuote, RenderCounts } from './protocol';
import { host, root, state } from './state';

/** Draws `article` (again), with the overlays after it, and reports what it drew. */
export function render(article: ReaderArticle): void {
  const sameArticle = state.shown?.uri === article.uri;
  state.shown = article;
  const header = el('header', 'reader-header');
  const toolbar = el('nav', 'toolbar');
  toolbar.setAttribute('aria-label', 'Article navigation');
  const position = article.position;
  toolbar.append(
    button('Previous Article', 'arrow-up', () => host.postMessage({ type: 'webviewDidRequestNavigate', direction: 'previous' }), {
      disabled: !position || position.index <= 1,
    }),
    button('Next Article', 'arrow-down', () => host.postMessage({ type: 'webviewDidRequestNavigate', direction: 'next' }), {
      disabled: !position || position.index >= position.total,
    }),
  );
  if (position) toolbar.append(el('span', 'position', `${position.index} of ${position.total}`));
  toolbar.append(el('span', 'spacer'));
  toolbar.append(caretToggle());
  toolbar.append(button('Open Source Text', 'go-to-file', () => host.postMessage({ type: 'webviewDidRequestOpenSource' }), { showLabel: true }));
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

  state.entityTabStops.clear();
  state.annotationTabStops.clear();
  state.selected = undefined;
  state.markIndex = -1;
  state.annotationIndex = -1;
  setAnnotations(article.annotations);
  const body = el('article', 'article');
  body.lang = 'nb';
  for (const block of article.blocks) {
    const node = renderBlock(article.text, block);
    if (node) body.append(node);
  }

  untangleTabStops(body);
  // Focus goes here when nothing else fits (the last highlight deleted): never to the page body.
  body.tabIndex = -1;
  body.setAttribute('aria-label', 'Article');
  state.articleBody = body;
  // The overlays stay where they are when they are in place: moving them back after the article would take focus
  // from a note being written or a card entered (the article is drawn again when its annotations change elsewhere).
  if (OVERLAYS.every((overlay) => overlay.parentNode === root)) {
    for (const child of [...root.childNodes]) if (!OVERLAYS.includes(child as HTMLElement)) child.remove();
    root.prepend(header, body);
  } else root.replaceChildren(header, body, ...OVERLAYS);
  keepHeaderHeight(header);
  if (state.caret) {
    // Not while focus is in a note being written or a card: setting the selection would take it away.
    if (sameArticle) requestAnimationFrame(() => OVERLAYS.some((overlay) => overlay.contains(document.activeElement)) || drawCaret());
    else stopCaret();
  }
  selectionBar.hidden = true;
  selectionToolbar.hidden = true;
  // Its annotations may have changed: closed (focus in it goes to the highlight drawn again). A name's card stays, on the name drawn again.
  annotationHover.hide();
  entityHover.afterRender();
  // A note being written stays open while the same article is drawn again (its annotations changed elsewhere).
  if (!sameArticle) closeNoteEditor();
  root.removeAttribute('aria-busy');
  applyHiddenTypes();
  document.title = article.title;
  host.postMessage({
    type: 'webviewDidRender',
    uri: article.uri,
    headline: headlineText(),
    counts: countRendered(),
    highlights: countHighlights(),
    annotations: annotationTexts(),
    speakers: [...body.querySelectorAll<HTMLElement>('.quote-speaker')].map((label) => ({ speaker: label.dataset.speaker ?? '', kind: label.dataset.kind ?? '' })),
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

type Tidy = (text: string) => string;
const asIs: Tidy = (t) => t;

/**
 * Fills `node` with the block's text, its inline parts wrapped in spans (`part-dateline`,
 * `part-credit`, …). `gap` may tidy the plain text between parts for display (offsets stay on
 * the spans).
 */
function inline(node: HTMLElement, text: string, block: Block, gap: Tidy = asIs): HTMLElement {
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
 * Appends `text[start, end)` to `node` as text, with each entity mention in it wrapped in a highlight span and, after
 * each quote that ends in it, a quiet label naming its speaker (`speakerLabel`).
 */
function appendText(node: HTMLElement, text: string, start: number, end: number, tidy: Tidy = asIs): void {
  const quotes = state.shown?.quotes ?? [];
  let at = start;
  for (const quote of quotes) {
    if (quote.speaker === null || quote.end <= start || quote.end > end) continue;
    // A label never splits a name: it goes after the name a quote ends in.
    const after = Math.min(end, endOutsideMentions(quote.end));
    if (after < at) continue;
    appendMentions(node, text, at, after, tidy);
    node.append(speakerLabel(quote));
    at = after;
  }
  appendMentions(node, text, at, end, tidy);
}

/** `position`, or the end of the entity mention it falls inside. */
function endOutsideMentions(position: number): number {
  const mentions = state.shown?.mentions ?? [];
  const inside = mentions[firstEndingAfter(mentions, position)];
  return inside && inside.start < position && position < inside.end ? inside.end : position;
}

/**
 * The label after a quote: its speaker (drawn from `data-speaker` by the stylesheet, so that it is no part of the
 * article's text, its selections or its copies), with the kind of quote and its cue in the tooltip and for screen
 * readers.
 */
function speakerLabel(quote: ReaderQuote): HTMLElement {
  const label = el('span', `quote-speaker quote-${quote.kind}`);
  const speaker = quote.speaker ?? '';
  label.dataset.speaker = speaker;
  label.dataset.kind = quote.kind;
  const what = quote.kind === 'question' ? 'Asked by' : quote.kind === 'reported' ? 'Reported speech of' : 'Said by';
  const description = `${what} ${speaker}${quote.cue ? ` (“${quote.cue}”)` : ''}`;
  // A speaker with an entity id is a link to all their quotes (a click, or Enter or Space: `quotes.ts`); the host
  // checks the id against the corpus index.
  if (quote.speakerId) {
    label.dataset.entity = quote.speakerId;
    label.classList.add('quote-speaker-link');
    label.title = `${description}. Click to list all their quotes`;
    label.setAttribute('role', 'link');
    label.tabIndex = 0;
    label.setAttribute('aria-label', `${description}. All their quotes`);
  } else {
    label.title = description;
    label.setAttribute('role', 'note');
    label.setAttribute('aria-label', description);
  }
  return label;
}

/** Appends `text[start, end)` to `node` as text, with each entity mention in it (clipped to the range) wrapped in a highlight span. */
function appendMentions(node: HTMLElement, text: string, start: number, end: number, tidy: Tidy = asIs): void {
  const mentions = state.shown?.mentions ?? [];
  let at = start;
  for (let i = firstEndingAfter(mentions, start); i < mentions.length && mentions[i].start < end; i++) {
    const mention = mentions[i];
    const from = Math.max(mention.start, start);
    const to = Math.min(mention.end, end);
    if (from > at) appendMarked(node, text, at, from, tidy);
    const span = entitySpan(mention);
    appendMarked(span, text, from, to);
    if (span.tabIndex === 0) span.setAttribute('aria-label', `${span.textContent ?? ''}, ${ENTITY_TYPE_NAMES[mention.type]}`);
    node.append(span);
    at = to;
  }
  if (end > at) appendMarked(node, text, at, end, tidy);
}

/** Appends `text[start, end)` as text, with the search matches in it wrapped in `<mark>`. */
function appendMarked(node: HTMLElement, text: string, start: number, end: number, tidy: Tidy = asIs): void {
  const { marks } = state;
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

/**
 * Appends `text[start, end)` as text, the parts under user annotations wrapped in highlight
 * spans (the innermost annotation's colour where they overlap). The first piece of each
 * annotation is its tab stop.
 */
function appendAnnotated(node: HTMLElement, text: string, start: number, end: number, tidy: Tidy = asIs): void {
  for (const { start: from, end: to, covering, inner } of segments(state.annotationItems, start, end)) {
    const piece = textNode(tidy(text.slice(from, to)), from);
    if (!inner) {
      node.append(piece);
      continue;
    }
    const span = el('span', `anno anno-${inner.palette ?? 'none'}${covering.length > 1 ? ' anno-overlap' : ''}`);
    span.dataset.anno = inner.id;
    span.dataset.annos = covering.map((a) => a.id).join(' ');
    // The first piece of each annotation is a tab stop, also of one that others cover entirely.
    const starting = covering.filter((a) => !state.annotationTabStops.has(a.id));
    if (starting.length) {
      for (const a of starting) state.annotationTabStops.add(a.id);
      makeTabStop(span);
      span.setAttribute('aria-haspopup', 'dialog');
      span.dataset.first = starting.map((a) => a.id).join(' ');
      const what = covering.map((a) => `${a.colour || 'Highlight'} highlight${a.note ? ' with a note' : ''}`).join(', ');
      const first = starting[0];
      span.setAttribute('aria-label', `${truncate(text.slice(first.start, first.end), 80)}, ${what}`);
    }
    span.append(piece);
    node.append(span);
  }
}

/**
 * A name or highlight the keys reach: a button (Enter acts on it, Shift+Enter enters its card),
 * so screen readers announce its label and that it does something.
 */
function makeTabStop(span: HTMLElement): void {
  span.tabIndex = 0;
  span.setAttribute('role', 'button');
  span.setAttribute('aria-keyshortcuts', 'Enter Shift+Enter');
}

function dropTabStop(span: HTMLElement): void {
  span.removeAttribute('tabindex');
  span.removeAttribute('role');
  span.removeAttribute('aria-keyshortcuts');
  span.removeAttribute('aria-label');
}

/**
 * A highlight's first piece inside a name that is also a tab stop would be a button in a
 * button: the name gives its tab stop to its next mention that holds none.
 */
function untangleTabStops(body: HTMLElement): void {
  for (const piece of body.querySelectorAll<HTMLElement>('.anno[data-first]')) {
    const name = piece.parentElement?.closest<HTMLElement>('.entity[tabindex]');
    if (!name) continue;
    dropTabStop(name);
    const next = [...body.querySelectorAll<HTMLElement>('.entity')].find(
      (node) => node.dataset.entity === name.dataset.entity && node !== name && !node.querySelector('.anno[data-first]') && Number(node.dataset.start) > Number(name.dataset.start),
    );
    if (next && !next.hasAttribute('tabindex')) {
      makeTabStop(next);
      next.setAttribute('aria-label', `${next.textContent ?? ''}, ${ENTITY_TYPE_NAMES[next.dataset.type as EntityType]}`);
    }
  }
}

function entitySpan(mention: ReaderMention): HTMLElement {
  const span = el('span', `entity entity-${mention.type}`);
  span.dataset.entity = mention.entityId;
  span.dataset.type = mention.type;
  span.dataset.start = String(mention.start);
  span.dataset.end = String(mention.end);
  if (!state.entityTabStops.has(mention.entityId)) {
    state.entityTabStops.add(mention.entityId);
    makeTabStop(span);
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

export function renderFailure(fileName: string, reason: string): void {
  const box = el('div', 'failure');
  box.setAttribute('role', 'alert');
  const title = el('h1', 'failure-title');
  title.append(icon('error'), document.createTextNode(fileName ? ` ${fileName} cannot be shown` : ' The article cannot be shown'));
  box.append(title, el('p', 'failure-reason', reason));
  if (fileName) box.append(button('Open Source Text', 'go-to-file', () => host.postMessage({ type: 'webviewDidRequestOpenSource' }), { showLabel: true }));
  root.replaceChildren(box);
  root.removeAttribute('aria-busy');
}

const headerSize = new ResizeObserver((entries) => {
  for (const entry of entries) document.documentElement.style.setProperty('--reader-header-height', `${Math.ceil((entry.target as HTMLElement).offsetHeight)}px`);
});

/** The sticky header's height, for `scroll-padding-top`: what the keys bring into view is never under it. */
function keepHeaderHeight(header: HTMLElement): void {
  headerSize.disconnect();
  headerSize.observe(header);
}

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
