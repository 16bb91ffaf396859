/**
 * Names the knowledge base does not know, found by rules that hold for
 * Norwegian news text generally: Norwegian capitalises names but not
 * nationality adjectives or common nouns, so a capitalised word in
 * mid-sentence is nearly always part of a name. At the start of a sentence
 * (or of a caption after its label) a capitalised word is a name only with
 * more evidence: another capitalised word after it, or the same word
 * capitalised in mid-sentence elsewhere in the text. The type comes from cues
 * around the name (a title before it, `sa` after it, a preposition of place,
 * a suffix such as `-departementet`), or is `other`.
 *
 * What the rules ask of single words comes from `wordFacts.ts`, worked out
 * once per distinct word; the words themselves from the scan in `scan.ts`.
 */
import { startsUpperCase, wordCharAt } from '../text';
import { scanText, type TextScan, type Word } from './scan';
import { appositionType, isNamedWithPlace, isRole, tailType } from './cues';
import { COUNTRY, GIVEN_NAME, gazetteer, PLACE, SURNAME } from './gazetteer';
import { isSpace, squashed } from './phrases';
import { ENTITY_TYPES, type EntityType } from './types';
import { factsOf, isAllCaps, PLACE_ENDING, SPEECH_VERBS, type WordFacts } from './wordFacts';

export interface NameCandidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** The type came from strong evidence (see `typeOf`): it carries to the name's other mentions in the corpus. */
  readonly strong: boolean;
}

/** Whether the character at `index` is a lower-case letter (ASCII at once, others by case mapping). */
function isLowerAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 97 && code <= 122;
  if (code !== code) return false; // past the end
  const char = text[index];
  return char !== char.toUpperCase();
}

/** The mask of known spans, kept for the next text (cleared to its length for each). */
let spanMask = new Uint8Array(4096);

function scratchMask(length: number): Uint8Array {
  if (spanMask.length < length) spanMask = new Uint8Array(Math.max(length, spanMask.length * 2));
  else spanMask.fill(0, 0, length);
  return spanMask;
}

/** Numbers each text, for the marks it leaves on word facts (`seenMidSentence`). */
let textNumber = 0;

/** The facts of a word (looked up by the scan). */
function facts(w: Word): WordFacts {
  return w.facts;
}

/** What stands between two words of a name and ends it: a line break or a comma, semicolon, colon, bracket or slash. */
function breaksBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // \n , ; : ( ) /
    if (code === 10 || code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 47) return true;
  }
  return false;
}

/** The text's words and the evidence gathered from all of them, for the rules. */
interface Context {
  readonly text: string;
  readonly all: readonly Word[];
  readonly known: readonly { start: number; end: number }[];
  readonly scan: TextScan;
  readonly textNumber: number;
  /** Capitalised words seen outside `X og Y`: names in their own right, so `og` next to them makes a list (made when first asked). */
  standalone: Set<string> | undefined;
  /** The text's names and capitalised words, for telling `Russlands` (a genitive of `Russland`) from `Jens` (made when first asked). */
  stems: Set<string> | undefined;
}

function standaloneWords(context: Context): Set<string> {
  if (context.standalone) return context.standalone;
  const { all } = context;
  const standalone = new Set<string>();
  all.forEach((w, k) => {
    if (w.capitalised && all[k - 1]?.text !== 'og' && all[k + 1]?.text !== 'og') standalone.add(w.text);
  });
  return (context.standalone = standalone);
}

function isGenitive(context: Context, w: Word): boolean {
  if (!facts(w).genitiveShape) return false;
  if (!context.stems) {
    const stems = new Set<string>(context.known.map((k) => context.text.slice(k.start, k.end)));
    for (const word of context.all) if (word.capitalised) stems.add(word.text);
    context.stems = stems;
  }
  return context.stems.has(w.text.slice(0, -1));
}

/**
 * Names in `text` outside the spans in `known` (what the knowledge base
 * already found); `scan` is the text's scan, if the caller has made it.
 */
