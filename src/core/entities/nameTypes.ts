/**
 * The type of a name the rules found, from the cues around it as Norwegian news text writes them: the
 * name's own words (`ASA`, `tingrett`, `-departementet`), credits and datelines, a title or role before
 * it, the noun it stands beside, a verb of saying, the gazetteer, an employer after a person with a
 * role, and last the shape of the name. Each type says whether its evidence is strong (what a careful
 * reader would type the name by in any article) or a guess (`findNames` in `names.ts` decides spans).
 */
import { INSTITUTION_COMPOUND, isRole } from './cues';
import { COUNTRY, GIVEN_NAME, gazetteer, PLACE, SURNAME } from './gazetteer';
import { isSpace } from './phrases';
import type { Word } from './scan';
import { ENTITY_TYPES, type EntityType } from './types';
import { FAMILY_NAME_FIRST } from './nameOrder';
import { factsOf, isAllCaps, PLACE_ENDING, SPEECH_VERBS, type WordFacts } from './wordFacts';

/** The facts of a word (looked up by the scan). */
const facts = (w: Word): WordFacts => w.facts;

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
/** Adjectives of nation or scope that open a body's name, never a person's. */
const NATION_ADJECTIVE = /^(?:norsk|norske|svensk|svenske|dansk|danske|finsk|finske|islandsk|nordisk|nordiske|europeisk|europeiske|internasjonal|internasjonale|nasjonal|nasjonale|kongelig|kongelige)$/u;

export function typeOf(text: string, span: readonly Word[], all: readonly Word[], from: number, to: number, employee: number, lines: LineCursor): Typed {
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
  if (last.organizationEnding || (!single && last.organizationWord) || (single && INSTITUTION_COMPOUND.test(lastWord.text))) return strong('organization');
  // `Universitetet i Bergen`, `Statsforvalteren i Vestland`, `Helse Vest`.
  if (!single && first.organizationHead) return strong('organization');
  if (suffix !== undefined && PLACE_ENDING.test(suffix)) return strong('place');
  // `Eliteserien`, `Spellemannprisen`, `Conference League`.
  // A dateline's capitals: `STORD (NTB):` is a place.
  if (start === lineStart && first.allCaps && text.startsWith(' (', end)) return strong('place');
  if (last.eventEnding && !(single && (first.kinds & (GIVEN_NAME | SURNAME | PLACE)) !== 0)) return strong('event');
  // Credits: `Foto: Ola Nordmann / NTB`, `Foto: THIBAULT CAMUS / AFP`; after the slash, the agency or paper.
  if (lines.lastColon >= lineStart && CREDIT.test(lineBefore())) {
    if (/\/\s*$/u.test(lineBefore())) return strong('organization');
    return strong(!single && (!first.allCaps || (first.kinds & GIVEN_NAME) !== 0) ? 'person' : 'organization');
  }
  // The paper in brackets after a dateline (or after a byline's name) is an organisation.
  if (text.charCodeAt(start - 1) === 40 && text.charCodeAt(end) === 41 && (text.charCodeAt(end + 1) === 58 || /^(?:\p{Lu}+(?: \p{Lu}+)*|Av [^()\n]+) \($/u.test(text.slice(lineStart, start)))) return strong('organization');
  // The words before: a title or role (`landslagssjef Ståle Solbakken`), unless it is a verb (`som leder ArcSpawn`).
  if (before?.role && !/(?:^|[^\p{L}])(?:som|han|hun|de|vi|jeg|man|det|den|du|dere)\s+$/iu.test(text.slice(Math.max(0, previous.start - 8), previous.start))) return strong('person');
  // A compound whose second part is a role (`Viking-kaptein Ibrahim Sesay`): the words after it are the person.
  if (previous && previous.suffix !== undefined && !span[0].sentenceStart && isRole(previous.suffix.slice(1).toLowerCase())) return strong('person');
  // (A lower-case noun, or the capitalised one that starts the sentence: `Ekstremværet Ingolf`; right before the name,
  // not across a comma: in `Mannen hennes, Per Hansen,` the name stands beside `mannen`, and `hennes` is no headland.)
  const adjacent = previous !== undefined && /^\s+$/u.test(text.slice(previous.end, start));
  const opensSentence = previous !== undefined && (previous.sentenceStart || afterDateline(text, previous.start));
  const apposition = adjacent && previous.text !== '' && (!previous.capitalised || opensSentence) && (!span[0].sentenceStart || previous.sentenceStart) ? facts(previous).appositionType : undefined;
  if (apposition) return strong(apposition);
  // A family name written first, then one or two names that are no places: `Hoang Van Minh`, `Nguyen Thi Lan`.
  // (The given name, last, is no place; a middle name may be one elsewhere: `Van`.)
  if (!single && span.length <= 3 && FAMILY_NAME_FIRST.has(first.text) && !last.organizationWord && (last.kindsOrStem & (COUNTRY | PLACE)) === 0) return strong('person');
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
  // `Norsk Folkehjelp`, `Nordisk Film`, `Nasjonal sikkerhetsmyndighet`: a name opened by an adjective of nation or scope is no person's.
  if (!single && NATION_ADJECTIVE.test(first.folded)) return weak('organization');
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
export class LineCursor {
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

/** Whether a place comes right after a dateline at its line's start: `STAVANGER (NTB) `, `OSLO/KYIV (VG): `. */
export function afterDateline(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 32 || text.charCodeAt(at - 2) !== 41) return false;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return at - lineStart < 60 && /^\p{Lu}[\p{Lu}\p{M}/ .'’-]*\s*\([^()\n]{1,30}\) $/u.test(text.slice(lineStart, at));
}
