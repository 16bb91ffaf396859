/**
 * Quotes in a Norwegian news article, and who said them: paragraphs opened by a dash (`– …, sier Kari
 * Dahl.`), quotes inline in «…» or "…", quotes in photo captions, an interview's questions, and reported
 * speech (`Lavrov sa også at …`, `Ifølge politiet …`, `…, opplyser vegvesenet.`). Found in two passes: the
 * spans and what their cues say of the speaker, then the speakers resolved in reading order (`speakers.ts`),
 * so that a pronoun or a quote without a cue can lean on what came before.
 */
import type { Article, Block, Span } from '../article';
import { ORGANIZATION_ENDING } from '../entities/cues';
import { gazetteer } from '../entities/gazetteer';
import type { EntityMention } from '../entities/types';
import { foldForMatching } from '../text';
import { type Sentence, type Word, sentencesIn, skipSpace, trimEnd, wordsIn } from './sentences';
import { type Cue, cueAt } from './speechVerbs';
import { sexOfGivenName } from './gender';
import { isMediumName } from './media';
import { type Speaker, SpeakerResolver, speakerOf } from './speakers';
import { type Subject, documentSource, phraseAt, subjectAfter } from './subjects';

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
type Source =
  | { readonly kind: 'subject'; readonly subject: Subject; readonly at: number }
  | { readonly kind: 'same'; readonly as: Draft }
  | { readonly kind: 'previous' }
  | { readonly kind: 'interviewer' }
  /** An interview's answer: whom it interviews. */
  | { readonly kind: 'answer' }
  | { readonly kind: 'none' };

interface Draft {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: string | null;
  source: Source;
  speaker?: Speaker | null;
}

interface Segment extends Span {
  readonly block: Block;
  /** The block's place in the article. */
  readonly index: number;
  /** An interview's speaker label (`VG:`, `STØRE:`, `Hansen:`) before the segment. */
  readonly label?: Span;
  /** In an interview whose questions and answers are plain paragraphs: which this is. */
  readonly turn?: 'question' | 'answer';
}

const DASH_AT_START = /^[–—―-][ \u00a0]/u;
const DASH_INSIDE = /(?<=[.!?:]["»”]?[ \u00a0]+)(?:[–—―][ \u00a0]|-[ \u00a0](?=\p{Lu}))/gu;
const QUOTE_PAIRS = /«([^«»]+)»|"([^"\n]+)"|“([^“”\n]+)”/gu;
/** Words before a quoted phrase that make it a term or a title, not anyone's words. */
const TERM_BEFORE = /(?:såkalte?|kalt|kalles|heter|navnet|begrepet|uttrykket|ordet|prosjektet|operasjonen|boka|boken|filmen|serien|stykket|forestillingen|albumet|låten|sangen|programmet|rapporten|kampanjen|tittelen|slagordet|merket|aksjonen|planen|strategien)\s*$/iu;
/** Whether a quote stands right by its cue: `ropte «skam deg»`, `«Nei», sa hun`. */
function nextTo(text: string, quote: Span, words: readonly Word[], cue: Cue): boolean {
  const verb = words[cue.verb];
  const last = words[cue.last];
  return /^[\s:«"“]*$/u.test(text.slice(last.end, quote.start)) || /^[»"”\s,?!]*$/u.test(text.slice(quote.end, verb.start));
}

/** Verbs whose object is the quoted words, not a clause: `kaller forslaget «et svik»`, `beskriver det som «…»`. */
const NAMING_VERBS = new Set(['kaller', 'kalte', 'beskriver', 'beskrev', 'betegner', 'betegnet', 'omtaler', 'omtalte']);
/** Words after an attribution's comma that go on with the quote, not the attribution (`…, sier Lian, må vi …`). */
const CONTINUING = new Set(['må', 'vil', 'skal', 'kan', 'er', 'var', 'blir', 'ble', 'har', 'hadde', 'får', 'fikk', 'bør', 'så', 'da', 'men', 'går', 'gjør', 'tror', 'mener', 'vet']);
/** Words that open a sentence that only attributes what came before: `Det sier Kari Dahl til NRK.` */
const ATTRIBUTING_OPENERS = new Set(['det', 'dette', 'slik', 'så']);
/** Inline quotes need this many words, or two with a cue of their own; one word is a term. */
const INLINE_WORDS = 3;