export function findNames(text: string, known: readonly { start: number; end: number }[], scan: TextScan = scanText(text)): NameCandidate[] {
  const all = scan.words;
  const mask = scratchMask(text.length + 1);
  for (const k of known) mask.fill(1, k.start, k.end);
  const covered = (w: Word) => mask[w.start] === 1 || mask[w.end - 1] === 1;
  // A word seen capitalised in mid-sentence is evidence for the same word at a sentence start.
  const context: Context = { text, all, known, scan, textNumber: ++textNumber, standalone: undefined, stems: undefined };
  for (const w of all) if (w.capitalised && !w.sentenceStart) facts(w).seenMidSentence = context.textNumber;

  const names: NameCandidate[] = [];
  /** Where the last person named with a role ends, or -1. */
  let employee = -1;
  const lines = new LineCursor();
  for (let i = 0; i < all.length; i++) {
    const first = all[i];
    if (!first.capitalised || covered(first)) continue;
    const firstFacts = facts(first);
    if (isLabel(text, first, firstFacts)) continue;
    // A sentence's common first word before a name is not part of it: `Da Emmanuel Macron`, `Også Tysklands`.
    const nextWord = all[i + 1];
    if (first.sentenceStart && nextWord?.capitalised && (firstFacts.starter || scan.hasLowerCase(firstFacts.folded))) continue;
    // A title or role before a name is a cue, not part of it: `Statsminister Erna Solberg`, `Landslagssjef Ståle Solbakken`.
    if (nextWord?.capitalised && !nextWord.sentenceStart && firstFacts.role && (firstFacts.kinds & GIVEN_NAME) === 0) continue;
    // So is a noun the name is set beside: `Ekstremværet Ingolf`, `Oljeserviceselskapet Ryfylke Brønnservice`.
    if (first.sentenceStart && nextWord?.capitalised && firstFacts.definiteNoun && !firstFacts.allCaps && (firstFacts.kinds & (PLACE | GIVEN_NAME)) === 0) continue;
    // `Kampene i Luhansk`: a sentence's first word before a linking word is a common noun, unless seen as a name
    // elsewhere or the head of an institution's name (`Universitetet i Bergen`).
    if (first.sentenceStart && nextWord && facts(nextWord).linking && firstFacts.seenMidSentence !== context.textNumber && !(nextWord.text === 'i' && firstFacts.namedWithPlace)) continue;
    // Extend over capitalised words, and lower-case linking words between capitalised ones.
    let last = i;
    for (let j = i + 1; j < all.length; j++) {
      const w = all[j];
      if (w.sentenceStart || covered(w) || breaksBetween(text, all[j - 1].end, w.start)) break;
      // A compound ends a name: `Viking-kaptein Ibrahim Sesay`, `Glimt-spissen Mads Østergaard`.
      if (all[j - 1].suffix !== undefined) break;
      // `Russlands Vladimir Putin`: a genitive (its stem seen in the text) ends a name; `Jens Stoltenberg` goes on.
      if (w.capitalised && isGenitive(context, all[j - 1])) break;
      if (w.capitalised) last = j;
      else if (facts(w).number && ((facts(all[j - 1]).allCaps && all[j - 1].text.length <= 3) || facts(all[j - 1]).road)) last = j; // `TV 2`, `Rv. 7`
      else if (!(joins(context, i, j) && j + 1 < all.length && all[j + 1].capitalised && !all[j + 1].sentenceStart)) break;
    }
    // `Statens vegvesen`, `Oslo tingrett`, `Meteorologisk institutt`, `Ullevaal stadion`: a lower-case word that
    // ends an institution's or a facility's name, one space after it.
    const next = all[last + 1];
    if (next && !next.capitalised && !next.sentenceStart && next.start === all[last].end + 1 && text.charCodeAt(all[last].end) === 32) {
      const nextFacts = facts(next);
      if (nextFacts.tailType || (last === i && first.text.endsWith('s') && nextFacts.organizationEnding)) last++;
    }
    // Words after the last capitalised one that belong to an institution's name: `Nærings- og
    // fiskeridepartementet`, `Institutt for arktisk og marin biologi`.
    let end = all[last].end;
    let institution = false;
    const coordinated = COORDINATED.exec(text.slice(end, end + 60));
    if (coordinated) {
      end += coordinated[0].length;
      const word = factsOf(coordinated[1]);
      institution = word.organizationEnding || word.organizationWord || word.tailType === 'organization';
    } else if (isInstitutionHead(facts(all[last]))) {
      const purpose = purposeEnd(text, end);
      if (purpose > end) {
        end = purpose;
        institution = true;
      }
    }
    while (last + 1 < all.length && all[last + 1].start < end) last++;
    const span = all.slice(i, last + 1);
    i = last;
    if (!isName(context, span, first)) continue;
    const start = span[0].start;
    let { type, strong } = institution ? { type: 'organization' as EntityType, strong: true } : typeOf(text, span, all, i - span.length + 1, i, employee, lines);
    // `i Lviv og Tromsø`: the second of two names joined by `og` is of the same kind as the first.
    const previous = names[names.length - 1];
    // (A guess: `USA og Nato` are of different kinds.)
    if (type === 'other' && previous && /^\s+(?:og|eller)\s+$/u.test(text.slice(previous.end, start))) ({ type, strong } = { type: previous.type, strong: false });
    names.push({ start, end, text: text.slice(start, end), type, strong });
    // A person named with a role before (`konsernsjef Siri Opsahl`): an employer may follow (`i Havgul Energi`).
    const roleBefore = all[i - span.length]?.facts;
    employee = type === 'person' && roleBefore !== undefined && roleBefore.role ? end : -1;
  }
  return unifyTypes(names);
}

