/**
 * An article's mentions in the form the entity index files them: one list of the entities it names and one
 * `Int32Array` of groups, instead of an object with five strings for every mention. The recognition worker
 * packs what it finds so: a batch of articles then crosses to the extension host as a few dozen strings and
 * one typed array an article, where the mention objects were millions of short-lived objects and strings
 * on the host's heap while a large corpus was indexed (their collections held its thread up to a third of a
 * second).
 *
 * Which paragraphs hold each entity's mentions is kept too, for co-occurrence (two names in one paragraph are
 * a stronger tie than two in one article), without a number for every mention. The paragraphs that hold a
 * name are numbered in text order (0, 1, …; paragraphs without one are not counted), and each group carries
 * the set of those its entity is named in, as bits (at `PACK_PARAGRAPHS`): two entities share as many
 * paragraphs as their sets share bits, one look at each group. An article with names in more than 32
 * paragraphs has no room for that: its groups' sets are 0, and a table before the groups keeps the starts of
 * its named paragraphs but the first, so that a mention's paragraph is how many of them are at or before it
 * (`paragraphOf`). Every other article's table is empty, the one integer 0. Without the article's paragraphs
 * (the CLI gives none), it is one paragraph.
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
   * First the paragraph table: how many paragraph starts follow, then those starts, ascending; none unless the
   * article names entities in more than 32 paragraphs (see the module comment). Then per entity, in the same
   * order as `ids`: its place in `ids`, its first mention's type and how many of its mentions were typed on
   * strong evidence (`type | strong << PACK_TYPE_BITS`), how many mentions, a slot the index fills (0 here),
   * the set of named paragraphs it is named in (bits; 0 where the table is used), then `start, end` of each
   * mention. The groups start at `firstGroup`.
   */
  readonly groups: Int32Array;
}

/** Integers before a group's spans: entity, type and strong count, count, slot, paragraphs. */
export const PACK_HEADER = 5;
/** Where in a group its set of paragraphs is (bit `i`: the article's `i`-th paragraph that names an entity). */
export const PACK_PARAGRAPHS = 4;
/** Named paragraphs a group's set has room for. */
const PARAGRAPH_BITS = 32;
/** Bits of a group's second integer that hold the type's index in ENTITY_TYPES; the strong count is above them. */
export const PACK_TYPE_BITS = 3;

/** Where the groups of a pack (`PackedMentions.groups`) start: after its paragraph table. */
export function firstGroup(groups: Int32Array): number {
  return 1 + groups[0];
}

/** Where the group of `entity` starts in a pack, or -1 (in the index's packs, groups name entities by the index's numbers). */
export function findGroup(groups: Int32Array, entity: number): number {
  for (let at = firstGroup(groups); at < groups.length; at += PACK_HEADER + 2 * groups[at + 2]) if (groups[at] === entity) return at;
  return -1;
}

/**
 * In a pack with a paragraph table (its first integer above 0: names in more than 32 paragraphs), the paragraph
 * of a mention starting at `offset`, numbered from 0 among those that hold a name: how many of the table's
 * starts are at or before it. Equal for two mentions exactly when one paragraph holds both.
 */
