/**
 * Resolving a cue's subject to the entity that speaks, as a careful reader does: a title or role to the
 * person the article gave it (`den russiske presidenten` → `Russlands president Vladimir Putin`), a pronoun
 * to the fitting person named before (`hun` to the last woman, or person of unknown sex, named before), `de`
 * to the body that spoke just before, a common noun for a body (`politiet`) to the body of that kind the
 * article names. What cannot be resolved stays unresolved (null), never guessed.
 */
import { ORGANIZATION_ENDING } from '../entities/cues';
import { gazetteer } from '../entities/gazetteer';
import type { EntityMention } from '../entities/types';
import { type Sex, sexOfGivenName, sexOfName } from './gender';
import { isMediumName } from '../media';
import type { Word } from './sentences';
import { type Subject, isPersonNoun, nameAt } from './subjects';
import { folded, looksLikeBody, namesFit, type Speaker, speakerOf } from './speakerNames';
import { kinOf } from './kin';
import { fitsStem, isPluralOf, roleHead, SAME_TITLE, stemOf } from './titles';

export type { Speaker } from './speakerNames';

interface Heard {
  readonly at: number;
  readonly speaker: Speaker;
  readonly type: 'person' | 'organization' | 'other';
  /** Whether what they said there were their own words (a direct quote), not speech reported. */
  readonly direct?: boolean;
}

/** Nouns for an unnamed person with a sex of their own. */
const UNNAMED_SEX = new Map<string, Sex>([
  ['mann', 'male'], ['gutt', 'male'], ['herre', 'male'], ['kar', 'male'], ['far', 'male'], ['bestefar', 'male'], ['sønn', 'male'], ['bror', 'male'],
  ['kvinne', 'female'], ['dame', 'female'], ['jente', 'female'], ['mor', 'female'], ['bestemor', 'female'], ['datter', 'female'], ['søster', 'female'],
]);
/** Nouns for an unnamed person of either sex (`en pendler`, `en beboer`). */
const UNNAMED_PERSON = /^(?:pårørende|pårørande|pendler|beboer|passasjer|lærer|elev|student|kunde|turist|tilskuer|nabo|innbygger|sykepleier|lege|jordmor|ansatt|arbeider|sjåfør|bonde|fisker|pasient|pensjonist|forelder|velger|deltaker|vitne|kilde|person|ungdom|tenåring|voksen|forbipasserende|spiller|medlem|forsker|soldat|betjent|brannmann|ambulansearbeider|politiker|lokalpolitiker|representant|tjenestemann|diplomat|kollega|venn|venninne)$/u;
/** Texts whose author is a body of a known kind: a judgment's is a court, an indictment's the prosecution. */
const DOCUMENT_AUTHORS: readonly (readonly [RegExp, RegExp])[] = [
  [/^(?:dommen|kjennelsen)$/u, /(?:rett|domstol)/u],
  [/^(?:tiltalen|anken)$/u, /(?:okokrim|statsadvokat|riksadvokat|patalemyndighet|politi)/u],
];
/** How much later a person of unknown sex may be named than one of the pronoun's sex, and the pronoun still mean the latter (characters). */
const KNOWN_SEX_REACH = 600;
/** How far back `de` looks for the body that spoke (characters). */
const BODY_REACH = 600;
/** Words before and after a person's mention that may hold their title. */
const TITLE_BEFORE = 3;
const TITLE_AFTER = 5;
/** Words around a title's holder in which a qualifier (`russiske`, `Nupi`) is looked for. */
const QUALIFIER_REACH = 8;
const DETERMINERS = new Set(['den', 'det', 'de', 'nye', 'tidligere', 'daværende', 'nåværende', 'avtroppende', 'påtroppende', 'samme', 'sittende', 'konstituerte', 'fungerende']);

/** Nouns of nationality, by the adjective's stem the article may have given the person: `svensken` → `svensk`. */
const NATIONALITY = new Map<string, string>([
  ['svensken', 'svensk'], ['dansken', 'dansk'], ['nordmannen', 'norsk'], ['finnen', 'finsk'], ['briten', 'britisk'], ['amerikaneren', 'amerikansk'],
  ['tyskeren', 'tysk'], ['franskmannen', 'fransk'], ['nederlenderen', 'nederlandsk'], ['spanjolen', 'spansk'], ['italieneren', 'italiensk'],
  ['polakken', 'polsk'], ['russeren', 'russisk'], ['islendingen', 'islandsk'], ['ukraineren', 'ukrainsk'], ['kanadieren', 'kanadisk'],
]);

/** Nouns for a company: `selskapet`, `konsernet`, `bedriften`. */
/** Possessive pronouns after a kin noun, by the sex of whose relative it is (`mora hennar`, `faren hans`). */
const POSSESSIVE_SEX = new Map<string, Sex>([['hans', 'male'], ['hennes', 'female'], ['hennar', 'female']]);
/** Roles anyone may have, by their stem: `naboen`, `bilisten`, `beboeren`. */
const LAY_ROLES = new Set(['nabo', 'beboer', 'eier', 'huseier', 'hytteeier', 'bonde', 'sjåfør', 'bilist', 'syklist', 'passasjer', 'pasient', 'student', 'elev', 'turist', 'kunde', 'gjest', 'fisker', 'jeger', 'tilskuer', 'pensjonist', 'innbygger', 'pendler', 'forelder']);

/** National bodies whose name is the noun for them (`Kystvakten`, `Skatteetaten`): no other body is meant by it. */
const NATIONAL_BODY = /^(?:kystvakten|kystverket|sivilforsvaret|forsvaret|skatteetaten|tolletaten|kriminalomsorgen|redningsselskapet|luftambulansen|hovedredningssentralen|vegtrafikksentralen|riksantikvaren|sivilombudet|barneombudet|likestillingsombudet|forbrukerombudet)$/u;
const COMPANY_NOUNS = new Set(['selskap', 'konsern', 'firma', 'bedrift', 'rederi', 'verft', 'kjede', 'flyselskap', 'oppdrettsselskap', 'ledels', 'konsernledels']);

/** Whether a body's name may be a company's: `Nordavia`, `Fjordlaks ASA`; not `Utenriksdepartementet`, `Fagforbundet`, `NRK`. */
/** A company's legal form after its name: `Fjordlaks ASA`. */
const LEGAL_FORM = /\s+(?:AS|ASA|AB|Ltd|Inc|GmbH)$/u;

function isCompanyName(name: string): boolean {
  if (LEGAL_FORM.test(name)) return true;
  // (A stock exchange lists companies and is none of them for `selskapet`: `Oslo Børs`, `Euronext`.)
  if (/(?:Børs|Euronext|Nasdaq)$/u.test(name)) return false;
  return !isMediumName(name) && !ORGANIZATION_ENDING.test(name) && !/^\p{Lu}{2,6}$/u.test(name) && !/(?:parti|partiet|forbund|forbundet|forening|foreningen|lag|laget|rådet)$/iu.test(name);
}

