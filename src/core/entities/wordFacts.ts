/**
 * What the name rules ask of a single word, decided once per distinct word
 * and kept: its lower-case form, what the gazetteer knows it as, and whether
 * it is a role, a sentence starter, a month, an organisation's ending and so
 * on. A corpus repeats its words, and every question asked again of a word
 * cost a gazetteer lookup or a pattern; now a word costs one lookup here,
 * and each answer is worked out the first time it is asked.
 */
import { appositionType, DESIGNATORS, FILTERED_CUES, EVENT_ENDING, isDefiniteNoun, isNamedWithPlace, isOrganizationHead, isRole, ORGANIZATION_ENDING, ORGANIZATION_WORD_ENDING, tailType } from './cues';
import { endingFilter } from './endings';
import { hashOf } from './fnv';
import { FNV_OFFSET, FNV_PRIME } from './fnv';
import { gazetteer } from './gazetteer';
import type { EntityType } from './types';

// Words are folded with plain `toLowerCase`: Norwegian has no locale-specific
// case rules, and the locale-aware form goes through ICU on every call.

/** Lower-case words that may stand inside a name (`Møre og Romsdal`, `Universitetet i Oslo`, `Ludwig van Beethoven`). */
export const LINKING_WORDS = new Set(['og', 'i', 'for', 'av', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'al', 'bin', 'of']);
/** Verbs of saying right after or before a name: the name is someone speaking. */
export const SPEECH_VERBS = new Set([
  'sa', 'sier', 'uttalte', 'forteller', 'fortalte', 'skriver', 'skrev', 'mener', 'mente', 'understreker', 'understreket', 'påpeker', 'påpekte',
  'opplyser', 'opplyste', 'melder', 'meldte', 'bekrefter', 'bekreftet', 'forklarer', 'forklarte', 'legger', 'svarer', 'svarte',
  'anbefaler', 'anbefalte', 'advarer', 'advarte', 'krever', 'krevde', 'varsler', 'varslet', 'hevder', 'hevdet',
  // Nynorsk.
  'seier', 'meiner', 'meinte', 'fortel', 'fortalde', 'skriv', 'skreiv', 'svarar', 'svara', 'stadfestar', 'stadfesta', 'understrekar', 'understreka',
]);
/** Prepositions of place before a name (not `til` or `mot`: `sa til Olena`, `mot Putin`). */
const PLACE_PREPOSITIONS = new Set(['i', 'fra', 'ved', 'nær', 'utenfor', 'gjennom', 'på', 'langs', 'over', 'mellom', 'rundt']);
/** Word endings of places (`Grodno-regionen`). */
export const PLACE_ENDING = /(?:-regionen|-området|fylke|byen|landet|-provinsen|-oblast)$/u;
/** Words that start sentences but are not names, even when nothing else decides. */
const SENTENCE_STARTERS = new Set([
  'samtidig', 'også', 'det', 'den', 'de', 'dette', 'disse', 'han', 'hun', 'vi', 'jeg', 'du', 'men', 'og', 'i', 'på', 'etter', 'før',
  'ifølge', 'selv', 'dessuten', 'derfor', 'da', 'når', 'som', 'om', 'hvis', 'her', 'der', 'nå', 'mens', 'under', 'over', 'fra', 'til',
  'med', 'uten', 'for', 'av', 'ved', 'ifølge', 'ja', 'nei', 'alle', 'mange', 'flere', 'noen', 'ingen', 'hva', 'hvem', 'hvor',
  'hvorfor', 'hvordan', 'bilder', 'foto', 'info', 'publisert', 'oppdatert', 'les', 'se', 'vis', 'mer', 'president', 'statsminister',
  'utenriksminister', 'kona', 'mannen', 'begge', 'både', 'omtrent', 'over', 'amerikanske', 'russiske', 'franske', 'tyske',
  'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'syv', 'åtte', 'ni', 'ti', 'elleve', 'tolv', 'femten', 'tjue', 'tretti', 'førti',
  'femti', 'hundre', 'tusen', 'halvparten', 'flertallet', 'bak', 'blant', 'mot', 'hos', 'foran', 'langs', 'rundt', 'gjennom', 'innen',
  'siden', 'ettersom', 'fordi', 'dersom', 'likevel', 'kanskje', 'trolig', 'nesten', 'bare', 'særlig', 'spesielt',
  // Nynorsk.
  'ho', 'dei', 'eg', 'me', 'ikkje', 'kva', 'kven', 'korleis', 'kvifor', 'kor', 'då', 'no', 'òg', 'ein', 'eit', 'fleire', 'nokre', 'sidan',
  'viss', 'berre', 'truleg', 'difor', 'samstundes', 'ifølgje', 'medan', 'utan', 'kring', 'dessutan', 'mellom',
]);
/** Endings of landforms, waters and ways, in a one-word name (`Finnmarksvidda`, `Hallingdalselva`, `Dovrebanen`). */
const LANDFORM_ENDING = /\p{L}{2}(?:fjellet|fjell|vidda|heia|neset|elva|lågen|parken|dalen|øya|jávri|jávre|vatnet|vannet|fjorden|sjøen|breen|tinden|toppen|holmen|bukta|sundet|odden|banen|myra|havet)$/u;
/**
 * Whether a word ends like an event's name: as the whole word (`Cup` of `Norway Cup`), or after a stem of
 * three letters or more (`Arendalsuka`, `Eliteserien`), not a short place name that merely ends so (`Ruka`).
 */
