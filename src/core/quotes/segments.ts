/**
 * The parts of an article where quotes are (headlines, leads, paragraphs, captions), an interview's labelled
 * and plain turns, and where dash quotes start.
 */
import type { Article, Span } from '../article';
import type { EntityMention } from '../entities/types';
import { type Word, skipSpace, trimEnd } from './sentences';
import { type Segment } from './quoteTypes';

export const DASH_AT_START = /^[–—―-][ \u00a0]/u;
export const DASH_INSIDE = /(?<=[.!?:]["»”]?[ \u00a0]+)(?:[–—―][ \u00a0]|-[ \u00a0](?=\p{Lu}))/gu;
/** The parts of an article where quotes are: the text of headlines, leads, paragraphs and captions. */
export function segmentsOf(article: Pick<Article, 'text' | 'blocks'>): Segment[] {
  const segments: Segment[] = [];
  for (const [index, block] of article.blocks.entries()) {
    let { start, end } = block;
    let label: Span | undefined;
    switch (block.kind) {
      case 'headline':
      case 'lead':
      case 'paragraph':
      case 'quote':
        break;
      case 'subheading':
        // A short question may be an interview's (`Angrer du?`); it is a quote only as one (see plainInterview).
        if (!article.text.slice(block.start, block.end).trimEnd().endsWith('?')) continue;
        break;
      case 'caption': {
        const captionLabel = block.parts.find((part) => part.kind === 'captionLabel');
        const credit = block.parts.find((part) => part.kind === 'credit');
        if (captionLabel) start = captionLabel.end + 1;
        if (credit) end = credit.start;
        break;
      }
      default:
        continue;
    }
    for (const part of block.parts) {
      if (part.kind === 'dateline' && part.start <= start) start = Math.max(start, part.end);
      if (part.kind === 'speaker') {
        label = { start: part.start, end: part.end };
        start = part.end + 1;
      }
    }
    start = skipSpace(article.text, start, end);
    end = trimEnd(article.text, start, end);
    if (end > start) segments.push({ start, end, block, index, label });
  }
  return plainInterview(article.text, namedLabels(article.text, segments));
}

/** `Hansen: Jeg mener …`, `Kari Holm: Hva nå?`: a name and a colon opening two or more paragraphs label an interview's turns. */
export const NAME_LABEL = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}):[ \u00a0]+(?=\S)/u;

export function namedLabels(text: string, segments: Segment[]): Segment[] {
  // (A short question may be parsed as a subheading: `Spørsmål: Hvorfor Norge?`.)
  const labelled = segments.filter((x) => !x.label && (x.block.kind === 'paragraph' || x.block.kind === 'subheading') && NAME_LABEL.test(text.slice(x.start, x.end)));
  const withLabels =
    labelled.length < 2
      ? segments
      : segments.map((x) => {
          if (!labelled.includes(x)) return x;
          const match = NAME_LABEL.exec(text.slice(x.start, x.end)) as RegExpExecArray;
          return { ...x, label: { start: x.start, end: x.start + match[1].length }, start: skipSpace(text, x.start + match[0].length, x.end) };
        });
  // An answer that runs over several paragraphs: the plain ones after a labelled answer are the same turn.
  const labels = withLabels.filter((x) => x.label).length;
  if (labels < 2) return withLabels;
  let answering = false;
  return withLabels.map((x, i) => {
    const previous = withLabels[i - 1];
    if (x.label) {
      answering = !text.slice(x.start, x.end).trimEnd().endsWith('?');
      return x;
    }
    if (answering && x.block.kind === 'paragraph' && previous?.index === x.index - 1 && !DASH_AT_START.test(text.slice(x.start, x.start + 2)) && FIRST_PERSON.test(text.slice(x.start, x.end))) return { ...x, turn: 'answer' as const };
    answering = false;
    return x;
  });
}