export class SpeakerResolver {
  private readonly narrative: readonly EntityMention[];
  /** Every mention, the parts of compounds too (`Sp` of `Sp-representanten`). */
  private readonly mentions: readonly EntityMention[];
  private readonly heard: Heard[] = [];
  private readonly sexes = new Map<string, Sex | undefined>();

  /**
   * `mentions`: the article's entity mentions in text order; `isNarrative(m)`: whether a mention is in the
   * article's own narration (not in quoted words, a byline or a photo credit), where antecedents are.
   * `words`: the article's words, for titles around a name.
   */
  constructor(
    private readonly text: string,
    mentions: readonly EntityMention[],
    isNarrative: (mention: EntityMention) => boolean,
    private readonly words: readonly Word[],
    /** Whether a place is in the narration (not quoted words, a byline or a credit). */
    private readonly narrativeAt: (position: number) => boolean = () => true,
  ) {
    this.narrative = mentions.filter(isNarrative);
    this.mentions = mentions;
  }

  /** Records a resolved speaker at `at`: a later pronoun or `de` may mean them. */
  hear(speaker: Speaker, type: Heard['type'], at: number, direct = false): void {
    this.heard.push({ at, speaker, type, direct });
  }

  resolve(subject: Subject, at: number): { speaker: Speaker; type: Heard['type'] } | null {
    const found = this.find(subject, at);
    return found && found.type === 'person' ? { speaker: this.inFull(found.speaker, at), type: 'person' } : found;
  }

  /**
   * `Hilde` (`Kona Hilde sitter …`) where the article names `Hilde Skjærli`: a given name alone is the one person
   * named in full with it, the last before `at` or else the first after.
   */
  private inFull(speaker: Speaker, at: number): Speaker {
    // (Given names only, one or two: `Hilde`, `Tor Einar` where the article names `Tor Einar Bjørkås`.)
    const given = speaker.name.split(' ');
    if (given.length > 2 || given.some((name) => sexOfGivenName(name) === undefined)) return speaker;
    const prefix = `${folded(speaker.name)} `;
    const named = this.narrative.filter((m) => m.type === 'person' && folded(m.canonical).startsWith(prefix));
    if (named.length === 0 || new Set(named.map((m) => m.entityId)).size > 1) return speaker;
    return speakerOf(named.filter((m) => m.start < at).pop() ?? named[0]);
  }

  private find(subject: Subject, at: number): { speaker: Speaker; type: Heard['type'] } | null {
    switch (subject.kind) {
      case 'mention': {
        // `sier Tveit` where the recognizer gave the surname an entity of its own: the person named in full before.
        const { mention } = subject;
        if ((mention.type === 'person' || mention.source === 'rule') && !mention.canonical.includes(' ')) {
          const surname = ` ${folded(mention.canonical)}`;
          const fuller = this.narrative.find((m) => m.type === 'person' && folded(m.canonical).endsWith(surname));
          if (fuller) return { speaker: speakerOf(fuller), type: 'person' };
          const heard = [...this.heard].reverse().find((h) => h.type === 'person' && folded(h.speaker.name).endsWith(surname));
          if (heard) return { speaker: heard.speaker, type: 'person' };
          const full = this.writtenFullName(mention.text.replace(/s$/u, '') === mention.text ? mention.text : mention.canonical);
          if (full) return { speaker: { name: full, id: null }, type: 'person' };
        }
        // `Legeforeningen mener`, `skriver DSB`: a body's short name or initials, where the article names it in full.
        if (mention.type === 'organization' && !mention.canonical.includes(' ')) {
          // (Not a body of its own: `Nordavias pilotforening` is the pilots', not `Nordavia`.)
          const genitive = `${folded(mention.text)}s `;
          const fuller = this.narrative.find(
            (m) => m.type === 'organization' && m.entityId !== mention.entityId && m.canonical.includes(' ') && !folded(m.canonical).startsWith(genitive) && namesFit(mention.text, m.canonical, true),
          );
          if (fuller) return { speaker: speakerOf(fuller), type: 'organization' };
        }
        return { speaker: speakerOf(mention), type: typeOf(mention) };
      }
      case 'name':
        return this.named(subject.name, at, subject.initial === true);
      case 'unnamed':
        return null;
      case 'pronoun':
        return subject.pronoun === 'de' ? this.body(at) : this.person(subject.pronoun === 'hun' ? 'female' : 'male', subject.at);
      case 'role':
        return subject.body ? this.bodyNamed(subject.words, subject.at) : this.role(subject.words, subject.at);
      case 'document':
        return this.document(subject.noun, subject.at);
    }
  }

  private sexOf(mention: EntityMention): Sex | undefined {
    if (!this.sexes.has(mention.entityId)) this.sexes.set(mention.entityId, sexOfName(mention.canonical));
    return this.sexes.get(mention.entityId);
  }

