import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { hasDuplicate, isPackedMentions, PACK_HEADER, PACK_TYPE_BITS, type PackedMentions, packMentions } from '../../src/core/entities/mentionPack';
import { ENTITY_TYPES, type EntityMention } from '../../src/core/entities/types';

const mentionArbitrary = fc.record({
  entityId: fc.constantFrom('putin', 'oslo', 'unknown-ola-nordmann', 'nato', 'unknown-bærum'),
  start: fc.nat(10_000),
  length: fc.integer({ min: 1, max: 30 }),
  type: fc.constantFrom(...ENTITY_TYPES),
  strong: fc.boolean(),
  canonical: fc.constantFrom('A', 'B'),
});

function toMention(m: { entityId: string; start: number; length: number; type: (typeof ENTITY_TYPES)[number]; strong: boolean; canonical: string }): EntityMention {
  const source = m.entityId.startsWith('unknown-') ? 'rule' : 'knowledgeBase';
  return {
    entityId: m.entityId,
    start: m.start,
    end: m.start + m.length,
    text: 'x',
    type: m.type,
    canonical: `${m.entityId} ${m.canonical}`,
    source,
    ...(m.strong ? { strong: true as const } : {}),
  };
}

/** The pack read back: per entity in order of first mention, its id, name, known, first type, strong count and spans. */
function unpack(packed: PackedMentions): { id: string; name: string; known: number; type: number; strong: number; spans: number[] }[] {
  const groups = [];
  for (let at = 0; at < packed.groups.length; at += PACK_HEADER + 2 * packed.groups[at + 2]) {
    const place = packed.groups[at];
    groups.push({
      id: packed.ids[place],
      name: packed.names[place],
      known: packed.known[place],
      type: packed.groups[at + 1] & ((1 << PACK_TYPE_BITS) - 1),
      strong: packed.groups[at + 1] >> PACK_TYPE_BITS,
      spans: [...packed.groups.subarray(at + PACK_HEADER, at + PACK_HEADER + 2 * packed.groups[at + 2])],
    });
  }
  return groups;
}

describe('packMentions', () => {
  it('groups the mentions by entity in order of first mention, keeping every span, the first type, the strong count and the last name', () => {
    fc.assert(
      fc.property(fc.array(mentionArbitrary.map(toMention), { maxLength: 40 }), (mentions) => {
        const packed = packMentions(mentions);
        assert.ok(isPackedMentions(packed));
        const expectedOrder = [...new Set(mentions.map((m) => m.entityId))];
        const groups = unpack(packed);
        assert.deepEqual(
          groups.map((g) => g.id),
          expectedOrder,
        );
        for (const group of groups) {
          const own = mentions.filter((m) => m.entityId === group.id);
          assert.deepEqual(
            group.spans,
            own.flatMap((m) => [m.start, m.end]),
          );
          assert.equal(group.type, ENTITY_TYPES.indexOf(own[0].type));
          assert.equal(group.strong, own.filter((m) => m.strong).length);
          assert.equal(group.name, own[own.length - 1].canonical);
          assert.equal(group.known, own[own.length - 1].source === 'rule' ? 0 : 1);
        }
      }),
    );
  });

  it('files the same index as the mentions themselves, after a structured clone (as from the worker)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(mentionArbitrary.map(toMention), { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (articles) => {
        const direct = new EntityIndex();
        const packedIndex = new EntityIndex();
        articles.forEach((mentions, i) => {
          direct.set(`file:///a${i % 4}.txt`, mentions);
          const packed = structuredClone(packMentions(mentions));
          assert.ok(isPackedMentions(packed));
          packedIndex.setPacked(`file:///a${i % 4}.txt`, packed);
        });
        assert.deepEqual(packedIndex.entities(), direct.entities());
        assert.deepEqual(packedIndex.exportState(), direct.exportState());
      }),
    );
  });

  it('is empty for no mentions', () => {
    const packed = packMentions([]);
    assert.deepEqual(packed.ids, []);
    assert.equal(packed.groups.length, 0);
    assert.ok(isPackedMentions(packed));
  });
});

describe('isPackedMentions', () => {
  const good = (): PackedMentions => ({ ids: ['a', 'b'], names: ['A', 'B'], known: [1, 0], groups: Int32Array.of(0, 0 | (1 << PACK_TYPE_BITS), 1, 0, 3, 5, 1, 2, 2, 0, 7, 9, 11, 13) });
  const cases: [string, unknown][] = [
    ['not an object', 'packed'],
    ['null', null],
    ['groups not an Int32Array', { ...good(), groups: [0, 0, 1, 0, 3, 5] }],
    ['known not an array', { ...good(), known: Uint8Array.of(1, 0) }],
    ['known neither 0 nor 1', { ...good(), known: [1, 2] }],
    ['names and ids of different lengths', { ...good(), names: ['A'] }],
    ['an id not a string', { ...good(), ids: ['a', 2] }],
    ['an entity listed twice', { ...good(), ids: ['a', 'a'] }],
    ['a group naming no entity of the list', { ...good(), groups: Int32Array.of(0, 0, 1, 0, 3, 5, 2, 2, 2, 0, 7, 9, 11, 13) }],
    ['an entity in two groups', { ...good(), groups: Int32Array.of(0, 0, 1, 0, 3, 5, 0, 2, 1, 0, 7, 9, 1, 0, 1, 0, 1, 2) }],
    ['an entity in no group', { ...good(), groups: Int32Array.of(0, 0, 1, 0, 3, 5) }],
    ['a type out of range', { ...good(), groups: Int32Array.of(0, 7, 1, 0, 3, 5, 1, 2, 2, 0, 7, 9, 11, 13) }],
    ['more strong mentions than mentions', { ...good(), groups: Int32Array.of(0, 2 << PACK_TYPE_BITS, 1, 0, 3, 5, 1, 2, 2, 0, 7, 9, 11, 13) }],
    ['a count of none', { ...good(), groups: Int32Array.of(0, 0, 0, 0, 1, 2, 2, 0, 7, 9, 11, 13) }],
    ['spans past the end', { ...good(), groups: Int32Array.of(0, 0, 1, 0, 3, 5, 1, 2, 3, 0, 7, 9, 11, 13) }],
    ['a span that ends before it starts', { ...good(), groups: Int32Array.of(0, 0, 1, 0, 5, 3, 1, 2, 2, 0, 7, 9, 11, 13) }],
    ['a span that starts before the text', { ...good(), groups: Int32Array.of(0, 0, 1, 0, -1, 3, 1, 2, 2, 0, 7, 9, 11, 13) }],
    ['a header cut short', { ...good(), groups: Int32Array.of(0, 0, 1, 0, 3, 5, 1, 2) }],
  ];
  it('takes a well-formed pack', () => assert.ok(isPackedMentions(good())));
  for (const [name, value] of cases) it(`refuses ${name}`, () => assert.equal(isPackedMentions(value), false));
});

describe('hasDuplicate', () => {
  it('says what a Set says, over short lists and long ones, one after the other (its table is reused)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'æ', 'ø'), maxLength: 4 }), { maxLength: 300 }), { maxLength: 6 }), (lists) => {
        for (const strings of lists) assert.equal(hasDuplicate(strings), new Set(strings).size !== strings.length);
      }),
    );
  });

  it('tells apart two ids of the same hash', () => assert.equal(hasDuplicate(['acyoth', 'cbbibb']), false));
});
