import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringNumbers } from '../../src/core/entities/stringNumbers';

describe('string numbers', () => {
  it('answers as a Map would through sets, deletes, reuse of numbers and clears', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('oslo', 'Oslo', 'ø', 'å', 'unknown-person:kari', ''));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key }),
      fc.record({ kind: fc.constant('delete' as const), key }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000 }), (ops) => {
        const numbers = new StringNumbers();
        const model = new Map<string, number>();
        const free: number[] = [];
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'set') {
            if (model.has(o.key)) continue;
            // Numbers are reused as the entity index reuses them.
            const number = free.pop() ?? next++;
            numbers.set(o.key, number);
            model.set(o.key, number);
          } else if (o.kind === 'delete') {
            const number = model.get(o.key);
            assert.equal(numbers.delete(o.key), number !== undefined);
            if (number !== undefined) {
              model.delete(o.key);
              free.push(number);
            }
          } else {
            numbers.clear();
            model.clear();
            free.length = 0;
            next = 0;
          }
        }
        assert.equal(numbers.size, model.size);
        for (const [k, number] of model) assert.equal(numbers.get(k), number);
        assert.deepEqual([...numbers.values()], [...model.values()].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('grows past a million keys and keeps every one', () => {
    const numbers = new StringNumbers();
    for (let i = 0; i < 1_100_000; i++) numbers.set(`id-${i}`, i);
    for (let i = 0; i < 1_100_000; i += 997) assert.equal(numbers.get(`id-${i}`), i);
    assert.equal(numbers.get('id-1100000'), undefined);
    assert.equal(numbers.size, 1_100_000);
  });

  it('refuses a key twice, a number in use and a number that is none', () => {
    const numbers = new StringNumbers();
    numbers.set('a', 0);
    assert.throws(() => numbers.set('a', 1), /there already/);
    assert.throws(() => numbers.set('b', 0), /in use/);
    assert.throws(() => numbers.set('c', -1), RangeError);
  });
});