  /**
   * The last person of a fitting sex named or heard before `at`; one whose given name tells the sex beats a
   * later one of unknown sex (often a name misread as a person's) within a paragraph or two.
   */
  private person(sex: Sex, at: number, depth = 0): { speaker: Speaker; type: 'person' } | null {
    let known: { at: number; speaker: Speaker; spoke?: boolean } | undefined;
    let unknown: { at: number; speaker: Speaker; spoke?: boolean } | undefined;
    const consider = (position: number, speaker: Speaker, sexOf: Sex | undefined, spoke = false): void => {
      if (sexOf !== undefined && sexOf !== sex) return;
      // Someone who spoke is as good as known: the pronoun after a quote is most often its speaker.
      if (sexOf === sex || spoke) {
        if (!known || position >= known.at) known = { at: position, speaker, spoke };
      } else if (!unknown || position >= unknown.at) {
        unknown = { at: position, speaker };
      }
    };
    for (const mention of this.narrative) {
      if (mention.start >= at) break;
      if (mention.type === 'person') consider(mention.start, speakerOf(mention), this.sexOf(mention));
    }
    // Names the recognizer missed: a known given name and a capitalised word after it (`Mannen hennes, Tor Erik Stave, …`).
    for (const written of this.writtenPeople()) {
      if (written.at >= at) break;
      consider(written.at, { name: written.name, id: null }, written.sex);
    }
    for (const heard of this.heard) {
      if (heard.at >= at || heard.type !== 'person') continue;
      consider(heard.at, heard.speaker, heard.speaker.id === null ? sexOfName(heard.speaker.name) : this.sexOfId(heard.speaker.id), true);
    }
    const best = known && (!unknown || unknown.at < known.at || unknown.at - known.at < KNOWN_SEX_REACH) ? known : unknown ?? known;
    // `En eldre mann ventet på bussen. – …, sa han.`: someone unnamed was brought in after anyone named.
    const unnamed = this.lastUnnamed(sex, at);
    if (unnamed !== undefined && (!best || unnamed > best.at)) return null;
    if (!best) return null;
    // The subject of the sentence that named them is the topic, not a name further on in it: `Per Olsen har ansatt Jon
    // Berg. – …, sier han.` is Olsen; `Han har ansatt Jon Berg.` is whoever `Han` is; `Hun viser til at Anne Lie …` too.
    // (Not one whose words the sentence reports: `Han fikk støtte fra Torbjørn Aune, som advarte …` brings Aune in to speak.)
    const opening = best.spoke ? undefined : this.sentenceOpening(best.at);
    if (opening && opening.start < best.at && this.narrativeAt(opening.start) && depth < 4) {
      if (sex === 'female' ? opening.lower === 'hun' || opening.lower === 'ho' : opening.lower === 'han') return this.person(sex, opening.start, depth + 1) ?? { speaker: best.speaker, type: 'person' };
      // (After a title: `Bistandsadvokat Tor Inge Fjeld representerer familien til Rune Lie.`)
      let first = this.wordIndexAtOrAfter(opening.start);
      while (first < this.words.length && this.words[first].start < best.at && isPersonNoun(this.words[first].lower) && !this.narrative.some((m) => m.start === this.words[first].start)) first++;
      const subject = this.narrative.find((m) => m.start === this.words[first]?.start && m.type === 'person');
      if (subject && this.sexOf(subject) === sex) return { speaker: speakerOf(subject), type: 'person' };
    }
    return { speaker: best.speaker, type: 'person' };
  }

  private namedNext(i: number, at: number): { speaker: Speaker; type: 'person' } | null {
    if (!/(?:en|et|a)$/u.test(this.words[i].lower)) return null;
    let k = i + 1;
    while (k < this.words.length && !this.sentenceBetween(this.words[k - 1].end, this.words[k].start)) k++;
    const next = this.words[k];
    if (!next || next.start >= at) return null;
    if (/\n/u.test(this.text.slice(this.words[k - 1].end, next.start))) {
      // `Treneren står på toppen med stoppeklokka. ⏎ – Der!, roper Lars Erik Moen.`: the one who speaks, named, in the
      // paragraph right after.
      const heard = this.heard.find((h) => h.at > this.words[i].end && h.at < at);
      const paragraphs = heard ? (this.text.slice(this.words[i].end, heard.at).match(/\n\s*\n/gu)?.length ?? 0) : 2;
      return heard && heard.type === 'person' && paragraphs === 1 && heard.speaker.id !== null ? { speaker: heard.speaker, type: 'person' } : null;
    }
    const person = this.narrative.find((m) => m.start === next.start && m.type === 'person');
    return person ? { speaker: speakerOf(person), type: 'person' } : null;
  }

  /** The first word of the sentence that `position` is in. */
  private sentenceOpening(position: number): Word | undefined {
    let i = this.wordIndexAtOrAfter(position);
    if (i >= this.words.length || this.words[i].start > position) i--;
    while (i > 0 && !this.sentenceBetween(this.words[i - 1].end, this.words[i].start)) i--;
    return this.words[i];
  }

  /** Where an unnamed person who fits the pronoun was last brought in before `at` (`en eldre mann`, `ei kvinne`, `en pendler`). */
  private lastUnnamed(sex: Sex, at: number): number | undefined {
    let found: number | undefined;
    for (let k = 0; k + 1 < this.words.length && this.words[k].start < at; k++) {
      const article = this.words[k].lower;
      // (In narration: `– Nei, du ville ha en gutt` brings no one in.)
      if ((article !== 'en' && article !== 'ei') || !this.narrativeAt(this.words[k].start)) continue;
      for (let n = k + 1; n <= k + 3 && n < this.words.length && this.words[n].start < at; n++) {
        const noun = this.words[n].lower;
        const nounSex = UNNAMED_SEX.get(noun);
        if (nounSex === undefined && !UNNAMED_PERSON.test(noun)) continue;
        // `Mona Aasen har en datter i niende klasse.`: after someone named in its sentence, the noun is no new topic.
        const start = this.words[k].start;
        const afterNamed = this.narrative.some((m) => m.type === 'person' && m.end <= start && !this.sentenceBetween(m.end, start));
        if (!afterNamed && (nounSex === undefined || nounSex === sex)) found = start;
        break;
      }
    }
    return found;
  }

  private sexOfId(id: string): Sex | undefined {
    if (this.sexes.has(id)) return this.sexes.get(id);
    const mention = this.narrative.find((m) => m.entityId === id);
    return mention ? this.sexOf(mention) : undefined;
  }

  /**
   * A text's author: a court for its judgment (`ifølge dommen`), the prosecution for an indictment, and for a
   * message, statement or letter the body that spoke, or was named, just before.
   */
  private document(noun: string, at: number): { speaker: Speaker; type: 'organization' } | null {
    const kinds = DOCUMENT_AUTHORS.find(([nouns]) => nouns.test(noun))?.[1];
    if (kinds) {
      let found: EntityMention | undefined;
      for (const mention of this.narrative) {
        if (mention.type === 'organization' && kinds.test(folded(mention.canonical)) && (!found || mention.start < at)) found = mention;
      }
      if (found) return { speaker: speakerOf(found), type: 'organization' };
      const heard = [...this.heard].reverse().find((h) => h.type === 'organization' && kinds.test(folded(h.speaker.name)));
      return heard ? { speaker: heard.speaker, type: 'organization' } : null;
    }
    const sent = this.sentBy(noun, at);
    if (sent) return sent;
    for (let i = this.heard.length - 1; i >= 0; i--) {
      const heard = this.heard[i];
      if (heard.at >= at) continue;
      if (at - heard.at > 2 * BODY_REACH) break;
      if (heard.type !== 'person' && !isMediumName(heard.speaker.name)) return { speaker: heard.speaker, type: 'organization' };
    }
    return null;
  }

