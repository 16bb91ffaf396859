// TEST_GREP matches test titles in any case, unless written with flags of its own.
import * as assert from 'node:assert/strict';
import { testGrep } from '../harness/testGrep';

describe('TEST_GREP', () => {
  const table: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['', undefined],
    ['annotations', '/annotations/i'],
    ['Scale measurement', '/Scale measurement/i'],
    ['a/b', '/a/b/i'],
    ['/^Reader/', '/^Reader/'],
    ['/quotes/i', '/quotes/i'],
  ];
  for (const [value, expected] of table) {
    it(`reads ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => assert.equal(testGrep(value), expected));
  }

  it('matches a title in another case, as mocha reads the pattern', () => {
    const pattern = testGrep('annotations view') as string;
    const [, source, flags] = /^\/(.*)\/([a-z]*)$/u.exec(pattern) as RegExpExecArray;
    assert.ok(new RegExp(source, flags).test('Annotations View: lists highlights'));
  });
});
