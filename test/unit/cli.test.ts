import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { seedFiles, seedsDir } from './helpers';
import { describeRange } from '../../src/core/annotations/anchoring';
import { toW3c } from '../../src/core/annotations/export';
import { createAnnotation, textHash } from '../../src/core/annotations/model';
import { parseArticle } from '../../src/core/parse';
import { INDEX_SNAPSHOT_FORMAT } from '../../src/core/persist/indexSnapshot';
import { encodeSnapshot } from '../../src/core/persist/snapshotFile';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { searchStateSections } from '../../src/core/search/searchIndexState';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => void out.push(line), err: (line) => void err.push(line) });
  return { code, out, err };
}

describe('annotated-reader entities', () => {
  it('prints one JSON object per entity, most widely mentioned first, with months, quotes and companions', async () => {
    const { code, out, err } = await run('entities', seedsDir, '--json');
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    const rows = out.map((line) => JSON.parse(line) as { id: string; name: string; type: string; articles: number; mentions: number; months: Record<string, number>; quotes: number; cooccurs: { id: string; name: string; articles: number; paragraphs: number }[] });
    assert.ok(rows.length > 50);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].articles >= rows[i].articles, `${rows[i - 1].id} before ${rows[i].id}`);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), ['id', 'name', 'type', 'articles', 'mentions', 'months', 'quotes', 'cooccurs']);
      assert.equal(Object.values(row.months).reduce((a, b) => a + b, 0), row.mentions, row.id);
      assert.ok(Object.keys(row.months).every((month) => /^\d{4}-\d{2}$/u.test(month)));
      assert.ok(row.cooccurs.every((c) => c.id !== row.id && c.articles >= 1 && c.articles <= row.articles));
    }
    const stoltenberg = rows.find((r) => r.id === 'jens-stoltenberg');
    assert.ok(stoltenberg && stoltenberg.quotes >= 3, JSON.stringify(stoltenberg));
    assert.deepEqual(Object.keys(stoltenberg.months), ['2022-01', '2022-02']);
    // Co-occurrence is symmetric in articles.
    const putin = rows.find((r) => r.id === 'vladimir-putin');
    const macron = rows.find((r) => r.id === 'emmanuel-macron');
    assert.ok(putin && macron);
    assert.equal(putin.cooccurs.find((c) => c.id === 'emmanuel-macron')?.articles, macron.cooccurs.find((c) => c.id === 'vladimir-putin')?.articles);
  });

  it('keeps the most widely mentioned with --limit, and prints lines without --json', async () => {
    const { code, out } = await run('entities', seedsDir, '--limit', '3');
    assert.equal(code, 0);
    assert.equal(out.length, 3);
    assert.match(out[0], /^\S.* \((?:person|organization|place|event|other)\): \d+ articles?, \d+ mentions?, \d+ quotes?/u);
    const bad = await run('entities', seedsDir, '--limit', 'many');
    assert.equal(bad.code, 2);
    const none = await run('entities');
    assert.equal(none.code, 2);
  });
});

