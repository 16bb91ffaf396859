// The reader webview's pure helpers (src/webview/lib): offsets and ranges, highlight segments,
// card placement, the keyboard dispatch order and note Markdown. No DOM: they run on Node.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWordAt, nextChar, nextSentenceEnd, nextWordEnd, previousChar, previousSentenceStart, previousWordStart, snapToRendered } from '../../src/webview/lib/caret';
import { dispatchKey, type KeyHandler, type KeyPress, stepOf } from '../../src/webview/lib/keys';
import { inlineTokens, noteParagraphs } from '../../src/webview/lib/markdown';
import { placement, POPUP_GAP } from '../../src/webview/lib/placement';
import { firstEndingAfter, segments, sortedRanges, trimRange, wrapIndex } from '../../src/webview/lib/ranges';

const key = (k: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe('reader webview: ranges', () => {
  it('finds the first range ending after an offset', () => {
    const ranges = [
      { start: 0, end: 3 },
      { start: 5, end: 8 },
      { start: 10, end: 12 },
    ];
    const table: [number, number][] = [
      [0, 0],
      [2, 0],
      [3, 1],
      [7, 1],
      [8, 2],
      [11, 2],
      [12, 3],
      [99, 3],
    ];
    for (const [offset, expected] of table) assert.equal(firstEndingAfter(ranges, offset), expected, `offset ${offset}`);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 20 }), fc.nat(60), (ends, offset) => {
        const ranges = [...ends].sort((a, b) => a - b).map((end) => ({ start: 0, end }));
        const linear = ranges.findIndex((r) => r.end > offset);
        assert.equal(firstEndingAfter(ranges, offset), linear < 0 ? ranges.length : linear);
      }),
    );
  });

  it('sorts ranges by start without changing the input', () => {
    const input = [
      { start: 9, end: 10 },
      { start: 1, end: 4 },
    ];
    assert.deepEqual(sortedRanges(input), [input[1], input[0]]);
    assert.equal(input[0].start, 9);
  });

  it('trims white space from both ends of a range, and drops one of only spaces', () => {
    const text = '  Støre  sa\tnei \n';
    assert.deepEqual(trimRange(text, 0, text.length), { start: 2, end: 15 });
    assert.deepEqual(trimRange(text, 2, 7), { start: 2, end: 7 });
    assert.equal(trimRange(text, 7, 9), undefined);
    assert.equal(trimRange(text, 4, 4), undefined);
  });

  it('wraps indices both ways', () => {
    const table: [number, number, number][] = [
      [0, 3, 0],
      [3, 3, 0],
      [-1, 3, 2],
      [-4, 3, 2],
      [7, 3, 1],
    ];
    for (const [index, length, expected] of table) assert.equal(wrapIndex(index, length), expected, `${index} of ${length}`);
  });
});

describe('reader webview: highlight segments', () => {
  const a = { id: 'a', start: 2, end: 10 };
  const b = { id: 'b', start: 5, end: 7 };
  const c = { id: 'c', start: 8, end: 14 };

  it('cuts text at every annotation boundary, the innermost annotation first', () => {
    const pieces = segments([a, b, c], 0, 12).map((s) => [s.start, s.end, s.covering.map((r) => r.id).join(''), s.inner?.id ?? '']);
    assert.deepEqual(pieces, [
      [0, 2, '', ''],
      [2, 5, 'a', 'a'],
      [5, 7, 'ab', 'b'],
      [7, 8, 'a', 'a'],
      [8, 10, 'ac', 'c'],
      [10, 12, 'c', 'c'],
    ]);
  });

  it('keeps text under no annotation whole', () => {
    assert.deepEqual(segments([a], 10, 20), [{ start: 10, end: 20, covering: [], inner: undefined }]);
    assert.deepEqual(segments([], 3, 3), []);
  });

  it('of two annotations as long, takes the first for the colour', () => {
    const twin = { id: 'twin', start: 2, end: 10 };
    assert.equal(segments([a, twin], 2, 10)[0].inner?.id, 'a');
  });

  it('covers the range exactly, each piece under exactly the annotations over all of it', () => {
    const span = fc.tuple(fc.nat(30), fc.nat(30)).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) + 1 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), span, (ranges, range) => {
        const pieces = segments(ranges, range.start, range.end);
        assert.equal(pieces[0].start, range.start);
        assert.equal(pieces[pieces.length - 1].end, range.end);
        for (let i = 0; i < pieces.length; i++) {
          const piece = pieces[i];
          assert.ok(piece.end > piece.start);
          if (i > 0) assert.equal(piece.start, pieces[i - 1].end);
          assert.deepEqual(piece.covering, ranges.filter((r) => r.start <= piece.start && r.end >= piece.end && r.start < range.end && r.end > range.start));
          for (const r of ranges) assert.ok(!(r.start > piece.start && r.start < piece.end) && !(r.end > piece.start && r.end < piece.end), 'no boundary inside a piece');
        }
      }),
    );
  });
});

describe('reader webview: placing a card', () => {
  const container = { left: 100, top: 50, bottom: 2050, width: 600 };
  const size = { width: 200, height: 80 };

  it('places a card below its target, left-aligned with it', () => {
    assert.deepEqual(placement({ left: 150, top: 300, bottom: 320, width: 40 }, container, size, 'below'), { left: 50, top: 320 - 50 + POPUP_GAP });
  });

  it('places it above when asked and there is room on screen, else below', () => {
    assert.deepEqual(placement({ left: 150, top: 300, bottom: 320, width: 40 }, container, size, 'above'), { left: 50, top: 300 - 50 - 80 - POPUP_GAP });
    assert.deepEqual(placement({ left: 150, top: 40, bottom: 60, width: 40 }, container, size, 'above'), { left: 50, top: 60 - 50 + POPUP_GAP });
  });

  it('keeps the card inside the reader at either edge', () => {
    assert.equal(placement({ left: 650, top: 300, bottom: 320, width: 40 }, container, size, 'below').left, 400);
    assert.equal(placement({ left: 20, top: 300, bottom: 320, width: 40 }, container, size, 'below').left, 0);
  });
});