  /**
   * `står det i brevet` after `Det var et brev fra Vangen Sparebank …` or `I et brev til de ansatte begrunner ledelsen …`:
   * the body the sentence that brought the text in names as its sender (after `fra`), or that spoke in that sentence.
   */
  private sentBy(noun: string, at: number): { speaker: Speaker; type: 'organization' } | null {
    const stem = stemOf(noun);
    if (stem === noun || stem.length < 4) return null;
    for (let i = this.wordIndexAtOrAfter(at) - 1; i >= 0 && at - this.words[i].start < 2 * BODY_REACH; i--) {
      const word = this.words[i].lower;
      if (!(word === stem || (word.endsWith(stem) && word.length <= stem.length + 12 && stemOf(word) === word)) || !this.narrativeAt(this.words[i].start)) continue;
      // The sentence it is in.
      let first = i;
      while (first > 0 && !this.sentenceBetween(this.words[first - 1].end, this.words[first].start)) first--;
      let last = i;
      while (last + 1 < this.words.length && !this.sentenceBetween(this.words[last].end, this.words[last + 1].start)) last++;
      const from = this.words[first].start;
      const to = this.words[last].end;
      // (A body that spoke since is whose the text more likely is: `DSB … i en pressemelding. Politiet skriver at …
      // «…», heter det i meldingen.`)
      if (this.heard.some((h) => h.at > to && h.at < at && h.type !== 'person')) return null;
      const bodies = this.narrative.filter((m) => m.type === 'organization' && m.start >= from && m.end <= to && !isMediumName(m.canonical));
      // (`et brev fra X`: right after the noun, `fra` and the sender.)
      if (this.words[i + 1]?.lower === 'fra') {
        const sender = bodies.find((m) => m.start >= this.words[i + 1].end && this.wordIndexAtOrAfter(m.start) <= i + 3);
        if (sender) return { speaker: speakerOf(sender), type: 'organization' };
        const word = this.words[i + 2];
        const named = word && /^\p{Ll}/u.test(word.text) ? this.bodyNamed([word.lower], word.start) : null;
        if (named) return named;
      }
      const spoke = [...this.heard].reverse().find((h) => h.at >= from && h.at <= to && h.type === 'organization');
      return spoke ? { speaker: spoke.speaker, type: 'organization' } : null;
    }
    return null;
  }

  /** `de`: the body that spoke just before (not a medium that reported it). */
  private body(at: number): { speaker: Speaker; type: 'organization' } | null {
    for (let i = this.heard.length - 1; i >= 0; i--) {
      const heard = this.heard[i];
      if (heard.at >= at) continue;
      if (at - heard.at > BODY_REACH) break;
      if (heard.type === 'organization' && !isMediumName(heard.speaker.name)) return { speaker: heard.speaker, type: 'organization' };
    }
    return null;
  }

  /** A common noun for a body (`politiet`, `forbundet`): the body of that kind the article names, the last before `at` or else the first after. */
  private bodyNamed(phrase: readonly string[], at: number): { speaker: Speaker; type: 'organization' } | null {
    const noun = phrase[phrase.length - 1];
    // (Short nouns too: `rådet` of `Norsk Resuscitasjonsråd`, `laget` of `Norges Bondelag`.)
    const stem = folded(noun.length === 5 && /(?:en|et)$/u.test(noun) ? noun.slice(0, -2) : stemOf(noun));
    if (stem.length < 3) return null;
    let before: EntityMention | undefined;
    let after: EntityMention | undefined;
    // (A hospital, a school or a port is a place too, and the body there: `Sørlandet sykehus …, skriver sykehuset`.)
    const lastWord = (name: string): string => folded(name).split(' ').pop() ?? '';
    for (const mention of this.narrative) {
      const fits = mention.type === 'organization' ? folded(mention.canonical).includes(stem) : mention.type === 'place' && mention.canonical.includes(' ') && lastWord(mention.canonical).startsWith(stem);
      if (!fits) continue;
      if (mention.start < at) before = mention;
      else after ??= mention;
    }
    let chosen = before ?? after;
    // (`Hovedredningssentralen` where the article named `Hovedredningssentralen i Nord-Norge`: the fuller name.)
    if (chosen) {
      const short = `${folded(chosen.canonical)} `;
      chosen = this.narrative.find((m) => m.type === 'organization' && folded(m.canonical).startsWith(short)) ?? chosen;
      return { speaker: speakerOf(chosen), type: 'organization' };
    }
    const heard = this.heardBody(stem, at);
    if (heard) return { speaker: heard.speaker, type: 'organization' };
    const written = this.writtenBody(stem, at);
    if (written) return { speaker: { name: written, id: null }, type: 'organization' };
    // `opplyser selskapet` of an article about `Nordavia` or `Fjordlaks ASA`: the company the article names most before,
    // and first (its subject), not a public body, a party or a medium, whose names say what they are.
    if (COMPANY_NOUNS.has(stem)) {
      // (`Fjordlaks` and `Fjordlaks ASA` are one company; the fuller name speaks. A tie goes to the one named last.)
      const counts = new Map<string, { mention: EntityMention; count: number; last: number }>();
      for (const m of this.narrative) {
        if (m.type !== 'organization' || m.start >= at || !isCompanyName(m.canonical)) continue;
        const key = folded(m.canonical.replace(LEGAL_FORM, ''));
        const entry = counts.get(key) ?? { mention: m, count: 0, last: m.start };
        entry.count++;
        entry.last = m.start;
        if (m.canonical.length > entry.mention.canonical.length) entry.mention = m;
        counts.set(key, entry);
      }
      let company: { mention: EntityMention; count: number; last: number } | undefined;
      for (const entry of counts.values()) if (!company || entry.count > company.count || (entry.count === company.count && entry.last > company.last)) company = entry;
      if (company) return { speaker: speakerOf(company.mention), type: 'organization' };
    }
    // `Kystvakten opplyser`: a national body whose name is its noun, where the article names it no other way.
    if (phrase.length === 1 && NATIONAL_BODY.test(phrase[0])) return { speaker: { name: phrase[0][0].toUpperCase() + phrase[0].slice(1), id: null }, type: 'organization' };
    // `Den russiske regjeringen`: a body named by what it is.
    if (phrase.length >= 3 && (phrase[0] === 'den' || phrase[0] === 'det')) {
      const name = phrase.join(' ');
      return { speaker: { name: name[0].toUpperCase() + name.slice(1), id: null }, type: 'organization' };
    }
    return null;
  }

