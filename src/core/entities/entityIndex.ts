/**
 * Which entities each article of the corpus mentions, and where: the
 * corpus-wide side of entities (counts and other articles in hover cards,
 * the Entities view, Find All References). Kept up to date one article at a
 * time; holds offsets, never texts.
 *
 * Compact, because a corpus of 10,000 articles has hundreds of thousands of
 * mentions and, with names the knowledge base does not know, up to a
 * hundred thousand entities: each entity is a number with its counts in
 * typed arrays, and each article one `Int32Array` of groups
 * `[entity, type, count, start, end, start, end, …]`. Which articles
 * mention an entity is found by a scan of those arrays (about a millisecond
 * at 10,000 articles) instead of a set kept per entity.
 */
import { compareNorwegian, detach, foldForMatching } from '../text';
import { ENTITY_TYPES, type EntityMention, type EntityType } from './types';

/** An entity as the corpus knows it. */
export interface IndexedEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Found through the knowledge base (else by the rules for unknown names). */
  readonly known: boolean;
  /** How many articles mention it. */
  readonly articles: number;
  /** How many mentions in all. */
  readonly mentions: number;
}

const TYPE_COUNT = ENTITY_TYPES.length;
const OTHER = ENTITY_TYPES.indexOf('other');
/** Per-entity integers: articles, mentions, then mentions per type. */
const STATS = 2 + TYPE_COUNT;
const ARTICLES = 0;
const MENTIONS = 1;
const VOTES = 2;

export class EntityIndex {
  private readonly byArticle = new Map<string, Int32Array>();
  private readonly numbers = new Map<string, number>();
  private ids: string[] = [];
  private names: string[] = [];
  private folded: (string | undefined)[] = [];
  private known = new Uint8Array(64);
  private stats = new Int32Array(64 * STATS);
  /** Entity numbers no longer used, for reuse. */
  private free: number[] = [];
  private version = 0;

  /** How many articles are indexed. */
  get size(): number {
    return this.byArticle.size;
  }

  /** Changes with every update, so views can tell whether what they show is current. */
  get generation(): number {
    return this.version;
  }

  has(uri: string): boolean {
    return this.byArticle.has(uri);
  }

  /** Records (or replaces) an article's mentions. */
  set(uri: string, mentions: readonly EntityMention[]): void {
    this.remove(uri);
    // Group the mentions by entity, in order of first mention.
    const groups = new Map<number, { type: number; spans: number[] }>();
    for (const mention of mentions) {
      const entity = this.number(mention);
      const group = groups.get(entity);
      if (group) group.spans.push(mention.start, mention.end);
      else groups.set(entity, { type: ENTITY_TYPES.indexOf(mention.type), spans: [mention.start, mention.end] });
    }
    let length = 0;
    for (const group of groups.values()) length += 3 + group.spans.length;
    const packed = new Int32Array(length);
    let at = 0;
    for (const [entity, { type, spans }] of groups) {
      const count = spans.length / 2;
      packed[at] = entity;
      packed[at + 1] = type;
      packed[at + 2] = count;
      packed.set(spans, at + 3);
      at += 3 + spans.length;
      const base = entity * STATS;
      this.stats[base + ARTICLES]++;
      this.stats[base + MENTIONS] += count;
      this.stats[base + VOTES + type] += count;
    }
    this.byArticle.set(uri, packed);
    this.version++;
  }

  /** Forgets an article; whether it was indexed. */
  delete(uri: string): boolean {
    const removed = this.remove(uri);
    if (removed) this.version++;
    return removed;
  }

  clear(): void {
    this.byArticle.clear();
    this.numbers.clear();
    this.ids = [];
    this.names = [];
    this.folded = [];
    this.known = new Uint8Array(64);
    this.stats = new Int32Array(64 * STATS);
    this.free = [];
    this.version++;
  }

  /** The indexed articles' URIs. */
  articleUris(): IterableIterator<string> {
    return this.byArticle.keys();
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
    const buckets = new Map<EntityType, { heap: number[]; total: number }>();
    // Worse first at the heap's root: fewer articles, then fewer mentions, then registered later.
    const worse = (a: number, b: number) =>
      this.stats[a * STATS + ARTICLES] - this.stats[b * STATS + ARTICLES] || this.stats[a * STATS + MENTIONS] - this.stats[b * STATS + MENTIONS] || b - a;
    for (const entity of this.numbers.values()) {
      if (matches && !matches(this.foldedName(entity))) continue;
      const type = ENTITY_TYPES[this.typeIndex(entity)];
      let bucket = buckets.get(type);
      if (!bucket) buckets.set(type, (bucket = { heap: [], total: 0 }));
      bucket.total++;
      pushBounded(bucket.heap, entity, limit, worse);
    }
    const result = new Map<EntityType, { entities: IndexedEntity[]; total: number }>();
    for (const type of ENTITY_TYPES) {
      const bucket = buckets.get(type);
      if (bucket) result.set(type, { entities: bucket.heap.map((entity) => this.view(entity)).sort(byReach), total: bucket.total });
    }
    return result;
  }

  /** The `limit` most widely mentioned entities of any type. */
  top(limit: number): IndexedEntity[] {
    const merged = [...this.topByType(limit).values()].flatMap((bucket) => bucket.entities);
    return merged.sort(byReach).slice(0, limit);
  }