export function findQuotes(article: Pick<Article, 'text' | 'blocks' | 'byline'>, mentions: readonly EntityMention[]): Quote[] {
  const { text } = article;
  const segments = segmentsOf(article);
  const drafts: Draft[] = [];
  /** Spans of direct quotes and questions: no reported speech or antecedent inside them. */
  const quoted: Span[] = [];
  const mentionAt = mentionFinder(mentions);
  /** Sentences that only attribute a quote before them (`Det sier X.`): no reported speech of their own. */
  const consumed: Span[] = [];

  const intros = introductions(text, segments, mentionAt);
  for (const intro of intros.values()) consumed.push(intro.sentence);
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
      const draft = labelled(text, segment, mentionAt);
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
            draft.cue = intro.cue;
          } else if (pendingCue) {
            draft.cue = pendingCue;
          }
          if (!after && text[end - 1] === '?' && answered(text, segments, s, d, starts)) {
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
        if (rest < regionEnd && !DASH_AT_START.test(text.slice(rest, rest + 2)) && narrates(text, rest, regionEnd, mentionAt)) {
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

/** The parts of an article where quotes are: the text of headlines, leads, paragraphs and captions. */
function segmentsOf(article: Pick<Article, 'text' | 'blocks'>): Segment[] {
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
const NAME_LABEL = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}):[ \u00a0]+(?=\S)/u;

function namedLabels(text: string, segments: Segment[]): Segment[] {
  const labelled = segments.filter((x) => !x.label && x.block.kind === 'paragraph' && NAME_LABEL.test(text.slice(x.start, x.end)));
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
const FIRST_PERSON = /(?<![\p{L}\p{N}])(?:jeg|meg|min|mitt|mine|vi|oss|vår|vårt|våre)(?![\p{L}\p{N}])/iu;

/** A question in an interview of plain paragraphs: short, asking, no dash or label. */
const PLAIN_QUESTION_CHARS = 400;
const ADDRESSING = /\b(?:du|deg|din|ditt|dine|dere|deres)\b/iu;

/**
 * An interview printed as plain paragraphs: questions (short paragraphs ending in `?`) each followed by the
 * answer in one or more plain paragraphs, until the next question or subheading. Three such questions, or two
 * that address the interviewee (`du`, `dere`), make an interview.
 */
function plainInterview(text: string, segments: Segment[]): Segment[] {
  const plain = (x: Segment | undefined): boolean => x !== undefined && !x.label && x.block.kind === 'paragraph' && !DASH_AT_START.test(text.slice(x.start, x.start + 2));
  const asking = (x: Segment): boolean => !x.label && (x.block.kind === 'paragraph' || x.block.kind === 'subheading') && !DASH_AT_START.test(text.slice(x.start, x.start + 2));
  const questions = segments.filter((x, i) => {
    const value = text.slice(x.start, x.end);
    return asking(x) && value.endsWith('?') && value.length <= PLAIN_QUESTION_CHARS && plain(segments[i + 1]) && segments[i + 1].index === x.index + 1;
  });
  const interview = questions.length >= 3 || (questions.length >= 2 && questions.every((q) => ADDRESSING.test(text.slice(q.start, q.end))));
  if (!interview) return segments.filter((x) => x.block.kind !== 'subheading');
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
  }).filter((x) => x.block.kind !== 'subheading' || x.turn);
}

function mentionFinder(mentions: readonly EntityMention[]): (word: Word) => EntityMention | undefined {
  const byStart = new Map<number, EntityMention>();
  for (const mention of mentions) if (!byStart.has(mention.start)) byStart.set(mention.start, mention);
  return (word) => byStart.get(word.start);
}

interface Introduction {
  readonly sentence: Sentence;
  readonly subject: Subject | undefined;
  readonly cue: string | null;
  readonly at: number;
}

/**
 * Sentences ending in a colon before a dash quote introduce its speaker (`Rådmannen er tydelig:`, `Lie sier
 * det slik:`, `Det får Hansen til å reagere:`, a headline's `Thale Nordvik om comebacket: – …`), by the place
 * of the quote's dash: at the end of the paragraph before, or before the dash in the same paragraph.
 */
function introductions(text: string, segments: readonly Segment[], mentionAt: (word: Word) => EntityMention | undefined): Map<number, Introduction> {
  const intros = new Map<number, Introduction>();
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    if (segment.turn || segment.label) continue;
    const starts = dashStarts(text, segment);
    const previous = segments[s - 1];
    if (starts[0] === segment.start) {
      if (!previous || previous.turn || previous.label || DASH_AT_START.test(text.slice(previous.start, previous.start + 2))) continue;
      const intro = introduction(text, previous.start, previous.end, mentionAt);
      if (intro) intros.set(segment.start, intro);
    } else if (starts.length) {
      const intro = introduction(text, segment.start, trimEnd(text, segment.start, starts[0]), mentionAt);
      if (intro) intros.set(starts[0], intro);
    }
  }
  return intros;
}

/** The speaker a stretch of narration ending in a colon introduces, or undefined when it does not end so. */
function introduction(text: string, start: number, end: number, mentionAt: (word: Word) => EntityMention | undefined): Introduction | undefined {
  if (end <= start || text[end - 1] !== ':') return undefined;
  const sentences = sentencesIn(text, start, end);
  const sentence = sentences[sentences.length - 1];
  if (!sentence) return undefined;
  const words = wordsIn(text, sentence.start, sentence.end);
  if (!words.length) return undefined;
  const found = bestCue(text, words, [], mentionAt);
  if (found?.subject) return { sentence, subject: found.subject, cue: cueText(words, found.cue), at: words[found.cue.verb].start };
  // No speech verb: the first person or body the sentence names, or its subject (`Rådmannen er tydelig:`).
  const breakBefore = breaks(text, words);
  for (let i = 0; i < words.length; i++) {
    if (i === 0 && ADVERBIAL_OPENERS.has(words[0].lower) && !mentionAt(words[0])) continue;
    const reading = phraseAt(words, i, mentionAt, breakBefore, words.length);
    if (reading && (reading.subject.kind !== 'name' || i > 0 || looksLikeName(reading.subject.name))) return { sentence, subject: reading.subject, cue: null, at: words[0].start };
  }
  return { sentence, subject: undefined, cue: null, at: words[0].start };
}

