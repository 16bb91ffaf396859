// A body defined by its abbreviation in brackets (`Direktoratet for samfunnssikkerhet og beredskap (DSB)`): where the
// long form starts, that its letters spell the abbreviation, and that the mentions stay in order and whole.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { definitionsIn, withAbbreviations } from '../../src/core/entities/abbreviations';
import type { EntityMention } from '../../src/core/entities/types';

const CASES: readonly { readonly text: string; readonly expected: readonly (readonly [string, string])[] }[] = [
  { text: 'Direktoratet for samfunnssikkerhet og beredskap (DSB) sendte fly.', expected: [['Direktoratet for samfunnssikkerhet og beredskap', 'DSB']] },
  { text: 'Varselet kom fra Norges vassdrags- og energidirektorat (NVE) i går.', expected: [['Norges vassdrags- og energidirektorat', 'NVE']] },
  { text: 'Ifølge Statens vegvesen (SV) er veien stengt.', expected: [['Statens vegvesen', 'SV']] },
  { text: 'Det sa Nadia Haddad (SV) i går.', expected: [] },
  { text: 'Han kom (DSB) i går.', expected: [] },
  { text: 'Norsk institutt for naturforskning (NINA) teller ulv.', expected: [['Norsk institutt for naturforskning', 'NINA']] },
  { text: 'Ifølge Nasjonal sikkerhetsmyndighet (NSM) ble tjue kommuner rammet.', expected: [['Nasjonal sikkerhetsmyndighet', 'NSM']] },
  { text: 'Han viste til Bergen (BSM) i går.', expected: [] },
  { text: 'Direktoratet for samfunnssikkerhet og beredskap\n(DSB) sendte fly.', expected: [] },
];

describe('abbreviations defined in brackets', () => {
  for (const { text, expected } of CASES) {
    it(`finds ${expected.length ? expected.map(([long]) => long).join(', ') : 'no definition'} in ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepEqual(
        definitionsIn(text).map((d) => [text.slice(d.start, d.end), d.abbreviation]),
        expected,
      );
    });
  }

  it('gives the long form one organisation and links the abbreviation there and after', () => {
    const text = 'Direktoratet for samfunnssikkerhet og beredskap (DSB) sendte fly. – Vi er klare, skriver DSB.';
    const at = (word: string, from = 0): number => text.indexOf(word, from);
    const rule = (start: number, word: string, type: EntityMention['type']): EntityMention => ({ start, end: start + word.length, text: word, type, entityId: `unknown-${word.toLowerCase()}`, canonical: word, source: 'rule' });
    const mentions = [rule(at('Direktoratet'), 'Direktoratet', 'organization'), rule(at('DSB'), 'DSB', 'organization'), rule(at('DSB', at('skriver')), 'DSB', 'person')];
    const result = withAbbreviations(text, mentions, (name) => `unknown-${name.toLowerCase().replace(/\s+/gu, '-')}`);
    assert.deepEqual(result.map((m) => [m.text, m.type, m.canonical]), [
      ['Direktoratet for samfunnssikkerhet og beredskap', 'organization', 'Direktoratet for samfunnssikkerhet og beredskap'],
      ['DSB', 'organization', 'Direktoratet for samfunnssikkerhet og beredskap'],
      ['DSB', 'organization', 'Direktoratet for samfunnssikkerhet og beredskap'],
    ]);
    assert.equal(new Set(result.map((m) => m.entityId)).size, 1);
  });

  it('keeps any mentions in text order, none overlapping, each slicing the text', () => {
    const pieces = ['Direktoratet', 'for', 'samfunnssikkerhet', 'og', 'beredskap', '(DSB)', 'DSB', 'Norges', 'vassdrags-', 'energidirektorat', '(NVE)', '(KD)', 'Kari', 'Dahl', '.', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (words, picks) => {
        const text = words.join(' ');
        // Mentions of single capitalised words of the text, in order and apart.
        const starts: number[] = [];
        for (let i = text.search(/\p{Lu}/u); i >= 0 && i < text.length; ) {
          starts.push(i);
          const next = text.slice(i + 1).search(/ \p{Lu}/u);
          i = next < 0 ? -1 : i + 2 + next;
        }
        const chosen = [...new Set(picks.map((p) => starts[p % Math.max(1, starts.length)]).filter((s) => s !== undefined))].sort((a, b) => a - b);
        const mentions: EntityMention[] = chosen.map((start) => {
          const word = /^[\p{L}()-]+/u.exec(text.slice(start))?.[0] ?? text[start];
          return { start, end: start + word.length, text: word, type: 'organization', entityId: `e${start}`, canonical: word, source: 'rule' };
        });
        let end = 0;
        for (const m of withAbbreviations(text, mentions, (name) => `unknown-${name}`)) {
          assert.equal(text.slice(m.start, m.end), m.text);
          assert.ok(m.start >= end, 'in order, none overlapping');
          end = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
