/**
 * Quotes in running text: words in «…» or "…" that are someone's (not a term or a title), and reported
 * speech.
 */
import type { Span } from '../article';
import type { EntityMention } from '../entities/types';
import { type Sentence, type Word, sentencesIn, skipSpace, trimEnd, wordsIn } from './sentences';
import { type Cue, attributionCueAt } from './speechVerbs';
import { subjectAfter } from './subjects';
import { type Draft, type Segment, type Source } from './quoteTypes';
import { CLAUSE_VERBS } from './attribution';
import { bestCue, breaks, type FoundCue, governsClause, onlyAttributes, reportsNothing } from './clauses';

export const QUOTE_PAIRS = /«([^«»]+)»|"([^"\n]+)"|“([^“”\n]+)”/gu;
/** Words before a quoted phrase that make it a term or a title, not anyone's words. */
export const TERM_BEFORE = /(?:såkalte?|kalt|kalles|heter|navnet|begrepet|uttrykket|ordet|prosjektet|operasjonen|boka|boken|filmen|serien|stykket|forestillingen|albumet|låten|sangen|programmet|rapporten|kampanjen|tittelen|slagordet|merket|aksjonen|planen|strategien)\s*$/iu;
/** Whether a quote stands right by its cue: `ropte «skam deg»`, `«Nei», sa hun`. */
export function nextTo(text: string, quote: Span, words: readonly Word[], cue: Cue): boolean {
  const verb = words[cue.verb];
  const last = words[cue.last];
  // (Each side only where the cue is on that side: a slice that runs backwards is empty, and would match.)
  if (last.end <= quote.start) return /^[\s:«"“]*$/u.test(text.slice(last.end, quote.start));
  return verb.start >= quote.end && /^[»"”\s,?!]*$/u.test(text.slice(quote.end, verb.start));
}

/**
 * Whether a quote stands inside the clause a cue before it governs: after other words of an at-clause (`sa at Europa
 * må «…»`), or after the verb of a clause without `at` (`sier dommen er «…»`, `sier hun er «svært skuffet»`).
 */
function withinClause(text: string, quote: Span, words: readonly Word[], cue: Cue): boolean {
  for (let k = cue.last + 1; k < words.length && words[k].end <= quote.start; k++) {
    if (words[k].lower === 'at') return !/^[\s«"“]*$/u.test(text.slice(words[k].end, quote.start));
    if (k > cue.last + 1 && CLAUSE_VERBS.has(words[k].lower)) return true;
  }
  return false;
}

/** Verbs whose object is the quoted words, not a clause: `kaller forslaget «et svik»`, `beskriver det som «…»`. */
export const NAMING_VERBS = new Set(['kaller', 'kalte', 'beskriver', 'beskrev', 'betegner', 'betegnet', 'omtaler', 'omtalte']);
/** Inline quotes need this many words, or two with a cue of their own; one word is a term. */
export const INLINE_WORDS = 3;

/** Inline quotes and reported speech in a stretch of narration. */
export function narration(
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
    // `«Vi er glade», smiler hun.`: a verb that only attributes, right after the quote, with its subject.
    if (!best) {
      for (const sentence of touched) {
        const { words: sentenceWords } = read(sentence);
        const k = sentenceWords.findIndex((w) => w.start >= q.end);
        const cue = k > 0 ? attributionCueAt(sentenceWords.map((w) => w.lower), k) : undefined;
        if (!cue || !nextTo(text, q, sentenceWords, cue)) continue;
        const reading = subjectAfter(sentenceWords, cue.last + 1, mentionAt, breaks(text, sentenceWords), cue);
        if (reading) {
          best = { cue, subject: reading.subject };
          cueWords = sentenceWords;
        }
        break;
      }
    }
    // A short phrase is someone's words when a verb names it so (`kaller det «helt uholdbart»`); inside a reported clause it is part of it.
    const adjacent = best !== undefined && (NAMING_VERBS.has(cueWords[best.cue.verb]?.lower ?? '') || nextTo(text, q, cueWords, best.cue));
    if (words.length < INLINE_WORDS && !(words.length >= 2 && adjacent)) continue;
    // `sa at Europa må «ta ansvar for egen sikkerhet»`: words inside the at-clause a cue governs are part of the reported
    // sentence; a quote that is the whole clause (`sa at «alle spørsmål ligger på bordet»`) is the speaker's own.
    if (best && !adjacent && withinClause(text, q, cueWords, best.cue)) continue;
    const whole = touched.length > 0 && q.start - 1 <= touched[0].start && q.end + 2 >= touched[touched.length - 1].end;
    const source: Source = best?.subject ? { kind: 'subject', subject: best.subject, at: cueWords[best.cue.verb].start } : whole ? { kind: 'previous' } : { kind: 'none' };
    const draft: Draft = { start: q.start, end: q.end, kind: 'direct', cue: best ? best.cue.cue : null, source };
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
    if (onlyAttributes(words, best) || reportsNothing(text, words, lowers, best.cue)) continue;
    // `Forlaget kaller boken et «comeback».`: naming something with a term in guillemets is no one's words.
    // (Unless the sentence goes on to report: `kalte påstandene for «galskap» og understreket at …`.)
    const term = inline.some((q) => sentence.start <= q.start && q.end <= sentence.end);
    if (NAMING_VERBS.has(lowers[best.cue.verb]) && term && lowers.indexOf('at', best.cue.last + 1) < 0) continue;
    if (!best.subject && !governsClause(lowers, best.cue) && best.cue.according !== true) continue;
    const source: Source = best.subject ? { kind: 'subject', subject: best.subject, at: words[best.cue.verb].start } : { kind: 'none' };
    drafts.push({ start: sentence.start, end: sentence.end, kind: 'reported', cue: best.cue.cue, source });
  }
}

/** Quoted phrases in a stretch that may be someone's words: not a term or a title (`det såkalte «…»`, `«Vildanden»`). */
export function inlineQuotes(text: string, stretch: Span): Span[] {
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
