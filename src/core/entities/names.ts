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
import { squashWhitespace, startsUpperCase, wordCharAt } from '../text';
import type { EntityType } from './types';

// Words are folded with plain `toLowerCase`: Norwegian has no locale-specific
// case rules, and the locale-aware form goes through ICU on every call.

export interface NameCandidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
}

/** Lower-case words that may stand inside a name (`Møre og Romsdal`, `Universitetet i Oslo`, `Ludwig van Beethoven`); see `joins`. */
const LINKING_WORDS = new Set(['og', 'i', 'for', 'av', 'de', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'al', 'bin']);
/** Titles and roles before a person's name. */
const PERSON_CUES = new Set([
  'president', 'presidenten', 'statsminister', 'statsministeren', 'utenriksminister', 'utenriksministeren', 'forsvarsminister',
  'minister', 'ministeren', 'kansler', 'forbundskansler', 'generalsekretær', 'generalsekretæren', 'talsperson', 'talsmann',
  'talskvinne', 'forsker', 'forskeren', 'professor', 'professoren', 'leder', 'lederen', 'sjef', 'sjefen', 'direktør', 'direktøren',
  'ordfører', 'ordføreren', 'journalist', 'fotograf', 'kommentator', 'ekspert', 'eksperten', 'rådgiver', 'ambassadør', 'general',
  'kong', 'kongen', 'dronning', 'prins', 'prinsesse', 'biskop', 'pave', 'fru', 'herr', 'dr', 'sjefredaktør', 'redaktør', 'advokat',
  'statssekretær', 'stortingsrepresentant', 'partileder', 'nestleder', 'visepresident', 'guvernør', 'borgermester',
]);
/** Verbs of saying right after or before a name: the name is someone speaking. */
const SPEECH_VERBS = new Set(['sa', 'sier', 'uttalte', 'forteller', 'fortalte', 'skriver', 'skrev', 'mener', 'mente', 'understreket', 'påpekte']);
/** Prepositions of place before a name (not `til` or `mot`: `sa til Olena`, `mot Putin`). */
const PLACE_PREPOSITIONS = new Set(['i', 'fra', 'ved', 'nær', 'utenfor', 'gjennom']);
/** Word endings of organisations and places (`Utenriksdepartementet`, `Grodno-regionen`). */
const ORGANIZATION_ENDING = /(?:departement(?:et)?|direktorat(?:et)?|tilsyn(?:et)?|institutt(?:et)?|universitet(?:et)?|partiet|parti|forbund(?:et)?|rådet|bank(?:en)?|vesen(?:et)?|verk(?:et)?|kommune|fylkeskommune|sykehus(?:et)?|politi(?:et)?|domstol(?:en)?|byrå(?:et)?|organisasjon(?:en)?|ASA|AS)$/u;
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
function words(text: string): Word[] {
  const result: Word[] = [];
  // Only capitalised words and their neighbours are kept: the rules look no
  // further. A run of lower-case words between is kept as one gap (a word
  // with no text), so words on either side of it are not taken as neighbours.
  let pending: Word | undefined; // the last lower-case word, kept if a capitalised one follows
  let skipped: { start: number; end: number } | undefined; // lower-case words before `pending`, dropped
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
        const initial = code === FULL_STOP && previous !== undefined && previous.end === i && previous.text.length === 1 && previous.capitalised;
        if (!initial) sentenceStart = true;
      }
      i++;
      continue;
    }
    const start = i;
    let end = i + width;
    for (let j = end; j < length; ) {
      const next = wordCharAt(text, j);
      if (next > 0) end = j += next;
      else if (CONNECTOR_CODES.has(text.charCodeAt(j))) j++;
      else break;
    }
    i = end;
    const capitalised = startsUpperCase(text[start] + (width === 2 ? text[start + 1] : ''));
    if (!capitalised) {
      const word = { text: text.slice(start, end), capitalised, start, end, sentenceStart };
      sentenceStart = false;
      const last = result[result.length - 1];
      if (last?.capitalised && !pending && !skipped) result.push(word);
      else {
        if (pending) skipped = { start: skipped?.start ?? pending.start, end: pending.end };
        pending = word;
      }
      continue;
    }
    if (skipped) result.push({ text: '', capitalised: false, start: skipped.start, end: skipped.end, sentenceStart: false });
    if (pending) result.push(pending);
    skipped = pending = undefined;
    const token = text.slice(start, end);
    const hyphen = token.indexOf('-');
    const compound = hyphen > 0 && !startsUpperCase(token.slice(hyphen + 1));
    const name = compound ? token.slice(0, hyphen) : token;
    result.push({ text: name, capitalised, start, end: start + name.length, sentenceStart, suffix: compound ? token.slice(hyphen) : undefined });
    sentenceStart = false;
  }
  return result;
}

