/** Where a set of annotations sits in an article's text now: placed ones in text order, those to review, and the orphans. */
import { anchor, WorkBudget } from './anchoring';
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

/** An annotation not placed without the user's word: where it may now be, if anywhere was found. */
export interface ReviewAnnotation {
  readonly annotation: Annotation;
  readonly reason: string;
  /** UTF-16 offsets into the article text. */
  readonly suggestion?: { readonly start: number; readonly end: number };
}

export interface Placement {
  /** In text order (then the longer first). */
  readonly placed: readonly PlacedAnnotation[];
  /** Uncertain matches, offered for review: in text order of their suggestions (those without one last, in the order they were made). */
  readonly review: readonly ReviewAnnotation[];
  /** In the order they were made. */
  readonly orphans: readonly OrphanAnnotation[];
}

/** Anchors each annotation in `text` (undefined: the article is gone, so every one is an orphan), each within its own work budget. */
export function placeAnnotations(text: string | undefined, annotations: readonly Annotation[], budget?: number): Placement {
  const placement = emptyPlacement();
  for (const annotation of annotations) placeOne(placement, text, annotation, budget);
  return sortPlacement(placement);
}

/** Mutable lists to place into one by one (for placing in slices). */
export interface PlacementBuilder {
  readonly placed: PlacedAnnotation[];
  readonly review: ReviewAnnotation[];
  readonly orphans: OrphanAnnotation[];
}

export function emptyPlacement(): PlacementBuilder {
  return { placed: [], review: [], orphans: [] };
}

/** Anchors one annotation into `into`. */
export function placeOne(into: PlacementBuilder, text: string | undefined, annotation: Annotation, budget?: number): void {
  if (text === undefined) {
    into.orphans.push({ annotation, reason: 'the article is not in the corpus' });
    return;
  }
  const found = anchor(text, selectorsOf(annotation), new WorkBudget(budget));
  if (found.status === 'anchored') into.placed.push({ annotation, start: found.start, end: found.end, method: found.method });
  else if (found.status === 'review') into.review.push({ annotation, reason: found.reason, ...(found.suggestion ? { suggestion: found.suggestion } : {}) });
  else into.orphans.push({ annotation, reason: found.reason });
}

/** The lists in their orders. */
export function sortPlacement(placement: PlacementBuilder): Placement {
  const byCreated = (a: { annotation: Annotation }, b: { annotation: Annotation }) =>
    a.annotation.created < b.annotation.created ? -1 : a.annotation.created > b.annotation.created ? 1 : 0;
  placement.placed.sort((a, b) => a.start - b.start || b.end - a.end);
  placement.review.sort((a, b) => (a.suggestion && b.suggestion ? a.suggestion.start - b.suggestion.start : a.suggestion ? -1 : b.suggestion ? 1 : byCreated(a, b)));
  placement.orphans.sort(byCreated);
  return placement;
}
