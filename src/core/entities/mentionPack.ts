/**
 * An article's mentions in the form the entity index files them: one list of the entities it names and one
 * `Int32Array` of groups, instead of an object with five strings for every mention. The recognition worker
 * packs what it finds so: a batch of articles then crosses to the extension host as a few dozen strings and
 * one typed array an article, where the mention objects were millions of short-lived objects and strings
 * on the host's heap while a large corpus was indexed (their collections held its thread up to a third of a
 * second).
 */
import { hashOf } from './fnv';
import { ENTITY_TYPES, type EntityMention } from './types';

export interface PackedMentions {
  /** The entities the article names, in order of first mention: their ids, canonical names, and whether the knowledge base knows them. */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /**
   * 1 for an entity of the knowledge base (a mention found through it), 0 for a name found by the rules. A plain
   * array: a typed one would be an ArrayBuffer of its own to allocate and free for every article.
   */
  readonly known: readonly number[];
  /**
   * Per entity, in the same order: its place in `ids`, its first mention's type and how many of its mentions
   * were typed on strong evidence (`type | strong << PACK_TYPE_BITS`), how many mentions, a slot the index
   * fills (0 here), then `start, end` of each mention.
   */
  readonly groups: Int32Array;
}

/** Integers before a group's spans: entity, type and strong count, count, slot. */
export const PACK_HEADER = 4;
/** Bits of a group's second integer that hold the type's index in ENTITY_TYPES; the strong count is above them. */
export const PACK_TYPE_BITS = 3;

/** Packs mentions (in text order) by entity, each entity's group in order of its first mention. */
export function packMentions(mentions: readonly EntityMention[]): PackedMentions {
  const places = new Map<string, number>();
  const ids: string[] = [];
  const names: string[] = [];
  const knownList: number[] = [];
  const firstTypes: number[] = [];
  const strong: number[] = [];
  const spans: number[][] = [];
  for (const mention of mentions) {
    let place = places.get(mention.entityId);
    if (place === undefined) {
      place = ids.length;
      places.set(mention.entityId, place);
      ids.push(mention.entityId);
      names.push(mention.canonical);
      knownList.push(0);
      firstTypes.push(ENTITY_TYPES.indexOf(mention.type));
      strong.push(0);
      spans.push([]);
    }
    // The last mention says how the entity is called and whether the knowledge base knows it, as the index took it.
    names[place] = mention.canonical;
    knownList[place] = mention.source === 'rule' ? 0 : 1;
    if (mention.strong) strong[place]++;
    spans[place].push(mention.start, mention.end);
  }
  let length = 0;
  for (const list of spans) length += PACK_HEADER + list.length;
  const groups = new Int32Array(length);
  let at = 0;
  for (let place = 0; place < ids.length; place++) {
    const list = spans[place];
    groups[at] = place;
    groups[at + 1] = firstTypes[place] | (strong[place] << PACK_TYPE_BITS);
    groups[at + 2] = list.length / 2;
    groups.set(list, at + PACK_HEADER);
    at += PACK_HEADER + list.length;
  }
  return { ids, names, known: knownList, groups };
}

/**
 * Whether `value` (as it came from another thread) is a well-formed pack: its lists agree and name each entity
 * once, every group names an entity of its list with a type, a count of at least one, at most that many strong
 * mentions, and spans that fit, each ending where or after it starts. The index trusts what it is given.
 */
export function isPackedMentions(value: unknown): value is PackedMentions {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, names, known, groups } = value as Partial<Record<keyof PackedMentions, unknown>>;
  if (!Array.isArray(ids) || !Array.isArray(names) || !Array.isArray(known) || !(groups instanceof Int32Array)) return false;
  if (names.length !== ids.length || known.length !== ids.length) return false;
  if (!ids.every((id) => typeof id === 'string') || !names.every((name) => typeof name === 'string') || !known.every((mark) => mark === 0 || mark === 1)) return false;
  // An entity listed twice would get two groups in the article's pack, which the index cannot keep apart.
  if (hasDuplicate(ids)) return false;
  const seen = new Uint8Array(ids.length);
  for (let at = 0; at < groups.length; ) {
    if (groups.length - at < PACK_HEADER) return false;
    const place = groups[at];
    const type = groups[at + 1] & ((1 << PACK_TYPE_BITS) - 1);
    const strong = groups[at + 1] >> PACK_TYPE_BITS;
    const count = groups[at + 2];
    if (place < 0 || place >= ids.length || seen[place] === 1 || type >= ENTITY_TYPES.length || count <= 0 || strong < 0 || strong > count) return false;
    if (groups.length - at - PACK_HEADER < 2 * count) return false;
    for (let span = at + PACK_HEADER; span < at + PACK_HEADER + 2 * count; span += 2) if (groups[span] < 0 || groups[span + 1] < groups[span]) return false;
    seen[place] = 1;
    at += PACK_HEADER + 2 * count;
  }
  return seen.every((mark) => mark === 1);
}

/** Places in `ids` by hash (open addressing, place + 1; 0 when free), kept between calls and grown as needed. */
let places = new Int32Array(256);

/**
 * Whether a string comes twice in `strings`. Every pack from the recognition worker is checked so, on the
 * extension host: a `Set` of each article's ids was 0.2 GB of its garbage over a cold index of 100,000 articles.
 */
export function hasDuplicate(strings: readonly string[]): boolean {
  if (strings.length < 2) return false;
  if (places.length < 2 * strings.length) places = new Int32Array(2 ** Math.ceil(Math.log2(2 * strings.length)));
  // Only the first slots are used: as many as a power of two at least twice the strings (at most half full).
  const mask = 2 ** Math.ceil(Math.log2(2 * strings.length)) - 1;
  places.fill(0, 0, mask + 1);
  for (let place = 0; place < strings.length; place++) {
    const string = strings[place];
    for (let slot = hashOf(string, 0, string.length) & mask; ; slot = (slot + 1) & mask) {
      const seen = places[slot];
      if (seen === 0) {
        places[slot] = place + 1;
        break;
      }
      if (strings[seen - 1] === string) return true;
    }
  }
  return false;
}