/** The rest of a name after a word cut before `- og`: `Kommunal- og distriktsdepartementet`, `Helse- og omsorgsdepartementet`. */
const COORDINATED = /^- (?:og|eller) ([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*)/u;
/** Words that end an institution's `for …` (`Institutt for teknisk kybernetikk ved NTNU`). */
const PURPOSE_STOPS = new Set(['ved', 'i', 'på', 'til', 'som', 'med', 'fra', 'under', 'etter', 'mot', 'om', 'har', 'er', 'var', 'og', 'eller', 'sier', 'sa', 'mener', 'skal', 'vil', 'kan']);

/** Words that head an institution named for its purpose: `Institutt for …`, `Spesialenheten for …`, `Senter for …`. */
function isInstitutionHead(word: WordFacts): boolean {
  return word.organizationHead || word.organizationEnding || word.organizationWord || word.tailType === 'organization';
}

/** Where the lower-case words of `for …` after an institution's head end (`for arktisk og marin biologi`), or `end` itself. */
function purposeEnd(text: string, end: number): number {
  const purpose = /^ for ((?:\p{Ll}+)(?: \p{Ll}+){0,5})/u.exec(text.slice(end, end + 90));
  if (!purpose) return end;
  const words = purpose[1].split(' ');
  let taken = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    // `og` joins two words of the purpose (`arktisk og marin`), never the name to what follows.
    if (PURPOSE_STOPS.has(word) && !(word === 'og' && taken > 0 && k + 1 < words.length && !PURPOSE_STOPS.has(words[k + 1]))) break;
    if (word !== 'og') taken = k + 1;
  }
  if (taken === 0) return end;
  // (Never ending on `og`: `taken` counts to the last other word.)
  return end + ' for'.length + words.slice(0, taken).reduce((sum, word) => sum + 1 + word.length, 0);
}

/**
 * A name used several times in a text is one kind of thing: the type strong evidence gave it most often
 * (`trener Vestbø` once types every `Vestbø` as a person), else the commonest type its cues gave, `other`
 * only if nothing else.
 */
function unifyTypes(names: NameCandidate[]): NameCandidate[] {
  if (names.length < 2) return names;
  // Per name, votes per type: strong ones weigh more than all weak ones together.
  const keys = names.map((name) => squashed(name.text));
  const votes = new Map<string, Map<EntityType, number>>();
  names.forEach((name, k) => {
    if (name.type === 'other') return;
    let counts = votes.get(keys[k]);
    if (!counts) votes.set(keys[k], (counts = new Map<EntityType, number>()));
    counts.set(name.type, (counts.get(name.type) ?? 0) + (name.strong ? STRONG_VOTE : 1));
  });
  return names.map((name, k) => {
    const counts = votes.get(keys[k]);
    if (!counts) return name;
    let type = name.type;
    let best = 0;
    for (const [candidate, count] of counts) {
      if (count > best) [type, best] = [candidate, count];
    }
    const strong = best >= STRONG_VOTE;
    return type === name.type && strong === name.strong ? name : { ...name, type, strong };
  });
}

/** A strong vote outweighs any number of weak ones in an article. */
const STRONG_VOTE = 1 << 16;

/**
 * Whether the lower-case word `all[j]` links the name begun at `all[start]`
 * with the next capitalised word. `og` is a name's own word (`Møre og
 * Romsdal`) only when neither side is seen as a name of its own elsewhere
 * (`Putin og Macron`), and not in a list after a preposition of place
 * (`fra Lviv og Tromsø`) or between acronyms (`FHI og NHO`).
 */
function joins(context: Context, start: number, j: number): boolean {
  const { all } = context;
  const word = all[j].text;
  if (!facts(all[j]).linking) return false;
  // `Universitetet i Oslo`, `Mo i Rana`, but `Kharkiv i Ukraina`, `Putin i Kreml`.
  if (word === 'i') return facts(all[j - 1]).organizationEnding || facts(all[j - 1]).namedWithPlace || (all[j + 1] !== undefined && gazetteer.isPlace(`${all[j - 1].text} i ${all[j + 1].text}`));
  if (word !== 'og') return true;
  // `Møre og Romsdal`, also inside a longer name (`Statsforvalteren i Møre og Romsdal`).
  if (all[j + 1] && gazetteer.isPlace(`${all[j - 1].text} og ${all[j + 1].text}`)) return true;
  const before = all[start - 1];
  if (before && facts(before).placePreposition) return false;
  // Only one word on each side: `Runa Fjellanger og Kyrre Lien` is two people.
  if (j - 1 !== start || (all[j + 2] && all[j + 2].capitalised && !all[j + 2].sentenceStart)) return false;
  const left = facts(all[j - 1]);
  const right = all[j + 1] ? facts(all[j + 1]) : factsOf('');
  // `E6 og Rv. 7`: roads and names with digits are listed, not joined.
  if (left.road || right.road || /\p{N}/u.test(left.text + right.text)) return false;
  // `Sandnes og Aberdeen`: two places, or two first names, are two names.
  const known = (word: WordFacts) => (word.kinds & (PLACE | COUNTRY | GIVEN_NAME)) !== 0;
  if (left.allCaps || right.allCaps || known(left) || known(right)) return false;
  const standalone = standaloneWords(context);
  return !standalone.has(left.text) && !standalone.has(right.text);
}