  /**
   * A title or role: the person the article gave it. Where the title was last used before `at` decides
   * (`En lærer …` and then `sier læreren` is that unnamed teacher); a qualifier (`den russiske presidenten`,
   * `Nupi-forskeren`) picks among several holders, or names a person who was never given the title in so
   * many words (`sin russiske kollega Vladimir Putin`).
   */
  private role(phrase: readonly string[], at: number): { speaker: Speaker; type: Heard['type'] } | null {
    const head = phrase[phrase.length - 1];
    // `27-åringen`: the person the article gave that age (`Kari Dahl (27)`), or no one.
    const age = /^(\d{1,3})-(?:åringen|åring|årige|åringa)$/u.exec(head);
    if (age) return this.aged(age[1], at);
    const parts = head.split('-');
    // `svensken`: the person the article calls Swedish (`sa Lindqvist på svensk`, `den svenske spissen Oscar Lindqvist`).
    const stem = NATIONALITY.get(parts[parts.length - 1]) ?? stemOf(parts[parts.length - 1]);
    if (stem.length < 3) return null;
    const key = (word: string): string => folded(word).replace(/s$/u, '').slice(0, 4);
    // Words before the title (`den russiske`, `Natos`) and a compound's first part (`Nupi-forskeren`).
    const adjectives = phrase.slice(0, -1).filter((word) => !DETERMINERS.has(word) && /e$/u.test(word)).map(key).filter((word) => word.length >= 3);
    const genitives = phrase.slice(0, -1).filter((word) => /s$/u.test(word)).map(key).filter((word) => word.length >= 2);
    const prefixes = parts.slice(0, -1).map(key).filter((word) => word.length >= 2);
    const qualifiers = [...adjectives, ...genitives, ...prefixes];
    const people = this.narrative.filter((m) => m.type === 'person');
    // `Statsråden` of an article that named `arbeidsminister Anette Skoglund Bye`: a title's other words.
    const stems = [stem, ...(SAME_TITLE.get(stem) ?? [])];
    let holders = people.filter((m) => stems.some((s) => this.holdsTitle(m, s)));
    // `sier lederen i Egge IL`: the holder tied to that body (`Arild Sandvik, daglig leder i Steinkjer FK` holds another one's).
    const headIndex = this.wordIndexAtOrAfter(at) + phrase.length - 1;
    const body = this.bodyAfterTitle(headIndex);
    if (body) {
      const key = folded(body.text.split(' ')[0]).slice(0, 4);
      const tied = holders.filter((m) => this.near(m, [key]));
      if (tied.length) return this.latest(tied, at);
      holders = [];
    }
    // `sa Sp-representanten`: the person the article ties to that party or body (`Senterpartiets Per Olav Hætta`, `Kari Dahl (Sp)`).
    if (prefixes.length) {
      const affiliated = this.affiliatedWith(this.words[headIndex], people);
      if (affiliated.length) return this.latest(affiliated, at);
    }
    if (qualifiers.length) {
      // An adjective or genitive stands just before the holder (`russiske kollega Vladimir Putin`, `Russlands president …`);
      // a compound's first part anywhere near (`… forsker ved Norsk Utenrikspolitisk Institutt (Nupi)`).
      const qualified = holders.filter((m) => (prefixes.length > 0 && this.near(m, prefixes)) || this.near(m, [...adjectives, ...genitives], 3));
      if (qualified.length) return this.latest(qualified, at);
      // `den russiske presidenten` of an article that named him `sin russiske kollega Vladimir Putin`.
      const nearQualifier = adjectives.length ? people.filter((m) => this.near(m, adjectives, 3)) : [];
      if (nearQualifier.length) return this.latest(nearQualifier, at);
    }
    // The title's last use before the cue decides: beside a name, that person; with nobody named beside it, someone
    // unnamed (`En lærer … sier læreren`). A definite use with no name (`Statsråden svarte:`) refers back in turn.
    for (let i = this.wordIndexAtOrAfter(at) - 1; i >= 0; i--) {
      const word = this.words[i].lower;
      // (A plural is no one's title: `Da var de tre leger på kontoret` before `sier legen`.)
      if (!stems.some((s) => fitsStem(word, s) && !isPluralOf(word, s))) continue;
      // (In someone's words a title refers to no one for the narrator: `«… de samme legene»`.)
      if (!this.narrativeAt(this.words[i].start)) continue;
      // (Measured from the name's nearer end: `Kamilla Rosén Eikeland er den eneste fastlegen`.)
      const beside = holders.filter((m) => Math.min(Math.abs(this.wordIndexAtOrAfter(m.start) - i), Math.abs(this.wordIndexAtOrAfter(m.end) - 1 - i)) <= TITLE_AFTER);
      if (beside.length) return this.latest(beside, at);
      // (A definite form, short ones too: `kjenner legen godt` refers back to the fastlege named before.)
      // (So does one used as a predicate, with no article: `…, som er aktor i saken`; `en lærer` is someone new.)
      const indefinite = i > 0 && /^(?:en|ei|et|ein|eit)$/u.test(this.words[i - 1].lower);
      if ((stemOf(word) !== word || /(?:en|et)$/u.test(word) || !indefinite) && holders.some((m) => m.start < this.words[i].start)) continue;
      // `Det var søsteren som slo alarm. Julie Bakke-Svendsen (27) hadde ventet …`: the person the next sentence opens
      // with, in the same paragraph, is who the definite title meant (or the one who speaks in the paragraph after).
      const next = this.namedNext(i, at);
      if (next) return next;
      const written = this.writtenHolder(stem, at);
      if (written) return this.named(written, at, false);
      return this.kin(stem, at) ?? this.bodyOpenedBy(head, at);
    }
    if (holders.length) return this.latest(holders, at);
    const written = this.writtenHolder(stem, at) ?? (stem.length > 8 ? this.writtenHolder(roleHead(stem), at) : undefined);
    return written ? this.named(written, at, false) : (this.kin(stem, at) ?? this.bodyOpenedBy(head, at) ?? this.layPerson(stem, at));
  }

  /**
   * `Ivar Bryn (67) bor 200 meter fra rasstedet. ⏎ – …, forteller naboen.`: a role anyone may have (a neighbour, a
   * driver, a resident) that nobody was given in so many words is the one person brought in with an age just before,
   * in the paragraph before the cue's or in its own, who has not spoken yet.
   */
  private layPerson(stem: string, at: number): { speaker: Speaker; type: 'person' } | null {
    if (!LAY_ROLES.has(stem)) return null;
    const own = this.text.lastIndexOf('\n\n', at);
    const before = own < 0 ? 0 : Math.max(0, this.text.lastIndexOf('\n\n', own - 1));
    const aged = this.narrative.filter(
      (m) => m.type === 'person' && m.start >= before && m.end < at && /^\s*\(\d{1,3}\)/u.test(this.text.slice(m.end, m.end + 6)),
    );
    if (new Set(aged.map((m) => m.entityId)).size !== 1) return null;
    const [person] = aged;
    if (this.heard.some((h) => h.at < at && h.speaker.id === person.entityId)) return null;
    return { speaker: speakerOf(person), type: 'person' };
  }

  /** `sier statsforvalteren` where nobody holds the title and the article names `Statsforvalteren i Vestland`: that body. */
  private bodyOpenedBy(head: string, at: number): { speaker: Speaker; type: 'organization' } | null {
    const opening = `${folded(head)} `;
    const bodies = this.narrative.filter((m) => m.type === 'organization' && folded(m.canonical).startsWith(opening));
    if (new Set(bodies.map((m) => m.entityId)).size !== 1) return null;
    return { speaker: speakerOf(bodies.filter((m) => m.start < at).pop() ?? bodies[0]), type: 'organization' };
  }

