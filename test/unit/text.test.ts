import * as assert from 'node:assert/strict';
import { loadArticle } from '../../src/core/load';
import { compareNorwegian, decodeArticleBytes, normalizeLineEndings, startsUpperCase, wordCharAt, truncateAtWord } from '../../src/core/text';
import { readSeedBytes } from './helpers';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeArticleBytes', () => {
  it('decodes UTF-8 and removes a byte-order mark', () => {
    const result = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(' date 2022-02 Støre')]));
    assert.ok(result.ok);
    assert.equal(result.value.text, ' date 2022-02 Støre');
    assert.equal(result.value.hadBom, true);
    assert.equal(result.value.warning, undefined);
  });

  it('refuses an empty file', () => {
    assert.deepEqual(decodeArticleBytes(bytes()), { ok: false, reason: 'The file is empty.' });
  });

  it('refuses a binary file', () => {
    const result = decodeArticleBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /binary/);
  });

  it('reads a Latin-1 file as Windows-1252, with a warning', () => {
    // " date 2022-02 Støre" in Latin-1: ø is 0xF8.
    const result = decodeArticleBytes(bytes(...utf8(' date 2022-02 St'), 0xf8, ...utf8('re')));
    assert.ok(result.ok);
    assert.equal(result.value.text, ' date 2022-02 Støre');
    assert.equal(result.value.encoding, 'windows-1252');
    assert.match(result.value.warning ?? '', /Windows-1252/);
  });

  it('keeps damaged UTF-8 as UTF-8 with replacement characters, saying where', () => {
    const result = decodeArticleBytes(bytes(...utf8(' date 2022-02 Støre '), 0xc3, 0x28, ...utf8(' og Jonas')));
    assert.ok(result.ok);
    assert.equal(result.value.encoding, 'utf-8');
    assert.ok(result.value.text.includes('Støre \uFFFD('));
    assert.match(result.value.warning ?? '', /1 invalid UTF-8 sequence \(the first at byte 21\)/);
  });

  it('carries decoding warnings onto the article', () => {
    const seed = readSeedBytes('004');
    const latin1 = new Uint8Array(new TextEncoder().encode(new TextDecoder().decode(seed)).length);
    // Re-encode the seed as Latin-1 (every character of the seed is in Latin-1 except the dashes).
    const text = new TextDecoder().decode(seed).replace(/–/g, '-');
    for (let i = 0; i < text.length; i++) latin1[i] = text.charCodeAt(i);
    const result = loadArticle(latin1.subarray(0, text.length));
    assert.ok(result.ok);
    assert.equal(result.article.title, 'Intenst diplomati - inviterer Russland til nye Nato-møter');
    assert.equal(result.article.warnings.length, 1);
  });
});

describe('text helpers', () => {
  it('normalises CRLF and CR to LF', () => {
    assert.equal(normalizeLineEndings('a\r\nb\rc\nd'), 'a\nb\nc\nd');
  });

  // [text, index, expected width]: æ, ø and å are letters; a letter outside the BMP is two units wide.
  const letters: [string, number, number][] = [
    ['æ', 0, 1], ['ø', 0, 1], ['å', 0, 1], ['Å', 0, 1], ['é', 0, 1], ['ü', 0, 1], ['7', 0, 1], ['e\u0301', 1, 1], ['Ж', 0, 1],
    ['-', 0, 0], [' ', 0, 0], ['«', 0, 0], ['’', 0, 0], ['😀', 0, 0], ['𝐀', 0, 2], ['ab', 2, 0], ['', 0, 0],
  ];
  for (const [text, index, width] of letters) {
    it(`measures the word character at ${index} of "${text}" as ${width} wide`, () => assert.equal(wordCharAt(text, index), width));
  }
  // The same answer twice: the second comes from the table the first filled in.
  it('answers from its table as it did the first time', () => {
    assert.equal(wordCharAt('ŋ', 0), 1);
    assert.equal(wordCharAt('ŋ', 0), 1);
    assert.equal(wordCharAt('¶', 0), 0);
    assert.equal(wordCharAt('¶', 0), 0);
  });

  const capitals: [string, boolean][] = [['Oslo', true], ['Ørsta', true], ['Ålesund', true], ['øst', false], ['NATO', true], ['3M', false], ['', false]];
  for (const [word, expected] of capitals) {
    it(`says "${word}" ${expected ? 'starts' : 'does not start'} with a capital`, () => assert.equal(startsUpperCase(word), expected));
  }

  it('sorts æ, ø, å after z, in that order', () => {
    assert.deepEqual(['Årdal', 'Øvre', 'Zeta', 'Ærlig', 'Alta'].sort(compareNorwegian), ['Alta', 'Zeta', 'Ærlig', 'Øvre', 'Årdal']);
  });

  it('truncates at a word boundary', () => {
    assert.equal(truncateAtWord('Putin og Macron enige om å trappe opp', 20), 'Putin og Macron…');
    assert.equal(truncateAtWord('Kort', 20), 'Kort');
    assert.equal(truncateAtWord('Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning', 48), 'Putin og Macron enige om å trappe opp forsøk på…');
  });
});
