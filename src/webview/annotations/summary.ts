/** The header's line about annotations: counts by colour (a legend), those needing review, orphans, and read-only state. */
import { colourSwatch, el, icon, linkButton, plural } from '../dom';
import type { ReaderAnnotations } from '../protocol';
import { renderReview } from './review';
import { deleteAnnotation } from './undo';

export function renderAnnotationSummary(annotations: ReaderAnnotations): HTMLElement | undefined {
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
