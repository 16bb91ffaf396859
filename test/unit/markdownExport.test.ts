// The Markdown export quotes article text as text: every character that Markdown would read as markup
// is escaped, one case per character, in the quote, the headline and the colour's name.
import * as assert from 'node:assert/strict';
import { describeRange } from '../../src/core/annotations/anchoring';
import { toMarkdown } from '../../src/core/annotations/export';
import { createAnnotation, textHash } from '../../src/core/annotations/model';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** The Markdown of one article titled `title` whose whole text `text` is annotated in the colour `colour`. */
function exportOf(text: string, title = 'Overskrift', colour = 'Key claim'): string[] {
  const annotation = createAnnotation({
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    now: NOW,
    source: 'a.txt',
    textHash: textHash(text),
    selectors: describeRange(text, 0, text.length),
    content: { note: '', tags: [], colour },
  });
  return toMarkdown([{ title, dateLabel: '1 March 2026', text, annotations: [annotation] }]).split('\n');
}

/** Each character Markdown (CommonMark and GitHub's tables and strikethrough) reads as markup inside a line. */
const INLINE: [string, string][] = [
  ['\\', 'a backslash, which would escape the next character'],
  ['`', 'a backtick, which opens code'],
  ['*', 'an asterisk, which opens emphasis'],
  ['_', 'an underscore, which opens emphasis'],
  ['[', 'an opening bracket, which opens a link'],
  [']', 'a closing bracket, which closes a link'],
  ['<', 'a less-than sign, which opens HTML or an autolink'],
  ['>', 'a greater-than sign, which closes HTML'],
  ['|', 'a bar, which makes a table cell'],
  ['~', 'a tilde, which opens strikethrough'],
  ['&', 'an ampersand, which starts an entity such as &lt;'],
];

describe('Markdown export escapes', () => {
  for (const [character, what] of INLINE) {
    it(`${what} (${character}) in a quote, a headline and a colour`, () => {
      const lines = exportOf(`Før ${character}midt${character} etter.`, `Tittel ${character} her`, `Farge ${character}`);
      assert.deepEqual(lines, [
        `## Tittel \\${character} her`,
        '',
        '*1 March 2026*',
        '',
        `> Før \\${character}midt\\${character} etter.`,
        '',
        `*Farge \\${character}*`,
        '',
      ]);
    });
  }

  // [a quoted line, how it is written]: at a line's start these make a heading, a list or a quote.
  const LINE_STARTS: [string, string][] = [
    ['# Ikke en overskrift', '\\# Ikke en overskrift'],
    ['## Heller ikke', '\\## Heller ikke'],
    ['- ikke et punkt', '\\- ikke et punkt'],
    ['+ ikke et punkt', '\\+ ikke et punkt'],
    ['* ikke et punkt', '\\* ikke et punkt'],
    ['> ikke et sitat', '\\> ikke et sitat'],
    ['1. ikke nummerert', '\\1. ikke nummerert'],
    ['2022. Et årstall', '\\2022. Et årstall'],
    ['7) ikke nummerert', '\\7) ikke nummerert'],
    ['  - innrykket', '  \\- innrykket'],
  ];
  for (const [line, written] of LINE_STARTS) {
    it(`the start of the line "${line}"`, () => {
      assert.equal(exportOf(line)[4], `> ${written}`);
    });
  }

  it('each line of a quote over several lines', () => {
    const lines = exportOf('Første linje\n- andre linje\n# tredje');
    assert.deepEqual(lines.slice(4, 7), ['> Første linje', '> \\- andre linje', '> \\# tredje']);
  });

  // [text, as written]: ordinary text is left as it reads.
  const PLAIN: [string, string][] = [
    ['Nato-møter i Brussel.', 'Nato-møter i Brussel.'],
    ['Sak nr. 1. Neste.', 'Sak nr. 1. Neste.'],
    ['Ærlig talt, sa Støre på Ås – «nei».', 'Ærlig talt, sa Støre på Ås – «nei».'],
    ['Kl. 12.30 (norsk tid) + 5 % #1', 'Kl. 12.30 (norsk tid) + 5 % #1'],
    ['2022 var et år.', '2022 var et år.'],
  ];
  for (const [text, written] of PLAIN) {
    it(`nothing in "${text}"`, () => {
      assert.equal(exportOf(text)[4], `> ${written}`);
    });
  }

  it('a note as written, trimmed, and tags as code without their backticks', () => {
    const text = 'Putin og Macron er enige.';
    const annotation = createAnnotation({
      id: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      now: NOW,
      source: 'a.txt',
      textHash: textHash(text),
      selectors: describeRange(text, 0, 5),
      content: { note: '  Et *notat*, i Markdown.  \n', tags: ['krig', 'a`b'], colour: '' },
    });
    const empty = { title: 'Uten merknader', dateLabel: '2 March 2026', text: 'Tekst.', annotations: [] };
    assert.deepEqual(toMarkdown([empty, { title: 'Med', dateLabel: '1 March 2026', text, annotations: [annotation] }]).split('\n'), [
      '## Med',
      '',
      '*1 March 2026*',
      '',
      '> Putin',
      '',
      'Et *notat*, i Markdown.',
      '',
      '`#krig` `#ab`',
      '',
    ]);
  });

  it('nothing for articles without annotations', () => {
    assert.equal(toMarkdown([{ title: 'Tom', dateLabel: '1 March 2026', text: 'Tekst.', annotations: [] }]), '\n');
  });
});
