/**
 * One entity keeps one type across the corpus: a rule-found name's mentions
 * take the type the corpus index gives the name (`EntityIndex.typeOf`), so
 * `fra Vestbø`, a guess of a place in one article, is the person that
 * `trener Vestbø` made it in another. Names the knowledge base knows (and
 * the users' corrections, which are knowledge-base entries) keep their type.
 */
import type { EntityMention, EntityType } from './types';

/** Where corpus types come from: the corpus index, or anything that answers the same. */
export interface CorpusTypes {
  typeOf(entityId: string): EntityType | undefined;
}

/**
 * `mentions` with each rule-found one in its entity's corpus type, where that
 * is known and differs; the same array when none differs (callers may compare
 * by identity), else a new one whose unchanged mentions are the same objects.
 */
export function carryCorpusTypes(mentions: readonly EntityMention[], types: CorpusTypes): readonly EntityMention[] {
  let carried: EntityMention[] | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    if (mention.source !== 'rule') continue;
    const type = types.typeOf(mention.entityId);
    if (type === undefined || type === mention.type) continue;
    carried ??= mentions.slice();
    carried[i] = { ...mention, type };
  }
  return carried ?? mentions;
}
