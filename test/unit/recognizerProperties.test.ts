// Properties of the recogniser that hold for any text: every mention slices the text it reports, in text
// order, none overlapping and none cutting a word; and what a text gives does not depend on the texts
// recognised before it (the scan, the word table and the masks are scratch space kept between texts).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import type { EntityMention } from '../../src/core/entities/types';
import { factsOf, forgetWords, MAX_WORDS } from '../../src/core/entities/wordFacts';
import { wordCharAt } from '../../src/core/text';

/** Pieces of Norwegian news text that exercise the rules: names, cues, punctuation, compounds, capitals, odd characters. */
const PIECES = [
  'Kari Dahl', 'Jens Stoltenberg', 'Stoltenberg', 'Oslo', 'Norges', 'Skiforbund', 'Oslo tingrett', 'Universitetet i Bergen', 'Møre og Romsdal',
  'sa', 'sier', 'trener', 'konsernsjef', 'i', 'på', 'og', 'til', 'fra', 'hos', 'Foto:', '/', 'NTB', '(H)', '(Sp)', '(45)', '«', '»', '–', '.', ',', ':',
  'Viking-kaptein', 'Nord-Norge', 'Øst-', 'Vest-Europa', 'e\u0301Midt-Norge', 'E6', 'Rv.', '7', 'DNA-spor', 'Tre', 'Samtidig', 'Ekstremværet', 'Eliteserien', 'Fjordgruppen', 'Helse', 'Bergen',
  'VARDØYA', '(NTB):', 'Nærings-', 'distriktsdepartementet', 'Institutt', 'for', 'marin', 'biologi', 'ved', 'Øst', 'Ålesund', 'Ærlig',
  '😀', '𝐀bc', 'e\u0301', '\n', '\n\n', '  ', 'pilotene', 'Widerøe', 'Mo', 'Rana', 'Vestbø',
  // Abbreviations defined in brackets (`Direktoratet for samfunnssikkerhet og beredskap (DSB)`) and used after.
  'Direktoratet', 'samfunnssikkerhet', 'beredskap', '(DSB)', 'DSB', 'vassdrags-', 'energidirektorat', '(NVE)', 'NVE', '(OSSE)', '(KB)', '(DS)',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(' '));

function checkMentions(source: string, mentions: readonly EntityMention[]): void {
  let end = 0;
  for (const m of mentions) {
    assert.equal(source.slice(m.start, m.end), m.text, `the mention slices the text: ${JSON.stringify(m)}`);
    assert.ok(m.start >= end, `in text order, none overlapping: ${JSON.stringify(m)}`);
    assert.ok(m.end > m.start, 'not empty');
    // No mention starts or ends inside a run of letters (a letter on both sides of its edge).
    const cutsAtStart = m.start > 0 && wordCharAt(source, m.start - 1) > 0 && wordCharAt(source, m.start) > 0;
    const cutsAtEnd = wordCharAt(source, m.end - 1) > 0 && wordCharAt(source, m.end) > 0;
    assert.ok(!cutsAtStart && !cutsAtEnd, `does not cut a word: ${JSON.stringify(m)} in ${JSON.stringify(source)}`);
    end = m.end;
  }
}

describe('the recogniser on any text', () => {
  it('never ends an institution\'s "for …" inside a word with a combining accent (found by the property below)', () => {
    const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
    for (const source of ['Kari Dahl Fjordgruppen for e\u0301Midt-Norge', 'Institutt for marin e\u0301x', 'Senter for u18']) checkMentions(source, recognizer.recognize(source));
  });

  it('gives a text the same mentions when the table of words fills up while it is read', () => {
    const source = 'Vestbø scoret. Det sa trener Olsen om Vestbø og Brann i går.';
    forgetWords();
    const fresh = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities)).recognize(source);
    forgetWords();
    // All but two places of the table taken: the text's own words fill it.
    for (let i = 0; i < MAX_WORDS - 2; i++) factsOf(`fyllord${i}`);
    const full = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities)).recognize(source);
    forgetWords();
    assert.deepEqual(full, fresh);
  });

  it('reports mentions that slice the text, in order, none overlapping, none cutting a word', () => {
    const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
    fc.assert(
      fc.property(text, (source) => checkMentions(source, recognizer.recognize(source))),
      { numRuns: 300 },
    );
  });

  it('gives a text the same mentions whatever was recognised before it, and with a cold word table', () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), (source, before) => {
        forgetWords();
        const alone = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities)).recognize(source);
        const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));
        for (const other of before) recognizer.recognize(other);
        assert.deepEqual(recognizer.recognize(source), alone);
      }),
      { numRuns: 150 },
    );
  });
});
