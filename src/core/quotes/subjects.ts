/**
 * Who a cue names as speaker, read from the words around it before anyone is resolved: an entity the
 * recognizer found (`sier Kari Nordmann`), a pronoun (`sier hun`), a title or role (`sa Natos
 * generalsekretær`, `forklarer Nupi-forskeren`, `sier ordføreren`), an unnamed source (`sier en beboer`),
 * or a name the recognizer missed.
 */
import type { EntityMention } from '../entities/types';
import { ORGANIZATION_ENDING, isRole } from '../entities/cues';
import type { Word } from './sentences';

export type Subject =
  | { readonly kind: 'mention'; readonly mention: EntityMention }
  | { readonly kind: 'pronoun'; readonly pronoun: 'han' | 'hun' | 'de'; readonly at: number }
  /** A title or role (`ordføreren`), or with `body` a common noun for a body (`politiet`). */
  | { readonly kind: 'role'; readonly words: readonly string[]; readonly at: number; readonly body?: true }
  | { readonly kind: 'unnamed' }
  /** A text that speaks for its author: `ifølge dommen` (the court), `heter det i meldingen` (the body that sent it). */
  | { readonly kind: 'document'; readonly noun: string; readonly at: number }
  /** A name the recognizer did not find; `initial` when it opens the sentence and may be a common noun (`Separatistene`). */
  | { readonly kind: 'name'; readonly name: string; readonly initial?: true };

/** Words that may stand between a verb and its subject: `sier også Hansen`, `sa nå hun`. */
const ADVERBS = new Set(['også', 'òg', 'no', 'berre', 'difor', 'dessutan', 'nå', 'videre', 'derfor', 'selv', 'imidlertid', 'likevel', 'dessuten', 'blant', 'annet', 'først', 'senere', 'igjen', 'da', 'så', 'bare', 'ofte', 'gjerne', 'tydelig', 'klart', 'fredag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'lørdag', 'søndag', 'kveld', 'morges']);
/** Texts that speak for whoever wrote them, and the offices that write for a body (`ifølge kommunikasjonsavdelingen`). */
const DOCUMENT = /^(?:dommen|kjennelsen|tiltalen|meldingen|pressemeldingen|børsmeldingen|kommunikasjonsavdelingen|presseavdelingen|informasjonsavdelingen|pressekontoret|kommunikasjonsavdelinga|uttalelsen|brevet|e-posten|eposten|rapporten|innlegget|kunngjøringen|høringssvaret|svaret|redegjørelsen|notatet|årsrapporten|søknaden|klagen|anken|vedtaket|innstillingen|avgjørelsen|beslutningen)$/u;

/**
 * The source of `heter det`: the body `fra` names (`I en uttalelse fra Naturvernforbundet heter det:`), or the
 * text it is said in (`heter det i dommen`).
 */
export function documentSource(
  words: readonly Word[],
  mentionAt: (word: Word) => EntityMention | undefined,
  breakBefore: (index: number) => boolean,
): Subject | undefined {
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k].lower === 'fra') {
      const reading = phraseAt(words, k + 1, mentionAt, breakBefore, words.length);
      if (reading && reading.subject.kind !== 'unnamed') return reading.subject;
    }
  }
  for (const word of words) if (DOCUMENT.test(word.lower) && !mentionAt(word)) return { kind: 'document', noun: word.lower, at: word.start };
  return undefined;
}