  /**
   * A kin noun nobody is named with (`sier moren`, `forteller sønnen`): in a story of a family, the person of its
   * sex a pronoun would mean, but not the one whose own words came just before with no one named since (`– …, sier
   * hun. … – …, sier moren.` is another woman); a grandparent is the oldest of that sex the article gives an age of.
   */
  private kin(stem: string, at: number): { speaker: Speaker; type: 'person' } | null {
    const kin = kinOf(stem);
    if (!kin) return null;
    if (kin.grandparent) {
      let oldest: { mention: EntityMention; age: number } | undefined;
      for (const mention of this.narrative) {
        if (mention.type !== 'person' || this.sexOf(mention) !== kin.sex) continue;
        const age = /^\s*\((\d{2,3})\)/u.exec(this.text.slice(mention.end, mention.end + 7));
        if (age && Number(age[1]) >= 55 && (!oldest || Number(age[1]) > oldest.age)) oldest = { mention, age: Number(age[1]) };
      }
      if (oldest) return { speaker: speakerOf(oldest.mention), type: 'person' };
    }
    // `Mora hennar legg til …`: the relative of the woman just spoken of, not her (of another sex, she is no candidate).
    const possessive = POSSESSIVE_SEX.get(this.words[this.wordIndexAtOrAfter(at) + 1]?.lower ?? '');
    const owner = possessive === kin.sex ? this.person(possessive, at) : null;
    if (owner) {
      const others = this.narrative.filter((m) => m.type === 'person' && m.start < at && this.sexOf(m) === kin.sex && folded(this.inFull(speakerOf(m), at).name) !== folded(owner.speaker.name));
      return this.latest(others, at);
    }
    const last = [...this.heard].reverse().find((heard) => heard.at < at);
    const replying =
      last?.direct === true &&
      last.type === 'person' &&
      !this.narrative.some((m) => m.type === 'person' && m.start > last.at && m.start < at && m.entityId !== last.speaker.id);
    const found = this.person(kin.sex, at);
    // `Kristin Aas og datteren Mia (8) …, sier moren.`: a parent is not the one named as the child.
    if (kin.parent && found && this.namedAsChild(found.speaker, at)) {
      const parents = this.narrative.filter((m) => m.type === 'person' && m.start < at && this.sexOf(m) === kin.sex && !this.namedAsChild(speakerOf(m), at));
      return this.latest(parents, at);
    }
    if (!replying || !found || folded(found.speaker.name) !== folded(last.speaker.name)) return found;
    // Someone else of that sex, named before the one who just spoke.
    // (`Ingrid` where the article named `Ingrid Sørbø Hovland` is the same person.)
    const same = (m: EntityMention): boolean => folded(this.inFull(speakerOf(m), at).name) === folded(last.speaker.name);
    const others = this.narrative.filter((m) => m.type === 'person' && m.start < at && this.sexOf(m) === kin.sex && !same(m));
    return this.latest(others, at);
  }

  /** Whether the article names `speaker` after a child's kin noun before `at`: `datteren Mia`, `sønnen Per (12)`. */
  private namedAsChild(speaker: Speaker, at: number): boolean {
    return this.narrative.some((m) => {
      if (m.type !== 'person' || m.start >= at || (speaker.id !== null ? m.entityId !== speaker.id : folded(m.canonical) !== folded(speaker.name))) return false;
      const before = this.words[this.wordIndexAtOrAfter(m.start) - 1];
      return before !== undefined && before.end <= m.start && kinOf(stemOf(before.lower))?.child === true;
    });
  }

  /**
   * A name the recognizer did not find at the cue: the entity named so elsewhere in the article (`Moen` →
   * `Henrik Moen`, `Legeforeningen` → `Den norske legeforening`, `DSB` → `Direktoratet for samfunnssikkerhet
   * og beredskap`), or a speaker heard so before, or the name as written.
   */
  private named(name: string, at: number, initial: boolean): { speaker: Speaker; type: Heard['type'] } | null {
    const fits = (candidate: string, organization: boolean): boolean => namesFit(name, candidate, organization);
    let best: EntityMention | undefined;
    for (const mention of this.narrative) {
      if (mention.type !== 'person' && mention.type !== 'organization') continue;
      if (!(fits(mention.canonical, mention.type === 'organization') || fits(mention.text, mention.type === 'organization'))) continue;
      // The fullest name that fits (`Maren Berglund` before a later `Berglund`), then the last before `at`.
      const words = (m: EntityMention): number => m.canonical.split(' ').length;
      if (!best || words(mention) > words(best) || (words(mention) === words(best) && mention.start < at)) best = mention;
    }
    if (best) return this.resolve({ kind: 'mention', mention: best }, at) ?? { speaker: speakerOf(best), type: typeOf(best) };
    for (let i = this.heard.length - 1; i >= 0; i--) {
      const heard = this.heard[i];
      if (heard.at < at && fits(heard.speaker.name, heard.type === 'organization')) return heard;
    }
    // `sier Tveit` where the recognizer missed `Direktør Arne Tveit`: the name written out in full elsewhere.
    const full = this.writtenFullName(name);
    if (full) return { speaker: { name: full, id: null }, type: 'person' };
    // A capitalised word opening a sentence that names no one here is a common noun (`Separatistene mener …`).
    // (Unless it looks like no common noun: `Avinor opplyser at …`, a body's one-word name, not a definite or plural form,
    // never written in lower case, no person's name.)
    if (initial) return this.initialBody(name, at);
    if (!name.includes(' ')) {
      const written = this.writtenFullName(name);
      if (written) return { speaker: { name: written, id: null }, type: 'person' };
    }
    return { speaker: { name, id: null }, type: looksLikeBody(name) ? 'organization' : 'person' };
  }

  private initialBody(name: string, at: number): { speaker: Speaker; type: 'organization' } | null {
    // (The whole subject, right before its verb: not `Amerikanske` of `Amerikanske myndigheter sa`.)
    if (name.includes(' ') || name.length < 4 || /(?:ene|erne|en|et|er|a|ne|ar|e)$/u.test(name) || !this.text.slice(Math.max(0, at - name.length - 2), at).trimEnd().endsWith(name)) return null;
    if (new RegExp(`(?:^|[^\\p{L}])${name.toLowerCase()}(?![\\p{L}])`, 'u').test(this.text)) return null;
    if (gazetteer.kinds(name) !== 0 || sexOfGivenName(name) !== undefined) return null;
    return { speaker: { name, id: null }, type: 'organization' };
  }

