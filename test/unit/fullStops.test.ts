// One list of abbreviations whose full stop ends no sentence, read alike by the article's structure (a lead's
// first sentence), quote finding (sentences) and the recognizer's scan (whether the next word starts one).
import * as assert from 'node:assert/strict';
import { scanText } from '../../src/core/entities/scan';
import { fullStopEndsSentence, isAbbreviation } from '../../src/core/fullStops';
import { firstSentenceEnd } from '../../src/core/parse';
import { sentencesIn } from '../../src/core/quotes/sentences';

describe('full stops that end no sentence', () => {
  const words: [string, boolean][] = [
    ['', true],
    ['Oslo', true],
    ['2022', true],
    ['M', false],
    ['Ø', false],
    ['bl.a', false],
    ['f.eks', false],
    ['t.o.m', false],
    ['ca', false],
    ['kr', false],
    ['Kl', false],
    ['St', false],
    ['Dr', false],
    ['Rv', false],
    ['Aa', false],
    ['Chr', false],
    ['stå', true],
    ['kraft', true],
  ];
  for (const [word, ends] of words) {
    it(`${ends ? 'ends' : 'does not end'} a sentence after ${JSON.stringify(word)}`, () => {
      assert.equal(fullStopEndsSentence(word), ends);
      if (word && !word.includes('.') && word.length > 1) assert.equal(isAbbreviation(word), !ends);
    });
  }

  // Each text has two sentences; the first ends where the table says, in all three readers.
  const texts: [string, string][] = [
    ['Han bor i St. Olavs gate i Oslo. Der bor også Kari.', 'Han bor i St. Olavs gate i Oslo.'],
    ['Det kostet ca. 500 kroner i fjor. Nå koster det mer.', 'Det kostet ca. 500 kroner i fjor.'],
    ['Ulykken skjedde på Rv. 7 ved Geilo. Veien er stengt.', 'Ulykken skjedde på Rv. 7 ved Geilo.'],
    ['Det gjelder bl.a. Tromsø og Bodø. Andre byer venter.', 'Det gjelder bl.a. Tromsø og Bodø.'],
    ['Rapporten er skrevet av Kristin Aa. Bergh i år. Hun er forsker.', 'Rapporten er skrevet av Kristin Aa. Bergh i år.'],
    ['Møtet startet kl. 14 i rådhuset. Ordføreren kom sent.', 'Møtet startet kl. 14 i rådhuset.'],
    ['Vi så Jakub M. Godzimirski der. Han smilte.', 'Vi så Jakub M. Godzimirski der.'],
  ];
  for (const [text, first] of texts) {
    it(`reads "${text.slice(0, 40)}…" as two sentences`, () => {
      const end = firstSentenceEnd(text, 0, text.length);
      assert.equal(text.slice(0, end), first, 'the structure');
      assert.deepEqual(
        sentencesIn(text, 0, text.length).map((s) => text.slice(s.start, s.end)),
        [first, text.slice(first.length + 1)],
        'the quotes',
      );
      const starts = scanText(text).words.filter((w) => w.text && w.sentenceStart).map((w) => w.start);
      assert.deepEqual(starts.filter((s) => s > 0), [first.length + 1], 'the scan');
    });
  }
});
