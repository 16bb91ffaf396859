import * as assert from 'node:assert/strict';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import { parseArticle } from '../../src/core/parse';
import { searchCorpus } from '../../src/core/search/corpusSearch';
import { EntityMatcher } from '../../src/core/search/entityMatcher';
import { hasNothingToSearch, nothingToSearchMessage, parseQuery } from '../../src/core/search/query';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { findMatches, hasPhrase, makeSnippet } from '../../src/core/search/snippet';
import { readSeed, seedFiles } from './helpers';

const knowledgeBase = mergeKnowledgeBases(bundledKnowledgeBase().entities);
const recognizer = createRecognizer(knowledgeBase);
const entities = new EntityMatcher(knowledgeBase.entities);

/** The seeds by the start of their file names, plus one article written for the folding case (no seed names Bærum). */
const extra = ' date 2021-06 Ny skole i Bærum\n\nKommunen åpner en ny barneskole på Fornebu i august, som Ålesund gjorde i fjor.\n';
const texts = new Map<string, string>([...seedFiles().map((name): [string, string] => [name.slice(0, 3), readSeed(name.slice(0, 3))]), ['bærum', extra]]);
const index = new SearchIndex();
const bodies = new Map<string, string>();
for (const [key, text] of texts) {
  const parsed = parseArticle(text);
  assert.ok(parsed.ok, key);
  const { article } = parsed;
  bodies.set(key, article.text);
  index.add(key, { title: article.title, text: article.text, date: article.date, entityIds: recognizer.recognize(article.text).map((m) => m.entityId) });
}

function search(raw: string): string[] {
  return index.search(parseQuery(raw), { resolveEntity: (name) => entities.resolve(name) }).hits.map((hit) => hit.key);
}

