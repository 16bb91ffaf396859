/**
 * A card for the element under the pointer or focus that matches `selector` (a name, a
 * highlight). It hides a moment after both have left, so the pointer can move into it to use
 * its buttons.
 */
import { placeNear } from './overlays';
import { root } from './state';

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
      else if (!this.node.hidden) this.hideSoon();
    });
    root.addEventListener('mouseleave', () => this.hideSoon());
    root.addEventListener('focusin', (event) => {
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