/** Conjunctions that may open a clause before its subject. */
const CONJUNCTIONS = new Set(['men', 'og', 'så', 'eller', 'for']);
/** Words that end a subject phrase. */
const PHRASE_ENDS = new Set(['ifølgje', 'medan', 'sidan', 'viss', 'til', 'overfor', 'i', 'på', 'ved', 'etter', 'da', 'når', 'under', 'fra', 'om', 'at', 'som', 'og', 'men', 'mens', 'for', 'med', 'mot', 'hos', 'der', 'etter', 'efter', 'in', 'ifølge', 'før', 'fordi', 'dersom', 'hvis', 'selv', 'allerede', 'tidligere', 'nylig']);
/** A body's organs, which speak for it under the body's name: `styret i …`, `ledelsen i …`. */
const ORGAN = /^(?:styret|ledelsen|administrasjonen|styreleiaren|konsernledelsen|hovedstyret|landsstyret|sentralstyret|arbeidsutvalget|valgkomiteen|valnemnda|valgkomiteen)$/u;
/** Figures and reports, and the words before them, that speak for the body they are from. */
const REPORT_WORDS = new Set(['en', 'ei', 'et', 'ny', 'nye', 'fersk', 'ferske', 'tall', 'tallene', 'rapport', 'rapporten', 'undersøkelse', 'undersøkelsen', 'statistikk', 'statistikken', 'analyse', 'analysen', 'beregninger', 'beregningene', 'data', 'oversikt', 'oversikten', 'prognose', 'prognosen', 'prognoser', 'tal', 'talet', 'rapporten']);
/** Finite verbs that cannot stand inside a subject phrase. */
export const FINITE_VERBS: ReadonlySet<string> = new Set(['er', 'var', 'har', 'hadde', 'vil', 'ville', 'skal', 'skulle', 'kan', 'kunne', 'må', 'måtte', 'blir', 'ble', 'bør', 'burde', 'får', 'fikk']);
/** Nouns, indefinite, for someone unnamed: `en pårørende`, `et vitne`, `en ansatt`. */
const UNNAMED_NOUN = /^(?:pårørende|pårørande|ansatt|tilsett|vitne|kilde|nabo|granne|beboer|bebuar|kollega|venn|lege|jordmor|sykepleier|sjukepleiar|lærer|lærar|elev|student|forelder|innbygger|innbyggjar|passasjer|pasient|mann|kvinne|dame|kar)$/u;
/** Determiners and words of unnamed sources: `en beboer`, `flere kilder`, `eksperter`. */
const UNNAMED_START = new Set(['ein', 'eit', 'fleire', 'nokre', 'en', 'ei', 'et', 'flere', 'mange', 'noen', 'enkelte', 'andre', 'begge', 'alle', 'ingen', 'to', 'tre', 'fire', 'fem', 'ulike', 'mange']);
const UNNAMED_WORDS = /^(?:kilder?|kildene|eksperter|ekspertene|folk|naboer|naboene|beboere|beboerne|foreldre|foreldrene|elever|elevene|innbyggere|innbyggerne|vitner|vitnene|tilskuere|tilskuerne|ansatte|de ansatte|observatører|analytikere|analytikerne|forskere|forskerne|medier|mediene|myndigheter|myndighetene|amerikanerne|russerne|franskmennene|nordmenn|kritikere|kritikerne|deltakere|deltakerne|passasjerer|passasjerene|pasienter|pasientene|fagfolk|politikere|politikerne|representanter|eiere|bønder|bøndene|fiskere|fiskerne|studenter|studentene|lærere|lærerne|mennesker|personer|mange)$/u;
/** A state's bodies, also as a compound's end (`utenriksdepartement`, `finansdepartementet`), in either form. */
const STATE_BODY = /(?:departement|departementet|regjering|regjeringen|parlament|parlamentet|ambassade|ambassaden|forsvar|forsvaret|hær|hæren|politi|politiet|sentralbank|sentralbanken|nasjonalforsamling|nasjonalforsamlingen|direktorat|direktoratet|tilsyn|tilsynet)$/u;

/** Who speaks for a body by office (`en talsperson for Kreml`, `en pressevakt i politiet`), and how the body follows. */
const SPOKESPERSON = /^(?:talsperson|talsmann|talskvinne|pressetalsperson|pressetalsmann|pressesjef|pressekontakt|pressevakt|kommunikasjonssjef|kommunikasjonsrådgiver|informasjonssjef)$/u;
const SPEAKS_FOR = new Set(['for', 'i', 'ved', 'hos']);
const FIRST_SECOND_PERSON = new Set(['jeg', 'vi', 'du', 'dere', 'man', 'eg', 'me']);

