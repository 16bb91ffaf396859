import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import { bitCount, findGroup, firstGroup, hasDuplicate, isPackedMentions, PACK_HEADER, PACK_PARAGRAPHS, PACK_TYPE_BITS, type PackedMentions, packMentions, paragraphOf } from '../../src/core/entities/mentionPack';
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
  for (let at = firstGroup(packed.groups); at < packed.groups.length; at += PACK_HEADER + 2 * packed.groups[at + 2]) {
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

  it('is empty for no mentions: an empty paragraph table', () => {
    const packed = packMentions([], [0, 10, 20]);
    assert.deepEqual(packed.ids, []);
    assert.deepEqual([...packed.groups], [0]);
    assert.ok(isPackedMentions(packed));
  });

  /** Mentions of one entity each, `[id, start]`. */
  const mentionsAt = (given: [string, number][]) => given.map(([id, start]) => toMention({ entityId: id, start, length: 3, type: 'person', strong: false, canonical: 'A' }));
  /** Each group's set of paragraphs, by entity id. */
  const setsOf = (packed: PackedMentions) => Object.fromEntries(packed.ids.map((id, place) => [id, packed.groups[findGroup(packed.groups, place) + PACK_PARAGRAPHS]]));

  // The paragraphs start at 0, 100, 200, …; mentions given by entity and start; bit i is the i-th paragraph with a name.
  const paragraphCases: [string, [string, number][], number[], Record<string, number>][] = [
    ['names in one paragraph', [['a', 5], ['b', 50]], [0, 100, 200], { a: 0b1, b: 0b1 }],
    ['names in the first and third: numbered 0 and 1', [['a', 5], ['b', 250]], [0, 100, 200], { a: 0b01, b: 0b10 }],
    ['an entity in two of them', [['a', 150], ['b', 250], ['a', 260]], [0, 100, 200], { a: 0b11, b: 0b10 }],
    ['a name before the first paragraph counts in it', [['a', 2], ['b', 20], ['b', 120]], [10, 100], { a: 0b01, b: 0b11 }],
    ['one entity: one paragraph, whatever its own', [['a', 5], ['a', 150], ['a', 250]], [0, 100, 200], { a: 0b1 }],
    ['no paragraph starts: one paragraph', [['a', 5], ['b', 250]], [], { a: 0b1, b: 0b1 }],
    ['starts out of order are sorted', [['a', 5], ['b', 250]], [200, 0, 100], { a: 0b01, b: 0b10 }],
    ['two paragraphs starting at one place are one', [['a', 5], ['b', 150], ['a', 160]], [0, 100, 100, 200], { a: 0b11, b: 0b10 }],
  ];
  for (const [name, given, starts, sets] of paragraphCases) {
    it(`gives each group the set of named paragraphs it is in: ${name}`, () => {
      const packed = packMentions(mentionsAt(given), starts);
      assert.equal(packed.groups[0], 0, 'no paragraph table');
      assert.deepEqual(setsOf(packed), sets);
      assert.ok(isPackedMentions(packed));
    });
  }

  it('keeps a table of paragraph starts instead where names are in more than 32 paragraphs', () => {
    const starts = Array.from({ length: 40 }, (_, p) => p * 100);
    // A name in each of 33 paragraphs (every one but 1 and 5 to 10), b in the first and the last.
    const named = starts.map((_, p) => p).filter((p) => p !== 1 && (p < 5 || p > 10));
    const given: [string, number][] = [...named.map((p): [string, number] => ['a', p * 100 + 5]), ['b', 7], ['b', 3905]];
    const packed = packMentions(mentionsAt(given.sort((x, y) => x[1] - y[1])), starts);
    assert.deepEqual([...packed.groups.subarray(1, firstGroup(packed.groups))], named.slice(1).map((p) => p * 100), 'the starts of the named paragraphs but the first');
    assert.deepEqual(setsOf(packed), { a: 0, b: 0 });
    assert.equal(paragraphOf(packed.groups, 7), 0);
    assert.equal(paragraphOf(packed.groups, 205), 1);
    assert.equal(paragraphOf(packed.groups, 3905), named.length - 1);
    assert.ok(isPackedMentions(packed));
    // Up to 32, sets: the 32nd named paragraph is bit 31.
    const fewer = packMentions(mentionsAt([...named.slice(0, 31).map((p): [string, number] => ['a', p * 100 + 5]), ['b', named[31] * 100 + 5]]), starts);
    assert.equal(fewer.groups[0], 0);
    assert.deepEqual(setsOf(fewer), { a: 0x7fffffff, b: 1 << 31 });
  });

  it('shares as many paragraphs between two entities as the article does, by sets or by the table (property)', () => {
    const articleArb = fc.integer({ min: 1, max: 45 }).chain((paragraphs) =>
      fc.tuple(fc.constant(paragraphs), fc.array(fc.record({ entityId: fc.constantFrom('a', 'b', 'c'), paragraph: fc.nat(paragraphs - 1), offset: fc.nat(90) }), { maxLength: 80 })),
    );
    fc.assert(
      fc.property(articleArb, ([paragraphs, drawn]) => {
        const starts = Array.from({ length: paragraphs }, (_, p) => p * 100);
        const mentions = drawn.map(({ entityId, paragraph, offset }) => toMention({ entityId, start: paragraph * 100 + offset, length: 3, type: 'place', strong: false, canonical: 'A' })).sort((x, y) => x.start - y.start);
        const packed = packMentions(mentions, starts);
        assert.ok(isPackedMentions(packed));
        const { groups } = packed;
        const paragraphsOf = (id: string) => new Set(mentions.filter((m) => m.entityId === id).map((m) => Math.floor(m.start / 100)));
        const fromPack = (place: number): Set<number> => {
          const at = findGroup(groups, place);
          if (groups[0] === 0) return new Set([...Array(32).keys()].filter((bit) => (groups[at + PACK_PARAGRAPHS] >>> bit) & 1));
          const found = new Set<number>();
          for (let span = at + PACK_HEADER; span < at + PACK_HEADER + 2 * groups[at + 2]; span += 2) found.add(paragraphOf(groups, groups[span]));
          return found;
        };
        const named = new Set(mentions.map((m) => Math.floor(m.start / 100))).size;
        assert.equal(groups[0], packed.ids.length > 1 && named > 32 ? named - 1 : 0);
        if (packed.ids.length < 2) return;
        for (const [x, idX] of packed.ids.entries()) {
          assert.equal(fromPack(x).size, paragraphsOf(idX).size);
          for (const [y, idY] of packed.ids.entries()) {
            const shared = [...paragraphsOf(idX)].filter((p) => paragraphsOf(idY).has(p)).length;
            assert.equal([...fromPack(x)].filter((p) => fromPack(y).has(p)).length, shared);
          }
        }
      }),
    );
  });
});

