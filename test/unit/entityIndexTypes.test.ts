// The corpus type of an entity (issue 11, point 3): strong evidence in one article carries to the name's
// mentions in the others; the index takes an article's votes back exactly when it leaves.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { carryCorpusTypes } from '../../src/core/entities/corpusTypes';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { ENTITY_TYPES, type EntityMention, type EntityType } from '../../src/core/entities/types';

/** A rule-found mention (weak unless `strong`), or one of another source. */
function mention(entityId: string, start: number, type: EntityType, strong = false, source: EntityMention['source'] = 'rule'): EntityMention {
  const base = { start, end: start + 5, text: 'xxxxx', type, entityId, canonical: entityId.replace(/^unknown-/, ''), source };
  return strong ? { ...base, strong: true } : base;
}

/** An article as a list of `type` or `type+` (strong), all of one entity. */
type Votes = readonly string[];
const article = (id: string, votes: Votes) => votes.map((vote, i) => mention(id, i * 10, vote.replace('+', '') as EntityType, vote.endsWith('+')));

describe('the entity index: corpus types', () => {
  const cases: { name: string; articles: Votes[]; type: EntityType }[] = [
    { name: 'the commonest type, without strong evidence', articles: [['place'], ['place'], ['person']], type: 'place' },
    { name: 'a strong type over more weak ones', articles: [['place', 'place', 'place'], ['place'], ['person+']], type: 'person' },
    { name: 'the commonest of the strong types', articles: [['organization+'], ['person+', 'person+'], ['place', 'place', 'place']], type: 'person' },
    { name: 'a tie of strong types: the first in the list of types', articles: [['place+'], ['person+']], type: 'person' },
    { name: 'other only when nothing else, among weak types', articles: [['other', 'other'], ['place']], type: 'place' },
    { name: 'other when strong evidence says so (a quoted title)', articles: [['other+'], ['place']], type: 'other' },
    { name: 'only other', articles: [['other']], type: 'other' },
  ];
  for (const { name, articles, type } of cases) {
    it(`types by ${name}`, () => {
      const index = new EntityIndex();
      articles.forEach((votes, a) => index.set(`a${a}`, article('unknown-vestbo', votes)));
      assert.equal(index.typeOf('unknown-vestbo'), type);
      assert.equal(index.entity('unknown-vestbo')?.type, type, 'the view of the entity agrees');
    });
  }

  it('forgets the strong votes of an article that leaves or is indexed again', () => {
    const index = new EntityIndex();
    index.set('a', article('unknown-vestbo', ['place', 'place']));
    index.set('b', article('unknown-vestbo', ['person+']));
    assert.equal(index.typeOf('unknown-vestbo'), 'person');
    index.set('b', article('unknown-vestbo', ['person']));
    assert.equal(index.typeOf('unknown-vestbo'), 'place', 'indexed again without the strong evidence');
    index.set('b', article('unknown-vestbo', ['person+']));
    index.delete('b');
    assert.equal(index.typeOf('unknown-vestbo'), 'place');
    index.delete('a');
    assert.equal(index.typeOf('unknown-vestbo'), undefined);
  });

  it('moves its type generation when a corpus type changes, and not for other changes', () => {
    const index = new EntityIndex();
    index.set('a', article('unknown-vestbo', ['place']));
    let generation = index.typeGeneration;
    const moved = () => {
      const now = index.typeGeneration;
      const result = now !== generation;
      generation = now;
      return result;
    };
    index.set('b', article('unknown-vestbo', ['place']));
    assert.equal(moved(), false, 'one more vote for the same type');
    index.set('c', article('unknown-vestbo', ['person+']));
    assert.equal(moved(), true, 'strong evidence turned it into a person');
    index.set('b', article('unknown-vestbo', ['place', 'place']));
    assert.equal(moved(), false, 'an article indexed again, the type unchanged');
    index.set('d', article('unknown-ny', ['place']));
    assert.equal(moved(), true, 'a new entity has a type');
    index.delete('d');
    assert.equal(moved(), true, 'an entity gone has none');
    index.delete('c');
    assert.equal(moved(), true, 'the strong evidence left');
    index.clear();
    assert.equal(moved(), true);
  });

  it('adding articles and removing them again, in any order, leaves the corpus types as if they were never added', () => {
    const IDS = ['unknown-vestbo', 'unknown-nordstrand', 'unknown-tromso'];
    const types = ENTITY_TYPES.flatMap((type) => [type, `${type}+`]);
    const articleOf = fc.array(fc.record({ id: fc.constantFrom(...IDS), vote: fc.constantFrom(...types) }), { maxLength: 6 });
    const toMentions = (votes: readonly { id: string; vote: string }[]) => {
      // One type per entity in an article, as the recogniser gives it (its first vote's), strong or not per mention.
      const typeIn = new Map<string, string>();
      return votes.map(({ id, vote }, i) => {
        const type = typeIn.get(id) ?? vote.replace('+', '');
        typeIn.set(id, type);
        return mention(id, i * 10, type as EntityType, vote.endsWith('+'));
      });
    };
    fc.assert(
      fc.property(
        fc.array(articleOf, { maxLength: 4 }),
        fc.array(articleOf, { minLength: 1, maxLength: 5 }),
        // Interleaving of the extra articles' sets (and sets again with other mentions) and deletes.
        fc.array(fc.tuple(fc.nat(), fc.boolean(), articleOf), { maxLength: 12 }),
        fc.func(fc.integer()),
        (base, extra, churn, order) => {
          const fresh = new EntityIndex();
          base.forEach((votes, a) => fresh.set(`base-${a}`, toMentions(votes)));
          const index = new EntityIndex();
          extra.forEach((votes, a) => index.set(`extra-${a}`, toMentions(votes)));
          base.forEach((votes, a) => index.set(`base-${a}`, toMentions(votes)));
          for (const [n, remove, votes] of churn) {
            const uri = `extra-${n % extra.length}`;
            if (remove) index.delete(uri);
            else index.set(uri, toMentions(votes));
          }
          const leaving = extra.map((_, a) => `extra-${a}`).sort((x, y) => order(x) - order(y));
          for (const uri of leaving) index.delete(uri);
          for (const id of IDS) assert.equal(index.typeOf(id), fresh.typeOf(id), id);
          assert.deepEqual(index.entities(), fresh.entities());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers corpus types as a count over every article would, and moves its type generation whenever one changes', () => {
    const IDS = ['unknown-a', 'unknown-b', 'putin'];
    const URIS = ['a', 'b', 'c', 'd'];
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), uri: fc.constantFrom(...URIS), mentions: fc.array(fc.record({ id: fc.constantFrom(...IDS), type: fc.constantFrom(...ENTITY_TYPES), strong: fc.boolean() }), { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('delete' as const), uri: fc.constantFrom(...URIS) }),
    );
    /** The rule, over the model: strong votes first, then the commonest type, other only if nothing else. */
    const expected = (model: Map<string, EntityMention[]>, id: string): EntityType | undefined => {
      const all = [...model.values()].flat().filter((m) => m.entityId === id);
      if (all.length === 0) return undefined;
      const count = (list: EntityMention[], type: EntityType) => list.filter((m) => m.type === type).length;
      const best = (list: EntityMention[], candidates: readonly EntityType[]) => candidates.reduce<EntityType | undefined>((top, type) => (count(list, type) > (top ? count(list, top) : 0) ? type : top), undefined);
      return best(all.filter((m) => m.strong), ENTITY_TYPES) ?? best(all, ENTITY_TYPES.filter((t) => t !== 'other')) ?? 'other';
    };
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), (operations) => {
        const index = new EntityIndex();
        const model = new Map<string, EntityMention[]>();
        for (const op of operations) {
          const before = IDS.map((id) => index.typeOf(id));
          const generation = index.typeGeneration;
          if (op.kind === 'set') {
            // One type per entity in an article (its first mention's), as the recogniser gives it; putin as the knowledge base's.
            const typeIn = new Map<string, EntityType>();
            const mentions = op.mentions.map(({ id, type, strong }, i) => {
              const typed = typeIn.get(id) ?? type;
              typeIn.set(id, typed);
              return id === 'putin' ? mention(id, i * 10, typed, false, 'knowledgeBase') : mention(id, i * 10, typed, strong);
            });
            index.set(op.uri, mentions);
            model.set(op.uri, mentions);
          } else {
            index.delete(op.uri);
            model.delete(op.uri);
          }
          const after = IDS.map((id) => index.typeOf(id));
          assert.deepEqual(after, IDS.map((id) => expected(model, id)));
          if (JSON.stringify(before) !== JSON.stringify(after)) assert.notEqual(index.typeGeneration, generation, `${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('carrying corpus types to an article\'s mentions', () => {
  const corpus = new Map<string, EntityType>([
    ['unknown-vestbo', 'person'],
    ['unknown-tromso', 'place'],
    ['putin', 'place'],
  ]);
  const types = { strongTypeOf: (id: string) => corpus.get(id) };
  const cases: { name: string; mention: EntityMention; type: EntityType }[] = [
    { name: 'a rule-found name takes its corpus type', mention: mention('unknown-vestbo', 0, 'place'), type: 'person' },
    { name: 'a strong one keeps its own: its article had evidence (a place and a person may share a name)', mention: mention('unknown-tromso', 0, 'person', true), type: 'person' },
    { name: 'a name the index does not know keeps its own', mention: mention('unknown-ny', 0, 'organization'), type: 'organization' },
    { name: 'a knowledge-base name keeps the knowledge base\'s', mention: mention('putin', 0, 'person', false, 'knowledgeBase'), type: 'person' },
    { name: 'a short form of a knowledge-base name keeps it', mention: mention('putin', 0, 'person', false, 'shortForm'), type: 'person' },
  ];
  for (const { name, mention: given, type } of cases) {
    it(name, () => {
      const [carried] = carryCorpusTypes([given], types);
      assert.equal(carried.type, type);
      assert.deepEqual({ ...carried, type: given.type }, given, 'nothing else changes');
    });
  }

  it('gives back the same array when nothing changes, and the unchanged mentions as they were', () => {
    const same = [mention('unknown-vestbo', 0, 'person'), mention('putin', 10, 'person', false, 'knowledgeBase')];
    assert.equal(carryCorpusTypes(same, types), same);
    const some = [mention('unknown-vestbo', 0, 'place'), mention('putin', 10, 'person', false, 'knowledgeBase')];
    const carried = carryCorpusTypes(some, types);
    assert.notEqual(carried, some);
    assert.equal(carried[1], some[1]);
    assert.deepEqual(some.map((m) => m.type), ['place', 'person'], 'the recogniser\'s mentions are not changed');
  });

  it('types a weak mention by strong evidence in another article of the index', () => {
    const index = new EntityIndex();
    const strong = [mention('unknown-vestbo', 0, 'person', true)];
    const weak = [mention('unknown-vestbo', 0, 'place'), mention('unknown-vestbo', 20, 'place')];
    index.set('trener', strong);
    index.set('fra', weak);
    assert.deepEqual(carryCorpusTypes(weak, index).map((m) => m.type), ['person', 'person']);
    index.delete('trener');
    assert.equal(carryCorpusTypes(weak, index), weak);
  });

  it('carries no guess: weak types elsewhere, however many, leave a mention as its article typed it', () => {
    const index = new EntityIndex();
    const own = [mention('unknown-nato', 0, 'organization')];
    index.set('a', [mention('unknown-nato', 0, 'place'), mention('unknown-nato', 10, 'place')]);
    index.set('b', own);
    assert.equal(index.typeOf('unknown-nato'), 'place', 'the commonest type, for the Entities view');
    assert.equal(index.strongTypeOf('unknown-nato'), undefined);
    assert.equal(carryCorpusTypes(own, index), own);
  });

  it('tells each article\'s type of a name as its mentions are shown: its own guess, strong evidence elsewhere, or its own strong evidence', () => {
    const index = new EntityIndex();
    index.set('fra', [mention('unknown-vestbo', 0, 'place')]);
    index.set('hos', [mention('unknown-vestbo', 0, 'organization'), mention('unknown-vestbo', 10, 'organization')]);
    const typeIn = (uri: string) => index.entitiesIn(uri).find((e) => e.id === 'unknown-vestbo')?.type;
    assert.equal(typeIn('fra'), 'place', 'guesses do not carry: the article\'s own');
    index.set('trener', [mention('unknown-vestbo', 0, 'person', true)]);
    assert.equal(typeIn('fra'), 'person', 'strong evidence elsewhere carries');
    index.set('filmen', [mention('unknown-vestbo', 0, 'other', true)]);
    assert.equal(typeIn('filmen'), 'other', 'its own strong evidence stays');
  });

  it('keeps its type generation when an article is indexed again unchanged, and moves it when that changes a type', () => {
    const index = new EntityIndex();
    const only = [mention('unknown-vestbo', 0, 'place'), mention('unknown-brann', 10, 'organization', true)];
    index.set('a', only);
    const before = index.typeGeneration;
    index.set('a', only.map((m) => ({ ...m })));
    assert.equal(index.typeGeneration, before, 'the same types: no redraw');
    index.set('a', [mention('unknown-vestbo', 0, 'person', true), mention('unknown-brann', 10, 'organization', true)]);
    assert.notEqual(index.typeGeneration, before, 'Vestbø is a person now');
    const retyped = index.typeGeneration;
    index.set('a', [mention('unknown-brann', 10, 'organization', true)]);
    assert.notEqual(index.typeGeneration, retyped, 'Vestbø left the corpus');
    assert.equal(index.typeOf('unknown-vestbo'), undefined);
  });

  it('moves its type generation when strong evidence for a type comes or goes, even if the commonest type stays', () => {
    const index = new EntityIndex();
    index.set('a', [mention('unknown-vestbo', 0, 'person'), mention('unknown-vestbo', 10, 'person')]);
    const before = index.typeGeneration;
    index.set('b', [mention('unknown-vestbo', 0, 'person', true)]);
    assert.equal(index.typeOf('unknown-vestbo'), 'person');
    assert.notEqual(index.typeGeneration, before, 'strong evidence came');
    const withStrong = index.typeGeneration;
    index.delete('b');
    assert.equal(index.strongTypeOf('unknown-vestbo'), undefined);
    assert.notEqual(index.typeGeneration, withStrong, 'strong evidence went');
  });
});
