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
 */
import { squashWhitespace, startsUpperCase, wordCharAt, wordEnd } from '../text';
import { appositionType, DESIGNATORS, isDefiniteNoun, isNamedWithPlace, isOrganizationHead, isRole, ORGANIZATION_ENDING, ORGANIZATION_WORD_ENDING, tailType } from './cues';
import { COUNTRY, GIVEN_NAME, gazetteer, PLACE, SURNAME } from './gazetteer';
import { ENTITY_TYPES, type EntityType } from './types';

// Words are folded with plain `toLowerCase`: Norwegian has no locale-specific
// case rules, and the locale-aware form goes through ICU on every call.

export interface NameCandidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** The type came from strong evidence (see `typeOf`): it carries to the name's other mentions in the corpus. */
  readonly strong: boolean;
}

/** Lower-case words that may stand inside a name (`Møre og Romsdal`, `Universitetet i Oslo`, `Ludwig van Beethoven`); see `joins`. */
const LINKING_WORDS = new Set(['og', 'i', 'for', 'av', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'al', 'bin']);
/** Verbs of saying right after or before a name: the name is someone speaking. */
const SPEECH_VERBS = new Set(['sa', 'sier', 'uttalte', 'forteller', 'fortalte', 'skriver', 'skrev', 'mener', 'mente', 'understreket', 'påpekte']);
/** Prepositions of place before a name (not `til` or `mot`: `sa til Olena`, `mot Putin`). */
const PLACE_PREPOSITIONS = new Set(['i', 'fra', 'ved', 'nær', 'utenfor', 'gjennom']);
/** Word endings of places (`Grodno-regionen`). */
const PLACE_ENDING = /(?:-regionen|-området|fylke|byen|landet|-provinsen|-oblast)$/u;
/** Words that start sentences but are not names, even when nothing else decides. */
const SENTENCE_STARTERS = new Set([
  'samtidig', 'også', 'det', 'den', 'de', 'dette', 'disse', 'han', 'hun', 'vi', 'jeg', 'du', 'men', 'og', 'i', 'på', 'etter', 'før',
  'ifølge', 'selv', 'dessuten', 'derfor', 'da', 'når', 'som', 'om', 'hvis', 'her', 'der', 'nå', 'mens', 'under', 'over', 'fra', 'til',
  'med', 'uten', 'for', 'av', 'ved', 'ifølge', 'ja', 'nei', 'alle', 'mange', 'flere', 'noen', 'ingen', 'hva', 'hvem', 'hvor',
  'hvorfor', 'hvordan', 'bilder', 'foto', 'info', 'publisert', 'oppdatert', 'les', 'se', 'vis', 'mer', 'president', 'statsminister',
  'utenriksminister', 'kona', 'mannen', 'begge', 'både', 'omtrent', 'over', 'amerikanske', 'russiske', 'franske', 'tyske',
]);
/** Capitalised adjectives of nationality and the like (`Ukrainske sivilister`, a typo's `det Ukrainske militæret`). */
const ADJECTIVE_ENDING = /(?:ske|isk)$/u;
const MONTHS_AND_DAYS = new Set([
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember',
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag',
]);

interface Word {
  readonly text: string;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  readonly start: number;
  readonly end: number;
  /** First word of a sentence, a paragraph, a quote or a caption after its label. */
  readonly sentenceStart: boolean;
  /** What followed the name in a compound: `-regionen` of `Grodno-regionen`. */
  readonly suffix?: string;
}

/** Capitalised abbreviations whose full stop ends no sentence. */
const ABBREVIATIONS = new Set(['St', 'Dr', 'Mr', 'Mrs', 'Ms', 'Jr', 'Sr', 'Prof', 'Sct']);

