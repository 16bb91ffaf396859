/**
 * One entity keeps one type across the corpus: a rule-found name's mentions
 * take the type strong evidence gave the name elsewhere (`EntityIndex.strongTypeOf`), so
 * `fra Vestbø`, a guess of a place in one article, is the person that
 * `trener Vestbø` made it in another. A mention typed by strong evidence in
 * its own article keeps its type, and names the knowledge base knows (and
 * the users' corrections, which are knowledge-base entries) keep theirs.
 */
import type { EntityMention, EntityType } from './types';

/** Where corpus types come from: the corpus index, or anything that answers the same. */
export interface CorpusTypes {
  /** The type strong evidence gave the entity somewhere in the corpus, if any did. */
  strongTypeOf(entityId: string): EntityType | undefined;
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
    // Only a guess gives way: a mention whose own article typed it by strong evidence keeps that type (a
    // place and a person may share a name: `fra Vestbø` in one article, `trener Vestbø` in another).
    if (mention.source !== 'rule' || mention.strong) continue;
    const type = types.strongTypeOf(mention.entityId);
    if (type === undefined || type === mention.type) continue;
    carried ??= mentions.slice();
    carried[i] = { ...mention, type };
  }
  return carried ?? mentions;
}
