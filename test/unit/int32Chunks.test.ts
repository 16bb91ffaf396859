import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Int32Chunks } from '../../src/core/int32Chunks';

describe('Int32Chunks', () => {
  it('holds what a plain array would, across chunk boundaries, with its fill value where nothing was set', () => {
    const index = fc.integer({ min: 0, max: 70_000 });
    const operation = fc.oneof(
      fc.record({ set: index, value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }),
      fc.record({ add: index, delta: fc.integer({ min: -5, max: 5 }) }),
      fc.constant({ clear: true as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 0 }), fc.array(operation, { maxLength: 60 }), fc.array(index, { maxLength: 20 }), (fill, operations, probes) => {
        const chunks = new Int32Chunks(fill);
        const model = new Map<number, number>();
        for (const op of operations) {
          if ('clear' in op) {
            chunks.clear();
            model.clear();
            assert.equal(chunks.capacity, 0);
          } else if ('set' in op) {
            chunks.ensure(op.set + 1);
            chunks.set(op.set, op.value);
            model.set(op.set, op.value);
          } else {
            chunks.ensure(op.add + 1);
            chunks.add(op.add, op.delta);
            model.set(op.add, ((model.get(op.add) ?? fill) + op.delta) | 0);
          }
        }
        for (const at of [...model.keys(), ...probes, -1]) {
          const expected = model.get(at) ?? fill;
          assert.equal(chunks.at(at), expected, `at ${at}`);
          if (at >= 0 && at < chunks.capacity) assert.equal(chunks.get(at), expected, `get ${at}`);
        }
      }),
    );
  });

  it('grows a chunk at a time, keeping what it holds', () => {
    const chunks = new Int32Chunks(-1);
    assert.equal(chunks.capacity, 0);
    chunks.ensure(1);
    const first = chunks.capacity;
    assert.ok(first > 0);
    chunks.set(first - 1, 7);
    chunks.ensure(first + 1);
    assert.equal(chunks.capacity, 2 * first);
    assert.equal(chunks.get(first - 1), 7);
    assert.equal(chunks.get(first), -1);
    chunks.ensure(first);
    assert.equal(chunks.capacity, 2 * first, 'no room made that was there');
  });
});
