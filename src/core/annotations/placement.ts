/** Where a set of annotations sits in an article's text now: placed ones in text order, and the orphans. */
import { anchor } from './anchoring';
import { type Annotation, selectorsOf } from './model';

export interface PlacedAnnotation {
  readonly annotation: Annotation;
  /** UTF-16 offsets into the article text. */
  readonly start: number;
  readonly end: number;
  readonly method: 'position' | 'quote' | 'fuzzy';
}

export interface OrphanAnnotation {
  readonly annotation: Annotation;
  readonly reason: string;
}

export interface Placement {
  /** In text order (then the longer first). */
  readonly placed: readonly PlacedAnnotation[];
  /** In the order they were made. */
  readonly orphans: readonly OrphanAnnotation[];
}

/** Anchors each annotation in `text` (undefined: the article is gone, so every one is an orphan). */
export function placeAnnotations(text: string | undefined, annotations: readonly Annotation[]): Placement {
  const placed: PlacedAnnotation[] = [];
  const orphans: OrphanAnnotation[] = [];
  for (const annotation of annotations) {
    if (text === undefined) {
      orphans.push({ annotation, reason: 'the article is not in the corpus' });
      continue;
    }
    const found = anchor(text, selectorsOf(annotation));
    if (found.status === 'anchored') placed.push({ annotation, start: found.start, end: found.end, method: found.method });
    else orphans.push({ annotation, reason: found.reason });
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  orphans.sort((a, b) => (a.annotation.created < b.annotation.created ? -1 : a.annotation.created > b.annotation.created ? 1 : 0));
  return { placed, orphans };
}
