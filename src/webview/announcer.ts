/**
 * What the reader says to screen readers. One polite live region, in the DOM from load on
 * (outside `#reader`, so rendering never replaces it), visually hidden but exposed to
 * assistive technology; only its text changes.
 */
import { el } from './dom';

export const announcer = el('div', 'visually-hidden');
announcer.id = 'reader-announcer';
announcer.setAttribute('role', 'status');
announcer.setAttribute('aria-live', 'polite');
announcer.setAttribute('aria-atomic', 'true');

/** Puts the region into the page; once, at load. */
export function installAnnouncer(): void {
  document.body.append(announcer);
}

/** Says `text` (again, if it is what was said last: a no-break space makes it a change). */
export function announce(text: string): void {
  announcer.textContent = announcer.textContent === text ? `${text}\u00a0` : text;
}
