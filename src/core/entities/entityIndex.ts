/**
 * Which entities each article of the corpus mentions, and where: the
 * corpus-wide side of entities (counts and other articles in hover cards,
 * the Entities view, Find All References). Kept up to date one article at a
 * time; holds offsets, never texts.
 *
 * Compact, because a corpus of 10,000 articles has hundreds of thousands of
 * mentions and, with names the knowledge base does not know, up to a
 * hundred thousand entities: each entity is a number with its counts in
 * typed arrays, and each article a number with one `Int32Array`: a paragraph table
 * (empty but for long articles: `mentionPack.ts`), then groups
 * `[entity, type (and how many were typed on strong evidence), count, slot, paragraphs, start, end, start, end, …]`. Each entity
 * keeps the numbers of the articles that mention it (`slot` is the
 * article's place in that list, so an article leaves it in constant time),
 * and the few that come first in the caller's order (the newest, for the
 * hover cards), kept as articles come and go. Which articles mention an
 * entity was once found by scanning every article: at 100,000 articles,
 * describing one article's entities took most of a second, and the reader
 * did it on every progress report while indexing.
 *
 * An entity's corpus type is the one most of its mentions were given, with
 * mentions typed on strong evidence (`EntityMention.strong`: a first name, a
 * title, `sa X`) outvoting the rest: a rule-found name typed a person by
 * `trener Vestbø` in one article is a person in the articles that only say
 * `fra Vestbø` (see `carryCorpusTypes`).
 *
 * Timelines and co-occurrence (`timeline.ts`, `cooccurrence.ts`) are answered from the same arrays, and a
 * number per article for its date (`dateOf`), when asked: nothing more is kept for them.
 */
import { compareNorwegian, foldForMatching } from '../text';
import { Int32Chunks } from '../int32Chunks';
import { ArticleLists } from './articleLists';
import { StringNumbers } from './stringNumbers';
import { StringPool } from './stringPool';
import { findGroup, firstGroup, isParagraphSet, isParagraphTable, PACK_HEADER, PACK_PARAGRAPHS, PACK_TYPE_BITS, type PackedMentions, packMentions } from './mentionPack';
import { pushBounded } from './boundedHeap';
import type { EntityIndexView, IndexedEntity } from './indexView';
import { type ArticlesWithBoth, articlesWithBoth, type CooccurrenceList, cooccurring } from './cooccurrence';
import { type ArticlesInPeriod, articlesInPeriod, dateCode, type EntityTimeline, timelines } from './timeline';
import type { ArticleDate } from '../article';
import { SnapshotError } from '../persist/snapshotFile';
import type { EntityIndexState } from './entityIndexState';
import { ENTITY_TYPES, type EntityMention, type EntityType } from './types';
import { QuoteIndex } from '../quotes/quoteIndex';
import type { PackedQuotes } from '../quotes/quotePack';

export type { IndexedEntity } from './indexView';

const TYPE_COUNT = ENTITY_TYPES.length;
const OTHER = ENTITY_TYPES.indexOf('other');
/** Per-entity integers: mentions, then mentions per type, then mentions per type typed on strong evidence (articles: `reach`). */
const STATS = 1 + 2 * TYPE_COUNT;
/** Entities per chunk of counts. */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
const MENTIONS = 0;
const VOTES = 1;
const STRONG_VOTES = 1 + TYPE_COUNT;
/** A cached corpus type (`types`): the type's index (`TYPE_MASK`), and this bit when strong evidence gave it. */
const STRONG_TYPE = 8;

/**
 * A posting of an entity's list: an article's number and how many times it mentions the entity, `article *
 * 2^COUNT_BITS + count`, the count cut at `COUNT_MAX` (read from the article's pack then). A small integer while
 * the article's number is below `MAX_ARTICLES`.
 */
const COUNT_BITS = 6;
const COUNT_MAX = (1 << COUNT_BITS) - 1;
/** Article numbers the postings hold (the lists' single postings are kept in 32-bit integers). */
export const MAX_ARTICLES = 2 ** (31 - COUNT_BITS);

function postingOf(article: number, count: number): number {
  if (article >= MAX_ARTICLES) throw new RangeError(`The entity index holds at most ${MAX_ARTICLES} articles.`);
  return (article << COUNT_BITS) | Math.min(count, COUNT_MAX);
}

/** The articles of an entity's postings, in place. */
function articlesOfPostings(postings: number[]): number[] {
  for (let i = 0; i < postings.length; i++) postings[i] >>= COUNT_BITS;
  return postings;
}
/**
 * Integers before an article's spans of one entity: entity, type and strong
 * count (`type | strong << TYPE_BITS`: how many of its mentions there were
 * typed on strong evidence), count, slot, the paragraphs it is named in (`mentionPack.ts`).
 */
const HEADER = PACK_HEADER;
const TYPE_BITS = PACK_TYPE_BITS;
const TYPE_MASK = (1 << TYPE_BITS) - 1;
/** How many of each entity's first articles (in the caller's order) are kept: enough for a hover card's five plus the article shown. */
export const FIRST_KEPT = 8;

