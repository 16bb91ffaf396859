/**
 * What the corpus-wide queries over the entity index (timelines, co-occurrence) read of it: its entity and
 * article numbers, each article's packed mentions (`mentionPack.ts`, entities by the index's numbers) and its
 * date, as the index keeps them. Read only, and only between updates: nothing is copied, so an answer is
 * made from what the index holds, never from the texts.
 */
import type { EntityType } from './types';

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

export interface EntityIndexView {
  /** One past the highest entity number given out (a number below it may be free: it has no articles). */
  entityEnd(): number;
  entityNumber(id: string): number | undefined;
  idOf(entity: number): string;
  nameOf(entity: number): string;
  /** The name folded for matching (`foldForMatching`), kept by the index until the name changes. */
  foldedNameOf(entity: number): string;
  /** An entity with its corpus counts and type. */
  describe(entity: number): IndexedEntity;
  /** One past the highest article number given out. */
  articleEnd(): number;
  /** The numbers of the articles that mention an entity, in no order (a new array). */
  articlesOf(entity: number): number[];
  /** Each article that mentions an entity, with how many times it does, in no order (from the entity's list alone). */
  eachMentioning(entity: number, visit: (article: number, mentions: number) => void): void;
  /** An indexed article's packed mentions: its paragraph table, then a group per entity it names. */
  packOf(article: number): Int32Array;
  /** An article's date (`dateCode`), or -1 when the index was given none. */
  dateOf(article: number): number;
  uriOf(article: number): string;
  /** The order the index was made with (the tree's: newest first), then by article number. */
  compareArticles(a: number, b: number): number;
}