  private written: { at: number; name: string; sex: Sex }[] | undefined;

  /** People named in narration that no mention covers: a given name of known sex and one to three capitalised words after it. */
  private writtenPeople(): readonly { at: number; name: string; sex: Sex }[] {
    if (this.written) return this.written;
    const covered = (position: number): boolean => this.narrative.some((m) => m.start <= position && position < m.end);
    this.written = [];
    for (let k = 0; k + 1 < this.words.length; k++) {
      const word = this.words[k];
      const sex = word.capital ? sexOfGivenName(word.text) : undefined;
      if (!sex || covered(word.start) || !this.narrativeAt(word.start)) continue;
      let end = k + 1;
      while (end < this.words.length && end - k < 4 && this.words[end].capital && /^\s+$/u.test(this.text.slice(this.words[end - 1].end, this.words[end].start))) end++;
      if (end === k + 1) continue;
      this.written.push({ at: word.start, name: this.words.slice(k, end).map((w) => w.text).join(' '), sex });
      k = end - 1;
    }
    return this.written;
  }

  /** `Arne Tveit` for `Tveit`: capitalised given names before the surname somewhere in the text. */
  private writtenFullName(surname: string): string | undefined {
    if (surname.includes(' ')) return undefined;
    for (let k = 1; k < this.words.length; k++) {
      if (this.words[k].text !== surname) continue;
      let first = k;
      // (Only a space between: `Datteren til Lise, Emma (9)` names no `Lise Emma`.)
      while (first > 0 && k - first < 3 && this.words[first - 1].capital && !isPersonNoun(this.words[first - 1].lower) && /^\s+$/u.test(this.text.slice(this.words[first - 1].end, this.words[first].start)) && sexOfGivenName(this.words[first - 1].text) !== undefined) first--;
      if (first < k) return this.words.slice(first, k + 1).map((w) => w.text).join(' ');
    }
    return undefined;
  }

  /** The name written after a title (`klima- og miljøminister Tore Haldorsen`), the last before `at` or else the first after. */
  private writtenHolder(stem: string, at: number): string | undefined {
    let found: string | undefined;
    for (let k = 0; k + 1 < this.words.length; k++) {
      if (!fitsStem(this.words[k].lower, stem) || this.sentenceBetween(this.words[k].end, this.words[k + 1].start)) continue;
      const name: string[] = [];
      for (let n = k + 1; n < this.words.length && name.length < 4 && this.words[n].capital && /^\s+$/u.test(this.text.slice(this.words[n - 1].end, this.words[n].start)); n++) name.push(this.words[n].text);
      if (name.length < 2) continue;
      found = name.join(' ');
      if (this.words[k].start >= at) break;
    }
    return found;
  }

  /** A body's name in the text before `at` that ends in the noun (`Arbeids- og sosialdepartementet` for `departementet`). */
  private writtenBody(stem: string, at: number): string | undefined {
    for (let k = this.wordIndexAtOrAfter(at) - 1; k >= 0; k--) {
      const word = this.words[k];
      if (!folded(word.lower).includes(stem) || folded(word.lower) === folded(stem)) continue;
      // (Not in someone's words, and no plural: `«Oljeselskapene har satt prosjektene på vent»` names no body.)
      if (!this.narrativeAt(word.start) || isPluralOf(word.lower, stem)) continue;
      if (word.capital) {
        // `Flyselskapet Nordavia`: the noun stands beside the body's name, which the recognizer found.
        const next = this.words[k + 1];
        const named = next && this.narrative.find((m) => m.start === next.start && m.type === 'organization');
        if (named) return named.canonical;
        // (`Selskapet vil kutte …` opening a sentence is the noun, not a name; `Styret i Haugerud Terrasse borettslag` is one.)
        const written = this.writtenFrom(k);
        if (written === word.text && folded(word.lower).startsWith(stem)) continue;
        return written;
      }
      const before = this.words[k - 2];
      if (k >= 2 && this.words[k - 1].lower === 'og' && before.hyphenAfter && before.capital) return `${before.text}- og ${word.text}`;
    }
    return undefined;
  }

  /** A name written from word `k`: `Styret i Haugerud Terrasse borettslag`. */
  private writtenFrom(k: number): string {
    const end = Math.min(this.words.length, k + 8);
    let sentenceEnd = k + 1;
    while (sentenceEnd < end && !this.sentenceBetween(this.words[sentenceEnd - 1].end, this.words[sentenceEnd].start) && !/[,;:()]/u.test(this.text.slice(this.words[sentenceEnd - 1].end, this.words[sentenceEnd].start))) sentenceEnd++;
    return nameAt(this.words, k, sentenceEnd, () => undefined) ?? this.words[k].text;
  }

  /** A body that speaks through a common noun (`forbundet`), heard before under a name the recognizer did not find. */
  private heardBody(stem: string, at: number): Heard | undefined {
    for (let i = this.heard.length - 1; i >= 0; i--) {
      const heard = this.heard[i];
      if (heard.at < at && heard.type === 'organization' && folded(heard.speaker.name).includes(stem)) return heard;
    }
    return undefined;
  }