export interface EntityIndexOptions<T> {
  /** The order of `firstMentioning` (the corpus's tree order, by what `set` was given); without one, the order of indexing. */
  readonly compare?: (a: T, b: T) => number;
  /** How many of each entity's first articles are kept (default `FIRST_KEPT`); questions for fewer are answered from them. */
  readonly kept?: number;
  /** An article's date, from what `set` was given for it, for the timelines; without one, no article has a date. */
  readonly dateOf?: (info: T) => ArticleDate | undefined;
  /**
   * Whether `compare` orders by `dateOf`'s dates before anything else, newest first (as the corpus's tree order
   * does; an article without a date last). The questions that rank many articles (`articlesWithBoth`,
   * `articlesInPeriod`) then compare the dates the index keeps, and look at the articles' infos only for those
   * of one date: at 100,000 articles, reading an info for each took most of their time.
   */
  readonly newestFirst?: boolean;
}

export class EntityIndex<T = undefined> {
  /** Article numbers by URI; a number's URI, groups and order key. */
  private readonly articleNumbers = new Map<string, number>();
  private uris: string[] = [];
  private packs: (Int32Array | undefined)[] = [];
  private infos: (T | undefined)[] = [];
  /** Per article, its date as a number (`dateCode`), -1 when it has none: the timelines read it for every article of an entity. */
  private readonly dates = new Int32Chunks(-1);
  private freeArticles: number[] = [];
  /** Entity ids to entity numbers. */
  private readonly numbers = new StringNumbers();
  /**
   * Per entity, the articles that mention it (in no order), each as a posting: its number and how many times it
   * mentions the entity, in one small integer (`postingOf`). A timeline counts from these alone, in order in memory,
   * not from every article's packed mentions, each a read far from the last.
   */
  private readonly lists = new ArticleLists();
  /**
   * Per entity, its first `kept` articles in the caller's order, best
   * first, or undefined when an article among them left and the next one is
   * not known (found again when asked for).
   */
  private firsts: (number[] | undefined)[] = [];
  private readonly compareArticles: (a: number, b: number) => number;
  /** One past the highest entity number given out (the ids are `numbers`' keys). */
  private entityEnd = 0;
  /** Per entity, its name: as bytes, like the ids (a million small strings were a third of the host's heap). */
  private readonly names = new StringPool();
  private folded: (string | undefined)[] = [];
  private known = new Uint8Array(64);
  /**
   * Per entity, its counts (STATS of them), in chunks of CHUNK entities: one array for all of them had to be
   * copied whole as it grew, and at a million entities making a new 80 MB array held the host for 0.2 s.
   */
  private statChunks: Int32Array[] = [];
  /** Per entity, its corpus type (an index into ENTITY_TYPES), kept as its votes change. */
  private types = new Uint8Array(64);
  /** Entities whose votes the update under way changed (marked, so each is listed once): their types are settled at its end. */
  private touchedMarks = new Uint8Array(64);
  /**
   * Each entity's count of articles, apart from its other counts: the rankings go over every entity (a
   * million at 100,000 articles), and reading the count out of the chunks touched a cache line per entity.
   */
  private readonly reach = new Int32Chunks();
  private touched: number[] = [];
  /** `setPacked`'s entity numbers by their place in the article's list. */
  private placeNumbers = new Int32Array(64);
  /** Entity numbers no longer used, for reuse. */
  private free: number[] = [];
  private version = 0;
  /** Changes when some entity's corpus type may have changed (`typeOf`): an entity came, went, or its votes moved it. */
  private typesVersion = 0;
  /** Within an update: the corpus types of the entities that left it (by id), until they come back or it settles. */
  private readonly leftTypes = new Map<string, number>();

  private readonly compare: ((a: T, b: T) => number) | undefined;
  private readonly kept: number;
  private readonly dateOf: ((info: T) => ArticleDate | undefined) | undefined;
  /** What the timeline and co-occurrence queries read of the index (`indexView.ts`). */
  private readonly reader: EntityIndexView;
  /** The articles' quotes, filed with their mentions (speakers are this index's entities): `quoteIndex.ts`. */
  readonly quotes: QuoteIndex;

  constructor(options: EntityIndexOptions<T> = {}) {
    const compare = options.compare;
    this.compare = compare;
    this.kept = Math.max(1, options.kept ?? FIRST_KEPT);
    this.dateOf = options.dateOf;
    this.compareArticles = compare ? (a, b) => compare(this.infos[a] as T, this.infos[b] as T) || a - b : (a, b) => a - b;
    const dates = this.dates;
    const byDateFirst = options.newestFirst && options.dateOf ? (a: number, b: number) => dates.at(b) - dates.at(a) || this.compareArticles(a, b) : this.compareArticles;
    this.reader = {
      entityEnd: () => this.entityEnd,
      entityNumber: (id) => this.numbers.get(id),
      idOf: (entity) => this.idOf(entity),
      nameOf: (entity) => this.nameOf(entity),
      foldedNameOf: (entity) => this.foldedName(entity),
      describe: (entity) => this.view(entity),
      articleEnd: () => this.uris.length,
      articlesOf: (entity) => articlesOfPostings(this.lists.toArray(entity)),
      eachMentioning: (entity, visit) => {
        for (const posting of this.lists.toArray(entity)) {
          const article = posting >> COUNT_BITS;
          const count = posting & COUNT_MAX;
          // (A count too high for the posting is read from the article's pack.)
          if (count < COUNT_MAX) visit(article, count);
          else {
            const pack = this.packs[article] as Int32Array;
            visit(article, pack[findGroup(pack, entity) + 2]);
          }
        }
      },
      packOf: (article) => this.packs[article] as Int32Array,
      dateOf: (article) => this.dates.at(article),
      uriOf: (article) => this.uris[article],
      compareArticles: byDateFirst,
    };
    this.quotes = new QuoteIndex(this.reader);
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.articleNumbers.size;
  }