/** Subject pronouns of the third person, Nynorsk's too (`seier ho`, `meiner dei`). */
const SUBJECT_PRONOUN = new Map<string, 'han' | 'hun' | 'de'>([['han', 'han'], ['hun', 'hun'], ['ho', 'hun'], ['de', 'de'], ['dei', 'de']]);
/** Object pronouns as the subject they stand for: `ifølge henne`. */
const OBJECT_PRONOUNS = new Map<string, 'han' | 'hun' | 'de'>([['ham', 'han'], ['henne', 'hun'], ['dem', 'de']]);

/** Common nouns that speak for a body: `sier politiet`, `skriver forbundet`, `opplyser kommunen`. */
const BODY = /^(?:\p{L}*gruppen|politiet|forbundet|kommunen|selskapet|departementet|direktoratet|klubben|teatret|teateret|etaten|banken|sykehuset|foretaket|fylkeskommunen|partiet|styret|ledelsen|regjeringen|konsernet|rederiet|byrået|tilsynet|organisasjonen|foreningen|laget|universitetet|skolen|museet|festivalen|instituttet|senteret|brannvesenet|redningssentralen|hovedredningssentralen|statsforvalteren|statsforvaltaren|fylkesmannen|nemnda|kretsen|idrettskretsen|retten|tingretten|lagmannsretten|kirken|bispedømmet|rådet|utvalget|komiteen|kommisjonen|ombudet|vegvesenet|meteorologene|forsvaret|hæren|tollvesenet|arbeidstilsynet|mattilsynet|havnen|havna|lufthavnen|flyplassen|verftet|firmaet|bedriften|butikken|kjeden|stiftelsen|fondet|akademiet|høgskolen|høyskolen|fakultetet|instituttet|avdelingen|klinikken|kystvakten|kystvakta|kystverket|sivilforsvaret|skatteetaten|tolletaten|kriminalomsorgen|redningsselskapet|luftambulansen|legevakten|legevakta|barnevernet|bystyret|kommunestyret|fylkestinget|formannskapet|kommuneadministrasjonen)$/u;

/** Compounds that speak for a body when written in lower case (`fellesrådet`); capitalised, they are its name (`Vegtrafikksentralen`). */
const BODY_COMPOUND = /^\p{Ll}+(?:rådet|forbundet|foreningen|direktoratet|departementet|tilsynet|etaten|sentralen)$/u;

export function isBodyNoun(lower: string, written = lower): boolean {
  return BODY.test(lower) || BODY_COMPOUND.test(written);
}

/** Whether `lower` (a definite noun) names a role or a person the article may have named: `ordføreren`, `kvinnen`. */
export function isPersonNoun(lower: string): boolean {
  // (`Kystvakten` is a body, though a `vakt` is a person.)
  if (lower.endsWith('vakten') || lower.endsWith('vakta')) return lower === 'vakten' || lower === 'vakta' || !BODY.test(lower);
  return isRole(lower) || /^\d{1,3}-åring(?:en|a)?$/u.test(lower) || PERSON_NOUN.test(lower) || /(?:mannen|kvinnen|jenta|gutten|moren|faren|mora|faren|bonden|eieren|naboen|sjefen|lederen|eksperten|forskeren|legen|treneren|spilleren|eleven|studenten|pasienten|vitnet|søsteren|broren|datteren|sønnen|kona|sonen|dottera|systera|bestemora|bestefaren|bestemoren|svigermora|svigermoren|svigerfaren|ektemannen|samboeren|kjæresten|kollegaen|kollegen|vennen|venninnen|talspersonen|talsmannen|talskvinnen|direktøren|rådmannen|kommunedirektøren|rektoren|ordføreren|statsministeren|presidenten|ministeren|statsråden|generalsekretæren|politimesteren|riksmekleren|mekleren|megleren|meglaren|aktoratet|forsvareren|dommeren|advokaten|ombudet)$/u.test(lower);
}

