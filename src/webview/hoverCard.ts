/**
 * A card for the element under the pointer or focus that matches `selector` (a name, a
 * highlight). It hides a moment after both have left, so the pointer can move into it to use
 * its buttons. It is a non-modal dialog: Shift+Enter on its target moves focus into it, Tab
 * and Shift+Tab cycle through its buttons, Escape goes back to the target.
 */
import { placeNear } from './overlays';
import { root, state } from './state';

const FOCUSABLE = 'button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export class HoverCard {
  /** The element the card is about. */
  target: HTMLElement | undefined;
  private timer: number | undefined;

  constructor(
    readonly node: HTMLElement,
    private readonly selector: string,
    /** Fills the card for `target`; false when there is nothing to show. */
    private readonly fill: (card: HTMLElement, target: HTMLElement) => boolean,
    private readonly where: 'above' | 'below',
    /** Whether the card may open now. */
    private readonly allowed: () => boolean = () => true,
    /** The element drawn in place of `old` when the article was drawn again, if there is one. */
    private readonly relocate: (old: HTMLElement) => HTMLElement | undefined = () => undefined,
  ) {}

  /** Listens to the pointer and focus in the reader. */
  install(): void {
    root.addEventListener('mouseover', (event) => {
      const node = event.target as HTMLElement;
      if (this.node.contains(node)) {
        window.clearTimeout(this.timer);
        return;
      }
      const target = node.closest<HTMLElement>(this.selector);
      if (target && this.allowed()) this.show(target);
      else if (!this.node.hidden && !this.hasFocus()) this.hideSoon();
    });
    root.addEventListener('mouseleave', () => {
      if (!this.hasFocus()) this.hideSoon();
    });
    root.addEventListener('focusin', (event) => {
      if (this.node.contains(event.target as Node)) {
        window.clearTimeout(this.timer);
        return;
      }
      const target = (event.target as HTMLElement).closest<HTMLElement>(this.selector);
      if (target && this.allowed()) this.show(target);
    });
    root.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !this.node.contains(next)) this.hideSoon();
    });
  }

  show(target: HTMLElement): void {
    window.clearTimeout(this.timer);
    // Filled again (new corpus facts while focus is in it): focus stays on the same button, not on the page.
    const focused = this.hasFocus() ? (document.activeElement as HTMLElement) : undefined;
    const at = focused ? this.focusables().indexOf(focused) : -1;
    if (!this.fill(this.node, target)) return;
    this.target?.removeAttribute('aria-describedby');
    this.target = target;
    this.node.hidden = false;
    placeNear(this.node, target.getBoundingClientRect(), this.where);
    target.setAttribute('aria-describedby', this.node.id);
    if (focused && !this.hasFocus()) {
      const items = this.focusables();
      (items.find((item) => sameControl(item, focused)) ?? items[Math.min(at, items.length - 1)] ?? target).focus({ preventScroll: true });
    }
  }

  /** After the article was drawn again: an open card follows its target to the element drawn in its place, or closes. */
  afterRender(): void {
    if (this.node.hidden || !this.target || this.target.isConnected) return;
    const target = this.relocate(this.target);
    if (target) this.show(target);
    else this.hide();
  }

  hide(): void {
    window.clearTimeout(this.timer);
    // Focus in the card goes back to what it is about (as drawn now), never to the page.
    if (this.hasFocus()) (this.currentTarget() ?? state.articleBody)?.focus({ preventScroll: true });
    this.node.hidden = true;
    this.target?.removeAttribute('aria-describedby');
    this.target = undefined;
  }

  hideSoon(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), 300);
  }

  hasFocus(): boolean {
    return this.node.contains(document.activeElement);
  }

  /** Opens the card for `target` and moves focus to its first button; false when it has none. */
  enter(target: HTMLElement): boolean {
    this.show(target);
    if (this.node.hidden || this.target !== target) return false;
    const first = this.focusables()[0];
    if (!first) return false;
    first.focus();
    return true;
  }

  /** Keys while focus is in the card: Tab cycles inside it, Escape goes back. True when taken. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.hasFocus()) return false;
    if (event.key === 'Escape') {
      (this.currentTarget() ?? state.articleBody)?.focus({ preventScroll: true });
      event.preventDefault();
      event.stopPropagation();
      return true;
    }
    if (event.key === 'Tab') {
      const items = this.focusables();
      if (items.length === 0) return false;
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = items[(at + (event.shiftKey ? -1 : 1) + items.length) % items.length];
      next.focus();
      event.preventDefault();
      return true;
    }
    return false;
  }

  /** The target, or the element drawn in its place if the article was drawn again since. */
  private currentTarget(): HTMLElement | undefined {
    const target = this.target;
    if (!target || target.isConnected) return target;
    return this.relocate(target);
  }

  private focusables(): HTMLElement[] {
    return [...this.node.querySelectorAll<HTMLElement>(FOCUSABLE)];
  }
}

/** The same button or link of a card filled again: the same text and tooltip. */
function sameControl(a: HTMLElement, b: HTMLElement): boolean {
  return a.tagName === b.tagName && a.textContent === b.textContent && a.title === b.title;
}