/** Where dash quotes start in a segment: at its start, or after a sentence's end (`… TV 2. – Man regner …`). */
function dashStarts(text: string, segment: Segment): number[] {
  const value = text.slice(segment.start, segment.end);
  const starts: number[] = [];
  if (DASH_AT_START.test(value) && (segment.block.kind !== 'headline' || value.length > 0)) starts.push(segment.start);
  DASH_INSIDE.lastIndex = 0;
  for (let match = DASH_INSIDE.exec(value); match; match = DASH_INSIDE.exec(value)) {
    if (match.index > 0) starts.push(segment.start + match.index);
  }
  return starts;
}

function skipDash(text: string, at: number, end: number): number {
  return DASH_AT_START.test(text.slice(at, Math.min(end, at + 2))) ? skipSpace(text, at + 1, end) : at;
}

/** A quote's end: before a comma or space that leads to its attribution. */
function trimQuoteEnd(text: string, start: number, end: number): number {
  let at = trimEnd(text, start, end);
  while (at > start && (text[at - 1] === ',' || text[at - 1] === '–' || /\s/u.test(text[at - 1]))) at--;
  return at;
}

interface Attribution {
  /** Where the quoted words end (the comma, `?` or `!` before the cue, or the end of the last quoted sentence). */
  readonly quoteEnd: number;
  readonly cue: string;
  readonly subject: Subject;
  /** The cue's place, where the speaker is resolved. */
  readonly at: number;
  /** Just past the attribution's sentence. */
  readonly attributionEnd: number;
  /** A second cue that opens a quote to come: `…, sier hun og legger til:`. */
  readonly introduces: string | null;
}

