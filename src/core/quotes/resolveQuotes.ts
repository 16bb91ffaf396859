/**
 * The second pass: each draft's speaker resolved in reading order (`speakers.ts`), an interview's
 * interviewer and interviewee, a headline quote said again below.
 */
import type { Article, Span } from '../article';
import { isRole } from '../entities/cues';
import type { EntityMention } from '../entities/types';
import { foldForMatching } from '../text';
import { wordsIn } from './sentences';
import { sexOfName } from './gender';
import { isMediumName } from '../media';
import { namesFit, type Speaker, speakerOf } from './speakerNames';
import { SpeakerResolver } from './speakers';
import type { Subject } from './subjects';
import { type Draft, type Quote } from './quoteTypes';
import { isMedia } from './clauses';
import { kinOf } from './kin';
import { stemOf } from './titles';

/** Speakers, resolved in reading order. */
export function resolve(article: Pick<Article, 'text' | 'blocks' | 'byline'>, mentions: readonly EntityMention[], drafts: Draft[], quoted: readonly Span[]): Quote[] {
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
  // `Ahus` of `Ahus-pasienter` is part of a word, not someone named.
  const compoundPart = (m: EntityMention): boolean => /^-\p{L}/u.test(article.text.slice(m.end, m.end + 2));
  const resolver = new SpeakerResolver(
    article.text,
    mentions,
    (m) => !inside(quoted, m) && !inside(furniture, m) && !compoundPart(m),
    wordsIn(article.text, 0, article.text.length),
    (position) => !inside(quoted, { start: position, end: position + 1 }) && !inside(furniture, { start: position, end: position + 1 }),
  );
  const questions = kept.filter((d) => d.kind === 'question').length;
  const interview = questions >= 2 || kept.some((d) => d.source.kind === 'answer');
  const interviewer = interview ? interviewerOf(article, mentions) : null;
  const firstQuestion = kept.find((d) => d.kind === 'question');
  const answering = interview ? interviewee(article, mentions, quoted, furniture, interviewer, firstQuestion?.start) : null;
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
        // `…, siterer nyhetsbyrået Tass Sjilov`: the medium and the person it cites, read as one name by the recognizer.
        const cited = draft.cue === 'siterer' || draft.cue === 'siterte' ? citedAfterMedium(source.subject) : undefined;
        if (cited) {
          const found = resolver.resolve({ kind: 'name', name: cited }, source.at);
          speaker = found?.speaker ?? null;
          if (found) resolver.hear(found.speaker, found.type, source.at);
          break;
        }
        if (source.label && draft.kind === 'question' && labelsNewsroom(source.subject)) {
          // `Avisa: Hvorfor …?`, `Adresseavisen: …`: the newsroom asks, by its journalist.
          speaker = interviewer;
          break;
        }
        if (source.label && answering && labelNames(source.subject, answering)) {
          // `BERGLUND:` in an interview with Maren Berglund is her, even where a brother Tor Berglund is named too.
          speaker = answering;
          break;
        }
        const found = resolver.resolve(source.subject, source.at);
        speaker = found?.speaker ?? null;
        if (found) resolver.hear(found.speaker, found.type, source.at, draft.kind === 'direct');
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
 * A headline, lead or caption that quotes words said again below (`Styret vedtok sammenslåing: – En trist dag for
 * Gjøvik`, `– Man regner med …, sier Russland-ekspert til TV 2.`) is the speaker's who says them there.
 */
export function echoed(article: Pick<Article, 'text' | 'blocks'>, quotes: Quote[]): Quote[] {
  const display = article.blocks.filter((b) => b.kind === 'headline' || b.kind === 'lead' || b.kind === 'caption');
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
export function interviewerOf(article: Pick<Article, 'text' | 'blocks' | 'byline'>, mentions: readonly EntityMention[]): Speaker | null {
  const byline = article.blocks.find((b) => b.kind === 'byline');
  const bylineText = byline ? article.text.slice(byline.start, byline.end) : '';
  // `Av Marius Løken (tekst) og Tone Kvalheim (foto)`, `Tekst: Marius Løken Foto: Tone Kvalheim`, `…, Tone Kvalheim, fotograf`: the photographer asks nothing.
  const photographer = (name: string): boolean =>
    new RegExp(`${escapeRegExp(name)}\\s*(?:\\((?:foto|fotograf|video|bilder)\\)|,\\s*(?:foto|fotograf|videojournalist)\\b)`, 'iu').test(bylineText) ||
    // (`Tekst og foto: Silje Dahl` wrote it too.)
    new RegExp(`(?<!tekst\\s+og\\s+)(?:foto|video|bilder|illustrasjon|grafikk)\\s*:[^:]*${escapeRegExp(name)}`, 'iu').test(bylineText);
  const authors = (article.byline?.authors ?? []).filter((name) => !photographer(name));
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
export function interviewee(
  article: Pick<Article, 'text' | 'blocks'>,
  mentions: readonly EntityMention[],
  quoted: readonly Span[],
  furniture: readonly Span[],
  interviewer: Speaker | null,
  firstQuestion?: number,
): Speaker | null {
  const people = mentions.filter((m) => m.type === 'person' && m.entityId !== interviewer?.id && !inside(furniture, m));
  // A name with a given name of known sex, before one the recognizer may have taken for a person (`Havbris Offshore`).
  const given = (m: EntityMention): boolean => m.canonical.includes(' ') && sexOfName(m.canonical) !== undefined;
  // Questions well into a news story (`Jonas Rydland er forsker ved Nupi … Spørsmål: Hvorfor …?`) ask the person the
  // paragraph just before them brings in, not the one the headline names.
  let top: Speaker | undefined;
  let topEnd = 0;
  for (const block of article.blocks) {
    if (block.kind !== 'headline' && block.kind !== 'lead') continue;
    const inBlock = people.filter((m) => m.start >= block.start && m.end <= block.end);
    const first = inBlock.find(given) ?? inBlock[0];
    if (first) {
      top = speakerOf(first);
      topEnd = block.end;
      break;
    }
  }
  const questionBlock = firstQuestion === undefined ? -1 : article.blocks.findIndex((b) => b.start <= firstQuestion && firstQuestion < b.end);
  const leadBlock = article.blocks.findIndex((b) => b.kind === 'lead');
  if (questionBlock > Math.max(leadBlock, 0) + 3) {
    const before = article.blocks[questionBlock - 1];
    // (Brought in with a title: `Jonas Rydland er forsker ved Nupi`, `Kari Dahl, professor i …`.)
    // (Or with the title before the name: `TA møtte ordfører Halvor Kåsa Ljosland etter møtet`.)
    const titled = (m: EntityMention): boolean =>
      wordsIn(article.text, m.end, Math.min(before.end, m.end + 40)).slice(0, 3).some((w) => isRole(w.lower)) ||
      // (A relative is not who the newsroom sat down with: `Broren Tor Berglund har ikke lest boka.`)
      wordsIn(article.text, Math.max(before.start, m.start - 30), m.start).slice(-1).some((w) => isRole(w.lower) && !kinOf(stemOf(w.lower)));
    const introduced = people.filter((m) => before.kind === 'paragraph' && m.start >= before.start && m.end <= before.end && !inside(quoted, m) && titled(m));
    const first = introduced.find(given) ?? introduced[0];
    // (`Berglund har jobbet som lærer …` before the questions of an interview with Maren Berglund is her.)
    if (first && !(top && (first.entityId === top.id || namesFit(first.text, top.name, false)))) return speakerOf(first);
  }
  // `I førti år visste ingen hva Ruth Nyhus opplevde … Nå har barnebarnet skrevet roman om det.` and then `Astrid Nyhus (34)
  // har dekket på …`: a lead's person the body does not name again before the questions was spoken of; the one the
  // body brings in with an age is who the newsroom met (not a relative: `Sønnen Per (12) …`).
  if (top && firstQuestion !== undefined) {
    const body = people.filter((m) => m.start >= topEnd && m.end <= firstQuestion && !inside(quoted, m));
    const again = body.some((m) => m.entityId === top?.id || namesFit(m.text, top?.name ?? '', false));
    const aged = body.filter(
      (m) => /^\s*\(\d{1,3}\)/u.test(article.text.slice(m.end, m.end + 6)) && !wordsIn(article.text, Math.max(topEnd, m.start - 30), m.start).slice(-1).some((w) => kinOf(stemOf(w.lower))),
    );
    if (!again && aged.length && !namesFit(aged[0].text, top.name, false)) return speakerOf(aged[0]);
  }
  if (top) return top;
  const counts = new Map<string, { mention: EntityMention; count: number }>();
  for (const m of people) {
    if (inside(quoted, m)) continue;
    const entry = counts.get(m.entityId) ?? { mention: m, count: 0 };
    entry.count++;
    counts.set(m.entityId, entry);
  }
  let best: { mention: EntityMention; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best ? speakerOf(best.mention) : null;
}

export /** Whether `span` lies within one of `spans`. */
function inside(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => s.start <= span.start && span.end <= s.end);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A subject's name as the text writes it (a mention's or a name's), or undefined for a pronoun, a role or anyone unnamed. */
function writtenName(subject: Subject): string | undefined {
  return subject.kind === 'name' ? subject.name : subject.kind === 'mention' ? subject.mention.text : undefined;
}

/** Whether an interview's label (`BERGLUND`, `Maren Berglund`) names the person interviewed: their name, or its end. */
function labelNames(subject: Subject, person: Speaker): boolean {
  const written = writtenName(subject);
  return written !== undefined && namesFit(written, person.name, false);
}

/** Whether an interview's label is the newsroom's: `Avisa`, `Avisen`, or a medium's name (`Adresseavisen`, `VG`). */
function labelsNewsroom(subject: Subject): boolean {
  const written = writtenName(subject);
  return written !== undefined && (/^(?:avisa|avisen|avis|redaksjonen)$/iu.test(written) || isMediumName(written));
}

/** `Tass Sjilov`: a name whose first word is a medium's, the rest the person it cites; or undefined. */
function citedAfterMedium(subject: Subject): string | undefined {
  const name = writtenName(subject);
  const words = name?.split(' ') ?? [];
  return words.length >= 2 && isMediumName(words[0]) ? words.slice(1).join(' ') : undefined;
}
