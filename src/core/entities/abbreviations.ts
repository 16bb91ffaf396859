/**
 * Names that an article defines with their abbreviation in brackets, as Norwegian news writes a body the
 * first time: `Direktoratet for samfunnssikkerhet og beredskap (DSB)`, `Norges vassdrags- og
 * energidirektorat (NVE)`. The long form is one organisation's name (lower-case words and all), and the
 * abbreviation, there and later in the text (`skriver DSB`), is the same entity: not a person because a
 * speech verb stands before it, nor a name of its own.
 *
 * The long form is the words right before the bracket whose first letters, skipping the small linking words
 * (`for`, `og`, `i` …), spell the abbreviation; it starts with a capital. Names the knowledge base knows keep
 * their entity.
 */
import type { EntityMention } from './types';

/** An abbreviation in brackets: two to eight capitals (`DSB`, `NBBL`), nothing else inside. */
const BRACKETED = /\((\p{Lu}{2,8})\)/gu;
/** Words inside a body's name that give it no letter: `Direktoratet for samfunnssikkerhet og beredskap`. */
const LINKING = new Set(['og', 'for', 'i', 'av', 'til', 'på', 'med', 'mot', 'om', 'de', 'den', 'det', 'der', 'and', 'of', 'the', '&']);
/** How many words before the bracket a long form may take. */
const MAX_WORDS = 12;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*-?/gu;

interface Definition {
  readonly start: number;
  readonly end: number;
  readonly abbreviation: string;
}

/**
 * The mentions with each defined abbreviation's long form as one organisation and its bracketed and later uses
 * linked to it; `idOf` gives a rule-found name's entity id. Mentions stay in text order, none overlapping.
 */
export function withAbbreviations(text: string, mentions: readonly EntityMention[], idOf: (name: string) => string): readonly EntityMention[] {
  if (text.indexOf('(') < 0) return mentions;
  const definitions = [...definitionsIn(text), ...clippingsIn(text, mentions)].sort((a, b) => a.start - b.start);
  if (definitions.length === 0) return mentions;
  let result = [...mentions];
  const linked = new Map<string, EntityMention>();
  for (const definition of definitions) {
    if (linked.has(definition.abbreviation)) continue;
    const inside = result.filter((m) => m.start < definition.end && definition.start < m.end);
    // A name the knowledge base knows there keeps its entity; so does an abbreviation it knows.
    const known = inside.find((m) => m.source === 'knowledgeBase' && m.start === definition.start && m.end === definition.end);
    const abbreviationKnown = result.some((m) => m.text === definition.abbreviation && m.source === 'knowledgeBase');
    // (A known place inside is part of the name, as `Norges` of `Norges vassdrags- og energidirektorat`; a known body or person is not.)
    const foreign = inside.some((m) => m.source === 'knowledgeBase' && m !== known && m.type !== 'place');
    if (abbreviationKnown || foreign || inside.some((m) => m.start < definition.start || m.end > definition.end)) continue;
    const name = text.slice(definition.start, definition.end).replace(/\s+/gu, ' ');
    const long: EntityMention = known ?? {
      start: definition.start,
      end: definition.end,
      text: text.slice(definition.start, definition.end),
      type: 'organization',
      entityId: idOf(name),
      canonical: name,
      source: 'rule',
      strong: true,
    };
    linked.set(definition.abbreviation, long);
    if (!known) result = [...result.filter((m) => !inside.includes(m)), long].sort((a, b) => a.start - b.start);
  }
  if (linked.size === 0) return mentions;
  return result.map((m) => {
    const long = linked.get(m.text);
    if (!long || m.source === 'knowledgeBase' || m.entityId === long.entityId) return m;
    const { strong: _strong, ...rest } = m;
    const relinked: EntityMention = { ...rest, type: long.type, entityId: long.entityId, canonical: long.canonical };
    return long.strong ? { ...relinked, strong: true } : relinked;
  });
}