describe('reader webview: keyboard dispatch', () => {
  const log: string[] = [];
  const handler = (name: string, takes: (event: KeyPress) => boolean): KeyHandler => ({
    name,
    handle: (event) => {
      log.push(name);
      return takes(event);
    },
  });
  const handlers = [handler('editor', (e) => e.key === 'x'), handler('escape', (e) => e.key === 'Escape'), handler('any', () => true)];

  it('asks the handlers in order and stops at the first that takes the key', () => {
    const table: [string, string, string[]][] = [
      ['x', 'editor', ['editor']],
      ['Escape', 'escape', ['editor', 'escape']],
      ['n', 'any', ['editor', 'escape', 'any']],
    ];
    for (const [k, taker, asked] of table) {
      log.length = 0;
      assert.equal(dispatchKey(handlers, key(k)), taker);
      assert.deepEqual(log, asked);
    }
  });

  it('reports a key nobody took', () => {
    assert.equal(dispatchKey(handlers.slice(0, 2), key('q')), undefined);
  });

  it('reads n, N and Shift+n as next and previous', () => {
    const table: [KeyPress, number][] = [
      [key('n'), 1],
      [key('N'), -1],
      [key('n', { shiftKey: true }), -1],
      [key('N', { shiftKey: true }), -1],
      [key('m'), 0],
      [key('a'), 0],
    ];
    for (const [event, step] of table) assert.equal(stepOf(event, 'n'), step, JSON.stringify(event));
    assert.equal(stepOf(key('A'), 'a'), -1);
  });
});

describe('reader webview: note Markdown', () => {
  it('splits bold, italic, code and links from text', () => {
    assert.deepEqual(inlineTokens('Se **Reuters**, *ikke* `NTB` eller [VG](https://vg.no) nå'), [
      { kind: 'text', text: 'Se ' },
      { kind: 'strong', text: 'Reuters' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'ikke' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'NTB' },
      { kind: 'text', text: ' eller ' },
      { kind: 'link', text: 'VG', href: 'https://vg.no' },
      { kind: 'text', text: ' nå' },
    ]);
    assert.deepEqual(inlineTokens('<b>x</b>'), [{ kind: 'text', text: '<b>x</b>' }]);
  });

  it('splits paragraphs at blank lines and shows list markers', () => {
    assert.deepEqual(noteParagraphs('\nFørste\n- én\n2. to\n \nAndre  \n'), [['Første', '• én', '2. to'], ['Andre']]);
  });
});

describe('reader webview: caret moves', () => {
  const text = 'Støre og Nato-møter på Åsgårdstrand, «Ærlig talt.» Så: 105 minutter.';

  it('moves by word, with æ, ø and å as letters', () => {
    const ends: number[] = [];
    for (let at = 0; at < text.length; ) ends.push((at = nextWordEnd(text, at)));
    // The last move goes past the full stop to the end, where no word is.
    assert.equal(ends.pop(), text.length);
    const words = ends.map((end) => text.slice(previousWordStart(text, end), end));
    assert.deepEqual(words, ['Støre', 'og', 'Nato', 'møter', 'på', 'Åsgårdstrand', 'Ærlig', 'talt', 'Så', '105', 'minutter']);
  });

  it('moves back by word from inside, at and after a word', () => {
    const table: [number, number][] = [
      [text.indexOf('møter') + 2, text.indexOf('møter')],
      [text.indexOf('møter'), text.indexOf('Nato')],
      [text.indexOf(' på') + 1, text.indexOf('møter')],
      [0, 0],
    ];
    for (const [from, to] of table) assert.equal(previousWordStart(text, from), to, `from ${from}`);
  });

  it('steps over a character, a surrogate pair whole', () => {
    const emoji = 'a😀b';
    assert.equal(nextChar(emoji, 1), 3);
    assert.equal(previousChar(emoji, 3), 1);
    assert.equal(nextChar(emoji, 0), 1);
    assert.equal(previousChar(emoji, 0), 0);
    assert.equal(nextChar(emoji, emoji.length), emoji.length);
    assert.ok(isWordAt('ø', 0) && isWordAt('Å', 0) && isWordAt('æ', 0) && !isWordAt('-', 0) && !isWordAt('«', 0));
  });

  it('moves by sentence, closing quotes included', () => {
    assert.equal(nextSentenceEnd(text, 0), text.indexOf('»') + 1);
    assert.equal(nextSentenceEnd(text, text.indexOf('»') + 1), text.length);
    assert.equal(previousSentenceStart(text, text.length), text.indexOf('Så'));
    assert.equal(previousSentenceStart(text, text.indexOf('Så')), 0);
    assert.equal(nextSentenceEnd('Ingen punktum her', 3), 'Ingen punktum her'.length);
  });

  it('snaps an offset between rendered pieces to the nearest edge in its direction', () => {
    const pieces = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
    ];
    const table: [number, 1 | -1, number | undefined][] = [
      [5, 1, 5],
      [10, 1, 10],
      [11, 1, 12],
      [11, -1, 10],
      [25, 1, 20],
      [25, -1, 20],
    ];
    for (const [offset, towards, expected] of table) assert.equal(snapToRendered(pieces, offset, towards), expected, `${offset} ${towards}`);
    assert.equal(snapToRendered([], 3, 1), undefined);
  });
});