function isEventEnding(folded: string): boolean {
  const ending = EVENT_ENDING.exec(folded);
  return ending !== null && (ending[0].length === folded.length || folded.length - ending[0].length >= 3);
}

/** Roads: `E6`, `E39` (and `Rv`, `Fv` before a number, as in `Rv. 7`). */
const ROAD = /^(?:E\d{1,3}|Rv|Fv|Ev)$/u;

/** Capitalised adjectives of nationality and the like (`Ukrainske sivilister`, a typo's `det Ukrainske militæret`). */
const ADJECTIVE_ENDING = /(?:ske|isk)$/u;
const MONTHS_AND_DAYS = new Set([
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember',
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag',
]);

/** `NATO`, `KYIV`, `TV2`: at least two upper-case letters and nothing in lower case. */
export function isAllCaps(word: string): boolean {
  // Most words fail on their second character; only the rest need the Unicode patterns.
  const second = word.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  return /^[\p{Lu}\p{N}.-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

/** What the gazetteer knows a word as, or its stem for a genitive (`Bergens`, `Hansens`). */
export function kindsOf(word: string): number {
  const kinds = gazetteer.kinds(word);
  return kinds !== 0 || !/\p{Ll}s$/u.test(word) ? kinds : gazetteer.kinds(word.slice(0, -1));
}

// Quick noes for the patterns of endings (`endings.ts`).
const ORGANIZATION_ENDINGS = endingFilter(ORGANIZATION_ENDING);
/** Common surnames that end like a body's name (`Salvesen` like `vegvesen`). */
const SURNAME_LIKE_BODY = /^(?:Salvesen|Salvesens)$/u;
const ORGANIZATION_WORDS = endingFilter(ORGANIZATION_WORD_ENDING);
const PLACE_ENDINGS = endingFilter(PLACE_ENDING);
const EVENT_ENDINGS = endingFilter(EVENT_ENDING);
const LANDFORM_ENDINGS = endingFilter(LANDFORM_ENDING);

/** Every pattern of endings that a filter stands before, for tests. */
export const FILTERED_PATTERNS: readonly RegExp[] = [...FILTERED_CUES, ORGANIZATION_ENDING, ORGANIZATION_WORD_ENDING, PLACE_ENDING, EVENT_ENDING, LANDFORM_ENDING];

// The yes-or-no answers, one bit each (in `decided` once worked out, in `answers` if yes).
const ROLE = 1;
const STARTER = 1 << 1;
const DEFINITE_NOUN = 1 << 2;
const NAMED_WITH_PLACE = 1 << 3;
const ALL_CAPS = 1 << 4;
const MONTH = 1 << 5;
const ADJECTIVE = 1 << 6;
const ORGANIZATION = 1 << 7;
const ORGANIZATION_WORD = 1 << 8;
const ORGANIZATION_HEAD = 1 << 9;
const PLACE_END = 1 << 10;
const GENITIVE_SHAPE = 1 << 11;
const DEFINITE_SHAPE = 1 << 12;
const SURNAME_SHAPE = 1 << 13;
const DESIGNATOR = 1 << 14;
const SPEECH = 1 << 15;
const PLACE_PREPOSITION = 1 << 16;
const NUMBER = 1 << 17;
const ONE_LETTER = 1 << 18;
const LINKING = 1 << 19;
const EVENT_END = 1 << 20;
const LANDFORM = 1 << 21;
const ROAD_NAME = 1 << 22;

const UNDECIDED = -1;

/** One distinct word (as written) and what the rules know of it. */
export class WordFacts {
  private decided = 0;
  private answers = 0;
  private foldedForm: string | undefined;
  private gazetteerKinds = UNDECIDED;
  private stemKinds = UNDECIDED;
  private tail: EntityType | null | undefined;
  private apposition: EntityType | null | undefined;
  /** The number of the last text in which the word was seen capitalised in mid-sentence (see `names.ts`). */
  seenMidSentence = 0;
  /** The entity id of a one-word name the rules found, once made (see `ruleIds.ts`). */
  ruleId: string | undefined;

  /** `hash` is the word's FNV-1a hash (`hashOf`). */
  constructor(
    readonly text: string,
    private readonly hash: number,
  ) {}

  private answer(bit: number, yes: boolean): boolean {
    this.decided |= bit;
    if (yes) this.answers |= bit;
    return yes;
  }

  private known(bit: number): boolean {
    return (this.decided & bit) !== 0;
  }

  private yes(bit: number): boolean {
    return (this.answers & bit) !== 0;
  }

  get folded(): string {
    return (this.foldedForm ??= this.text.toLowerCase());
  }

  /** What the gazetteer knows the word as (its bits; see `gazetteer.ts`). */
  get kinds(): number {
    if (this.gazetteerKinds === UNDECIDED) this.gazetteerKinds = gazetteer.kindsHashed(this.text, this.hash);
    return this.gazetteerKinds;
  }

  /** The same, or its stem's for a genitive (`Bergens`): `kindsOf`. */
  get kindsOrStem(): number {
    if (this.stemKinds === UNDECIDED) this.stemKinds = this.kinds !== 0 || !this.genitiveShape ? this.kinds : gazetteer.kinds(this.text.slice(0, -1));
    return this.stemKinds;
  }

  /** A title or role (`landslagssjef`), in any case. */
  get role(): boolean {
    return this.known(ROLE) ? this.yes(ROLE) : this.answer(ROLE, isRole(this.folded));
  }

  /** A word that starts sentences and is no name (`samtidig`, `dette`), in any case. */
  get starter(): boolean {
    return this.known(STARTER) ? this.yes(STARTER) : this.answer(STARTER, SENTENCE_STARTERS.has(this.folded));
  }

  get definiteNoun(): boolean {
    return this.known(DEFINITE_NOUN) ? this.yes(DEFINITE_NOUN) : this.answer(DEFINITE_NOUN, isDefiniteNoun(this.folded));
  }

  get namedWithPlace(): boolean {
    return this.known(NAMED_WITH_PLACE) ? this.yes(NAMED_WITH_PLACE) : this.answer(NAMED_WITH_PLACE, isNamedWithPlace(this.text));
  }

  get allCaps(): boolean {
    return this.known(ALL_CAPS) ? this.yes(ALL_CAPS) : this.answer(ALL_CAPS, isAllCaps(this.text));
  }

  /** A month's or a weekday's name, in any case. */
  get month(): boolean {
    return this.known(MONTH) ? this.yes(MONTH) : this.answer(MONTH, MONTHS_AND_DAYS.has(this.folded));
  }

  /** Ends like an adjective (`ukrainske`), in any case. */
  get adjective(): boolean {
    return this.known(ADJECTIVE) ? this.yes(ADJECTIVE) : this.answer(ADJECTIVE, ADJECTIVE_ENDING.test(this.folded));
  }

  /** Ends like a one-word organisation (`Utenriksdepartementet`). */
  get organizationEnding(): boolean {
    return this.known(ORGANIZATION)
      ? this.yes(ORGANIZATION)
      : this.answer(ORGANIZATION, ORGANIZATION_ENDINGS.mayMatch(this.text) && ORGANIZATION_ENDING.test(this.text) && !SURNAME_LIKE_BODY.test(this.text));
  }

  /** The last word of a longer organisation's name, in any case (`Institutt`, `Bank`). */
  get organizationWord(): boolean {
    return this.known(ORGANIZATION_WORD) ? this.yes(ORGANIZATION_WORD) : this.answer(ORGANIZATION_WORD, ORGANIZATION_WORDS.mayMatch(this.folded) && ORGANIZATION_WORD_ENDING.test(this.folded));
  }

  /** The head of an institution's name (`Universitetet`, `Helse`). */
  get organizationHead(): boolean {
    return this.known(ORGANIZATION_HEAD) ? this.yes(ORGANIZATION_HEAD) : this.answer(ORGANIZATION_HEAD, isOrganizationHead(this.text));
  }

  /** Ends like a place (`Grodno-regionen`, `Vestlandet`). */
  get placeEnding(): boolean {
    return this.known(PLACE_END) ? this.yes(PLACE_END) : this.answer(PLACE_END, PLACE_ENDINGS.mayMatch(this.text) && PLACE_ENDING.test(this.text));
  }

  /** Ends in a lower-case letter and `s`, as a genitive does. */
  get genitiveShape(): boolean {
    return this.known(GENITIVE_SHAPE) ? this.yes(GENITIVE_SHAPE) : this.answer(GENITIVE_SHAPE, /\p{Ll}s$/u.test(this.text));
  }

  /** Ends like a noun's definite form (`Kampen`, `Sentrum`), in any case. */
  get definiteShape(): boolean {
    return this.known(DEFINITE_SHAPE) ? this.yes(DEFINITE_SHAPE) : this.answer(DEFINITE_SHAPE, /(?:en|et|a|ene|ane|um)$/u.test(this.folded));
  }

  /** Ends like a Nordic surname (`-sen`, `-son`, `-stad`). */
  get surnameShape(): boolean {
    return this.known(SURNAME_SHAPE) ? this.yes(SURNAME_SHAPE) : this.answer(SURNAME_SHAPE, /\p{Ll}(?:sen|ssen|son|sson|sdottir|stad|heim)s?$/u.test(this.text));
  }

  /** A company or club designator (`ASA`, `FK`). */
  get designator(): boolean {
    return this.known(DESIGNATOR) ? this.yes(DESIGNATOR) : this.answer(DESIGNATOR, DESIGNATORS.has(this.text));
  }

  /** A verb of saying, in any case. */
  get speech(): boolean {
    return this.known(SPEECH) ? this.yes(SPEECH) : this.answer(SPEECH, SPEECH_VERBS.has(this.folded));
  }

  /** A preposition of place, in any case. */
  get placePreposition(): boolean {
    return this.known(PLACE_PREPOSITION) ? this.yes(PLACE_PREPOSITION) : this.answer(PLACE_PREPOSITION, PLACE_PREPOSITIONS.has(this.folded));
  }

  /** Digits only. */
  get number(): boolean {
    return this.known(NUMBER) ? this.yes(NUMBER) : this.answer(NUMBER, /^\p{N}+$/u.test(this.text));
  }

  /** One character (a code point) at most. */
  get oneLetter(): boolean {
    return this.known(ONE_LETTER) ? this.yes(ONE_LETTER) : this.answer(ONE_LETTER, oneCodePoint(this.text));
  }

  /** A lower-case word that may stand inside a name, as written. */
  get linking(): boolean {
    return this.known(LINKING) ? this.yes(LINKING) : this.answer(LINKING, LINKING_WORDS.has(this.text));
  }

  /** Ends like an event's name (`Eliteserien`, `Spellemannprisen`, `League`), in any case. */
  get eventEnding(): boolean {
    return this.known(EVENT_END) ? this.yes(EVENT_END) : this.answer(EVENT_END, EVENT_ENDINGS.mayMatch(this.folded) && isEventEnding(this.folded));
  }

  /** A one-word name of a landform, a water or a way (`Finnmarksvidda`, `Dovrebanen`). */
  get landform(): boolean {
    return this.known(LANDFORM) ? this.yes(LANDFORM) : this.answer(LANDFORM, LANDFORM_ENDINGS.mayMatch(this.folded) && LANDFORM_ENDING.test(this.folded));
  }

  /** A road's name or its start (`E6`; `Rv` of `Rv. 7`). */
  get road(): boolean {
    return this.known(ROAD_NAME) ? this.yes(ROAD_NAME) : this.answer(ROAD_NAME, ROAD.test(this.text));
  }

  /** The type the word gives a name it ends (`tingrett`, `stadion`), as written. */
  get tailType(): EntityType | undefined {
    if (this.tail === undefined) this.tail = tailType(this.text) ?? null;
    return this.tail ?? undefined;
  }

  /** The type the word gives a name in apposition after it (`klubben`), in any case. */
  get appositionType(): EntityType | undefined {
    if (this.apposition === undefined) this.apposition = appositionType(this.folded) ?? null;
    return this.apposition ?? undefined;
  }
}

/** At most one code point (`[...text].length < 2`): a surrogate pair is one. */
function oneCodePoint(text: string): boolean {
  if (text.length < 2) return true;
  if (text.length > 2) return false;
  const high = text.charCodeAt(0);
  const low = text.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * The table of words seen: open addressing over the words' FNV-1a hashes, so that the scan can look a
 * word up where it stands in the text, without cutting it out first (a Map would want the word as a
 * string of its own, and hash it again).
 */
/**
 * Distinct words kept; past this the table starts again before the next text (`settleWords`), never
 * within one, whose words carry the text's marks (a corpus's capitalised words number tens of thousands).
 */
export const MAX_WORDS = 1 << 17;
/** The table's first size (in slots, a power of two); it doubles when half full. */
const FIRST_BITS = 12;
let bits = FIRST_BITS;
/**
 * Per slot, side by side: the word's hash and its length + 1 (0: an empty slot). A probe reads one
 * place in one array, and the facts (and the word's text) only when hash and length agree.
 */
let meta = new Int32Array(2 << bits);
let slots: (WordFacts | undefined)[] = new Array<WordFacts | undefined>(1 << bits).fill(undefined);
let count = 0;

export { FNV_OFFSET, FNV_PRIME, hashOf };

function sameText(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** FNV's low bits mix poorly: the high ones are folded in before taking a slot. */
function firstSlot(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> (32 - bits);
}

/** The facts of the word `text[start, end)`, whose hash (`hashOf`) is `hash`; made on first sight. */
export function factsAt(text: string, start: number, end: number, hash: number): WordFacts {
  hash |= 0;
  const tag = end - start + 1;
  const mask = (1 << bits) - 1;
  let slot = firstSlot(hash);
  for (;;) {
    const seen = meta[2 * slot + 1];
    if (seen === 0) break;
    if (seen === tag && meta[2 * slot] === hash) {
      const facts = slots[slot] as WordFacts;
      if (sameText(facts.text, text, start)) return facts;
    }
    slot = (slot + 1) & mask;
  }
  const facts = new WordFacts(text.slice(start, end), hash);
  if (2 * (count + 1) > mask + 1) {
    grow();
    slot = freeSlot(hash);
  }
  meta[2 * slot] = hash;
  meta[2 * slot + 1] = tag;
  slots[slot] = facts;
  count++;
  return facts;
}

function freeSlot(hash: number): number {
  const mask = (1 << bits) - 1;
  let slot = firstSlot(hash);
  while (meta[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
  return slot;
}

/** Doubles the table, every word in its new place. */
function grow(): void {
  const oldMeta = meta;
  const oldSlots = slots;
  bits++;
  meta = new Int32Array(2 << bits);
  slots = new Array<WordFacts | undefined>(1 << bits).fill(undefined);
  for (let old = 0; old < oldSlots.length; old++) {
    if (oldMeta[2 * old + 1] === 0) continue;
    const slot = freeSlot(oldMeta[2 * old]);
    meta[2 * slot] = oldMeta[2 * old];
    meta[2 * slot + 1] = oldMeta[2 * old + 1];
    slots[slot] = oldSlots[old];
  }
}

/** Before a text: past `MAX_WORDS` distinct words, the table starts again (a text's words must keep their facts while it is read). */
export function settleWords(): void {
  if (count >= MAX_WORDS) forgetWords();
}

/** Forgets every word: the next text starts a cold table (for benchmarks that measure a first pass over a corpus). */
export function forgetWords(): void {
  bits = FIRST_BITS;
  meta = new Int32Array(2 << bits);
  slots = new Array<WordFacts | undefined>(1 << bits).fill(undefined);
  count = 0;
}

/** The facts of `word`, made on first sight. */
export function factsOf(word: string): WordFacts {
  return factsAt(word, 0, word.length, hashOf(word, 0, word.length));
}