/** The attribution inside a dash quote's stretch: `, sier X`, `? spør hun`, or a sentence `Det sier X.` */
function attribution(text: string, from: number, end: number, mentionAt: (word: Word) => EntityMention | undefined): Attribution | undefined {
  const words = wordsIn(text, from, end);
  const lowers = words.map((w) => w.lower);
  const breakBefore = breaks(text, words);
  const sentences = sentencesIn(text, from, end);
  for (let k = 1; k < words.length; k++) {
    const before = text.slice(words[k - 1].end, words[k].start);
    const afterComma = /^[,?!]\s*[–—]?\s*$|^\s*[–—]\s*$/u.test(before) || /[?!][»"”]?\s*$/u.test(before);
    const sentence = sentences.find((x) => x.start <= words[k].start && words[k].start < x.end);
    const opensSentence = sentence !== undefined && sentence.start === words[k].start && sentence.start > from;
    let cueWord = k;
    if (opensSentence && ATTRIBUTING_OPENERS.has(lowers[k]) && k + 1 < words.length) cueWord = k + 1;
    else if (!afterComma) continue;
    const cue = cueAt(lowers, cueWord);
    if (!cue || (cue.cue === 'ifølge' && opensSentence)) continue;
    const reading = cue.cue === 'ifølge' ? phraseAt(words, cue.last + 1, mentionAt, breakBefore, words.length) : isSaysIt(cue) ? saysIt(words, cue, mentionAt, breakBefore) : subjectAfter(words, cue.last + 1, mentionAt, breakBefore, cue);
    if (!reading) continue;
    let attributionEnd = sentence ? sentence.end : end;
    // `– Hvis vi skal det, sier Lian, må vi tørre å selge.`: the quote goes on after the attribution's comma.
    const next = words[reading.end];
    if (next && words[reading.end - 1].commaAfter && CONTINUING.has(next.lower) && next.start < attributionEnd) attributionEnd = next.start;
    const quoteEnd = opensSentence ? trimEnd(text, from, words[k].start) : words[k - 1].end + (before.match(/^[?!]/u) ? 1 : 0);
    const tail = text.slice(words[reading.end - 1]?.end ?? attributionEnd, attributionEnd);
    const second = /\b(?:og|,)\s*(legger til|la til|sier|fortsetter|utdyper|forklarer)\s*:\s*$/u.exec(tail);
    return {
      quoteEnd: opensSentence ? quoteEnd : words[k - 1].end + (/^[?!]/u.test(before) ? 1 : 0),
      cue: cueText(words, cue),
      subject: reading.subject,
      at: words[cue.verb].start,
      attributionEnd,
      introduces: second ? second[1] : null,
    };
  }
  return undefined;
}

/** Whether the stretch opens with a sentence of narration that reports someone (`Han legger til at …`, `Hansen mener …`). */
function narrates(text: string, start: number, end: number, mentionAt: (word: Word) => EntityMention | undefined): boolean {
  const sentence = sentencesIn(text, start, end)[0];
  if (!sentence) return false;
  const words = wordsIn(text, sentence.start, sentence.end);
  const found = bestCue(text, words, [], mentionAt);
  if (!found?.subject || found.cue.verb > 4) return false;
  const { subject } = found;
  return subject.kind === 'pronoun' || subject.kind === 'mention' || subject.kind === 'role';
}

/** The cue as written (`la til` for `la hun til`). */
function cueText(words: readonly Word[], cue: Cue): string {
  return cue.last === cue.verb ? words[cue.verb].lower : `${words[cue.verb].lower} ${words[cue.last].lower}`;
}

/** Whether punctuation stands between word i-1 and word i. */
function breaks(text: string, words: readonly Word[]): (index: number) => boolean {
  return (index) => index > 0 && /[,.;:!?()«»"“”–—]/u.test(text.slice(words[index - 1].end, words[index].start));
}

/**
 * A dash quote without a cue of its own, attributed by the next paragraph's first sentence
 * (`Det sier Kari Dahl til NRK.`).
 */
function attributionAfter(
  text: string,
  segments: readonly Segment[],
  s: number,
  regionEnd: number,
  mentionAt: (word: Word) => EntityMention | undefined,
): { subject: Subject; cue: string; at: number; sentence: Span } | undefined {
  const segment = segments[s];
  const next = regionEnd < segment.end ? undefined : segments[s + 1];
  if (!next || DASH_AT_START.test(text.slice(next.start, next.start + 2))) return undefined;
  const sentence = sentencesIn(text, next.start, next.end)[0];
  if (!sentence) return undefined;
  const words = wordsIn(text, sentence.start, sentence.end);
  if (words.length < 3 || !ATTRIBUTING_OPENERS.has(words[0].lower)) return undefined;
  const cue = cueAt(words.map((w) => w.lower), 1);
  if (!cue || cue.cue === 'ifølge') return undefined;
  const reading = subjectAfter(words, cue.last + 1, mentionAt, breaks(text, words), cue);
  if (!reading) return undefined;
  return { subject: reading.subject, cue: cueText(words, cue), at: words[1].start, sentence };
}

/** Whether a dash question is answered by the next stretch: another dash quote, or a labelled answer. */
function answered(text: string, segments: readonly Segment[], s: number, d: number, starts: readonly number[]): boolean {
  if (d + 1 < starts.length) return true;
  const next = segments[s + 1];
  return next !== undefined && (DASH_AT_START.test(text.slice(next.start, next.start + 2)) || next.label !== undefined);
}

/** An interview's labelled paragraph: `VG: Hvor stor er faren?` (a question) or `STØRE: Den er større.` */
function labelled(text: string, segment: Segment, mentionAt: (word: Word) => EntityMention | undefined): Draft {
  const start = skipDash(text, segment.start, segment.end);
  const end = trimEnd(text, start, segment.end);
  const label = segment.label as Span;
  const words = wordsIn(text, label.start, label.end);
  const reading = words.length ? phraseAt(words, 0, mentionAt, () => false, words.length) : undefined;
  const question = text[end - 1] === '?';
  // `NRK: Hva nå?`: a newsroom's label asks through its interviewer, named or not.
  const interviewer = question && (!reading || isMedia(reading.subject) || reading.subject.kind === 'unnamed');
  const source: Source = interviewer ? { kind: 'interviewer' } : reading ? { kind: 'subject', subject: reading.subject, at: label.start } : { kind: 'previous' };
  return { start, end, kind: question ? 'question' : 'direct', cue: null, source };
}

/** Inline quotes and reported speech in a stretch of narration. */
function narration(
  text: string,
  stretch: Span,
  segment: Segment,
  mentionAt: (word: Word) => EntityMention | undefined,
  drafts: Draft[],
  quoted: Span[],
  consumed: readonly Span[],
): void {
  const inline = inlineQuotes(text, stretch);
  const taken: Span[] = [];
  const sentences = sentencesIn(text, stretch.start, stretch.end);
  const cuesOf = new Map<Sentence, { words: Word[]; best: FoundCue | undefined }>();
  const read = (sentence: Sentence): { words: Word[]; best: FoundCue | undefined } => {
    let found = cuesOf.get(sentence);
    if (!found) {
      const words = wordsIn(text, sentence.start, sentence.end);
      found = { words, best: bestCue(text, words, inline, mentionAt) };
      cuesOf.set(sentence, found);
    }
    return found;
  };
  for (const q of inline) {
    // The sentences the quote touches: their cue is the quote's (`«…», skriver forbundet.`, `Hun kaller det «…».`).
    const touched = sentences.filter((x) => x.start < q.end + 2 && q.start - 1 < x.end);
    const words = wordsIn(text, q.start, q.end);
    let best: FoundCue | undefined;
    let cueWords: Word[] = [];
    for (const sentence of touched) {
      const reading = read(sentence);
      if (reading.best && (!best || (!best.subject && reading.best.subject))) {
        best = reading.best;
        cueWords = reading.words;
      }
    }
    // A short phrase is someone's words when a verb names it so (`kaller det «helt uholdbart»`); inside a reported clause it is part of it.
    const adjacent = best !== undefined && (NAMING_VERBS.has(cueWords[best.cue.verb]?.lower ?? '') || nextTo(text, q, cueWords, best.cue));
    if (words.length < INLINE_WORDS && !(words.length >= 2 && adjacent)) continue;
    const whole = touched.length > 0 && q.start - 1 <= touched[0].start && q.end + 2 >= touched[touched.length - 1].end;
    const source: Source = best?.subject ? { kind: 'subject', subject: best.subject, at: cueWords[best.cue.verb].start } : whole ? { kind: 'previous' } : { kind: 'none' };
    const draft: Draft = { start: q.start, end: q.end, kind: 'direct', cue: best ? cueText(cueWords, best.cue) : null, source };
    drafts.push(draft);
    quoted.push(draft);
    taken.push(...touched);
  }
  for (const sentence of sentences) {
    if (taken.includes(sentence) || consumed.some((c) => c.start === sentence.start)) continue;
    if (!sentence.closed || segment.block.kind === 'headline') continue;
    const { words, best } = read(sentence);
    if (!best) continue;
    const lowers = words.map((w) => w.lower);
    if (onlyAttributes(words, best)) continue;
    if (!best.subject && !governsClause(lowers, best.cue) && best.cue.cue !== 'ifølge') continue;
    const source: Source = best.subject ? { kind: 'subject', subject: best.subject, at: words[best.cue.verb].start } : { kind: 'none' };
    drafts.push({ start: sentence.start, end: sentence.end, kind: 'reported', cue: cueText(words, best.cue), source });
  }
}

interface FoundCue {
  readonly cue: Cue;
  readonly subject: Subject | undefined;
}

/** The cue of a sentence that tells who speaks: a speaker who is not a medium reporting them, if there is one. */
function bestCue(text: string, words: readonly Word[], inline: readonly Span[], mentionAt: (word: Word) => EntityMention | undefined): FoundCue | undefined {
  const lowers = words.map((w) => w.lower);
  const breakBefore = breaks(text, words);
  const outside = (w: Word): boolean => !inline.some((q) => q.start - 1 <= w.start && w.end <= q.end + 1);
  const cues: FoundCue[] = [];
  for (let k = 0; k < words.length; k++) {
    if (!outside(words[k])) continue;
    const cue = cueAt(lowers, k);
    if (!cue) continue;
    const reading = subjectOf(words, cue, mentionAt, breakBefore);
    if (reading !== 'relative') cues.push({ cue, subject: reading });
    k = cue.last;
  }
  // A medium's report of what someone said (`Reuters melder at Macron sier at …`) is that person's words; a
  // medium's report of what someone did (`Biden har varslet sanksjoner, melder AP`) is the medium's.
  const medium = cues.find((c) => isMedia(c.subject));
  const speaking = cues.find((c) => c.subject && !isMedia(c.subject) && (!medium || governsClause(lowers, c.cue) || c.cue.cue === 'ifølge'));
  return speaking ?? medium ?? cues.find((c) => c.subject) ?? cues[0];
}

/** Quoted phrases in a stretch that may be someone's words: not a term or a title (`det såkalte «…»`, `«Vildanden»`). */
function inlineQuotes(text: string, stretch: Span): Span[] {
  const value = text.slice(stretch.start, stretch.end);
  const found: Span[] = [];
  QUOTE_PAIRS.lastIndex = 0;
  for (let match = QUOTE_PAIRS.exec(value); match; match = QUOTE_PAIRS.exec(value)) {
    const inner = match[1] ?? match[2] ?? match[3];
    const innerStart = stretch.start + match.index + 1;
    const start = skipSpace(text, innerStart, innerStart + inner.length);
    let end = trimEnd(text, start, innerStart + inner.length);
    while (end > start && text[end - 1] === ',') end--;
    if (end <= start) continue;
    if (TERM_BEFORE.test(value.slice(0, match.index))) continue;
    const inside = wordsIn(text, start, end);
    // A title in quotes (`«Et dukkehjem»`, `«Bastø I»`): short, capitalised, no sentence of its own.
    if (inside.length < INLINE_WORDS && inside[0]?.capital && !/[.!?]$/u.test(text.slice(start, end))) continue;
    found.push({ start, end });
  }
  return found;
}

/** Words that open a sentence with an adverbial, so that the subject follows the verb (`Fredag varslet USA …`). */
const ADVERBIAL_OPENERS = new Set([
  'samtidig', 'dessuten', 'derfor', 'nå', 'da', 'så', 'også', 'likevel', 'i', 'på', 'etter', 'under', 'før', 'til', 'fra', 'ved', 'med', 'mot',
  'overfor', 'om', 'for', 'hos', 'blant', 'gjennom', 'tidligere', 'senere', 'allerede', 'nylig', 'torsdag', 'fredag', 'lørdag', 'søndag',
  'mandag', 'tirsdag', 'onsdag', 'her', 'der', 'dermed', 'imidlertid', 'videre', 'først', 'deretter', 'siden', 'ifølge', 'selv', 'heller',
  'trolig', 'kanskje', 'egentlig', 'faktisk', 'heldigvis', 'dessverre', 'til', 'natt', 'kveld', 'morgen', 'onsdag', 'det', 'dette', 'slik',
  'sånn', 'hvorfor', 'hvordan', 'hva', 'hvem', 'når', 'hvor', 'etterpå', 'lenge', 'ofte', 'aldri', 'alltid', 'tross',
]);

/**
 * The subject of a cue in a sentence of narration: after the verb (`Fredag varslet USA …`, `…, skriver
 * Reuters.`), or the clause's first phrase (`Politiet opplyser …`, `Han la til at …`); `relative` for a cue
 * inside a relative clause about something that does not speak (`noe Zelenskyj ba om`).
 */
function subjectOf(
  words: readonly Word[],
  cue: Cue,
  mentionAt: (word: Word) => EntityMention | undefined,
  breakBefore: (index: number) => boolean,
): Subject | undefined | 'relative' {
  if (cue.cue === 'ifølge') return phraseAt(words, cue.last + 1, mentionAt, breakBefore, words.length)?.subject;
  if (isSaysIt(cue)) return saysIt(words, cue, mentionAt, breakBefore)?.subject ?? { kind: 'unnamed' };
  // `har ikke svart`, `ville ikke si`: no speech.
  if (words.slice(Math.max(0, cue.verb - 2), cue.verb).some((w) => w.lower === 'ikke' || w.lower === 'aldri')) return 'relative';
  const after = subjectAfter(words, cue.last + 1, mentionAt, breakBefore, cue);
  // `…, skriver Reuters.`; but `En lærer som ikke vil stå fram, forteller at …` has its subject before.
  const relativeBefore = words.slice(0, cue.verb).some((w, k) => w.lower === 'som' && k > 0 && (commaBefore(words, k) || k <= 4));
  if (cue.verb > 0 && commaBefore(words, cue.verb) && after && !relativeBefore) return after.subject;
  // The clause the verb is in: after `at`, or after `, og`/`, men` (a second main clause).
  let clauseStart = 0;
  for (let i = cue.verb - 1; i > 0; i--) {
    const lower = words[i].lower;
    if (lower === 'at' || ((lower === 'og' || lower === 'men' || lower === 'mens') && breakBefore(i))) {
      clauseStart = i + 1;
      break;
    }
    if ((lower === 'som' || lower === 'noe') && !breakBefore(cue.verb)) {
      // A relative clause: `Torbjørn Aune, som … advarte`: its antecedent speaks, if it is someone.
      if (lower === 'noe') return 'relative';
      const antecedent = i > 0 ? mentionBefore(words, i, mentionAt) : undefined;
      if (antecedent && (antecedent.type === 'person' || antecedent.type === 'organization')) return { kind: 'mention', mention: antecedent };
      // `En lærer som ikke vil stå fram, forteller …`: someone unnamed.
      const head = phraseAt(words, 0, mentionAt, breakBefore, i);
      if (head?.subject.kind === 'unnamed' && breakBefore(cue.verb)) return head.subject;
      return 'relative';
    }
  }
  if (clauseStart === cue.verb) {
    // `…, og ba alle nordmenn …`: the clause shares the sentence's subject.
    if (clauseStart > 0 && words[clauseStart - 1].lower === 'og') {
      if (!ADVERBIAL_OPENERS.has(words[0].lower) || mentionAt(words[0])) {
        const head = phraseAt(words, 0, mentionAt, breakBefore, clauseStart - 1);
        if (head && head.subject.kind !== 'name') return head.subject;
      }
      for (let i = 0; i < clauseStart; i++) {
        const mention = mentionAt(words[i]);
        if (mention && (mention.type === 'person' || mention.type === 'organization')) return { kind: 'mention', mention };
      }
    }
    return after?.subject;
  }
  const opener = words[clauseStart];
  if (ADVERBIAL_OPENERS.has(opener.lower) && !mentionAt(opener)) return after?.subject;
  const reading = phraseAt(words, clauseStart, mentionAt, breakBefore, cue.verb);
  if (!reading) return after?.subject;
  if (reading.subject.kind === 'role' && !reading.subject.body) {
    // `Leder i Elevorganisasjonen, Ane Kristine Berg, advarer …`: the name in apposition to the title.
    for (let k = reading.end; k < cue.verb; k++) {
      if (!commaBefore(words, k)) continue;
      const named = phraseAt(words, k, mentionAt, () => false, cue.verb);
      if (named && (named.subject.kind === 'name' || (named.subject.kind === 'mention' && personLike(named.subject.mention)))) return named.subject;
      break;
    }
  }
  if (reading.subject.kind === 'name') {
    // A capitalised word opening the sentence is a common noun (`Separatistene`, `Foreldrene`) unless it looks like a name.
    return clauseStart > 0 || looksLikeName(reading.subject.name) ? reading.subject : { ...reading.subject, initial: true };
  }
  if (reading.subject.kind === 'mention') {
    const { type } = reading.subject.mention;
    if (type !== 'person' && type !== 'organization') return after?.subject ?? { kind: 'name', name: reading.subject.mention.text, initial: true };
    // `Nato-land og Ukraina mener …`: several speakers are not one.
    if (words.slice(reading.end, cue.verb).some((w) => w.lower === 'og')) return { kind: 'unnamed' };
  }
  return reading.subject;
}

/** Whether a capitalised word opening a sentence is a name: an organisation's ending, a known given name or surname, or several words. */
function looksLikeName(name: string): boolean {
  const parts = name.split(' ');
  const last = parts[parts.length - 1].toLowerCase();
  if (ORGANIZATION_ENDING.test(last) || /(?:sentralen|tjenesten|rådet|nemnda|ombudet|styret|foreningen|laget|klubben|kontoret|etaten|verket|senteret|instituttet|foretaket)$/u.test(last)) return true;
  if (parts.length > 1) return true;
  return gazetteer.isGivenName(parts[0]) || gazetteer.isSurname(parts[0]);
}

function isSaysIt(cue: Cue): boolean {
  return cue.cue === 'heter det' || cue.cue === 'het det';
}

/** The subject of `heter det`: the body or the text the sentence names (`heter det i dommen`). */
function saysIt(words: readonly Word[], cue: Cue, mentionAt: (word: Word) => EntityMention | undefined, breakBefore: (index: number) => boolean): { subject: Subject; end: number } | undefined {
  const subject = documentSource(words, mentionAt, breakBefore);
  return subject ? { subject, end: cue.last + 1 } : undefined;
}

/** A person's mention, or a name of several words opening with a given name that the recognizer typed otherwise (`Ane Kristine Berg`). */
function personLike(mention: EntityMention): boolean {
  return mention.type === 'person' || (mention.canonical.includes(' ') && sexOfGivenName(mention.canonical.split(' ')[0]) !== undefined);
}

/** Whether a comma (or a closing quotation mark) stands right before word `i`: `…, skriver Reuters`, `«…», sier hun`. */
function commaBefore(words: readonly Word[], i: number): boolean {
  return i > 0 && words[i - 1].commaAfter;
}

/** The mention that ends right before word `i` (`Torbjørn Aune` before `, som`). */
function mentionBefore(words: readonly Word[], i: number, mentionAt: (word: Word) => EntityMention | undefined): EntityMention | undefined {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const mention = mentionAt(words[k]);
    if (mention) return mention.end >= words[i - 1].end ? mention : undefined;
  }
  return undefined;
}

function isMedia(subject: Subject | undefined): boolean {
  return (subject?.kind === 'mention' && isMediumName(subject.mention.canonical)) || (subject?.kind === 'name' && isMediumName(subject.name));
}

/** `Det melder Reuters.`: a sentence that names a medium as the source of what came before and says nothing itself. */
function onlyAttributes(words: readonly Word[], found: FoundCue): boolean {
  const { cue } = found;
  if (cue.verb !== 1 || !ATTRIBUTING_OPENERS.has(words[0].lower) || !isMedia(found.subject)) return false;
  return words.length <= cue.last + 6 && !words.slice(cue.last + 1).some((w) => w.lower === 'at');
}

/** Whether a cue with no speaker still reports something: `… sier at …`, `varsles det at …`. */
function governsClause(lowers: readonly string[], cue: Cue): boolean {
  return lowers.slice(cue.last + 1, cue.last + 6).includes('at');
}

/** Speakers, resolved in reading order. */
function resolve(article: Pick<Article, 'text' | 'blocks' | 'byline'>, mentions: readonly EntityMention[], drafts: Draft[], quoted: readonly Span[]): Quote[] {
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const last = kept[kept.length - 1];
    if (last && draft.start < last.end) {
      // Overlaps: a direct quote wins over reported speech around it.
      if (last.kind === 'reported' && draft.kind !== 'reported') kept[kept.length - 1] = draft;
      continue;
    }
    kept.push(draft);
  }
  const furniture = article.blocks.filter((b) => b.kind === 'byline' || b.kind === 'infobox' || b.kind === 'related').map((b) => ({ start: b.start, end: b.end }));
  for (const block of article.blocks) for (const part of block.parts) if (part.kind === 'credit') furniture.push({ start: part.start, end: part.end });
  const inside = (spans: readonly Span[], m: EntityMention): boolean => spans.some((s) => s.start <= m.start && m.end <= s.end);
  // `Ahus` of `Ahus-pasienter` is part of a word, not someone named.
  const compoundPart = (m: EntityMention): boolean => /^-\p{L}/u.test(article.text.slice(m.end, m.end + 2));
  const at = (position: number): EntityMention => ({ start: position, end: position + 1 }) as EntityMention;
  const resolver = new SpeakerResolver(
    article.text,
    mentions,
    (m) => !inside(quoted, m) && !inside(furniture, m) && !compoundPart(m),
    wordsIn(article.text, 0, article.text.length),
    (position) => !inside(quoted, at(position)) && !inside(furniture, at(position)),
  );
  const questions = kept.filter((d) => d.kind === 'question').length;
  const interview = questions >= 2 || kept.some((d) => d.source.kind === 'answer');
  const interviewer = interview ? interviewerOf(article, mentions) : null;
  const answering = interview ? interviewee(article, mentions, quoted, furniture, interviewer) : null;
  let afterQuestion = false;
  let last: Speaker | null = null;
  const out: Quote[] = [];
  for (const draft of kept) {
    let speaker: Speaker | null = null;
    const source = draft.source;
    switch (source.kind) {
      case 'subject': {
        if ((draft.cue === 'siterer' || draft.cue === 'siterte') && isMedia(source.subject) && last) {
          // `…, siterer Reuters`: the medium cites the speaker the article is quoting.
          speaker = last;
          break;
        }
        const found = resolver.resolve(source.subject, source.at);
        speaker = found?.speaker ?? null;
        if (found) resolver.hear(found.speaker, found.type, source.at);
        break;
      }
      case 'same':
        speaker = source.as.speaker ?? null;
        break;
      case 'previous':
        // In an interview, what follows a question is the answer of the person interviewed.
        speaker = interview && (afterQuestion || last === null) ? answering : last;
        break;
      case 'interviewer':
        speaker = interviewer;
        break;
      case 'answer':
        speaker = answering;
        break;
      case 'none':
        speaker = null;
    }
    draft.speaker = speaker;
    afterQuestion = draft.kind === 'question';
    if (draft.kind !== 'question' && !(source.kind === 'none' && draft.kind === 'direct')) last = speaker;
    out.push({ start: draft.start, end: draft.end, kind: draft.kind, speaker: speaker?.name ?? null, speakerId: speaker?.id ?? null, cue: draft.cue });
  }
  return echoed(article, out);
}

