/**
 * Where a floating element (a card, the selection toolbar, the note editor) goes: pure
 * arithmetic on boxes, unit-tested on Node.
 */

/** A box in viewport coordinates, as `getBoundingClientRect()` gives it. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
}

/** The gap between the element and what it is about, in pixels. */
export const POPUP_GAP = 6;

/**
 * The `left` and `top` (relative to the container) of a popup of `size` next to `target`:
 * left-aligned with it but inside the container, below it, or above it when asked and there
 * is room above on screen.
 */
export function placement(
  target: Box,
  container: Box,
  size: { readonly width: number; readonly height: number },
  where: 'above' | 'below',
): { left: number; top: number } {
  const left = Math.max(0, Math.min(target.left - container.left, container.width - size.width));
  const fitsAbove = target.top - size.height - POPUP_GAP >= 0;
  const top = where === 'above' && fitsAbove ? target.top - container.top - size.height - POPUP_GAP : target.bottom - container.top + POPUP_GAP;
  return { left, top };
}
