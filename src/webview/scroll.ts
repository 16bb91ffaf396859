/** The scroll position, kept in the webview state so it survives being hidden and reloaded. */
import { host, state } from './state';

export function scrollFraction(): number {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
}

export function restoreScroll(fraction: number): void {
  requestAnimationFrame(() => {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, fraction * Math.max(0, max));
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
