import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { type Correction, applyCorrection, locateFix, nameDistance, withoutNotNames } from '../../src/core/entities/corrections';
import { type KnowledgeBase, mergeKnowledgeBaseFiles, parseKnowledgeBase } from '../../src/core/entities/knowledgeBase';
import { editKnowledgeBase } from '../../src/core/entities/knowledgeBaseEdit';
import { createRecognizer } from '../../src/core/entities/recognizer';
import type { Entity, EntityMention } from '../../src/core/entities/types';
import { MAX_NOT_NAMES } from '../../src/core/limits';

const bundled = bundledKnowledgeBase();
const putin = bundled.entities.find((entity) => entity.id === 'vladimir-putin') as Entity;
const london = bundled.entities.find((entity) => entity.id === 'london') as Entity;

/** The merged knowledge base with the user's file (its text) over the bundled one. */
function withUserFile(text: string | undefined): KnowledgeBase {
  if (text === undefined) return mergeKnowledgeBaseFiles(bundled);
  const parsed = parseKnowledgeBase(text);
  assert.deepEqual(parsed.issues, []);
  return mergeKnowledgeBaseFiles(bundled, parsed);
}

/** Applies corrections one after another, each against the knowledge base the previous ones made. */
function correct(corrections: readonly Correction[], start?: string): string | undefined {
  let text = start;
  for (const correction of corrections) {
    const result = applyCorrection(text, correction, withUserFile(text));
    assert.ok(result.ok, result.ok ? '' : result.reason);
    text = result.text;
  }
  return text;
}

/** What the recogniser finds in `text` with the user's file: [text, type, entity id]. */
function mentions(file: string | undefined, text: string): [string, string, string][] {
  return createRecognizer(withUserFile(file))
    .recognize(text)
    .map((m) => [m.text, m.type, m.entityId]);
}

// A descriptor the rules do not know stays glued to the name: the kind of wrong span a user fixes.
const GUARDIOLA = 'Sjakkgeniet Pep Guardiola var fornøyd. – Vi spilte godt, sa Pep Guardiola etter kampen i London.';
const PUTIN = 'Vladimir Putin talte i Moskva. Putin sa lite.';

describe('corrections, as the recogniser then sees the corpus', () => {
  const cases: { name: string; corrections: Correction[]; text: string; check: (found: [string, string, string][]) => void }[] = [
    {
      name: 'a name the rules found gets the type the user gives it',
      corrections: [{ kind: 'changeType', entityId: 'unknown-pep-guardiola', name: 'Pep Guardiola', type: 'organization' }],
      text: 'Pep Guardiola var fornøyd.',
      check: (found) => assert.deepEqual(found, [['Pep Guardiola', 'organization', 'pep-guardiola']]),
    },
    {
      name: 'a bundled entity gets another type and keeps its id and short forms',
      corrections: [{ kind: 'changeType', entityId: 'vladimir-putin', name: 'Vladimir Putin', type: 'organization' }],
      text: PUTIN,
      check: (found) => {
        assert.deepEqual(found.filter(([, , id]) => id === 'vladimir-putin').map(([text, type]) => [text, type]), [['Vladimir Putin', 'organization'], ['Putin', 'organization']]);
      },
    },
    {
      name: 'a fixed span: the right name is found, the wrong one nowhere',
      corrections: [{ kind: 'fixSpan', entityId: 'unknown-sjakkgeniet-pep-guardiola', wrong: 'Sjakkgeniet Pep Guardiola', right: 'Pep Guardiola', type: 'person' }],
      text: GUARDIOLA,
      check: (found) => {
        assert.deepEqual(found.filter(([text]) => text.includes('Guardiola')), [['Pep Guardiola', 'person', 'pep-guardiola'], ['Pep Guardiola', 'person', 'pep-guardiola']]);
      },
    },
    {
      name: 'a merge links the name to the target entity',
      corrections: [{ kind: 'merge', forms: ['Lundun'], target: london }],
      text: 'Hun bor i Lundun, ikke i London.',
      check: (found) => assert.deepEqual(found.filter(([text]) => text.startsWith('L')), [['Lundun', 'place', 'london'], ['London', 'place', 'london']]),
    },
    {
      name: 'a merge into a name the rules found makes it an entity with both names',
      corrections: [{ kind: 'merge', forms: ['Guardiola'], target: { id: 'unknown-pep-guardiola', name: 'Pep Guardiola', type: 'person', aliases: [], description: '' } }],
      text: 'Guardiola kom. Pep Guardiola sa.',
      check: (found) => assert.deepEqual(found, [['Guardiola', 'person', 'pep-guardiola'], ['Pep Guardiola', 'person', 'pep-guardiola']]),
    },
    {
      name: 'not a name: a form the rules found is no mention',
      corrections: [{ kind: 'notName', forms: ['Sjakkgeniet Pep Guardiola'] }],
      text: GUARDIOLA,
      check: (found) => assert.ok(!found.some(([text]) => text === 'Sjakkgeniet Pep Guardiola'), JSON.stringify(found)),
    },
    {
      name: 'not a name: a form of the knowledge base is no mention, its other forms still are',
      corrections: [{ kind: 'notName', forms: ['Putin'] }],
      text: PUTIN,
      check: (found) => assert.deepEqual(found.filter(([text]) => text.includes('Putin')).map(([text]) => text), ['Vladimir Putin']),
    },
    {
      name: 'the last correction wins: a name marked as not a name, then given to an entity',
      corrections: [
        { kind: 'notName', forms: ['Lundun'] },
        { kind: 'merge', forms: ['Lundun'], target: london },
      ],
      text: 'Hun bor i Lundun.',
      check: (found) => assert.deepEqual(found, [['Lundun', 'place', 'london']]),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const file = correct(c.corrections);
      c.check(mentions(file, c.text));
    });
  }

  it('finds the uncorrected names as before (the cases above test a change)', () => {
    assert.ok(mentions(undefined, GUARDIOLA).some(([text]) => text === 'Sjakkgeniet Pep Guardiola'));
    assert.ok(mentions(undefined, PUTIN).some(([text, type]) => text === 'Putin' && type === 'person'));
  });
});

