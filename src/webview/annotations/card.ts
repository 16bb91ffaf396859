/** A highlight's card (hover or focus): its colour, tags and note, with Edit and Delete. */
import { inlineTokens, noteParagraphs } from '../lib/markdown';
import { colourSwatch, el, linkButton, plural } from '../dom';
import { cardHint } from '../entities/card';
import { HoverCard } from '../hoverCard';
import { annotationCard, noteEditor } from '../overlays';
import { state } from '../state';
import { openNoteEditor } from './editor';
import { annotationsAt, firstPieceOf, truncate } from './model';
import { deleteAnnotation } from './undo';

// Above the text: the entity card goes below it, so both can show. Not while a note is being written.
export const annotationHover = new HoverCard(
  annotationCard,
  '.anno',
  fillAnnotationCard,
  'above',
  () => noteEditor.hidden === true,
  (old) => firstPieceOf(old.dataset.anno ?? ''),
);

function fillAnnotationCard(card: HTMLElement, target: HTMLElement): boolean {
  // Every annotation over this text, innermost first: one that others cover entirely is reachable here too.
  const items = annotationsAt(target);
  if (items.length === 0) return false;
  const parts: HTMLElement[] = [];
  for (const item of items) {
    const section = el('section', 'card-annotation');
    const title = el('div', 'card-title');
    if (parts.length === 0) title.id = 'annotation-card-title';
    title.append(colourSwatch(item.palette), el('strong', undefined, item.colour || 'Highlight'));
    section.append(title);
    if (items.length > 1) section.append(el('blockquote', 'note-quote', truncate(state.shown?.text.slice(item.start, item.end) ?? '', 80)));
    if (item.tags.length) {
      const tags = el('div', 'card-tags');
      for (const tag of item.tags) tags.append(el('span', 'tag', `#${tag}`));
      section.append(tags);
    }
    section.append(item.note ? noteElement(item.note) : el('p', 'card-note card-pending', 'No note.'));
    const meta = [`Changed ${item.modifiedLabel}`];
    if (item.replies) meta.push(plural(item.replies, 'reply', 'replies'));
    section.append(el('div', 'card-count', meta.join(' · ')));
    if (!state.annotations.readOnly) {
      const actions = el('div', 'card-actions');
      actions.append(
        linkButton(item.note ? 'Edit note' : 'Add note', () => openNoteEditor({ kind: 'edit', item }), 'Edit the note, colour and tags (Enter)'),
        linkButton('Delete', () => deleteAnnotation(item.id), 'Delete this annotation (Delete; Ctrl+Z undoes)'),
      );
      section.append(actions);
    }
    parts.push(section);
  }
  if (document.activeElement === target && !state.annotations.readOnly) parts.push(cardHint());
  card.replaceChildren(...parts);
  return true;
}

/**
 * A note's Markdown, shown safely: paragraphs and line breaks, **bold**, *italic*, `code`, and
 * links as their text (the address in a tooltip; the reader opens nothing). Built as DOM nodes
 * with text content, never HTML.
 */
function noteElement(markdown: string): HTMLElement {
  const box = el('div', 'card-note');
  for (const lines of noteParagraphs(markdown)) {
    const p = el('p');
    lines.forEach((line, index) => {
      if (index > 0) p.append(el('br'));
      for (const token of inlineTokens(line)) {
        if (token.kind === 'text') p.append(document.createTextNode(token.text));
        else if (token.kind === 'link') {
          const link = el('span', 'note-link', token.text);
          link.title = token.href;
          p.append(link);
        } else p.append(el(token.kind, undefined, token.text));
      }
    });
    box.append(p);
  }
  return box;
}