/** Nouns for a person, in the definite form a cue uses (`sier læreren`, `forteller pendleren`). */
const PERSON_NOUN = /(?:agent|lærer|beboer|pendler|turist|kunde|passasjer|arbeider|innbygger|tilskuer|deltaker|velger|pasient|pårørende|sjåfør|bilist|syklist|fører|eier|leietaker|huseier|hytteeier|forelder|bestemor|bestefar|mor|far|kvinne|mann|gutt|jente|ungdom|tenåring|pensjonist|veteran|soldat|flyktning|asylsøker|innvandrer|fange|tiltalte|fornærmede|offer|vitne|redningsmann|brannmann|politimann|politikvinne|frivillig|leder|eier|gründer|forsker|ekspert|kilde|kamerat|kompis|talsperson|leiar|ordførar|lærar|forskar|eigar|sjukepleiar|innbyggjar|tilskodar|deltakar|bebuar|gut|svensk|dansk|finn|brit|amerikaner|tysker|franskmann|nederlender|spanjol|italiener|polakk|russer|islending|ukrainer|kanadier)(?:en|a|et|n)$/u;

export interface SubjectReading {
  readonly subject: Subject;
  /** Word index just past the subject phrase. */
  readonly end: number;
}

/**
 * The subject of a cue, read forward from word `from` (the word after the verb, or after `ifølge`), within
 * `words` (which stop at the sentence's end). `mentionAt` gives the entity mention that starts at a word, if
 * any. `breakBefore(i)` says whether punctuation stands between words i-1 and i. Undefined when the words
 * there are no subject (`sier at …`, `sa jeg`).
 */
export function subjectAfter(
  words: readonly Word[],
  from: number,
  mentionAt: (word: Word) => EntityMention | undefined,
  breakBefore: (index: number) => boolean,
  cue?: { readonly verb: number; readonly last: number },
): SubjectReading | undefined {
  // `la han til`, `la Hansen også til`: a particle verb's subject stands between the verb and its particle.
  if (cue && cue.last > cue.verb + 1) {
    for (let k = cue.verb + 1; k < cue.last; k++) {
      if (ADVERBS.has(words[k].lower) && !mentionAt(words[k])) continue;
      const inside = phraseAt(words, k, mentionAt, breakBefore, cue.last);
      if (inside) return inside;
      break;
    }
  }
  let i = from;
  while (i < words.length && ADVERBS.has(words[i].lower) && !mentionAt(words[i]) && !(i > from && breakBefore(i))) i++;
  if (i >= words.length || (i > from && breakBefore(i))) return undefined;
  const reading = phraseAt(words, i, mentionAt, breakBefore, words.length);
  // `opplyser kommunalsjef for helse og omsorg, Randi Bakken.`: the person named in apposition to the title, after a comma.
  if (reading?.subject.kind === 'role' && !reading.subject.body) {
    // (The title's complement first, lower-case words up to the comma: `for helse og omsorg`.)
    let k = reading.end;
    while (k < words.length && k - reading.end < 6 && !breakBefore(k) && !words[k].capital) k++;
    const named = k < words.length && breakBefore(k) ? mentionAt(words[k]) : undefined;
    if (named?.type === 'person') {
      let end = k + 1;
      while (end < words.length && words[end].start < named.end) end++;
      if (end === words.length || breakBefore(end)) return { subject: { kind: 'mention', mention: named }, end };
    }
  }
  return reading;
}

/** Whether a mention is only part of its word: `Nato` of `Nato-land`, `Nupi` of `Nupi-forskeren`. */
function partOfWord(mention: EntityMention, word: Word): boolean {
  return mention.end < word.end;
}

/**
 * The subject phrase that starts at word `i` and ends before word `limit`. In a phrase, a genitive before a
 * title (`Putins talsperson`, `Natos generalsekretær`) and a name inside a compound (`Nupi-forskeren`,
 * `OBOS-sjef`) say whose title it is; the person named after a title is the subject (`Russlands president
 * Vladimir Putin`).
 */
