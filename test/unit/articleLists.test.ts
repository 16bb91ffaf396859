import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ArticleLists } from '../../src/core/entities/articleLists';

describe('article lists', () => {
  it('keeps each entity its articles in slots, as arrays would, through pushes, swaps out and clears', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), entity: fc.nat({ max: 80 }), article: fc.nat({ max: 1000 }) }),
      fc.record({ kind: fc.constant('remove' as const), entity: fc.nat({ max: 80 }), slot: fc.nat() }),
      fc.record({ kind: fc.constant('clear' as const), entity: fc.nat({ max: 80 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const lists = new ArticleLists();
        const model = new Map<number, number[]>();
        for (const o of ops) {
          const list = model.get(o.entity) ?? [];
          model.set(o.entity, list);
          if (o.kind === 'push') {
            assert.equal(lists.push(o.entity, o.article), list.length);
            list.push(o.article);
          } else if (o.kind === 'remove' && list.length > 0) {
            // As the entity index takes an article out: the last one takes its slot.
            const slot = o.slot % list.length;
            const moved = lists.pop(o.entity);
            assert.equal(moved, list.pop());
            if (slot < list.length) {
              lists.set(o.entity, slot, moved);
              list[slot] = moved;
            }
          } else if (o.kind === 'clear') {
            lists.clear(o.entity);
            list.length = 0;
          }
          assert.equal(lists.length(o.entity), list.length);
          assert.deepEqual(lists.toArray(o.entity), list);
        }
        for (const [entity, list] of model) assert.deepEqual(lists.toArray(entity), list);
      }),
      { numRuns: 300 },
    );
  });

  it('says an entity it never heard of has no articles, and refuses to take one from an empty list', () => {
    const lists = new ArticleLists();
    assert.equal(lists.length(10_000), 0);
    assert.deepEqual(lists.toArray(10_000), []);
    assert.throws(() => lists.pop(3), RangeError);
    assert.throws(() => lists.pop(10_000), RangeError);
  });
});
