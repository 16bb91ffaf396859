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
 * once per distinct word; the words themselves from the scan in `scan.ts`;
 * the types from `nameTypes.ts`; names built around known ones and names in
 * guillemets from `namesAround.ts`.
 */
import { isLowerCaseAt } from '../text';
import { scanText, type TextScan, type Word } from './scan';
import { INSTITUTION_COMPOUND } from './cues';
import { COUNTRY, GIVEN_NAME, gazetteer, PLACE, SURNAME } from './gazetteer';
import { squashed } from './phrases';
import type { EntityType } from './types';
import { factsOf, type WordFacts } from './wordFacts';
import { afterDateline, LineCursor, typeOf } from './nameTypes';

export interface NameCandidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** The type came from strong evidence (see `typeOf`): it carries to the name's other mentions in the corpus. */
  readonly strong: boolean;
}

/** The mask of known spans, kept for the next text (cleared to its length for each). */
let spanMask = new Uint8Array(4096);

function scratchMask(length: number): Uint8Array {
  if (spanMask.length < length) spanMask = new Uint8Array(Math.max(length, spanMask.length * 2));
  else spanMask.fill(0, 0, length);
  return spanMask;
}

/** Whether any of `mask[from, to)` is set (a known name lies there). */
function coversAny(mask: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (mask[i] === 1) return true;
  return false;
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
    // (Not a function word at a sentence start: `Han` makes no genitive of `Hans`, as in `Rektor Hans Petter Wold-Amundsen`.)
    for (const word of context.all) if (word.capitalised && !(word.sentenceStart && facts(word).starter)) stems.add(word.text);
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
    // A sentence's common first word before a name is not part of it: `Da Emmanuel Macron`, `Også Tysklands`, also right
    // after a dateline (`OSLO (NTB) Ifølge Valgdirektoratet`).
    const nextWord = all[i + 1];
    const opens = first.sentenceStart || afterDateline(text, first.start);
    // (Not a head named with its place, `Sykehuset Innlandet`, though `sykehuset` is a noun elsewhere.)
    const withPlace = firstFacts.namedWithPlace && nextWord !== undefined && nextWord.start === first.end + 1 && (facts(nextWord).kinds & PLACE) !== 0;
    // (Not a given name before another and a surname: `Stein Ove Kalland startet …` where `en stein` is a word too.)
    const givenNames =
      (firstFacts.kinds & GIVEN_NAME) !== 0 && nextWord !== undefined && (facts(nextWord).kinds & GIVEN_NAME) !== 0 && all[i + 2]?.capitalised === true && !all[i + 2].sentenceStart;
    if (opens && nextWord?.capitalised && (firstFacts.starter || (scan.hasLowerCase(firstFacts.folded) && !withPlace && !givenNames))) continue;
    // A title or role before a name is a cue, not part of it: `Statsminister Erna Solberg`, `Landslagssjef Ståle Solbakken`.
    if (nextWord?.capitalised && !nextWord.sentenceStart && firstFacts.role && (firstFacts.kinds & GIVEN_NAME) === 0) continue;
    // A sentence's first word that is no name of any kind, before a given name and another capitalised word, is a title
    // the rules do not list: `Kirkeverge Bjørn Tore Hjelmeland`, `Politioverbetjent Rune Ask Halvorsen`.
    const afterNext = all[i + 2];
    if (first.sentenceStart && nextWord?.capitalised && afterNext?.capitalised && !firstFacts.allCaps && first.text.length >= 6 && first.suffix === undefined) {
      if ((firstFacts.kinds & (GIVEN_NAME | SURNAME | PLACE | COUNTRY)) === 0 && (facts(nextWord).kinds & GIVEN_NAME) !== 0 && !covered(nextWord)) continue;
    }
    // So is a noun the name is set beside: `Ekstremværet Ingolf`, `Oljeserviceselskapet Ryfylke Brønnservice`, also
    // right after a dateline (`STAVANGER (NTB) Oljeserviceselskapet Nordvik Offshore`), where a sentence starts too.
    // (Not a head named with its place: `Sykehuset Innlandet`, `Universitetet Nord`.)
    if (opens && nextWord?.capitalised && nextWord.start === first.end + 1 && firstFacts.definiteNoun && !firstFacts.allCaps && (firstFacts.kinds & (PLACE | GIVEN_NAME)) === 0 && !withPlace) continue;
    // `Kampene i Luhansk`: a sentence's first word before a linking word is a common noun, unless seen as a name
    // elsewhere or the head of an institution's name (`Universitetet i Bergen`).
    // (Nor the first half of a body's name cut before `- og`: `Arbeids- og velferdsetaten opplyser …`.)
    // (Nor an institution named for its purpose: `Landsforeningen for nyrepasienter og transplanterte opplyser …`.)
    const cutInstitution =
      first.sentenceStart && (coordinatedInstitution(text, first.end) || (nextWord?.text === 'for' && isInstitutionHead(firstFacts) && purposeEnd(text, first.end) > first.end));
    if (first.sentenceStart && nextWord && facts(nextWord).linking && firstFacts.seenMidSentence !== context.textNumber && !(nextWord.text === 'i' && firstFacts.namedWithPlace) && !cutInstitution) continue;
    // Extend over capitalised words, and lower-case linking words between capitalised ones.
    let last = i;
    for (let j = i + 1; j < all.length; j++) {
      const w = all[j];
      if (w.sentenceStart || covered(w) || breaksBetween(text, all[j - 1].end, w.start)) break;
      // A compound ends a name: `Viking-kaptein Ibrahim Sesay`, `Glimt-spissen Mads Østergaard`.
      if (all[j - 1].suffix !== undefined) break;
      // `Russlands Vladimir Putin`: a genitive (its stem seen in the text) ends a name; `Jens Stoltenberg` goes on.
      if (w.capitalised && isGenitive(context, all[j - 1])) break;
      // `DNB Markets Kjersti Haugen`: a body's name ends before a person's given name and surname.
      if (w.capitalised && j > i && startsPersonAfterBody(all, j)) break;
      if (w.capitalised) last = j;
      else if (facts(w).number && ((facts(all[j - 1]).allCaps && all[j - 1].text.length <= 3) || facts(all[j - 1]).road)) last = j; // `TV 2`, `Rv. 7`
      else if (!(joins(context, i, j) && j + 1 < all.length && all[j + 1].capitalised && !all[j + 1].sentenceStart)) break;
    }
    // `Statens vegvesen`, `Oslo tingrett`, `Meteorologisk institutt`, `Ullevaal stadion`: a lower-case word that
    // ends an institution's or a facility's name, one space after it.
    const next = all[last + 1];
    let nationBody = 0;
    if (next && !next.capitalised && !next.sentenceStart && next.start === all[last].end + 1 && text.charCodeAt(all[last].end) === 32) {
      const nextFacts = facts(next);
      if (nextFacts.tailType || (last === i && first.text.endsWith('s') && nextFacts.organizationEnding)) {
        last++;
        // `Saltfjorden havn KF`: a designator after the tail makes it the body's name.
        const designator = all[last + 1];
        if (designator && designator.capitalised && designator.start === all[last].end + 1 && facts(designator).designator && !coversAny(mask, designator.start, designator.end)) last++;
      }
      // `Norsk gynekologisk forening`, `Norsk medisinsk selskap`: an adjective of nation, lower-case adjectives and a body's word.
      else if (last === i && NATION_OPENING.test(firstFacts.folded)) {
        // (Read from the text: the scan keeps the words around capitalised ones only.)
        const words = NATION_BODY.exec(text.slice(all[last].end, all[last].end + 80));
        if (words && factsOf(words[2]).tailType === 'organization' && !coversAny(mask, all[last].end, all[last].end + words[0].length)) nationBody = all[last].end + words[0].length;
      }
    }
    // Words after the last capitalised one that belong to an institution's name: `Nærings- og
    // fiskeridepartementet`, `Institutt for arktisk og marin biologi`.
    let end = nationBody || all[last].end;
    let institution = nationBody > 0;
    const coordinated = text.charCodeAt(end) === 45 ? COORDINATED.exec(text.slice(end, end + 60)) : null;
    const joined = coordinated ? factsOf(coordinated[1]) : undefined;
    // (Only a compound's second half, `- og fiskeridepartementet`, `- og Fiskerforbund`: `Øst- og Vest-Europa`
    // are two names, and a known name after `og` stays the knowledge base's.)
    if (coordinated && joined && (isLowerCaseAt(coordinated[1], 0) || isInstitutionHead(joined)) && !coversAny(mask, end, end + coordinated[0].length)) {
      end += coordinated[0].length;
      institution = isInstitutionHead(joined);
    } else if (isInstitutionHead(facts(all[last]))) {
      const purpose = purposeEnd(text, end);
      // (Whether the head takes one is asked only when a `for …` follows: it looks the head's first parts up.)
      if (purpose > end && !coversAny(mask, end, purpose) && takesPurpose(all, i, last)) {
        end = purpose;
        institution = true;
      }
    }
    while (last + 1 < all.length && all[last + 1].start < end) last++;
    const span = all.slice(i, last + 1);
    i = last;
    if (!cutInstitution && !isName(context, span, first)) continue;
    const start = span[0].start;
    let { type, strong } = institution ? { type: 'organization' as EntityType, strong: true } : typeOf(text, span, all, i - span.length + 1, i, employee, lines);
    // `i Handel og Kontor`: two words joined by `og` that are no places are a body's name, not a place's.
    if (type === 'place' && span.length === 3 && span[1].text === 'og' && !gazetteer.isPlace(text.slice(span[0].start, span[2].end))) ({ type, strong } = { type: 'organization', strong: false });
    // `NHO Service og Handel`, `DNB Markets`: a name opened by an acronym is a body's, never a person's.
    if (type === 'person' && span.length > 1 && facts(span[0]).allCaps && !facts(span[1]).allCaps && span[0].text.length >= 2 && span[0].text.length <= 5 && span[0].suffix === undefined) ({ type, strong } = { type: 'organization', strong: false });
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

/** Adjectives of nation that open a body's name written with lower-case words after: `Norsk gynekologisk forening`. */
const NATION_OPENING = /^(?:norsk|norske|nordisk|nordiske|nasjonal|nasjonale)$/u;
/** A lower-case adjective inside such a name: `gynekologisk`, `medisinsk`, `offentlig`. */
const NATION_BODY = /^((?: \p{Ll}+(?:isk|sk|ig|lig|al|ell|ær)){1,2}) (\p{Ll}+)(?![\p{L}\p{M}\p{N}-])/u;

/** The rest of a name after a word cut before `- og`: `Kommunal- og distriktsdepartementet`, `Helse- og omsorgsdepartementet`. */
const COORDINATED = /^- (?:og|eller) ([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*)/u;
/** Whether the word ending at `end` is a body's name cut before `- og` whose second half heads an institution (`Arbeids- og velferdsetaten`). */
function coordinatedInstitution(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 45) return false;
  const coordinated = COORDINATED.exec(text.slice(end, end + 60));
  return coordinated !== null && isLowerCaseAt(coordinated[1], 0) && isInstitutionHead(factsOf(coordinated[1]));
}

/** Words that end an institution's `for …` (`Institutt for teknisk kybernetikk ved NTNU`). */
const PURPOSE_STOPS = new Set([
  'ved', 'i', 'på', 'til', 'som', 'med', 'fra', 'under', 'etter', 'mot', 'om', 'har', 'er', 'var', 'og', 'eller', 'sier', 'sa', 'mener', 'skal', 'vil', 'kan',
  // Adverbs and small words that follow a name in the sentence (`… for naturforskning nå`, `… for beredskap også`).
  'nå', 'også', 'ikke', 'da', 'der', 'her', 'allerede', 'fortsatt', 'tidligere', 'senere', 'igjen', 'bare', 'lenge', 'siden', 'men', 'at', 'å', 'en', 'et', 'ei', 'den', 'det', 'de', 'seg', 'ble', 'blir', 'hadde', 'får', 'fikk',
]);

/** Words that head an institution named for its purpose: `Institutt for …`, `Spesialenheten for …`, `Senter for …`. */
function isInstitutionHead(word: WordFacts): boolean {
  return word.organizationHead || word.organizationEnding || word.organizationWord || word.tailType === 'organization';
}

/** Words that may open an institution named for its purpose before its head: `Statens råd for …`, `Norsk senter for …`. */
const PURPOSE_OPENERS = new Set(['Norsk', 'Norske', 'Norges', 'Statens', 'Nasjonalt', 'Nasjonal', 'Nasjonale', 'Det', 'Den', 'Kongelige', 'Internasjonalt', 'Nordisk', 'Nordiske']);

/**
 * Whether the name `all[first..head]` may be an institution named for its purpose: its head is a general one
 * (`Institutt for …`, `Statens råd for …`), not one a place or a name makes specific, after which `for` is the
 * sentence's (`lagt inn på Nordlandssykehuset for kontroll`, `sendt til St. Olavs hospital for behandling`).
 */
function takesPurpose(all: readonly Word[], first: number, head: number): boolean {
  for (let k = first; k < head; k++) if (all[k].capitalised && !PURPOSE_OPENERS.has(all[k].text)) return false;
  const word = all[head].text;
  // `Nordlandssykehuset`, `Trondheimsfjordens …`: a place before the head, joined with or without `s`.
  for (let cut = 3; cut <= word.length - 4; cut++) {
    const part = word.slice(0, cut);
    if (gazetteer.isPlace(part) || (part.endsWith('s') && gazetteer.isPlace(part.slice(0, -1)))) return false;
  }
  return true;
}

/** Where the lower-case words of `for …` after an institution's head end (`for arktisk og marin biologi`), or `end` itself. */
function purposeEnd(text: string, end: number): number {
  // Whole words only: a lower-case run followed by more of a word (a combining accent, a digit) is not one.
  const purpose = /^ for ((?:\p{Ll}+(?![\p{L}\p{M}\p{N}]))(?: \p{Ll}+(?![\p{L}\p{M}\p{N}])){0,5})/u.exec(text.slice(end, end + 90));
  if (!purpose) return end;
  const words = purpose[1].split(' ');
  let taken = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    // `og` joins two words of the purpose (`arktisk og marin`), never the name to what follows.
    if ((PURPOSE_STOPS.has(word) || factsOf(word).speech) && !(word === 'og' && taken > 0 && k + 1 < words.length && !PURPOSE_STOPS.has(words[k + 1]))) break;
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

/** A strong vote outweighs any number of weak ones in an article (also in the recogniser's `oneTypePerName`). */
export const STRONG_VOTE = 1 << 16;

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
  // Only one word on each side: `Runa Fjellanger og Kyrre Lien` is two people. (After an acronym, the body's own two:
  // `NHO Service og Handel`, `NHO Mat og Drikke`.)
  const afterAcronym = j - 2 === start && facts(all[start]).allCaps && all[start].text.length <= 4;
  if ((j - 1 !== start && !afterAcronym) || (all[j + 2] && all[j + 2].capitalised && !all[j + 2].sentenceStart)) return false;
  const left = facts(all[j - 1]);
  const right = all[j + 1] ? facts(all[j + 1]) : factsOf('');
  // `fra Lviv og Tromsø` lists places; `i Handel og Kontor`, two words that are no place, name, or body of their own, is one name.
  const before = all[start - 1];
  const neither = (word: WordFacts) => (word.kinds & (PLACE | COUNTRY | GIVEN_NAME | SURNAME)) === 0 && !word.organizationEnding && !word.allCaps;
  if (before && facts(before).placePreposition && !(neither(left) && neither(right))) return false;
  // `E6 og Rv. 7`: roads and names with digits are listed, not joined.
  if (left.road || right.road || /\p{N}/u.test(left.text + right.text)) return false;
  // `Sandnes og Aberdeen`: two places, or two first names, are two names.
  const known = (word: WordFacts) => (word.kinds & (PLACE | COUNTRY | GIVEN_NAME)) !== 0;
  if (left.allCaps || right.allCaps || known(left) || known(right)) return false;
  const standalone = standaloneWords(context);
  return !standalone.has(left.text) && !standalone.has(right.text);
}

/**
 * Whether word `j` opens a person's name right after a body's (`DNB Markets Kjersti Haugen`): a given name that is no
 * surname, a capitalised word after it, and before it an acronym or a word that ends organisations' names.
 */
function startsPersonAfterBody(all: readonly Word[], j: number): boolean {
  const word = facts(all[j]);
  if ((word.kinds & GIVEN_NAME) === 0 || (word.kinds & SURNAME) !== 0 || !all[j + 1]?.capitalised || all[j + 1].sentenceStart) return false;
  const before = facts(all[j - 1]);
  if ((before.allCaps && all[j - 1].text.length >= 2) || before.organizationWord || before.organizationEnding) return true;
  // `Ordfører i Stryn Tone Hjelle`: a place after its preposition, then a given name and a surname.
  const preposition = all[j - 2];
  return (before.kinds & PLACE) !== 0 && (before.kinds & (GIVEN_NAME | SURNAME)) === 0 && preposition !== undefined && !preposition.capitalised && (preposition.text === 'i' || preposition.text === 'fra' || preposition.text === 'på') && preposition.end + 1 === all[j - 1].start;
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
  // A month is no name alone; before other names it is a given name (`Mai Linh Hoang`).
  if (head.month && span.length === 1) return false;
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
  if (head.seenMidSentence === context.textNumber || head.allCaps || INSTITUTION_COMPOUND.test(head.text)) return true;
  const kinds = head.kindsOrStem;
  return (!head.definiteShape && (kinds & PLACE) !== 0) || (kinds & (COUNTRY | GIVEN_NAME)) !== 0;
}
