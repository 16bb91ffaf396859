/**
 * Entities by name, for the search box: `@Putin` stands for Vladimir Putin
 * (any of his names, forgiving spelling), and entities show among the
 * results of their own. A few thousand short names: fuse.js's home ground.
 */
import Fuse from 'fuse.js';
import type { EntityType } from '../entities/types';
import { foldForMatching } from '../text';

export interface NamedEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases?: readonly string[];
  /** How many articles mention it: among equal matches, the more widely mentioned first. */
  readonly articles?: number;
}

export interface EntityMatch {
  readonly entity: NamedEntity;
  /** 0 is a perfect match. */
  readonly score: number;
}

interface Row {
  readonly entity: NamedEntity;
  readonly folded: string;
}

/** Names up to this fuse.js score count as the same name. */
const SAME_NAME = 0.2;

export class EntityMatcher {
  private readonly rows: Row[];
  private readonly exact = new Map<string, NamedEntity[]>();
  private readonly fuse: Fuse<Row>;

  constructor(entities: readonly NamedEntity[]) {
    this.rows = entities.flatMap((entity) => [entity.name, ...(entity.aliases ?? [])].map((name) => ({ entity, folded: foldForMatching(name) })));
    for (const row of this.rows) {
      const list = this.exact.get(row.folded) ?? [];
      if (!list.includes(row.entity)) list.push(row.entity);
      this.exact.set(row.folded, list);
    }
    this.fuse = new Fuse(this.rows, { keys: ['folded'], includeScore: true, threshold: 0.35, ignoreLocation: true });
  }

  /** The entities a `@name` stands for: those with that name (or a near spelling of it). */
  resolve(name: string): string[] {
    const folded = foldForMatching(name.trim());
    const exact = this.exact.get(folded);
    if (exact) return exact.map((entity) => entity.id);
    return [...new Set(this.fuse.search(folded).filter((match) => (match.score ?? 1) <= SAME_NAME).map((match) => match.item.entity.id))];
  }

  /** Entities whose names match `text`, the best first (of `type` only, if given). */
  search(text: string, options: { type?: EntityType; limit?: number } = {}): EntityMatch[] {
    const folded = foldForMatching(text.trim());
    const limit = options.limit ?? 5;
    const best = new Map<NamedEntity, number>();
    for (const match of this.fuse.search(folded, { limit: limit * 8 })) {
      const entity = match.item.entity;
      if (options.type && entity.type !== options.type) continue;
      // A name that starts with what was typed is as good as a match gets.
      const score = match.item.folded.startsWith(folded) || match.item.folded.split(' ').some((word) => word.startsWith(folded)) ? 0 : (match.score ?? 1);
      if (!best.has(entity) || score < (best.get(entity) as number)) best.set(entity, score);
    }
    return [...best]
      .map(([entity, score]) => ({ entity, score }))
      .sort((a, b) => a.score - b.score || (b.entity.articles ?? 0) - (a.entity.articles ?? 0))
      .slice(0, limit);
  }

  /** The most widely mentioned entities (of a type), for a query of filters only. */
  top(type: EntityType | undefined, limit: number): NamedEntity[] {
    const seen = new Set<NamedEntity>();
    for (const row of this.rows) if (!type || row.entity.type === type) seen.add(row.entity);
    return [...seen].sort((a, b) => (b.articles ?? 0) - (a.articles ?? 0)).slice(0, limit);
  }
}
