// The parser's size limits, each tried exactly at the limit and one past it: a limit off by one passes
// every test on real articles (none sits on a boundary), so these tables pin each one.
import * as assert from 'node:assert/strict';
import { type Article, type BlockKind } from '../../src/core/article';
import { parseArticle } from '../../src/core/parse';

function parse(text: string): Article {
  const result = parseArticle(text);
  if (!result.ok) assert.fail(`expected an article, got: ${result.reason}`);
  return result.article;
}

/** An article whose third paragraph is `paragraph`, between a lead and a closing paragraph. */
const withParagraph = (paragraph: string) => ` date 2022-03 Overskrift her\n\nIngressen er her.\n\n${paragraph}\n\nMer tekst her.`;

/** The kind of block the parser makes of the third paragraph of `withParagraph(paragraph)`. */
function kindOf(paragraph: string): BlockKind {
  const article = parse(withParagraph(paragraph));
  assert.deepEqual(
    article.blocks.map((block) => article.text.slice(block.start, block.end)),
    ['Overskrift her', 'Ingressen er her.', paragraph, 'Mer tekst her.'],
    'one block per paragraph',
  );
  return article.blocks[2].kind;
}

/** `count` capitalised words of `length` letters each (`Aaa Bbb …`), so only the count or length varies. */
function words(count: number, length = 3): string {
  return Array.from({ length: count }, (_, i) => String.fromCharCode(65 + (i % 26)) + 'a'.repeat(length - 1)).join(' ');
}

