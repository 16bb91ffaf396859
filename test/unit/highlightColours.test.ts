import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PALETTE, highlightColourId, highlightCssVariable } from '../../src/core/annotations/colours';
import { type Rgba, colourDistance, contrastRatio, over, parseColour, tint } from '../../src/core/colour';
import { ENTITY_TYPES, type EntityType } from '../../src/core/entities/types';

/**
 * The theme values the reader draws names in: `--vscode-charts-*` (the entity
 * type colours, src/vscode/services/entities/entityStyle.ts and media/reader/reader.css),
 * the editor background and foreground. Source: read from the reader webview's
 * computed style in code-server 4.139.1 (VS Code 1.139.1) in each theme; they
 * are the colour registry's defaults (charts.blue = editorInfo.foreground,
 * charts.yellow = editorWarning.foreground, charts.red = editorError.foreground,
 * charts.orange = minimap.findMatchHighlight, which has no value in high
 * contrast, so reader.css's fallback #d18616 is drawn). High Contrast Light
 * is from the same registry defaults (hcLight).
 */
const THEMES: readonly {
  readonly name: string;
  /** The key of package.json's colour defaults for this kind of theme. */
  readonly kind: 'light' | 'dark' | 'highContrast' | 'highContrastLight';
  readonly background: string;
  readonly entities: Readonly<Record<EntityType, string>>;
  /** Names get a tint under them (the share of their colour) besides the underline; none in high contrast. */
  readonly nameTint: boolean;
}[] = [
  {
    name: 'Default Light Modern',
    kind: 'light',
    background: '#ffffff',
    entities: { person: '#0063d3', organization: '#652d90', place: '#388a34', event: 'rgba(234, 92, 0, 0.33)', other: '#bf8803' },
    nameTint: true,
  },
  {
    name: 'Default Dark Modern',
    kind: 'dark',
    background: '#1f1f1f',
    entities: { person: '#59a4f9', organization: '#b180d7', place: '#89d185', event: 'rgba(234, 92, 0, 0.33)', other: '#cca700' },
    nameTint: true,
  },
  {
    name: 'Default High Contrast',
    kind: 'highContrast',
    background: '#000000',
    entities: { person: '#59a4f9', organization: '#b180d7', place: '#89d185', event: '#d18616', other: '#ffd370' },
    nameTint: false,
  },
  {
    name: 'Default High Contrast Light',
    kind: 'highContrastLight',
    background: '#ffffff',
    entities: { person: '#0063d3', organization: '#652d90', place: '#374e06', event: '#d18616', other: '#895503' },
    nameTint: false,
  },
];

/** Every highlight against every look of a name (its tint and its underline): CIEDE2000 at least this. */
const MIN_DISTANCE_FROM_NAMES = 15;
/** The highlight colours among themselves. */
const MIN_DISTANCE_BETWEEN_HIGHLIGHTS = 12;
/** WCAG AA for body text. */
const MIN_CONTRAST = 4.5;

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { colors?: { id: string; defaults: Record<string, string> }[] };
};
const css = readFileSync(join(root, 'media', 'reader', 'reader.css'), 'utf8');

function themeColour(id: string, kind: string): Rgba {
  const entry = manifest.contributes.colors?.find((colour) => colour.id === id);
  assert.ok(entry, `package.json contributes the colour ${id}`);
  const parsed = parseColour(entry.defaults[kind] ?? '');
  assert.ok(parsed, `${id} has a colour value for ${kind}: ${entry.defaults[kind]}`);
  return parsed;
}

function colour(css: string): Rgba {
  const parsed = parseColour(css);
  assert.ok(parsed, css);
  return parsed;
}

/**
 * The shares of a name's colour in the tints reader.css draws on `.entity` (under the pointer, on focus,
 * on marked mentions and in the `tint` style): each is checked against the highlights.
 */
function nameTintShares(): number[] {
  const shares = new Set<number>();
  for (const rule of css.matchAll(/\n([^{}]*\.entity[^{}]*)\{([^}]*)\}/g)) {
    for (const mix of rule[2].matchAll(/background: color-mix\(in srgb, var\(--entity-color\) (\d+)%, transparent\)/g)) shares.add(Number(mix[1]) / 100);
  }
  assert.ok(shares.size > 0, 'reader.css tints .entity with color-mix');
  return [...shares].sort();
}

