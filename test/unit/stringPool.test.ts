import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringPool } from '../../src/core/entities/stringPool';

describe('string pool', () => {
  it('answers as an array of strings would through sets, replacements, deletes and clears', () => {
    // Pooled (Latin-1: æøå, é, ü), kept as strings (beyond U+00FF, or long), and empty.
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('Oslo', 'Ærø', 'Bjørn Ødegård', 'Müller', 'Łódź', 'Åse 😀', '', 'unknown-person:kari', 'x'.repeat(1500)),
    );
    const number = fc.nat({ max: 300 });
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), number, text }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), number }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        const pool = new StringPool();
        const model = new Map<number, string>();
        for (const o of ops) {
          if (o.kind === 'set') {
            pool.set(o.number, o.text);
            model.set(o.number, o.text);
          } else if (o.kind === 'delete') assert.equal(pool.delete(o.number), model.delete(o.number));
          else {
            pool.clear();
            model.clear();
          }
        }
        assert.equal(pool.size, model.size);
        for (let n = 0; n <= 301; n++) {
          const expected = model.get(n);
          assert.equal(pool.get(n), expected, `number ${n}`);
          assert.equal(pool.has(n), expected !== undefined);
          if (expected !== undefined) {
            assert.ok(pool.equals(n, expected));
            assert.ok(!pool.equals(n, expected + 'a'));
            // The same length, the last character another.
            if (expected.length > 0) assert.ok(!pool.equals(n, expected.slice(0, -1) + String.fromCharCode(expected.charCodeAt(expected.length - 1) ^ 1)));
          } else assert.ok(!pool.equals(n, ''));
        }
        assert.deepEqual([...pool.numbers()], [...model.keys()].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('writes its pages again when most of their bytes are unused, keeping every string in use', () => {
    const pool = new StringPool();
    const name = (i: number, round: number) => `Navn ${round} ${i} ${'ø'.repeat(i % 40)}`;
    // Each round replaces every string: the bytes of the round before are unused.
    for (let round = 0; round < 12; round++) for (let i = 0; i < 20_000; i++) pool.set(i, name(i, round));
    for (let i = 0; i < 20_000; i++) assert.equal(pool.get(i), name(i, 11));
    // In use: 20,000 strings of about 30 bytes, under 1 MB; the pages were written again, not grown to 12 rounds' worth.
    assert.ok(pool.bytes <= 4 * 1024 * 1024, `${pool.bytes} bytes of pages`);
  });

  it('refuses a number that is none', () => {
    const pool = new StringPool();
    assert.throws(() => pool.set(-1, 'a'), RangeError);
    assert.throws(() => pool.set(1.5, 'a'), RangeError);
    assert.equal(pool.get(-1), undefined);
    assert.equal(pool.get(10_000), undefined);
    assert.equal(pool.equals(10_000, ''), false);
  });
});
