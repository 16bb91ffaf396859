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
    // Mostly a few numbers set again and again (most bytes soon unused: compactions), some of many.
    const number = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 40 }) }, { weight: 1, arbitrary: fc.nat({ max: 300 }) });
    const op = fc.oneof(
      { weight: 30, arbitrary: fc.record({ kind: fc.constant('set' as const), number, text }) },
      { weight: 10, arbitrary: fc.record({ kind: fc.constant('delete' as const), number }) },
      // Rare: the bytes left unused between clears must add up to compactions.
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
    );
    // Compactions begun early and made a few numbers at a time, so that they run through the changes; or as the extension has them.
    const limits = fc.option(fc.record({ minGarbage: fc.integer({ min: 0, max: 64 }), compactStep: fc.integer({ min: 1, max: 40 }) }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), limits, (ops, limit) => {
        const pool = new StringPool(limit);
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
        // Bytes in use within the pages kept (at most twice those in use and the limit, with a compaction under way; a page of room).
        if (limit) assert.ok(pool.bytes <= 2 * 1024 * 1024, `${pool.bytes} bytes of pages`);
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
      { numRuns: 500 },
    );
  });

  it('writes its pages again when most of their bytes are unused, keeping every string in use', () => {
    const pool = new StringPool();
    const name = (i: number, round: number) => `Navn ${round} ${i} ${'ø'.repeat(i % 40)}`;
    // Each round replaces every string: the bytes of the round before are unused.
    // Even rounds replace all of them, odd ones half (a compaction under way moves the other half).
    for (let round = 0; round < 12; round++) {
      const odd = round % 2 === 1;
      for (let i = 0; i < 20_000; i += odd ? 2 : 1) pool.set(i, name(i, round));
      for (let i = 0; i < 20_000; i++) assert.equal(pool.get(i), name(i, odd && i % 2 === 1 ? round - 1 : round), `round ${round}, number ${i}`);
    }
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
