/**
 * Quotes in a Norwegian news article, and who said them: paragraphs opened by a dash (`– …, sier Kari
 * Dahl.`), quotes inline in «…» or "…", quotes in photo captions, an interview's questions, and reported
 * speech (`Lavrov sa også at …`, `Ifølge politiet …`, `…, opplyser vegvesenet.`). Found in two passes: the
 * spans and what their cues say of the speaker, then the speakers resolved in reading order (`speakers.ts`),
 * so that a pronoun or a quote without a cue can lean on what came before.
 */
import type { Article, Span } from '../article';
import type { EntityMention } from '../entities/types';
import { skipSpace, trimEnd } from './sentences';
import type { Draft, Quote, Source } from './quoteTypes';

export { type Quote, type QuoteKind, QUOTE_KINDS } from './quoteTypes';
import { DASH_AT_START, dashStarts, mentionFinder, segmentsOf, skipDash } from './segments';
import { answered, attribution, attributionAfter, describesSomeone, type Introduction, introductions, labelled, narrates, trimQuoteEnd } from './attribution';
import { narration } from './narration';
import { resolve } from './resolveQuotes';

/** Requests that ask as a question does: `Fortell om tittelen.`, `Beskriv dagen.` */
const TELLING = /^(?:Fortell|Beskriv|Forklar|Utdyp|Tenk deg|Gi oss|Nevn)\b[^.!?]{0,100}[.!]$/u;

/** Whether a dash quote with no cue is an interviewer's request to tell: one short sentence opened by the verb. */
function asksToTell(text: string, start: number, end: number): boolean {
  return TELLING.test(text.slice(start, end));
}

/** What quotes are found from: the text, its parts, its byline and the newsroom its dateline names (which may be none). */
export type QuotedArticle = Pick<Article, 'text' | 'blocks' | 'byline' | 'source'>;

export function findQuotes(article: QuotedArticle, mentions: readonly EntityMention[]): Quote[] {
  const { text } = article;
  const segments = segmentsOf(article);
  const drafts: Draft[] = [];
  /** Spans of direct quotes and questions: no reported speech or antecedent inside them. */
  const quoted: Span[] = [];
  const mentionAt = mentionFinder(mentions);
  /** Sentences that only attribute a quote before them (`Det sier X.`): no reported speech of their own. */
  const consumed: Span[] = [];

  const intros = introductions(text, segments, mentionAt);
  for (const intro of intros.values()) {
    consumed.push(intro.sentence);
    // `Hølaas-Bakke sier han er rørt over engasjementet:` is reported speech of its own, and the quote after it has no cue.
    if (intro.content && intro.subject) drafts.push({ start: intro.sentence.start, end: intro.sentence.end, kind: 'reported', cue: intro.cue, source: { kind: 'subject', subject: intro.subject, at: intro.at } });
  }
  let pendingCue: string | null = null;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    if (segment.turn) {
      const end = trimEnd(text, segment.start, segment.end);
      const draft: Draft = { start: segment.start, end, kind: segment.turn === 'question' ? 'question' : 'direct', cue: null, source: { kind: segment.turn === 'question' ? 'interviewer' : 'answer' } };
      drafts.push(draft);
      quoted.push(draft);
      continue;
    }
    if (segment.label) {
      const draft = labelled(text, segment, mentionAt, article.source);
      drafts.push(draft);
      quoted.push(draft);
      continue;
    }
    const starts = dashStarts(text, segment);
    for (let d = 0; d < starts.length; d++) {
      const regionEnd = d + 1 < starts.length ? starts[d + 1] : segment.end;
      let from = skipSpace(text, starts[d] + 1, regionEnd);
      let first: Draft | undefined;
      while (from < regionEnd) {
        const found = attribution(text, from, regionEnd, mentionAt);
        const end = trimQuoteEnd(text, from, found ? found.quoteEnd : regionEnd);
        if (end <= from) break;
        let source: Source;
        let cue: string | null = null;
        if (found) {
          source = { kind: 'subject', subject: found.subject, at: found.at };
          cue = found.cue;
        } else if (first) {
          source = { kind: 'same', as: first };
        } else {
          source = { kind: 'previous' };
        }
        const draft: Draft = { start: from, end, kind: 'direct', cue, source };
        if (!found && first) draft.cue = null;
        if (!found && !first) {
          const after = attributionAfter(text, segments, s, regionEnd, mentionAt);
          if (after) {
            draft.source = { kind: 'subject', subject: after.subject, at: after.at };
            draft.cue = after.cue;
            consumed.push(after.sentence);
          } else if (intros.has(starts[d])) {
            // `Rådmannen er tydelig:` before the quote.
            const intro = intros.get(starts[d]) as Introduction;
            if (intro.subject) draft.source = { kind: 'subject', subject: intro.subject, at: intro.at };
            draft.cue = intro.content ? null : intro.cue;
          } else if (pendingCue) {
            draft.cue = pendingCue;
          }
          if (!after && (text[end - 1] === '?' || asksToTell(text, from, end)) && answered(text, segments, s, d, starts)) {
            draft.kind = 'question';
            draft.source = { kind: 'interviewer' };
          }
        }
        pendingCue = null;
        drafts.push(draft);
        quoted.push(draft);
        first ??= draft;
        if (!found) break;
        if (found.introduces) pendingCue = found.introduces;
        const rest = skipSpace(text, found.attributionEnd, regionEnd);
        // `– A, sier Hansen. Han legger til at …`: after the attribution, the narration may go on.
        if (rest < regionEnd && !DASH_AT_START.test(text.slice(rest, rest + 2)) && (narrates(text, rest, regionEnd, mentionAt) || describesSomeone(text, rest, regionEnd))) {
          narration(text, { start: rest, end: regionEnd }, segment, mentionAt, drafts, quoted, consumed);
          break;
        }
        from = skipDash(text, rest, regionEnd);
      }
    }
    // The narration: before the first dash quote of the segment.
    const narrationEnd = starts.length ? starts[0] : segment.end;
    if (narrationEnd > segment.start) {
      narration(text, { start: segment.start, end: narrationEnd }, segment, mentionAt, drafts, quoted, consumed);
    }
  }

  return resolve(article, mentions, drafts, quoted);
}
