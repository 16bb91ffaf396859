import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type EntityIndex } from '../../src/core/entities/entityIndex';
import type { EntityMention } from '../../src/core/entities/types';
import { compareNorwegian } from '../../src/core/text';
import { apply, compareInfo, IDS, indexArticle, indexOf, type Info, type ModelArticle, NAMES, newIndex, operationsArb, PARAGRAPH, paragraphsOf, URIS } from './analysisCorpus';

/** An article whose paragraphs name the given entities (one list of ids per paragraph). */
function article(title: string, month: number, ...paragraphs: string[][]): ModelArticle {
  return {
    info: { date: { year: 2022, month }, title },
    paragraphs: paragraphs.length,
    mentions: paragraphs.flatMap((ids, p) => ids.map((id, i) => ({ id, start: p * PARAGRAPH + i * 10 }))),
  };
}

/** `name: articles/paragraphs`, as listed. */
const listed = (index: EntityIndex<Info>, id: string, limit = 10) => index.cooccurring(id, limit).entities.map((c) => `${c.entity.name}: ${c.articles}/${c.paragraphs}`);

describe('co-occurrence', () => {
  const index = newIndex();
  indexArticle(index, 'a', article('a', 3, ['anders', 'bo'], ['zorro']));
  // Bo twice in one paragraph with Anders: one paragraph.
  indexArticle(index, 'b', article('b', 2, ['anders'], ['bo', 'anders', 'bo'], ['bo']));
  indexArticle(index, 'c', article('c', 1, ['bo', 'zorro']));

  const cases: [string, string, string[]][] = [
    ['in one paragraph in two articles', 'anders', ['Bo: 2/2', 'Zorro: 1/0']],
    ['paragraphs before articles', 'bo', ['Anders: 2/2', 'Zorro: 2/1']],
    ['an article alone', 'zorro', ['Bo: 2/1', 'Anders: 1/0']],
    ['an entity the index does not know', 'nobody', []],
  ];
  for (const [name, id, expected] of cases) it(`lists the entities named with one, strongest first: ${name}`, () => assert.deepEqual(listed(index, id), expected));

  it('counts the entities it met, and gives the strongest of them', () => {
    assert.deepEqual(index.cooccurring('bo', 1), { total: 2, entities: [{ entity: index.entity('anders'), articles: 2, paragraphs: 2 }] });
    assert.deepEqual(index.cooccurring('bo', 0), { total: 2, entities: [] });
  });

  it('breaks ties by name in Norwegian order (Æ, Ø, Å after Z), then by id', () => {
    const ties = newIndex();
    indexArticle(ties, 'a', article('a', 1, ['aase', 'oystein', 'zorro', 'bo', 'aerlig', 'anders']));
    assert.deepEqual(listed(ties, 'bo'), ['Anders: 1/1', 'Zorro: 1/1', 'Ærlig: 1/1', 'Øystein: 1/1', 'Åse: 1/1']);
    assert.deepEqual(listed(ties, 'bo', 3), ['Anders: 1/1', 'Zorro: 1/1', 'Ærlig: 1/1']);
    // Two entities of one name: by id.
    const named = (entityId: string, start: number): EntityMention => ({ start, end: start + 3, text: 'Bo', type: 'person', entityId, canonical: 'Bo', source: 'rule' });
    const twins = newIndex();
    twins.set('a', [named('unknown-bo-2', 0), named('anders', 10), named('unknown-bo-1', 20)], { date: { year: 2022, month: 1 }, title: 'a' });
    assert.deepEqual(twins.cooccurring('anders', 5).entities.map((c) => c.entity.id), ['unknown-bo-1', 'unknown-bo-2']);
  });

  it('takes an article given without its paragraphs as one paragraph', () => {
    const whole = newIndex();
    const { mentions } = article('a', 1, ['anders'], ['bo']);
    whole.set('a', mentions.map(({ id, start }) => ({ start, end: start + 3, text: id, type: 'person', entityId: id, canonical: NAMES[id], source: 'knowledgeBase' })), { date: { year: 2022, month: 1 }, title: 'a' });
    assert.deepEqual(listed(whole, 'anders'), ['Bo: 1/1']);
  });

  it('lists the articles that name both, newest first, with the paragraphs that do', () => {
    assert.deepEqual(index.articlesWithBoth('anders', 'bo', 10), { total: 2, articles: [{ uri: 'a', paragraphs: 1 }, { uri: 'b', paragraphs: 1 }] });
    assert.deepEqual(index.articlesWithBoth('bo', 'anders', 1), { total: 2, articles: [{ uri: 'a', paragraphs: 1 }] });
    assert.deepEqual(index.articlesWithBoth('anders', 'zorro', 10), { total: 1, articles: [{ uri: 'a', paragraphs: 0 }] });
    assert.deepEqual(index.articlesWithBoth('anders', 'anders', 10), { total: 0, articles: [] }, 'not with itself');
    assert.deepEqual(index.articlesWithBoth('anders', 'nobody', 10), { total: 0, articles: [] });
  });
});

