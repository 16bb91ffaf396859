import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { describeRange } from '../../src/core/annotations/anchoring';
import { type Annotation, createAnnotation, parseCollection, textHash, toCollection } from '../../src/core/annotations/model';
import { AnnotationStore } from '../../src/core/annotations/store';
import { parseKnowledgeBase } from '../../src/core/entities/knowledgeBase';
import { editKnowledgeBase } from '../../src/core/entities/knowledgeBaseEdit';
import * as limits from '../../src/core/limits';
import { parseWebviewMessage } from '../../src/webview/protocol';
import { repoRoot, seedsDir } from './helpers';
import { MemoryFileSystem } from './memoryFileSystem';

const PATH = '/ws/.annotated-reader/annotations.json';
const text = 'Putin og Macron er enige om et møte. Stoltenberg advarer.';
function note(id: string, content = 'Et notat'): Annotation {
  return createAnnotation({ id, now: new Date('2026-11-22T10:00:00Z'), source: 'a.txt', textHash: textHash(text), selectors: describeRange(text, 0, 5), content: { note: content, tags: [], colour: 'Key claim' } });
}
const collection = (items: readonly unknown[]) => JSON.stringify(toCollection(items as Annotation[]), null, 2);

describe('limits on what is read', () => {
  it('states each limit once, for the host, the webview protocol, the CLI and the README', () => {
    // The protocol takes the store's limits: a note the file may hold, a message may carry, and no more.
    const edit = (note: string, tags: string[]) => parseWebviewMessage({ type: 'webviewDidRequestEditAnnotation', id: 'urn:uuid:1', colour: 'Key claim', note, tags });
    assert.ok(edit('x'.repeat(limits.MAX_NOTE_LENGTH), []));
    assert.equal(edit('x'.repeat(limits.MAX_NOTE_LENGTH + 1), []), undefined);
    assert.ok(edit('', Array.from({ length: limits.MAX_TAGS }, (_, i) => `t${i}`)));
    assert.equal(edit('', Array.from({ length: limits.MAX_TAGS + 1 }, (_, i) => `t${i}`)), undefined);
    assert.equal(edit('', ['x'.repeat(limits.MAX_TAG_LENGTH + 1)]), undefined);
    const add = (name: string) => parseWebviewMessage({ type: 'webviewDidRequestAddToKnowledgeBase', entityId: 'putin', text: name });
    assert.ok(add('x'.repeat(limits.MAX_ENTITY_NAME_LENGTH)));
    assert.equal(add('x'.repeat(limits.MAX_ENTITY_NAME_LENGTH + 1)), undefined);
  });

  it('gives the JSON Schemas the same limits, so VS Code flags an entry that would be skipped', () => {
    const annotations = JSON.parse(readFileSync(join(repoRoot, 'schemas/annotations.schema.json'), 'utf8'));
    const annotation = annotations.definitions.annotation.properties;
    const knowledgeBase = JSON.parse(readFileSync(join(repoRoot, 'schemas/knowledge-base.schema.json'), 'utf8'));
    const entity = knowledgeBase.definitions.entity.properties;
    const cases: [string, unknown, number][] = [
      ['annotations: items', annotations.properties.items.maxItems, limits.MAX_ANNOTATIONS],
      ['annotation: id', annotation.id.maxLength, limits.MAX_ANNOTATION_ID_LENGTH],
      ['annotation: a body value (the note, the longest)', annotation.body.items.properties.value.maxLength, limits.MAX_NOTE_LENGTH],
      ['knowledge base: entities', knowledgeBase.properties.entities.maxItems, limits.MAX_KNOWLEDGE_BASE_ENTITIES],
      ['entity: id', entity.id.maxLength, limits.MAX_ENTITY_ID_LENGTH],
      ['entity: name', entity.name.maxLength, limits.MAX_ENTITY_NAME_LENGTH],
      ['entity: aliases', entity.aliases.maxItems, limits.MAX_ALIASES],
      ['entity: an alias', entity.aliases.items.maxLength, limits.MAX_ENTITY_NAME_LENGTH],
      ['entity: description', entity.description.maxLength, limits.MAX_DESCRIPTION_LENGTH],
      ['knowledge base: notNames', knowledgeBase.properties.notNames.maxItems, limits.MAX_NOT_NAMES],
      ['knowledge base: a not-name', knowledgeBase.properties.notNames.items.maxLength, limits.MAX_ENTITY_NAME_LENGTH],
    ];
    for (const [what, schema, limit] of cases) assert.equal(schema, limit, what);
  });

  it('names a file over its limit in megabytes', () => {
    const cases: [number, number, string][] = [
      [70 * 1024 * 1024 + 200_000, limits.MAX_ANNOTATIONS_FILE_BYTES, 'a.json is 70.2 MB, more than the 64 MB an annotations file may be'],
      [9 * 1024 * 1024, limits.MAX_KNOWLEDGE_BASE_BYTES, 'a.json is 9 MB, more than the 8 MB an annotations file may be'],
      [3000, 2048, 'a.json is 2.9 KB, more than the 2 KB an annotations file may be'],
    ];
    for (const [bytes, limit, message] of cases) assert.equal(limits.tooLargeMessage('a.json', bytes, limit, 'an annotations file'), message);
  });

  describe('annotation entries over the limits', () => {
    const long = (n: number) => 'x'.repeat(n);
    const withBodies = (id: string, extra: unknown[]) => ({ ...note(id), body: [{ type: 'TextualBody', purpose: 'classifying', value: 'Key claim' }, ...extra] });
    const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
    const reply = (value: string) => ({ type: 'TextualBody', purpose: 'replying', format: 'text/markdown', value, created: '2026-01-01T00:00:00Z' });
    const comment = (value: string) => ({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value });
    const cases: { name: string; entry: unknown; reason: RegExp | undefined }[] = [
      { name: 'a note at the limit', entry: withBodies('urn:uuid:1', [comment(long(limits.MAX_NOTE_LENGTH))]), reason: undefined },
      { name: 'a note over it', entry: withBodies('urn:uuid:2', [comment(long(limits.MAX_NOTE_LENGTH + 1))]), reason: /a note longer than 20,000 characters/ },
      { name: 'tags at the limit', entry: withBodies('urn:uuid:3', Array.from({ length: limits.MAX_TAGS }, (_, i) => tag(`t${i}`))), reason: undefined },
      { name: 'one tag too many', entry: withBodies('urn:uuid:4', Array.from({ length: limits.MAX_TAGS + 1 }, (_, i) => tag(`t${i}`))), reason: /more than 30 tags/ },
      { name: 'a tag too long', entry: withBodies('urn:uuid:5', [tag(long(limits.MAX_TAG_LENGTH + 1))]), reason: /a tag longer than 80 characters/ },
      { name: 'a reply too long', entry: withBodies('urn:uuid:6', [reply(long(limits.MAX_NOTE_LENGTH + 1))]), reason: /a reply longer than 20,000/ },
      { name: 'too many replies', entry: withBodies('urn:uuid:7', Array.from({ length: limits.MAX_REPLIES + 1 }, () => reply('ja'))), reason: /more than 1,000 replies/ },
      { name: 'a colour name too long', entry: { ...note('urn:uuid:8'), body: [{ type: 'TextualBody', purpose: 'classifying', value: long(limits.MAX_COLOUR_NAME_LENGTH + 1) }] }, reason: /a colour name longer than 80/ },
      { name: 'an id too long', entry: { ...note('urn:uuid:9'), id: `urn:x:${long(limits.MAX_ANNOTATION_ID_LENGTH)}` }, reason: /an "id" that is not an IRI/ },
    ];
    for (const { name, entry, reason } of cases) {
      it(`${reason ? 'skips, and keeps in the file,' : 'reads'} ${name}`, async () => {
        const fs = new MemoryFileSystem();
        fs.files.set(PATH, collection([entry]));
        const store = new AnnotationStore(fs, PATH);
        const { skipped } = await store.load();
        if (!reason) {
          assert.deepEqual(skipped, []);
          assert.equal(store.all().length, 1);
          return;
        }
        assert.equal(skipped.length, 1);
        assert.match(skipped[0], reason);
        assert.equal(store.all().length, 0);
        await store.put(note('urn:uuid:new'));
        const written = JSON.parse(fs.files.get(PATH) as string);
        assert.deepEqual(written.items.at(-1), entry, 'written back as it was');
      });
    }

    it('cuts a note to the limit when it is written, so it reads back', () => {
      const parsed = parseCollection(collection([{ ...note('urn:uuid:1', long(limits.MAX_NOTE_LENGTH + 50)) }]));
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.skipped, []);
      assert.equal(parsed.annotations.length, 1);
    });
  });

  describe('an annotations file over the limits is never read or written', () => {
    const small = 4096;
    const big = collection(Array.from({ length: 10 }, (_, i) => note(`urn:uuid:${i}`)));

    it('is read-only from the start, naming the file, with nothing copied aside', async () => {
      const fs = new MemoryFileSystem();
      fs.files.set(PATH, big);
      const store = new AnnotationStore(fs, PATH, undefined, undefined, small);
      await store.load();
      assert.equal(store.state.kind, 'readOnly');
      assert.match(store.state.kind === 'readOnly' ? store.state.problem : '', /^\/ws\/\.annotated-reader\/annotations\.json is \d+\.\d KB, more than the 4 KB an annotations file may be$/);
      assert.throws(() => void store.put(note('urn:uuid:x')), /read-only/);
      assert.deepEqual([...fs.files.keys()], [PATH], 'no copy, no temporary file');
      assert.equal(fs.files.get(PATH), big);
    });

    it('turns read-only when the file grows too large outside, keeping this window’s annotations beside it', async () => {
      const fs = new MemoryFileSystem();
      const store = new AnnotationStore(fs, PATH, undefined, undefined, small);
      await store.load();
      await store.put(note('urn:uuid:mine'));
      fs.files.set(PATH, big);
      await store.reloadFromOutside();
      assert.equal(store.state.kind, 'readOnly');
      assert.equal(fs.files.get(PATH), big, 'untouched');
      const recovered = store.state.kind === 'readOnly' ? store.state.recovered : undefined;
      assert.ok(recovered && (fs.files.get(recovered) ?? '').includes('urn:uuid:mine'));
      // Smaller again: writable, and merged as any change outside (what was saved here and is gone there was deleted there; the copy beside keeps it).
      fs.files.set(PATH, collection([note('urn:uuid:theirs')]));
      assert.equal(await store.reopen(), true);
      assert.equal(store.state.kind, 'ok');
      assert.deepEqual(store.all().map((a) => a.id), ['urn:uuid:theirs']);
    });

    it('refuses a save that finds the file too large before the watcher says so', async () => {
      const fs = new MemoryFileSystem();
      const store = new AnnotationStore(fs, PATH, undefined, undefined, small);
      await store.load();
      await store.put(note('urn:uuid:mine'));
      fs.files.set(PATH, big);
      await assert.rejects(store.put(note('urn:uuid:more')), /more than the 4 KB an annotations file may be/);
      assert.equal(fs.files.get(PATH), big, 'untouched');
      assert.equal(store.state.kind, 'readOnly');
    });

    it('never writes a file it could not read back', async () => {
      const fs = new MemoryFileSystem();
      const store = new AnnotationStore(fs, PATH, undefined, undefined, small);
      await store.load();
      await store.put(note('urn:uuid:1'));
      const before = fs.files.get(PATH);
      await assert.rejects(store.putMany(Array.from({ length: 10 }, (_, i) => note(`urn:uuid:more-${i}`))), /would be \d+\.\d KB, more than the 4 KB an annotations file may be; nothing was saved/);
      assert.equal(fs.files.get(PATH), before);
      assert.equal(store.state.kind, 'ok', 'still writable: a smaller change saves');
    });

    it('does not read more annotations than the limit, and copies nothing aside', async () => {
      const fs = new MemoryFileSystem();
      fs.files.set(PATH, JSON.stringify({ type: 'AnnotationCollection', items: Array.from({ length: limits.MAX_ANNOTATIONS + 1 }, () => ({})) }));
      const store = new AnnotationStore(fs, PATH);
      await store.load();
      assert.match(store.state.kind === 'readOnly' ? store.state.problem : '', /holds 100,001 entries, more than the 100,000 an annotations file may hold/);
      assert.deepEqual([...fs.files.keys()], [PATH]);
    });
  });

  describe('knowledge bases over the limits', () => {
    const entity = (over: Record<string, unknown> = {}) => ({ id: 'putin', name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], description: 'Russlands president.', ...over });
    const cases: { name: string; entity: Record<string, unknown>; issue: RegExp | undefined }[] = [
      { name: 'an entity at every limit', entity: entity({ id: 'a'.repeat(limits.MAX_ENTITY_ID_LENGTH), name: 'N'.repeat(limits.MAX_ENTITY_NAME_LENGTH), aliases: Array.from({ length: limits.MAX_ALIASES }, (_, i) => `Alias ${i}`), description: 'd'.repeat(limits.MAX_DESCRIPTION_LENGTH) }), issue: undefined },
      { name: 'an id too long', entity: entity({ id: 'a'.repeat(limits.MAX_ENTITY_ID_LENGTH + 1) }), issue: /"id" must be at most 200 characters/ },
      { name: 'a name too long', entity: entity({ name: 'N'.repeat(limits.MAX_ENTITY_NAME_LENGTH + 1) }), issue: /"name" must be at most 200 characters \(entity "putin"\)/ },
      { name: 'too many aliases', entity: entity({ aliases: Array.from({ length: limits.MAX_ALIASES + 1 }, (_, i) => `Alias ${i}`) }), issue: /"aliases" must be at most 100 names/ },
      { name: 'an alias too long', entity: entity({ aliases: ['A'.repeat(limits.MAX_ENTITY_NAME_LENGTH + 1)] }), issue: /"aliases" must be at most 100 names of at most 200 characters/ },
      { name: 'a description too long', entity: entity({ description: 'd'.repeat(limits.MAX_DESCRIPTION_LENGTH + 1) }), issue: /"description" must be at most 2,000 characters/ },
    ];
    for (const c of cases) {
      it(`${c.issue ? 'skips' : 'reads'} ${c.name}`, () => {
        const parsed = parseKnowledgeBase(JSON.stringify({ entities: [c.entity, entity({ id: 'other' })] }));
        assert.deepEqual(parsed.entities.map((e) => e.id), c.issue ? ['other'] : [c.entity.id, 'other']);
        if (c.issue) assert.match(parsed.issues[0].message, c.issue);
        else assert.deepEqual(parsed.issues, []);
      });
    }

    it('refuses an edit that would make an entry the next load skips', () => {
      const full = entity({ aliases: Array.from({ length: limits.MAX_ALIASES }, (_, i) => `Alias ${i}`) });
      const file = JSON.stringify({ entities: [full] });
      const [read] = parseKnowledgeBase(file).entities;
      const cases: { name: string; result: ReturnType<typeof editKnowledgeBase>; reason: RegExp }[] = [
        { name: 'an alias past the limit', result: editKnowledgeBase(file, { kind: 'alias', entity: read, alias: 'Putler' }, new Set(['putin'])), reason: /"aliases" must be at most 100 names/ },
        { name: 'a description too long', result: editKnowledgeBase(file, { kind: 'newEntity', name: 'Kreml', type: 'place', description: 'd'.repeat(limits.MAX_DESCRIPTION_LENGTH + 1) }, new Set(['putin'])), reason: /"description" must be at most 2,000 characters/ },
      ];
      for (const c of cases) {
        assert.equal(c.result.ok, false, c.name);
        assert.match(c.result.ok ? '' : c.result.reason, c.reason, c.name);
      }
    });

    it('reads the first entities up to the limit, saying how many there were', () => {
      const list = Array.from({ length: limits.MAX_KNOWLEDGE_BASE_ENTITIES + 2 }, (_, i) => ({ id: `e${i}`, name: `Navn ${i}`, type: 'other', description: '' }));
      const parsed = parseKnowledgeBase(JSON.stringify({ entities: list }));
      assert.equal(parsed.entities.length, limits.MAX_KNOWLEDGE_BASE_ENTITIES);
      assert.deepEqual(parsed.issues, [{ path: 'entities', message: 'only the first 50,000 of 50,002 entities are read' }]);
    });

    it('does not parse a text over the size limit', () => {
      const parsed = parseKnowledgeBase(`{"entities": []}${' '.repeat(limits.MAX_KNOWLEDGE_BASE_BYTES)}`);
      assert.deepEqual(parsed.entities, []);
      assert.match(parsed.issues[0].message, /^not read: it is 8\.0 MB, more than the 8 MB a knowledge base may be$/);
    });

    it('is refused by the CLI, naming the file, before it is read', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ar-kb-limit-'));
      try {
        const kb = join(dir, 'huge.kb.json');
        writeFileSync(kb, Buffer.alloc(limits.MAX_KNOWLEDGE_BASE_BYTES + 1, 0x20));
        const err: string[] = [];
        const code = await main(['search', 'Putin', seedsDir, '--kb', kb], { out: () => undefined, err: (line) => void err.push(line) });
        assert.equal(code, 2);
        assert.deepEqual(err, [`${kb} is 8.0 MB, more than the 8 MB a knowledge base may be; it is not read.`]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