describe('corrections, as written to the file', () => {
  it('copies a bundled entity whole when its type changes: aliases, description and Wikidata item stay', () => {
    const file = correct([{ kind: 'changeType', entityId: 'vladimir-putin', name: 'Vladimir Putin', type: 'other' }]) as string;
    const [copy] = parseKnowledgeBase(file).entities;
    assert.deepEqual(copy, { ...putin, type: 'other' });
  });

  it('changes the type in place for an entity of the same file, keeping its other fields and the file\'s', () => {
    const before = '{\n  "note": "mine",\n  "entities": [{"id": "kyrre-lien", "name": "Kyrre Lien", "type": "place", "aliases": ["Lien"], "description": "Photographer."}]\n}\n';
    const after = correct([{ kind: 'changeType', entityId: 'kyrre-lien', name: 'Kyrre Lien', type: 'person' }], before) as string;
    const data = JSON.parse(after);
    assert.equal(data.note, 'mine');
    assert.deepEqual(data.entities, [{ id: 'kyrre-lien', name: 'Kyrre Lien', type: 'person', aliases: ['Lien'], description: 'Photographer.' }]);
  });

  it('records the wrong span in notNames, once, and the right one as an alias of a known entity', () => {
    const fix: Correction = { kind: 'fixSpan', entityId: 'vladimir-putin', wrong: 'President Vladimir Putins', right: 'Vladimir Putins', type: 'person' };
    const file = correct([fix]) as string;
    const parsed = parseKnowledgeBase(file);
    assert.deepEqual(parsed.notNames, ['President Vladimir Putins']);
    assert.deepEqual(parsed.entities.map((e) => [e.id, e.aliases.at(-1)]), [['vladimir-putin', 'Vladimir Putins']]);
    // Marking it again changes nothing.
    const again = correct([{ kind: 'notName', forms: ['President  Vladimir Putins'] }], file) as string;
    assert.deepEqual(parseKnowledgeBase(again).notNames, ['President Vladimir Putins']);
  });

  it('folds an entity of the same file into the target when merging', () => {
    const before = JSON.stringify({ entities: [{ id: 'lundun', name: 'Lundun', type: 'place', aliases: ['Lundunu'], description: '' }] });
    const after = correct([{ kind: 'merge', forms: ['Lundun', 'Lundunu'], target: london, sourceId: 'lundun' }], before) as string;
    const entities = parseKnowledgeBase(after).entities;
    assert.deepEqual(entities.map((e) => e.id), ['london']);
    assert.deepEqual(entities[0].aliases.slice(-2), ['Lundun', 'Lundunu']);
  });

  it('takes a name given to an entity out of notNames (Add to Knowledge Base too)', () => {
    const marked = correct([{ kind: 'notName', forms: ['Ingrid Nordstrand', 'Nordstrand'] }]) as string;
    const added = editKnowledgeBase(marked, { kind: 'newEntity', name: 'Ingrid Nordstrand', type: 'person', description: '' }, new Set());
    assert.ok(added.ok);
    assert.deepEqual(parseKnowledgeBase(added.text).notNames, ['Nordstrand']);
  });

  const refusals: { name: string; file?: string; correction: Correction; reason: RegExp }[] = [
    { name: 'a file that is not JSON', file: '{ "entities": [', correction: { kind: 'notName', forms: ['X'] }, reason: /not valid JSON/ },
    { name: 'a file without entities', file: '{"names": []}', correction: { kind: 'notName', forms: ['X'] }, reason: /not a knowledge base/ },
    { name: 'the same type again', correction: { kind: 'changeType', entityId: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' }, reason: /already a person/ },
    { name: 'a span fixed to itself', correction: { kind: 'fixSpan', entityId: 'unknown-x', wrong: 'Ola  Nordmann', right: 'Ola Nordmann', type: 'person' }, reason: /as it was found/ },
    { name: 'an empty span', correction: { kind: 'fixSpan', entityId: 'unknown-x', wrong: 'Ola', right: '  ', type: 'person' }, reason: /not a name that can be written/ },
    { name: 'a merge into itself', correction: { kind: 'merge', forms: ['London'], target: london, sourceId: 'london' }, reason: /into itself/ },
    { name: 'a merge of names the target has', correction: { kind: 'merge', forms: ['London'], target: london }, reason: /already names London/ },
    { name: 'no name to mark', correction: { kind: 'notName', forms: [' ', 'x'.repeat(201)] }, reason: /no name to mark/ },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}, leaving the file alone`, () => {
      const result = applyCorrection(c.file, c.correction, withUserFile(undefined));
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, c.reason);
    });
  }
});

describe('notNames in a knowledge-base file', () => {
  const cases: { name: string; notNames: unknown; read: string[]; issues: string[] }[] = [
    { name: 'absent', notNames: undefined, read: [], issues: [] },
    { name: 'names, trimmed', notNames: [' Manager Pep Guardiola ', 'Ekstremværet Ingolf'], read: ['Manager Pep Guardiola', 'Ekstremværet Ingolf'], issues: [] },
    { name: 'not an array', notNames: 'Ingolf', read: [], issues: ['notNames'] },
    { name: 'bad entries skipped, the rest read', notNames: ['A', 3, '', 'x'.repeat(201), 'B'], read: ['A', 'B'], issues: ['notNames[1]', 'notNames[2]', 'notNames[3]'] },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      const parsed = parseKnowledgeBase(JSON.stringify({ entities: [], notNames: c.notNames }));
      assert.deepEqual(parsed.notNames, c.read);
      assert.deepEqual(parsed.issues.map((issue) => issue.path), c.issues);
    });
  }

  it(`reads at most ${MAX_NOT_NAMES.toLocaleString('en')}, saying so`, () => {
    const parsed = parseKnowledgeBase(JSON.stringify({ entities: [], notNames: Array.from({ length: MAX_NOT_NAMES + 2 }, (_, i) => `N${i}`) }));
    assert.equal(parsed.notNames.length, MAX_NOT_NAMES);
    assert.match(parsed.issues[0].message, /only the first 50,000 of 50,002/);
  });

  it('lets a later file give a form marked in an earlier one back to an entity', () => {
    const earlier = { entities: [], notNames: ['Lundun', 'Ingolf'] };
    const later = { entities: [{ ...london, id: 'london', aliases: ['Lundun'] }], notNames: [] };
    assert.deepEqual([...(mergeKnowledgeBaseFiles(earlier, later).notNames ?? [])], ['Ingolf']);
    assert.deepEqual([...(mergeKnowledgeBaseFiles(later, earlier).notNames ?? [])], ['Lundun', 'Ingolf']);
  });

  it('drops exactly the mentions with a marked text, white space squashed, keeping the names inside them', () => {
    const mention = (text: string, start = 0): EntityMention => ({ start, end: start + text.length, text, type: 'other', entityId: 'x', canonical: text, source: 'rule' });
    const list = [mention('Manager Pep\nGuardiola', 0), mention('Pep Guardiola', 30), mention('Manager', 50)];
    const base = mergeKnowledgeBaseFiles({ entities: [{ id: 'pep', name: 'Pep', type: 'person', aliases: [], description: '' }] });
    const marked = (...names: string[]): KnowledgeBase => ({ ...base, notNames: new Set(names) });
    // `Pep` inside the dropped mention is a name of the knowledge base: it stays a mention, at its place.
    assert.deepEqual(
      withoutNotNames(list, marked('Manager Pep Guardiola')).map((m) => [m.text, m.start, m.entityId]),
      [['Pep', 8, 'pep'], ['Pep Guardiola', 30, 'x'], ['Manager', 50, 'x']],
    );
    assert.deepEqual(withoutNotNames(list, marked('Manager Pep Guardiola', 'Pep')).map((m) => m.text), ['Pep Guardiola', 'Manager']);
    assert.equal(withoutNotNames(list, marked()), list);
  });

  it('leaves the right part of a wrong knowledge-base name: Emmanuel Macron fixed to Macron', () => {
    const macron: Entity = { id: 'macron', name: 'Emmanuel Macron', type: 'person', aliases: ['Macron'], description: '' };
    const kb = mergeKnowledgeBaseFiles({ entities: [macron] }, { entities: [], notNames: ['Emmanuel Macron'] });
    const found = createRecognizer(kb, { unknownNames: false }).recognize('Presidenten Emmanuel Macron kom. Macron sa lite.');
    assert.deepEqual(found.map((m) => [m.text, m.start, m.entityId]), [['Macron', 21, 'macron'], ['Macron', 33, 'macron']]);
  });
});

describe('locating a fixed span', () => {
  const text = 'Kampen er over.\n\nManager Pep Guardiola var fornøyd med\nFC Barcelona i går. Pep kom.';
  const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const cases: { name: string; mention: string; right: string; expected: string | RegExp }[] = [
    { name: 'a part of the mention', mention: 'Manager Pep Guardiola', right: 'Pep Guardiola', expected: 'Pep Guardiola' },
    { name: 'an extension over a line break', mention: 'Barcelona', right: 'med FC Barcelona', expected: 'med\nFC Barcelona' },
    { name: 'an extension to the left', mention: 'Guardiola', right: 'Pep Guardiola', expected: 'Pep Guardiola' },
    { name: 'not part of a word', mention: 'Manager Pep Guardiola', right: 'Guardio', expected: /must be words of the text/ },
    { name: 'not text near the mention', mention: 'Manager Pep Guardiola', right: 'Kampen', expected: /must be words of the text/ },
    { name: 'the same span', mention: 'Manager Pep Guardiola', right: ' Manager  Pep Guardiola ', expected: /as it was found/ },
    { name: 'nothing', mention: 'Manager Pep Guardiola', right: ' ', expected: /Type the name/ },
  ];
  for (const c of cases) {
    it(`takes ${c.name}`, () => {
      const { start, end } = at(c.mention);
      const found = locateFix(text, start, end, c.right);
      if (typeof c.expected === 'string') assert.equal('start' in found ? text.slice(found.start, found.end) : found.problem, c.expected);
      else assert.match('problem' in found ? found.problem : text.slice(found.start, found.end), c.expected);
    });
  }

  it('gives any sub-span of words of a mention back where it is, overlapping the mention', () => {
    const words = fc.array(fc.constantFrom('Pep', 'Guardiola', 'Manager', 'Ålesund', 'FK', 'Øst'), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(words, fc.nat(), fc.nat(), (list, a, b) => {
        const sentence = `Han sa at ${list.join(' ')} kom.`;
        const start = 'Han sa at '.length;
        const end = start + list.join(' ').length;
        const from = a % list.length;
        const to = from + 1 + (b % (list.length - from));
        const right = list.slice(from, to).join(' ');
        const found = locateFix(sentence, start, end, right);
        if (from === 0 && to === list.length) return 'problem' in found;
        return 'start' in found && sentence.slice(found.start, found.end) === right && found.start < end && found.end > start;
      }),
    );
  });
});

describe('how far apart two names are', () => {
  const cases: [string, string, number][] = [
    ['Gunvor Eikrem', 'Gunnvor Eikrem', 1],
    ['Gunvor Eikrem', 'Eikrem', 7],
    ['Støre', 'Stoere', 0],
    ['Jonas  Gahr Støre', 'jonas gahr store', 0],
    ['', 'Oslo', 4],
  ];
  for (const [a, b, distance] of cases) it(`puts "${a}" ${distance} from "${b}"`, () => assert.equal(nameDistance(a, b), distance));

  it('is symmetric, and zero from a name to itself', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => nameDistance(a, b) === nameDistance(b, a) && nameDistance(a, a) === 0));
  });
});
