/**
 * Annotations whose place is uncertain after the article changed: not drawn
 * as highlights; each offered with the words found, to show, accept (the
 * annotation moves there) or dismiss (it is listed as not found).
 */
import { colourSwatch, el, icon, linkButton, plural } from '../dom';
import type { ReaderAnnotations } from '../protocol';
import { reveal } from '../search';
import { host, state } from '../state';

export function renderReview(annotations: ReaderAnnotations): HTMLElement {
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
    const found = suggestion && state.shown ? state.shown.text.slice(suggestion.start, suggestion.end) : undefined;
    item.append(el('p', 'orphan-note', found !== undefined ? `Uncertain (${entry.reason}). Suggested: “${found}”` : `Not placed: ${entry.reason}.`));
    if (suggestion) item.append(linkButton('Show', () => reveal(suggestion), 'Scroll to the suggested words'));
    if (!annotations.readOnly) {
      if (suggestion) item.append(linkButton('Accept', () => host.postMessage({ type: 'webviewDidRequestAcceptSuggestion', id: entry.id }), 'Move the annotation to the suggested words'));
      item.append(linkButton('Dismiss', () => host.postMessage({ type: 'webviewDidRequestDismissSuggestion', id: entry.id }), 'Do not suggest a place; list it as not found'));
    }
    details.append(item);
  }
  return details;
}