/** An answer speaks in the first person; narration after it does not. */
export const FIRST_PERSON = /(?<![\p{L}\p{N}])(?:jeg|eg|meg|min|mitt|mine|vi|me|oss|vår|vårt|våre)(?![\p{L}\p{N}])/iu;

/** A question in an interview of plain paragraphs: short, asking, no dash or label. */
export const PLAIN_QUESTION_CHARS = 400;
export const ADDRESSING = /\b(?:du|deg|din|ditt|dine|dere|deres)\b/iu;

/**
 * An interview printed as plain paragraphs: questions (short paragraphs ending in `?`) each followed by the
 * answer in one or more plain paragraphs, until the next question or subheading, or by an answer opened by a dash
 * (a quote, attributed as dash quotes are). Three such questions, or two
 * that address the interviewee (`du`, `dere`), make an interview.
 */
export function plainInterview(text: string, segments: Segment[]): Segment[] {
  const plain = (x: Segment | undefined): boolean => x !== undefined && !x.label && x.block.kind === 'paragraph' && !DASH_AT_START.test(text.slice(x.start, x.start + 2));
  const asking = (x: Segment): boolean => !x.label && (x.block.kind === 'paragraph' || x.block.kind === 'subheading') && !DASH_AT_START.test(text.slice(x.start, x.start + 2));
  // (The answer may be printed with a dash, as a quote of its own: `Hvorfor ble du trener?` then `– Jeg elsket spillet.`)
  const answer = (x: Segment | undefined): boolean => plain(x) || (x !== undefined && !x.label && (x.block.kind === 'paragraph' || x.block.kind === 'quote') && DASH_AT_START.test(text.slice(x.start, x.start + 2)));
  const questions = segments.filter((x, i) => {
    const value = text.slice(x.start, x.end);
    return asking(x) && value.endsWith('?') && value.length <= PLAIN_QUESTION_CHARS && answer(segments[i + 1]) && segments[i + 1].index === x.index + 1;
  });
  const interview = questions.length >= 3 || (questions.length >= 2 && questions.every((q) => ADDRESSING.test(text.slice(q.start, q.end))));
  // (A subheading stays only as an interview's turn: a plain question, or a labelled one, `Spørsmål: Hvorfor?`.)
  if (!interview) return segments.filter((x) => x.block.kind !== 'subheading' || x.label);
  let answering = false;
  return segments.map((x, i) => {
    if (questions.includes(x)) {
      answering = true;
      return { ...x, turn: 'question' as const };
    }
    const previous = segments[i - 1];
    if (answering && plain(x) && previous && previous.index === x.index - 1) return { ...x, turn: 'answer' as const };
    answering = false;
    return x;
  }).filter((x) => x.block.kind !== 'subheading' || x.turn || x.label);
}

/** Where dash quotes start in a segment: at its start, or after a sentence's end (`… TV 2. – Man regner …`). */
export function dashStarts(text: string, segment: Segment): number[] {
  const value = text.slice(segment.start, segment.end);
  const starts: number[] = [];
  if (DASH_AT_START.test(value) && (segment.block.kind !== 'headline' || value.length > 0)) starts.push(segment.start);
  DASH_INSIDE.lastIndex = 0;
  for (let match = DASH_INSIDE.exec(value); match; match = DASH_INSIDE.exec(value)) {
    if (match.index > 0) starts.push(segment.start + match.index);
  }
  return starts;
}

export function skipDash(text: string, at: number, end: number): number {
  return DASH_AT_START.test(text.slice(at, Math.min(end, at + 2))) ? skipSpace(text, at + 1, end) : at;
}

export function mentionFinder(mentions: readonly EntityMention[]): (word: Word) => EntityMention | undefined {
  const byStart = new Map<number, EntityMention>();
  for (const mention of mentions) if (!byStart.has(mention.start)) byStart.set(mention.start, mention);
  return (word) => byStart.get(word.start);
}