describe('bitCount', () => {
  const cases: [number, number][] = [[0, 0], [1, 1], [0b1011, 3], [0x7fffffff, 31], [1 << 31, 1], [-1, 32], [0x55555555, 16]];
  for (const [set, bits] of cases) it(`counts ${bits} bits in ${set}`, () => assert.equal(bitCount(set), bits));
  it('counts as a loop over the bits does (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (set) => assert.equal(bitCount(set), [...Array(32).keys()].filter((bit) => (set >>> bit) & 1).length)));
  });
});

describe('isPackedMentions', () => {
  // Two groups after an empty paragraph table: a (one mention, strong, in the first paragraph) and b (two, in both).
  const good = (): PackedMentions => ({ ids: ['a', 'b'], names: ['A', 'B'], known: [1, 0], groups: Int32Array.of(0, 0, 0 | (1 << PACK_TYPE_BITS), 1, 0, 0b01, 3, 5, 1, 2, 2, 0, 0b11, 7, 9, 11, 13) });
  /** `good()` with other groups after its empty paragraph table. */
  const withGroups = (...groups: number[]): PackedMentions => ({ ...good(), groups: Int32Array.of(0, ...groups) });
  const cases: [string, unknown][] = [
    ['not an object', 'packed'],
    ['null', null],
    ['groups not an Int32Array', { ...good(), groups: [0, 0, 0, 1, 0, 1, 3, 5] }],
    ['known not an array', { ...good(), known: Uint8Array.of(1, 0) }],
    ['known neither 0 nor 1', { ...good(), known: [1, 2] }],
    ['names and ids of different lengths', { ...good(), names: ['A'] }],
    ['an id not a string', { ...good(), ids: ['a', 2] }],
    ['an entity listed twice', { ...good(), ids: ['a', 'a'] }],
    ['a group naming no entity of the list', withGroups(0, 0, 1, 0, 1, 3, 5, 2, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['an entity in two groups', withGroups(0, 0, 1, 0, 1, 3, 5, 0, 2, 1, 0, 1, 7, 9, 1, 0, 1, 0, 1, 1, 2)],
    ['an entity in no group', withGroups(0, 0, 1, 0, 1, 3, 5)],
    ['a type out of range', withGroups(0, 7, 1, 0, 1, 3, 5, 1, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['more strong mentions than mentions', withGroups(0, 2 << PACK_TYPE_BITS, 1, 0, 1, 3, 5, 1, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['a count of none', withGroups(0, 0, 0, 0, 1, 1, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['spans past the end', withGroups(0, 0, 1, 0, 1, 3, 5, 1, 2, 3, 0, 1, 7, 9, 11, 13)],
    ['a span that ends before it starts', withGroups(0, 0, 1, 0, 1, 5, 3, 1, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['a span that starts before the text', withGroups(0, 0, 1, 0, 1, -1, 3, 1, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['a header cut short', withGroups(0, 0, 1, 0, 1, 3, 5, 1, 2, 2)],
    ['a group in no paragraph', withGroups(0, 0, 1, 0, 0, 3, 5, 1, 2, 2, 0, 1, 7, 9, 11, 13)],
    ['no paragraph table', { ...good(), groups: new Int32Array(0) }],
    ['a paragraph table longer than the pack', { ...good(), groups: Int32Array.of(20, 10, 0, 0, 1, 0, 0, 3, 5, 1, 2, 2, 0, 0, 7, 9, 11, 13) }],
    ['a paragraph table of a negative length', { ...good(), groups: Int32Array.of(-1, 0, 0, 1, 0, 0, 3, 5, 1, 2, 2, 0, 0, 7, 9, 11, 13) }],
    ['paragraph starts not ascending', { ...good(), groups: Int32Array.of(2, 10, 10, 0, 0, 1, 0, 0, 3, 5, 1, 2, 2, 0, 0, 7, 9, 11, 13) }],
    ['a paragraph starting before the text', { ...good(), groups: Int32Array.of(1, -4, 0, 0, 1, 0, 0, 3, 5, 1, 2, 2, 0, 0, 7, 9, 11, 13) }],
    ['a set of paragraphs beside a table', { ...good(), groups: Int32Array.of(1, 10, 0, 0, 1, 0, 1, 3, 5, 1, 2, 2, 0, 0, 7, 9, 11, 13) }],
  ];
  it('takes a well-formed pack, and one with a paragraph table', () => {
    assert.ok(isPackedMentions(good()));
    assert.ok(isPackedMentions({ ...good(), groups: Int32Array.of(1, 10, 0, 0, 1, 0, 0, 3, 5, 1, 2, 2, 0, 0, 7, 9, 11, 13) }));
  });
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
