/**
 * Who a dash quote is attributed to: the attribution inside it (`, sier X`), a sentence after it (`Det sier
 * X.`), a sentence before it ending in a colon (`Rådmannen er tydelig:`), an interview's label.
 */
import type { Span } from '../article';
import type { EntityMention } from '../entities/types';
import { type Sentence, type Word, sentencesIn, trimEnd, wordsIn } from './sentences';
import { type Cue, attributionCueAt, cueAt } from './speechVerbs';
import { type Subject, phraseAt, subjectAfter } from './subjects';
import { type Draft, type Segment, type Source } from './quoteTypes';
import { DASH_AT_START, dashStarts, skipDash } from './segments';
import { ADVERBIAL_OPENERS, ATTRIBUTING_OPENERS, bestCue, breaks, isMedia, isSaysIt, looksLikeName, opensClause, saysIt } from './clauses';

/** Words after an attribution's comma that go on with the quote, not the attribution (`…, sier Lian, må vi …`). */
export const CONTINUING = new Set(['må', 'vil', 'skal', 'kan', 'er', 'var', 'blir', 'ble', 'har', 'hadde', 'får', 'fikk', 'bør', 'så', 'da', 'men', 'går', 'gjør', 'tror', 'mener', 'vet']);
export interface Introduction {
  readonly sentence: Sentence;
  readonly subject: Subject | undefined;
  readonly cue: string | null;
  readonly at: number;
  /** The sentence reports words of its own (`Hølaas-Bakke sier han er rørt over engasjementet:`), not only whose the quote is. */
  readonly content?: true;
}

/** Finite verbs that open a clause after `sier han`: `sier han er rørt`, `sa hun hadde ventet`. */
export const CLAUSE_VERBS = new Set(['meiner', 'trur', 'ynskjer', 'vert', 'er', 'var', 'har', 'hadde', 'vil', 'ville', 'skal', 'skulle', 'kan', 'kunne', 'må', 'måtte', 'ble', 'blir', 'bør', 'burde', 'tror', 'mener', 'synes', 'føler', 'ønsker', 'ser', 'gleder', 'håper']);
const SUBJECT_PRONOUNS = new Set(['han', 'hun', 'ho', 'de', 'dei', 'vi', 'me', 'jeg', 'eg', 'hen', 'den', 'det']);

/**
 * Sentences ending in a colon before a dash quote introduce its speaker (`Rådmannen er tydelig:`, `Lie sier
 * det slik:`, `Det får Hansen til å reagere:`, a headline's `Thale Nordvik om comebacket: – …`), by the place
 * of the quote's dash: at the end of the paragraph before, or before the dash in the same paragraph.
 */