  /** Changes with every update, so views can tell whether what they show is current. */
  get generation(): number {
    return this.version;
  }

  /**
   * Changes when the answer of `typeOf` may have changed for some entity, and
   * only then: views that show mentions in their corpus types redraw on it.
   */
  get typeGeneration(): number {
    return this.typesVersion;
  }

  /**
   * An entity's corpus type: the type its mentions typed on strong evidence
   * were given most often, if any were; else the commonest type it was given,
   * `other` only if nothing else. Undefined when no article mentions it.
   */
  typeOf(id: string): EntityType | undefined {
    const entity = this.numbers.get(id);
    return entity === undefined ? undefined : ENTITY_TYPES[this.typeIndex(entity)];
  }

  /** The type an entity's mentions typed on strong evidence were given most often, or undefined when none was. */
  strongTypeOf(id: string): EntityType | undefined {
    const entity = this.numbers.get(id);
    return entity === undefined || (this.types[entity] & STRONG_TYPE) === 0 ? undefined : ENTITY_TYPES[this.typeIndex(entity)];
  }

  has(uri: string): boolean {
    return this.articleNumbers.has(uri);
  }

  /**
   * Records (or replaces) an article's mentions; `info` is what the order of `firstMentioning` compares (and
   * `dateOf` dates). `paragraphStarts` are where its paragraphs start (`Article.blocks`), for the paragraphs
   * two entities share (`cooccurring`); without them the article counts as one paragraph.
   */
  set(uri: string, mentions: readonly EntityMention[], info?: T, paragraphStarts?: ArrayLike<number>): void {
    this.setPacked(uri, packMentions(mentions, paragraphStarts), info);
  }

  /**
   * `set` with the mentions packed (`packMentions`, as the recognition worker sends them). The index keeps
   * `mentions.groups` as the article's own (and writes into it): the caller must not use it again.
   */
  setPacked(uri: string, mentions: PackedMentions, info?: T, quotes?: PackedQuotes): void {
    // Indexed again in the same place of the order (the knowledge base changed, not the article's date or title):
    // it leaves its entities' first articles and comes back to the same places, rather than making them be found again.
    const previous = this.articleNumbers.get(uri);
    const samePlace = previous !== undefined && (this.infos[previous] === info || (this.compare !== undefined && this.compare(this.infos[previous] as T, info as T) === 0));
    const left = samePlace ? [] : undefined;
    this.remove(uri, left);
    // The article's entities by number, registered in order of first mention.
    const { ids, names, known, groups: packed } = mentions;
    // In an array kept for the purpose: a new one for every article was 0.1 GB of the extension host's garbage
    // over a cold index of 100,000 articles.
    if (this.placeNumbers.length < ids.length) this.placeNumbers = new Int32Array(2 ** Math.ceil(Math.log2(ids.length)));
    const entities = this.placeNumbers;
    for (let place = 0; place < ids.length; place++) entities[place] = this.number(ids[place], names[place], known[place] === 1);
    const article = this.freeArticles.pop() ?? this.uris.length;
    this.articleNumbers.set(uri, article);
    this.uris[article] = uri;
    this.packs[article] = packed;
    this.infos[article] = info;
    this.setDate(article, info);
    for (let at = firstGroup(packed); at < packed.length; at += HEADER + 2 * packed[at + 2]) {
      const entity = entities[packed[at]];
      const count = packed[at + 2];
      packed[at] = entity;
      packed[at + 3] = this.lists.push(entity, postingOf(article, count));
      this.addCounts(entity, packed[at + 1] & TYPE_MASK, count, packed[at + 1] >> TYPE_BITS, 1);
      this.touch(entity);
      this.keepFirst(entity, article);
    }
    // Speakers by the numbers just given (a speaker with an id is named in the article: it has a group here).
    this.quotes.set(article, quotes, entities, ids.length);
    this.settleTypes();
    // Entities it no longer mentions: their next first article is unknown until asked for.
    for (const entity of left ?? []) {
      const first = this.firsts[entity];
      if (first && !first.includes(article) && this.lists.length(entity) > first.length) this.firsts[entity] = undefined;
    }
    this.version++;
  }

