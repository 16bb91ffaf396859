import * as assert from 'node:assert/strict';
import { compileGlob, globMatcher } from '../../src/core/glob';

describe('globMatcher', () => {
  const cases: [glob: string, path: string, matches: boolean][] = [
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'news/2022/a.txt', true],
    ['**/*.txt', 'a.txt.bak', false],
    ['**/*.txt', 'a.md', false],
    ['*.txt', 'news/a.txt', false],
    ['news/**', 'news/a/b.txt', true],
    ['**/*.{txt,text}', 'x/y.text', true],
    ['**/{node_modules,.git}/**', 'node_modules/', true],
    ['**/{node_modules,.git}/**', 'a/.git/config', true],
    ['**/{node_modules,.git}/**', 'a/git/config', false],
    ['**/[0-9]*.txt', 'x/000_a.txt', true],
    ['**/[0-9]*.txt', 'x/a.txt', false],
    ['**/?.txt', 'x/a.txt', true],
    ['**/nyheter/*.txt', 'arkiv/nyheter/sak.txt', true],
    ['**/*.txt', 'mappe/æøå.txt', true],
    ['', 'a.txt', false],
  ];
  for (const [glob, path, matches] of cases) {
    it(`${matches ? 'matches' : 'does not match'} ${path} with "${glob}"`, () => assert.equal(globMatcher(glob)(path), matches));
  }

  const bad: [glob: string, why: string][] = [
    ['**/{node_modules,.git/**', 'a "{" is never closed'],
    ['**/[z-a].txt', 'check its braces and brackets'],
    ['[', 'a "[" is never closed'],
    ['**/[0-9*.txt', 'a "[" is never closed'],
    ['**/[].txt', '"[]" has no characters to match'],
    ['**/[!].txt', '"[!]" has no characters to match'],
  ];
  for (const [glob, why] of bad) {
    it(`reports "${glob}" as invalid, naming it, instead of throwing`, () => {
      assert.deepEqual(compileGlob(glob), { ok: false, reason: `"${glob}" is not a valid glob pattern (${why}).` });
    });
  }
});
