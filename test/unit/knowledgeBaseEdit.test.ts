import * as assert from 'node:assert/strict';
import { editKnowledgeBase, uniqueId } from '../../src/core/entities/knowledgeBaseEdit';
import { parseKnowledgeBase } from '../../src/core/entities/knowledgeBase';
import type { Entity } from '../../src/core/entities/types';

const putin: Entity = { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person', aliases: ['Putin'], description: 'President of Russia.', wikidata: 'Q7747' };

function entities(text: string): readonly Entity[] {
  const parsed = parseKnowledgeBase(text);
  assert.deepEqual(parsed.issues, []);
  return parsed.entities;
}

describe('editing a knowledge-base file', () => {
  it('creates the file with a new entity', () => {
    const result = editKnowledgeBase(undefined, { kind: 'newEntity', name: ' Kyrre Lien ', type: 'person', description: 'Photographer.', aliases: ['Lien', 'Kyrre Lien'] }, new Set());
    assert.ok(result.ok);
    assert.equal(result.entityId, 'kyrre-lien');
    assert.deepEqual(entities(result.text), [{ id: 'kyrre-lien', name: 'Kyrre Lien', type: 'person', aliases: ['Lien'], description: 'Photographer.' }]);
  });

  it('numbers an id another knowledge base already uses, and folds Norwegian letters', () => {
    const result = editKnowledgeBase('{"entities": []}', { kind: 'newEntity', name: 'Støre', type: 'person', description: '' }, new Set(['store']));
    assert.ok(result.ok);
    assert.equal(result.entityId, 'store-2');
    assert.equal(uniqueId('Ærlig Åsen', () => false), 'aerlig-asen');
    assert.equal(uniqueId('Путин', () => false), 'entity');
  });

  it('keeps the other entries and unknown fields, and the file\'s indentation', () => {
    const before = '{\n    "$schema": "x.json",\n    "version": 1,\n    "note": "mine",\n    "entities": [\n        {"id": "a", "name": "A", "type": "other", "aliases": [], "description": ""}\n    ]\n}\n';
    const result = editKnowledgeBase(before, { kind: 'newEntity', name: 'B', type: 'place', description: '' }, new Set());
    assert.ok(result.ok);
    const data = JSON.parse(result.text);
    assert.equal(data.note, 'mine');
    assert.equal(data.$schema, 'x.json');
    assert.deepEqual(data.entities.map((e: Entity) => e.id), ['a', 'b']);
    assert.match(result.text, /^\{\n {4}"\$schema"/);
  });

  it('adds a name to an entity of the same file', () => {
    const before = JSON.stringify({ entities: [{ ...putin, aliases: [] }] });
    const result = editKnowledgeBase(before, { kind: 'alias', entity: putin, alias: 'Vladimir V. Putin' }, new Set());
    assert.ok(result.ok);
    assert.deepEqual(entities(result.text)[0].aliases, ['Vladimir V. Putin']);
  });

  it('copies an entity of another knowledge base with the new name, so the copy takes precedence', () => {
    const result = editKnowledgeBase('{"entities": []}', { kind: 'alias', entity: putin, alias: 'Putler' }, new Set(['vladimir-putin']));
    assert.ok(result.ok);
    assert.deepEqual(entities(result.text), [{ ...putin, aliases: ['Putin', 'Putler'] }]);
  });

  const refusals: [string, string | undefined, RegExp][] = [
    ['a file that is not JSON', '{"entities": [', /not valid JSON/],
    ['a file without an entities array', '{"people": []}', /no "entities" array/],
    ['a JSON array', '[]', /no "entities" array/],
  ];
  for (const [name, text, reason] of refusals) {
    it(`refuses to rewrite ${name}`, () => {
      const result = editKnowledgeBase(text, { kind: 'newEntity', name: 'X', type: 'other', description: '' }, new Set());
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
    });
  }

  it('refuses a name the entity already has, and an empty name', () => {
    const again = editKnowledgeBase('{"entities": []}', { kind: 'alias', entity: putin, alias: 'Putin' }, new Set());
    assert.equal(again.ok, false);
    const empty = editKnowledgeBase(undefined, { kind: 'newEntity', name: '  ', type: 'other', description: '' }, new Set());
    assert.equal(empty.ok, false);
  });

  it('reads a file with a byte order mark', () => {
    const result = editKnowledgeBase('\uFEFF{"entities": []}', { kind: 'newEntity', name: 'X', type: 'other', description: '' }, new Set());
    assert.ok(result.ok);
  });
});
