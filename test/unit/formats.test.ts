import * as assert from 'node:assert/strict';
import { toBratAnn, toConll } from '../../src/core/entities/formats';
import type { EntityMention, EntityType } from '../../src/core/entities/types';

function mention(text: string, surface: string, type: EntityType, canonical = surface, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, text: surface, type, entityId: canonical.toLowerCase().replace(/\s+/g, '-'), canonical, source: 'knowledgeBase' };
}

describe('brat standoff', () => {
  it('writes a text-bound annotation and a note with the linked entity per mention', () => {
    const text = 'Putins talsperson i Moskva.';
    const ann = toBratAnn(text, [mention(text, 'Putins', 'person', 'Vladimir Putin'), mention(text, 'Moskva', 'place')]);
    assert.equal(
      ann,
      'T1\tPerson 0 6\tPutins\n#1\tAnnotatorNotes T1\tVladimir Putin (vladimir-putin)\nT2\tPlace 20 26\tMoskva\n#2\tAnnotatorNotes T2\tMoskva (moskva)\n',
    );
  });

  it('counts code points, as brat does, after an emoji', () => {
    const text = '🇺🇦 Kyiv';
    assert.match(toBratAnn(text, [mention(text, 'Kyiv', 'place')]), /^T1\tPlace 3 7\tKyiv\n/);
  });

  it('splits a mention across a line break into fragments', () => {
    const text = 'sa Jens\nStoltenberg i dag';
    assert.match(toBratAnn(text, [mention(text, 'Jens\nStoltenberg', 'person', 'Jens Stoltenberg')]), /^T1\tPerson 3 7;8 19\tJens Stoltenberg\n/);
  });

  it('writes nothing for no mentions', () => assert.equal(toBratAnn('Tekst.', []), ''));
});

describe('CoNLL', () => {
  it('tags tokens B- and I-, splits compounds and sentences', () => {
    const text = 'Jens Stoltenberg besøkte Donbass-regionen. Putins svar kom.\n\nNy del';
    const conll = toConll(text, [
      mention(text, 'Jens Stoltenberg', 'person'),
      mention(text, 'Donbass', 'place'),
      mention(text, 'Putins', 'person', 'Vladimir Putin'),
    ]);
    assert.equal(
      conll,
      [
        'Jens\tB-PER', 'Stoltenberg\tI-PER', 'besøkte\tO', 'Donbass\tB-LOC', '-\tO', 'regionen\tO', '.\tO', '',
        'Putins\tB-PER', 'svar\tO', 'kom\tO', '.\tO', '',
        'Ny\tO', 'del\tO', '',
      ].join('\n'),
    );
  });

  it('starts a new entity when two mentions touch', () => {
    const text = 'Russland Ukraina';
    const conll = toConll(text, [mention(text, 'Russland', 'place'), mention(text, 'Ukraina', 'place')]);
    assert.equal(conll, 'Russland\tB-LOC\nUkraina\tB-LOC\n');
  });
});
