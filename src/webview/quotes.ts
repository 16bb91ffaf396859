/**
 * A quote's speaker label as a link to all their quotes: a click, or Enter or Space on the focused label
 * (`keyboard.ts`), asks the host to show the speaker's quotes in the Quotes view. The host checks the id
 * against the corpus index before the command runs.
 */
import { host, root } from './state';

/** Asks the host for the quotes of the entity `entityId` (a label's or a card's). */
export function requestQuotes(entityId: string): void {
  host.postMessage({ type: 'webviewDidRequestQuotes', entityId });
}

export function installSpeakerClicks(): void {
  root.addEventListener('click', (event) => {
    const label = (event.target as HTMLElement).closest<HTMLElement>('.quote-speaker');
    if (!label?.dataset.entity) return;
    // A plain click: a drag that selects text ends here too, and must not open the Quotes view.
    if (!document.getSelection()?.isCollapsed) return;
    requestQuotes(label.dataset.entity);
  });
}