/** An upper-case caption label (`HOLDT AVSTANDEN:` at a paragraph start) is no name. */
function isLabel(text: string, word: Word, wordFacts: WordFacts): boolean {
  if (!wordFacts.allCaps) return false;
  const lineStart = text.lastIndexOf('\n', word.start) + 1;
  return /^[\p{Lu}\p{M}\p{N} '’&./-]*:/u.test(text.slice(lineStart, lineStart + 60)) && text.slice(lineStart, word.start).indexOf(':') < 0;
}

function isName(context: Context, span: readonly Word[], first: Word): boolean {
  const head = facts(first);
  // `T` of `T-banestasjon`: one letter is an initial at most, never a name alone.
  if (span.length === 1 && head.oneLetter) return false;
  if (head.month) return false;
  const single = span.length === 1;
  // Capitalised adjectives (`Ukrainske sivilister`) are not names.
  if (single && head.adjective && !head.allCaps) return false;
  // `i Den trilaterale kontaktgruppe`: a function word is no name even when capitalised.
  if (single && head.starter) return false;
  // `DNA-spor`, `TV-kanal`: capitals before a lower-case compound part are a common noun's, unless seen alone.
  if (single && head.allCaps && first.suffix !== undefined && !context.all.some((w) => w.facts === head && w.suffix === undefined)) return false;
  if (!first.sentenceStart) return true;
  // At a sentence start a word needs more evidence.
  if (!single) return !head.starter || span.length > 2;
  // The genitive of a name in the text is a name at a sentence start too (`Kallestads forsvarer`, `Vikings trener`).
  // (Not a word that merely ends like a name: `Fylkestinget`, `Festivalen` and `Atlanterhavsvannet` are nouns.)
  const stem = head.genitiveShape ? factsOf(head.text.slice(0, -1)) : undefined;
  if (stem?.seenMidSentence === context.textNumber) return true;
  if (context.scan.hasLowerCase(head.folded)) return false;
  // Seen as a name elsewhere in the text, or known as one: a place, a country, a first name.
  // (Not a place that looks like a noun's definite form: `Kampen`, `Haugen` and `Sentrum` are places too.)
  if (head.seenMidSentence === context.textNumber || head.allCaps) return true;
  const kinds = head.kindsOrStem;
  return (!head.definiteShape && (kinds & PLACE) !== 0) || (kinds & (COUNTRY | GIVEN_NAME)) !== 0;
}

/** Surnames as Norwegian and Nordic names build them: `Hansen`, `Johansson`, `Solbakken` are in the lists, `-sen` also as an ending. */
function isSurnameLike(word: WordFacts): boolean {
  return (word.kindsOrStem & SURNAME) !== 0 || word.surnameShape;
}

/** Party letters after a politician's name: `Kari Dahl (H)`, `Per Lie (Sp)`. */
const PARTY_AFTER = /^ \((?:Ap|H|Sp|FrP|Frp|SV|V|KrF|MDG|R|PF|INP|Krf|Ap\/Sp)\)/u;

/** After a name: its bearer's age (`Kari Hansen (45)`), a party (`(Sp)`), or a role set off by a comma (`Kari Hansen, daglig leder i …`). */
function personAfter(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  if (code === 32) return /^ \(\d{1,3}\)/u.test(text.slice(end, end + 6)) || PARTY_AFTER.test(text.slice(end, end + 8));
  if (code !== 44) return false;
  const words = /^, ((?:\p{Ll}+ ){0,3}\p{Ll}+)/u.exec(text.slice(end, end + 60));
  if (words === null) return false;
  const after = words[1].split(' ');
  // `på Hinna, opplyser stasjonssjef …`: the role belongs to the speaker of a quote, not to the name.
  return !factsOf(after[0]).speech && after.some(isRole);
}

/** A type and whether it came from strong evidence; one object per case, made once. */
interface Typed {
  readonly type: EntityType;
  readonly strong: boolean;
}

const TYPED = new Map<string, Typed>(ENTITY_TYPES.flatMap((type) => [[`${type}+`, { type, strong: true }], [type, { type, strong: false }]]));
const strong = (type: EntityType): Typed => TYPED.get(`${type}+`) as Typed;
const weak = (type: EntityType): Typed => TYPED.get(type) as Typed;

/**
 * The type of the name `span` (`all[from..to]`). Strong evidence is the name's own words (`ASA`,
 * `tingrett`, `-departementet`, a first name), a title or noun before it, a speech verb, a known place:
 * what a careful reader would type the name by in any article. Weak evidence is a guess from the
 * shape (two capitalised words, a preposition of place), which a strong type elsewhere overrides.
 */
function typeOf(text: string, span: readonly Word[], all: readonly Word[], from: number, to: number, employee: number, lines: LineCursor): Typed {
  const single = span.length === 1;
  const previous = all[from - 1];
  const lastWord = span[span.length - 1];
  const start = span[0].start;
  const end = lastWord.end;
  // The word before, as a cue: not from the sentence before (`… for flom. Hallingdalselva`).
  const before = previous && previous.text !== '' && !span[0].sentenceStart ? facts(previous) : undefined;
  const next = all[to + 1];
  // The word after, as a cue, with nothing but space between (`Hinnaparken, sa Fjeldstad` is no one speaking).
  const after = next && next.text !== '' && /^\s+$/u.test(text.slice(end, next.start)) ? facts(next) : undefined;
  const first = facts(span[0]);
  const last = facts(lastWord);
  const suffix = lastWord.suffix;
  const placeWord = span.some((w) => (facts(w).kindsOrStem & (COUNTRY | PLACE)) !== 0);
  lines.moveTo(text, start);
  const lineStart = lines.lineStart;
  // The line before the name, cut when first asked (most names need none of the cues read from it).
  let lineText: string | undefined;
  const lineBefore = (): string => (lineText ??= text.slice(Math.max(lineStart, start - 80), start));
  // What the name's own words say first: `Equinor ASA`, `Oslo tingrett`, `Ullevaal stadion`, `Utenriksdepartementet`,
  // `Norsk Utenrikspolitisk Institutt`.
  if (!single && last.designator) return strong('organization');
  const tail = !single && !lastWord.capitalised ? last.tailType : undefined;
  if (tail) return strong(tail);
  if (last.organizationEnding || (!single && last.organizationWord)) return strong('organization');
  // `Universitetet i Bergen`, `Statsforvalteren i Vestland`, `Helse Vest`.
  if (!single && first.organizationHead) return strong('organization');
  if (suffix !== undefined && PLACE_ENDING.test(suffix)) return strong('place');
  // `Eliteserien`, `Spellemannprisen`, `Conference League`.
  if (last.eventEnding && !(single && (first.kinds & (GIVEN_NAME | SURNAME | PLACE)) !== 0)) return strong('event');
  // Credits: `Foto: Ola Nordmann / NTB`, `Foto: THIBAULT CAMUS / AFP`; after the slash, the agency or paper.
  if (lines.lastColon >= lineStart && CREDIT.test(lineBefore())) {
    if (/\/\s*$/u.test(lineBefore())) return strong('organization');
    return strong(!single && (!first.allCaps || (first.kinds & GIVEN_NAME) !== 0) ? 'person' : 'organization');
  }
  // Datelines: `STORD (NTB):` is a place; the paper in brackets after it (or after a byline's name) an organisation.
  if (start === lineStart && first.allCaps && text.startsWith(' (', end)) return strong('place');
  if (text.charCodeAt(start - 1) === 40 && text.charCodeAt(end) === 41 && (text.charCodeAt(end + 1) === 58 || /^(?:\p{Lu}+(?: \p{Lu}+)*|Av [^()\n]+) \($/u.test(text.slice(lineStart, start)))) return strong('organization');
  // The words before: a title or role (`landslagssjef Ståle Solbakken`), unless it is a verb (`som leder ArcSpawn`).
  if (before?.role && !/(?:^|[^\p{L}])(?:som|han|hun|de|vi|jeg|man|det|den|du|dere)\s+$/iu.test(text.slice(Math.max(0, previous.start - 8), previous.start))) return strong('person');
  // A compound whose second part is a role (`Viking-kaptein Ibrahim Sesay`): the words after it are the person.
  if (previous && previous.suffix !== undefined && !span[0].sentenceStart && isRole(previous.suffix.slice(1).toLowerCase())) return strong('person');
  // (A lower-case noun, or the capitalised one that starts the sentence: `Ekstremværet Ingolf`.)
  const apposition = previous && previous.text !== '' && (!previous.capitalised || previous.sentenceStart) && (!span[0].sentenceStart || previous.sentenceStart) ? facts(previous).appositionType : undefined;
  if (apposition) return strong(apposition);
  // Someone speaking, by the verb before: `sier Tafjord`, even where a place has the name.
  if (before?.speech) return strong('person');
  // The gazetteer: countries and places (also in upper case: `OSLO`, `USA`), then people's names.
  const name = single ? first.text : span.map((w) => w.text).join(' ');
  if ((single ? first.kindsOrStem : kindsOfName(name)) & (COUNTRY | PLACE)) return strong('place');
  // `Pilotene i Widerøe`, `Aksjen i Fjordgruppen`, `gründerne bak Kaldvann Robotics`: a company's people and shares.
  if (before !== undefined && MEMBER_LINKS.has(before.text) && mayBeMembersOf(text, Math.max(lineStart, start - 80), start) && MEMBERS_OF.test(lineBefore())) return strong('organization');
  // Someone's employer: `konsernsjef Siri Opsahl i Havgul Energi` (a known place is the place, above).
  if ((before?.text === 'i' || before?.text === 'hos') && employee >= 0 && employee === previous.start - 1) return strong('organization');
  // `Rv. 7`, `E6`: roads; `til E24` after a speech verb is a paper.
  if (first.road && !(before?.text === 'til' && SPOKEN_TO.test(lineBefore()))) return strong('place');
  // A compound with a role or a club's word after it (`Viking-kaptein`, `Glimt-treneren`, `Viking-supportere`): a club.
  if (single && suffix !== undefined && (isRole(suffix.slice(1).toLowerCase()) || CLUB_COMPOUND.test(suffix))) return strong('organization');
  if (name.length <= 6 && (single ? first.allCaps : isAllCaps(name.replace(/ /g, '')))) return weak('organization');
  // `Russlands president`, `Frankrikes utenriksminister`: a country's office holder.
  if (single && after?.role && last.genitiveShape) return weak('place');
  if (personAfter(text, end)) return strong('person');
  // A first name before other capitalised words is a person, whatever the surname (many are places: `Per Strand`).
  if (!single && (first.kindsOrStem & GIVEN_NAME) !== 0) return strong('person');
  if (!single && isSurnameLike(last) && !placeWord) return weak('person');
  // One word: a first name, or someone speaking (`sa Hansen`).
  if (single && (first.kindsOrStem & GIVEN_NAME) !== 0) return strong('person');
  if (after?.speech) return strong('person');
  // `sier hun til Fiskeribladet`: whom a quote is said to is most often a paper or a broadcaster.
  if (before?.text === 'til' && SPOKEN_TO.test(lineBefore())) return strong('organization');
  if (last.placeEnding || (single && last.landform)) return strong('place');
  // An office in the definite form, capitalised as a name: `Riksmekleren`, `Regjeringsadvokaten`.
  if (single && !span[0].sentenceStart && first.role && first.folded.endsWith('en')) return strong('organization');
  if (before?.text === 'hos') return weak('organization');
  // `tyske Mainz`, `danske Jettime`, `statlige Investinor`: an adjective of nationality or sector before a company or club.
  if (before && !previous.capitalised && /(?:ske|lige)$/u.test(before.text)) return weak('organization');
  if (before?.placePreposition && span.length <= 3) return weak('place');
  // Two or three capitalised words that nothing else explains, none of them a place, are most often a person's
  // name in news text.
  if (!single && span.length <= 3 && !placeWord && span.every((w) => w.capitalised && !facts(w).allCaps)) return weak('person');
  return weak('other');
}

/**
 * Where the line of a name starts, and the last colon before the name: read forwards through the text
 * as the names come, in text order (`lastIndexOf` for each name would read back to the line's start, or
 * for a colon to the text's).
 */
class LineCursor {
  private text = '';
  private at = 0;
  /** After the last line break before `at`. */
  lineStart = 0;
  /** The last colon before `at`, or -1. */
  lastColon = -1;

  moveTo(text: string, to: number): void {
    if (text !== this.text || to < this.at) {
      this.text = text;
      this.at = 0;
      this.lineStart = 0;
      this.lastColon = -1;
    }
    for (let i = this.at; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.lineStart = i + 1;
      else if (code === 58) this.lastColon = i;
    }
    this.at = to;
  }
}

/** A photo, drawing or graphics credit before the name, on its line. */
const CREDIT = /(?:^|\s)(?:Foto|Tegning|Illustrasjon|Grafikk|Kart|Bilde|Photo|Video|Skjermdump)\s*:\s*(?:[^\n:]*\/\s*)?$/u;
/** A speech verb earlier in the sentence: `sier Eliassen til`, `sa hun til`. */
const SPOKEN_TO = new RegExp(`(?:^|[^\\p{L}])(?:${[...SPEECH_VERBS].join('|')})(?:[^.!?\\n–:]{0,60})\\s+til\\s+$`, 'u');
/** A company's people, shares or estate before `i`, `etter`, `bak` or `hos`. */
const MEMBERS_OF =
  /(?:^|[^\p{L}])(?:pilotene|aksjen|aksjene|aksjekursen|styret|ledelsen|ansatte|eierne|eieren|medlemmene|konkursboet|gründerne|investorene|kundene|aksjonærene|styreleder|toppsjefen|sjefen)\s+(?:i|etter|bak|hos|av)\s+$/iu;
/** The members' words of `MEMBERS_OF`, for `mayBeMembersOf`. */
const MEMBER_WORDS = new Set(MEMBERS_OF.source.slice(MEMBERS_OF.source.indexOf('(?:pilotene') + 3, MEMBERS_OF.source.indexOf(')\\s+')).split('|'));

/**
 * Whether `MEMBERS_OF` may match `text[from, start)`: false only when it cannot (the word two before the
 * name is none of its words). Anything but ASCII letters in the way leaves the answer to the pattern.
 */
function mayBeMembersOf(text: string, from: number, start: number): boolean {
  let k = start;
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--;
  if (k === start) return false;
  // The link word (`i`, `etter`): letters back to white space.
  const linkEnd = k;
  while (k > from && !isSpace(text.charCodeAt(k - 1))) k--;
  if (k === from) return false;
  if (!MEMBER_LINKS.has(text.slice(k, linkEnd).toLowerCase())) return !isAscii(text, k, linkEnd);
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--;
  const wordEnd = k;
  while (k > from && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  if (k > from && text.charCodeAt(k - 1) >= 128) return true;
  return MEMBER_WORDS.has(text.slice(k, wordEnd).toLowerCase());
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** The words between a company's people and its name (`pilotene i`, `gründerne bak`). */
const MEMBER_LINKS = new Set(['i', 'etter', 'bak', 'hos', 'av']);
/** What follows a club's name in a compound: `Viking-supportere`, `Glimt-laget`. */
const CLUB_COMPOUND = /^-(?:supportere|supporterne|laget|klubben|fansen|spillerne|spillere|keeperen|kapteinen|kaptein|treneren|trener)$/u;

/** What the gazetteer knows a name of several words as, or its genitive's stem (`Møre og Romsdals`). */
function kindsOfName(name: string): number {
  const kinds = gazetteer.kinds(name);
  return kinds !== 0 || !/\p{Ll}s$/u.test(name) ? kinds : gazetteer.kinds(name.slice(0, -1));
}

/** Whether the word that ends at `last` (its last character's index) starts with a capital. */
function wordStartsUpperCase(text: string, last: number): boolean {
  let first = last;
  while (first > 0 && wordCharAt(text, first - 1) === 1) first--;
  return first <= last && startsUpperCase(text[first]);
}

/** Letters of Norwegian that ASCII lacks, in lower case: æ, ø, å. */
function isNorwegianLower(code: number): boolean {
  return code === 0xe6 || code === 0xf8 || code === 0xe5;
}

/**
 * Whether the lower-case word at `from` (read up to `limit`) may end an institution's or a facility's
 * name (`tailType`): false only when it surely does not. A letter other than ASCII, æ, ø and å leaves
 * the answer to the pattern.
 */
function mayBeTail(text: string, from: number, limit: number): boolean {
  const stop = Math.min(limit, text.length);
  let i = from;
  while (i < stop) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || isNorwegianLower(code)) i++;
    else if (code >= 128) return true;
    else break;
  }
  return tailType(text.slice(from, i)) !== undefined;
}

/**
 * Whether the word that ends at `end` (read back to `bound`) may be an institution named with a place
 * (`isNamedWithPlace`): false only when it surely is not. A letter other than ASCII, æ, ø and å leaves
 * the answer to the pattern.
 */
function mayBeNamedWithPlace(text: string, bound: number, end: number): boolean {
  let i = end;
  for (; i > bound; i--) {
    const code = text.charCodeAt(i - 1) | 0x20;
    if ((code >= 97 && code <= 122) || isNorwegianLower(code)) continue;
    if (text.charCodeAt(i - 1) >= 128) return true;
    break;
  }
  return isNamedWithPlace(text.slice(i, end));
}

/**
 * Institutions and facilities named after a place the knowledge base knows: `Oslo tingrett`, `Bergen
 * kommune`, `Universitetet i Bergen`, `Norges Skiforbund`, `Bergens Tidende`, `Oslo Børs`, `Innovasjon
 * Norge`, `Helse Bergen`, and regions named from a country (`Nord-Norge`). The known name is part of the
 * larger one, which these rules find and type; the recogniser puts them in place of the known name.
 */
export function namesAroundKnown(text: string, known: readonly { start: number; end: number; text: string; type: EntityType; canonical: string }[]): NameCandidate[] {
  const found: NameCandidate[] = [];
  const covered = (at: number) => known.some((k) => k.start <= at && at < k.end);
  for (const k of known) {
    if (k.type === 'person') continue;
    let start = k.start;
    let end = k.end;
    let type: EntityType | undefined;
    const place = k.type === 'place';
    // `Nord-Norge`, `Sør-Norges`: a region of a known country or place.
    if (place && text.charCodeAt(k.start - 1) === 45) {
      const region = /(?:^|[^\p{L}\p{N}-])((?:Nord|Sør|Øst|Vest|Midt|Nordvest|Nordøst|Sørvest|Sørøst|Indre|Ytre)-)$/u.exec(text.slice(Math.max(0, k.start - 12), k.start));
      if (region) {
        start = k.start - region[1].length;
        type = 'place';
      }
    }
    // Cheap tests first: most mentions have neither a lower-case word after them nor ` i ` before them.
    const tail = text.charCodeAt(k.end) === 32 && isLowerAt(text, k.end + 1) && mayBeTail(text, k.end + 1, k.end + 40) ? /^ (\p{Ll}+)(?![\p{L}\p{N}-])/u.exec(text.slice(k.end, k.end + 40)) : null;
    const tailKind = tail ? tailType(tail[1]) : undefined;
    if (tail && tailKind) {
      end = k.end + tail[0].length;
      type = tailKind;
      // `Oslo lufthavn Gardermoen`: a facility's own name after it.
      const own = tailKind === 'place' ? /^ (\p{Lu}\p{Ll}+)(?![\p{L}\p{N}-])/u.exec(text.slice(end, end + 40)) : null;
      if (own && !covered(end + 1)) end += own[0].length;
    } else if (text.charCodeAt(k.end) === 32 && startsUpperCase(text[k.end + 1] ?? '') && !covered(k.end + 1)) {
      // `Oslo Børs`, `Norges Skiforbund`, `Bergens Tidende`: capitalised words after the known name.
      const words = /^(?: \p{Lu}[\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)?){1,3}/u.exec(text.slice(k.end, k.end + 60));
      if (words) {
        const parts = words[0].slice(1).split(' ');
        // Stop before another known name, and at a first name (`i Oslo Kari Hansen …` is two names).
        let taken = 0;
        let length = 0;
        for (const part of parts) {
          const facts = factsOf(part);
          if (covered(k.end + length + 1) || (facts.kinds & GIVEN_NAME) !== 0 || facts.month || facts.starter || facts.allCaps) break;
          length += 1 + part.length;
          taken++;
        }
        const last = taken > 0 ? factsOf(parts[taken - 1]) : undefined;
        const genitive = k.text !== k.canonical && /s$/u.test(text.slice(k.start, k.end));
        const institution = last !== undefined && (last.organizationWord || last.organizationEnding || last.designator || last.tailType === 'organization');
        // After a genitive (`Norges`) only an institution's word: `Russlands Vladimir Putin` is two names.
        if (last && (!genitive || institution || last.eventEnding)) {
          end = k.end + length;
          type = last.eventEnding ? 'event' : last.tailType === 'place' ? 'place' : 'organization';
        }
      }
    }
    // `Innovasjon Norge`, `Sjømat Norge`, `Helse Bergen`: a capitalised word before a known place.
    if (place && type === undefined && text.charCodeAt(k.start - 1) === 32 && wordStartsUpperCase(text, k.start - 2)) {
      const word = /(?:^|[^\p{L}\p{N}.!?:–—«\n] ?)(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, k.start - 30), k.start));
      if (word && !covered(k.start - 2)) {
        const facts = factsOf(word[1]);
        const sentenceStart = /(?:^|[.!?:–—«\n]\s*)$/u.test(text.slice(Math.max(0, k.start - word[1].length - 4), k.start - word[1].length - 1));
        const fit = (facts.kinds & (GIVEN_NAME | PLACE | COUNTRY)) === 0 && !facts.role && !facts.starter && !facts.month && !facts.genitiveShape && !facts.adjective;
        if (fit && (!sentenceStart || facts.organizationHead)) {
          start = k.start - word[1].length - 1;
          type = 'organization';
        }
      }
    }
    const afterI = k.start >= 4 && text.charCodeAt(k.start - 1) === 32 && text.charCodeAt(k.start - 2) === 105 && text.charCodeAt(k.start - 3) === 32;
    const head = afterI && mayBeNamedWithPlace(text, Math.max(0, k.start - 40), k.start - 3) ? /(?:^|[^\p{L}\p{N}])(\p{Lu}\p{Ll}+) i $/u.exec(text.slice(Math.max(0, k.start - 40), k.start)) : null;
    if (head && isNamedWithPlace(head[1])) {
      start = k.start - head[1].length - ' i '.length;
      type = 'organization';
    }
    if (type) found.push({ start, end, text: text.slice(start, end), type, strong: true });
  }
  return found;
}

