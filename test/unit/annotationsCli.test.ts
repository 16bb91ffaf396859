import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotationsBySource } from '../../src/cli/annotations';
import { main } from '../../src/cli/main';
import { describeRange } from '../../src/core/annotations/anchoring';
import { type Annotation, contentOf, createAnnotation, editAnnotation, parseCollection, textHash, toCollection } from '../../src/core/annotations/model';
import { MAX_ANNOTATIONS_FILE_BYTES } from '../../src/core/limits';
import { parseArticle } from '../../src/core/parse';
import { seedFiles, seedsDir } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => void out.push(line), err: (line) => void err.push(line) });
  return { code, out, err };
}

const seed = readFileSync(join(seedsDir, seedFiles()[4]), 'utf8');
const parsedSeed = parseArticle(seed);
if (!parsedSeed.ok) throw new Error('seed does not parse');
const body = parsedSeed.article.text;

function quoting(id: string, quote: string, note: string, source = 'corpus/nato.txt', when = '2026-11-22T10:00:00Z'): Annotation {
  const start = body.indexOf(quote);
  assert.ok(start >= 0, quote);
  return createAnnotation({ id, now: new Date(when), source, textHash: textHash(body), selectors: describeRange(body, start, start + quote.length), content: { note, tags: [], colour: 'Question' } });
}

function ids(annotations: readonly Annotation[]): string[] {
  return annotations.map((a) => a.id);
}