  private aged(years: string, at: number): { speaker: Speaker; type: 'person' } | null {
    let found: EntityMention | undefined;
    for (const mention of this.narrative) {
      if (mention.type !== 'person' || !new RegExp(`^\\s*\\(${years}\\)`, 'u').test(this.text.slice(mention.end, mention.end + 6))) continue;
      if (!found || mention.start < at) found = mention;
    }
    if (found) return { speaker: speakerOf(found), type: 'person' };
    // A name the recognizer missed, written before `(27)`.
    const written = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]+ ){1,3}\\p{Lu}[\\p{L}'’-]+) \\(${years}\\)`, 'u').exec(this.text);
    if (written) return { speaker: { name: written[1], id: null }, type: 'person' };
    // No one is written `(21)`: `sier 21-åringen` is the person just spoken of (within two paragraphs), one of no other
    // written age, unless the age was used before for someone unnamed (`27-åring dømt …`, `en 21 år gammel mann`).
    if (new RegExp(`(?:^|[^\\p{L}\\p{N}])${years}(?:-åring|\\s+år\\s+gam)`, 'iu').test(this.text.slice(0, at))) return null;
    const aged = (m: EntityMention): boolean => this.narrative.some((o) => o.entityId === m.entityId && /^\s*\(\d{1,3}\)/u.test(this.text.slice(o.end, o.end + 6)));
    const recent = this.narrative.filter((m) => m.type === 'person' && m.end <= at && (this.text.slice(m.end, at).match(/\n\s*\n/gu)?.length ?? 0) <= 2);
    const last = recent.filter((m) => !aged(m)).pop();
    return last ? { speaker: speakerOf(last), type: 'person' } : null;
  }

  private latest(pool: readonly EntityMention[], at: number): { speaker: Speaker; type: 'person' } | null {
    const before = pool.filter((m) => m.start < at);
    const chosen = before.length ? before[before.length - 1] : pool[0];
    return chosen ? { speaker: speakerOf(chosen), type: 'person' } : null;
  }

  /** Whether a title with this stem stands beside the person's mention: `ordfører Kari Dahl`, `Kari Dahl, ordfører i …`. */
  private holdsTitle(mention: EntityMention, stem: string): boolean {
    const index = this.wordIndexAt(mention.start);
    if (index < 0) return false;
    // (A body's name between counts as one word: `Kommunikasjonssjef i Nordmetall Norge, Anne Katrine Lillebø`.)
    // `Leiaren i samferdselsutvalet i fylket, Anne Kari Brekkhus (Sp), seier …`: a title opening the sentence, its
    // qualifiers, a comma and the name.
    if (index > 0 && /,\s*$/u.test(this.text.slice(this.words[index - 1].end, mention.start))) {
      let first = index - 1;
      while (first > 0 && index - first < 9 && !this.sentenceBetween(this.words[first - 1].end, this.words[first].start)) first--;
      const opens = first === 0 || this.sentenceBetween(this.words[first - 1].end, this.words[first].start);
      if (opens && first < index - 1 && fitsStem(this.words[first].lower, stem) && /^(?:i|for|ved|på|hos)$/u.test(this.words[first + 1].lower)) return true;
    }
    let reach = TITLE_BEFORE;
    for (let i = index - 1; i >= 0 && reach > 0; i--, reach--) {
      if (this.sentenceBetween(this.words[i].end, mention.start)) break;
      // (`Kona til Torbjørn Helle, Anne Lise Helle`, `sønnen til Eli Marie`: the title is someone else's, of the one named,
      // and the name in apposition after it holds it.)
      if (this.words[i].lower === 'til') {
        const relative = this.narrative.find((m) => m.type === 'person' && m.end <= mention.start && /^\s*,\s*$/u.test(this.text.slice(m.end, mention.start)));
        const k = relative ? this.wordIndexAt(relative.start) : -1;
        return k >= 2 && this.words[k - 1].lower === 'til' && fitsStem(this.words[k - 2].lower, stem);
      }
      if (fitsStem(this.words[i].lower, stem)) return true;
      const body = this.mentions.find((m) => m.type !== 'person' && m.start < this.words[i].start && this.words[i].end <= m.end);
      if (body) while (i > 0 && this.words[i - 1].start >= body.start) i--;
    }
    let after = index;
    while (after < this.words.length && this.words[after].start < mention.end) after++;
    // `Putins talsperson` is someone else's title.
    if (/s$/u.test(mention.text) && /^\s+\p{Ll}/u.test(this.text.slice(mention.end, mention.end + 3))) return false;
    // (The first word after the name and its age or party: `Sunniva Kleppe (24) trener`.)
    const first = after + 1 < this.words.length && /^\s*\($/u.test(this.text.slice(mention.end, this.words[after].start)) && /^\)/u.test(this.text.slice(this.words[after].end)) ? after + 1 : after;
    for (let i = after; i < Math.min(this.words.length, after + TITLE_AFTER); i++) {
      if (this.sentenceBetween(mention.end, this.words[i].start)) break;
      // (Right after the name, with no comma, the word is a verb, `Sunniva Kleppe (24) trener seks dager i uka`, unless a
      // body follows it: `Jakub M. Godzimirski forsker ved Nupi`.)
      if (i === first && this.words[i].lower === stem && !/,/u.test(this.text.slice(mention.end, this.words[i].start)) && !/^(?:ved|i|hos|for|på)$/u.test(this.words[i + 1]?.lower ?? '')) continue;
      if (fitsStem(this.words[i].lower, stem)) return true;
    }
    return false;
  }

  /** Whether a sentence or paragraph ends between two places. */
  private sentenceBetween(from: number, to: number): boolean {
    return /[.!?]\s|\n/u.test(this.text.slice(from, to));
  }

  private near(mention: EntityMention, qualifiers: readonly string[], reach = QUALIFIER_REACH): boolean {
    const index = this.wordIndexAt(mention.start);
    if (index < 0) return false;
    for (let i = Math.max(0, index - reach); i < Math.min(this.words.length, index + (reach === QUALIFIER_REACH ? reach : 1)); i++) {
      // In the mention's own sentence: `… forteller den 34 år gamle bonden. Kona Hilde …` qualifies no Hilde.
      if (i < index ? this.sentenceBetween(this.words[i].end, mention.start) : this.sentenceBetween(mention.end, this.words[i].start)) continue;
      const word = folded(this.words[i].lower);
      if (qualifiers.some((q) => word.startsWith(q) || word.includes(`-${q}`))) return true;
    }
    return false;
  }

  /** The body a title at word `head` is given right after it: `lederen i Egge IL`, `sjefen for Kystverket`. */
  private bodyAfterTitle(head: number): EntityMention | undefined {
    const preposition = this.words[head + 1];
    const next = this.words[head + 2];
    if (!preposition || !next || !/^(?:i|ved|for|hos)$/u.test(preposition.lower) || this.sentenceBetween(this.words[head].end, next.start)) return undefined;
    return this.mentions.find((m) => m.start === next.start && m.type === 'organization');
  }

  /**
   * The people named beside the entity that a compound title's first part names (`Sp` of `Sp-representanten`):
   * in its genitive just before them (`Senterpartiets Per Olav Hætta`) or in brackets after (`Kari Dahl (Sp)`).
   */
  private affiliatedWith(head: Word | undefined, people: readonly EntityMention[]): EntityMention[] {
    const part = head && this.mentions.find((m) => m.start === head.start && m.end < head.end);
    if (!part) return [];
    const ties = this.mentions.filter((m) => m.entityId === part.entityId && m !== part);
    return people.filter((person) =>
      ties.some((tie) => {
        const gap = tie.end <= person.start ? this.text.slice(tie.end, person.start) : this.text.slice(person.end, tie.start);
        return tie.end <= person.start ? /^\s+$/u.test(gap) && /s$/u.test(tie.text) : /^\s*\($/u.test(gap);
      }),
    );
  }

  /** The index of the first word at or after `position`. */
  private wordIndexAtOrAfter(position: number): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.words[mid].start < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The index of the word that starts at `position`, or -1. */
  private wordIndexAt(position: number): number {
    const index = this.wordIndexAtOrAfter(position);
    return this.words[index]?.start === position ? index : -1;
  }
}

function typeOf(mention: EntityMention): Heard['type'] {
  return mention.type === 'person' ? 'person' : mention.type === 'organization' ? 'organization' : 'other';
}
