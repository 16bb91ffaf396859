/**
 * Where the corpus and its indexes are, for every view that must say so:
 * one status for the Entities view's welcome and message and the search
 * box's first row, kept by the corpus index service.
 */
export type IndexStatus =
  /** The first load is reading files (`total` unknown while files are still being looked for). */
  | { readonly phase: 'loading'; readonly read: number; readonly total?: number }
  /** The articles are read; names and words are being indexed. */
  | { readonly phase: 'indexing'; readonly done: number; readonly total: number }
  /** Loaded, and no article was found. */
  | { readonly phase: 'empty' }
  /** Loaded and indexed: what the indexes hold is all there is. */
  | { readonly phase: 'ready' };

export type IndexPhase = IndexStatus['phase'];

/** Whether the corpus is still loading or being indexed (results so far are partial). */
export function inProgress(status: IndexStatus): boolean {
  return status.phase === 'loading' || status.phase === 'indexing';
}

const count = (n: number) => n.toLocaleString('en');

/**
 * How far loading or indexing has got, as the search box's first row says
 * it ("Indexing… 4,210 of 10,000 articles"), or as the Entities view's
 * message (`names`: "Finding names: 4,210 of 10,000 articles…"); undefined
 * when there is nothing in progress, or nothing counted yet for the view.
 */
export function progressLine(status: IndexStatus, view: 'search' | 'names'): string | undefined {
  if (status.phase === 'loading') {
    if (status.total === undefined) return view === 'search' ? 'Loading the corpus… looking for article files' : undefined;
    return view === 'search' ? `Loading the corpus… ${count(status.read)} of ${count(status.total)} files read` : `Reading the corpus: ${count(status.read)} of ${count(status.total)} files…`;
  }
  if (status.phase === 'indexing') {
    return view === 'search' ? `Indexing… ${count(status.done)} of ${count(status.total)} articles` : `Finding names: ${count(status.done)} of ${count(status.total)} articles…`;
  }
  return undefined;
}
