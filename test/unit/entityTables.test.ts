import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import data from '../../src/core/entities/generated/gazetteer.json';
import { hashOf } from '../../src/core/entities/fnv';
import { COUNTRY, FEMALE_NAME, GIVEN_NAME, MALE_NAME, gazetteer, PLACE, SURNAME } from '../../src/core/entities/gazetteer';
import { endingFilter } from '../../src/core/entities/endings';
import { NORWEGIAN_FEMALE, NORWEGIAN_MALE } from '../../src/core/entities/norwegianNames';
import { factsOf, FILTERED_PATTERNS } from '../../src/core/entities/wordFacts';

// The lists as a plain map: what the gazetteer answered before its filter.
const reference = new Map<string, number>();
for (const [list, bit] of [[data.givenNames, GIVEN_NAME], [data.surnames, SURNAME], [data.countries, COUNTRY], [data.places, PLACE], [data.femaleNames, FEMALE_NAME], [data.maleNames, MALE_NAME]] as const) {
  for (const name of list.split('\n')) reference.set(name, (reference.get(name) ?? 0) | bit);
}
// And Norway's common given names, which the gazetteer adds to the packages' lists.
for (const name of `${NORWEGIAN_FEMALE} ${NORWEGIAN_MALE}`.split(/\s+/u)) reference.set(name, (reference.get(name) ?? 0) | GIVEN_NAME);

/**
 * The tables that make recognition fast answer exactly as the plain lists and patterns they stand for:
 * a filter or a shortcut may only ever skip work whose answer is "no".
 */
describe('the tables behind recognition', () => {
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

describe('the quick noes for patterns of endings', () => {
  it('reads groups, optional parts, classes and the i flag', () => {
    const cases: [RegExp, string, boolean][] = [
      [/(?:bank(?:en)?|rådet)$/u, 'Sparebanken', true],
      [/(?:bank(?:en)?|rådet)$/u, 'Sparebanke', false],
      [/(?:bank(?:en)?|rådet)$/u, 'Bystyrerådet', true],
      [/abc(?:\p{L}{2}x|y)$/u, 'qqx', true], // a class cuts what came before it
      [/abc(?:\p{L}{2}x|y)$/u, 'abcy', true],
      [/abc(?:\p{L}{2}x|y)$/u, 'y', false],
      [/(?:helse|kirken)$/iu, 'HELSE', true],
      [/(?:helse|kirken)$/iu, 'HeLse', true],
      [/(?:helse|kirken)$/iu, 'helsa', false],
      [/(?:bak)$/iu, 'ba\u212a', true], // a Kelvin sign: left to the pattern
    ];
    for (const [pattern, word, expected] of cases) assert.equal(endingFilter(pattern).mayMatch(word), expected, `${pattern.source} ${word}`);
  });

  it('refuses a pattern it cannot read', () => {
    assert.throws(() => endingFilter(/(?:a|b)+$/u));
    assert.throws(() => endingFilter(/(?:a|b)/u));
  });

  it('never says no where the pattern matches (every pattern the rules filter)', () => {
    let matched = 0;
    for (const pattern of FILTERED_PATTERNS) {
      const filter = endingFilter(pattern);
      // The pattern's own words, with and without the endings of Norwegian nouns, after a prefix, in any case.
      const words = pattern.source.split(/[^\p{L}\p{N} -]+/u).filter((word) => word.length > 0);
      const word = fc.tuple(fc.constantFrom(...words), fc.constantFrom('', 'et', 'en', 'a', 'ene', 'n', 'ne', 's', 'e'), fc.string({ maxLength: 4 }), fc.boolean());
      fc.assert(
        fc.property(word, ([stem, ending, prefix, upper]) => {
          const candidate = upper ? (prefix + stem + ending).toUpperCase() : prefix + stem + ending;
          for (const text of [candidate, candidate.slice(1), candidate.charAt(0).toUpperCase() + candidate.slice(1)]) {
            if (pattern.test(text)) {
              matched++;
              assert.ok(filter.mayMatch(text), `${pattern.source}: ${text}`);
            }
          }
        }),
        { numRuns: 400 },
      );
      for (const name of reference.keys()) for (const text of [name, name.toLowerCase()]) if (pattern.test(text)) assert.ok(filter.mayMatch(text), `${pattern.source}: ${text}`);
    }
    assert.ok(matched > 1000, `only ${matched} words matched`);
  });
});