/** Punctuation that starts a new sentence for the word after it (closing quotes do not). */
const SENTENCE_BREAKS = new Set(['.', '!', '?', ':', '–', '—', '«', '\n']);
/** The same as character codes, for the scanner. */
const SENTENCE_BREAK_CODES = new Set([...SENTENCE_BREAKS].map((char) => char.charCodeAt(0)));
/** Characters that may join the letters of one word: `Jean-Yves`, `O'Neill`, `A.S.`. */
const CONNECTOR_CODES = new Set(["'", '’', '.', '-'].map((char) => char.charCodeAt(0)));
const FULL_STOP = 46;

/**
 * The words that matter for names, with their offsets, in one hand-written scan. A word is
 * letters, digits and marks, with apostrophes, full stops and hyphens inside
 * it. A hyphenated compound is cut at its first hyphen when a lower-case part
 * follows (`Grodno-regionen` → `Grodno`); `Jean-Yves` stays whole.
 */
function words(text: string, lowerRuns: Set<number>): Word[] {
  const result: Word[] = [];
  // Only capitalised words and their neighbours are kept: the rules look no
  // further. A run of lower-case words between is kept as one gap (a word
  // with no text), so words on either side of it are not taken as neighbours.
  // The last lower-case word is kept (as offsets, made a word only if a capitalised one follows).
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingSentenceStart = false;
  let skippedStart = -1; // lower-case words before the pending one, dropped
  let skippedEnd = -1;
  let sentenceStart = true;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const width = wordCharAt(text, i);
    if (width === 0) {
      const code = text.charCodeAt(i);
      if (SENTENCE_BREAK_CODES.has(code)) {
        const previous = result[result.length - 1];
        // `Jakub M. Godzimirski`: the full stop of an initial ends no sentence.
        // Nor does an abbreviation's: `St. Olavs hospital`, `Dr. Hansen`.
        const initial = code === FULL_STOP && previous !== undefined && previous.end === i && previous.capitalised && (previous.text.length === 1 || ABBREVIATIONS.has(previous.text));
        if (!initial) sentenceStart = true;
      }
      i++;
      continue;
    }
    const start = i;
    // The word's runs of letters (between hyphens, full stops, apostrophes) that start in lower case are
    // hashed as the scan goes, for `lowerCase` in findNames.
    let hash = 0x811c9dc5;
    let runLower = isLowerAt(text, i);
    // Only runs that start in lower case are hashed.
    if (runLower) for (let k = i; k < i + width; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    let end = i + width;
    for (let j = end; j < length; ) {
      const next = wordCharAt(text, j);
      if (next > 0) {
        if (runLower) for (let k = j; k < j + next; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
        end = j += next;
      } else if (CONNECTOR_CODES.has(text.charCodeAt(j))) {
        if (runLower) lowerRuns.add(hash >>> 0);
        j++;
        hash = 0x811c9dc5;
        runLower = isLowerAt(text, j);
      } else break;
    }
    if (runLower) lowerRuns.add(hash >>> 0);
    i = end;
    const first = text.charCodeAt(start);
    const capitalised = first < 128 ? first >= 65 && first <= 90 : startsUpperCase(text[start] + (width === 2 ? text[start + 1] : ''));
    if (!capitalised) {
      const wasStart = sentenceStart;
      sentenceStart = false;
      const last = result[result.length - 1];
      if (last?.capitalised && pendingStart < 0 && skippedStart < 0) result.push({ text: text.slice(start, end), capitalised, start, end, sentenceStart: wasStart });
      else {
        if (pendingStart >= 0) {
          if (skippedStart < 0) skippedStart = pendingStart;
          skippedEnd = pendingEnd;
        }
        pendingStart = start;
        pendingEnd = end;
        pendingSentenceStart = wasStart;
      }
      continue;
    }
    if (skippedStart >= 0) result.push({ text: '', capitalised: false, start: skippedStart, end: skippedEnd, sentenceStart: false });
    if (pendingStart >= 0) result.push({ text: text.slice(pendingStart, pendingEnd), capitalised: false, start: pendingStart, end: pendingEnd, sentenceStart: pendingSentenceStart });
    skippedStart = pendingStart = -1;
    const token = text.slice(start, end);
    const hyphen = token.indexOf('-');
    const compound = hyphen > 0 && !startsUpperCase(token.slice(hyphen + 1));
    const name = compound ? token.slice(0, hyphen) : token;
    result.push({ text: name, capitalised, start, end: start + name.length, sentenceStart, suffix: compound ? token.slice(hyphen) : undefined });
    sentenceStart = false;
  }
  return result;
}

/** Whether the character at `index` is a lower-case letter (ASCII at once, others by case mapping). */
function isLowerAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 97 && code <= 122;
  if (code !== code) return false; // past the end
  const char = text[index];
  return char !== char.toUpperCase();
}