describe('search over the seeds', () => {
  // [query, the expected first result (a seed's number, or the extra article), what it shows]
  const firsts: [string, string, string][] = [
    ['Stoltenberg', '004', 'a name, exactly'],
    ['Stoltenbrg', '004', 'a typo'],
    ['hviterusland', '000', 'a typo in a lower-case spelling'],
    ['Støre', '004', 'a Norwegian letter'],
    ['Stoere', '004', 'ø written oe'],
    ['Store', '004', 'ø written o'],
    ['Barum', 'bærum', 'æ written a'],
    ['Baerum', 'bærum', 'æ written ae'],
    ['Alesund', 'bærum', 'å written a'],
    ['Aalesund', 'bærum', 'å written aa'],
    ['diplom', '004', 'a prefix: diplomati, diplomatisk'],
    ['Macron Putin telefon', '000', 'several words: an article with all three (000 and 003 have them; 000 names the two men most)'],
    ['"trappe opp"', '000', 'a quoted phrase'],
    ['@Putin', '000', 'an entity filter'],
    ['@Stoltenberg Nato', '004', 'an entity filter with a word'],
    ['date:2022-01', '004', 'a month'],
    ['Nato date:2022-01', '004', 'a month with a word'],
  ];
  for (const [query, first, what] of firsts) {
    it(`ranks ${first} first for "${query}" (${what})`, () => assert.equal(search(query)[0], first, `results: ${search(query).join(', ')}`));
  }

  it('finds transliteration variants both ways (Zelensky in 004, Zelenskyj in 000 and 003)', () => {
    for (const query of ['Zelensky', 'Zelenskyj', 'Zelenskyy']) assert.deepEqual([...search(query)].sort(), ['000', '003', '004'], query);
  });

  it('finds the word being typed as a prefix from two letters, others from three', () => {
    assert.deepEqual(search('Sto'), ['004', '003', '002', '000', '001'], 'sto… is in every seed (Stoltenberg, store, stor)');
    assert.deepEqual(search('Stol'), ['004', '000']);
    assert.deepEqual(search('Stoltenberg xq '), search('Stoltenberg'), 'a finished two-letter word the corpus lacks changes nothing');
  });

  it('matches every word when some article has them all', () => {
    const all = search('Macron Putin telefon');
    for (const key of all) {
      const body = bodies.get(key) ?? '';
      for (const word of ['Macron', 'Putin', 'telefon']) assert.match(body, new RegExp(word, 'i'), `${key} has ${word}`);
    }
  });

  it('ranks by the most words matched when no article has them all', () => {
    // No article has both: the one with Bærum in its headline first, then those naming Stoltenberg.
    assert.deepEqual(search('Stoltenberg Bærum'), ['bærum', '004', '000']);
  });

  it('lists articles that mention an entity by any of its names', () => {
    const putin = search('@Putin');
    const viaFullName = search('@"Vladimir Putin"');
    assert.deepEqual([...putin].sort(), [...viaFullName].sort());
    assert.deepEqual(putin, ['000', '001', '002', '003', '004'], 'every seed names Putin; the extra article does not');
  });

  it('filters by year and month', () => {
    assert.deepEqual(search('date:2022-01'), ['004']);
    assert.deepEqual(search('date:2021'), ['bærum']);
    assert.equal(search('date:2022').length, 5);
    assert.deepEqual(search('date:2020'), []);
  });

  it('finds nothing for a word no article has, nor anything near it', () => {
    assert.deepEqual(search('kvantedatamaskin'), []);
  });

  it('finds every article by its own word after thousands of random saves and removals (with compactions)', () => {
    const local = new SearchIndex();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const present = new Set<number>();
    const put = (n: number) => local.add(`d${n}`, { title: `Sak ${n}`, text: `felles ord unik${n}x og mer`, date: { year: 2022, month: 1 + (n % 12) }, entityIds: [`e${n % 7}`] });
    for (let n = 0; n < 300; n++) {
      put(n);
      present.add(n);
    }
    for (let round = 0; round < 2000; round++) {
      const n = Math.floor(random() * 300);
      if (random() < 0.3 && present.has(n)) {
        local.remove(`d${n}`);
        present.delete(n);
      } else {
        put(n);
        present.add(n);
      }
    }
    assert.equal(local.size, present.size);
    for (let n = 0; n < 300; n++) {
      // Near spellings (unik56x for unik6x) may follow; the article itself comes first, or not at all once removed.
      const hits = local.search(parseQuery(`unik${n}x `)).hits.map((hit) => hit.key);
      if (present.has(n)) assert.equal(hits[0], `d${n}`, `unik${n}x: ${hits.join(', ')}`);
      else assert.ok(!hits.includes(`d${n}`), `unik${n}x found after removal`);
    }
    const withE3 = local.search(parseQuery('@e3'), { resolveEntity: (name) => [name], limit: 1000 }).hits.map((hit) => Number(hit.key.slice(1)));
    assert.deepEqual(withE3.sort((a, b) => a - b), [...present].filter((n) => n % 7 === 3).sort((a, b) => a - b));
    assert.equal(local.search(parseQuery('felles'), { limit: 1000 }).total, present.size);
  });

  // [query, the hits in order]: over three one-line articles, so that only the prefix rules decide.
  const prefixes: [string, string[], string][] = [
    ['Stol', ['stoltenberg'], 'four letters: a prefix'],
    ['Sto', ['stoltenberg'], 'three letters being typed: a prefix'],
    ['Sto ', ['stoltenberg'], 'three letters, finished: still a prefix'],
    ['St', ['stavanger', 'stoltenberg'], 'two letters being typed: a prefix'],
    ['Be', ['oslo'], 'two letters being typed: a prefix of Bergen'],
    ['St ', [], 'two letters, finished: only the word itself'],
    ['Be ', [], 'two letters, finished, a prefix of Bergen: only the word itself'],
    ['S', [], 'one letter being typed: not yet a prefix'],
    ['Stol Os', ['stoltenberg', 'oslo'], 'the last word, two letters, being typed'],
    ['Os Stol', ['stoltenberg'], 'a two-letter word before the last: only the word itself'],
  ];
  for (const [query, hits, what] of prefixes) {
    it(`matches ${JSON.stringify(query)} as ${what}`, () => {
      const local = new SearchIndex();
      const add = (key: string, text: string) => local.add(key, { title: key, text, date: { year: 2022, month: 1 } });
      add('stoltenberg', 'Stoltenberg i Brussel');
      add('oslo', 'Oslo og Bergen');
      add('stavanger', 'Stavanger');
      assert.deepEqual(local.search(parseQuery(query)).hits.map((hit) => hit.key), hits);
    });
  }

  it('scores a two-letter last word being typed as a prefix, and the same word before the last as nothing', () => {
    const local = new SearchIndex();
    local.add('oslo', { title: 'oslo', text: 'Oslo og Bergen', date: { year: 2022, month: 1 } });
    const score = (query: string) => local.search(parseQuery(query)).hits[0]?.score ?? 0;
    assert.ok(score('Oslo Be') > score('Be Oslo'), `"Oslo Be" ${score('Oslo Be')}, "Be Oslo" ${score('Be Oslo')}`);
    assert.equal(score('Be Oslo'), score('Oslo'), 'the finished two-letter word adds nothing');
  });

  it('finds words added after the first prefix search', () => {
    const local = new SearchIndex();
    local.add('a', { title: 'A', text: 'diplomati', date: { year: 2022, month: 1 } });
    assert.deepEqual(local.search(parseQuery('diplom')).hits.map((hit) => hit.key), ['a']);
    local.add('b', { title: 'B', text: 'diplomatene', date: { year: 2022, month: 1 } });
    assert.equal(local.search(parseQuery('diplomate')).hits[0]?.key, 'b');
  });

  it('keeps working after articles are removed and replaced', () => {
    const local = new SearchIndex();
    for (let i = 0; i < 200; i++) local.add(`a${i}`, { title: `Sak ${i}`, text: i % 2 ? 'Stoltenberg i Brussel' : 'Støre i Oslo', date: { year: 2022, month: 1 } });
    for (let i = 0; i < 120; i++) local.remove(`a${i}`);
    local.add('a199', { title: 'Ny', text: 'Bare Oslo', date: { year: 2022, month: 2 } });
    assert.equal(local.size, 80);
    const hits = local.search(parseQuery('Stoltenberg')).hits.map((hit) => hit.key);
    assert.equal(hits.length, 39, 'odd numbers from 121 to 197');
    assert.ok(hits.every((key) => Number(key.slice(1)) >= 120 && Number(key.slice(1)) % 2 === 1));
    assert.deepEqual(local.search(parseQuery('Bare')).hits.map((hit) => hit.key), ['a199']);
  });
});

