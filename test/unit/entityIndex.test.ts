import * as assert from 'node:assert/strict';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import type { EntityMention, EntityType } from '../../src/core/entities/types';
import { contextAround, foldForMatching } from '../../src/core/text';

function mention(entityId: string, start: number, type: EntityType = 'person', source: EntityMention['source'] = 'knowledgeBase'): EntityMention {
  return { start, end: start + 5, text: 'xxxxx', type, entityId, canonical: entityId.replace(/-/g, ' '), source };
}

describe('the entity index', () => {
  it('counts articles and mentions per entity, most widely mentioned first', () => {
    const index = new EntityIndex();
    index.set('a', [mention('putin', 0), mention('putin', 10), mention('oslo', 20, 'place')]);
    index.set('b', [mention('putin', 3)]);
    index.set('c', [mention('oslo', 0, 'place'), mention('macron', 9)]);
    assert.deepEqual(
      index.entities().map((e) => [e.id, e.articles, e.mentions]),
      [['putin', 2, 3], ['oslo', 2, 2], ['macron', 1, 1]],
    );
    assert.deepEqual([...index.articlesMentioning('putin')].sort(), ['a', 'b']);
    assert.deepEqual(index.mentionsIn('a', 'putin'), [{ start: 0, end: 5 }, { start: 10, end: 15 }]);
    assert.deepEqual(index.entitiesIn('c'), [{ id: 'oslo', count: 1 }, { id: 'macron', count: 1 }]);
    assert.equal(index.size, 3);
  });

  it('replaces an article\'s mentions when it is set again', () => {
    const index = new EntityIndex();
    index.set('a', [mention('putin', 0), mention('putin', 10)]);
    index.set('a', [mention('putin', 4)]);
    assert.deepEqual(index.entity('putin'), { id: 'putin', name: 'putin', type: 'person', known: true, articles: 1, mentions: 1 });
  });

  it('takes the newest name an entity is indexed under (the knowledge base renamed it)', () => {
    const index = new EntityIndex();
    index.set('a', [mention('putin', 0)]);
    index.set('b', [{ ...mention('putin', 0), canonical: 'Vladimir V. Putin' }]);
    assert.equal(index.entity('putin')?.name, 'Vladimir V. Putin');
  });

  it('forgets an entity when the last article mentioning it goes', () => {
    const index = new EntityIndex();
    index.set('a', [mention('putin', 0)]);
    index.set('b', [mention('putin', 0), mention('oslo', 9, 'place')]);
    assert.equal(index.delete('b'), true);
    assert.equal(index.entity('oslo'), undefined);
    assert.equal(index.entity('putin')?.articles, 1);
    assert.equal(index.delete('b'), false);
    assert.equal(index.has('b'), false);
  });

  it('types a rule-found name by the commonest type it was given, other only when nothing else', () => {
    const index = new EntityIndex();
    index.set('a', [mention('unknown-x', 0, 'other', 'rule')]);
    index.set('b', [mention('unknown-x', 0, 'place', 'rule')]);
    index.set('c', [mention('unknown-x', 0, 'person', 'rule'), mention('unknown-x', 8, 'person', 'rule')]);
    assert.equal(index.entity('unknown-x')?.type, 'person');
    assert.equal(index.entity('unknown-x')?.known, false);
    index.delete('c');
    assert.equal(index.entity('unknown-x')?.type, 'place');
    index.delete('b');
    assert.equal(index.entity('unknown-x')?.type, 'other');
  });

  it('picks the most widely mentioned of each type, with totals, without sorting them all', () => {
    const index = new EntityIndex();
    for (let a = 0; a < 50; a++) {
      const mentions = [mention('putin', 0), mention('oslo', 10, 'place')];
      for (let k = 0; k <= a % 5; k++) mentions.push(mention(`person-${a}-${k}`, 20 + k * 10));
      if (a % 2) mentions.push(mention('macron', 80));
      index.set(`a${a}`, mentions);
    }
    const byType = index.topByType(3);
    assert.deepEqual([...byType.keys()], ['person', 'place']);
    const people = byType.get('person');
    assert.equal(people?.total, 2 + [...Array(50).keys()].reduce((sum, a) => sum + (a % 5) + 1, 0));
    assert.deepEqual(people?.entities.map((e) => e.id).slice(0, 2), ['putin', 'macron']);
    assert.equal(people?.entities.length, 3);
    assert.deepEqual(byType.get('place')?.entities.map((e) => e.id), ['oslo']);
    const filtered = index.topByType(10, (name) => name.includes('person 7'));
    assert.deepEqual(filtered.get('person')?.entities.map((e) => e.id).sort(), ['person-7-0', 'person-7-1', 'person-7-2']);
    assert.deepEqual(index.top(2).map((e) => e.id), ['oslo', 'putin'], 'equal reach: by name');
  });

  it('changes its generation with every change', () => {
    const index = new EntityIndex();
    const before = index.generation;
    index.set('a', []);
    assert.notEqual(index.generation, before);
    const after = index.generation;
    index.delete('nothing');
    assert.equal(index.generation, after);
    index.clear();
    assert.equal(index.size, 0);
    assert.notEqual(index.generation, after);
  });
});

describe('folding for forgiving matches', () => {
  const cases: [string, string][] = [
    ['Støre', 'store'], ['Stoere', 'store'], ['Store', 'store'], ['Bærum', 'barum'], ['Baerum', 'barum'], ['Barum', 'barum'],
    ['Ålesund', 'alesund'], ['Aalesund', 'alesund'], ['Zelenskyj', 'zelenskyj'], ['Le Drian', 'le drian'], ['Émile', 'emile'],
  ];
  for (const [text, folded] of cases) it(`folds ${text} to ${folded}`, () => assert.equal(foldForMatching(text), folded));
});

describe('concordance lines', () => {
  const text = 'Første avsnitt handler om noe annet.\n\nI Moskva sa Vladimir Putin at samtalene med Macron hadde vært nyttige, men at mye gjenstår før en avtale er mulig i det hele tatt.\n\nSiste avsnitt.';
  const at = text.indexOf('Putin');

  it('keeps to the paragraph and marks where the text goes on', () => {
    assert.deepEqual(contextAround(text, at, at + 5, { before: 30, after: 30 }), { before: 'I Moskva sa Vladimir ', match: 'Putin', after: ' at samtalene med Macron hadde…' });
  });

  it('cuts at word boundaries on both sides', () => {
    const { before, after } = contextAround(text, at, at + 5, { before: 12, after: 12 });
    assert.equal(before, '…sa Vladimir ');
    assert.equal(after, ' at…'); // `samtalene` would be cut: left out
  });

  it('squashes line breaks inside a paragraph', () => {
    const wrapped = 'Han møtte\nPutin\ni Moskva.';
    assert.deepEqual(contextAround(wrapped, 10, 15), { before: 'Han møtte ', match: 'Putin', after: ' i Moskva.' });
  });
});