export function introductions(text: string, segments: readonly Segment[], mentionAt: (word: Word) => EntityMention | undefined): Map<number, Introduction> {
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
export function introduction(text: string, start: number, end: number, mentionAt: (word: Word) => EntityMention | undefined): Introduction | undefined {
  if (end <= start || text[end - 1] !== ':') return undefined;
  const sentences = sentencesIn(text, start, end);
  const sentence = sentences[sentences.length - 1];
  if (!sentence) return undefined;
  const words = wordsIn(text, sentence.start, sentence.end);
  if (!words.length) return undefined;
  const found = bestCue(text, words, [], mentionAt);
  if (found?.subject) {
    const intro: Introduction = { sentence, subject: found.subject, cue: found.cue.cue, at: words[found.cue.verb].start };
    return reportsContent(words, found.cue, mentionAt) ? { ...intro, content: true } : intro;
  }
  // No speech verb: the first person or body the sentence names, or its subject (`Rådmannen er tydelig:`).
  const breakBefore = breaks(text, words);
  let placeEnd = -1;
  for (let i = 0; i < words.length; i++) {
    if (i === 0 && ADVERBIAL_OPENERS.has(words[0].lower) && !mentionAt(words[0])) continue;
    // (A place speaks no words, nor any word of its name: `Steinras stengte E16: – Det smalt`, `Vil stenge Olav
    // Tryggvasons gate: – …`.)
    const here = mentionAt(words[i]);
    if (here?.type === 'place') placeEnd = here.end;
    if (words[i].start < placeEnd) continue;
    const reading = phraseAt(words, i, mentionAt, breakBefore, words.length);
    if (reading?.subject.kind === 'mention' && reading.subject.mention.type === 'place') continue;
    if (reading && (reading.subject.kind !== 'name' || i > 0 || looksLikeName(reading.subject.name))) return { sentence, subject: reading.subject, cue: null, at: words[0].start };
  }
  return { sentence, subject: undefined, cue: null, at: words[0].start };
}

/**
 * Whether a cue governs words of its own: an `at`-clause, or a clause whose verb follows the subject (`sier han er
 * rørt over engasjementet:`), not the cue's object alone (`svarte opposisjonen i sitt innlegg:`, `sier det slik:`).
 */
function reportsContent(words: readonly Word[], cue: Cue, mentionAt: (word: Word) => EntityMention | undefined): boolean {
  const lowers = words.map((w) => w.lower);
  if (lowers.indexOf('at', cue.last + 1) >= 0) return true;
  // After the verb, its subject (a pronoun or a name), then a clause's own verb; or with the subject before the verb, that verb at once.
  let k = cue.last + 1;
  const mention = words[k] && mentionAt(words[k]);
  if (words[k] && SUBJECT_PRONOUNS.has(lowers[k]) && lowers[k] !== 'det' && lowers[k] !== 'den') k++;
  else if (mention) while (k < words.length && words[k].start < mention.end) k++;
  // (Or a short noun phrase as the clause's subject: `sier dommen vil bli anket:`, `sier selskapet har …`.)
  for (let j = k; j < Math.min(words.length, k + 3); j++) {
    if (CLAUSE_VERBS.has(lowers[j])) return true;
    if (words[j].capital && j > k) break;
  }
  // `mener det svekker kvinnens forklaring:`: `det` with a verb of its own opens the clause (`sier det slik:` does not).
  return (lowers[k] === 'det' || lowers[k] === 'dette') && opensClause(words, k + 1);
}

/** A quote's end: before a comma or space that leads to its attribution. */
export function trimQuoteEnd(text: string, start: number, end: number): number {
  let at = trimEnd(text, start, end);
  while (at > start && (text[at - 1] === ',' || text[at - 1] === '–' || /\s/u.test(text[at - 1]))) at--;
  return at;
}

export interface Attribution {
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
export function attribution(text: string, from: number, end: number, mentionAt: (word: Word) => EntityMention | undefined): Attribution | undefined {
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
    // (A verb that only attributes, `smiler hun`, right after the quoted words; `Det sier X.` needs speech.)
    const cue = opensSentence ? cueAt(lowers, cueWord) : attributionCueAt(lowers, cueWord);
    if (!cue || (cue.according === true && opensSentence)) continue;
    const reading = cue.according === true ? phraseAt(words, cue.last + 1, mentionAt, breakBefore, words.length) : isSaysIt(cue) ? saysIt(words, cue, mentionAt, breakBefore) : subjectAfter(words, cue.last + 1, mentionAt, breakBefore, cue);
    if (!reading) continue;
    // (`Så sa han at den var fin.` inside the quote reports; `Det sier Kari Dahl til NRK.` only attributes.)
    if (opensSentence && cueWord > k && sentence && words.slice(reading.end).some((w) => w.start < sentence.end && w.lower === 'at')) continue;
    let attributionEnd = sentence ? sentence.end : end;
    // `– Hvis vi skal det, sier Lian, må vi tørre å selge.`: the quote goes on after the attribution's comma.
    const next = words[reading.end];
    if (next && words[reading.end - 1].commaAfter && CONTINUING.has(next.lower) && next.start < attributionEnd) attributionEnd = next.start;
    const quoteEnd = opensSentence ? trimEnd(text, from, words[k].start) : words[k - 1].end + (before.match(/^[?!]/u) ? 1 : 0);
    const tail = text.slice(words[reading.end - 1]?.end ?? attributionEnd, attributionEnd);
    const second = /\b(?:og|,)\s*(legger til|la til|sier|fortsetter|utdyper|forklarer)\s*:\s*$/u.exec(tail);
    return {
      quoteEnd: opensSentence ? quoteEnd : words[k - 1].end + (/^[?!]/u.test(before) ? 1 : 0),
      cue: cue.cue,
      subject: reading.subject,
      at: words[cue.verb].start,
      attributionEnd,
      introduces: second ? second[1] : null,
    };
  }
  return undefined;
}

/** Whether the stretch opens with a sentence of narration that reports someone (`Han legger til at …`, `Hansen mener …`). */
export function narrates(text: string, start: number, end: number, mentionAt: (word: Word) => EntityMention | undefined): boolean {
  const sentence = sentencesIn(text, start, end)[0];
  if (!sentence) return false;
  const words = wordsIn(text, sentence.start, sentence.end);
  const found = bestCue(text, words, [], mentionAt);
  if (!found?.subject || found.cue.verb > 4) return false;
  const { subject } = found;
  return subject.kind === 'pronoun' || subject.kind === 'mention' || subject.kind === 'role';
}

/** Words of the first and second person: a sentence with one may be quoted words; narration has none. */
const FIRST_AND_SECOND = new Set(['jeg', 'meg', 'min', 'mitt', 'mine', 'vi', 'oss', 'vår', 'vårt', 'våre', 'du', 'deg', 'din', 'ditt', 'dine', 'dere', 'eg', 'me']);

/**
 * Whether the stretch opens with a sentence of narration about someone in the third person, between two
 * stretches of their words: `– …, sier han. Så rister han på hodet. – Nei, …`, `Hun må stoppe opp et øyeblikk.`
 */
export function describesSomeone(text: string, start: number, end: number): boolean {
  const sentence = sentencesIn(text, start, end)[0];
  if (!sentence) return false;
  const words = wordsIn(text, sentence.start, sentence.end);
  if (words.some((w) => FIRST_AND_SECOND.has(w.lower))) return false;
  return words.slice(0, 3).some((w) => w.lower === 'han' || w.lower === 'hun' || w.lower === 'ho');
}

/**
 * A dash quote without a cue of its own, attributed by the next paragraph's first sentence
 * (`Det sier Kari Dahl til NRK.`).
 */
export function attributionAfter(
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
  if (!cue || cue.according === true) return undefined;
  const reading = subjectAfter(words, cue.last + 1, mentionAt, breaks(text, words), cue);
  if (!reading) return undefined;
  return { subject: reading.subject, cue: cue.cue, at: words[1].start, sentence };
}

/** Whether a dash question is answered by the next stretch: another dash quote, or a labelled answer. */
export function answered(text: string, segments: readonly Segment[], s: number, d: number, starts: readonly number[]): boolean {
  if (d + 1 < starts.length) return true;
  const next = segments[s + 1];
  if (next === undefined) return false;
  if (DASH_AT_START.test(text.slice(next.start, next.start + 2)) || next.label !== undefined) return true;
  // `Hun ler og ser ut av vinduet.` between the question and the answer.
  const after = segments[s + 2];
  return after !== undefined && next.end - next.start <= SCENE_CHARS && describesSomeone(text, next.start, next.end) && DASH_AT_START.test(text.slice(after.start, after.start + 2));
}

/** How long a line of scene between a question and its answer may be. */
const SCENE_CHARS = 200;

/** Labels of an interview's turns that say what the turn is: `Spørsmål:`, `Svar:`. */
const QUESTION_LABELS = new Set(['spørsmål', 'spm', 'sp', 'q']);
const ANSWER_LABELS = new Set(['svar', 'sv', 'a']);

/** An interview's labelled paragraph: `VG: Hvor stor er faren?` (a question) or `STØRE: Den er større.` */
export function labelled(text: string, segment: Segment, mentionAt: (word: Word) => EntityMention | undefined, newsroom?: string): Draft {
  const start = skipDash(text, segment.start, segment.end);
  const end = trimEnd(text, start, segment.end);
  const label = segment.label as Span;
  // `Spørsmål: …` and `Svar: …`: the interview's turns by what they are, not by whom.
  const named = text.slice(label.start, label.end).replace(/[:\s]+$/u, '').toLowerCase();
  if (QUESTION_LABELS.has(named)) return { start, end, kind: 'question', cue: null, source: { kind: 'interviewer' } };
  if (ANSWER_LABELS.has(named)) return { start, end, kind: 'direct', cue: null, source: { kind: 'answer' } };
  const words = wordsIn(text, label.start, label.end);
  const reading = words.length ? phraseAt(words, 0, mentionAt, () => false, words.length) : undefined;
  const question = text[end - 1] === '?';
  // `NRK: Hva nå?`: a newsroom's label asks through its interviewer, named or not.
  // (So does the article's own newsroom, by the name its dateline gives it: `EID (Fjordabladet)`, `VINJE (TA)`.)
  const ours = newsroom !== undefined && named === newsroom.toLowerCase();
  const interviewer = question && (!reading || ours || isMedia(reading.subject) || reading.subject.kind === 'unnamed');
  const source: Source = interviewer ? { kind: 'interviewer' } : reading ? { kind: 'subject', subject: reading.subject, at: label.start, label: true } : { kind: 'previous' };
  return { start, end, kind: question ? 'question' : 'direct', cue: null, source };
}