describe('annotated-reader quotes', () => {
  it('export gives each article its quotes, spans into its text, speakers with their entity ids', async () => {
    const { out } = await run('export', seedsDir);
    for (const line of out) {
      const article = JSON.parse(line) as { text: string; entities: { entityId: string }[]; quotes: { start: number; end: number; kind: string; speaker: string | null; speakerId: string | null; cue: string | null }[] };
      assert.ok(article.quotes.length > 0);
      for (const q of article.quotes) {
        assert.ok(['direct', 'reported', 'question'].includes(q.kind));
        assert.ok(q.start < q.end && q.end <= article.text.length);
        assert.deepEqual(Object.keys(q), ['start', 'end', 'kind', 'speaker', 'speakerId', 'cue']);
        if (q.speakerId) assert.ok(article.entities.some((e) => e.entityId === q.speakerId), q.speakerId);
      }
    }
    const stoltenberg = out.flatMap((line) => (JSON.parse(line) as { quotes: { speakerId: string | null }[] }).quotes).filter((q) => q.speakerId === 'jens-stoltenberg');
    assert.ok(stoltenberg.length >= 3, `${stoltenberg.length}`);
  });

  it('lists one speaker\'s quotes in date order, as JSON lines', async () => {
    const { code, out, err } = await run('quotes', seedsDir, '--speaker', 'stoltenberg', '--json');
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    const rows = out.map((line) => JSON.parse(line) as { date: string; path: string; speaker: string; text: string; kind: string });
    assert.ok(rows.length >= 3);
    assert.ok(rows.every((r) => r.speaker === 'Jens Stoltenberg'));
    assert.deepEqual(rows.map((r) => r.date), [...rows.map((r) => r.date)].sort());
    assert.ok(rows.some((r) => r.kind === 'direct' && r.text.startsWith('Alle tegn tyder på')));
  });

  it('writes CSV with a header, quoting what must be quoted', async () => {
    const { code, out } = await run('quotes', seedsDir, '--format', 'csv');
    assert.equal(code, 0);
    assert.equal(out[0], 'date,path,title,kind,speaker,speakerId,cue,start,end,text');
    assert.ok(out.length > 50);
    assert.ok(out.slice(1).every((line) => /^20\d\d-\d\d(?:-\d\d)?,/u.test(line)));
  });

  it('says so when no quote is the speaker\'s, and refuses two formats at once', async () => {
    const none = await run('quotes', seedsDir, '--speaker', 'Ingen Slik Person');
    assert.equal(none.code, 0);
    assert.deepEqual(none.out, []);
    assert.match(none.err.join('\n'), /no quote by "Ingen Slik Person" in 5 articles/u);
    const both = await run('quotes', seedsDir, '--json', '--format', 'csv');
    assert.equal(both.code, 2);
    const nothing = await run('quotes');
    assert.equal(nothing.code, 2);
    assert.match(nothing.err.join('\n'), /name at least one file or folder/u);
  });
});