describe('annotations export, in order and linear', () => {
  it('groups annotations by article in the order of the file, however they are interleaved', () => {
    const cases: { name: string; sources: string[]; article: string; expected: string[] }[] = [
      { name: 'one article', sources: ['a.txt', 'a.txt', 'a.txt'], article: '/ws/a.txt', expected: ['0', '1', '2'] },
      { name: 'two articles interleaved', sources: ['a.txt', 'b.txt', 'a.txt', 'b.txt', 'a.txt'], article: '/ws/a.txt', expected: ['0', '2', '4'] },
      { name: 'the second of them', sources: ['a.txt', 'b.txt', 'a.txt', 'b.txt', 'a.txt'], article: '/ws/b.txt', expected: ['1', '3'] },
      { name: 'a sample, by its file name', sources: ['sample:n.txt', 'a.txt', 'sample:n.txt'], article: '/seeds/n.txt', expected: ['0', '2'] },
      { name: 'a file that moved, by its file name', sources: ['old/c.txt', 'old/c.txt'], article: '/elsewhere/c.txt', expected: ['0', '1'] },
      { name: 'an absolute file: URI', sources: ['file:///corpus/d.txt', 'd2.txt', 'file:///corpus/d.txt'], article: '/corpus/d.txt', expected: ['0', '2'] },
    ];
    for (const { name, sources, article, expected } of cases) {
      const annotations = sources.map((source, i) => quoting(String(i), 'Intenst diplomati', '', source));
      const { bySource } = annotationsBySource(annotations, '/ws');
      const key = bySource.find(article);
      assert.ok(key !== undefined, name);
      assert.deepEqual(ids(bySource.take(key)), expected, name);
    }
  });

  it('exports annotations on the same words in the order of the file, and each once', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ar-export-order-'));
    try {
      mkdirSync(join(workspace, '.annotated-reader'));
      mkdirSync(join(workspace, 'corpus'));
      writeFileSync(join(workspace, 'corpus', 'nato.txt'), seed);
      // Twelve on the same words (placement keeps their order), with one later in the text between them.
      const same = Array.from({ length: 12 }, (_, i) => quoting(`urn:uuid:same-${i}`, 'Intenst diplomati', `Notat ${String(i).padStart(2, '0')}`));
      const later = quoting('urn:uuid:later', 'Jens Stoltenberg sier', 'Senere');
      const file = join(workspace, '.annotated-reader', 'annotations.json');
      writeFileSync(file, JSON.stringify(toCollection([...same.slice(0, 6), later, ...same.slice(6)])));
      const md = await run('annotations', 'export', '--format', 'md', file, join(workspace, 'corpus'));
      assert.equal(md.code, 0, md.err.join('\n'));
      const notes = md.out.join('\n').match(/^(Notat \d+|Senere)$/gm);
      assert.deepEqual(notes, [...Array.from({ length: 12 }, (_, i) => `Notat ${String(i).padStart(2, '0')}`), 'Senere']);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('reports an entry whose file: source is no file here, naming it, and exports the rest', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ar-export-sources-'));
    try {
      mkdirSync(join(workspace, 'corpus'));
      writeFileSync(join(workspace, 'corpus', 'nato.txt'), seed);
      const file = join(workspace, 'annotations.json');
      const cases = [
        { id: 'urn:uuid:host', source: 'file://evilhost/etc/passwd', reason: /urn:uuid:host: its source file:\/\/evilhost\/etc\/passwd is not a file on this machine/ },
        { id: 'urn:uuid:slash', source: 'file:///tmp/a%2Fb.txt', reason: /urn:uuid:slash: its source file:\/\/\/tmp\/a%2Fb\.txt is not a file on this machine/ },
      ];
      writeFileSync(file, JSON.stringify(toCollection([...cases.map((c) => quoting(c.id, 'Intenst diplomati', 'Borte', c.source)), quoting('urn:uuid:good', 'Intenst diplomati', 'Her', 'corpus/nato.txt')])));
      const md = await run('annotations', 'export', '--format', 'md', file, join(workspace, 'corpus'));
      assert.equal(md.code, 1, 'a partial failure');
      assert.equal(md.err.length, cases.length);
      cases.forEach((c, i) => assert.match(md.err[i], c.reason));
      const text = md.out.join('\n');
      assert.match(text, /^## Intenst diplomati/);
      assert.match(text, /^Her$/m, 'the good entry is exported');
      for (const c of cases) assert.ok(text.includes(`## ${c.source.replace(/[_*[\]]/g, '\\$&')}`), `${c.source} is listed as not found`);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('annotations import', () => {
  let folder: string;
  let target: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ar-import-'));
    target = join(folder, 'ws', '.annotated-reader', 'annotations.json');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, items: readonly unknown[]): string => {
    const path = join(folder, name);
    writeFileSync(path, JSON.stringify({ type: 'AnnotationCollection', items }));
    return path;
  };
  const targetIds = (): string[] => {
    const parsed = parseCollection(readFileSync(target, 'utf8'));
    assert.ok(parsed.ok);
    return ids(parsed.annotations).sort();
  };

  it('merges collections into the target, the newer of each annotation kept, and says what it did', async () => {
    const a = quoting('urn:uuid:a', 'Intenst diplomati', 'A');
    const b = quoting('urn:uuid:b', 'Jens Stoltenberg sier', 'B');
    const newerB = editAnnotation(b, { note: 'B, nyere', tags: [], colour: 'Question' }, new Date('2026-12-01T00:00:00Z'));
    const first = await run('annotations', 'import', write('one.json', [a, b]), '--into', target);
    assert.equal(first.code, 0, first.err.join('\n'));
    assert.match(first.out.at(-1) ?? '', /: 2 new, 0 updated, 0 duplicates skipped; it holds 2\.$/);
    const cases: { name: string; files: unknown[][]; code: number; summary: RegExp; noteOfB: string }[] = [
      { name: 'the same again', files: [[a, b]], code: 0, summary: /0 new, 0 updated, 2 duplicates skipped; it holds 2/, noteOfB: 'B' },
      { name: 'a newer b, and an older one in a second file', files: [[newerB], [b]], code: 0, summary: /0 new, 1 updated, 1 duplicate skipped; it holds 2/, noteOfB: 'B, nyere' },
      { name: 'an older b after the newer', files: [[b]], code: 0, summary: /0 new, 0 updated, 1 duplicate skipped/, noteOfB: 'B, nyere' },
      { name: 'a broken entry beside a new one', files: [[{ id: 'x' }, quoting('urn:uuid:c', 'Intenst diplomati', 'C')]], code: 0, summary: /1 new, 0 updated, 0 duplicates skipped, 1 broken entry skipped; it holds 3/, noteOfB: 'B, nyere' },
    ];
    for (const [i, c] of cases.entries()) {
      const files = c.files.map((items, n) => write(`case${i}-${n}.json`, items));
      const result = await run('annotations', 'import', ...files, '--into', target);
      assert.equal(result.code, c.code, `${c.name}: ${result.err.join('\n')}`);
      assert.match(result.out.at(-1) ?? '', c.summary, c.name);
      const parsed = parseCollection(readFileSync(target, 'utf8'));
      assert.ok(parsed.ok);
      assert.equal(contentOf(parsed.annotations.find((x) => x.id === 'urn:uuid:b') as Annotation).note, c.noteOfB, c.name);
    }
  });

  it('keeps the target’s entries it cannot read, as the store does', async () => {
    const future = { id: 'urn:uuid:future', type: 'Annotation', created: 'x', modified: 'x', body: [{ type: 'SpecificResource', source: 'https://example.org/' }], target: {} };
    mkdirSync(join(folder, 'ws', '.annotated-reader'), { recursive: true });
    writeFileSync(target, JSON.stringify({ type: 'AnnotationCollection', items: [future] }));
    const result = await run('annotations', 'import', write('one.json', [quoting('urn:uuid:a', 'Intenst diplomati', 'A')]), '--into', target);
    assert.equal(result.code, 0, result.err.join('\n'));
    const written = JSON.parse(readFileSync(target, 'utf8'));
    assert.deepEqual(written.items.at(-1), future);
    assert.deepEqual(targetIds(), ['urn:uuid:a']);
  });

  it('never changes a target it cannot read: a clear message naming it and exit code 1', async () => {
    const cases: { name: string; content: string | Buffer; message: RegExp }[] = [
      { name: 'not JSON', content: '{"type": "AnnotationCollection", "items": [', message: /annotations\.json cannot be read: it is not valid JSON.*It was not changed and nothing was imported/ },
      { name: 'not a collection', content: '{"entities": []}', message: /annotations\.json cannot be read: it is not an AnnotationCollection.*It was not changed/ },
      { name: 'over the size limit', content: Buffer.alloc(MAX_ANNOTATIONS_FILE_BYTES + 1, 0x20), message: /annotations\.json is 64\.0 MB, more than the 64 MB an annotations file may be\. It was not changed/ },
    ];
    const source = write('one.json', [quoting('urn:uuid:a', 'Intenst diplomati', 'A')]);
    for (const c of cases) {
      mkdirSync(join(folder, 'ws', '.annotated-reader'), { recursive: true });
      writeFileSync(target, c.content);
      const result = await run('annotations', 'import', source, '--into', target);
      assert.equal(result.code, 1, c.name);
      assert.match(result.err.join('\n'), c.message, c.name);
      assert.ok(readFileSync(target).equals(Buffer.from(c.content)), `${c.name}: untouched`);
      rmSync(join(folder, 'ws'), { recursive: true, force: true });
    }
  });

  it('imports the files it can read, names the others, and exits 1', async () => {
    const good = write('good.json', [quoting('urn:uuid:a', 'Intenst diplomati', 'A')]);
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, 'nope');
    const result = await run('annotations', 'import', good, broken, join(folder, 'missing.json'), '--into', target);
    assert.equal(result.code, 1);
    assert.match(result.err.join('\n'), /broken\.json: it is not valid JSON.*not imported/);
    assert.match(result.err.join('\n'), /missing\.json: cannot be read: no such file or folder/);
    assert.match(result.err.at(-1) ?? '', /2 of 3 files could not be read/);
    assert.deepEqual(targetIds(), ['urn:uuid:a']);
    assert.deepEqual(readdirSync(join(folder, 'ws', '.annotated-reader')), ['annotations.json'], 'no temporary file or lock left');
  });

  it('asks for files and a target', async () => {
    for (const argv of [['annotations', 'import', '--into', 'x.json'], ['annotations', 'import', 'a.json']]) {
      const result = await run(...argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.err[0], /annotations import <files\.\.\.> --into <annotations file>/);
    }
  });
});