/**
 * Names in guillemets after the noun for what they name (`romanen «Når isen går»`, `filmen «Kon-Tiki»`,
 * `Ekstremværet «Gudmund»`, `dronen «Tidvann»`): the words inside are one name, of the type the noun
 * gives (a work or a product `other`, a storm an event), whatever capitals they have.
 */
export function worksInQuotes(text: string): NameCandidate[] {
  const found: NameCandidate[] = [];
  // From each opening guillemet: most texts have a few, quotes of speech among them.
  for (let open = text.indexOf('«'); open >= 0; open = text.indexOf('«', open + 1)) {
    const close = text.indexOf('»', open + 1);
    if (close < 0 || close - open > 81 || !startsUpperCase(text[open + 1] ?? '')) continue;
    const title = text.slice(open + 1, close).replace(/[\s.,!?]+$/u, '');
    if (title.includes('\n')) continue;
    const noun = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, open - 40), open));
    const type = noun ? appositionType(noun[1].toLowerCase()) : undefined;
    if (!type || (type !== 'other' && type !== 'event')) continue;
    // A storm's or a festival's name is a word or a few (`«Gudmund»`); after `saken` a longer quote is speech.
    if (type === 'event' && title.split(' ').length > 4) continue;
    found.push({ start: open + 1, end: open + 1 + title.length, text: title, type, strong: true });
  }
  return found;
}
