/** The scroll position, kept in the webview state so it survives being hidden and reloaded. */
import { host, state } from './state';

/** A restore asked for and not yet done (it waits for the next frame): the position the reader is going to. */
let pendingRestore: number | undefined;

export function scrollFraction(): number {
  // A redraw between a restore and its frame (annotations arriving right after the article) keeps the restore.
  if (pendingRestore !== undefined) return pendingRestore;
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
}

export function restoreScroll(fraction: number): void {
  pendingRestore = fraction;
  requestAnimationFrame(() => {
    // Done already by an earlier frame's callback, or replaced by a later restore that this frame also serves.
    if (pendingRestore === undefined) return;
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, pendingRestore * Math.max(0, max));
    pendingRestore = undefined;
    saveState();
  });
}

export function saveState(): void {
  if (state.shown) host.setState({ uri: state.shown.uri, scroll: scrollFraction() });
}

/** Saves the position 150 ms after scrolling stops. */
export function installScrollSaving(): void {
  let timer: number | undefined;
  window.addEventListener('scroll', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(saveState, 150);
  });
}
