import * as assert from 'node:assert/strict';
import { compilePhrases } from '../../src/core/entities/phrases';

const phrases = ['Jens Stoltenberg', 'Jens', 'Nato', 'USA', 'Oslo', 'Hans', 'Han Solo', 'Møre og Romsdal', 'Ål', 'Le Drian', 'Co-operation in Europe'];
const matcher = compilePhrases(phrases);

/** `text` → the matched spans as they stand in the text, with the phrase each is. */
function spans(text: string): [string, string][] {
  return matcher.find(text).map((m) => [text.slice(m.start, m.end), m.phrase]);
}

describe('the phrase matcher', () => {
  const cases: [string, string, [string, string][]][] = [
    ['finds a phrase as a whole word', 'Møte i Oslo i dag', [['Oslo', 'Oslo']]],
    ['does not find it inside a longer word', 'Oslofjorden og Oslos', [['Oslos', 'Oslo']]],
    ['treats æ, ø and å as letters at both ends', 'Ålesund, Ål og Osloø', [['Ål', 'Ål']]],
    ['takes the longest phrase at a place', 'Jens Stoltenberg og Jens', [['Jens Stoltenberg', 'Jens Stoltenberg'], ['Jens', 'Jens']]],
    ['accepts any white space between words', 'Jens\nStoltenberg og Jens  Stoltenberg', [['Jens\nStoltenberg', 'Jens Stoltenberg'], ['Jens  Stoltenberg', 'Jens Stoltenberg']]],
    ['links a genitive -s', 'Natos og USAs', [['Natos', 'Nato'], ['USAs', 'USA']]],
    ["links a genitive with an apostrophe, straight or typographic", "Nato's mål, USA’s og Jens' hus", [["Nato's", 'Nato'], ['USA’s', 'USA'], ["Jens'", 'Jens']]],
    ['prefers a phrase ending in s to a genitive', 'Hans kom', [['Hans', 'Hans']]],
    ['finds the name part of a hyphenated compound', 'Nato-landene og anti-Nato', [['Nato', 'Nato'], ['Nato', 'Nato']]],
    ['keeps lower-case linking words and hyphens inside a phrase', 'i Møre og Romsdal, Co-operation in Europe', [['Møre og Romsdal', 'Møre og Romsdal'], ['Co-operation in Europe', 'Co-operation in Europe']]],
    ['falls back to a shorter phrase when the longer one ends inside a word', 'Jens Stoltenbergsen', [['Jens', 'Jens']]],
    ['finds a particle surname', 'sa Le Drian.', [['Le Drian', 'Le Drian']]],
    ['ignores case differences', 'OSLO og oslo', []],
    ['counts positions in UTF-16 units after emoji', '🙂 Oslo', [['Oslo', 'Oslo']]],
    ['finds nothing in an empty text', '', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(spans(text), expected));
  }

  it('reports offsets that slice the text', () => {
    const text = '🙂 Møte: Jens Stoltenbergs tale i Oslo.';
    for (const m of matcher.find(text)) assert.equal(text.slice(m.start, m.end).replace(/s$/, ''), m.phrase);
  });

  it('finds nothing with no phrases', () => {
    assert.deepEqual(compilePhrases([]).find('Oslo'), []);
  });

  it('ignores phrases that start with neither letter nor digit, and squashes their white space', () => {
    const m = compilePhrases(['«Oslo»', 'Jens   Stoltenberg']);
    assert.deepEqual(m.find('«Oslo» Jens Stoltenberg').map((x) => x.phrase), ['Jens Stoltenberg']);
  });
});