describe('co-occurrence, against every article looked at (property)', () => {
  /** The model's articles and paragraphs naming both. */
  const together = (model: ReadonlyMap<string, ModelArticle>, x: string, y: string) => {
    let articles = 0;
    let paragraphs = 0;
    const uris: { uri: string; paragraphs: number }[] = [];
    for (const [uri, a] of model) {
      const px = paragraphsOf(a, x);
      const py = paragraphsOf(a, y);
      if (px.size === 0 || py.size === 0) continue;
      const shared = [...px].filter((p) => py.has(p)).length;
      articles++;
      paragraphs += shared;
      uris.push({ uri, paragraphs: shared });
    }
    uris.sort((u, v) => compareInfo(model.get(u.uri)?.info as Info, model.get(v.uri)?.info as Info));
    return { articles, paragraphs, uris };
  };

  it('counts what the articles hold, both ways alike, ranked as documented, whatever order articles came and went in', () => {
    fc.assert(
      fc.property(operationsArb, fc.integer({ min: 1, max: IDS.length }), (operations, limit) => {
        const index = newIndex();
        const model = apply(index, operations);
        const reversed = indexOf(model, [...URIS].reverse());
        const restored = newIndex();
        restored.restoreState(index.exportState(), (uri) => model.get(uri)?.info);
        for (const x of IDS) {
          const expected = IDS.filter((y) => y !== x)
            .map((y) => ({ y, ...together(model, x, y) }))
            .filter((e) => e.articles > 0)
            .sort((e, f) => f.paragraphs - e.paragraphs || f.articles - e.articles || compareNorwegian(NAMES[e.y], NAMES[f.y]));
          const got = index.cooccurring(x, limit);
          assert.equal(got.total, expected.length);
          assert.deepEqual(
            got.entities.map((c) => [c.entity.id, c.articles, c.paragraphs]),
            expected.slice(0, limit).map((e) => [e.y, e.articles, e.paragraphs]),
          );
          for (const c of got.entities) {
            // Symmetric: as many articles and paragraphs from the other side.
            const back = index.cooccurring(c.entity.id, IDS.length).entities.find((d) => d.entity.id === x);
            assert.deepEqual([back?.articles, back?.paragraphs], [c.articles, c.paragraphs]);
            assert.deepEqual(c.entity, index.entity(c.entity.id));
          }
          assert.deepEqual(reversed.cooccurring(x, limit), got);
          assert.deepEqual(restored.cooccurring(x, limit), got);
          for (const y of IDS) {
            if (y === x) continue;
            const both = index.articlesWithBoth(x, y, 3);
            const { articles, uris } = together(model, x, y);
            assert.deepEqual(both, { total: articles, articles: uris.slice(0, 3) });
            assert.deepEqual(index.articlesWithBoth(y, x, 3), both);
            assert.deepEqual(reversed.articlesWithBoth(x, y, 3), both);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('takes an article\'s ties out with it when it is deleted', () => {
    fc.assert(
      fc.property(operationsArb, fc.constantFrom(...URIS), (operations, gone) => {
        const index = newIndex();
        const model = apply(index, operations);
        index.delete(gone);
        model.delete(gone);
        const fresh = indexOf(model, URIS);
        for (const id of IDS) assert.deepEqual(index.cooccurring(id, IDS.length), fresh.cooccurring(id, IDS.length));
      }),
      { numRuns: 100 },
    );
  });
});