describe('index upkeep', () => {
  const date = { year: 2022, month: 1 };
  /** Scores of a search over documents n (for each n in `keep`), in an index that had `total` and lost the rest. */
  function scoresAfterRemovals(total: number, removed: number): readonly { key: string; score: number }[] {
    const local = new SearchIndex();
    for (let n = 0; n < total; n++) local.add(`d${n}`, { title: `Sak ${n}`, text: n % 3 ? 'felles ord her' : 'felles ord og sjelden', date });
    for (let n = 0; n < removed; n++) assert.equal(local.remove(`d${n}`), true);
    assert.equal(local.size, total - removed);
    return local.search(parseQuery('felles sjelden'), { limit: 1000 }).hits;
  }
  /** The same search over a fresh index of only the documents left. */
  function scoresFresh(total: number, removed: number): readonly { key: string; score: number }[] {
    const local = new SearchIndex();
    for (let n = removed; n < total; n++) local.add(`d${n}`, { title: `Sak ${n}`, text: n % 3 ? 'felles ord her' : 'felles ord og sjelden', date });
    return local.search(parseQuery('felles sjelden'), { limit: 1000 }).hits;
  }

  it('weighs words as a fresh index would once more than 64 removed documents (and a quarter) are compacted away', () => {
    // 65 of 100 removed: compacted, the document frequencies are those of the 35 left.
    assert.deepEqual(scoresAfterRemovals(100, 65), scoresFresh(100, 65));
  });

  it('keeps the removed documents\' weights until then (64 removed: not yet compacted)', () => {
    const stale = scoresAfterRemovals(100, 64);
    assert.deepEqual(stale.map((hit) => hit.key), scoresFresh(100, 64).map((hit) => hit.key), 'the same documents, in the same order');
    assert.notDeepEqual(stale, scoresFresh(100, 64), 'the weights drift a little before compaction, as documented');
  });

  it('says whether a document was there to remove', () => {
    const local = new SearchIndex();
    local.add('a', { title: 'A', text: 'ord', date });
    assert.equal(local.remove('a'), true);
    assert.equal(local.remove('a'), false);
    assert.equal(local.remove('b'), false);
    assert.equal(local.size, 0);
  });

  it('finds nothing for an empty query, and nothing in an index whose documents are all gone', () => {
    const local = new SearchIndex();
    local.add('a', { title: 'A', text: 'ord', date });
    assert.deepEqual(local.search(parseQuery('')), { hits: [], total: 0, terms: new Set() });
    assert.deepEqual(local.search(parseQuery('   ')).hits, []);
    local.remove('a');
    assert.deepEqual(local.search(parseQuery('ord')).hits, []);
  });

  it('lists filter-only results newest first, then in the order indexed', () => {
    const local = new SearchIndex();
    const add = (key: string, year: number, month: number) => local.add(key, { title: key, text: 'tekst', date: { year, month }, entityIds: ['e'] });
    add('eldst', 2020, 1);
    add('nyest', 2023, 5);
    add('midt-a', 2021, 3);
    add('midt-b', 2021, 3);
    add('nesten-nyest', 2023, 4);
    assert.deepEqual(local.search(parseQuery('@e'), { resolveEntity: (name) => [name] }).hits.map((hit) => hit.key), ['nyest', 'nesten-nyest', 'midt-a', 'midt-b', 'eldst']);
    assert.deepEqual(local.search(parseQuery('date:2021')).hits.map((hit) => hit.key), ['midt-a', 'midt-b']);
  });

  it('finds by prefix a word first indexed after the sorted list of words was made', () => {
    const local = new SearchIndex();
    local.add('a', { title: 'A', text: 'diplomati', date });
    assert.deepEqual(local.search(parseQuery('dip')).hits.map((hit) => hit.key), ['a'], 'the first prefix search sorts the words');
    local.add('b', { title: 'B', text: 'kvantefysikk', date });
    // Three letters: too short for near spellings, so only the prefix finds it.
    const found = local.search(parseQuery('kva'));
    assert.deepEqual(found.hits.map((hit) => hit.key), ['b']);
    assert.deepEqual([...found.terms], ['kvantefysikk']);
  });

  // [query, hits, terms matched]: near spellings for words of four letters or more that the corpus lacks,
  // and beside a word it has, only spellings nearly the same.
  const near: [string, string[], string[]][] = [
    ['Oslp ', ['oslo'], ['oslo']],
    ['Olo ', [], []],
    ['Bergn ', ['oslo'], ['bergen']],
    ['Russlnd ', ['sanksjoner'], ['russland']],
    ['sanksjoner ', ['sanksjoner'], ['sanksjoner']],
  ];
  for (const [query, hits, terms] of near) {
    it(`matches ${JSON.stringify(query)} with ${terms.length ? terms.join(', ') : 'nothing'}`, () => {
      const local = new SearchIndex();
      local.add('oslo', { title: 'oslo', text: 'Oslo og Bergen', date });
      local.add('sanksjoner', { title: 's', text: 'sanksjoner mot Russland', date });
      local.add('operasjoner', { title: 'o', text: 'operasjoner i Ukraina', date });
      const found = local.search(parseQuery(query));
      assert.deepEqual(found.hits.map((hit) => hit.key), hits);
      assert.deepEqual([...found.terms].sort(), terms);
    });
  }

  it('counts the words it holds', () => {
    const local = new SearchIndex();
    local.add('a', { title: 'To ord', text: 'to ord og ett til', date });
    assert.equal(local.vocabularySize, 5, 'to, ord, og, ett, til');
  });
});

