import * as assert from 'node:assert/strict';
import { loadArticle } from '../../src/core/load';
import { compareNorwegian, decodeArticleBytes, isWordChar, normalizeLineEndings, truncateAtWord } from '../../src/core/text';
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

  const letters: [string, boolean][] = [['æ', true], ['ø', true], ['å', true], ['Å', true], ['é', true], ['ü', true], ['7', true], ['-', false], [' ', false], ['«', false]];
  for (const [ch, expected] of letters) {
    it(`counts "${ch}" as ${expected ? '' : 'not '}a word character`, () => assert.equal(isWordChar(ch), expected));
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