describe('annotated-reader export', () => {
  it('prints one JSON object per seed, with the headlines and parts', async () => {
    const { code, out, err } = await run('export', seedsDir, '--format', 'jsonl');
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    const articles = out.map((line) => JSON.parse(line) as { path: string; date: string; title: string; byline: string | null; text: string; parts: { kind: string; start: number; end: number }[] });
    assert.deepEqual(
      articles.map((a) => [a.date, a.title]),
      [
        ['2022-02', 'Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning'],
        ['2022-02', 'Biden fremskynder telefonsamtalen med Putin om Ukraina-krisen.'],
        ['2022-02', 'Den franske presidenten kom halvannen time forsinket til møtet i Moskva.'],
        ['2022-02', 'Macron til Putin: Krever umiddelbar stans'],
        ['2022-01', 'Intenst diplomati - inviterer Russland til nye Nato-møter'],
      ],
    );
    assert.equal(articles[0].byline, 'NTB, Runa Fjellanger og Kyrre Lien');
    for (const a of articles) {
      assert.ok(!a.text.startsWith(' date'), 'text starts after the header');
      const headline = a.parts.find((p) => p.kind === 'headline');
      assert.ok(headline);
      assert.equal(a.text.slice(headline.start, headline.end), a.title);
    }
  });

  it('adds the entities, each span pointing into the text', async () => {
    const { out } = await run('export', seedsDir);
    // The recogniser's mentions per seed, in file order (the gold tests check what they are).
    assert.deepEqual(
      out.map((line) => (JSON.parse(line) as { entities: unknown[] }).entities.length),
      [85, 102, 47, 71, 67],
    );
    for (const line of out) {
      const article = JSON.parse(line) as { text: string; entities: { start: number; end: number; text: string; entityId: string; canonical: string; type: string }[] };
      for (const e of article.entities) assert.equal(article.text.slice(e.start, e.end), e.text);
    }
    const first = JSON.parse(out[0]) as { entities: { text: string; canonical: string }[] };
    assert.ok(first.entities.some((e) => e.text === 'Russlands' && e.canonical === 'Russland'));
  });

  it('prints CoNLL with BIO tags', async () => {
    const { code, out } = await run('export', seedsDir, '--format', 'conll');
    assert.equal(code, 0);
    const text = out.join('\n');
    assert.equal(text.split('-DOCSTART-').length - 1, 5);
    assert.match(text, /^Jens\tB-PER\nStoltenberg\tI-PER$/m);
  });

  it('benchmarks entity recognition and prints figures against a budget', async () => {
    const { out } = await run('bench', 'entities', '--articles', '50', '--json');
    const figures = JSON.parse(out[0]) as Record<string, unknown>;
    assert.equal(figures.articles, 50);
    for (const key of ['megabytes', 'parseMBps', 'entitiesMBps', 'mentions']) assert.ok(typeof figures[key] === 'number' && (figures[key] as number) > 0, key);
    assert.equal(typeof figures.withinBudget, 'boolean');
  });

  it('searches the seeds: ranked results with path, title, date, score and snippet', async () => {
    const { code, out } = await run('search', 'Stoltenbrg', seedsDir, '--json', '--limit', '2');
    assert.equal(code, 0);
    const results = out.map((line) => JSON.parse(line) as { path: string; title: string; date: string; score: number; snippet: string });
    assert.equal(results.length, 2);
    assert.equal(results[0].title, 'Intenst diplomati - inviterer Russland til nye Nato-møter');
    assert.equal(results[0].date, '2022-01');
    assert.ok(results[0].score >= results[1].score);
    for (const result of results) assert.match(result.snippet, /Stoltenberg/);
  });

  it('keeps only the articles with a quoted phrase, and shows an entity filter\'s mentions', async () => {
    const phrase = await run('search', '"trappe opp"', seedsDir, '--json');
    assert.deepEqual(phrase.out.map((line) => (JSON.parse(line) as { title: string }).title), ['Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning']);
    const filtered = await run('search', '@Putin date:2022-01', seedsDir, '--json');
    const [only] = filtered.out.map((line) => JSON.parse(line) as { date: string; snippet: string });
    assert.equal(filtered.out.length, 1);
    assert.equal(only.date, '2022-01');
    assert.match(only.snippet, /Putin/);
  });

  it('benchmarks the search against fuse.js, one JSON object per size', async () => {
    const { out } = await run('bench', '--articles', '30,60', '--json');
    const figures = out.map((line) => JSON.parse(line) as Record<string, unknown> & { baseline: Record<string, unknown>; quality: Record<string, number> });
    assert.deepEqual(figures.map((f) => f.articles), [30, 60]);
    for (const f of figures) {
      for (const key of ['buildMs', 'heapMB', 'p50Ms', 'p95Ms', 'reloadMs', 'saveMs', 'savedMB']) assert.equal(typeof f[key], 'number', key);
      for (const key of ['buildMs', 'p50Ms', 'p95Ms', 'queries']) assert.equal(typeof f.baseline[key], 'number', `baseline.${key}`);
      assert.ok(f.quality.precisionAt10 > 0.5);
    }
  });

  it('times reading a saved index back, and refuses a file that is not one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ar-reload-'));
    try {
      const index = new SearchIndex();
      index.add('a', { title: 'Stoltenberg i Oslo', text: 'Generalsekretær Jens Stoltenberg talte.', date: { year: 2022, month: 2 } });
      const file = join(folder, 'corpus-index.bin');
      writeFileSync(file, encodeSnapshot(INDEX_SNAPSHOT_FORMAT, {}, searchStateSections(index.exportState())));
      const good = await run('bench', 'reload', file, '--query', 'Stoltenbrg', '--json');
      assert.equal(good.code, 0, good.err.join('\n'));
      const figures = JSON.parse(good.out[0]) as { articles: number; total: number; reloadMs: number };
      assert.equal(figures.articles, 1);
      assert.equal(figures.total, 1);
      assert.equal(typeof figures.reloadMs, 'number');
      const broken = join(folder, 'broken.bin');
      writeFileSync(broken, 'not an index');
      const bad = await run('bench', 'reload', broken);
      assert.equal(bad.code, 1);
      assert.match(bad.err.join('\n'), /broken\.bin is not a saved index that can be used: it is not a saved index/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exports a workspace\'s annotations as Markdown, in text order, and as W3C JSON-LD', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ar-annotations-'));
    try {
      mkdirSync(join(workspace, '.annotated-reader'));
      mkdirSync(join(workspace, 'corpus'));
      const seed = readFileSync(join(seedsDir, seedFiles()[4]), 'utf8');
      writeFileSync(join(workspace, 'corpus', 'nato.txt'), seed);
      const parsed = parseArticle(seed);
      assert.ok(parsed.ok);
      const body = parsed.article.text;
      const make = (id: string, quote: string, note: string) => {
        const start = body.indexOf(quote);
        return createAnnotation({ id, now: new Date('2026-11-22T10:00:00Z'), source: 'corpus/nato.txt', textHash: textHash(body), selectors: describeRange(body, start, start + quote.length), content: { note, tags: ['nato'], colour: 'Question' } });
      };
      const file = join(workspace, '.annotated-reader', 'annotations.json');
      writeFileSync(file, toW3c([make('urn:uuid:2', 'Jens Stoltenberg sier', 'Andre'), make('urn:uuid:1', 'Intenst diplomati', 'Første')]));
      const md = await run('annotations', 'export', '--format', 'md', file, join(workspace, 'corpus'));
      assert.equal(md.code, 0);
      const text = md.out.join('\n');
      assert.match(text, /^## Intenst diplomati - inviterer Russland til nye Nato-møter\n\n\*January 2022\*/);
      assert.ok(text.indexOf('Første') < text.indexOf('Andre'), 'in text order');
      const w3c = await run('annotations', 'export', '--format', 'w3c', file);
      assert.equal((JSON.parse(w3c.out.join('\n')) as { items: unknown[] }).items.length, 2);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('writes the generated corpus as article files the export reads back, and never overwrites one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ar-generate-'));
    try {
      const { code, out } = await run('generate', '--articles', '120', '--out', dir);
      assert.equal(code, 0);
      assert.match(out[0], /^Wrote 120 articles/);
      assert.deepEqual(readdirSync(dir).sort(), ['0000', '0001']);
      const exported = await run('export', dir);
      assert.equal(exported.code, 0);
      assert.equal(exported.out.length, 120);
      const again = await run('generate', '--articles', '1', '--out', dir);
      assert.equal(again.code, 1);
      assert.match(again.err[0], /EEXIST/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with bad input', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ar-cli-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reports unreadable files on stderr and still exports the rest', async () => {
      writeFileSync(join(dir, 'good.txt'), ' date 2022-03 Overskrift\r\n\r\nTekst.');
      writeFileSync(join(dir, 'empty.txt'), '');
      writeFileSync(join(dir, 'bad-date.txt'), ' date 2022-13 Tekst.');
      writeFileSync(join(dir, 'notes.md'), 'not read: not matched by the include glob');
      const { code, out, err } = await run('export', dir, join(dir, 'missing.txt'));
      assert.equal(code, 0);
      assert.equal(out.length, 1);
      assert.equal(JSON.parse(out[0]).text, 'Overskrift\n\nTekst.');
      assert.equal(err.length, 3);
      assert.ok(err.some((line) => line.includes('bad-date.txt') && line.includes('no month 13')));
      assert.ok(err.some((line) => line.includes('empty.txt') && line.includes('empty')));
      assert.ok(err.some((line) => line.includes('missing.txt') && line.includes('no such file')));
    });

    it('skips files over the size limit and follows symbolic links to files', async () => {
      writeFileSync(join(dir, 'stor.txt'), ` date 2022-03 Stor\n\n${'Tekst. '.repeat(200_000)}`);
      mkdirSync(join(dir, 'ekte'));
      writeFileSync(join(dir, 'ekte', 'sak.txt'), ' date 2022-03 Lenket sak\n\nTekst.');
      symlinkSync(join(dir, 'ekte', 'sak.txt'), join(dir, 'lenke.txt'));
      const { out, err } = await run('export', dir, '--max-size-mb', '1');
      assert.deepEqual(out.map((line) => JSON.parse(line).path.slice(dir.length + 1)), ['ekte/sak.txt', 'lenke.txt']);
      assert.ok(err.some((line) => line.includes('stor.txt') && line.includes('more than --max-size-mb 1')), err.join('\n'));
    });

    it('writes brat .txt and .ann files', async () => {
      const { code } = await run('export', seedsDir, '--format', 'brat', '--out', dir);
      assert.equal(code, 0);
      assert.equal(readdirSync(dir).filter((name) => name.endsWith('.ann')).length, 5);
      const ann = readFileSync(join(dir, '004_22857d8c1e2fe89c.ann'), 'utf8');
      assert.match(ann, /^T\d+\tPlace \d+ \d+\tBERLIN$/m);
    });

    it('takes a knowledge base of the user first, and reports its bad entries', async () => {
      const kb = join(dir, 'mine.kb.json');
      writeFileSync(
        kb,
        JSON.stringify({
          entities: [
            { id: 'putin-the-film', name: 'Putin (film)', type: 'other', aliases: ['Putin'], description: 'A film.' },
            { id: 'Bad', name: 'x', type: 'person', description: '' },
          ],
        }),
      );
      writeFileSync(join(dir, 'a.txt'), ' date 2022-03 Overskrift\n\nPutin kom.');
      const { code, out, err } = await run('export', join(dir, 'a.txt'), '--kb', kb);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out[0]).entities.map((e: { canonical: string }) => e.canonical), ['Putin (film)']);
      assert.ok(err.some((line) => line.includes('mine.kb.json: entities[1]')), err.join('\n'));
    });

    it('honours the corrections of a knowledge base: its notNames are never a name', async () => {
      const kb = join(dir, 'corrections.kb.json');
      writeFileSync(kb, JSON.stringify({ entities: [], notNames: ['Putin', 7] }));
      writeFileSync(join(dir, 'b.txt'), ' date 2022-03 Overskrift\n\nPutin kom til Berlin.');
      const { code, out, err } = await run('export', join(dir, 'b.txt'), '--kb', kb);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out[0]).entities.map((e: { canonical: string }) => e.canonical), ['Berlin']);
      assert.ok(err.some((line) => line.includes('corrections.kb.json: notNames[1]')), err.join('\n'));
    });

    it('gives a name the rules find its type across the files, as the reader does: trener Vestbø in one makes fra Vestbø a person in the other', async () => {
      writeFileSync(join(dir, 'a-fra.txt'), ' date 2031-04 Bussen kom sent\n\nLaget reiste hjem fra Vestbø i går kveld.\n');
      writeFileSync(join(dir, 'b-trener.txt'), ' date 2031-04 Seier på hjemmebane\n\n– Vi var gode i dag, sa trener Vestbø etter kampen.\n');
      const typesOf = (lines: string[]) =>
        lines.map((line) => (JSON.parse(line) as { entities: { text: string; type: string; entityId: string }[] }).entities.map((e) => [e.text, e.type, e.entityId]));
      // Alone, the weak article's Vestbø is a guess of a place.
      const alone = await run('export', join(dir, 'a-fra.txt'));
      assert.deepEqual(typesOf(alone.out), [[['Vestbø', 'place', 'unknown-vestbo']]]);
      // With the strong article in the export, the file before it (written first) is typed by it too.
      const both = await run('export', dir);
      assert.equal(both.code, 0);
      assert.deepEqual(both.err, []);
      assert.deepEqual(typesOf(both.out), [[['Vestbø', 'person', 'unknown-vestbo']], [['Vestbø', 'person', 'unknown-vestbo']]]);
      const conll = await run('export', dir, '--format', 'conll');
      assert.match(conll.out[0], /^Vestbø\tB-PER$/m);
    });

    it('reads UTF-16 files with a byte-order mark, and counts broken UTF-8 as the decoder replaces it', async () => {
      const text = ' date 2022-03 Støre i Ålesund\n\nTekst.';
      const le = Buffer.from('\ufeff' + text, 'utf16le');
      const be = Buffer.from(le).swap16();
      writeFileSync(join(dir, 'le.txt'), le);
      writeFileSync(join(dir, 'be.txt'), be);
      writeFileSync(join(dir, 'surrogate.txt'), Buffer.concat([Buffer.from(' date 2022-03 Støre '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n\nTekst.')]));
      const { code, out, err } = await run('export', dir);
      assert.equal(code, 0);
      assert.deepEqual(
        out.map((line) => [JSON.parse(line).path.slice(dir.length + 1), JSON.parse(line).title]),
        [['be.txt', 'Støre i Ålesund'], ['le.txt', 'Støre i Ålesund'], ['surrogate.txt', 'Støre \uFFFD\uFFFD\uFFFD']],
      );
      assert.deepEqual(err, [
        `${join(dir, 'surrogate.txt')}: warning: The file has 3 invalid UTF-8 sequences (the first at byte 21); they are shown as \uFFFD.`,
      ]);
    });

    it('exits non-zero when nothing could be read', async () => {
      writeFileSync(join(dir, 'x.txt'), 'no header');
      const { code, out } = await run('export', dir);
      assert.equal(code, 1);
      assert.deepEqual(out, []);
    });
  });

  const usage: [string[], number, RegExp][] = [
    [['--help'], 0, /Usage: annotated-reader/],
    [[], 2, /no command given/],
    [['frobnicate'], 2, /unknown command "frobnicate"/],
    [['export'], 2, /name at least one file or folder/],
    [['export', '.', '--format', 'xml'], 2, /unknown format "xml"; supported: jsonl, brat, conll/],
    [['export', '--bogus'], 2, /Unknown option/],
    [['export', '.', '--include', '**/{a,b'], 2, /--include: "\*\*\/\{a,b" is not a valid glob pattern/],
    [['export', '.', '--max-size-mb', 'lots'], 2, /--max-size-mb takes a positive number/],
    [['export', '.', '--format', 'brat'], 2, /name a folder with --out/],
    [['bench', 'words'], 2, /measure the search \(no argument\), entities, annotations, export, cards, or reload <file>/],
    [['bench', 'reload'], 2, /name one saved index file/],
    [['bench', '--articles', '10,x'], 2, /--articles takes whole numbers separated by commas/],
    [['search', 'Putin'], 2, /give a query and at least one file or folder/],
    [['search', 'Putin', '.', '--limit', '0'], 2, /--limit takes a whole number/],
    [['search', '@(', seedsDir], 2, /^annotated-reader search: "@\(" has no words to search for\. Give a word, a "phrase", @name/],
    [['search', 'type:', seedsDir], 2, /type: is not a type[^]*"type:" has no words to search for/],
    [['search', 'Putin', seedsDir, '--include', '['], 2, /^annotated-reader search: --include: "\[" is not a valid glob pattern \(a "\[" is never closed\)\.$/],
    [['bench', 'entities', '--articles', 'many'], 2, /--articles takes a whole number/],
    [['generate', '--articles', '10'], 2, /name the folder to write with --out/],
    [['annotations', 'export', '--format', 'pdf', 'a.json'], 2, /annotations export --format md\|w3c/],
    [['annotations', 'export', '--format', 'md', 'a.json'], 2, /annotations export --format md\|w3c/],
    [['generate', '--articles', '0', '--out', 'x'], 2, /--articles takes a whole number/],
    [['export', '.', '--kb', '/nonexistent/kb.json'], 2, /kb\.json: cannot be read: no such file/],
  ];
  for (const [argv, code, message] of usage) {
    it(`answers "${argv.join(' ')}" with exit code ${code}`, async () => {
      const result = await run(...argv);
      assert.equal(result.code, code);
      assert.match([...result.out, ...result.err].join('\n'), message);
    });
  }
});
