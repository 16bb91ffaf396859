/**
 * Quotes and the drafts they are made from: what `findQuotes` returns, and what its passes hand each other.
 */
import type { Block, Span } from '../article';
import { type Speaker } from './speakerNames';
import { type Subject } from './subjects';

export type QuoteKind = 'direct' | 'reported' | 'question';

export interface Quote {
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  /** The speaker's canonical name, or null when the article does not say who spoke. */
  readonly speaker: string | null;
  /** The speaker's entity id, or null (unresolved, or a name the recognizer did not find). */
  readonly speakerId: string | null;
  /** The speech verb as written (`sier`, `la til`, `ifølge`), or null when the quote has none of its own. */
  readonly cue: string | null;
}

export const QUOTE_KINDS: readonly QuoteKind[] = ['direct', 'reported', 'question'];

/** How a draft's speaker is found once the spans are known. */
export type Source =
  /** `label`: the name is an interview's label (`BERGLUND:`), which names the person interviewed when it fits them. */
  | { readonly kind: 'subject'; readonly subject: Subject; readonly at: number; readonly label?: true }
  | { readonly kind: 'same'; readonly as: Draft }
  | { readonly kind: 'previous' }
  | { readonly kind: 'interviewer' }
  /** An interview's answer: whom it interviews. */
  | { readonly kind: 'answer' }
  | { readonly kind: 'none' };

export interface Draft {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: string | null;
  source: Source;
  speaker?: Speaker | null;
}

export interface Segment extends Span {
  readonly block: Block;
  /** The block's place in the article. */
  readonly index: number;
  /** An interview's speaker label (`VG:`, `STØRE:`, `Hansen:`) before the segment. */
  readonly label?: Span;
  /** In an interview whose questions and answers are plain paragraphs: which this is. */
  readonly turn?: 'question' | 'answer';
}