/**
 * A headline or caption that quotes words said again below (`Styret vedtok sammenslåing: – En trist dag for
 * Gjøvik`) is the speaker's who says them there.
 */
function echoed(article: Pick<Article, 'text' | 'blocks'>, quotes: Quote[]): Quote[] {
  const display = article.blocks.filter((b) => b.kind === 'headline' || b.kind === 'caption');
  const key = (q: Quote): string => foldForMatching(article.text.slice(q.start, q.end)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return quotes.map((q) => {
    if (q.speaker !== null || q.kind !== 'direct' || !display.some((b) => b.start <= q.start && q.end <= b.end)) return q;
    const words = key(q);
    if (words.length < 8) return q;
    const source = quotes.find((other) => other !== q && other.speaker !== null && other.start > q.end && key(other).includes(words));
    return source ? { ...q, speaker: source.speaker, speakerId: source.speakerId } : q;
  });
}

/** An interview's interviewer: the byline's one author, when it has one. */
function interviewerOf(article: Pick<Article, 'text' | 'blocks' | 'byline'>, mentions: readonly EntityMention[]): Speaker | null {
  const byline = article.blocks.find((b) => b.kind === 'byline');
  const bylineText = byline ? article.text.slice(byline.start, byline.end) : '';
  // `Av Marius Løken (tekst) og Tone Kvalheim (foto)`: the photographer asks nothing.
  const authors = (article.byline?.authors ?? []).filter((name) => !new RegExp(`${escapeRegExp(name)}\\s*\\((?:foto|fotograf|video|bilder)\\)`, 'iu').test(bylineText));
  // `Da Dagbladets Jonas Rygg møter henne`: the newsroom's journalist, named in the text.
  const named = /\b(?:\p{Lu}[\p{L}0-9]*s)(?: (?:journalist|reporter|medarbeider|kommentator))? ((?:\p{Lu}[\p{L}'’-]+ ){1,2}\p{Lu}[\p{L}'’-]+)/u;
  for (const match of article.text.matchAll(new RegExp(named.source, 'gu'))) {
    const medium = match[0].split(' ')[0].replace(/s$/u, '');
    if (!isMediumName(medium)) continue;
    const mention = mentions.find((m) => m.type === 'person' && m.start === (match.index ?? 0) + match[0].length - match[1].length);
    return mention ? speakerOf(mention) : { name: match[1], id: null };
  }
  if (authors.length !== 1) return null;
  const mention = byline ? mentions.find((m) => m.type === 'person' && m.start >= byline.start && m.end <= byline.end && authors[0].includes(m.text)) : undefined;
  return mention ? speakerOf(mention) : { name: authors[0], id: null };
}

/** Whom an interview asks: the first person its headline or lead names (besides the interviewer), or else the person it names most. */
function interviewee(
  article: Pick<Article, 'blocks'>,
  mentions: readonly EntityMention[],
  quoted: readonly Span[],
  furniture: readonly Span[],
  interviewer: Speaker | null,
): Speaker | null {
  const people = mentions.filter((m) => m.type === 'person' && m.entityId !== interviewer?.id && !furniture.some((s) => s.start <= m.start && m.end <= s.end));
  // A name with a given name of known sex, before one the recognizer may have taken for a person (`Havbris Offshore`).
  const given = (m: EntityMention): boolean => m.canonical.includes(' ') && sexOfGivenName(m.canonical.split(' ')[0]) !== undefined;
  for (const block of article.blocks) {
    if (block.kind !== 'headline' && block.kind !== 'lead') continue;
    const inBlock = people.filter((m) => m.start >= block.start && m.end <= block.end);
    const first = inBlock.find(given) ?? inBlock[0];
    if (first) return speakerOf(first);
  }
  const counts = new Map<string, { mention: EntityMention; count: number }>();
  for (const m of people) {
    if (quoted.some((s) => s.start <= m.start && m.end <= s.end)) continue;
    const entry = counts.get(m.entityId) ?? { mention: m, count: 0 };
    entry.count++;
    counts.set(m.entityId, entry);
  }
  let best: { mention: EntityMention; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best ? speakerOf(best.mention) : null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
