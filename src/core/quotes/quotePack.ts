/**
 * An article's quotes in the form the quote index files them (`quoteIndex.ts`): one `Int32Array` of
 * `start, end, kind, speaker, cue` per quote and a short list of strings, instead of an object for every
 * quote. The recognition worker packs what `findQuotes` finds beside the article's packed mentions
 * (`mentionPack.ts`), so that a batch crosses to the extension host as typed arrays and a few strings.
 *
 * `speaker` is the speaker's place in the mention pack's `ids` (the entity is named in the article, or the
 * quote could not name it), -1 for no speaker, and `-2 - i` for a speaker the article names without an
 * entity id (the byline's writer, say): `strings[i]` is the name. `cue` is `strings[i]`, or -1 for none.
 * No quote text: the index keeps offsets, and the words shown are read from the article when shown.
 */
import { hashOf } from '../entities/fnv';
import { type Quote, QUOTE_KINDS } from './quoteTypes';

/** Integers per quote in a pack: start, end, kind (`QUOTE_KINDS`' index), speaker, cue. */
export const QUOTE_FIELDS = 5;
/** Speaker of a quote without one. */
export const NO_SPEAKER = -1;
/** Quotes an article may have: a file of 2 MB with nothing but one-word quotes stays far below it. */
export const MAX_QUOTES_PER_ARTICLE = 20_000;
/** Strings (cues, names without an id) a pack may have, and how long each may be. */
export const MAX_QUOTE_STRING_LENGTH = 200;

export interface PackedQuotes {
  /** `QUOTE_FIELDS` integers per quote, in text order. */
  readonly quotes: Int32Array;
  /** Cues and names without an id, each once. */
  readonly strings: readonly string[];
  /** A hash of the text the offsets point into (`textHash`): a text read later with another hash is another version. */
  readonly textHash: number;
}

/** The hash a pack keeps of its article's text (FNV-1a over its UTF-16 units). */
export function textHash(text: string): number {
  return hashOf(text, 0, text.length);
}

/**
 * Packs an article's quotes (as `findQuotes` returns them, in text order). `ids` are the article's entities as
 * its mention pack lists them: a speaker id among them is packed as its place there.
 */
export function packQuotes(quotes: readonly Quote[], ids: readonly string[], text: string): PackedQuotes {
  const places = new Map<string, number>();
  ids.forEach((id, place) => places.set(id, place));
  const strings: string[] = [];
  const stringPlaces = new Map<string, number>();
  const stringOf = (value: string): number => {
    const bounded = value.length > MAX_QUOTE_STRING_LENGTH ? value.slice(0, MAX_QUOTE_STRING_LENGTH) : value;
    let place = stringPlaces.get(bounded);
    if (place === undefined) {
      place = strings.length;
      strings.push(bounded);
      stringPlaces.set(bounded, place);
    }
    return place;
  };
  const count = Math.min(quotes.length, MAX_QUOTES_PER_ARTICLE);
  const packed = new Int32Array(count * QUOTE_FIELDS);
  for (let q = 0; q < count; q++) {
    const quote = quotes[q];
    const at = q * QUOTE_FIELDS;
    packed[at] = quote.start;
    packed[at + 1] = quote.end;
    packed[at + 2] = QUOTE_KINDS.indexOf(quote.kind);
    const place = quote.speakerId === null ? undefined : places.get(quote.speakerId);
    packed[at + 3] = place !== undefined ? place : quote.speaker !== null ? -2 - stringOf(quote.speaker) : NO_SPEAKER;
    packed[at + 4] = quote.cue === null ? -1 : stringOf(quote.cue);
  }
  return { quotes: packed, strings, textHash: textHash(text) };
}

/** What a packed quote says, with the speaker and cue as the pack's strings or places. */
export interface UnpackedQuote {
  readonly start: number;
  readonly end: number;
  readonly kind: Quote['kind'];
  /** The speaker's place in the mention pack's ids, or undefined. */
  readonly speakerPlace: number | undefined;
  /** The name of a speaker without an id, or null. */
  readonly speakerName: string | null;
  readonly cue: string | null;
}

/** A pack's quotes as objects (for tests and the round trip). */
export function unpackQuotes(pack: PackedQuotes): UnpackedQuote[] {
  const result: UnpackedQuote[] = [];
  for (let at = 0; at < pack.quotes.length; at += QUOTE_FIELDS) {
    const speaker = pack.quotes[at + 3];
    const cue = pack.quotes[at + 4];
    result.push({
      start: pack.quotes[at],
      end: pack.quotes[at + 1],
      kind: QUOTE_KINDS[pack.quotes[at + 2]],
      speakerPlace: speaker >= 0 ? speaker : undefined,
      speakerName: speaker <= -2 ? pack.strings[-2 - speaker] : null,
      cue: cue >= 0 ? pack.strings[cue] : null,
    });
  }
  return result;
}

/**
 * Whether `value` (as it came from another thread) is a well-formed pack for an article whose mention pack lists
 * `idCount` entities: whole quotes, at most `MAX_QUOTES_PER_ARTICLE`, each ending where or after it starts, of a
 * known kind, naming a speaker among the ids or the strings and a cue among the strings; strings bounded. The
 * index trusts what it is given.
 */
export function isPackedQuotes(value: unknown, idCount: number): value is PackedQuotes {
  if (typeof value !== 'object' || value === null) return false;
  const { quotes, strings, textHash: hash } = value as Partial<Record<keyof PackedQuotes, unknown>>;
  if (!(quotes instanceof Int32Array) || !Array.isArray(strings) || !Number.isInteger(hash)) return false;
  if (quotes.length % QUOTE_FIELDS !== 0 || quotes.length / QUOTE_FIELDS > MAX_QUOTES_PER_ARTICLE) return false;
  if (strings.length > 2 * MAX_QUOTES_PER_ARTICLE || !strings.every((s) => typeof s === 'string' && s.length <= MAX_QUOTE_STRING_LENGTH)) return false;
  for (let at = 0; at < quotes.length; at += QUOTE_FIELDS) {
    const speaker = quotes[at + 3];
    const cue = quotes[at + 4];
    if (quotes[at] < 0 || quotes[at + 1] < quotes[at] || quotes[at + 2] < 0 || quotes[at + 2] >= QUOTE_KINDS.length) return false;
    if (speaker >= idCount || (speaker <= -2 && -2 - speaker >= strings.length)) return false;
    if (cue < -1 || cue >= strings.length) return false;
  }
  return true;
}