describe('type filters', () => {
  const run = (raw: string) => searchCorpus(raw, index, entities, { limit: 20, entityLimit: 5 });

  it('lists the most widely mentioned people for type:person alone, and no articles', () => {
    const found = run('type:person');
    assert.deepEqual(
      found.entities.map((entity) => entity.id),
      ['vladimir-putin', 'emmanuel-macron', 'joe-biden', 'volodymyr-zelenskyj', 'olaf-scholz'],
      'the five (entityLimit) most widely mentioned people',
    );
    assert.ok(found.entities.every((entity) => entity.type === 'person'));
    assert.equal(found.articles.hits.length, 0);
  });

  it('takes type:person with a name for the people so named, and their articles', () => {
    const found = run('type:person Stoltenberg');
    assert.equal(found.entities[0]?.id, 'jens-stoltenberg');
    assert.deepEqual(found.articles.hits.map((hit) => hit.key).sort(), ['000', '004']);
    assert.ok(found.entityIds.has('jens-stoltenberg'));
  });

  it('finds no place named like a person', () => {
    const found = run('type:place Stoltenberg');
    assert.deepEqual(found.entities, []);
    assert.equal(found.articles.total, 0);
  });

  it('searches words as usual without a type filter, and lists matching entities beside', () => {
    const found = run('Stoltenberg');
    assert.equal(found.articles.hits[0]?.key, '004');
    assert.equal(found.entities[0]?.id, 'jens-stoltenberg');
  });
});

