import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticles } from '../../src/core/bench/generate';
import { parseArticle } from '../../src/core/parse';
import { seedFiles, seedsDir } from './helpers';

const seeds = seedFiles().map((name) => readFileSync(join(seedsDir, name), 'utf8'));

describe('the benchmark corpus generator', () => {
  it('is deterministic for a seed', () => {
    const a = [...generateArticles(seeds, { count: 20, seed: 7 })].map((x) => x.text);
    const b = [...generateArticles(seeds, { count: 20, seed: 7 })].map((x) => x.text);
    const c = [...generateArticles(seeds, { count: 20, seed: 8 })].map((x) => x.text);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  for (const realistic of [false, true]) {
    it(`makes articles that parse${realistic ? ', with a realistic vocabulary' : ''}`, () => {
      const articles = [...generateArticles(seeds, { count: 200, realistic })];
      assert.equal(articles.length, 200);
      assert.equal(new Set(articles.map((a) => a.name)).size, 200);
      for (const article of articles) assert.ok(parseArticle(article.text).ok, article.name);
    });
  }

  it('makes the realistic variant rarer in real names', () => {
    const count = (realistic: boolean) =>
      [...generateArticles(seeds, { count: 300, realistic })].filter((a) => a.text.includes('Putin')).length;
    assert.ok(count(true) < count(false) / 3, `${count(true)} vs ${count(false)}`);
  });
});
