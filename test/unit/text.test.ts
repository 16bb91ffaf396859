import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadArticle } from '../../src/core/load';
import {
  compareNorwegian,
  decodeArticleBytes,
  FoldCache,
  foldForMatching,
  normalizeLineEndings,
  scanUtf16,
  scanUtf8,
  startsUpperCase,
  isLowerCaseAt,
  wordBeforeIsCapitalised,
  wordCharAt,
  truncateAtWord,
} from '../../src/core/text';
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

describe('invalid UTF-8, counted as the decoder replaces it', () => {
  const lenient = new TextDecoder('utf-8', { fatal: false });
  const replacements = (text: string) => [...text].filter((c) => c === '\uFFFD').length;
  // [what, bytes, U+FFFD the WHATWG decoder puts in, offset of the first bad byte]
  const table: [string, number[], number, number][] = [
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 3, 0],
    ['an encoded low surrogate', [0xed, 0xbf, 0xbf], 3, 0],
    ['a 3-byte overlong slash', [0xe0, 0x80, 0xaf], 3, 0],
    ['a 2-byte overlong slash', [0xc0, 0xaf], 2, 0],
    ['a 4-byte overlong', [0xf0, 0x80, 0x80, 0xaf], 4, 0],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 4, 0],
    ['a truncated 3-byte sequence at the end', [0x41, 0xe2, 0x82], 1, 1],
    ['a truncated 4-byte sequence before ASCII', [0xf0, 0x9f, 0x98, 0x41], 1, 0],
    ['a truncated 2-byte sequence before another lead', [0xc3, 0xc3, 0xa5], 1, 0],
    ['a lone continuation byte', [0x41, 0x80, 0x42], 1, 1],
    ['three continuation bytes', [0x80, 0xbf, 0x80], 3, 0],
    ['a 5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80], 5, 0],
    ['a 6-byte form', [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80], 6, 0],
    ['FE and FF', [0x41, 0xfe, 0xff], 2, 1],
    ['a valid 4-byte sequence', [0xf0, 0x9f, 0x98, 0x80], 0, -1],
    ['valid æ, ø and å', [0xc3, 0xa6, 0xc3, 0xb8, 0xc3, 0xa5], 0, -1],
    ['a real U+FFFD', [0xef, 0xbf, 0xbd], 0, -1],
  ];
  for (const [what, input, count, first] of table) {
    it(`counts ${count} for ${what}, the first at byte ${first}`, () => {
      const scan = scanUtf8(new Uint8Array(input));
      assert.deepEqual([scan.invalid, scan.firstInvalid], [count, first]);
      assert.equal(replacements(lenient.decode(new Uint8Array(input))) - scan.literalReplacements, count);
    });
  }

  it('warns about an encoded surrogate with the count and where it starts', () => {
    const result = decodeArticleBytes(new Uint8Array([...utf8(' date 2022-02 Støre '), 0xed, 0xa0, 0x80, ...utf8(' og Jonas')]));
    assert.ok(result.ok);
    assert.equal(result.value.encoding, 'utf-8');
    assert.equal(result.value.text, ' date 2022-02 Støre \uFFFD\uFFFD\uFFFD og Jonas');
    assert.equal(result.value.warning, 'The file has 3 invalid UTF-8 sequences (the first at byte 21); they are shown as \uFFFD.');
  });

  it('counts an overlong form, and the byte-order mark in the offset', () => {
    const result = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Støre '), 0xe0, 0x80, 0xaf]));
    assert.ok(result.ok);
    assert.equal(result.value.warning, 'The file has 3 invalid UTF-8 sequences (the first at byte 10); they are shown as \uFFFD.');
  });

  // Bytes drawn mostly from the ranges where UTF-8 goes wrong, with whole valid sequences mixed in.
  const interesting = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((b) => [b]),
    fc.constantFrom(0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xfc, 0xfe).map((b) => [b]),
    fc.constantFrom([0xc3, 0xb8], [0xef, 0xbf, 0xbd], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0x9f, 0xbf], [0xe2, 0x80, 0x93], [0x41]),
  );
  const byteArrays = fc.array(interesting, { maxLength: 40 }).map((parts) => new Uint8Array(parts.flat()));

  it('counts exactly the U+FFFD the WHATWG decoder puts in, for any bytes', () => {
    fc.assert(
      fc.property(byteArrays, (bytes) => {
        const scan = scanUtf8(bytes);
        assert.equal(scan.invalid, replacements(lenient.decode(bytes)) - scan.literalReplacements);
      }),
      { numRuns: 2000 },
    );
  });

  it('names as the first bad byte one before which the bytes are valid UTF-8', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(byteArrays, (bytes) => {
        const scan = scanUtf8(bytes);
        const valid = (part: Uint8Array) => {
          try {
            fatal.decode(part);
            return true;
          } catch {
            return false;
          }
        };
        if (scan.firstInvalid < 0) return valid(bytes);
        return valid(bytes.subarray(0, scan.firstInvalid)) && !valid(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly the U+FFFD the WHATWG UTF-16 decoder puts in, for any bytes', () => {
    const utf16 = new TextDecoder('utf-16le', { fatal: false });
    const units = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffd, 0x41));
    const bytes = fc.tuple(fc.array(units, { maxLength: 30 }), fc.boolean()).map(([codes, odd]) => {
      const out = codes.flatMap((c) => [c & 0xff, c >> 8]);
      if (odd) out.push(0x41);
      return new Uint8Array(out);
    });
    fc.assert(
      fc.property(bytes, (input) => {
        const scan = scanUtf16(input);
        assert.equal(scan.invalid, replacements(utf16.decode(input)) - scan.literalReplacements);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('UTF-16 files', () => {
  // A seed with a letter outside the BMP added: a surrogate pair in UTF-16.
  const article = new TextDecoder().decode(readSeedBytes('004')) + '\nJonas Gahr Støre 😀 var i Ålesund.\n';
  const utf16le = (text: string) => {
    const out = [0xff, 0xfe];
    for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
    return new Uint8Array(out);
  };
  const utf16be = (text: string) => {
    const out = [0xfe, 0xff];
    for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
    return new Uint8Array(out);
  };

  for (const [name, encode, encoding] of [['little', utf16le, 'utf-16le'], ['big', utf16be, 'utf-16be']] as const) {
    it(`decodes ${name}-endian UTF-16 with a byte-order mark, and parses it as an article`, () => {
      const result = decodeArticleBytes(encode(article));
      assert.deepEqual(result, { ok: true, value: { text: article, encoding, hadBom: true } });
      // Parsed like the same article in UTF-8.
      assert.deepEqual(loadArticle(encode(article)), loadArticle(utf8(article)));
      const loaded = loadArticle(encode(article));
      assert.ok(loaded.ok);
      assert.equal(loaded.article.title, 'Intenst diplomati - inviterer Russland til nye Nato-møter');
      assert.deepEqual(loaded.article.warnings, []);
    });

    it(`warns about an unpaired surrogate in ${name}-endian UTF-16, naming its byte`, () => {
      const result = decodeArticleBytes(encode('Støre \ud800 og Jonas'));
      assert.ok(result.ok);
      assert.equal(result.value.text, 'Støre \uFFFD og Jonas');
      assert.equal(result.value.warning, 'The file has 1 invalid UTF-16 sequence (the first at byte 14); it is shown as \uFFFD.');
    });
  }

  it('names UTF-16 without a byte-order mark as UTF-16, not as binary', () => {
    const result = decodeArticleBytes(utf16le(article).subarray(2));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /UTF-16 without a byte-order mark/);
  });

  it('refuses UTF-32, naming it', () => {
    const result = decodeArticleBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /UTF-32/);
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

  const before: [string, number, boolean][] = [['Kari (H)', 4, true], ['han (V)', 3, false], ['Øyvind', 6, true], ['x. (B)', 2, false], ['', 0, false]];
  for (const [text, end, expected] of before) {
    it(`says the word before ${end} in "${text}" ${expected ? 'is' : 'is not'} capitalised`, () => assert.equal(wordBeforeIsCapitalised(text, end), expected));
  }

  const lowers: [string, number, boolean][] = [['øst', 0, true], ['Øst', 0, false], ['ßa', 0, true], ['a1', 1, false], ['a', 1, false], ['😀', 0, false], ['å', 0, true]];
  for (const [text, index, expected] of lowers) {
    it(`says the character at ${index} of "${text}" ${expected ? 'is' : 'is not'} a lower-case letter`, () => assert.equal(isLowerCaseAt(text, index), expected));
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

describe('FoldCache', () => {
  // [text, start, end, fold]: a word looked up by its place in a text folds as the word cut out would.
  const ranges: [string, number, number, string][] = [
    ['Jonas Gahr Støre', 11, 16, 'store'],
    ['Bærum og Baerum', 0, 5, 'barum'],
    ['Bærum og Baerum', 9, 15, 'barum'],
    ['i Ålesund', 2, 9, 'alesund'],
    ['Café', 0, 4, 'cafe'],
    ['', 0, 0, ''],
  ];
  for (const [text, start, end, folded] of ranges) {
    it(`folds "${text.slice(start, end)}" of "${text}" as "${folded}"`, () => {
      const cache = new FoldCache(10);
      assert.equal(cache.foldRange(text, start, end), folded);
      assert.equal(cache.foldRange(text, start, end), folded, 'the second time, from its table');
    });
  }

  it('tells apart two words of the same length and hash', () => {
    // FNV-1a collides on these two (219497037).
    const cache = new FoldCache(10);
    assert.equal(cache.foldRange('acyoth cbbibb', 0, 6), 'acyoth');
    assert.equal(cache.foldRange('acyoth cbbibb', 7, 13), 'cbbibb');
    assert.equal(cache.fold('cbbibb'), 'cbbibb');
    assert.equal(cache.fold('acyoth'), 'acyoth');
  });

  it('keeps every fold as its table grows', () => {
    const cache = new FoldCache(5000);
    const words = Array.from({ length: 3000 }, (_, i) => `Ærlig${i}ø`);
    const text = words.join(' ');
    for (let round = 0; round < 2; round++) {
      let at = 0;
      for (const word of words) {
        assert.equal(cache.foldRange(text, at, at + word.length), foldForMatching(word));
        at += word.length + 1;
      }
    }
  });

  it('tells apart words that share a hash slot or a length, and starts over at its limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'A', 'å', 'Å', 'æ', 'ø', 'e', 'o', 'é', ' ', 'ß'), maxLength: 12 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (words, limit) => {
          const cache = new FoldCache(limit);
          const text = words.join('|');
          let at = 0;
          for (const word of [...words, ...words]) {
            const start = at % (text.length + 1);
            const end = start + word.length <= text.length && text.slice(start, start + word.length) === word ? start + word.length : start;
            assert.equal(cache.foldRange(text, start, end), foldForMatching(text.slice(start, end)));
            assert.equal(cache.fold(word), foldForMatching(word));
            at += word.length + 1;
          }
        },
      ),
    );
  });
});
