import * as assert from 'node:assert/strict';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { type KnowledgeBase, mergeKnowledgeBases, parseKnowledgeBase } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import type { Entity, EntityType } from '../../src/core/entities/types';

const bundled = bundledKnowledgeBase();
const recognizer = createRecognizer(mergeKnowledgeBases(bundled.entities), { unknownNames: false });

/** `text` → [mention text, canonical name] pairs, of knowledge-base names only. */
function found(text: string, kb?: KnowledgeBase): [string, string][] {
  const r = kb ? createRecognizer(kb, { unknownNames: false }) : recognizer;
  return r.recognize(text).map((m) => [m.text, m.canonical]);
}

function entity(id: string, name: string, type: EntityType, aliases: string[] = []): Entity {
  return { id, name, type, aliases, description: '' };
}

describe('the bundled knowledge base', () => {
  it('parses without issues', () => {
    assert.deepEqual(bundled.issues, []);
    assert.equal(bundled.entities.length, 95);
  });

  it('gives every entity a one-sentence English description', () => {
    for (const e of bundled.entities) assert.match(e.description, /^[A-Z].*\.$/, e.id);
  });
});

describe('recognising knowledge-base entities', () => {
  const cases: { name: string; text: string; expected: [string, string][] }[] = [
    { name: 'genitive -s', text: 'Putins talsperson og Natos generalsekretær', expected: [['Putins', 'Vladimir Putin'], ['Natos', 'Nato']] },
    {
      name: 'genitive -s on countries',
      text: 'Russlands president, USAs president, Ukrainas, Frankrikes og Tysklands ledere',
      expected: [['Russlands', 'Russland'], ['USAs', 'USA'], ['Ukrainas', 'Ukraina'], ['Frankrikes', 'Frankrike'], ['Tysklands', 'Tyskland']],
    },
    {
      name: 'upper-case forms in captions and credits',
      text: 'OSLO/KYIV (VG) I BERLIN: Foto: THIBAULT CAMUS / AFP',
      expected: [['OSLO', 'Oslo'], ['KYIV', 'Kyiv'], ['VG', 'VG'], ['BERLIN', 'Berlin'], ['THIBAULT CAMUS', 'Thibault Camus'], ['AFP', 'AFP']],
    },
    {
      name: 'the name part of hyphenated compounds',
      text: 'i Donbass-regionen, Nato-land, Ukraina-krisen, Putin-samtalen og Nupi-forskeren',
      expected: [['Donbass', 'Donbas'], ['Nato', 'Nato'], ['Ukraina', 'Ukraina'], ['Putin', 'Vladimir Putin'], ['Nupi', 'Norsk Utenrikspolitisk Institutt']],
    },
    { name: 'the longest match', text: 'Jens Stoltenberg sa', expected: [['Jens Stoltenberg', 'Jens Stoltenberg']] },
    {
      name: 'no party letter after a word that is no name',
      text: 'Det sa han (V) til meg, og hun fikk karakteren (B) og (H) på eksamen.',
      expected: [],
    },
    {
      name: 'party letters in brackets after a name, and only there',
      text: 'Kari Dahl (H) og Per Lie (Sp) møtte Ola (V). Kari H. Nilsen skrev H og V, figur(H) og (R ).',
      expected: [['H', 'Høyre'], ['Sp', 'Senterpartiet'], ['V', 'Venstre']],
    },
    { name: 'a compound name of the knowledge base over its parts', text: 'medlemmene av Nato Russland-rådet', expected: [['Nato Russland-rådet', 'Nato-Russland-rådet']] },
    {
      name: 'variant spellings',
      text: 'Zelenskyj og Zelensky, Kyiv og Kiev, Donbass og Donbas, Antony Blinken og Tony Blinken og Blinken, Jean-Yves Le Driean og Le Drian',
      expected: [
        ['Zelenskyj', 'Volodymyr Zelenskyj'],
        ['Zelensky', 'Volodymyr Zelenskyj'],
        ['Kyiv', 'Kyiv'],
        ['Kiev', 'Kyiv'],
        ['Donbass', 'Donbas'],
        ['Donbas', 'Donbas'],
        ['Antony Blinken', 'Antony Blinken'],
        ['Tony Blinken', 'Antony Blinken'],
        ['Blinken', 'Antony Blinken'],
        ['Jean-Yves Le Driean', 'Jean-Yves Le Drian'],
        ['Le Drian', 'Jean-Yves Le Drian'],
      ],
    },
    {
      name: 'abbreviations and full names',
      text: 'Organisasjonen for sikkerhet og samarbeid i Europa (OSSE) og Norsk Utenrikspolitisk Institutt (Nupi)',
      expected: [
        ['Organisasjonen for sikkerhet og samarbeid i Europa', 'Organisasjonen for sikkerhet og samarbeid i Europa'],
        ['OSSE', 'Organisasjonen for sikkerhet og samarbeid i Europa'],
        ['Norsk Utenrikspolitisk Institutt', 'Norsk Utenrikspolitisk Institutt'],
        ['Nupi', 'Norsk Utenrikspolitisk Institutt'],
      ],
    },
    { name: 'a name broken over two lines', text: 'sa Jens\nStoltenberg i går', expected: [['Jens\nStoltenberg', 'Jens Stoltenberg']] },
    { name: 'no nationality adjectives', text: 'russiske og franske styrker, ukrainske sivilister', expected: [] },
    { name: 'no name inside a longer word', text: 'Putinismen og Natoland og Oslofjorden', expected: [] },
    { name: 'Norwegian letters as word characters', text: 'Støres parti og Støresen', expected: [['Støres', 'Jonas Gahr Støre']] },
    { name: 'a short name that is only its own case', text: 'Støre (Ap) og AP-fotografen', expected: [['Støre', 'Jonas Gahr Støre'], ['Ap', 'Arbeiderpartiet'], ['AP', 'AP']] },
  ];
  for (const c of cases) {
    it(`finds ${c.name}`, () => assert.deepEqual(found(c.text), c.expected));
  }

  it('gives offsets into the text', () => {
    const text = 'Møtet i Moskva: Putins krav.';
    for (const m of recognizer.recognize(text)) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('caches per text', () => {
    const text = 'Macron ringte Putin.';
    assert.equal(recognizer.recognize(text), recognizer.recognize(text));
  });
});

describe('short forms of names used earlier', () => {
  // A knowledge base that knows only the full names.
  const kb = mergeKnowledgeBases([
    entity('jens', 'Jens Stoltenberg', 'person'),
    entity('le-drian', 'Jean-Yves Le Drian', 'person'),
    entity('scholz', 'Olaf Scholz', 'person'),
    entity('sara', 'Sara Stoltenberg', 'person'),
  ]);

  const cases: { name: string; text: string; expected: [string, string][] }[] = [
    {
      name: 'a surname after the full name',
      text: 'Jens Stoltenberg kom. Stoltenberg sa at Stoltenbergs plan holder.',
      expected: [['Jens Stoltenberg', 'Jens Stoltenberg'], ['Stoltenberg', 'Jens Stoltenberg'], ['Stoltenbergs', 'Jens Stoltenberg']],
    },
    {
      name: 'a surname with its particle',
      text: 'Jean-Yves Le Drian sa torsdag. Le Drian la til.',
      expected: [['Jean-Yves Le Drian', 'Jean-Yves Le Drian'], ['Le Drian', 'Jean-Yves Le Drian']],
    },
    { name: 'the surname before the full name too, as in a headline', text: 'Scholz kom. Olaf Scholz sa.', expected: [['Scholz', 'Olaf Scholz'], ['Olaf Scholz', 'Olaf Scholz']] },
    {
      name: 'nothing when two people share the surname',
      text: 'Jens Stoltenberg og Sara Stoltenberg. Stoltenberg sa.',
      expected: [['Jens Stoltenberg', 'Jens Stoltenberg'], ['Sara Stoltenberg', 'Sara Stoltenberg']],
    },
  ];
  for (const c of cases) {
    it(`links ${c.name}`, () => assert.deepEqual(found(c.text, kb), c.expected));
  }
});

describe('names the knowledge base does not know', () => {
  const withRules = createRecognizer(mergeKnowledgeBases(bundled.entities));
  /** The names found by rules: [text, type]. */
  const rules = (text: string) => withRules.recognize(text).filter((m) => m.source === 'rule').map((m) => [m.text, m.type]);
  const cases: { name: string; text: string; expected: string[][] }[] = [
    {
      name: 'people after a title',
      text: 'Statsminister Erna Solberg møtte ordfører Raymond Johansen i Bergen.',
      expected: [['Erna Solberg', 'person'], ['Raymond Johansen', 'person']],
    },
    { name: 'a person who speaks', text: 'Samtidig sa Kari Nordmann at det var stille.', expected: [['Kari Nordmann', 'person']] },
    { name: 'places after a preposition', text: 'Mange flyktet fra Lviv og Tromsø i helgen.', expected: [['Lviv', 'place'], ['Tromsø', 'place']] },
    { name: 'one type for a name used twice', text: 'Han bor i Narvik. Narvik er stille.', expected: [['Narvik', 'place'], ['Narvik', 'place']] },
    { name: 'a name with a linking word', text: 'Flommen rammet Møre og Romsdal i natt.', expected: [['Møre og Romsdal', 'place']] },
    { name: 'an organisation in lower case after a genitive', text: 'Veien ble stengt av Statens vegvesen i går.', expected: [['Statens vegvesen', 'organization']] },
    { name: 'an organisation by its ending', text: 'Det sier Helsedirektoratet til avisen.', expected: [['Helsedirektoratet', 'organization']] },
    { name: 'an acronym', text: 'Rådet kom fra FHI og NHO i går.', expected: [['FHI', 'organization'], ['NHO', 'organization']] },
    { name: 'a person in a photo credit', text: 'Folk i gata. Foto: Ola Nordmann / NTB', expected: [['Ola Nordmann', 'person']] },
    { name: 'a place in a compound', text: 'Kampene i Luhansk-regionen fortsetter.', expected: [['Luhansk', 'place']] },
    { name: 'no sentence-initial common words', text: 'Samtidig kom det regn. Også i dag. Ukrainske sivilister venter.', expected: [] },
    { name: 'no caption label, and the first name after it', text: 'TRENER: Ola trente i parken.', expected: [['Ola', 'person']] },
    { name: 'a known place at a sentence start, but not a noun that is a place too', text: 'Tromsø vant. Kampen endte 2–1.', expected: [['Tromsø', 'place']] },
    {
      name: 'people by their age or a role after a comma',
      text: 'Det sa Ingvild Sørbø (45) i går. Også Tor Eriksrud, daglig leder i bedriften, var der.',
      expected: [['Ingvild Sørbø', 'person'], ['Tor Eriksrud', 'person']],
    },
    { name: 'an abbreviation inside a name', text: 'Hun ble sendt til St. Olavs hospital i natt.', expected: [['St. Olavs hospital', 'organization']] },
    {
      name: 'a work’s title in guillemets, after the noun for the work',
      text: 'Romanen kom i fjor, og filmen «Når isen går» hadde premiere i Tromsø. – Dette er stort, sa hun «Jeg gleder meg».',
      expected: [['Når isen går', 'other'], ['Tromsø', 'place']],
    },
    { name: 'no month or weekday names', text: 'Han kom Mandag, i Februar.', expected: [] },
    {
      name: 'people after a role glued to the name at a sentence start',
      text: 'Landslagssjef Ståle Solbakken tok ut troppen. Manager Pep Guardiola var fornøyd.',
      expected: [['Ståle Solbakken', 'person'], ['Pep Guardiola', 'person']],
    },
    {
      name: 'names after the noun they stand beside',
      text: 'Ekstremværet Ingolf rammet kysten. Oljeserviceselskapet Ryfylke Brønnservice gikk konkurs.',
      expected: [['Ingolf', 'event'], ['Ryfylke Brønnservice', 'organization']],
    },
    {
      name: 'a name after a comma is not in apposition to the word before it, nor to a pronoun',
      text: 'Mannen hennes, Per Hansen, sto på dekket. Datteren hennes Kari Hansen var med. Han sa i dag, Tor Erik Stave, at alt gikk bra.',
      expected: [['Per Hansen', 'person'], ['Kari Hansen', 'person'], ['Tor Erik Stave', 'person']],
    },
    {
      name: 'a body defined by its abbreviation in brackets, and the abbreviation after',
      text: 'Direktoratet for samfunnssikkerhet og beredskap (DSB) sendte fly. – Vi er klare, skriver DSB. Norges vassdrags- og energidirektorat (NVE) varsler flom.',
      expected: [
        ['Direktoratet for samfunnssikkerhet og beredskap', 'organization'],
        ['DSB', 'organization'],
        ['DSB', 'organization'],
        ['Norges vassdrags- og energidirektorat', 'organization'],
        ['NVE', 'organization'],
      ],
    },
    {
      name: 'no long form where the letters do not spell the brackets',
      text: 'Det sa Nadia Haddad (SV) i går, og Kari Holm (NTB) var der.',
      expected: [['Nadia Haddad', 'person'], ['Kari Holm', 'person']],
    },
    {
      name: 'a body’s name cut before `- og` at a sentence start, and after a country’s genitive',
      text: 'Arbeids- og velferdsetaten opplyser at køene er lange. Ifølge Norges vassdrags- og energidirektorat vil anlegget bruke mye strøm. Barne- og ungdomsarbeidere er viktige. Norges største og viktigste bank er stor.',
      expected: [['Arbeids- og velferdsetaten', 'organization'], ['Norges vassdrags- og energidirektorat', 'organization']],
    },
    {
      name: 'a body opened by an adjective of nation with lower-case adjectives, a district by its krets, a Nynorsk head named with a place',
      text: 'Norsk gynekologisk forening skriver at det er trygt. Det bekrefter Trøndelag fotballkrets. Han er norsk fotballspiller.',
      expected: [['Norsk gynekologisk forening', 'organization'], ['Trøndelag fotballkrets', 'organization']],
    },
    {
      name: 'a given name that is a word too, before another given name and a surname at a sentence start',
      text: 'Han bar en stein opp. Stein Ove Kalland startet. Stein ligger i veien.',
      expected: [['Stein Ove Kalland', 'person']],
    },
    {
      name: 'an institution named for its purpose at a sentence start, the purpose ending before a speech verb',
      text: 'Landsforeningen for nyrepasienter og transplanterte opplyser at 350 venter. Senter for krisepsykologi anbefaler ro.',
      expected: [['Landsforeningen for nyrepasienter og transplanterte', 'organization'], ['Senter for krisepsykologi', 'organization']],
    },
    { name: 'a public body’s compound name at a sentence start', text: 'Mattilsynet opplyser at fisken er trygg. Direktoratet svarte ikke.', expected: [['Mattilsynet', 'organization']] },
    {
      name: 'a place after its preposition and before a given name and a surname is no part of the name',
      text: 'Ordfører i Stryn Tone Hjelle sa ja. Rådmann i Bodø Kari Dahl var enig.',
      expected: [['Stryn', 'place'], ['Tone Hjelle', 'person'], ['Bodø', 'place'], ['Kari Dahl', 'person']],
    },
    {
      name: 'a farmers’ union or a sports club by its ending, after a country’s genitive too',
      text: 'Det sier Norges Bondelag. Innlandet Bondelag og Brekken Idrettslag er enige.',
      expected: [['Norges Bondelag', 'organization'], ['Innlandet Bondelag', 'organization'], ['Brekken Idrettslag', 'organization']],
    },
    {
      name: 'public enterprises by their designators, one after a lower-case tail too',
      text: 'Tallet kommer fra Saltfjorden havn KF. Sykehuset Innlandet HF og Renovasjonen IKS svarte ikke.',
      expected: [['Saltfjorden havn KF', 'organization'], ['Sykehuset Innlandet HF', 'organization'], ['Renovasjonen IKS', 'organization']],
    },
    {
      name: 'a rescue service at a sentence start, never seen mid-sentence, and not a night watchman',
      text: 'Kystvakten fikk melding klokken fire. Nattevakten sa at alt var rolig. Heimevernet stiller med tjue soldater.',
      expected: [['Kystvakten', 'organization'], ['Heimevernet', 'organization']],
    },
    {
      name: 'a hospital that a place or a name makes specific, and no purpose after it (a general head takes one)',
      text: 'Han ble lagt inn på Nordlandssykehuset for kontroll, så sendt til St. Olavs hospital for behandling. Statens råd for likestilling var enig.',
      expected: [['Nordlandssykehuset', 'organization'], ['St. Olavs hospital', 'organization'], ['Statens råd for likestilling', 'organization']],
    },
    {
      name: 'a given name written short inside a name, whose full stop ends no sentence',
      text: 'Det skriver dommer Kristin Aa. Bergh i dommen. Bergh var klar. Han viste til Chr. Michelsen.',
      expected: [['Kristin Aa. Bergh', 'person'], ['Bergh', 'person'], ['Chr. Michelsen', 'person']],
    },
    {
      name: 'a body named with a place, the place a region, and the police named so',
      text: 'Det opplyser Hovedredningssentralen i Nord-Norge til avisen. Han studerer ved Universitetet i Sørøst-Norge. Det bekrefter Politiet i Agder.',
      expected: [['Hovedredningssentralen i Nord-Norge', 'organization'], ['Universitetet i Sørøst-Norge', 'organization'], ['Politiet i Agder', 'organization']],
    },
    {
      name: 'a body opened by an adjective of nation, and a purpose that stops before an adverb',
      text: 'Hun er medlem av Norsk Folkehjelp. Han leder Norsk forening for allmennmedisin nå. Han er ved Norsk institutt for naturforskning også.',
      expected: [['Norsk Folkehjelp', 'organization'], ['Norsk forening for allmennmedisin', 'organization'], ['Norsk institutt for naturforskning', 'organization']],
    },
    {
      name: 'a body named with a region after it, a hospital named with its county, two words joined by og that are no names',
      text: 'Ifølge Hovedredningssentralen Sør-Norge var det storm. Ifølge Norsk Landbruksrådgivning Nord-Norge falt tallet. Sykehuset Innlandet svarer. Han er tillitsvalgt i Handel og Kontor. Hun bor i Lviv og Tromsø.',
      expected: [
        ['Hovedredningssentralen Sør-Norge', 'organization'],
        ['Norsk Landbruksrådgivning Nord-Norge', 'organization'],
        ['Sykehuset Innlandet', 'organization'],
        ['Handel og Kontor', 'organization'],
        ['Lviv', 'place'],
        ['Tromsø', 'place'],
      ],
    },
    {
      name: 'a clipped short form in brackets names the body before it, and a sentence’s first word after a dateline is none',
      text: 'OSLO (NTB) Ifølge Valgdirektoratet er det talt. Utdanningsdirektoratet (Udir) fikk meldinger. Ifølge Udir er det juks. Kari Holm (Ap) er enig.',
      expected: [
        ['Valgdirektoratet', 'organization'],
        ['Utdanningsdirektoratet', 'organization'],
        ['Udir', 'organization'],
        ['Udir', 'organization'],
        ['Kari Holm', 'person'],
      ],
    },
    {
      name: 'a centre or service is a body, not a place, even after a preposition',
      text: 'Skipperen ringte til Hovedredningssentralen klokken tre. Etterretningstjenesten ville ikke kommentere saken.',
      expected: [['Hovedredningssentralen', 'organization'], ['Etterretningstjenesten', 'organization']],
    },
    {
      name: 'a given name ending in -s after a sentence that opened with its stem, and titles the rules do not list',
      text: 'Han kom i går. Rektor Hans Petter Wold-Amundsen stopper. Kirkeverge Bjørn Tore Hjelmeland forklarer. Politioverbetjent Rune Ask Halvorsen ledet.',
      expected: [['Hans Petter Wold-Amundsen', 'person'], ['Bjørn Tore Hjelmeland', 'person'], ['Rune Ask Halvorsen', 'person']],
    },
    {
      name: 'a noun a name stands beside, right after a dateline, and a force named by its kind',
      text: 'Nordvik Offshore kutter.\n\nSTAVANGER (NTB) Oljeserviceselskapet Nordvik Offshore la fram tall. Opprørsstyrken RSF meldte at den vil svare.',
      expected: [['Nordvik Offshore', 'organization'], ['STAVANGER', 'place'], ['Nordvik Offshore', 'organization'], ['RSF', 'organization']],
    },
    {
      name: 'a body’s name ends before a person’s, a company by its word, a family name first',
      text: 'Sjeføkonom i DNB Markets Kjersti Haugen er bekymret. Det skriver Nordvik Offshore. Zhao Minghui kom. Så sa Zhao nei.',
      expected: [['DNB Markets', 'organization'], ['Kjersti Haugen', 'person'], ['Nordvik Offshore', 'organization'], ['Zhao Minghui', 'person'], ['Zhao', 'person']],
    },
    { name: 'a month before other names is a given name, alone it is none', text: 'Datteren, Mai Linh Hoang (29), overtar. Hun kom i Mai.', expected: [['Mai Linh Hoang', 'person']] },
    {
      name: 'institutions whose names end in a lower-case word',
      text: 'Saken kommer opp i Oslo tingrett. Pengene kom fra Norsk kulturråd, og Meteorologisk institutt varslet regn.',
      expected: [['Oslo tingrett', 'organization'], ['Norsk kulturråd', 'organization'], ['Meteorologisk institutt', 'organization']],
    },
    {
      name: 'institutions named `X i Y`',
      text: 'Hun forsker ved Universitetet i Bergen. Statsforvalteren i Møre og Romsdal avslo søknaden.',
      expected: [['Universitetet i Bergen', 'organization'], ['Statsforvalteren i Møre og Romsdal', 'organization']],
    },
    {
      name: 'facilities',
      text: 'Kampen spilles på Ullevaal stadion, og konserten er på Akershus festning.',
      expected: [['Ullevaal stadion', 'place'], ['Akershus festning', 'place']],
    },
    { name: 'two places joined by og', text: 'Flyet gikk mellom Sandnes og Aberdeen.', expected: [['Sandnes', 'place'], ['Aberdeen', 'place']] },
    { name: 'a company by its designator', text: 'Aksjen i Ryfylke Brønnservice ASA falt.', expected: [['Ryfylke Brønnservice ASA', 'organization']] },
    { name: 'a person by a given name', text: 'I fjor ledet Marit Dahl arbeidet.', expected: [['Marit Dahl', 'person']] },
    { name: 'the agency after a credit\'s slash', text: 'Folk i gata. Foto: Per Lien / Scanpixa', expected: [['Per Lien', 'person'], ['Scanpixa', 'organization']] },
    { name: 'a dateline\'s place', text: 'VARDØYA (NTB): Det blåste.', expected: [['VARDØYA', 'place']] },
    { name: 'whom a quote is said to', text: '– Det er bra, sier Hilde Rustad til Fjordabladet.', expected: [['Hilde Rustad', 'person'], ['Fjordabladet', 'organization']] },
    { name: 'an employer after a person with a role', text: 'Det sier konsernsjef Marit Dahl i Brekkeverket.', expected: [['Marit Dahl', 'person'], ['Brekkeverket', 'organization']] },
    { name: 'roads', text: 'Vegvesenet stengte E6 og Rv. 7 i natt.', expected: [['E6', 'place'], ['Rv. 7', 'place']] },
    { name: 'events by their ending', text: 'Laget vant Kystserien og spiller i Conference League.', expected: [['Kystserien', 'event'], ['Conference League', 'event']] },
    { name: 'a landform by its ending', text: 'Reinen beiter på Sennavidda om vinteren.', expected: [['Sennavidda', 'place']] },
    {
      name: 'a known place inside a larger name',
      text: 'Kari Dahl fikk penger fra Norges Roforbund og Innovasjon Norge, og aksjen steg på Oslo Børs. Det regnet i Nord-Norge.',
      expected: [['Kari Dahl', 'person'], ['Norges Roforbund', 'organization'], ['Innovasjon Norge', 'organization'], ['Oslo Børs', 'organization'], ['Nord-Norge', 'place']],
    },
    {
      name: 'a known country’s genitive before a compound cut before `- og`, and not before other lower-case words (the known `Norges` stays the knowledge base’s)',
      text: 'Ifølge Norges vassdrags- og energidirektorat vil anlegget bruke mye strøm. Hun forsker ved Norges miljø- og biovitenskapelige universitet. Det er Norges største og viktigste bank.',
      expected: [['Norges vassdrags- og energidirektorat', 'organization'], ['Norges miljø- og biovitenskapelige universitet', 'organization']],
    },
    {
      name: 'a Nynorsk head named with a known place',
      text: 'Statsforvaltaren i Møre og Romsdal opplyser at dei ikkje har fått nokon klage.',
      expected: [['Statsforvaltaren i Møre og Romsdal', 'organization']],
    },
    { name: 'a genitive country before a person stays two names', text: 'Møtet med Russlands Pjotr Ivanov var kort.', expected: [['Pjotr Ivanov', 'person']] },
    { name: 'a club before a role in a compound, and the person after it', text: 'I går scoret Glimtar-kaptein Ola Vik to mål.', expected: [['Glimtar', 'organization'], ['Ola Vik', 'person']] },
    { name: 'a coordinated institution', text: 'Saken ligger hos Kultur- og likestillingsdepartementet nå.', expected: [['Kultur- og likestillingsdepartementet', 'organization']] },
    { name: 'an institution named for its purpose', text: 'Hun forsker ved Senter for fornybar energi ved NTNU.', expected: [['Senter for fornybar energi', 'organization'], ['NTNU', 'organization']] },
    { name: 'a place of the form X i Y', text: 'Hun kom fra Mo i Rana i fjor.', expected: [['Mo i Rana', 'place']] },
    { name: 'an event in guillemets after its noun', text: 'Ekstremværet «Berit» traff kysten.', expected: [['Berit', 'event']] },
    { name: 'no event of a quote after `saken`', text: 'Han kalte saken «En skandale uten like i nyere tid».', expected: [] },
    { name: 'two names in `Øst- og Vest-Europa`, none overlapping', text: 'Krigen rammet Øst- og Vest-Europa.', expected: [['Øst', 'other'], ['Vest-Europa', 'place']] },
    { name: 'a short place that ends like an event, and a dateline before event endings', text: 'RUKA (NTB): Han var på Ruka i helgen.', expected: [['RUKA', 'place'], ['Ruka', 'place']] },
    {
      name: 'one type for a name found in guillemets and by the rules alike',
      text: 'Vi så filmen «Vestbø» i går. Trener Vestbø sa at laget var klart. Etterpå sa Vestbø at han var glad.',
      expected: [['Vestbø', 'person'], ['Vestbø', 'person'], ['Vestbø', 'person']],
    },
    { name: 'no common noun of capitals before a compound part, and no numeral', text: 'De fant DNA-spor på kniven.\n\nTre år senere kom dommen.', expected: [] },
    {
      name: 'a sentence-initial name that also stands mid-sentence',
      text: 'Olena er 65 år. Kona til Olena vil bli.',
      expected: [['Olena', 'person'], ['Olena', 'person']],
    },
  ];
  for (const c of cases) {
    it(`finds ${c.name}`, () => assert.deepEqual(rules(c.text), c.expected));
  }

  it('links a surname alone to the person named in full before it, with the genitive', () => {
    const found = withRules
      .recognize('Trener Kari Holmsletten var fornøyd. Etter kampen sa Holmsletten at laget spilte godt, og Holmslettens lag leder serien.')
      .filter((m) => m.source === 'rule')
      .map((m) => [m.text, m.type, m.canonical]);
    assert.deepEqual(found, [
      ['Kari Holmsletten', 'person', 'Kari Holmsletten'],
      ['Holmsletten', 'person', 'Kari Holmsletten'],
      ['Holmslettens', 'person', 'Kari Holmsletten'],
    ]);
  });

  it('links the name without its first name to the full name, also before it', () => {
    const found = withRules
      .recognize('Solbakken Moe vant igjen\n\nDet sa Håvard Solbakken Moe etter løpet. Bak Moe kom Per Lie.')
      .filter((m) => m.source === 'rule')
      .map((m) => [m.text, m.canonical]);
    assert.deepEqual(found, [
      ['Solbakken Moe', 'Håvard Solbakken Moe'],
      ['Håvard Solbakken Moe', 'Håvard Solbakken Moe'],
      ['Moe', 'Håvard Solbakken Moe'],
      ['Per Lie', 'Per Lie'],
    ]);
  });

  it('links no surname that two people in the text share', () => {
    const found = withRules.recognize('Kari Holmsletten og Per Holmsletten kom. Holmsletten vant.').filter((m) => m.source === 'rule');
    assert.equal(found.find((m) => m.text === 'Holmsletten')?.canonical, 'Holmsletten');
  });

  const evidence: { text: string; name: string; type: string; strong: boolean }[] = [
    { text: 'Det sa Brita Vestbø i går.', name: 'Brita Vestbø', type: 'person', strong: true },
    { text: 'Laget møtte trener Vestbø i går.', name: 'Vestbø', type: 'person', strong: true },
    { text: 'Aksjen i Ryfylke Brønnservice ASA falt.', name: 'Ryfylke Brønnservice ASA', type: 'organization', strong: true },
    { text: 'Saken kommer opp i Oslo tingrett nå.', name: 'Oslo tingrett', type: 'organization', strong: true },
    { text: 'Rådet kom fra NHOX i går.', name: 'NHOX', type: 'organization', strong: false },
    { text: 'Mange reiste fra Vestbø i helgen.', name: 'Vestbø', type: 'place', strong: false },
    { text: 'Bak dem kom Lorem Ipsum.', name: 'Lorem Ipsum', type: 'person', strong: false },
  ];
  for (const c of evidence) {
    it(`types ${c.name} in "${c.text}" as ${c.type} from ${c.strong ? 'strong' : 'weak'} evidence`, () => {
      const found = withRules.recognize(c.text).filter((m) => m.source === 'rule');
      assert.deepEqual(
        found.map((m) => [m.text, m.type, m.strong === true]),
        [[c.name, c.type, c.strong]],
      );
    });
  }

  it('gives a name used twice the type strong evidence gave it, over the commoner weak guess', () => {
    // `fra Vestbø` twice guesses a place; `sa Vestbø` once is a person speaking.
    const found = withRules.recognize('Hun kom fra Vestbø. Han reiste fra Vestbø. Det sa Vestbø selv.').filter((m) => m.source === 'rule');
    assert.deepEqual(
      found.map((m) => [m.text, m.type, m.strong === true]),
      [
        ['Vestbø', 'person', true],
        ['Vestbø', 'person', true],
        ['Vestbø', 'person', true],
      ],
    );
  });

  it('gives a name the same entity every time it occurs', () => {
    const ids = withRules.recognize('Lviv er stille. Mange reiste til Lviv.').filter((m) => m.source === 'rule').map((m) => m.entityId);
    assert.deepEqual(ids, ['unknown-lviv', 'unknown-lviv']);
  });
});

describe('entities that share a name', () => {
  const kb = mergeKnowledgeBases([
    entity('norge', 'Norge', 'place', ['Norges']),
    entity('ukraina', 'Ukraina', 'place'),
    { ...entity('ud-norge', 'Utenriksdepartementet (Norge)', 'organization', ['Utenriksdepartementet']), context: ['norge'] },
    { ...entity('ud-ukraina', 'Utenriksdepartementet (Ukraina)', 'organization', ['Utenriksdepartementet']), context: ['ukraina'] },
  ]);
  const cases: [string, string, string][] = [
    ['a country right after', 'Fredag endret Utenriksdepartementet Norges reiseråd til Ukraina.', 'Utenriksdepartementet (Norge)'],
    ['a country in the same sentence', 'Samtidig ber Utenriksdepartementet i Ukraina om ro.', 'Utenriksdepartementet (Ukraina)'],
    ['no country nearby: the first reading', 'Utenriksdepartementet svarte ikke.', 'Utenriksdepartementet (Norge)'],
    ['a country in another paragraph only', 'Utenriksdepartementet svarte ikke.\n\nI Ukraina er det stille.', 'Utenriksdepartementet (Norge)'],
  ];
  for (const [name, text, canonical] of cases) {
    it(`chooses by ${name}`, () => {
      const mention = createRecognizer(kb).recognize(text).find((m) => m.text === 'Utenriksdepartementet');
      assert.equal(mention?.canonical, canonical);
    });
  }
});

describe('reading knowledge base files', () => {
  it('keeps the valid entries of a file with bad ones, saying where', () => {
    const parsed = parseKnowledgeBase(
      JSON.stringify({
        entities: [
          { id: 'ok', name: 'Ok', type: 'place', description: 'A place.' },
          { id: 'Bad Id', name: 'X', type: 'place', description: '' },
          { id: 'no-type', name: 'X', type: 'planet', description: '' },
          { id: 'ok', name: 'Again', type: 'place', description: '' },
          'not an object',
        ],
      }),
    );
    assert.deepEqual(parsed.entities.map((e) => e.id), ['ok']);
    assert.deepEqual(parsed.issues.map((i) => i.path), ['entities[1]', 'entities[2]', 'entities[3].id', 'entities[4]']);
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '{ "entities": [', /not valid JSON/],
    ['no entities array', '{ "people": [] }', /expected an "entities" array/],
  ];
  for (const [name, json, message] of broken) {
    it(`reports a file with ${name}`, () => {
      const parsed = parseKnowledgeBase(json);
      assert.deepEqual(parsed.entities, []);
      assert.match(parsed.issues[0].message, message);
    });
  }

  it('lets later knowledge bases take precedence', () => {
    const base = [entity('putin', 'Vladimir Putin', 'person', ['Putin']), entity('kreml', 'Kreml', 'place', ['Kremlin'])];
    const user = [entity('kreml', 'Kreml', 'organization'), entity('putin-the-film', 'Putin (film)', 'other', ['Putin'])];
    const merged = mergeKnowledgeBases(base, user);
    assert.equal(merged.byId('kreml')?.type, 'organization');
    assert.deepEqual(merged.byId('putin')?.aliases, []);
    assert.deepEqual(found('Putin', merged), [['Putin', 'Putin (film)']]);
  });

  it("lets a later knowledge base claim an earlier entity's own name", () => {
    const base = [entity('putin', 'Vladimir Putin', 'person')];
    const user = [entity('putin-annotated', 'Vladimir V. Putin', 'person', ['Vladimir Putin'])];
    assert.deepEqual(found('Vladimir Putin kom.', mergeKnowledgeBases(base, user)), [['Vladimir Putin', 'Vladimir V. Putin']]);
  });
});

describe('ids of names the rules found', () => {
  const recognizer = createRecognizer(mergeKnowledgeBases([]));
  const idOf = (text: string) => recognizer.recognize(text).find((m) => m.source === 'rule')?.entityId;
  const cases: [string, string, string][] = [
    ['ASCII', 'Det sa Kari Nordmann i går.', 'unknown-kari-nordmann'],
    ['æ, ø and å', 'Det sa Ærlend Øye-Ås i går.', 'unknown-aerlend-oye-as'],
    ['accents', 'Det sa José Müller i går.', 'unknown-jose-muller'],
    ['other scripts', 'Det sa Путин Иванов i går.', 'unknown-путин-иванов'],
    ['an initial and a full stop', 'Det sa Jakub M. Godzimirski i går.', 'unknown-jakub-m-godzimirski'],
  ];
  for (const [name, text, id] of cases) it(`are slugs of the name, for ${name}`, () => assert.equal(idOf(text), id));
});