describe('highlight colours against the names’ colours', () => {
  it('reader.css draws each highlight in its own theme colour, with its own text colour', () => {
    for (const name of PALETTE) assert.ok(css.includes(`--anno-${name}: var(${highlightCssVariable(name)},`), `reader.css draws ${name} in ${highlightCssVariable(name)}`);
    assert.match(css, /\n\.anno \{[^}]*background-color: var\(--anno-color\);[^}]*color: var\(--anno-text\);/);
    assert.ok(css.includes(`--anno-text: var(${highlightCssVariable('foreground')},`));
  });

  for (const theme of THEMES) {
    describe(theme.name, () => {
      const background = colour(theme.background);
      const text = themeColour(highlightColourId('foreground'), theme.kind);
      const shares = nameTintShares();
      const looks = ENTITY_TYPES.flatMap((type) => {
        const entity = colour(theme.entities[type]);
        const line = { look: `${type} underline`, colour: over(entity, background) };
        return theme.nameTint ? [line, ...shares.map((share) => ({ look: `${type} tint ${share * 100}%`, colour: tint(entity, share, background) }))] : [line];
      });
      const fills = PALETTE.map((name) => ({ name, fill: over(themeColour(highlightColourId(name), theme.kind), background) }));

      for (const { name, fill } of fills) {
        it(`${name}: far from every name’s colour, and its text readable`, () => {
          for (const { look, colour: seen } of looks) {
            const distance = colourDistance(fill, seen);
            assert.ok(distance >= MIN_DISTANCE_FROM_NAMES, `${name} highlight vs ${look}: ΔE00 ${distance.toFixed(1)} < ${MIN_DISTANCE_FROM_NAMES}`);
          }
          const contrast = contrastRatio(text, fill);
          assert.ok(contrast >= MIN_CONTRAST, `text on the ${name} highlight: ${contrast.toFixed(2)}:1`);
          // A name inside the highlight: its tint over the fill, the text still readable.
          if (theme.nameTint) {
            for (const type of ENTITY_TYPES) {
              for (const share of shares) {
                const under = tint(colour(theme.entities[type]), share, fill);
                const ratio = contrastRatio(text, under);
                assert.ok(ratio >= MIN_CONTRAST, `a ${type} name tinted ${share * 100}% in the ${name} highlight: ${ratio.toFixed(2)}:1`);
              }
            }
          }
          const fromPage = colourDistance(fill, background);
          assert.ok(fromPage >= MIN_DISTANCE_FROM_NAMES, `${name} highlight vs the page: ΔE00 ${fromPage.toFixed(1)}`);
        });
      }

      it('the highlights differ from each other', () => {
        for (const [i, a] of fills.entries()) {
          for (const b of fills.slice(i + 1)) {
            const distance = colourDistance(a.fill, b.fill);
            assert.ok(distance >= MIN_DISTANCE_BETWEEN_HIGHLIGHTS, `${a.name} vs ${b.name}: ΔE00 ${distance.toFixed(1)}`);
          }
        }
      });
    });
  }
});

describe('colour arithmetic', () => {
  // Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula", table 1.
  const pairs: [[number, number, number], [number, number, number], number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, -1, 2], [50, 0, 0], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  it('CIEDE2000 matches the published test pairs', async () => {
    const { deltaE2000 } = await import('../../src/core/colour');
    for (const [[l1, a1, b1], [l2, a2, b2], expected] of pairs) {
      assert.equal(deltaE2000({ l: l1, a: a1, b: b1 }, { l: l2, a: a2, b: b2 }).toFixed(4), expected.toFixed(4));
    }
  });

  it('parses hex and rgba(), and rejects anything else', () => {
    assert.deepEqual(parseColour('#0063D3'), { r: 0, g: 99, b: 211, a: 1 });
    assert.deepEqual(parseColour('#fff'), { r: 255, g: 255, b: 255, a: 1 });
    assert.deepEqual(parseColour('#EA5C0055'), { r: 234, g: 92, b: 0, a: 0x55 / 255 });
    assert.deepEqual(parseColour('rgba(234, 92, 0, 0.33)'), { r: 234, g: 92, b: 0, a: 0.33 });
    for (const bad of ['', 'red', '#12', 'rgb(300, 0, 0)', 'rgba(1, 2, 3, 2)']) assert.equal(parseColour(bad), undefined, bad);
  });

  it('contrast: black on white is 21:1, and a colour on itself 1:1', () => {
    assert.equal(contrastRatio(colour('#000000'), colour('#ffffff')), 21);
    assert.equal(contrastRatio(colour('#3b3b3b'), colour('#3b3b3b')), 1);
    // #767676 on white is the well-known 4.54:1.
    assert.equal(contrastRatio(colour('#767676'), colour('#ffffff')).toFixed(2), '4.54');
  });
});