export function paragraphOf(groups: Int32Array, offset: number): number {
  let low = 1;
  let high = 1 + groups[0];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (groups[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * Packs mentions (in text order) by entity, each entity's group in order of its first mention. `paragraphStarts`
 * are where the article's paragraphs start, in text order (`Article.blocks`' starts); without them the article
 * is taken as one paragraph.
 */
export function packMentions(mentions: readonly EntityMention[], paragraphStarts?: ArrayLike<number>): PackedMentions {
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
  const { table, sets } = paragraphsOf(spans, paragraphStarts);
  let length = 1 + table.length;
  for (const list of spans) length += PACK_HEADER + list.length;
  const groups = new Int32Array(length);
  groups[0] = table.length;
  groups.set(table, 1);
  let at = 1 + table.length;
  for (let place = 0; place < ids.length; place++) {
    const list = spans[place];
    groups[at] = place;
    groups[at + 1] = firstTypes[place] | (strong[place] << PACK_TYPE_BITS);
    groups[at + 2] = list.length / 2;
    groups[at + PACK_PARAGRAPHS] = sets[place];
    groups.set(list, at + PACK_HEADER);
    at += PACK_HEADER + list.length;
  }
  return { ids, names, known: knownList, groups };
}

/**
 * Each group's set of named paragraphs, and the paragraph table (see the module comment), from the groups'
 * spans (`start, end, …`) and where the article's paragraphs start. A mention before the first paragraph's
 * start counts as in the first paragraph.
 */
function paragraphsOf(spans: readonly (readonly number[])[], paragraphStarts: ArrayLike<number> | undefined): { table: number[]; sets: number[] } {
  // Not known, or one paragraph, or one entity (none other to share a paragraph with): one paragraph.
  if (!paragraphStarts || paragraphStarts.length < 2 || spans.length < 2) return { table: [], sets: spans.map(() => 1) };
  let starts: ArrayLike<number> = paragraphStarts;
  for (let i = 1; i < starts.length; i++) {
    // Out of order (not as a parser gives them): sorted, so that a mention's paragraph is still the one it is in.
    if (starts[i] < starts[i - 1]) {
      starts = Array.from(paragraphStarts).sort((a, b) => a - b);
      break;
    }
  }
  // Per group, the paragraph of each mention: the last starting at or before it (of two starting at one place,
  // the later: the earlier is empty).
  const held = new Uint8Array(starts.length);
  const paragraphs = spans.map((list) => {
    const found: number[] = [];
    for (let span = 0; span < list.length; span += 2) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (starts[middle] <= list[span]) low = middle + 1;
        else high = middle;
      }
      const paragraph = Math.max(0, low - 1);
      held[paragraph] = 1;
      found.push(paragraph);
    }
    return found;
  });
  // The named paragraphs' numbers, in text order.
  const numbers = new Int32Array(starts.length);
  let named = 0;
  for (let p = 0; p < starts.length; p++) if (held[p] === 1) numbers[p] = named++;
  if (named <= PARAGRAPH_BITS) {
    const sets = paragraphs.map((found) => {
      let set = 0;
      for (const paragraph of found) set |= 1 << numbers[paragraph];
      return set;
    });
    return { table: [], sets };
  }
  const table: number[] = [];
  let first = true;
  for (let p = 0; p < starts.length; p++) {
    if (held[p] === 0) continue;
    if (!first) table.push(starts[p]);
    first = false;
  }
  return { table, sets: spans.map(() => 0) };
}

/** How many bits of a 32-bit set are on. */
export function bitCount(set: number): number {
  let bits = set - ((set >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  bits = (bits + (bits >>> 4)) & 0x0f0f0f0f;
  return Math.imul(bits, 0x01010101) >>> 24;
}

/**
 * Whether `value` (as it came from another thread) is a well-formed pack: its lists agree and name each entity
 * once, its paragraph table fits and ascends, every group names an entity of its list with a type, a count of at
 * least one, at most that many strong mentions, a set of paragraphs as the table has it, and spans that fit,
 * each ending where or after it starts. The index trusts what it is given.
 */
export function isPackedMentions(value: unknown): value is PackedMentions {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, names, known, groups } = value as Partial<Record<keyof PackedMentions, unknown>>;
  if (!Array.isArray(ids) || !Array.isArray(names) || !Array.isArray(known) || !(groups instanceof Int32Array)) return false;
  if (names.length !== ids.length || known.length !== ids.length) return false;
  if (!ids.every((id) => typeof id === 'string') || !names.every((name) => typeof name === 'string') || !known.every((mark) => mark === 0 || mark === 1)) return false;
  // An entity listed twice would get two groups in the article's pack, which the index cannot keep apart.
  if (hasDuplicate(ids)) return false;
  if (!isParagraphTable(groups)) return false;
  const seen = new Uint8Array(ids.length);
  for (let at = firstGroup(groups); at < groups.length; ) {
    if (groups.length - at < PACK_HEADER) return false;
    const place = groups[at];
    const type = groups[at + 1] & ((1 << PACK_TYPE_BITS) - 1);
    const strong = groups[at + 1] >> PACK_TYPE_BITS;
    const count = groups[at + 2];
    if (place < 0 || place >= ids.length || seen[place] === 1 || type >= ENTITY_TYPES.length || count <= 0 || strong < 0 || strong > count) return false;
    if (!isParagraphSet(groups, groups[at + PACK_PARAGRAPHS])) return false;
    if (groups.length - at - PACK_HEADER < 2 * count) return false;
    for (let span = at + PACK_HEADER; span < at + PACK_HEADER + 2 * count; span += 2) if (groups[span] < 0 || groups[span + 1] < groups[span]) return false;
    seen[place] = 1;
    at += PACK_HEADER + 2 * count;
  }
  return seen.every((mark) => mark === 1);
}

/** Whether a group's set of paragraphs fits its pack: some paragraph where there is no table, none where there is one. */
export function isParagraphSet(groups: Int32Array, set: number): boolean {
  return groups[0] === 0 ? set !== 0 : set === 0;
}

/** Whether a pack starts with a paragraph table that fits in it: a length, then that many starts, ascending, none negative. */
export function isParagraphTable(groups: Int32Array): boolean {
  if (groups.length < 1) return false;
  const count = groups[0];
  if (count < 0 || count > groups.length - 1) return false;
  for (let at = 1; at <= count; at++) if (groups[at] < 0 || (at > 1 && groups[at] <= groups[at - 1])) return false;
  return true;
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