describe('search queries', () => {
  const cases: [string, Partial<ReturnType<typeof parseQuery>>][] = [
    ['Macron Putin', { words: ['macron', 'putin'], lastWordOpen: true }],
    ['Macron Putin ', { words: ['macron', 'putin'], lastWordOpen: false }],
    ['"trappe opp" Nato', { words: ['nato'], phrases: [['trappe', 'opp']] }],
    ['@Putin @"Jens Stoltenberg"', { words: [], entities: ['Putin', 'Jens Stoltenberg'] }],
    ['type:person Støre', { types: ['person'], words: ['store'] }],
    ['date:2022-01 date:2021', { dates: [{ year: 2022, month: 1 }, { year: 2021, month: undefined }] }],
    ['date:2022-13 x', { dates: [], problems: ['date:2022-13 is not a date (use date:2022 or date:2022-01)'] }],
    ['type:planet x', { types: [], problems: ['type:planet is not a type (person, organization, place, event, other)'] }],
    ['type:pers', { types: [], problems: [] }],
    // Dates at their limits: months 1 to 12, four-digit years, nothing before or after.
    ['date:2022-12', { dates: [{ year: 2022, month: 12 }], problems: [] }],
    ['date:2022-1 x', { dates: [{ year: 2022, month: 1 }], problems: [] }],
    ['date:2022-0 x', { dates: [], problems: ['date:2022-0 is not a date (use date:2022 or date:2022-01)'] }],
    ['date:x2022 x', { dates: [], problems: ['date:x2022 is not a date (use date:2022 or date:2022-01)'] }],
    ['date:2022x x', { dates: [], problems: ['date:2022x is not a date (use date:2022 or date:2022-01)'] }],
    ['date:202', { dates: [], problems: [] }],
    ['type: x', { types: [], problems: ['type: is not a type (person, organization, place, event, other)'] }],
    ['x type:', { types: [], problems: ['type: is not a type (person, organization, place, event, other)'] }],
    // Whether the last word is still being typed: only a word at the very end, with no space or mark after it.
    ['Putin', { words: ['putin'], lastWordOpen: true }],
    ['Putin.', { words: ['putin'], lastWordOpen: false }],
    ['Putin date:2022', { words: ['putin'], lastWordOpen: false }],
    ['Putin "trappe opp"', { words: ['putin'], lastWordOpen: false }],
    ['"trappe opp', { words: [], phrases: [['trappe', 'opp']], lastWordOpen: false }],
    ['@Putin', { words: [], entities: ['Putin'], lastWordOpen: false }],
    ['@"Jens Stoltenberg" Nato', { words: ['nato'], entities: ['Jens Stoltenberg'], lastWordOpen: true }],
    ['@', { words: [], entities: [], lastWordOpen: false }],
    ['@"  " x', { words: ['x'], entities: [] }],
    // A quoted single word is a word; an empty quote is nothing; a run of marks is no word.
    ['"Putin" Nato', { words: ['putin', 'nato'], phrases: [] }],
    ['"" Nato', { words: ['nato'], phrases: [] }],
    ['Nato ...', { words: ['nato'], lastWordOpen: false }],
    ['Nato –', { words: ['nato'], lastWordOpen: false }],
    ['', { words: [], phrases: [], entities: [], types: [], dates: [], problems: [], lastWordOpen: false }],
  ];
  for (const [raw, expected] of cases) {
    it(`reads ${JSON.stringify(raw)}`, () => {
      const parsed = parseQuery(raw);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(parsed[key as keyof typeof parsed], value, key);
    });
  }
});

