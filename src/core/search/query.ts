/**
 * The search box's little language: words, `"quoted phrases"`, `@name`
 * (articles that mention the entity, by any of its names), `type:person`
 * (entities of a type) and `date:2022` or `date:2022-01`. Words are folded
 * for forgiving matches (see `foldForMatching`).
 */
import { ENTITY_TYPES, type EntityType } from '../entities/types';
import { foldForMatching, forEachWord, wordCharAt } from '../text';

export interface ParsedQuery {
  /** Folded words outside phrases and filters, in order. */
  readonly words: readonly string[];
  /** Whether the last word is still being typed (no space after it): it matches as a prefix from two letters. */
  readonly lastWordOpen: boolean;
  /** Folded words of each quoted phrase. */
  readonly phrases: readonly (readonly string[])[];
  /** Names after `@`, as typed. */
  readonly entities: readonly string[];
  readonly types: readonly EntityType[];
  readonly dates: readonly { readonly year: number; readonly month?: number }[];
  /** Filters that could not be read, for a hint to the user. */
  readonly problems: readonly string[];
}

const TYPE_NAMES: Readonly<Record<string, EntityType>> = {
  person: 'person', people: 'person', persons: 'person',
  organization: 'organization', organisation: 'organization', organizations: 'organization', organisations: 'organization', org: 'organization',
  place: 'place', places: 'place', location: 'place',
  event: 'event', events: 'event',
  other: 'other', name: 'other', names: 'other',
};

/** `@"two words"`, `@word`, `type:x`, `date:x`, `"phrase"`, or a run of anything else. */
const PART = /@"([^"]*)"?|@(\S+)|\b(type|date):(\S*)|"([^"]*)"?|(\S+)/giu;

export function parseQuery(raw: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  const entities: string[] = [];
  const types: EntityType[] = [];
  const dates: { year: number; month?: number }[] = [];
  const problems: string[] = [];
  let lastWordOpen = false;
  PART.lastIndex = 0;
  for (let match = PART.exec(raw); match; match = PART.exec(raw)) {
    const [whole, quotedEntity, entity, filter, value, phrase, other] = match;
    const atEnd = match.index + whole.length === raw.length;
    lastWordOpen = false;
    if (quotedEntity !== undefined || entity !== undefined) {
      const name = (quotedEntity ?? entity ?? '').trim();
      // A name needs a letter or digit: `@(` names nothing (and would match any entity loosely).
      if (hasWordChar(name)) entities.push(name);
    } else if (filter !== undefined) {
      if (filter.toLowerCase() === 'type') {
        const type = TYPE_NAMES[value.toLowerCase()];
        if (type) types.push(type);
        else if (!atEnd || value === '') problems.push(`type:${value} is not a type (${ENTITY_TYPES.join(', ')})`);
      } else {
        const date = /^(\d{4})(?:-(\d{1,2}))?$/.exec(value);
        const month = date?.[2] === undefined ? undefined : Number(date[2]);
        if (date && (month === undefined || (month >= 1 && month <= 12))) dates.push({ year: Number(date[1]), month });
        else if (!atEnd) problems.push(`date:${value} is not a date (use date:2022 or date:2022-01)`);
      }
    } else if (phrase !== undefined) {
      const folded = foldedWords(phrase);
      if (folded.length === 1) words.push(folded[0]);
      else if (folded.length > 1) phrases.push(folded);
    } else if (other !== undefined) {
      const folded = foldedWords(other);
      words.push(...folded);
      lastWordOpen = atEnd && folded.length > 0 && wordCharAt(raw, raw.length - 1) > 0;
    }
  }
  return { words, lastWordOpen, phrases, entities, types, dates, problems };
}

/** The folded words of a piece of text (letters and digits; æ, ø, å included). */
export function foldedWords(text: string): string[] {
  const result: string[] = [];
  forEachWord(text, (start, end) => result.push(foldForMatching(text.slice(start, end))));
  return result;
}

/** Whether a query asks for anything at all (an empty box lists recent articles). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0 && query.entities.length === 0 && query.types.length === 0 && query.dates.length === 0;
}

function hasWordChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (wordCharAt(text, i) > 0) return true;
  return false;
}

/**
 * Whether something was typed but nothing in it can be searched for:
 * operators without a word (`@`, `"`, `type:`, `-`, `@(`). Said plainly,
 * not answered with the newest articles or a hit of no score.
 */
export function hasNothingToSearch(raw: string, query: ParsedQuery): boolean {
  return raw.trim() !== '' && isEmptyQuery(query);
}

/** What a query of operators only is told, and what it could say instead. */
export function nothingToSearchMessage(raw: string): { readonly message: string; readonly hint: string } {
  return {
    message: `"${raw.trim()}" has no words to search for`,
    hint: 'Give a word, a "phrase", @name, type:person or date:2022-01.',
  };
}