export function phraseAt(
  words: readonly Word[],
  i: number,
  mentionAt: (word: Word) => EntityMention | undefined,
  breakBefore: (index: number) => boolean,
  limit: number,
): SubjectReading | undefined {
  let first = words[i];
  // `Men han understreket …`: a conjunction opens the clause, the subject follows.
  while (first && i + 1 < limit && CONJUNCTIONS.has(first.lower)) first = words[++i];
  if (!first || i >= limit) return undefined;
  if (FIRST_SECOND_PERSON.has(first.lower) || PHRASE_ENDS.has(first.lower)) return undefined;
  const pronoun = SUBJECT_PRONOUN.get(first.lower);
  if (pronoun) {
    return { subject: { kind: 'pronoun', pronoun, at: first.start }, end: i + 1 };
  }
  // `Ifølge henne`, `ifølge ham`, `ifølge dem`: the object forms.
  const object = OBJECT_PRONOUNS.get(first.lower);
  if (object) return { subject: { kind: 'pronoun', pronoun: object, at: first.start }, end: i + 1 };
  // `sa en andpusten Nordhagen`: a determiner and an adjective before a name.
  // (Not a noun for someone unnamed: `En pårørende NTB har snakket med, sier …`.)
  if ((first.lower === 'en' || first.lower === 'ei' || first.lower === 'et') && i + 2 < limit && !words[i + 1].capital && words[i + 2].capital && !breakBefore(i + 1) && !breakBefore(i + 2) && !UNNAMED_NOUN.test(words[i + 1].lower)) {
    return phraseAt(words, i + 2, mentionAt, breakBefore, limit);
  }
  // `sier en talsperson for Kreml`: someone unnamed who speaks for a named body, which speaks.
  if ((first.lower === 'en' || first.lower === 'ei') && i + 3 < limit && SPOKESPERSON.test(words[i + 1].lower) && SPEAKS_FOR.has(words[i + 2].lower)) {
    const body = mentionAt(words[i + 3]);
    if (body && (body.type === 'organization' || body.type === 'place')) return { subject: { kind: 'mention', mention: body }, end: i + 4 };
  }
  const firstMention = mentionAt(first);
  // `Russlands utenriksdepartement`, `Sudans regjering`: a country's body, named by its genitive and what it is.
  const second = words[i + 1];
  if (firstMention && firstMention.type !== 'person' && /s$/u.test(first.text) && second && !second.capital && i + 1 < limit && STATE_BODY.test(second.lower)) {
    return { subject: { kind: 'name', name: `${first.text} ${second.text}` }, end: i + 2 };
  }
  // `Det tyske finansdepartementet`: a body named by its nationality and what it is.
  if ((first.lower === 'det' || first.lower === 'den') && !firstMention) {
    let k = i + 1;
    while (k < limit && k < i + 3 && !words[k].capital && /e$/u.test(words[k].lower) && !breakBefore(k)) k++;
    if (k > i + 1 && k < limit && !words[k].capital && !breakBefore(k) && STATE_BODY.test(words[k].lower)) {
      const name = words.slice(i, k + 1).map((w) => w.text).join(' ');
      return { subject: { kind: 'name', name: name[0].toUpperCase() + name.slice(1) }, end: k + 1 };
    }
  }
  // `Ifølge tall fra Brønnøysundregistrene`, `En rapport fra Sjøfartsdirektoratet konkluderer`: figures or a report speak for who made them.
  if (!firstMention) {
    let k = i;
    while (k < limit && k < i + 4 && (k === i || !words[k].capital) && REPORT_WORDS.has(words[k].lower)) k++;
    const source = k > i && k + 1 < limit && words[k].lower === 'fra' ? mentionAt(words[k + 1]) : undefined;
    // (A body after `fra` may have been typed as a place by the preposition: `fra Brønnøysundregistrene`.)
    if (source && (source.type === 'organization' || (source.type === 'place' && source.source === 'rule' && /(?:ene|et)$/u.test(source.text)))) {
      let end = k + 2;
      while (end < limit && words[end].start < source.end) end++;
      return { subject: { kind: 'mention', mention: source }, end };
    }
  }
  // `styret i Haugerud Terrasse borettslag`, `ledelsen i Nordmetall`: a body's organ, named by the body it belongs to.
  if (!firstMention && ORGAN.test(first.lower) && i + 2 < limit && (words[i + 1].lower === 'i' || words[i + 1].lower === 'for') && !breakBefore(i + 1) && !breakBefore(i + 2)) {
    const body = mentionAt(words[i + 2]);
    if (body && body.type === 'organization') {
      let end = i + 3;
      while (end < limit && words[end].start < body.end) end++;
      const name = `${first.text[0].toUpperCase()}${first.text.slice(1)} ${words[i + 1].lower} ${body.text}`;
      return { subject: { kind: 'name', name }, end };
    }
  }
  if (DOCUMENT.test(first.lower) && !firstMention) return { subject: { kind: 'document', noun: first.lower, at: first.start }, end: i + 1 };
  if ((UNNAMED_START.has(first.lower) || UNNAMED_WORDS.test(first.lower)) && !firstMention) return { subject: { kind: 'unnamed' }, end: i + 1 };
  // `Politiet i Innlandet`, `Norges Bondelag`: a body's name the recognizer did not find, or found a part of.
  const nextMention = words[i + 1] ? mentionAt(words[i + 1]) : undefined;
  const genitiveName = firstMention?.type === 'place' && /s$/u.test(first.text) && words[i + 1]?.capital === true && (!nextMention || nextMention.type === 'other');
  if (first.capital && (genitiveName || (!firstMention && looksLikeBodyWord(first.lower)))) {
    const written = nameAt(words, i, limit, (w) => (w === first || (genitiveName && w === words[i + 1]) ? undefined : mentionAt(w)));
    if (written?.includes(' ')) return { subject: { kind: 'name', name: written }, end: i + written.split(' ').length };
  }
  // The phrase: up to a break, a phrase-ending word or the limit; entity mentions whole.
  const items: { word: Word; mention?: EntityMention; qualifier: boolean }[] = [];
  let j = i;
  while (j < limit && (j === i || !breakBefore(j))) {
    const word = words[j];
    const mention = mentionAt(word);
    // `Fiskeri- og havminister`: a shared ending, not a second phrase.
    const sharedEnding = word.lower === 'og' && words[j - 1]?.hyphenAfter;
    // (A finite verb ends the phrase too: `Ifølge politiet er føreren mistenkt` names no `føreren` as the source.)
    if (!mention && j > i && (PHRASE_ENDS.has(word.lower) || FINITE_VERBS.has(word.lower)) && !sharedEnding) break;
    if (mention && !partOfWord(mention, word)) {
      items.push({ word, mention, qualifier: false });
      j++;
      while (j < limit && words[j].start < mention.end) j++;
      // `Ifølge Kreml var det …`: after a name, only a title or another name goes on the phrase (`Russlands president Vladimir Putin`).
      const next = words[j];
      if (next && !next.capital && !isPersonNoun(next.lower) && !/s$/u.test(mention.text)) break;
    } else {
      items.push({ word, mention, qualifier: mention !== undefined });
      j++;
    }
    if (items.length >= 7) break;
  }
  // A genitive name before a title is whose title it is.
  for (let k = 0; k + 1 < items.length; k++) {
    const item = items[k];
    if (item.mention && !item.qualifier && /s$/u.test(item.mention.text) && isPersonNoun(items[k + 1].word.lower)) item.qualifier = true;
  }
  const named = items.filter((item) => item.mention && !item.qualifier);
  const people = named.filter((item) => item.mention?.type === 'person');
  if (people.length) return { subject: { kind: 'mention', mention: people[people.length - 1].mention as EntityMention }, end: j };
  const role = items.findIndex((item) => !item.mention || item.qualifier ? isPersonNoun(item.word.lower) : false);
  // `Ordfører Hanne Fjeldstad` where the recognizer did not find the name: the capitalised words after the title.
  if (role >= 0) {
    const name: Word[] = [];
    for (const item of items.slice(role + 1)) {
      if (!item.word.capital || item.mention) break;
      name.push(item.word);
    }
    if (name.length) return { subject: { kind: 'name', name: name.map((w) => w.text).join(' ') }, end: j };
  }
  const bodies = named.filter((item) => item.mention?.type === 'organization');
  if (role >= 0 && (bodies.length === 0 || items.indexOf(bodies[0]) > role)) {
    return { subject: { kind: 'role', words: items.slice(0, role + 1).map((item) => item.word.lower), at: words[i].start }, end: j };
  }
  if (bodies.length) return { subject: { kind: 'mention', mention: bodies[0].mention as EntityMention }, end: j };
  // (A lower-case compound is a body's noun, not the end of a name it shares: `Kommunal- og distriktsdepartementet`.)
  // (Only as the phrase's head, after determiners or adjectives: `fellesrådet`, `det lokale fellesrådet`.)
  const headOf = (k: number): boolean => items.slice(0, k).every((x) => !x.mention && !x.word.capital && (x.word.lower === 'det' || x.word.lower === 'den' || /e$/u.test(x.word.lower)));
  const body = items.findIndex((item, k) => !item.mention && isBodyNoun(item.word.lower, headOf(k) ? item.word.text : ''));
  if (body >= 0) return { subject: { kind: 'role', words: items.slice(0, body + 1).map((item) => item.word.lower), at: words[i].start, body: true }, end: j };
  if (named.length) return { subject: { kind: 'mention', mention: named[0].mention as EntityMention }, end: j };
  const name = nameAt(words, i, limit, mentionAt);
  if (name) return { subject: { kind: 'name', name }, end: j };
  return undefined;
}

