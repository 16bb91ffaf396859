import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import data from '../../src/core/entities/generated/gazetteer.json';
import { hashOf } from '../../src/core/entities/fnv';
import { COUNTRY, GIVEN_NAME, gazetteer, PLACE, SURNAME } from '../../src/core/entities/gazetteer';
import { factsOf } from '../../src/core/entities/wordFacts';

/**
 * The tables that make recognition fast answer exactly as the plain lists and patterns they stand for:
 * a filter or a shortcut may only ever skip work whose answer is "no".
 */
describe('the tables behind recognition', () => {
  // The lists as a plain map: what the gazetteer answered before its filter.
  const reference = new Map<string, number>();
  for (const [list, bit] of [[data.givenNames, GIVEN_NAME], [data.surnames, SURNAME], [data.countries, COUNTRY], [data.places, PLACE]] as const) {
    for (const name of list.split('\n')) reference.set(name, (reference.get(name) ?? 0) | bit);
  }

  it('the gazetteer finds every listed name through its hash filter, with all its kinds', () => {
    let checked = 0;
    for (const [name, kinds] of reference) {
      assert.equal(gazetteer.kindsHashed(name, hashOf(name, 0, name.length)), kinds, name);
      assert.equal(factsOf(name).kinds, kinds, name);
      checked++;
    }
    assert.ok(checked > 40000, `only ${checked} names`);
  });

  it('the gazetteer knows no name the lists do not have', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (word) => {
        const name = word.charAt(0).toUpperCase() + word.slice(1);
        if (name === name.toUpperCase()) return; // upper-case forms are looked up in normal case too
        assert.equal(gazetteer.kinds(name), reference.get(name) ?? 0, name);
      }),
      { numRuns: 2000 },
    );
  });
});
