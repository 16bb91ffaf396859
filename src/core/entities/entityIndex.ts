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
import { compareNorwegian, detach } from '../text';
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

  /** All entities, most widely mentioned first (then by name, in Norwegian order). */
  entities(): IndexedEntity[] {
    return [...this.numbers.values()].map((entity) => this.view(entity)).sort(byReach);
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
      if (this.names[existing] !== mention.canonical) this.names[existing] = detach(mention.canonical);
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

  private view(entity: number): IndexedEntity {
    const base = entity * STATS;
    // The commonest type it was given (rule-found names may differ between articles); `other` only if nothing else.
    let type = OTHER;
    let votes = 0;
    for (let t = 0; t < TYPE_COUNT; t++) {
      if (t !== OTHER && this.stats[base + VOTES + t] > votes) {
        type = t;
        votes = this.stats[base + VOTES + t];
      }
    }
    return {
      id: this.ids[entity],
      name: this.names[entity],
      type: ENTITY_TYPES[type],
      known: this.known[entity] === 1,
      articles: this.stats[base + ARTICLES],
      mentions: this.stats[base + MENTIONS],
    };
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