/**
 * A name the recognizer did not find, written out from word `i`: capitalised words, with `i` or `og` and
 * another capitalised word inside (`Utdanningsforbundet i Vefsn`) and a shared ending (`Kommunal- og
 * distriktsdepartementet`).
 */
export function nameAt(words: readonly Word[], i: number, limit: number, mentionAt: (word: Word) => EntityMention | undefined): string | undefined {
  if (!words[i]?.capital) return undefined;
  let end = i + 1;
  while (end < limit && end - i < 5) {
    const word = words[end];
    if (mentionAt(word)) break;
    if (word.capital) {
      end++;
      continue;
    }
    // `Utdanningsforbundet i Vefsn`, `Møre og Romsdal`: the place of a body is part of its name.
    const body = word.lower === 'i' && looksLikeBodyWord(words[end - 1].lower);
    if ((word.lower === 'i' || word.lower === 'og' || word.lower === 'for') && words[end + 1]?.capital && end + 1 < limit && (body || !mentionAt(words[end + 1]))) {
      end += 2;
      continue;
    }
    break;
  }
  // `Den norske legeforening`: lower-case words up to an organisation's last word.
  if (end === i + 1 && /^(?:den|det|de)$/u.test(words[i].lower)) {
    for (let k = end; k < Math.min(limit, i + 4); k++) {
      if (words[k].capital) break;
      if (looksLikeBodyWord(words[k].lower)) {
        end = k + 1;
        break;
      }
    }
    if (end === i + 1) return undefined;
  }
  if (end < limit && end > i && !words[end].capital && !mentionAt(words[end]) && looksLikeBodyWord(words[end].lower) && !/^(?:den|det|de)$/u.test(words[i].lower)) end++;
  const parts = words.slice(i, end).map((w) => w.text);
  // `Kommunal- og distriktsdepartementet`: the first word ends in a hyphen before `og`.
  if (end < limit && words[end].lower === 'og' && words[end - 1].hyphenAfter && words[end + 1] && !words[end + 1].capital) {
    return `${parts.join(' ')}- og ${words[end + 1].text}`;
  }
  return parts.join(' ');
}

/** Whether a word ends like a body's name: `Utdanningsforbundet`, `legeforening`, `Vegtrafikksentralen`. */
export function looksLikeBodyWord(lower: string): boolean {
  return ORGANIZATION_ENDING.test(lower) || /(?:forening|forbund|sentralen|tjenesten|nemnda|ombudet|styret|laget|klubben|kontoret|etaten|verket|instituttet|foretaket|politidistrikt|byrå|borettslag|tingrett|lagmannsrett)$/u.test(lower);
}
