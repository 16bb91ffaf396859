/**
 * A sentence's speech verb and its subject, read as Norwegian word order puts them: after the verb (`Fredag
 * varslet USA …`, `…, skriver Reuters.`), the clause's first phrase (`Politiet opplyser …`), a relative
 * clause's antecedent, a name in apposition to a title.
 */
import type { Span } from '../article';
import { isRole, ORGANIZATION_ENDING } from '../entities/cues';
import { gazetteer } from '../entities/gazetteer';
import type { EntityMention } from '../entities/types';
import { type Word } from './sentences';
import { type Cue, cueAt, standsAt } from './speechVerbs';
import { sexOfName } from './gender';
import { isMediumName } from '../media';
import { type Subject, documentSource, FINITE_VERBS, phraseAt, subjectAfter } from './subjects';

/** Words that open a sentence that only attributes what came before: `Det sier Kari Dahl til NRK.` */
export const ATTRIBUTING_OPENERS = new Set(['det', 'dette', 'slik', 'så']);

export interface FoundCue {
  readonly cue: Cue;
  readonly subject: Subject | undefined;
}

/** The cue of a sentence that tells who speaks: a speaker who is not a medium reporting them, if there is one. */
export function bestCue(text: string, words: readonly Word[], inline: readonly Span[], mentionAt: (word: Word) => EntityMention | undefined): FoundCue | undefined {
  const lowers = words.map((w) => w.lower);
  const breakBefore = breaks(text, words);
  const outside = (w: Word): boolean => !inline.some((q) => q.start - 1 <= w.start && w.end <= q.end + 1);
  const cues: FoundCue[] = [];
  for (let k = 0; k < words.length; k++) {
    if (!outside(words[k])) continue;
    // `«Elever som jukser, ødelegger for alle», skriver organisasjonen`: right after quoted words, the subject follows the
    // verb, whatever the words inside the quote look like.
    const afterQuote = inline.some((q) => q.end <= words[k].start && /^[»"”\s,?!]*$/u.test(text.slice(q.end, words[k].start)));
    const cue = cueAt(lowers, k) ?? (afterQuote ? standsAt(lowers, k) : undefined);
    if (!cue) continue;
    const inverted = afterQuote && cue.according !== true && !isSaysIt(cue) ? subjectAfter(words, cue.last + 1, mentionAt, breakBefore, cue)?.subject : undefined;
    const reading = inverted ?? subjectOf(words, cue, mentionAt, breakBefore);
    if (reading !== 'relative') cues.push({ cue, subject: reading });
    k = cue.last;
  }
  // A medium's report of what someone said (`Reuters melder at Macron sier at …`) is that person's words; a
  // medium's report of what someone did (`Biden har varslet sanksjoner, melder AP`) is the medium's.
  // Someone's words are theirs also where the cue follows quoted words (`«…», skriver Kremls talsperson …, ifølge
  // Reuters`) or is a verb of opinion, whose object is always what they think (`Vestlige kilder mener Moskva vil …`).
  const medium = cues.find((c) => isMedia(c.subject));
  const quotedBefore = (c: FoundCue): boolean => inline.some((q) => q.end <= words[c.cue.verb].start && /^[»"”\s,]*$/u.test(text.slice(q.end, words[c.cue.verb].start)));
  const says = (c: FoundCue): boolean => governsClause(lowers, c.cue) || c.cue.according === true || OPINION.has(c.cue.cue) || quotedBefore(c);
  // `Kina beklager beslutningen …, heter det i en uttalelse fra X.`: an attribution that closes the sentence after a comma
  // says whose the whole sentence is, the cue before it included.
  const last = cues[cues.length - 1];
  if (cues.length > 1 && last.subject && !isMedia(last.subject) && commaBefore(words, last.cue.verb) && last.cue.last + 1 < words.length && attributesTheRest(words, last)) return last;
  const speaking = cues.find((c) => c.subject && !isMedia(c.subject) && (!medium || says(c)));
  return speaking ?? medium ?? cues.find((c) => c.subject) ?? cues[0];
}

/** Whether a cue after a comma only attributes what came before: its subject follows it, and no clause of its own (`, sier X til NRK.`, not `, sier X at …`). */
function attributesTheRest(words: readonly Word[], found: FoundCue): boolean {
  if (found.cue.according === true) return false;
  const rest = words.slice(found.cue.last + 1).map((w) => w.lower);
  if (rest.includes('at') || rest.includes('om')) return false;
  const subject = found.subject;
  if (!subject) return false;
  const at = subject.kind === 'mention' ? subject.mention.start : subject.kind === 'pronoun' || subject.kind === 'role' || subject.kind === 'document' ? subject.at : -1;
  return isSaysIt(found.cue) || at > words[found.cue.verb].start;
}

/** Words that make `at` open a clause of time, cause or manner, not what is said: `etter at`, `fordi at`, `uten at`. */
const AT_AFTER = new Set(['etter', 'før', 'uten', 'fordi', 'slik', 'så', 'for', 'med', 'til', 'enn', 'sidan', 'siden', 'utan']);

/** Words ending like a verb's present or past that are not verbs: `sier han senere`, `sa hun etter møtet`. */
const NOT_VERBS = new Set(['etter', 'heller', 'senere', 'tidligere', 'lenger', 'under', 'over', 'der', 'her', 'aller', 'sammen', 'imellom', 'seinare', 'derfor', 'sikkert', 'helt', 'nettopp', 'selvsagt', 'tydeligvis', 'dessverre', 'faktisk', 'egentlig', 'gjerne']);

/** Whether word `k` is a finite verb that a reported clause's subject stands before: `han kommer`, `hun har`, `de ville`. */
export function opensClause(words: readonly Word[], k: number): boolean {
  const word = words[k]?.lower;
  if (word === undefined || NOT_VERBS.has(word)) return false;
  return FINITE_VERBS.has(word) || /^\p{Ll}{3,}(?:er|te|et|de)$/u.test(word);
}

/** Verbs of opinion: what follows them is what the subject thinks, with `at` or without. */
const OPINION = new Set(['meiner', 'meinte', 'trur', 'trudde', 'hevdar', 'hevda', 'fryktar', 'frykta', 'mener', 'mente', 'tror', 'trodde', 'hevder', 'hevdet', 'frykter', 'fryktet', 'anslår', 'anslo', 'antyder', 'antydet', 'konkluderer', 'konkluderte', 'fastslår', 'fastslo']);

/** Adverbs that may stand before a sentence's subject, focusing it: `Også SV varslet`, `Selv Hansen mener`, `Bare Kari Dahl sa`. */
const FOCUS_ADVERBS = new Set(['også', 'selv', 'bare', 'kun', 'heller', 'særlig', 'spesielt', 'nettopp', 'jamfør']);

/** Words that open a sentence with an adverbial, so that the subject follows the verb (`Fredag varslet USA …`). */
export const ADVERBIAL_OPENERS = new Set([
  'samtidig', 'dessuten', 'derfor', 'nå', 'da', 'så', 'også', 'likevel', 'i', 'på', 'etter', 'under', 'før', 'til', 'fra', 'ved', 'med', 'mot',
  'overfor', 'om', 'for', 'hos', 'blant', 'gjennom', 'tidligere', 'senere', 'allerede', 'nylig', 'torsdag', 'fredag', 'lørdag', 'søndag',
  'mandag', 'tirsdag', 'onsdag', 'her', 'der', 'dermed', 'imidlertid', 'videre', 'først', 'deretter', 'siden', 'ifølge', 'selv', 'heller',
  'trolig', 'kanskje', 'egentlig', 'faktisk', 'heldigvis', 'dessverre', 'til', 'natt', 'kveld', 'morgen', 'onsdag', 'det', 'dette', 'slik',
  'sånn', 'hvorfor', 'hvordan', 'hva', 'hvem', 'når', 'hvor', 'etterpå', 'lenge', 'ofte', 'aldri', 'alltid', 'tross',
  'ifølgje', 'no', 'då', 'difor', 'òg', 'kvifor', 'korleis', 'kva', 'kven', 'kor', 'sidan', 'truleg', 'samstundes',
]);

/**
 * The subject of a cue in a sentence of narration: after the verb (`Fredag varslet USA …`, `…, skriver
 * Reuters.`), or the clause's first phrase (`Politiet opplyser …`, `Han la til at …`); `relative` for a cue
 * inside a relative clause about something that does not speak (`noe Zelenskyj ba om`).
 */
export function subjectOf(
  words: readonly Word[],
  cue: Cue,
  mentionAt: (word: Word) => EntityMention | undefined,
  breakBefore: (index: number) => boolean,
): Subject | undefined | 'relative' {
  if (cue.according === true) return phraseAt(words, cue.last + 1, mentionAt, breakBefore, words.length)?.subject;
  if (isSaysIt(cue)) return saysIt(words, cue, mentionAt, breakBefore)?.subject ?? { kind: 'unnamed' };
  // `har ikke svart`, `ville ikke si`: no speech.
  // (Not one before a comma: `Hun angrer ikke, sier hun.`)
  if (!breakBefore(cue.verb) && words.slice(Math.max(0, cue.verb - 2), cue.verb).some((w) => w.lower === 'ikke' || w.lower === 'aldri')) return 'relative';
  // `vil ikke si hva han mener om vedtaket`: a cue in a question word's clause reports nothing.
  if (words.slice(Math.max(0, cue.verb - 2), cue.verb).some((w) => QUESTION_WORDS.has(w.lower))) return 'relative';
  const after = subjectAfter(words, cue.last + 1, mentionAt, breakBefore, cue);
  // `…, skriver Reuters.`; but `En lærer som ikke vil stå fram, forteller at …` has its subject before.
  // (A relative clause on the sentence's first phrase; not one further on, `… om en telefonsamtale, som skulle …, skriver Reuters`.)
  const relativeBefore = words.slice(0, cue.verb).some((w, k) => w.lower === 'som' && k > 0 && k <= 4);
  if (cue.verb > 0 && commaBefore(words, cue.verb) && after && !relativeBefore && !inApposition(words, cue.verb, mentionAt)) return after.subject;
  // The clause the verb is in: after `at`, or after `, og`/`, men` (a second main clause).
  let clauseStart = 0;
  for (let i = cue.verb - 1; i > 0; i--) {
    const lower = words[i].lower;
    // (`Revisor Helge Bjotveit, som gjekk gjennom rekneskapen etter at saka kom fram, forklarte …`: an `at` of a
    // clause of time or cause inside a relative clause that the comma before the verb closes.)
    if (lower === 'at' && breakBefore(cue.verb) && AT_AFTER.has(words[i - 1]?.lower ?? '') && words.slice(1, i - 1).some((w, k) => w.lower === 'som' && breakBefore(k + 1))) continue;
    if (lower === 'at' || ((lower === 'og' || lower === 'men' || lower === 'mens') && breakBefore(i))) {
      clauseStart = i + 1;
      break;
    }
    // `Lise Marie Dahl-Olsen (Ap), som leder komiteen, kalte …`: the relative clause closed, the main verb's subject is its antecedent.
    // (The sentence's own subject: its first phrase, not a name after a preposition, `En nabo av Rahimi, som …`.)
    if (lower === 'som' && breakBefore(i) && breakBefore(cue.verb) && i > 0) {
      const antecedent = mentionBefore(words, i, mentionAt);
      const first = words.findIndex((w) => w.start === antecedent?.start);
      const opens = first >= 0 && words.slice(0, first).every((w) => isRole(w.lower) || ADVERBIAL_OPENERS.has(w.lower));
      if (antecedent && opens && (antecedent.type === 'person' || antecedent.type === 'organization')) return { kind: 'mention', mention: antecedent };
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
    // `…, og ba alle nordmenn …`, `Han var ikke til stede, men sier på telefon at …`: the clause shares the sentence's subject.
    if (clauseStart > 0 && (words[clauseStart - 1].lower === 'og' || words[clauseStart - 1].lower === 'men')) {
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
  // `Det tyske finansdepartementet opplyser …`: `det` opening a body's name, not the sentence's adverbial.
  if ((opener.lower === 'det' || opener.lower === 'den') && !mentionAt(opener)) {
    const body = phraseAt(words, clauseStart, mentionAt, breakBefore, cue.verb);
    if (body?.subject.kind === 'name' && body.end === cue.verb) return body.subject;
  }
  if (ADVERBIAL_OPENERS.has(opener.lower) && !mentionAt(opener)) {
    // `Også SV varslet at …`: with the verb third, the adverb goes with the subject before the verb (a verb second
    // has its subject after it: `Fredag varslet USA …`).
    const focused = FOCUS_ADVERBS.has(opener.lower) ? phraseAt(words, clauseStart + 1, mentionAt, breakBefore, cue.verb) : undefined;
    const speaks = focused?.subject.kind === 'mention' && (personLike(focused.subject.mention) || focused.subject.mention.type === 'organization');
    if (focused && focused.end === cue.verb && speaks) return focused.subject;
    return after?.subject;
  }
  const reading = phraseAt(words, clauseStart, mentionAt, breakBefore, cue.verb);
  if (!reading) return after?.subject;
  if (reading.subject.kind === 'role' && !reading.subject.body) {
    // `Sjeføkonom i DNB Markets Kjersti Haugen mener …`: the person named after the title's body, before the verb.
    const last = mentionBefore(words, cue.verb, mentionAt);
    if (last && personLike(last) && !breakBefore(cue.verb)) {
      const between = words.slice(reading.end, cue.verb).filter((w) => w.start < last.start);
      if (between.length > 0 && between.length <= 6 && ['i', 'ved', 'hos', 'for'].includes(between[0].lower) && between.slice(1).every((w) => w.capital)) return { kind: 'mention', mention: last };
    }
    // `Leder i Elevorganisasjonen, Ane Kristine Berg, advarer …`: the name in apposition to the title.
    for (let k = reading.end; k < cue.verb; k++) {
      if (!commaBefore(words, k)) continue;
      const named = phraseAt(words, k, mentionAt, () => false, cue.verb);
      if (named && (named.subject.kind === 'name' || (named.subject.kind === 'mention' && personLike(named.subject.mention)))) return named.subject;
      break;
    }
  }
  if (reading.subject.kind === 'unnamed') {
    // `Et av vitnene, dørvakt Amir Haddad (33), forklarte …`: someone brought in unnamed and named in apposition.
    for (let k = reading.end; k < cue.verb; k++) {
      if (!commaBefore(words, k)) continue;
      const named = phraseAt(words, k, mentionAt, () => false, cue.verb);
      if (named?.subject.kind === 'mention' && personLike(named.subject.mention)) return named.subject;
      break;
    }
  }
  if (reading.subject.kind === 'name') {
    // A capitalised word opening the sentence is a common noun (`Separatistene`, `Foreldrene`) unless it looks like a name.
    return clauseStart > 0 || looksLikeName(reading.subject.name) ? reading.subject : { ...reading.subject, initial: true };
  }
  if (reading.subject.kind === 'mention') {
    const { type } = reading.subject.mention;
    if (type !== 'person' && type !== 'organization') {
      // `Lund sier han kommer …`: a pronoun with a verb after it opens the reported clause; the subject is the word the
      // recognizer took for a place (a surname, resolved against the people the article names).
      if (after?.subject.kind === 'pronoun' && opensClause(words, cue.last + 2) && clauseStart === 0) return reading.subject;
      return after?.subject ?? { kind: 'name', name: reading.subject.mention.text, initial: true };
    }
    // `Nato-land og Ukraina mener …`: several speakers are not one.
    // (Not the `og` inside a body's name: `Petter Ravnås i NHO Service og Handel sier …`.)
    for (let k = reading.end; k < cue.verb; k++) {
      const inside = mentionAt(words[k]);
      if (inside) {
        while (k + 1 < cue.verb && words[k + 1].start < inside.end) k++;
        continue;
      }
      if (words[k].lower === 'og') return { kind: 'unnamed' };
    }
  }
  return reading.subject;
}

/**
 * Whether the comma before the verb closes a name in apposition to the title that opens the sentence
 * (`Fastlege i Norsk forening for allmennmedisin, Ahmed Rashid, oppfordrer folk …`): the subject is that name,
 * not what follows the verb.
 */
function inApposition(words: readonly Word[], verb: number, mentionAt: (word: Word) => EntityMention | undefined): boolean {
  const named = mentionBefore(words, verb, mentionAt);
  if (!named || !personLike(named)) return false;
  const first = words.findIndex((w) => w.start === named.start);
  return first > 1 && commaBefore(words, first) && isRole(words[0].lower);
}

/** Whether a capitalised word opening a sentence is a name: an organisation's ending, a known given name or surname, or several words. */
export function looksLikeName(name: string): boolean {
  const parts = name.split(' ');
  const last = parts[parts.length - 1].toLowerCase();
  if (ORGANIZATION_ENDING.test(last) || /(?:sentralen|tjenesten|rådet|nemnda|ombudet|styret|foreningen|laget|klubben|kontoret|etaten|verket|senteret|instituttet|foretaket)$/u.test(last)) return true;
  if (parts.length > 1) return true;
  return gazetteer.isGivenName(parts[0]) || gazetteer.isSurname(parts[0]);
}

export function isSaysIt(cue: Cue): boolean {
  return cue.cue === 'heter det' || cue.cue === 'het det' || cue.cue === 'står det' || cue.cue === 'sto det' || cue.cue === 'stod det';
}

/** The subject of `heter det`: the body or the text the sentence names (`heter det i dommen`). */
export function saysIt(words: readonly Word[], cue: Cue, mentionAt: (word: Word) => EntityMention | undefined, breakBefore: (index: number) => boolean): { subject: Subject; end: number } | undefined {
  // (`«…», står det i brevet`: the text named after the verb, not a noun in the quoted words before it.)
  const from = cue.cue.startsWith('he') ? 0 : cue.last + 1;
  const subject = documentSource(words.slice(from), mentionAt, (index) => breakBefore(index + from));
  return subject ? { subject, end: cue.last + 1 } : undefined;
}

/** A person's mention, or a name of several words opening with a given name that the recognizer typed otherwise (`Ane Kristine Berg`). */
export function personLike(mention: EntityMention): boolean {
  return mention.type === 'person' || (mention.canonical.includes(' ') && sexOfName(mention.canonical) !== undefined);
}

/** Whether a comma (or a closing quotation mark) stands right before word `i`: `…, skriver Reuters`, `«…», sier hun`. */
export function commaBefore(words: readonly Word[], i: number): boolean {
  return i > 0 && words[i - 1].commaAfter;
}

/** The mention that ends right before word `i` (`Torbjørn Aune` before `, som`). */
export function mentionBefore(words: readonly Word[], i: number, mentionAt: (word: Word) => EntityMention | undefined): EntityMention | undefined {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const mention = mentionAt(words[k]);
    if (!mention) continue;
    if (mention.end < words[i - 1].end) return undefined;
    // `Lise Marie Dahl-Olsen (Ap), som …`: the party in brackets is the person's, who is the antecedent.
    if (mention.type === 'organization' && PARTY_SHAPE.test(mention.text)) {
      for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
        const person = mentionAt(words[j]);
        if (person) return person.type === 'person' && mention.start - person.end === 2 ? person : mention;
      }
    }
    return mention;
  }
  return undefined;
}

/** A party's short name as it stands in brackets after a politician's (`Ap`, `Sp`, `KrF`, `H`, `SV`, `MDG`). */
const PARTY_SHAPE = /^\p{Lu}[\p{L}]{0,3}$/u;

export function isMedia(subject: Subject | undefined): boolean {
  return (subject?.kind === 'mention' && isMediumName(subject.mention.canonical)) || (subject?.kind === 'name' && isMediumName(subject.name));
}

/** `Det melder Reuters.`: a sentence that names a medium as the source of what came before and says nothing itself. */
export function onlyAttributes(words: readonly Word[], found: FoundCue): boolean {
  const { cue } = found;
  if (cue.verb !== 1 || !ATTRIBUTING_OPENERS.has(words[0].lower) || !isMedia(found.subject)) return false;
  return words.length <= cue.last + 6 && !words.slice(cue.last + 1).some((w) => w.lower === 'at');
}

/** Whether a cue with no speaker still reports something: `… sier at …`, `varsles det at …`. */
export function governsClause(lowers: readonly string[], cue: Cue): boolean {
  return lowers.slice(cue.last + 1, cue.last + 6).includes('at');
}

/**
 * Cues that report words only with a clause, a colon or after them: `skrev store deler av romanen` is writing,
 * `peker på en sprekk` pointing, `viser til et notat` referring, `Ferja legger til` a ferry docking.
 */
const NEEDS_CLAUSE = new Set(['skriver', 'skrev', 'skrevet', 'peker på', 'pekte på', 'pekt på', 'viser til', 'viste til', 'vist til', 'minner om', 'minnet om', 'legger til', 'la til', 'lagt til']);

/**
 * Whether a sentence's cue reports no words: writing, pointing or docking without an `at`-clause, a colon or words
 * before it (`…, skriver X`); speech denied after the verb (`sier ikke noe`) or without content (`før hun sier noe`,
 * `forteller om døgnene på fjellet`); a verb that means something else with a particle further on (`sa begge
 * kollegene opp`, `klaget saken inn`); or a cue that ends its sentence with nothing reported (`Ferja legger til.`).
 */
export function reportsNothing(text: string, words: readonly Word[], lowers: readonly string[], cue: Cue): boolean {
  const after = lowers.slice(cue.last + 1);
  const at = after.indexOf('at');
  const before = commaBefore(words, cue.verb);
  const colon = text.slice(words[cue.last].end, words[words.length - 1].end + 1).includes(':');
  // (`skriver i en e-post til NTB at …`: the clause may stand further off than for `sier`.)
  if (NEEDS_CLAUSE.has(cue.cue)) return at < 0 && !before && !colon;
  // (`Hølaas, som …, foreslo å utsette saken`: a motion, though a comma stands before the verb; `anbefaler å sjekke
  // tre ting` is advice, which reports.)
  if (OBJECT_VERBS.has(cue.cue) && at < 0) {
    const motion = /^f[oø]resl/u.test(cue.cue);
    if (motion && after[0] === 'å') return true;
    if (!before && !colon && !after.slice(0, 6).some((word) => QUESTION_WORDS.has(word) || word === 'om' || (word === 'å' && !motion))) return true;
  }
  if (before || colon) return false;
  // After the verb, its subject if it follows (`sier hun ikke noe`), then what it governs.
  const rest = after[0] === 'han' || after[0] === 'hun' || after[0] === 'ho' || after[0] === 'de' || after[0] === 'dei' ? after.slice(1) : after;
  // `sier ikke noe`, `sa aldri et ord`; not `sier han aldri har sett …`, `tror ikke fabrikken kommer …`, which report.
  const denied = rest[0] === 'ikke' || rest[0] === 'aldri' ? rest.slice(1) : rest;
  if (rest.length > 0 && denied.every((word) => NOTHING.has(word))) return true;
  // `svarer med å kalle inn ambassadøren`: answering by doing something.
  if (rest[0] === 'med' && rest[1] === 'å') return true;
  const particle = (word: string, reach: number): boolean => {
    const k = after.indexOf(word);
    return k >= 0 && k < reach && (at < 0 || k < at);
  };
  if (/^fort/u.test(cue.cue) && particle('om', 5)) return true;
  // (`sa begge kollegene hennes opp`, its subject after it; not `sier de ikke gir opp`, a clause of its own.)
  const clause = after[0] !== undefined && CLAUSE_SUBJECTS.has(after[0]) && after[0] !== rest[0];
  if ((cue.cue === 'sa' || cue.cue === 'sier' || cue.cue === 'sagt') && !clause && !CLAUSE_SUBJECTS.has(rest[0] ?? '') && particle('opp', 5)) return true;
  if (/^klag/u.test(cue.cue) && particle('inn', 4)) return true;
  // `roste lagvenninnen`: praise or blame reports words only with what it is for (`roser mannskapet for å ha handlet raskt`).
  if (JUDGING.has(cue.cue) && at < 0 && !after.includes('for')) return true;
  return after.length === 0 && cue.verb > 0;
}

/**
 * Verbs that as often take a thing or a motion as words (`anbefalte selv sammenslåingen`, `foreslo å utsette
 * saken`): they report only an `at`-clause, a question or words around them. (`krever` reports a demand even with
 * a thing: `Macron krever umiddelbar stans i …`.)
 */
const OBJECT_VERBS = new Set(['anbefaler', 'anbefalte', 'anbefalt', 'foreslår', 'foreslo', 'foreslått', 'utelukker', 'utelukket', 'føreslår', 'føreslo']);

/** Verbs of praise and blame. */
const JUDGING = new Set(['roser', 'roste', 'kritiserer', 'kritiserte']);

/** Words that open an embedded question: `hva han mener`, `hvordan hun forklarer det`. */
const QUESTION_WORDS = new Set(['hva', 'hvem', 'hvordan', 'hvorfor', 'hvilke', 'hvilken', 'hvilket', 'hvor']);

/** Pronouns that open a clause after a speech verb: `sier de ikke gir opp`. */
const CLAUSE_SUBJECTS = new Set(['han', 'hun', 'ho', 'de', 'dei', 'vi', 'me', 'jeg', 'eg', 'det', 'den', 'du', 'dere', 'de', 'man']);

/** Words after a speech verb that say nothing: `før hun sier noe`, `sa ingenting`. */
const NOTHING = new Set(['noe', 'ingenting', 'mer', 'mye', 'lite', 'noen', 'ord', 'et', 'en', 'på', 'lenge', 'stund', 'lang', 'først', 'igjen', 'til', 'slutt']);

/** Whether punctuation stands between word i-1 and word i. */
export function breaks(text: string, words: readonly Word[]): (index: number) => boolean {
  return (index) => index > 0 && /[,.;:!?()«»"“”–—]/u.test(text.slice(words[index - 1].end, words[index].start));
}