describe('parser limits, at the limit and one past it', () => {
  const subheadings: [string, string, BlockKind][] = [
    ['1 word', words(1), 'subheading'],
    ['12 words (the most a subheading has)', words(12), 'subheading'],
    ['13 words', words(13), 'paragraph'],
    // 7 words of 12 letters and 6 spaces: 90 characters.
    ['90 characters (the most)', words(7, 12), 'subheading'],
    ['91 characters', `${words(6, 12)} B${'b'.repeat(12)}`, 'paragraph'],
  ];
  for (const [what, paragraph, kind] of subheadings) {
    it(`takes a short line of ${what} for a ${kind}`, () => {
      assert.equal(paragraph.length <= 90, !what.startsWith('91'), 'the case is as long as it says');
      assert.equal(kindOf(paragraph), kind);
    });
  }

  it('counts the characters of the boundary cases as their names say', () => {
    assert.equal(words(7, 12).length, 90);
    assert.equal(`${words(6, 12)} B${'b'.repeat(12)}`.length, 91);
    assert.equal(words(12).split(' ').length, 12);
  });

  /** `Av Aaaa Bbbb og …`: a byline of person names padded to `length` characters. */
  function bylineOf(length: number): string {
    const names = ['Kari Nordmann', 'Ola Nordmann', 'Per Hansen', 'Anne Olsen', 'Jon Berg', 'Liv Dahl', 'Geir Lie', 'Eva Moe', 'Tor Bakke', 'Siri Lund', 'Nils Haug'];
    let line = `Av ${names.join(', ')}`;
    // Lengthen the last name until the line has the length asked for.
    line = `${line} og Mari ${'L'}${'i'.repeat(length - line.length - ' og Mari L'.length)}`;
    assert.equal(line.length, length);
    return line;
  }
  const bylines: [number, BlockKind][] = [
    [160, 'byline'],
    [161, 'paragraph'],
  ];
  for (const [length, kind] of bylines) {
    it(`takes a byline line of ${length} characters for a ${kind}`, () => {
      const line = bylineOf(length);
      const article = parse(withParagraph(line));
      assert.equal(article.blocks[2].kind, kind);
      assert.equal(article.byline?.authors.length, kind === 'byline' ? 12 : undefined);
    });
  }

  /** A headline paragraph of exactly `length` characters: words of four letters and one longer closing word. */
  function headlineOf(length: number): string {
    const base = Array.from({ length: Math.floor((length - 6) / 5) }, (_, i) => `ord${String.fromCharCode(97 + (i % 26))}`).join(' ');
    const line = `${base} ${'x'.repeat(length - base.length - 1)}`;
    assert.equal(line.length, length);
    return line;
  }
  const titles: [number, (title: string, headline: string) => void][] = [
    [200, (title, headline) => assert.equal(title, headline, 'a headline of 200 characters is the title as it is')],
    [
      201,
      (title, headline) => {
        // Cut at the last word boundary before the 200th character, with an ellipsis.
        const cut = headline.slice(0, 199);
        assert.equal(title, `${cut.slice(0, cut.lastIndexOf(' '))}…`);
      },
    ],
  ];
  for (const [length, check] of titles) {
    it(`makes the title of a ${length}-character headline`, () => {
      const headline = headlineOf(length);
      const article = parse(` date 2022-03 ${headline}`);
      assert.equal(article.text.slice(article.blocks[0].start, article.blocks[0].end), headline, 'the headline block keeps all of it');
      check(article.title, headline);
    });
  }

  /** An info box of `paragraphs` paragraphs, the last ending in `Vis mer`. */
  const infoboxOf = (paragraphs: number) =>
    [
      'Info Derfor er det krig Konflikten startet for lenge siden.',
      ...Array.from({ length: paragraphs - 2 }, (_, i) => `Avsnitt ${i + 2} i boksen.`),
      `Siste avsnitt i boksen. Vis mer`,
    ].join('\n\n');
  const boxes: [number, number][] = [
    // [paragraphs in the box, the info box paragraphs the parser finds]
    [12, 12],
    [13, 0],
  ];
  for (const [paragraphs, found] of boxes) {
    it(`finds the end of an info box of ${paragraphs} paragraphs ${found ? '' : 'no more'}`, () => {
      const article = parse(` date 2022-03 Overskrift her\n\nIngressen er her.\n\n${infoboxOf(paragraphs)}\n\nMer tekst her.`);
      const box = article.blocks.find((block) => block.kind === 'infobox');
      assert.ok(box, 'an info box');
      const more = box.parts.filter((part) => part.kind === 'infoboxMore');
      // Past the limit the box is its first paragraph alone, and its `Vis mer` is not looked for.
      assert.equal(more.length, found ? 1 : 0);
      assert.equal(box.parts.filter((part) => part.kind === 'infoboxParagraph').length, found || 1);
    });
  }

  // [header date, the day parsed or why it is refused]: the last day of each kind of month, and the day after.
  const days: [string, number | RegExp][] = [
    ['2022-01-01', 1],
    ['2022-01-00', /no day 0\./],
    ['2022-01-31', 31],
    ['2022-01-32', /no day 32\./],
    ['2022-04-30', 30],
    ['2022-04-31', /no day 31\./],
    ['2022-02-28', 28],
    ['2022-02-29', /no day 29\./],
    ['2024-02-29', 29],
    ['2024-02-30', /no day 30\./],
    ['2000-02-29', 29],
    ['1900-02-29', /no day 29\./],
  ];
  for (const [date, expected] of days) {
    it(`${typeof expected === 'number' ? 'reads' : 'refuses'} the header date ${date}`, () => {
      const result = parseArticle(` date ${date} Overskrift her\n\nTekst.`);
      if (typeof expected === 'number') {
        assert.ok(result.ok, result.ok ? '' : result.reason);
        assert.equal(result.article.date.day, expected);
      } else {
        assert.equal(result.ok, false);
        assert.match(result.ok ? '' : result.reason, expected);
      }
    });
  }

  // [paragraph length, the block it makes]: a paragraph closed by a photo credit, with no caption label, is a
  // caption while shorter than 400 characters.
  const credited: [number, BlockKind][] = [
    [399, 'caption'],
    [400, 'paragraph'],
  ];
  for (const [length, kind] of credited) {
    it(`takes a credited paragraph of ${length} characters for a ${kind}`, () => {
      const credit = ' Foto: Ola Nordmann / NTB';
      const body = `Folk i gata. ${'Mange var ute i dag i sola. '.repeat(20)}`.slice(0, length - credit.length - 1).trimEnd();
      const paragraph = `${body}${'.'.padStart(length - credit.length - body.length, 'a')}${credit}`;
      assert.equal(paragraph.length, length);
      assert.equal(kindOf(paragraph), kind);
    });
  }
});
