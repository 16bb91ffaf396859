import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchor, codePointOffset, describeRange, matchEnds, utf16Offset } from '../../src/core/annotations/anchoring';
import { parseArticle } from '../../src/core/parse';
import { readSeed } from './helpers';

const article = (() => {
  const parsed = parseArticle(readSeed('000'));
  assert.ok(parsed.ok);
  return parsed.article.text;
})();

/** Annotates the `occurrence`-th `quote` in `before`, edits the text with `edit`, and anchors again. */
function reanchor(before: string, quote: string, edit: (text: string) => string, occurrence = 0): { found?: string; start?: number; anchored: ReturnType<typeof anchor>; after: string } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = before.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  const selectors = describeRange(before, start, start + quote.length);
  const after = edit(before);
  const anchored = anchor(after, selectors);
  return anchored.status === 'anchored' ? { found: after.slice(anchored.start, anchored.end), start: anchored.start, anchored, after } : { anchored, after };
}

describe('anchoring annotations', () => {
  const sentence = 'Putin og Macron er enige om et møte i Den trilaterale kontaktgruppe';

  it('finds an annotation by its position when the text is unchanged', () => {
    const { found, anchored } = reanchor(article, sentence, (t) => t);
    assert.equal(found, sentence);
    assert.equal(anchored.status === 'anchored' && anchored.method, 'position');
  });

  it('follows text inserted before the quote', () => {
    const quote = 'søndag, to uker etter at de to lederne møttes i Moskva';
    const { found, anchored } = reanchor(article, quote, (t) => `Et nytt avsnitt først.\n\n${t}`);
    assert.equal(found, quote);
    assert.equal(anchored.status === 'anchored' && anchored.method, 'quote');
  });

  it('follows a lightly edited quote', () => {
    const quote = 'søndag, to uker etter at de to lederne møttes i Moskva';
    const { found, anchored } = reanchor(article, quote, (t) => t.replace('to uker etter', 'to uker etterpå,'));
    assert.equal(found, 'søndag, to uker etterpå, at de to lederne møttes i Moskva');
    assert.equal(anchored.status === 'anchored' && anchored.method, 'fuzzy');
  });

  it('follows a long quote (a whole paragraph) edited in the middle', () => {
    const paragraph = article.split('\n\n').find((p) => p.length > 300);
    assert.ok(paragraph, 'a paragraph of more than 300 characters');
    const middle = Math.floor(paragraph.length / 2);
    const edited = `${paragraph.slice(0, middle)} (oppdatert)${paragraph.slice(middle)}`;
    const { found, anchored } = reanchor(article, paragraph, (t) => `Ny første linje.\n\n${t.replace(paragraph, edited)}`);
    assert.equal(anchored.status === 'anchored' && anchored.method, 'fuzzy');
    assert.equal(found, edited);
  });

  it('makes an orphan of a deleted quote', () => {
    const quote = 'søndag, to uker etter at de to lederne møttes i Moskva';
    const { anchored } = reanchor(article, quote, (t) => t.replace(quote, ''));
    assert.equal(anchored.status, 'orphan');
  });

  it('tells the same sentence twice apart by its context', () => {
    const text = 'Først kom dette. Det regnet i Oslo. Så kom noe annet. Det regnet i Oslo. Til slutt dette.';
    const { start } = reanchor(text, 'Det regnet i Oslo.', (t) => `Innledning. ${t}`, 1);
    assert.equal(start, `Innledning. ${text}`.lastIndexOf('Det regnet i Oslo.'));
  });

  it('does not move to a near-identical paragraph elsewhere when its own is gone', () => {
    const a = 'Regjeringen la fram budsjettet tirsdag, og opposisjonen var kritisk til kuttene.';
    const b = 'Regjeringen la fram budsjettet onsdag, og opposisjonen var kritisk til kuttene.';
    const text = `Første del handler om skolen.\n\n${a}\n\nAndre del handler om helsen.\n\nMye senere: ${b} Slutt.`;
    const { anchored } = reanchor(text, a, (t) => t.replace(`${a}\n\n`, ''));
    assert.equal(anchored.status, 'orphan');
  });

  it('finds the right one of many one-word quotes', () => {
    const count = article.split('Putin').length - 1;
    assert.equal(count, 8, 'Putin in seed 000');
    for (let occurrence = 0; occurrence < count; occurrence++) {
      const { start, after } = reanchor(article, 'Putin', (t) => `Ny ingress. ${t}`, occurrence);
      let expected = -1;
      for (let i = 0; i <= occurrence; i++) expected = after.indexOf('Putin', expected + 1);
      assert.equal(start, expected, `occurrence ${occurrence}`);
    }
  });

  it('does not attach a deleted one-word quote to another occurrence', () => {
    const text = 'Putin talte. Etterpå snakket Macron lenge med pressen om Putin og krigen.';
    const { anchored } = reanchor(text, 'Putin', (t) => t.replace('Putin talte. ', 'Talen ble avlyst. '));
    assert.equal(anchored.status, 'orphan');
  });

  it('anchors the same way in the CRLF and BOM variants of a file (the parser normalises them)', () => {
    const file = readSeed('000');
    const variants = [file, file.replace(/\n/g, '\r\n'), `\uFEFF${file}`, `\uFEFF${file.replace(/\n/g, '\r\n')}`];
    const texts = variants.map((variant) => {
      const parsed = parseArticle(variant);
      assert.ok(parsed.ok);
      return parsed.article.text;
    });
    const start = texts[0].indexOf(sentence);
    const selectors = describeRange(texts[0], start, start + sentence.length);
    for (const text of texts) assert.deepEqual(anchor(text, selectors), { status: 'anchored', start, end: start + sentence.length, method: 'position' });
  });

  it('counts positions in code points, so emoji before the quote do not shift it', () => {
    const text = 'Reaksjoner: 😀😀 og 👍. Putin svarte ikke.';
    const start = text.indexOf('Putin');
    const selectors = describeRange(text, start, start + 5);
    assert.equal(selectors.position.start, Array.from(text.slice(0, start)).length);
    assert.equal(selectors.position.start, start - 3);
    assert.deepEqual(anchor(text, selectors), { status: 'anchored', start, end: start + 5, method: 'position' });
    assert.equal(selectors.quote.prefix, Array.from(text.slice(0, start)).slice(-32).join(''));
  });

  it('converts between code points and UTF-16 offsets', () => {
    const text = 'a😀b';
    assert.deepEqual([0, 1, 3, 4].map((i) => codePointOffset(text, i)), [0, 1, 2, 3]);
    assert.deepEqual([0, 1, 2, 3, 4].map((p) => utf16Offset(text, p)), [0, 1, 3, 4, undefined]);
  });

  it('round-trips any selection on unchanged text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'ø', 'Å', '\n', '😀', 'Putin '), minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (text, x, y) => {
          // A selection between code points, not empty.
          const points = Array.from(text);
          const a = x % points.length;
          const b = a + 1 + (y % (points.length - a));
          const start = points.slice(0, a).join('').length;
          const end = points.slice(0, b).join('').length;
          const selectors = describeRange(text, start, end);
          const anchored = anchor(text, selectors);
          return anchored.status === 'anchored' && anchored.start === start && anchored.end === end;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the same approximate matches with the bit-parallel matcher as with the plain table (property)', () => {
    // The textbook dynamic programme (Sellers), as the reference.
    const reference = (text: string, pattern: string, maxErrors: number) => {
      let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
      const ends: { end: number; errors: number }[] = [];
      for (let j = 1; j <= text.length; j++) {
        const next = [0];
        for (let i = 1; i <= pattern.length; i++) next[i] = Math.min(column[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), column[i] + 1, next[i - 1] + 1);
        column = next;
        if (column[pattern.length] <= maxErrors) ends.push({ end: j, errors: column[pattern.length] });
      }
      return ends;
    };
    const letters = fc.constantFrom('a', 'b', 'c', ' ', 'ø');
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 120 }), fc.string({ unit: letters, minLength: 1, maxLength: 40 }), fc.nat(10), (text, pattern, maxErrors) => {
        assert.deepEqual(matchEnds(text, pattern, maxErrors), reference(text, pattern, maxErrors));
      }),
      { numRuns: 400 },
    );
  });
});