/** Where the text defines an abbreviation: the long form's span, and the abbreviation. */
export function definitionsIn(text: string): Definition[] {
  const found: Definition[] = [];
  BRACKETED.lastIndex = 0;
  for (let match = BRACKETED.exec(text); match; match = BRACKETED.exec(text)) {
    const abbreviation = match[1];
    // The words before the bracket, on its line and in its sentence.
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const before = text.slice(lineStart, match.index);
    if (!/\S\s$/u.test(before)) continue;
    const sentenceStart = Math.max(before.search(/[^.!?]*$/u), 0);
    const words = [...before.slice(sentenceStart).matchAll(WORD)].map((w) => ({
      start: lineStart + sentenceStart + (w.index ?? 0),
      end: lineStart + sentenceStart + (w.index ?? 0) + w[0].length,
      text: w[0],
    }));
    const last = words.length - 1;
    if (last < 0 || text.slice(words[last].end, match.index).trim() !== '') continue;
    const letters = abbreviation.toLowerCase();
    // A word per letter first; failing that, long compounds may give letters from inside (`sikkerhetsmyndighet`).
    let first = spell(words, letters, false);
    if (first < 0) first = spell(words, letters, true);
    if (first < 0 || !/^\p{Lu}/u.test(words[first].text)) continue;
    found.push({ start: words[first].start, end: words[last].end, abbreviation });
  }
  return found;
}

/** A short form in brackets that is a clipping, not initials: `Udir`, `Bufdir`, `Nkom`. */
const CLIPPED = /\((\p{Lu}\p{Ll}{2,7})\)/gu;

/**
 * Where the text defines a clipped short form after an organisation's name: `Utdanningsdirektoratet (Udir)`,
 * `Barne-, ungdoms- og familiedirektoratet (Bufdir)`: the short form's letters in order in the name, from its
 * first letter, and much shorter than it.
 */
export function clippingsIn(text: string, mentions: readonly EntityMention[]): Definition[] {
  const found: Definition[] = [];
  CLIPPED.lastIndex = 0;
  for (let match = CLIPPED.exec(text); match; match = CLIPPED.exec(text)) {
    const abbreviation = match[1];
    const long = mentions.find((m) => m.type === 'organization' && /^\s$/u.test(text.slice(m.end, match.index)));
    if (!long) continue;
    const name = long.text.toLowerCase();
    const letters = abbreviation.toLowerCase();
    if (name[0] !== letters[0] || letters.length * 2 > name.replace(/[^\p{L}]/gu, '').length) continue;
    let at = 1;
    let k = 1;
    for (; k < letters.length; k++) {
      const next = name.indexOf(letters[k], at);
      if (next < 0) break;
      at = next + 1;
    }
    if (k === letters.length) found.push({ start: long.start, end: long.end, abbreviation });
  }
  return found;
}

/** The first word of the long form that spells `letters` backwards from the last word, or -1. */
function spell(words: readonly { text: string }[], letters: string, compounds: boolean): number {
  const last = words.length - 1;
  let need = letters.length - 1;
  for (let k = last; k >= 0 && last - k < MAX_WORDS; k--) {
    const lower = words[k].text.toLowerCase();
    if (LINKING.has(lower)) {
      if (k === last) return -1;
      continue;
    }
    const covered = lettersOf(lower, letters, need, compounds);
    if (covered === 0) return -1;
    need -= covered;
    if (need < 0) return k;
  }
  return -1;
}

/** A compound long enough to give more than its first letter: `sikkerhetsmyndighet` gives S and M of `NSM`. */
const MIN_COMPOUND = 8;
/** How many letters a compound may give after its first. */
const MAX_INNER_LETTERS = 2;

/**
 * How many of the abbreviation's letters up to `need` a word gives, spelling backwards: its first letter, or
 * for a long compound its first letter and up to two more inside it, in order (`Nasjonal sikkerhetsmyndighet
 * (NSM)`); 0 when it gives none.
 */
function lettersOf(word: string, letters: string, need: number, compounds: boolean): number {
  if (compounds && word.length >= MIN_COMPOUND) {
    for (let inner = Math.min(MAX_INNER_LETTERS, need); inner > 0; inner--) {
      if (word[0] !== letters[need - inner]) continue;
      let at = 1;
      let k = need - inner + 1;
      for (; k <= need; k++) {
        const found = word.indexOf(letters[k], at);
        if (found < 0) break;
        at = found + 1;
      }
      if (k > need) return inner + 1;
    }
  }
  return word[0] === letters[need] ? 1 : 0;
}
