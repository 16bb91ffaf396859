/**
 * Which entities each article of the corpus mentions, and where: the
 * corpus-wide side of entities (counts and other articles in hover cards,
 * the Entities view, Find All References). Kept up to date one article at a
 * time; holds offsets, never texts.
 */
import { compareNorwegian } from '../text';
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

interface EntityRecord {
  readonly id: string;
  name: string;
  known: boolean;
  /** Mentions per type: rule-found names may be typed differently in different articles; the commonest wins, `other` only if nothing else. */
  readonly typeVotes: Map<EntityType, number>;
  readonly articles: Set<string>;
  mentions: number;
}

export class EntityIndex {
  /** Per article, per entity: its type there and its spans. */
  private readonly byArticle = new Map<string, Map<string, { type: EntityType; spans: number[] }>>();
  private readonly byEntity = new Map<string, EntityRecord>();
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
    const spans = new Map<string, { type: EntityType; spans: number[] }>();
    for (const mention of mentions) {
      let record = this.byEntity.get(mention.entityId);
      if (!record) {
        record = { id: mention.entityId, name: mention.canonical, known: mention.source !== 'rule', typeVotes: new Map(), articles: new Set(), mentions: 0 };
        this.byEntity.set(mention.entityId, record);
      }
      record.articles.add(uri);
      record.mentions++;
      const here = spans.get(mention.entityId);
      if (here) here.spans.push(mention.start, mention.end);
      else spans.set(mention.entityId, { type: mention.type, spans: [mention.start, mention.end] });
    }
    for (const [id, here] of spans) {
      const votes = (this.byEntity.get(id) as EntityRecord).typeVotes;
      votes.set(here.type, (votes.get(here.type) ?? 0) + here.spans.length / 2);
    }
    this.byArticle.set(uri, spans);
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
    this.byEntity.clear();
    this.version++;
  }

  /** The indexed articles' URIs. */
  articleUris(): IterableIterator<string> {
    return this.byArticle.keys();
  }

  entity(id: string): IndexedEntity | undefined {
    const record = this.byEntity.get(id);
    return record && view(record);
  }

  /** All entities, most widely mentioned first (then by name, in Norwegian order). */
  entities(): IndexedEntity[] {
    return [...this.byEntity.values()].map(view).sort(byReach);
  }

  /** The URIs of the articles that mention an entity (in no particular order). */
  articlesMentioning(id: string): readonly string[] {
    return [...(this.byEntity.get(id)?.articles ?? [])];
  }

  /** Where an article mentions an entity, in text order. */
  mentionsIn(uri: string, id: string): { start: number; end: number }[] {
    const spans = this.byArticle.get(uri)?.get(id)?.spans ?? [];
    const result: { start: number; end: number }[] = [];
    for (let i = 0; i < spans.length; i += 2) result.push({ start: spans[i], end: spans[i + 1] });
    return result;
  }

  /** The entities an article mentions, with how often. */
  entitiesIn(uri: string): { id: string; count: number }[] {
    return [...(this.byArticle.get(uri) ?? [])].map(([id, here]) => ({ id, count: here.spans.length / 2 }));
  }

  private remove(uri: string): boolean {
    const spans = this.byArticle.get(uri);
    if (!spans) return false;
    this.byArticle.delete(uri);
    for (const [id, here] of spans) {
      const record = this.byEntity.get(id);
      if (!record) continue;
      const count = here.spans.length / 2;
      record.articles.delete(uri);
      record.mentions -= count;
      if (record.articles.size === 0) {
        this.byEntity.delete(id);
        continue;
      }
      const votes = (record.typeVotes.get(here.type) ?? 0) - count;
      if (votes > 0) record.typeVotes.set(here.type, votes);
      else record.typeVotes.delete(here.type);
    }
    return true;
  }
}

function typeOf(record: EntityRecord): EntityType {
  let best: EntityType = 'other';
  let bestVotes = 0;
  for (const type of ENTITY_TYPES) {
    if (type === 'other') continue;
    const votes = record.typeVotes.get(type) ?? 0;
    if (votes > bestVotes) {
      best = type;
      bestVotes = votes;
    }
  }
  return best;
}

function view(record: EntityRecord): IndexedEntity {
  return { id: record.id, name: record.name, type: typeOf(record), known: record.known, articles: record.articles.size, mentions: record.mentions };
}

function byReach(a: IndexedEntity, b: IndexedEntity): number {
  return b.articles - a.articles || b.mentions - a.mentions || compareNorwegian(a.name, b.name);
}
