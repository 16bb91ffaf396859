import * as assert from 'node:assert/strict';
import { describeRange } from '../../src/core/annotations/anchoring';
import { DEFAULT_COLOURS, paletteColourOf, parseColours } from '../../src/core/annotations/colours';
import { createAnnotation, textHash } from '../../src/core/annotations/model';
import { placeAnnotations } from '../../src/core/annotations/placement';

describe('highlight colours from the settings', () => {
  const cases: { name: string; value: unknown; colours: string[]; problems: number }[] = [
    { name: 'no setting: the defaults', value: undefined, colours: DEFAULT_COLOURS.map((c) => c.name), problems: 0 },
    { name: 'not a list: the defaults', value: 'yellow', colours: DEFAULT_COLOURS.map((c) => c.name), problems: 1 },
    { name: 'own names', value: [{ name: 'Påstand', colour: 'yellow' }, { name: 'Kilde', colour: 'purple' }], colours: ['Påstand', 'Kilde'], problems: 0 },
    { name: 'an unknown colour is skipped', value: [{ name: 'A', colour: 'pink' }, { name: 'B', colour: 'green' }], colours: ['B'], problems: 1 },
    { name: 'a name twice (any case) is skipped', value: [{ name: 'A', colour: 'red' }, { name: ' a ', colour: 'green' }], colours: ['A'], problems: 1 },
    { name: 'nothing usable: the defaults', value: [{ colour: 'red' }, null, 3], colours: DEFAULT_COLOURS.map((c) => c.name), problems: 4 },
    {
      name: 'at most nine',
      value: Array.from({ length: 11 }, (_, i) => ({ name: `C${i}`, colour: 'blue' })),
      colours: Array.from({ length: 9 }, (_, i) => `C${i}`),
      problems: 2,
    },
  ];
  for (const { name, value, colours, problems } of cases) {
    it(name, () => {
      const parsed = parseColours(value);
      assert.deepEqual(
        parsed.colours.map((c) => c.name),
        colours,
      );
      assert.equal(parsed.problems.length, problems, parsed.problems.join('; '));
    });
  }

  it('finds the palette colour of a name, and none for a name no longer set', () => {
    assert.equal(paletteColourOf(DEFAULT_COLOURS, 'Question'), 'blue');
    assert.equal(paletteColourOf(DEFAULT_COLOURS, 'Gone'), undefined);
  });
});

describe('placing an article’s annotations', () => {
  const text = 'Putin talte. Biden svarte. Putin svarte igjen.';
  const make = (id: string, start: number, end: number, created: string) =>
    createAnnotation({
      id,
      now: new Date(created),
      source: 'a.txt',
      textHash: textHash(text),
      selectors: describeRange(text, start, end),
      content: { note: '', tags: [], colour: 'Key claim' },
    });
  const second = make('b', 27, 32, '2026-01-02T00:00:00Z');
  const first = make('a', 0, 5, '2026-01-03T00:00:00Z');
  const wide = make('c', 0, 12, '2026-01-01T00:00:00Z');

  it('puts them in text order, the longer first where they start together', () => {
    const { placed, orphans } = placeAnnotations(text, [second, first, wide]);
    assert.deepEqual(
      placed.map((p) => [p.annotation.id, p.start, p.end]),
      [
        ['c', 0, 12],
        ['a', 0, 5],
        ['b', 27, 32],
      ],
    );
    assert.equal(orphans.length, 0);
  });

  it('makes every one an orphan when the article is gone, oldest first', () => {
    const { placed, orphans } = placeAnnotations(undefined, [second, first, wide]);
    assert.equal(placed.length, 0);
    assert.deepEqual(
      orphans.map((o) => o.annotation.id),
      ['c', 'b', 'a'],
    );
  });

  it('makes an annotation whose words were deleted an orphan and places the rest', () => {
    const edited = 'Putin talte. Biden svarte.';
    const { placed, orphans } = placeAnnotations(edited, [second, first]);
    assert.deepEqual(
      placed.map((p) => p.annotation.id),
      ['a'],
    );
    assert.deepEqual(
      orphans.map((o) => o.annotation.id),
      ['b'],
    );
  });
});