/** Whether `word` occurs in `text` as a whole word (æ, ø and å being letters). */
function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (wordCharAt(text, at - 1) === 0 && wordCharAt(text, at + word.length) === 0) return true;
  }
  return false;
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
  const all = words(text);
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
  const inLowerCase = new Map<string, boolean>();
  const lowerCase = {
    has(word: string): boolean {
      let found = inLowerCase.get(word);
      if (found === undefined) inLowerCase.set(word, (found = occursAsWord(text, word)));
      return found;
    },
  };

  const names: NameCandidate[] = [];
  for (let i = 0; i < all.length; i++) {
    const first = all[i];
    if (!first.capitalised || covered(first) || isLabel(text, first)) continue;
    // A sentence's common first word before a name is not part of it: `Da Emmanuel Macron`, `Også Tysklands`.
    const folded = first.text.toLowerCase();
    if (first.sentenceStart && all[i + 1] && all[i + 1].capitalised && (SENTENCE_STARTERS.has(folded) || lowerCase.has(folded))) continue;
    // A title before a name is a cue, not part of it: `Statsminister Erna Solberg`.
    const nextWord = all[i + 1];
    if (nextWord && PERSON_CUES.has(first.text.toLowerCase()) && nextWord.capitalised && !nextWord.sentenceStart) continue;
    // `Kampene i Luhansk`: a sentence's first word before a linking word is a common noun, unless seen as a name elsewhere.
    if (first.sentenceStart && nextWord && LINKING_WORDS.has(nextWord.text) && !midSentence.has(first.text)) continue;
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
    // `Statens vegvesen`: a capitalised genitive and a lower-case word ending like an organisation.
    const next = all[last + 1];
    if (last === i && /s$/u.test(first.text) && next && !next.sentenceStart && ORGANIZATION_ENDING.test(next.text) && !next.capitalised) {
      last = i + 1;
    }
    const span = all.slice(i, last + 1);
    i = last;
    if (!isName(span, first, midSentence, lowerCase)) continue;
    const start = span[0].start;
    const end = span[span.length - 1].end;
    let type = typeOf(span, all, i - span.length + 1, i);
    // `i Lviv og Tromsø`: the second of two names joined by `og` is of the same kind as the first.
    const previous = names[names.length - 1];
    if (type === 'other' && previous && /^\s+(?:og|eller)\s+$/u.test(text.slice(previous.end, start))) type = previous.type;
    names.push({ start, end, text: text.slice(start, end), type });
  }
  return unifyTypes(names);
}

/** A name used several times in a text is one kind of thing: the commonest type its cues gave, `other` only if nothing else. */
function unifyTypes(names: NameCandidate[]): NameCandidate[] {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const name of names) {
    if (name.type === 'other') continue;
    const key = squashWhitespace(name.text);
    const counts = votes.get(key) ?? new Map<EntityType, number>();
    counts.set(name.type, (counts.get(name.type) ?? 0) + 1);
    votes.set(key, counts);
  }
  return names.map((name) => {
    const counts = votes.get(squashWhitespace(name.text));
    if (!counts) return name;
    const [type] = [...counts].sort((a, b) => b[1] - a[1])[0];
    return type === name.type ? name : { ...name, type };
  });
}

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
  if (word === 'i') return ORGANIZATION_ENDING.test(all[j - 1].text);
  if (word !== 'og') return true;
  const before = all[start - 1]?.text.toLowerCase();
  if (before && PLACE_PREPOSITIONS.has(before)) return false;
  // Only one word on each side: `Runa Fjellanger og Kyrre Lien` is two people.
  if (j - 1 !== start || (all[j + 2] && all[j + 2].capitalised && !all[j + 2].sentenceStart)) return false;
  const left = all[j - 1].text;
  const right = all[j + 1]?.text ?? '';
  return !isAllCaps(left) && !isAllCaps(right) && !standalone.has(left) && !standalone.has(right);
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
  return midSentence.has(head) || isAllCaps(head);
}

function typeOf(span: readonly Word[], all: readonly Word[], from: number, to: number): EntityType {
  const name = span.map((w) => w.text).join(' ');
  const before = all[from - 1]?.text.toLowerCase();
  const after = all[to + 1]?.text.toLowerCase();
  const last = span[span.length - 1].text;
  const suffix = span[span.length - 1].suffix ?? '';
  if (ORGANIZATION_ENDING.test(last)) return 'organization';
  if (PLACE_ENDING.test(suffix)) return 'place';
  // Photo credits: `Foto: Ola Nordmann / NTB`.
  if (before === 'foto' || all[from - 1]?.text === '/') return span.length > 1 && !isAllCaps(span[0].text) ? 'person' : 'organization';
  if (isAllCaps(name.replace(/ /g, '')) && name.length <= 6) return 'organization';
  if (before && PERSON_CUES.has(before)) return 'person';
  // `Russlands president`, `Frankrikes utenriksminister`: a country's office holder.
  if (after && PERSON_CUES.has(after) && /\p{Ll}s$/u.test(last) && span.length === 1) return 'place';
  if ((after && SPEECH_VERBS.has(after)) || (before && SPEECH_VERBS.has(before))) return span.length > 1 ? 'person' : 'other';
  if (PLACE_ENDING.test(last)) return 'place';
  if (before && PLACE_PREPOSITIONS.has(before) && span.length <= 3) return 'place';
  return 'other';
}