  /** An entity's name folded for filtering, made when first asked for. */
  private foldedName(entity: number): string {
    return (this.folded[entity] ??= foldForMatching(this.names[entity]));
  }

  /** The URIs of the articles that mention an entity (in no particular order). */
  articlesMentioning(id: string): string[] {
    const entity = this.numbers.get(id);
    const result: string[] = [];
    if (entity === undefined) return result;
    for (const [uri, packed] of this.byArticle) if (findGroup(packed, entity) >= 0) result.push(uri);
    return result;
  }

  /** Where an article mentions an entity, in text order. */
  mentionsIn(uri: string, id: string): { start: number; end: number }[] {
    const packed = this.byArticle.get(uri);
    const entity = this.numbers.get(id);
    const result: { start: number; end: number }[] = [];
    if (!packed || entity === undefined) return result;
    const at = findGroup(packed, entity);
    if (at < 0) return result;
    for (let i = 0; i < packed[at + 2]; i++) result.push({ start: packed[at + 3 + 2 * i], end: packed[at + 4 + 2 * i] });
    return result;
  }

  /** The entities an article mentions, with how often, in order of first mention. */
  entitiesIn(uri: string): { id: string; count: number }[] {
    const packed = this.byArticle.get(uri);
    const result: { id: string; count: number }[] = [];
    for (let at = 0; packed && at < packed.length; at += 3 + 2 * packed[at + 2]) result.push({ id: this.ids[packed[at]], count: packed[at + 2] });
    return result;
  }

  /** The number of the mention's entity, registering it if new. */
  private number(mention: EntityMention): number {
    const existing = this.numbers.get(mention.entityId);
    if (existing !== undefined) {
      // The knowledge base may have renamed it since: the latest article indexed says how it is called.
      if (this.names[existing] !== mention.canonical) {
        this.names[existing] = detach(mention.canonical);
        this.folded[existing] = undefined;
      }
      this.known[existing] = mention.source === 'rule' ? 0 : 1;
      return existing;
    }
    const entity = this.free.pop() ?? this.ids.length;
    if (entity >= this.known.length) {
      const known = new Uint8Array(this.known.length * 2);
      known.set(this.known);
      this.known = known;
      const stats = new Int32Array(known.length * STATS);
      stats.set(this.stats);
      this.stats = stats;
    }
    this.numbers.set(mention.entityId, entity);
    // Detached: a name sliced from an article's text would keep the whole text alive.
    this.ids[entity] = detach(mention.entityId);
    this.names[entity] = detach(mention.canonical);
    this.folded[entity] = undefined;
    this.known[entity] = mention.source === 'rule' ? 0 : 1;
    this.stats.fill(0, entity * STATS, (entity + 1) * STATS);
    return entity;
  }

  private remove(uri: string): boolean {
    const packed = this.byArticle.get(uri);
    if (!packed) return false;
    this.byArticle.delete(uri);
    for (let at = 0; at < packed.length; at += 3 + 2 * packed[at + 2]) {
      const entity = packed[at];
      const count = packed[at + 2];
      const base = entity * STATS;
      this.stats[base + ARTICLES]--;
      this.stats[base + MENTIONS] -= count;
      this.stats[base + VOTES + packed[at + 1]] -= count;
      if (this.stats[base + ARTICLES] === 0) {
        this.numbers.delete(this.ids[entity]);
        this.ids[entity] = '';
        this.names[entity] = '';
        this.free.push(entity);
      }
    }
    return true;
  }

  /** The commonest type an entity was given (rule-found names may differ between articles); `other` only if nothing else. */
  private typeIndex(entity: number): number {
    const base = entity * STATS;
    let type = OTHER;
    let votes = 0;
    for (let t = 0; t < TYPE_COUNT; t++) {
      if (t !== OTHER && this.stats[base + VOTES + t] > votes) {
        type = t;
        votes = this.stats[base + VOTES + t];
      }
    }
    return type;
  }

  private view(entity: number): IndexedEntity {
    const base = entity * STATS;
    return {
      id: this.ids[entity],
      name: this.names[entity],
      type: ENTITY_TYPES[this.typeIndex(entity)],
      known: this.known[entity] === 1,
      articles: this.stats[base + ARTICLES],
      mentions: this.stats[base + MENTIONS],
    };
  }
}

/** Adds `item` to a heap of at most `limit` items whose root is the worst (`worse(a, b) < 0`: a is worse). */
function pushBounded(heap: number[], item: number, limit: number, worse: (a: number, b: number) => number): void {
  if (limit <= 0) return;
  if (heap.length < limit) {
    heap.push(item);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (worse(heap[i], heap[parent]) >= 0) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
    return;
  }
  if (worse(item, heap[0]) <= 0) return;
  heap[0] = item;
  for (let i = 0; ; ) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && worse(heap[left], heap[worst]) < 0) worst = left;
    if (right < heap.length && worse(heap[right], heap[worst]) < 0) worst = right;
    if (worst === i) return;
    [heap[i], heap[worst]] = [heap[worst], heap[i]];
    i = worst;
  }
}

/** Where an entity's group starts in an article's array, or -1. */
function findGroup(packed: Int32Array, entity: number): number {
  for (let at = 0; at < packed.length; at += 3 + 2 * packed[at + 2]) if (packed[at] === entity) return at;
  return -1;
}

function byReach(a: IndexedEntity, b: IndexedEntity): number {
  return b.articles - a.articles || b.mentions - a.mentions || compareNorwegian(a.name, b.name);
}
