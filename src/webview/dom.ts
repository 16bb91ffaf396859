/** Small DOM builders shared by the reader's features. Text goes in as text, never as HTML. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function icon(name: string): HTMLElement {
  const node = el('span', `codicon codicon-${name}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

export function button(label: string, iconName: string, onClick: () => void, options: { disabled?: boolean; showLabel?: boolean } = {}): HTMLButtonElement {
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

/** A button that looks like a link (in cards). */
export function linkButton(label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const node = el('button', 'card-link', label);
  node.type = 'button';
  if (title) node.title = title;
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

export function colourSwatch(palette: string | undefined): HTMLElement {
  const swatch = el('span', `anno-swatch anno-${palette ?? 'none'}`);
  swatch.setAttribute('aria-hidden', 'true');
  return swatch;
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Restarts the `flash` animation on `node` (a passage the reader was opened at). */
export function flash(node: HTMLElement): void {
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
}
