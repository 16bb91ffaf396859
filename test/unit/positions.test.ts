import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/parse';
import { articleCoordinates, coordinatesOf } from '../../src/core/positions';
import { normalizeLineEndings } from '../../src/core/text';

describe('article coordinates', () => {
  for (const [name, file] of [
    ['LF', ' date 2022-02 Overskrift\n\nPutin kom.\nMacron også.'],
    ['CRLF', ' date 2022-02 Overskrift\r\n\r\nPutin kom.\r\nMacron også.'],
  ] as const) {
    it(`maps offsets and positions both ways with ${name}`, () => {
      const result = parseArticle(file);
      assert.ok(result.ok);
      const coordinates = articleCoordinates(normalizeLineEndings(file), result.article.headerLength);
      const macron = result.article.text.indexOf('Macron');
      assert.deepEqual(coordinates.positionAt(macron), { line: 3, character: 0 });
      assert.equal(coordinates.offsetAt({ line: 3, character: 0 }), macron);
      assert.equal(coordinates.offsetAt({ line: 0, character: 14 }), 0, 'the first character after the header');
      assert.equal(coordinates.offsetAt({ line: 0, character: 3 }), -1, 'inside the header');
      assert.equal(coordinates.offsetAt({ line: 9, character: 0 }), -1, 'past the end');
    });
  }

  for (const file of [' date 2022-02 Overskrift\n\nPutin kom.', ' date 2022-02\nOverskrift\n\nPutin kom.']) {
    it(`gives the same positions from the article alone (${JSON.stringify(file.slice(0, 16))}…)`, () => {
      const result = parseArticle(file);
      assert.ok(result.ok);
      const putin = result.article.text.indexOf('Putin');
      assert.deepEqual(coordinatesOf(result.article).positionAt(putin), articleCoordinates(file, result.article.headerLength).positionAt(putin));
    });
  }
});