/** Whether `word` occurs in `text` as a whole word (æ, ø and å being letters). */
function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (wordCharAt(text, at - 1) === 0 && wordCharAt(text, at + word.length) === 0) return true;
  }
  return false;
}

/** FNV-1a over `text[start, end)`. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}


/** `NATO`, `KYIV`, `TV2`: at least two upper-case letters and nothing in lower case. */
function isAllCaps(word: string): boolean {
  // Most words fail on their second character; only the rest need the Unicode patterns.
  const second = word.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  return /^[\p{Lu}\p{N}.-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

/**
 * Names in `text` outside the spans in `known` (what the knowledge base
 * already found).
 */
export function findNames(text: string, known: readonly { start: number; end: number }[]): NameCandidate[] {
  const lowerRuns = new Set<number>();
  const all = words(text, lowerRuns);
  const mask = new Uint8Array(text.length + 1);
  for (const k of known) mask.fill(1, k.start, k.end);
  const covered = (w: Word) => mask[w.start] === 1 || mask[w.end - 1] === 1;
  // Evidence from the whole text, gathered in one pass over its capitalised words:
  // - midSentence: seen capitalised in mid-sentence, evidence for the same word at a sentence start;
  // - standalone: seen outside `X og Y`, a name in its own right, so `og` next to it makes a list;
  // - stems: names in the text, for telling `Russlands` (a genitive of `Russland`) from `Jens`.
  const midSentence = new Set<string>();
  const standalone = new Set<string>();
  const stems = new Set<string>(known.map((k) => text.slice(k.start, k.end)));
  all.forEach((w, k) => {
    if (!w.capitalised) return;
    stems.add(w.text);
    if (!w.sentenceStart) midSentence.add(w.text);
    if (all[k - 1]?.text !== 'og' && all[k + 1]?.text !== 'og') standalone.add(w.text);
  });
  // Whether a sentence's capitalised first word also occurs in lower case (`Samtidig` … `samtidig`):
  // asked of a few words per text, so each is looked up in the text when first asked.
  const lowerCase = {
    has(word: string): boolean {
      // A word of one run of letters is looked up among the text's; one with a hyphen or a full stop is searched for.
      if (wordEnd(word, 0) !== word.length) return occursAsWord(text, word);
      return lowerRuns.has(hashOf(word, 0, word.length));
    },
  };

  const names: NameCandidate[] = [];
  for (let i = 0; i < all.length; i++) {
    const first = all[i];
    if (!first.capitalised || covered(first) || isLabel(text, first)) continue;
    // A sentence's common first word before a name is not part of it: `Da Emmanuel Macron`, `Også Tysklands`.
    const folded = first.text.toLowerCase();
    const nextWord = all[i + 1];
    if (first.sentenceStart && nextWord?.capitalised && (SENTENCE_STARTERS.has(folded) || lowerCase.has(folded))) continue;
    // A title or role before a name is a cue, not part of it: `Statsminister Erna Solberg`, `Landslagssjef Ståle Solbakken`.
    if (nextWord?.capitalised && !nextWord.sentenceStart && isRole(folded) && !gazetteer.isGivenName(first.text)) continue;
    // So is a noun the name is set beside: `Ekstremværet Ingolf`, `Oljeserviceselskapet Ryfylke Brønnservice`.
    if (first.sentenceStart && nextWord?.capitalised && isDefiniteNoun(folded) && !gazetteer.isPlace(first.text) && !gazetteer.isGivenName(first.text)) continue;
    // `Kampene i Luhansk`: a sentence's first word before a linking word is a common noun, unless seen as a name
    // elsewhere or the head of an institution's name (`Universitetet i Bergen`).
    if (first.sentenceStart && nextWord && LINKING_WORDS.has(nextWord.text) && !midSentence.has(first.text) && !(nextWord.text === 'i' && isNamedWithPlace(first.text))) continue;
    // Extend over capitalised words, and lower-case linking words between capitalised ones.
    let last = i;
    for (let j = i + 1; j < all.length; j++) {
      const w = all[j];
      if (w.sentenceStart || covered(w) || !sameLine(text, all[j - 1], w) || /[,;:()/]/.test(text.slice(all[j - 1].end, w.start))) break;
      // `Russlands Vladimir Putin`: a genitive (its stem seen in the text) ends a name; `Jens Stoltenberg` goes on.
      if (isGenitive(all[j - 1].text, stems) && w.capitalised) break;
      if (w.capitalised) last = j;
      else if (/^\p{N}+$/u.test(w.text) && isAllCaps(all[j - 1].text) && all[j - 1].text.length <= 3) last = j; // `TV 2`
      else if (!(joins(all, i, j, standalone) && j + 1 < all.length && all[j + 1].capitalised && !all[j + 1].sentenceStart)) break;
    }
    // `Statens vegvesen`, `Oslo tingrett`, `Meteorologisk institutt`, `Ullevaal stadion`: a lower-case word that
    // ends an institution's or a facility's name.
    const next = all[last + 1];
    if (next && !next.capitalised && !next.sentenceStart && sameLine(text, all[last], next) && /^ $/u.test(text.slice(all[last].end, next.start))) {
      if (tailType(next.text) || (last === i && /s$/u.test(first.text) && ORGANIZATION_ENDING.test(next.text))) last++;
    }
    const span = all.slice(i, last + 1);
    i = last;
    if (!isName(span, first, midSentence, lowerCase)) continue;
    const start = span[0].start;
    const end = span[span.length - 1].end;
    let { type, strong } = typeOf(text, span, all, i - span.length + 1, i);
    // `i Lviv og Tromsø`: the second of two names joined by `og` is of the same kind as the first.
    const previous = names[names.length - 1];
    if (type === 'other' && previous && /^\s+(?:og|eller)\s+$/u.test(text.slice(previous.end, start))) ({ type, strong } = previous);
    names.push({ start, end, text: text.slice(start, end), type, strong });
  }
  return unifyTypes(names);
}

/**
 * A name used several times in a text is one kind of thing: the type strong evidence gave it most often
 * (`trener Vestbø` once types every `Vestbø` as a person), else the commonest type its cues gave, `other`
 * only if nothing else.
 */
function unifyTypes(names: NameCandidate[]): NameCandidate[] {
  // Per name, votes per type: strong ones weigh more than all weak ones together.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const name of names) {
    if (name.type === 'other') continue;
    const key = squashWhitespace(name.text);
    let counts = votes.get(key);
    if (!counts) votes.set(key, (counts = new Map<EntityType, number>()));
    counts.set(name.type, (counts.get(name.type) ?? 0) + (name.strong ? STRONG_VOTE : 1));
  }
  return names.map((name) => {
    const counts = votes.get(squashWhitespace(name.text));
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
function joins(all: readonly Word[], start: number, j: number, standalone: ReadonlySet<string>): boolean {
  const word = all[j].text;
  if (!LINKING_WORDS.has(word)) return false;
  // `Universitetet i Oslo`, but `Kharkiv i Ukraina`, `Putin i Kreml`.
  if (word === 'i') return ORGANIZATION_ENDING.test(all[j - 1].text) || isNamedWithPlace(all[j - 1].text);
  if (word !== 'og') return true;
  // `Møre og Romsdal`, also inside a longer name (`Statsforvalteren i Møre og Romsdal`).
  if (all[j + 1] && gazetteer.isPlace(`${all[j - 1].text} og ${all[j + 1].text}`)) return true;
  const before = all[start - 1]?.text.toLowerCase();
  if (before && PLACE_PREPOSITIONS.has(before)) return false;
  // Only one word on each side: `Runa Fjellanger og Kyrre Lien` is two people.
  if (j - 1 !== start || (all[j + 2] && all[j + 2].capitalised && !all[j + 2].sentenceStart)) return false;
  const left = all[j - 1].text;
  const right = all[j + 1]?.text ?? '';
  // `Sandnes og Aberdeen`: two places, or two first names, are two names.
  const known = (word: string) => gazetteer.isPlace(word) || gazetteer.isCountry(word) || gazetteer.isGivenName(word);
  return !isAllCaps(left) && !isAllCaps(right) && !standalone.has(left) && !standalone.has(right) && !known(left) && !known(right);
}

function isGenitive(word: string, stems: ReadonlySet<string>): boolean {
  return /\p{Ll}s$/u.test(word) && stems.has(word.slice(0, -1));
}

function sameLine(text: string, a: Word, b: Word): boolean {
  return !text.slice(a.end, b.start).includes('\n');
}

/** An upper-case caption label (`HOLDT AVSTANDEN:` at a paragraph start) is no name. */
function isLabel(text: string, word: Word): boolean {
  if (!isAllCaps(word.text)) return false;
  const lineStart = text.lastIndexOf('\n', word.start) + 1;
  return /^[\p{Lu}\p{M}\p{N} '’&./-]*:/u.test(text.slice(lineStart, lineStart + 60)) && text.slice(lineStart, word.start).indexOf(':') < 0;
}

function isName(span: readonly Word[], first: Word, midSentence: ReadonlySet<string>, lowerCase: { has(word: string): boolean }): boolean {
  const head = first.text;
  const folded = head.toLowerCase();
  // `T` of `T-banestasjon`: one letter is an initial at most, never a name alone.
  if (span.length === 1 && [...head].length < 2) return false;
  if (MONTHS_AND_DAYS.has(folded)) return false;
  const single = span.length === 1;
  // Capitalised adjectives (`Ukrainske sivilister`) are not names.
  if (single && ADJECTIVE_ENDING.test(folded) && !isAllCaps(head)) return false;
  // `i Den trilaterale kontaktgruppe`: a function word is no name even when capitalised.
  if (single && SENTENCE_STARTERS.has(folded)) return false;
  if (!first.sentenceStart) return true;
  // At a sentence start a word needs more evidence.
  if (SENTENCE_STARTERS.has(folded) && single) return false;
  if (!single) return !SENTENCE_STARTERS.has(folded) || span.length > 2;
  if (lowerCase.has(folded)) return false;
  // Seen as a name elsewhere in the text, or known as one: a place, a country, a first name.
  // (Not a place that looks like a noun's definite form: `Kampen`, `Haugen` and `Sentrum` are places too.)
  const definite = /(?:en|et|a|ene|ane|um)$/u.test(folded);
  if (midSentence.has(head) || isAllCaps(head)) return true;
  const kinds = kindsOf(head);
  return (!definite && (kinds & PLACE) !== 0) || (kinds & (COUNTRY | GIVEN_NAME)) !== 0;
}


/** Surnames as Norwegian and Nordic names build them: `Hansen`, `Johansson`, `Solbakken` are in the lists, `-sen` also as an ending. */
function isSurnameLike(word: string, kinds: number): boolean {
  return (kinds & SURNAME) !== 0 || /\p{Ll}(?:sen|ssen|son|sson|sdottir|stad|heim)s?$/u.test(word);
}

/** After a name: its bearer's age (`Kari Hansen (45)`), or a role set off by a comma (`Kari Hansen, daglig leder i …`). */
function personAfter(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  if (code === 32) return /^ \(\d{1,3}\)/u.test(text.slice(end, end + 6));
  if (code !== 44) return false;
  const words = /^, ((?:\p{Ll}+ ){0,3}\p{Ll}+)/u.exec(text.slice(end, end + 60));
  return words !== null && words[1].split(' ').some(isRole);
}

/** What the gazetteer knows a word as, or its stem for a genitive (`Bergens`, `Hansens`). */
function kindsOf(word: string): number {
  const kinds = gazetteer.kinds(word);
  return kinds !== 0 || !/\p{Ll}s$/u.test(word) ? kinds : gazetteer.kinds(word.slice(0, -1));
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
function typeOf(text: string, span: readonly Word[], all: readonly Word[], from: number, to: number): Typed {
  const name = span.length === 1 ? span[0].text : span.map((w) => w.text).join(' ');
  const previous = all[from - 1];
  const before = previous?.text.toLowerCase();
  const after = all[to + 1]?.text.toLowerCase();
  const first = span[0].text;
  const last = span[span.length - 1].text;
  const suffix = span[span.length - 1].suffix ?? '';
  // Each word looked up once, whatever is asked of it below.
  const wordKinds = span.length === 1 ? [kindsOf(name)] : span.map((w) => kindsOf(w.text));
  const placeWord = wordKinds.some((kinds) => (kinds & (COUNTRY | PLACE)) !== 0);
  // What the name's own words say first: `Equinor ASA`, `Oslo tingrett`, `Ullevaal stadion`, `Utenriksdepartementet`,
  // `Norsk Utenrikspolitisk Institutt`.
  if (span.length > 1 && DESIGNATORS.has(last)) return strong('organization');
  const tail = span.length > 1 && !span[span.length - 1].capitalised ? tailType(last) : undefined;
  if (tail) return strong(tail);
  if (ORGANIZATION_ENDING.test(last) || (span.length > 1 && ORGANIZATION_WORD_ENDING.test(last.toLowerCase()))) return strong('organization');
  // `Universitetet i Bergen`, `Statsforvalteren i Vestland`, `Helse Vest`.
  if (span.length > 1 && isOrganizationHead(first)) return strong('organization');
  if (PLACE_ENDING.test(suffix)) return strong('place');
  // Photo credits: `Foto: Ola Nordmann / NTB`, `Foto: THIBAULT CAMUS / AFP`.
  if (before === 'foto' || previous?.text === '/') return strong(span.length > 1 && (!isAllCaps(first) || gazetteer.isGivenName(first)) ? 'person' : 'organization');
  // The words before: a title or role (`landslagssjef Ståle Solbakken`), a noun in apposition (`stormen Ingolf`).
  if (before && isRole(before)) return strong('person');
  // (A lower-case noun, or the capitalised one that starts the sentence: `Ekstremværet Ingolf`.)
  const apposition = previous && before && (!previous.capitalised || previous.sentenceStart) ? appositionType(before) : undefined;
  if (apposition) return strong(apposition);
  // The gazetteer: countries and places (also in upper case: `OSLO`, `USA`), then people's names.
  if ((span.length === 1 ? wordKinds[0] : kindsOf(name)) & (COUNTRY | PLACE)) return strong('place');
  if (isAllCaps(name.replace(/ /g, '')) && name.length <= 6) return weak('organization');
  // `Russlands president`, `Frankrikes utenriksminister`: a country's office holder.
  if (after && isRole(after) && /\p{Ll}s$/u.test(last) && span.length === 1) return weak('place');
  if (personAfter(text, span[span.length - 1].end)) return strong('person');
  const speaks = (after && SPEECH_VERBS.has(after)) || (before && SPEECH_VERBS.has(before));
  // A first name before other capitalised words is a person, whatever the surname (many are places: `Per Strand`).
  if (span.length > 1 && (wordKinds[0] & GIVEN_NAME) !== 0) return strong('person');
  if (span.length > 1 && isSurnameLike(last, wordKinds[wordKinds.length - 1]) && !placeWord) return weak('person');
  // One word: a first name, or someone speaking (`sa Hansen`).
  if (span.length === 1 && (wordKinds[0] & GIVEN_NAME) !== 0) return strong('person');
  if (speaks) return strong('person');
  if (PLACE_ENDING.test(last)) return strong('place');
  if (before && PLACE_PREPOSITIONS.has(before) && span.length <= 3) return weak('place');
  // Two or three capitalised words that nothing else explains, none of them a place, are most often a person's
  // name in news text.
  if (span.length > 1 && span.length <= 3 && !placeWord && span.every((w) => w.capitalised && !isAllCaps(w.text))) return weak('person');
  return weak('other');
}

/**
 * Institutions and facilities named after a place the knowledge base knows: `Oslo tingrett`, `Bergen
 * kommune`, `Universitetet i Bergen`. The place's mention is part of the larger name, which these rules
 * find and type; the recogniser puts them in place of the place.
 */
export function namesAroundKnown(text: string, known: readonly { start: number; end: number }[]): NameCandidate[] {
  const found: NameCandidate[] = [];
  for (const k of known) {
    let start = k.start;
    let end = k.end;
    let type: EntityType | undefined;
    // Cheap tests first: most mentions have neither a lower-case word after them nor ` i ` before them.
    const tail = text.charCodeAt(k.end) === 32 && isLowerAt(text, k.end + 1) ? /^ (\p{Ll}+)(?![\p{L}\p{N}-])/u.exec(text.slice(k.end, k.end + 40)) : null;
    const tailKind = tail ? tailType(tail[1]) : undefined;
    if (tail && tailKind) {
      end = k.end + tail[0].length;
      type = tailKind;
    }
    const afterI = k.start >= 4 && text.charCodeAt(k.start - 1) === 32 && text.charCodeAt(k.start - 2) === 105 && text.charCodeAt(k.start - 3) === 32;
    const head = afterI ? /(?:^|[^\p{L}\p{N}])(\p{Lu}\p{Ll}+) i $/u.exec(text.slice(Math.max(0, k.start - 40), k.start)) : null;
    if (head && isNamedWithPlace(head[1])) {
      start = k.start - head[1].length - ' i '.length;
      type = 'organization';
    }
    if (type) found.push({ start, end, text: text.slice(start, end), type, strong: true });
  }
  return found;
}

/**
 * Titles of works in guillemets after the noun for the work (`romanen «Når isen går»`, `filmen «Kon-Tiki»`):
 * the words inside are one name of type `other`, whatever capitals they have.
 */
export function worksInQuotes(text: string): NameCandidate[] {
  const found: NameCandidate[] = [];
  // From each opening guillemet: most texts have a few, quotes of speech among them.
  for (let open = text.indexOf('«'); open >= 0; open = text.indexOf('«', open + 1)) {
    const close = text.indexOf('»', open + 1);
    if (close < 0 || close - open > 81 || !startsUpperCase(text[open + 1] ?? '')) continue;
    const title = text.slice(open + 1, close).replace(/[\s.,!?]+$/u, '');
    if (title.includes('\n')) continue;
    const noun = /(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, open - 40), open));
    if (!noun || appositionType(noun[1]) !== 'other') continue;
    found.push({ start: open + 1, end: open + 1 + title.length, text: title, type: 'other', strong: true });
  }
  return found;
}