  /**
   * Everything the index holds, as arrays to save (`restoreState` makes the same index from them):
   * entities and articles numbered densely from 0, each article's groups as `set` packs them.
   */
  exportState(): EntityIndexState {
    const steps = this.exportStateInSteps();
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * `exportState` in steps of about `articlesPerStep` articles, for a caller that lets other work run between
   * them (at 100,000 articles the whole copy takes most of a second). The index must not change until the
   * last step: a caller that let it change (`generation` moved on) throws the result away.
   */
  *exportStateInSteps(articlesPerStep = 5000): Generator<void, EntityIndexState, undefined> {
    const entityNumbers = new Int32Array(this.entityEnd).fill(-1);
    const ids: string[] = [];
    const names: string[] = [];
    const knownByPlace = new Uint8Array(this.entityEnd);
    // By number, in steps (a number in use has articles): the hash tables spread out at once were a million.
    for (let entity = 0; entity < this.entityEnd; entity++) {
      if (this.reach.get(entity) > 0) {
        entityNumbers[entity] = ids.length;
        knownByPlace[ids.length] = this.known[entity];
        ids.push(this.idOf(entity));
        names.push(this.nameOf(entity));
      }
      if ((entity + 1) % (articlesPerStep * 10) === 0) yield;
    }
    const known = knownByPlace.slice(0, ids.length);
    const articles = [...this.articleNumbers.values()].sort((a, b) => a - b);
    yield;
    const packStarts = new Int32Array(articles.length + 1);
    let total = 0;
    articles.forEach((article, i) => {
      packStarts[i] = total;
      total += (this.packs[article] as Int32Array).length;
    });
    packStarts[articles.length] = total;
    const packs = new Int32Array(total);
    for (let i = 0; i < articles.length; i++) {
      const packed = this.packs[articles[i]] as Int32Array;
      const at = packStarts[i];
      packs.set(packed, at);
      for (let g = firstGroup(packed); g < packed.length; g += HEADER + 2 * packed[g + 2]) {
        packs[at + g] = entityNumbers[packed[g]];
        packs[at + g + 3] = 0;
      }
      if ((i + 1) % articlesPerStep === 0) yield;
    }
    // The quotes, speakers by the numbers above.
    const quoteState = yield* this.quotes.exportInSteps(articles, entityNumbers, articlesPerStep);
    return { uris: articles.map((article) => this.uris[article]), packStarts, packs, ids, names, known, ...quoteState };
  }

  /**
   * Replaces what the index holds with a saved state, checking that it adds up (a `SnapshotError` if not,
   * and the index is left empty). `infoOf` gives each article what `set` was given for it.
   */
  restoreState(state: EntityIndexState, infoOf: (uri: string) => T | undefined): void {
    for (const _ of this.restoreInSteps(state, infoOf)) {
      // One pass: no pause between the steps.
    }
  }

  /**
   * `restoreState` in steps of about `articlesPerStep` articles: the caller may let other work run between
   * them (at 100,000 articles the whole restore takes about half a second). Until the last step the index
   * holds part of the state; a state that does not add up throws a `SnapshotError` from the step that
   * finds it, and the index is left empty.
   */
  *restoreInSteps(state: EntityIndexState, infoOf: (uri: string) => T | undefined, articlesPerStep = 5000): Generator<void, void, undefined> {
    this.clear();
    try {
      yield* this.restoreChecked(state, infoOf, articlesPerStep);
    } catch (error) {
      this.clear();
      throw error;
    }
  }

  private *restoreChecked(state: EntityIndexState, infoOf: (uri: string) => T | undefined, articlesPerStep: number): Generator<void, void, undefined> {
    const entityCount = state.ids.length;
    if (state.names.length !== entityCount || state.known.length !== entityCount) throw new SnapshotError('the entities do not add up');
    if (state.packStarts.length !== state.uris.length + 1 || state.packStarts[0] !== 0 || state.packStarts[state.uris.length] !== state.packs.length) {
      throw new SnapshotError('the entity mentions do not add up');
    }
    const { quoteStarts } = state;
    if (quoteStarts.length !== state.uris.length + 1 || quoteStarts[0] !== 0 || quoteStarts[state.uris.length] !== state.quotes.length) throw new SnapshotError('the quotes do not add up');
    this.quotes.restoreStrings(state.quoteStrings);
    let capacity = 64;
    while (capacity < entityCount) capacity *= 2;
    this.known = new Uint8Array(capacity);
    this.statChunks = [];
    this.types = new Uint8Array(capacity);
    this.touchedMarks = new Uint8Array(capacity);
    this.reach.clear();
    for (let entity = 0; entity < entityCount; entity++) {
      const id = state.ids[entity];
      if (this.numbers.has(id)) throw new SnapshotError(`the entity ${id} is there twice`);
      this.numbers.set(id, entity);
      this.names.set(entity, state.names[entity]);
      this.folded[entity] = undefined;
      this.known[entity] = state.known[entity] === 1 ? 1 : 0;
      this.lists.clear(entity);
      // Found when first asked for: ranking them here would compare every article with others.
      this.firsts[entity] = undefined;
      // Counts made a chunk at a time as the steps go (all at once they are tens of megabytes at a million entities).
      this.ensureStats(entity + 1);
      if ((entity + 1) % (articlesPerStep * 2) === 0) yield;
    }
    this.entityEnd = entityCount;
    // The groups copied a step's articles at a time, each article's a view of its step's copy (`remove` writes
    // slots into them). All at once, the copy of 100,000 articles' held the extension host a third of a second.
    let chunk = new Int32Array(0);
    let chunkBase = 0;
    for (let article = 0; article < state.uris.length; article++) {
      const uri = state.uris[article];
      if (this.articleNumbers.has(uri)) throw new SnapshotError('an article is there twice');
      if (article % articlesPerStep === 0) {
        chunkBase = state.packStarts[article];
        const chunkEnd = state.packStarts[Math.min(article + articlesPerStep, state.uris.length)];
        if (chunkEnd < chunkBase) throw new SnapshotError('the entity mentions do not add up');
        chunk = state.packs.slice(chunkBase, chunkEnd);
      }
      const start = state.packStarts[article] - chunkBase;
      const finish = state.packStarts[article + 1] - chunkBase;
      if (start < 0 || finish < start || finish > chunk.length) throw new SnapshotError(`the mentions of ${uri} do not add up`);
      const packed = chunk.subarray(start, finish);
      if (!isParagraphTable(packed)) throw new SnapshotError(`the paragraphs of ${uri} do not add up`);
      for (let at = firstGroup(packed); at < packed.length; ) {
        const entity = packed[at];
        const type = packed[at + 1] & TYPE_MASK;
        const strong = packed[at + 1] >> TYPE_BITS;
        const count = packed[at + 2];
        const end = at + HEADER + 2 * count;
        if (packed.length - at < HEADER || entity < 0 || entity >= entityCount || type >= TYPE_COUNT || count <= 0 || strong < 0 || strong > count || end > packed.length || !isParagraphSet(packed, packed[at + PACK_PARAGRAPHS])) {
          throw new SnapshotError(`the mentions of ${uri} do not add up`);
        }
        packed[at + 3] = this.lists.push(entity, postingOf(article, count));
        this.addCounts(entity, type, count, strong, 1);
        at = end;
      }
      this.articleNumbers.set(uri, article);
      this.uris[article] = uri;
      this.packs[article] = packed;
      const info = infoOf(uri);
      this.infos[article] = info;
      this.setDate(article, info);
      // After its date: the quote index counts an article's quotes in its month.
      if (quoteStarts[article + 1] < quoteStarts[article]) throw new SnapshotError(`the quotes of ${uri} do not add up`);
      this.quotes.restoreRecord(article, state.quotes.subarray(quoteStarts[article], quoteStarts[article + 1]), entityCount, (entity) => findGroup(packed, entity) >= 0);
      if ((article + 1) % articlesPerStep === 0) yield;
    }
    for (let entity = 0; entity < entityCount; entity++) {
      if (this.reach.get(entity) === 0) throw new SnapshotError(`the entity ${state.ids[entity]} is in no article`);
      this.types[entity] = this.countedType(entity);
      if ((entity + 1) % (articlesPerStep * 4) === 0) yield;
    }
    this.version++;
    this.typesVersion++;
  }

  /** Forgets an article; whether it was indexed. */
  delete(uri: string): boolean {
    const removed = this.remove(uri);
    if (removed) {
      this.settleTypes();
      this.version++;
    }
    return removed;
  }

  clear(): void {
    this.articleNumbers.clear();
    this.uris = [];
    this.packs = [];
    this.infos = [];
    this.dates.clear();
    this.freeArticles = [];
    this.lists.reset();
    this.firsts = [];
    this.numbers.clear();
    this.entityEnd = 0;
    this.names.clear();
    this.folded = [];
    this.known = new Uint8Array(64);
    this.statChunks = [];
    this.types = new Uint8Array(64);
    this.touchedMarks = new Uint8Array(64);
    this.reach.clear();
    this.touched = [];
    this.free = [];
    this.leftTypes.clear();
    this.quotes.clear();
    this.version++;
    this.typesVersion++;
  }

  /** How many quotes an entity is the speaker of (0 for one the index does not know). */
  quoteCount(id: string): number {
    const entity = this.numbers.get(id);
    return entity === undefined ? 0 : this.quotes.countOf(entity);
  }

  /** The indexed articles' URIs. */
  articleUris(): IterableIterator<string> {
    return this.articleNumbers.keys();
  }

  entity(id: string): IndexedEntity | undefined {
    const entity = this.numbers.get(id);
    return entity === undefined ? undefined : this.view(entity);
  }

  /** All entities, most widely mentioned first (then by name, in Norwegian order). Sorts them all: for tests and small corpora. */
  entities(): IndexedEntity[] {
    return [...this.numbers.values()].map((entity) => this.view(entity)).sort(byReach);
  }

  /**
   * Per type, the `limit` most widely mentioned entities (among those whose
   * folded name `matches`, if given), then by name, and how many there are
   * in all. One pass, without sorting every entity: a corpus of 10,000
   * articles can have 200,000 names, and sorting them by name took a second.
   */
  topByType(limit: number, matches?: (foldedName: string) => boolean): Map<EntityType, { entities: IndexedEntity[]; total: number }> {
    // Worse first at each heap's root. The numbers are dense (one that is free has no articles): counted up
    // rather than read out of the hash tables, with a heap per type's index (a million entities, on every
    // refresh of the Entities view while indexing runs).
    const heaps: number[][] = ENTITY_TYPES.map(() => []);
    const totals = ENTITY_TYPES.map(() => 0);
    const worse = this.worse;
    // A full heap's worst article count: most entities (named in one article) are below it, and are passed
    // over without the heap's comparison.
    const floors = ENTITY_TYPES.map(() => 0);
    // And its mentions, which one with as many articles must beat (as `top` does).
    const floorMentions = ENTITY_TYPES.map(() => -1);
    const reach = this.reach;
    for (let entity = 0; entity < this.entityEnd; entity++) {
      const articles = reach.get(entity);
      if (articles === 0) continue;
      if (matches && !matches(this.foldedName(entity))) continue;
      const type = this.typeIndex(entity);
      totals[type]++;
      if (articles < floors[type] || (articles === floors[type] && this.stat(entity, MENTIONS) <= floorMentions[type])) continue;
      const heap = heaps[type];
      pushBounded(heap, entity, limit, worse);
      if (heap.length >= limit) {
        floors[type] = reach.get(heap[0]);
        floorMentions[type] = this.stat(heap[0], MENTIONS);
      }
    }
    const result = new Map<EntityType, { entities: IndexedEntity[]; total: number }>();
    ENTITY_TYPES.forEach((type, index) => {
      if (totals[index] > 0) result.set(type, { entities: heaps[index].map((entity) => this.view(entity)).sort(byReach), total: totals[index] });
    });
    return result;
  }

  /**
   * The `limit` most widely mentioned entities of any type, equal ones in the order they were first indexed:
   * for matching names (Search Corpus asks for thousands), where ordering the equal ones by name would
   * compare most of them by Norwegian collation for nothing.
   */
  top(limit: number): IndexedEntity[] {
    const heap: number[] = [];
    const worse = this.worse;
    const reach = this.reach;
    // Entities that are free (no articles) never enter; once the heap is full, none with fewer articles than its worst.
    let floor = 1;
    // Once the heap is full: the mentions of its worst, which one with as many articles must beat (one with as
    // many mentions too comes later, so is worse), checked here rather than by a call for each of the many.
    let floorMentions = -1;
    for (let entity = 0; entity < this.entityEnd; entity++) {
      const articles = reach.get(entity);
      if (articles < floor || (articles === floor && this.stat(entity, MENTIONS) <= floorMentions)) continue;
      pushBounded(heap, entity, limit, worse);
      if (heap.length >= limit) {
        floor = Math.max(1, reach.get(heap[0]));
        floorMentions = this.stat(heap[0], MENTIONS);
      }
    }
    return heap.sort((a, b) => worse(b, a)).map((entity) => this.view(entity));
  }

  /** Fewer articles, then fewer mentions, then registered later: what a bounded heap of the most widely mentioned drops first. */
  private readonly worse = (a: number, b: number): number =>
    this.reach.get(a) - this.reach.get(b) || this.stat(a, MENTIONS) - this.stat(b, MENTIONS) || b - a;

  /** An entity's name folded for filtering, made when first asked for. */
  private foldedName(entity: number): string {
    return (this.folded[entity] ??= foldForMatching(this.nameOf(entity)));
  }

  /** The URIs of the articles that mention an entity (in no particular order): its own list, not a scan of the corpus. */
  articlesMentioning(id: string): string[] {
    const entity = this.numbers.get(id);
    if (entity === undefined) return [];
    return this.lists.toArray(entity).map((posting) => this.uris[posting >> COUNT_BITS]);
  }

  /**
   * The first `limit` articles mentioning an entity in the order given to
   * the constructor (the newest, for the hover cards), other than
   * `excluding`. Up to `kept - 1` come from the list kept as articles
   * are indexed; more, or after one of those left, take one pass over the
   * entity's articles.
   */
  firstMentioning(id: string, excluding: string | undefined, limit: number): string[] {
    const entity = this.numbers.get(id);
    if (entity === undefined || limit <= 0) return [];
    const skip = excluding === undefined ? undefined : this.articleNumbers.get(excluding);
    let first = limit < this.kept ? this.firsts[entity] : undefined;
    if (!first) {
      first = this.rankFirst(articlesOfPostings(this.lists.toArray(entity)), Math.max(limit + 1, this.kept));
      // The first of a longer ranking are the first `kept` too.
      this.firsts[entity] = first.slice(0, this.kept);
    }
    const result: string[] = [];
    for (const article of first) {
      if (article === skip) continue;
      if (result.length === limit) break;
      result.push(this.uris[article]);
    }
    return result;
  }

  /** Where an article mentions an entity, in text order. */
  mentionsIn(uri: string, id: string): { start: number; end: number }[] {
    const article = this.articleNumbers.get(uri);
    const packed = article === undefined ? undefined : this.packs[article];
    const entity = this.numbers.get(id);
    const result: { start: number; end: number }[] = [];
    if (!packed || entity === undefined) return result;
    const at = findGroup(packed, entity);
    if (at < 0) return result;
    for (let i = 0; i < packed[at + 2]; i++) result.push({ start: packed[at + HEADER + 2 * i], end: packed[at + HEADER + 1 + 2 * i] });
    return result;
  }

  /**
   * The entities an article mentions, in order of first mention, with how
   * often and the type its mentions are shown in (as `carryCorpusTypes` types
   * them): a known name's own; a rule-found name's own where the article
   * typed it by strong evidence, else the type strong evidence gave it
   * elsewhere, else its own.
   */
  entitiesIn(uri: string): { id: string; count: number; type: EntityType }[] {
    const article = this.articleNumbers.get(uri);
    const packed = article === undefined ? undefined : this.packs[article];
    const result: { id: string; count: number; type: EntityType }[] = [];
    for (let at = packed ? firstGroup(packed) : 0; packed && at < packed.length; at += HEADER + 2 * packed[at + 2]) {
      const entity = packed[at];
      const own = packed[at + 1] & TYPE_MASK;
      const strongHere = packed[at + 1] >> TYPE_BITS > 0;
      const carried = (this.types[entity] & STRONG_TYPE) !== 0 ? this.typeIndex(entity) : own;
      const type = this.known[entity] === 1 || strongHere ? own : carried;
      result.push({ id: this.idOf(entity), count: packed[at + 2], type: ENTITY_TYPES[type] });
    }
    return result;
  }

  /**
   * An entity's mentions and articles per month `YYYY-MM`, every month of its range there (zeros too), and per
   * day where its articles' dates give one (`timeline.ts`). From the index's numbers, not the texts; the dates
   * are those `dateOf` gave.
   */
  timeline(id: string): EntityTimeline {
    return timelines(this.reader, [id])[0];
  }

  /** Several entities' timelines over one range of months and days, for a chart comparing them. */
  timelines(ids: readonly string[]): EntityTimeline[] {
    return timelines(this.reader, ids);
  }

  /** The articles of one month (`YYYY-MM`) or day (`YYYY-MM-DD`) of an entity's timeline: how many, and the first `limit` in order. */
  articlesInPeriod(id: string, period: string, limit: number): ArticlesInPeriod {
    return articlesInPeriod(this.reader, id, period, limit);
  }

  /**
   * The entities named with an entity, strongest first: more paragraphs naming both, then more articles, then
   * by name (`cooccurrence.ts`); the first `limit`, and how many there are.
   */
  cooccurring(id: string, limit: number): CooccurrenceList {
    return cooccurring(this.reader, id, limit);
  }

  /** The articles naming both entities: how many, and the first `limit` in order with the paragraphs naming both. */
  articlesWithBoth(a: string, b: string, limit: number): ArticlesWithBoth {
    return articlesWithBoth(this.reader, a, b, limit);
  }

  /** The first `limit` of `articles` in order, best first: one pass, each kept in a sorted list of at most `limit`. */
  private rankFirst(articles: readonly number[], limit: number): number[] {
    const best: number[] = [];
    for (const article of articles) insertBounded(best, article, limit, this.compareArticles);
    return best;
  }

  /** An article now mentions `entity`: among its first ones if it comes before the last kept (or fewer are kept than it has). */
  private keepFirst(entity: number, article: number): void {
    const first = this.firsts[entity];
    if (first) insertBounded(first, article, this.kept, this.compareArticles);
  }

  /**
   * An article no longer mentions `entity`: gone from its first ones; if it
   * was one, the next is unknown until asked for, unless it is coming back
   * to the same place (`left` collects those entities, for `set` to settle).
   */
  private dropFirst(entity: number, article: number, left: number[] | undefined): void {
    const first = this.firsts[entity];
    if (!first) return;
    const at = first.indexOf(article);
    if (at < 0) return;
    first.splice(at, 1);
    if (left) left.push(entity);
    // The next in order is not among those kept: found again when asked for, if the entity has more articles.
    else if (this.lists.length(entity) > first.length) this.firsts[entity] = undefined;
  }

  /** The number of an entity, registering it if new; `name` and `known` are what the latest article indexed says of it. */
  private number(id: string, name: string, known: boolean): number {
    const existing = this.numbers.get(id);
    if (existing !== undefined) {
      // The knowledge base may have renamed it since: the latest article indexed says how it is called.
      if (!this.names.equals(existing, name)) {
        this.names.set(existing, name);
        this.folded[existing] = undefined;
      }
      this.known[existing] = known ? 1 : 0;
      return existing;
    }
    const entity = this.free.pop() ?? this.entityEnd++;
    if (entity >= this.known.length) {
      const known = new Uint8Array(this.known.length * 2);
      known.set(this.known);
      this.known = known;
      const types = new Uint8Array(known.length);
      types.set(this.types);
      this.types = types;
      const marks = new Uint8Array(known.length);
      marks.set(this.touchedMarks);
      this.touchedMarks = marks;
    }
    this.numbers.set(id, entity);
    // A new entity has a corpus type now, unless it left in this same update (an article indexed again):
    // then its type is compared with the one it had when the update settles.
    const before = this.leftTypes.get(id);
    if (before === undefined) this.typesVersion++;
    else {
      this.leftTypes.delete(id);
      this.types[entity] = before;
    }
    this.names.set(entity, name);
    this.folded[entity] = undefined;
    this.known[entity] = known ? 1 : 0;
    this.ensureStats(entity + 1);
    this.statsOf(entity).fill(0, (entity & CHUNK_MASK) * STATS, ((entity & CHUNK_MASK) + 1) * STATS);
    this.reach.set(entity, 0);
    this.lists.clear(entity);
    // Found when first asked for (most entities are named in one article, and most never asked about): an
    // array for each, kept as articles come, took as much of the heap as their lists.
    this.firsts[entity] = undefined;
    return entity;
  }

  /** Takes an article's mentions and votes back (its entities' types are settled by the caller). */
  private remove(uri: string, left?: number[]): boolean {
    const article = this.articleNumbers.get(uri);
    if (article === undefined) return false;
    const packed = this.packs[article] as Int32Array;
    this.articleNumbers.delete(uri);
    // Its quotes first: their speakers are entities of its groups, whose numbers may be freed below.
    this.quotes.remove(article);
    for (let at = firstGroup(packed); at < packed.length; at += HEADER + 2 * packed[at + 2]) {
      const entity = packed[at];
      const count = packed[at + 2];
      // Out of the entity's list: the last article there takes its slot.
      const slot = packed[at + 3];
      const moved = this.lists.pop(entity);
      const movedArticle = moved >> COUNT_BITS;
      if (movedArticle !== article) {
        this.lists.set(entity, slot, moved);
        const movedPack = this.packs[movedArticle] as Int32Array;
        movedPack[findGroup(movedPack, entity) + 3] = slot;
      }
      this.dropFirst(entity, article, left);
      this.touch(entity);
      this.addCounts(entity, packed[at + 1] & TYPE_MASK, count, packed[at + 1] >> TYPE_BITS, -1);
      if (this.reach.get(entity) === 0) {
        // Gone: it has no corpus type any more (and its number may go to another entity at once), unless
        // it comes back before the update settles.
        const id = this.idOf(entity);
        this.leftTypes.set(id, this.types[entity]);
        this.numbers.delete(id);
        this.names.delete(entity);
        this.lists.clear(entity);
        this.firsts[entity] = undefined;
        this.free.push(entity);
      }
    }
    this.uris[article] = '';
    this.packs[article] = undefined;
    this.infos[article] = undefined;
    this.dates.set(article, -1);
    this.freeArticles.push(article);
    return true;
  }

  /** Files an article's date (from `dateOf`), or none. */
  private setDate(article: number, info: T | undefined): void {
    this.dates.ensure(article + 1);
    this.dates.set(article, this.dateOf && info !== undefined ? dateCode(this.dateOf(info)) : -1);
  }

  /** An entity's votes change in the update under way. */
  private touch(entity: number): void {
    if (this.touchedMarks[entity] === 1) return;
    this.touchedMarks[entity] = 1;
    this.touched.push(entity);
  }

  /** At the end of an update, the corpus types of the entities it touched; `typeGeneration` moves if one is another than before. */
  private settleTypes(): void {
    let changed = false;
    for (const entity of this.touched) {
      this.touchedMarks[entity] = 0;
      if (this.reach.get(entity) === 0) continue;
      const type = this.countedType(entity);
      if (type === this.types[entity]) continue;
      this.types[entity] = type;
      changed = true;
    }
    this.touched.length = 0;
    // Entities that left and did not come back.
    if (this.leftTypes.size > 0) changed = true;
    this.leftTypes.clear();
    if (changed) this.typesVersion++;
  }

  /** An entity's corpus type, as last settled. */
  private typeIndex(entity: number): number {
    return this.types[entity] & TYPE_MASK;
  }

  /**
   * The type an entity's mentions typed on strong evidence were given most
   * often, if any were; else the commonest type it was given (rule-found
   * names may differ between articles), `other` only if nothing else.
   */
  private countedType(entity: number): number {
    const stats = this.statsOf(entity);
    const base = (entity & CHUNK_MASK) * STATS;
    let strongest = -1;
    let strongVotes = 0;
    for (let t = 0; t < TYPE_COUNT; t++) {
      if (stats[base + STRONG_VOTES + t] > strongVotes) {
        strongest = t;
        strongVotes = stats[base + STRONG_VOTES + t];
      }
    }
    if (strongest >= 0) return strongest | STRONG_TYPE;
    let type = OTHER;
    let votes = 0;
    for (let t = 0; t < TYPE_COUNT; t++) {
      if (t !== OTHER && stats[base + VOTES + t] > votes) {
        type = t;
        votes = stats[base + VOTES + t];
      }
    }
    return type;
  }

  /** The chunk of counts that holds `entity`'s (at `(entity & CHUNK_MASK) * STATS`). */
  private statsOf(entity: number): Int32Array {
    return this.statChunks[entity >>> CHUNK_BITS];
  }

  /** An article's `count` mentions of `entity` (`strong` of them on strong evidence) as `type`, counted in (`sign` 1) or out (-1). */
  private addCounts(entity: number, type: number, count: number, strong: number, sign: 1 | -1): void {
    const stats = this.statsOf(entity);
    const base = (entity & CHUNK_MASK) * STATS;
    this.reach.add(entity, sign);
    stats[base + MENTIONS] += sign * count;
    stats[base + VOTES + type] += sign * count;
    stats[base + STRONG_VOTES + type] += sign * strong;
  }

  private idOf(entity: number): string {
    return this.numbers.keyOf(entity) as string;
  }

  private nameOf(entity: number): string {
    return this.names.get(entity) as string;
  }

  /** One of an entity's counts. */
  private stat(entity: number, which: number): number {
    return this.statChunks[entity >>> CHUNK_BITS][(entity & CHUNK_MASK) * STATS + which];
  }

  /** Chunks of counts for entities numbered below `count`. */
  private ensureStats(count: number): void {
    while (this.statChunks.length << CHUNK_BITS < count) this.statChunks.push(new Int32Array(CHUNK * STATS));
    this.reach.ensure(count);
  }

  private view(entity: number): IndexedEntity {
    const stats = this.statsOf(entity);
    const base = (entity & CHUNK_MASK) * STATS;
    return {
      id: this.idOf(entity),
      name: this.nameOf(entity),
      type: ENTITY_TYPES[this.typeIndex(entity)],
      known: this.known[entity] === 1,
      articles: this.reach.get(entity),
      mentions: stats[base + MENTIONS],
    };
  }
}

/** Puts `item` into `sorted` (best first by `compare`), keeping at most `limit`. */
function insertBounded(sorted: number[], item: number, limit: number, compare: (a: number, b: number) => number): void {
  if (sorted.length === limit && compare(item, sorted[limit - 1]) >= 0) return;
  let at = sorted.length;
  while (at > 0 && compare(item, sorted[at - 1]) < 0) at--;
  sorted.splice(at, 0, item);
  if (sorted.length > limit) sorted.pop();
}

function byReach(a: IndexedEntity, b: IndexedEntity): number {
  return b.articles - a.articles || b.mentions - a.mentions || compareNorwegian(a.name, b.name);
}
