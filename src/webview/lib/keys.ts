/**
 * The reader's keyboard dispatch: one ordered list of handlers, the first that takes a key ends
 * it. Pure (no DOM), so the order is unit-tested; `../keyboard.ts` lists the real handlers.
 */

/** What a handler needs to know of a key press (a `KeyboardEvent` has all of it). */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

export interface KeyHandler<E extends KeyPress = KeyPress> {
  /** For the documentation and the tests. */
  readonly name: string;
  /** Handles the key if it is this handler's, returning true; false passes it to the next handler. */
  readonly handle: (event: E) => boolean;
}

/** Runs `handlers` in order until one takes the key; returns its name, or undefined when none did. */
export function dispatchKey<E extends KeyPress>(handlers: readonly KeyHandler<E>[], event: E): string | undefined {
  for (const handler of handlers) if (handler.handle(event)) return handler.name;
  return undefined;
}

/** Whether a modifier other than Shift is held (such keys belong to the workbench, not the reader). */
export function hasCommandModifier(event: KeyPress): boolean {
  return event.altKey || event.ctrlKey || event.metaKey;
}

/** +1 for `n`, −1 for `N`/Shift+n (the same for `a`): the direction of a "next/previous" key, or 0 when `key` is not `letter`. */
export function stepOf(event: KeyPress, letter: string): -1 | 0 | 1 {
  if (event.key !== letter && event.key !== letter.toUpperCase()) return 0;
  return event.shiftKey || event.key === letter.toUpperCase() ? -1 : 1;
}