describe('queries with no words', () => {
  // Operators without a word: nothing to search for, said plainly (never a hit of no score).
  for (const raw of ['@(', '@', '"', '""', 'type:', '-', '@"', '@"("', '@- "" -', 'date:', '(', '…']) {
    it(`says ${JSON.stringify(raw)} has no words to search for, and finds nothing`, () => {
      const parsed = parseQuery(raw);
      assert.equal(hasNothingToSearch(raw, parsed), true);
      assert.deepEqual(parsed.entities, []);
      const found = searchCorpus(raw, index, entities, { limit: 30, entityLimit: 5 });
      assert.deepEqual([found.articles.hits.length, found.articles.total, found.entities.length], [0, 0, 0]);
      assert.equal(nothingToSearchMessage(raw).message, `"${raw}" has no words to search for`);
    });
  }
  for (const raw of ['', '   ', 'Putin', '@Putin', 'type:person', 'date:2022', '"trappe opp"', '@(Putin']) {
    it(`does not say ${JSON.stringify(raw)} has no words to search for`, () => assert.equal(hasNothingToSearch(raw, parseQuery(raw)), false));
  }
  it('still searches the words beside an operator', () => assert.deepEqual(search('Bærum @('), ['bærum']));
});

describe('entity names in search', () => {
  const cases: [string, string][] = [
    ['Putin', 'vladimir-putin'],
    ['Zelensky', 'volodymyr-zelenskyj'],
    ['Kiev', 'kyiv'],
    ['Stoltenberg', 'jens-stoltenberg'],
  ];
  for (const [name, id] of cases) it(`takes @${name} for ${id}`, () => assert.ok(entities.resolve(name).includes(id), entities.resolve(name).join(', ')));

  it('offers entities of a type whose names begin with what was typed', () => {
    const people = entities.search('stol', { type: 'person' });
    assert.equal(people[0]?.entity.id, 'jens-stoltenberg');
    assert.ok(entities.search('stol', { type: 'place' }).every((match) => match.entity.type === 'place'));
  });
});

describe('snippets', () => {
  const text = 'Første avsnitt om noe annet.\n\nI Moskva sa Vladimir Putin at samtalene med Macron\nhadde vært nyttige, men at mye gjenstår.\n\nMacron reiser hjem.';

  it('shows the passage with the most matched words, its words marked', () => {
    const matches = findMatches(text, new Set(['putin', 'macron']));
    assert.equal(matches.length, 3);
    const snippet = makeSnippet(text, matches, 80);
    assert.ok(snippet);
    assert.deepEqual(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e)), ['Putin', 'Macron']);
    assert.equal(text.slice(snippet.match.start, snippet.match.end), 'Putin');
    assert.ok(!snippet.text.includes('\n'));
  });

  it('marks a phrase only where its words follow each other', () => {
    const matches = findMatches(text, new Set(), [['vladimir', 'putin']]);
    assert.deepEqual(matches.map((m) => text.slice(m.start, m.end)), ['Vladimir', 'Putin']);
    assert.equal(hasPhrase(text, ['putin', 'vladimir']), false);
    assert.equal(hasPhrase(text, ['macron', 'hadde']), true);
  });

  it('finds folded spellings in the text', () => {
    assert.deepEqual(findMatches('Møte med Støre i Bærum.', new Set(['store', 'barum'])).length, 2);
  });

  it('gives no snippet without a match', () => {
    assert.equal(makeSnippet(text, []), undefined);
  });
});
