// Quote finding (src/core/quotes): a table of the constructions Norwegian news text uses, each with the
// quote it must give (kind, words and speaker), and properties over generated articles: spans inside the text,
// in order, never overlapping, never a dash subheading.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import { loadArticle } from '../../src/core/load';
import { type Quote, findQuotes } from '../../src/core/quotes/findQuotes';
import { sexOfGivenName } from '../../src/core/quotes/gender';
import { csvField, speakerMatches } from '../../src/core/quotes/quoteRows';
import { sentencesIn } from '../../src/core/quotes/sentences';
import { cueAt } from '../../src/core/quotes/speechVerbs';
import { repoRoot } from './helpers';

const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));

/** The quotes of an article made of these paragraphs (a headline and a dateline lead come first). */
function quotesOf(...paragraphs: string[]): { text: string; quotes: Quote[] } {
  const body = ['Overskrift om saken', 'OSLO (NTB) Saken ble kjent mandag.', ...paragraphs].join('\n\n');
  const loaded = loadArticle(new TextEncoder().encode(` date 2023-03-14 ${body}`));
  if (!loaded.ok) throw new Error(loaded.reason);
  const { article } = loaded;
  return { text: article.text, quotes: findQuotes(article, recognizer.recognize(article.text)) };
}

interface Case {
  readonly name: string;
  readonly paragraphs: readonly string[];
  /** The quotes expected, in order: kind, the words, the speaker (null: unresolved), and the cue. */
  readonly expect: readonly (readonly [Quote['kind'], string, string | null, (string | null)?])[];
}

const CASES: readonly Case[] = [
  {
    name: 'a dash quote with the name after the verb',
    paragraphs: ['– Vi har aldri sett noe lignende, sier Kari Nordmann til NRK.'],
    expect: [['direct', 'Vi har aldri sett noe lignende', 'Kari Nordmann', 'sier']],
  },
  {
    name: 'a title before the name, a party in brackets',
    paragraphs: ['– Dette er en trist dag for bygda, sier ordfører Ingrid Bakken (Sp).'],
    expect: [['direct', 'Dette er en trist dag for bygda', 'Ingrid Bakken', 'sier']],
  },
  {
    name: 'a pronoun to the person named before, by sex',
    paragraphs: ['Ingrid Bakken møtte Ola Haugen i kommunestyret.', '– Vi må samarbeide, sier hun.', '– Jeg er enig, sier han.'],
    expect: [
      ['direct', 'Vi må samarbeide', 'Ingrid Bakken', 'sier'],
      ['direct', 'Jeg er enig', 'Ola Haugen', 'sier'],
    ],
  },
  {
    name: 'a title alone, to the person the article gave it',
    paragraphs: ['Rektor Silje Aasen ved Berg skole ble overrasket.', '– Vi fikk ingen beskjed, sier rektoren.'],
    expect: [['direct', 'Vi fikk ingen beskjed', 'Silje Aasen', 'sier']],
  },
  {
    name: 'a title last used of someone unnamed stays unresolved',
    paragraphs: ['Rektor Silje Aasen ville ikke kommentere saken. En lærer som ikke vil stå fram, forteller at flere har sluttet.', '– Stemningen er helt nede, sier læreren.'],
    expect: [
      ['reported', 'En lærer som ikke vil stå fram, forteller at flere har sluttet.', null, 'forteller'],
      ['direct', 'Stemningen er helt nede', null, 'sier'],
    ],
  },
  {
    name: 'a quote interrupted by its attribution, and a dash paragraph with no cue continuing it',
    paragraphs: ['– Det går ikke an, sier Per Olsen. – Vi må tenke nytt.', '– Og vi må gjøre det nå.'],
    expect: [
      ['direct', 'Det går ikke an', 'Per Olsen', 'sier'],
      ['direct', 'Vi må tenke nytt.', 'Per Olsen', null],
      ['direct', 'Og vi må gjøre det nå.', 'Per Olsen', null],
    ],
  },
  {
    name: 'a particle verb with the subject inside: la hun til',
    paragraphs: ['Kari Nordmann var fornøyd.', '– Men det er mye igjen, la hun til.'],
    expect: [['direct', 'Men det er mye igjen', 'Kari Nordmann', 'la til']],
  },
  {
    name: 'an inline quote in guillemets, the speaker after',
    paragraphs: ['«Vi gir oss ikke før skolen er reddet», skriver Fagforbundet i en pressemelding.'],
    expect: [['direct', 'Vi gir oss ikke før skolen er reddet', 'Fagforbundet', 'skriver']],
  },
  {
    name: 'scare quotes and titles are no quotes',
    paragraphs: ['Prosjektet «Nye Bryggen» skal stå ferdig i 2026. Det såkalte «grønne skiftet» koster.'],
    expect: [],
  },
  {
    name: 'a quote in a photo caption',
    paragraphs: ['FORNØYD: – Dette er en seier for alle, sier Kari Nordmann. Foto: Ola Berg / NTB', 'Kari Nordmann var glad.'],
    expect: [['direct', 'Dette er en seier for alle', 'Kari Nordmann', 'sier']],
  },
  {
    name: 'reported speech with the subject before the verb',
    paragraphs: ['Kari Nordmann mener at forslaget er dårlig.'],
    expect: [['reported', 'Kari Nordmann mener at forslaget er dårlig.', 'Kari Nordmann', 'mener']],
  },
  {
    name: 'reported speech after an adverbial: the subject follows the verb',
    paragraphs: ['Fredag varslet Statens vegvesen at veien blir stengt.'],
    expect: [['reported', 'Fredag varslet Statens vegvesen at veien blir stengt.', 'Statens vegvesen', 'varslet']],
  },
  {
    name: 'ifølge, and a body named by a common noun',
    paragraphs: ['Ifølge Agder politidistrikt er ingen skadd.', 'Veien er stengt, opplyser politiet.'],
    expect: [
      ['reported', 'Ifølge Agder politidistrikt er ingen skadd.', 'Agder politidistrikt', 'ifølge'],
      ['reported', 'Veien er stengt, opplyser politiet.', 'Agder politidistrikt', 'opplyser'],
    ],
  },
  {
    name: 'unnamed sources stay unresolved, never guessed',
    paragraphs: ['Kari Nordmann ledet møtet.', '– Dette er skandaløst, sier en beboer.', 'Flere kilder sier at vedtaket kommer.'],
    expect: [
      ['direct', 'Dette er skandaløst', null, 'sier'],
      ['reported', 'Flere kilder sier at vedtaket kommer.', null, 'sier'],
    ],
  },
  {
    name: 'a short dash line is a subheading, not a quote',
    paragraphs: ['– Må være forberedt på alt', 'Kari Nordmann snakket om saken.'],
    expect: [],
  },
  {
    name: 'talk without content is no reported speech',
    paragraphs: ['De snakket i 105 minutter. Hun ville ikke kommentere saken.'],
    expect: [],
  },
  {
    name: 'a speaker introduced by a sentence ending in a colon',
    paragraphs: ['Rådmann Tove Lie er tydelig:', '– Dette kan vi ikke akseptere.'],
    expect: [['direct', 'Dette kan vi ikke akseptere.', 'Tove Lie', null]],
  },
  {
    name: 'a speaker introduced in the same paragraph, before the dash',
    paragraphs: ['Kari Nordmann sier det slik: – Vi gir oss aldri.'],
    expect: [['direct', 'Vi gir oss aldri.', 'Kari Nordmann', 'sier']],
  },
  {
    name: 'narration going on after an attribution is no quote',
    paragraphs: ['– Vi er klare, sier Kari Nordmann. Hun legger til at arbeidet starter i mai.'],
    expect: [
      ['direct', 'Vi er klare', 'Kari Nordmann', 'sier'],
      ['reported', 'Hun legger til at arbeidet starter i mai.', 'Kari Nordmann', 'legger til'],
    ],
  },
  {
    name: 'a dash quote attributed with ifølge',
    paragraphs: ['– Situasjonen er under kontroll, ifølge Agder politidistrikt.'],
    expect: [['direct', 'Situasjonen er under kontroll', 'Agder politidistrikt', 'ifølge']],
  },
  {
    name: 'an interview: questions are the interviewer’s, answers the interviewee’s',
    paragraphs: ['– Hvordan går det med kneet?', '– Det går bra nå.', '– Hva er målet?', '– Gull i Paris.'],
    expect: [
      ['question', 'Hvordan går det med kneet?', null],
      ['direct', 'Det går bra nå.', null],
      ['question', 'Hva er målet?', null],
      ['direct', 'Gull i Paris.', null],
    ],
  },
  {
    name: 'a surname to the person named in full before',
    paragraphs: ['– Vi har hatt over 30 møter, sier administrerende direktør Arne Tveit til NRK.', '– Ingen er glemt, sier Tveit.'],
    expect: [
      ['direct', 'Vi har hatt over 30 møter', 'Arne Tveit', 'sier'],
      ['direct', 'Ingen er glemt', 'Arne Tveit', 'sier'],
    ],
  },
  {
    name: 'a pronoun after someone unnamed is brought in stays unresolved',
    paragraphs: ['Per Olsen ledet møtet.', 'På torget sto en eldre mann og ventet.', '– Jeg visste ingenting, sa han.'],
    expect: [['direct', 'Jeg visste ingenting', null, 'sa']],
  },
  {
    name: 'the quote goes on after the attribution’s comma',
    paragraphs: ['– Skal vi være en utviklingsklubb, sier Per Olsen, må vi tørre å selge.'],
    expect: [
      ['direct', 'Skal vi være en utviklingsklubb', 'Per Olsen', 'sier'],
      ['direct', 'må vi tørre å selge.', 'Per Olsen', null],
    ],
  },
  {
    name: 'an interview of plain paragraphs: short questions and the answers after them',
    paragraphs: ['Kari Nordmann har ledet selskapet i ti år.', 'Hvorfor sa du nei?', 'Fordi jeg ikke ville det.', 'Angrer du?', 'Nei. Jeg sover godt.', 'Hva nå?', 'Vi bygger videre.'],
    expect: [
      ['question', 'Hvorfor sa du nei?', null],
      ['direct', 'Fordi jeg ikke ville det.', 'Kari Nordmann'],
      ['question', 'Angrer du?', null],
      ['direct', 'Nei. Jeg sover godt.', 'Kari Nordmann'],
      ['question', 'Hva nå?', null],
      ['direct', 'Vi bygger videre.', 'Kari Nordmann'],
    ],
  },
  {
    name: 'a labelled interview: the newsroom asks, the surname answers, also over two paragraphs',
    paragraphs: ['Vi møter Maren Berglund i Vardø.', 'NRK: Hvorfor en roman?', 'BERGLUND: Fordi romanen gir frihet.', 'Dessuten er det mitt valg.', 'NRK: Er hun deg?', 'BERGLUND: Både og.'],
    expect: [
      ['question', 'Hvorfor en roman?', null],
      ['direct', 'Fordi romanen gir frihet.', 'Maren Berglund'],
      ['direct', 'Dessuten er det mitt valg.', 'Maren Berglund'],
      ['question', 'Er hun deg?', null],
      ['direct', 'Både og.', 'Maren Berglund'],
    ],
  },
  {
    name: 'a medium reporting someone’s words: the person speaks',
    paragraphs: ['Reuters melder at Jonas Gahr Støre sier at avtalen er klar.'],
    expect: [['reported', 'Reuters melder at Jonas Gahr Støre sier at avtalen er klar.', 'Jonas Gahr Støre', 'sier']],
  },
  {
    name: 'an interview’s label that fits the interviewee is them, beside a relative of the same name',
    paragraphs: [
      'Maren Berglund er ute med en roman om oppveksten i Vardø.',
      'Av Siri Gjerde',
      'Broren Tor Berglund har ikke lest boka.',
      'NRK: Hvorfor ble det en roman?',
      'BERGLUND: Fordi romanen gir meg frihet.',
      'NRK: Er Vera deg?',
      'BERGLUND: Både og.',
    ],
    expect: [
      ['question', 'Hvorfor ble det en roman?', 'Siri Gjerde'],
      ['direct', 'Fordi romanen gir meg frihet.', 'Maren Berglund'],
      ['question', 'Er Vera deg?', 'Siri Gjerde'],
      ['direct', 'Både og.', 'Maren Berglund'],
    ],
  },
  {
    name: 'a title’s other word, a definite title that refers back, a party’s compound title, a focused subject',
    paragraphs: [
      'Arbeids- og sosialminister Anette Skoglund Bye (H) åpnet debatten.',
      'Statsråden understreket at reformen gjelder 80.000 arbeidstakere.',
      'Senterpartiets Per Olav Hætta gikk lenger.',
      '– Ministeren har hatt rapportene siden 2018, sa Sp-representanten.',
      'Stortingsrepresentant Bjørn-Erik Solås (Frp) var enig.',
      'Statsråden svarte i sitt siste innlegg:',
      '– Jeg registrerer at dere satt i regjering, sa statsråden.',
      'Også SV varslet at de vil stemme mot.',
    ],
    expect: [
      ['reported', 'Statsråden understreket at reformen gjelder 80.000 arbeidstakere.', 'Anette Skoglund Bye', 'understreket'],
      ['direct', 'Ministeren har hatt rapportene siden 2018', 'Per Olav Hætta', 'sa'],
      ['direct', 'Jeg registrerer at dere satt i regjering', 'Anette Skoglund Bye', 'sa'],
      ['reported', 'Også SV varslet at de vil stemme mot.', 'Sosialistisk Venstreparti', 'varslet'],
    ],
  },
  {
    name: 'a closed relative clause after a politician and party, a particle phrase, a colon introduction with content',
    paragraphs: [
      'Lise Marie Dahl-Olsen (Ap), som leder komiteen, kalte forslaget «et plaster på et brudd».',
      'Statsadvokat Gunnhild Nærbø la under rettssaken vekt på at brannen var planlagt.',
      'En nabo av Nærbø, som ikke vil stå fram, mener at saken er trist.',
      'Frode Hølaas-Bakke sier han er rørt over engasjementet:',
      '– Jeg hadde aldri trodd at så mange ville stille opp.',
    ],
    expect: [
      ['direct', 'et plaster på et brudd', 'Lise Marie Dahl-Olsen', 'kalte'],
      ['reported', 'Statsadvokat Gunnhild Nærbø la under rettssaken vekt på at brannen var planlagt.', 'Gunnhild Nærbø', 'la vekt på'],
      ['reported', 'En nabo av Nærbø, som ikke vil stå fram, mener at saken er trist.', null, 'mener'],
      ['reported', 'Frode Hølaas-Bakke sier han er rørt over engasjementet:', 'Frode Hølaas-Bakke', 'sier'],
      ['direct', 'Jeg hadde aldri trodd at så mange ville stille opp.', 'Frode Hølaas-Bakke', null],
    ],
  },
  {
    name: 'an unnamed person after someone named in the sentence is no new topic; an age noun with no age written',
    paragraphs: [
      'Mona Aasen i Trondheim har en datter i niende klasse.',
      '– Jeg forstår godt at de streiker, sier hun.',
      'Bronsen ga Johannes Vik fra Steinkjer hans første medalje.',
      '– Jeg var ikke sikker på om jeg skulle starte, sier 21-åringen.',
      'En 30-åring ble også skadet.',
      '– Det gikk fort, sier 30-åringen.',
    ],
    expect: [
      ['direct', 'Jeg forstår godt at de streiker', 'Mona Aasen', 'sier'],
      ['direct', 'Jeg var ikke sikker på om jeg skulle starte', 'Johannes Vik', 'sier'],
      ['direct', 'Det gikk fort', null, 'sier'],
    ],
  },
  {
    name: 'a spokesperson for a body, a relative clause late in the sentence, phrase cues',
    paragraphs: [
      'Emmanuel Macron har snakket med Vladimir Putin, sier en talsperson for Kreml.',
      'Vladimir Putin har bedt Joe Biden om en samtale, som skulle ha funnet sted mandag, skriver Reuters.',
      'Antony Blinken gjorde det klart at en invasjon kan komme når som helst.',
      'Jens Stoltenberg nevnte en rekke temaer som Nato vil diskutere.',
    ],
    expect: [
      ['reported', 'Emmanuel Macron har snakket med Vladimir Putin, sier en talsperson for Kreml.', 'Kreml', 'sier'],
      ['reported', 'Vladimir Putin har bedt Joe Biden om en samtale, som skulle ha funnet sted mandag, skriver Reuters.', 'Reuters', 'skriver'],
      ['reported', 'Antony Blinken gjorde det klart at en invasjon kan komme når som helst.', 'Antony Blinken', 'gjorde det klart'],
      ['reported', 'Jens Stoltenberg nevnte en rekke temaer som Nato vil diskutere.', 'Jens Stoltenberg', 'nevnte'],
    ],
  },
  {
    name: 'the interviewer of a byline with role labels is its writer, not its photographer',
    paragraphs: ['Ingrid Solvang har skrevet sin tredje roman.', 'Tekst: Kari Holm Foto: Ola Dahl', '– Hvorfor skrev du den?', '– Fordi jeg måtte.', '– Og nå?', '– Nå hviler jeg.'],
    expect: [
      ['question', 'Hvorfor skrev du den?', 'Kari Holm'],
      ['direct', 'Fordi jeg måtte.', 'Ingrid Solvang'],
      ['question', 'Og nå?', 'Kari Holm'],
      ['direct', 'Nå hviler jeg.', 'Ingrid Solvang'],
    ],
  },
  {
    name: 'a name with a given name written short (Aa.) is one speaker, and its full stop ends no sentence',
    paragraphs: ['«Tiltalte har utnyttet tilliten», skriver tingrettsdommer Kristin Aa. Bergh i dommen.'],
    expect: [['direct', 'Tiltalte har utnyttet tilliten', 'Kristin Aa. Bergh', 'skriver']],
  },
  {
    name: 'a body spoken of by its noun is the fullest name the article gave it',
    paragraphs: ['Hovedredningssentralen i Nord-Norge fikk nødsignalet klokken ett. Hovedredningssentralen sendte et helikopter.', 'Ifølge redningssentralen var bølgene åtte meter høye.'],
    expect: [['reported', 'Ifølge redningssentralen var bølgene åtte meter høye.', 'Hovedredningssentralen i Nord-Norge', 'ifølge']],
  },
  {
    name: 'a name in apposition to the title that opens the sentence speaks, not the object after the verb',
    paragraphs: ['Fastlege og leder i Norsk forening for allmennmedisin, Ahmed Rashid, oppfordrer folk til ikke å hamstre.'],
    expect: [['reported', 'Fastlege og leder i Norsk forening for allmennmedisin, Ahmed Rashid, oppfordrer folk til ikke å hamstre.', 'Ahmed Rashid', 'oppfordrer']],
  },
  {
    name: 'the interviewer of a byline with roles after the names and a newsroom is its journalist',
    paragraphs: ['Ingrid Solvang har skrevet sin tredje roman.', 'Av Kari Holm, journalist, og Ola Dahl, fotograf / Bergens Tidende', '– Hvorfor skrev du den?', '– Fordi jeg måtte.', '– Og nå?', '– Nå hviler jeg.'],
    expect: [
      ['question', 'Hvorfor skrev du den?', 'Kari Holm'],
      ['direct', 'Fordi jeg måtte.', 'Ingrid Solvang'],
      ['question', 'Og nå?', 'Kari Holm'],
      ['direct', 'Nå hviler jeg.', 'Ingrid Solvang'],
    ],
  },
  {
    name: 'the interviewer of a byline `Tekst og foto:` is its writer, who took the pictures too',
    paragraphs: ['Astrid Nyhus (34) har skrevet roman.', 'Tekst og foto: Silje Marie Dahl', '– Hva var det i esken?', '– Nesten tretti brev.', '– Og nå?', '– Nå hviler jeg.'],
    expect: [
      ['question', 'Hva var det i esken?', 'Silje Marie Dahl'],
      ['direct', 'Nesten tretti brev.', 'Astrid Nyhus'],
      ['question', 'Og nå?', 'Silje Marie Dahl'],
      ['direct', 'Nå hviler jeg.', 'Astrid Nyhus'],
    ],
  },
  {
    name: 'speech that reports nothing: pointing, docking, denied, about something, a particle further on, a question word',
    paragraphs: [
      'Elisabeth Lunde peker på en sprekk i veggen. Ferja legger til. Åsmund Kvalø sier ikke noe på en lang stund.',
      'Nå forteller de som lette, om døgnene på fjellet. I fjor sa begge kollegene hennes opp. Foreldrene har klaget saken inn.',
      'Hans Wold vil ikke si hva han mener om vedtaket. Forlaget kaller boken et «comeback».',
      'Silje Opsahl sier de ikke gir opp. Roar Solheim tror ikke fabrikken kommer i gang før 2027.',
    ],
    expect: [
      ['reported', 'Silje Opsahl sier de ikke gir opp.', 'Silje Opsahl', 'sier'],
      ['reported', 'Roar Solheim tror ikke fabrikken kommer i gang før 2027.', 'Roar Solheim', 'tror'],
    ],
  },
  {
    name: 'narration about the speaker between two stretches of their words',
    paragraphs: ['Tore Lie kjører melkebilen.', '– Vi klarte oss uten butikk før, sier han. Så rister han på hodet. – Nei, det er tull.'],
    expect: [
      ['direct', 'Vi klarte oss uten butikk før', 'Tore Lie', 'sier'],
      ['direct', 'Nei, det er tull.', 'Tore Lie', null],
    ],
  },
  {
    name: 'the company an article is about speaks as selskapet, not a public body named after it',
    paragraphs: ['Flyselskapet Nordavia innstiller flere avganger. Streiken i Nordavia rammer mange. Pilotene i Parat streiker, og Forbrukerrådet er kritisk.', 'Rundt 260 avganger er innstilt fredag, opplyser selskapet.'],
    expect: [['reported', 'Rundt 260 avganger er innstilt fredag, opplyser selskapet.', 'Nordavia', 'opplyser']],
  },
  {
    name: 'selskapet: a company named with and without its legal form is one, a sentence opening with the noun names none, a plural in quoted words neither',
    paragraphs: [
      'Fjordlaks ASA er notert på Oslo Børs. Aksjen falt i går.',
      'Selskapet vil kutte kostnader. Konsernsjef Petter Haugseth i Fjordlaks sier at salget er godt.',
      '– Oljeselskapene har satt prosjektene på vent, sier han.',
      'Ifølge selskapet går under fem prosent av salget til Kina.',
    ],
    expect: [
      ['reported', 'Konsernsjef Petter Haugseth i Fjordlaks sier at salget er godt.', 'Petter Haugseth', 'sier'],
      ['direct', 'Oljeselskapene har satt prosjektene på vent', 'Petter Haugseth', 'sier'],
      ['reported', 'Ifølge selskapet går under fem prosent av salget til Kina.', 'Fjordlaks ASA', 'ifølge'],
    ],
  },
  {
    name: 'agencies relaying words: the cue after the quote, an opinion, the person a medium cites',
    paragraphs: [
      '«Europeerne skader seg selv», skriver Kremls talsperson Dmitrij Voronov på Telegram, ifølge Reuters.',
      'Vestlige etterretningskilder mener Moskva vil bruke utvekslingen, skriver Reuters.',
      'Talsperson Jurij Sjilov i Kreml var forsiktig.',
      '– Arbeidet pågår, siterer nyhetsbyrået Tass Sjilov.',
      'Sjeføkonom i DNB Markets Kjersti Haugen mener kuttene er store.',
    ],
    expect: [
      ['direct', 'Europeerne skader seg selv', 'Dmitrij Voronov', 'skriver'],
      ['reported', 'Vestlige etterretningskilder mener Moskva vil bruke utvekslingen, skriver Reuters.', null, 'mener'],
      ['direct', 'Arbeidet pågår', 'Jurij Sjilov', 'siterer'],
      ['reported', 'Sjeføkonom i DNB Markets Kjersti Haugen mener kuttene er store.', 'Kjersti Haugen', 'mener'],
    ],
  },
  {
    name: 'a state’s bodies by genitive or nationality, and answering by doing something',
    paragraphs: [
      'Russland er klar til dialog, heter det i en uttalelse fra Russlands utenriksdepartement.',
      'Det tyske finansdepartementet opplyser at fondet skal finansieres med lån.',
      'Norge svarer med å kalle inn Irans ambassadør.',
    ],
    expect: [
      ['reported', 'Russland er klar til dialog, heter det i en uttalelse fra Russlands utenriksdepartement.', 'Russlands utenriksdepartement', 'heter det'],
      ['reported', 'Det tyske finansdepartementet opplyser at fondet skal finansieres med lån.', 'Det tyske finansdepartementet', 'opplyser'],
    ],
  },
  {
    name: 'questions labelled Spørsmål well into a news story ask the person brought in just before',
    paragraphs: [
      'Utenriksminister Hilde Brattli kaller utvisningen grunnløs.',
      'Av NTB , Sigrid Lønning',
      'Irans ambassadør er kalt inn.',
      'Brattli vil ikke si mer.',
      'Det er første gang på ti år.',
      'Jonas Rydland er forsker ved Nupi og har arbeidet med Iran i mange år.',
      'Spørsmål: Hvorfor tror du Iran har valgt Norge?',
      '– Norge er et lite land med en aktiv rolle.',
      'Spørsmål: Vil dette få konsekvenser?',
      '– Det er lite igjen av handelen.',
    ],
    expect: [
      ['reported', 'Utenriksminister Hilde Brattli kaller utvisningen grunnløs.', 'Hilde Brattli'],
      ['question', 'Hvorfor tror du Iran har valgt Norge?', 'Sigrid Lønning'],
      ['direct', 'Norge er et lite land med en aktiv rolle.', 'Jonas Rydland'],
      ['question', 'Vil dette få konsekvenser?', 'Sigrid Lønning'],
      ['direct', 'Det er lite igjen av handelen.', 'Jonas Rydland'],
    ],
  },
  {
    name: 'an object pronoun after ifølge, a plural before a title, a title measured from the name’s end',
    paragraphs: [
      'Kamilla Rosén Eikeland er den eneste fastlegen i kommunen.',
      'Ifølge henne har hun ni minutter per pasient.',
      'Da var de tre leger på kontoret.',
      '– Han orket ikke mer, sier legen.',
    ],
    expect: [
      ['reported', 'Ifølge henne har hun ni minutter per pasient.', 'Kamilla Rosén Eikeland', 'ifølge'],
      ['direct', 'Han orket ikke mer', 'Kamilla Rosén Eikeland', 'sier'],
    ],
  },
  {
    name: 'the sex of names written family name first, for pronouns',
    paragraphs: ['Hoang Van Minh og kona Nguyen Thi Lan driver restauranten.', '– Vi har øvd i tjue år, sier hun.', '– Folk tok feil, sier han.'],
    expect: [
      ['direct', 'Vi har øvd i tjue år', 'Nguyen Thi Lan', 'sier'],
      ['direct', 'Folk tok feil', 'Hoang Van Minh', 'sier'],
    ],
  },
  {
    name: 'a given name alone, a compound role by its head, a qualifier only in its own sentence',
    paragraphs: [
      '– Et svik mot alle, sier sauebonde Jon Olav Skjærli.',
      'BEKYMRET: – Barna tør ikke gå alene, sier Hilde Skjærli. Foto: Kristin Dahle',
      '– Folk i byene tror dette handler om romantikk, forteller den 34 år gamle bonden.',
      'Kona Hilde sitter ved kjøkkenbordet. Hun mener politikerne har glemt bygda.',
    ],
    expect: [
      ['direct', 'Et svik mot alle', 'Jon Olav Skjærli', 'sier'],
      ['direct', 'Barna tør ikke gå alene', 'Hilde Skjærli', 'sier'],
      ['direct', 'Folk i byene tror dette handler om romantikk', 'Jon Olav Skjærli', 'forteller'],
      ['reported', 'Hun mener politikerne har glemt bygda.', 'Hilde Skjærli', 'mener'],
    ],
  },
  {
    name: 'a kin noun too short for the general rule, resolved to the relative the article named',
    paragraphs: [
      'Sindres far, Arild Hovland, bor i dag alene på Askøy.',
      '– Vi sørget på hver vår måte, sier faren på telefon.',
      'Hoang Van Minh og kona Nguyen Thi Lan driver restauranten.',
      '– Det er ikke sant, sier kona.',
    ],
    expect: [
      ['direct', 'Vi sørget på hver vår måte', 'Arild Hovland', 'sier'],
      ['direct', 'Det er ikke sant', 'Nguyen Thi Lan', 'sier'],
    ],
  },
  {
    name: 'verbs that attribute a quote without being speech, only right after the quoted words',
    paragraphs: [
      '– Vi er glade, smiler Kari Holm.',
      '– Nei, fortsetter Per Olsen etter en pause.',
      '«Det er en lang historie», sukker hun.',
      'Kari Holm smiler. Hun nikker mot døra.',
      '– Hva? utbryter Per Olsen.',
    ],
    expect: [
      ['direct', 'Vi er glade', 'Kari Holm', 'smiler'],
      ['direct', 'Nei', 'Per Olsen', 'fortsetter'],
      ['direct', 'Det er en lang historie', 'Kari Holm', 'sukker'],
      ['direct', 'Hva?', 'Per Olsen', 'utbryter'],
    ],
  },
  {
    name: 'an attribution closing the sentence after a comma is the whole sentence’s; praise reports only what it is for',
    paragraphs: [
      'Kina beklager beslutningen og vil svare, heter det i en uttalelse fra Handelsdepartementet.',
      'Regjeringen mener tiltaket virker, sier Kari Holm til NRK.',
      'Hun roste også lagvenninnen.',
      'Redningsleder Tone Bakkevold roser mannskapet for å ha handlet raskt.',
      'Per Olsen medgir at planen kom for sent.',
    ],
    expect: [
      ['reported', 'Kina beklager beslutningen og vil svare, heter det i en uttalelse fra Handelsdepartementet.', 'Handelsdepartementet', 'heter det'],
      ['reported', 'Regjeringen mener tiltaket virker, sier Kari Holm til NRK.', 'Kari Holm', 'sier'],
      ['reported', 'Redningsleder Tone Bakkevold roser mannskapet for å ha handlet raskt.', 'Tone Bakkevold', 'roser'],
      ['reported', 'Per Olsen medgir at planen kom for sent.', 'Per Olsen', 'medgir'],
    ],
  },
  {
    name: 'an interview whose plain questions are answered by dash quotes',
    paragraphs: [
      'Av Kari Holm',
      'Per Olsen (45) har vært trener i ti år. Vi møtte ham på Lerkendal.',
      'Hvorfor ville du bli trener?',
      '– Jeg elsket spillet.',
      'Hva er det vanskeligste?',
      '– Å sette spillere på benken, sier Olsen og ler.',
      'Du har fått mye kritikk i år. Hvordan takler du det?',
      '– Jeg leser ikke avisene.',
    ],
    expect: [
      ['question', 'Hvorfor ville du bli trener?', 'Kari Holm'],
      ['direct', 'Jeg elsket spillet.', 'Per Olsen'],
      ['question', 'Hva er det vanskeligste?', 'Kari Holm'],
      ['direct', 'Å sette spillere på benken', 'Per Olsen', 'sier'],
      ['question', 'Du har fått mye kritikk i år. Hvordan takler du det?', 'Kari Holm'],
      ['direct', 'Jeg leser ikke avisene.', 'Per Olsen'],
    ],
  },
  {
    name: 'a pronoun means the subject of the sentence that named its person, not a name further on in it',
    paragraphs: [
      '– Vi jobber med saken, sier Kari Holm.',
      'Hun viser til at Anne Lie har fått ansvaret for prosjektet.',
      '– Hun er dyktig, sier hun.',
      'Per Olsen er sjef for avdelingen. Han har ansatt Jon Berg.',
      '– Det var et godt valg, sier han.',
      'Han fikk støtte fra Torbjørn Aune, som i et brev advarte mot planen.',
      '– Det blir trangt, skrev han.',
    ],
    expect: [
      ['direct', 'Vi jobber med saken', 'Kari Holm', 'sier'],
      ['reported', 'Hun viser til at Anne Lie har fått ansvaret for prosjektet.', 'Kari Holm', 'viser til'],
      ['direct', 'Hun er dyktig', 'Kari Holm', 'sier'],
      ['direct', 'Det var et godt valg', 'Per Olsen', 'sier'],
      ['reported', 'Han fikk støtte fra Torbjørn Aune, som i et brev advarte mot planen.', 'Torbjørn Aune', 'advarte'],
      ['direct', 'Det blir trangt', 'Torbjørn Aune', 'skrev'],
    ],
  },
  {
    name: 'a body’s one-word name opening a sentence, its communications office, an acronym’s body with og',
    paragraphs: [
      'Avinor opplyser at kontrollen på Gardermoen ikke er omfattet.',
      'Sykehuset Innlandet skriver i en e-post fra kommunikasjonsavdelingen at belastningen er høy.',
      'Ifølge kommunikasjonsavdelingen skal sykehuset åpne åtte senger.',
      'NHO Service og Handel mener streiken rammer feil.',
      'Amerikanske myndigheter sa i helgen at de er bekymret.',
    ],
    expect: [
      ['reported', 'Avinor opplyser at kontrollen på Gardermoen ikke er omfattet.', 'Avinor', 'opplyser'],
      ['reported', 'Sykehuset Innlandet skriver i en e-post fra kommunikasjonsavdelingen at belastningen er høy.', 'Sykehuset Innlandet', 'skriver'],
      ['reported', 'Ifølge kommunikasjonsavdelingen skal sykehuset åpne åtte senger.', 'Sykehuset Innlandet', 'ifølge'],
      ['reported', 'NHO Service og Handel mener streiken rammer feil.', 'NHO Service og Handel', 'mener'],
      ['reported', 'Amerikanske myndigheter sa i helgen at de er bekymret.', null, 'sa'],
    ],
  },
  {
    name: 'an interview’s request to tell, a question answered after a line of scene, speech reported inside an answer',
    paragraphs: [
      'Tekst: Tormod Åsvang',
      'Siri Nærø (31) gir ut sitt tredje album.',
      '– Hvorfor tok det så lang tid?',
      '– Jeg hadde ikke noe å si.',
      '– Fortell om tittelen.',
      '– Fjæresteinar er de runde steinene nederst i fjæra.',
      '– Hva sier faren din om plata?',
      'Hun ler og ser ut av vinduet.',
      '– Han ringte meg. Så sa han at den var fin.',
    ],
    expect: [
      ['question', 'Hvorfor tok det så lang tid?', 'Tormod Åsvang'],
      ['direct', 'Jeg hadde ikke noe å si.', 'Siri Nærø'],
      ['question', 'Fortell om tittelen.', 'Tormod Åsvang'],
      ['direct', 'Fjæresteinar er de runde steinene nederst i fjæra.', 'Siri Nærø'],
      ['question', 'Hva sier faren din om plata?', 'Tormod Åsvang'],
      ['direct', 'Han ringte meg. Så sa han at den var fin.', 'Siri Nærø'],
    ],
  },
  {
    name: 'Nynorsk: its speech verbs, pronouns and ifølgje, and Bokmål’s seier that is a win',
    paragraphs: [
      'Kari Holm er leiar i laget.',
      '– Vi er glade, seier ho.',
      'Ho meiner at kommunen må gjere meir.',
      '– Det er trist, legg ho til.',
      'Ifølgje Kari Holm er det ikkje pengar.',
      'Ingrid Marie Sæther (21) tok sin første seier i verdenscupen.',
    ],
    expect: [
      ['direct', 'Vi er glade', 'Kari Holm', 'seier'],
      ['reported', 'Ho meiner at kommunen må gjere meir.', 'Kari Holm', 'meiner'],
      ['direct', 'Det er trist', 'Kari Holm', 'legg til'],
      ['reported', 'Ifølgje Kari Holm er det ikkje pengar.', 'Kari Holm', 'ifølgje'],
    ],
  },
  {
    name: 'figures and reports speak for their maker, og inside a body’s name, a stock exchange is no company, a genitive full name',
    paragraphs: [
      'Møbelkjeden Vestbo la fram tallene for Oslo Børs fredag. Selskapet varslet at det vil kutte.',
      'Ifølge tall fra Brønnøysundregistrene er det i dag 14 bakerier.',
      'En rapport fra Sjøfartsdirektoratet konkluderer med at farten var for høy.',
      'Forhandlingsleder Petter Ravnås i NHO Service og Handel sier kravet vil øke kostnadene.',
      'Fredag kommer Siri Nærøs tredje album. Det er hennes mest personlige, sier hun selv. Siri Nærø er glad.',
      'Datteren til Lise, Emma (9), stempler kortene.',
      '– Jeg får en bolle, sier Emma.',
    ],
    expect: [
      ['reported', 'Selskapet varslet at det vil kutte.', 'Vestbo', 'varslet'],
      ['reported', 'Ifølge tall fra Brønnøysundregistrene er det i dag 14 bakerier.', 'Brønnøysundregistrene', 'ifølge'],
      ['reported', 'En rapport fra Sjøfartsdirektoratet konkluderer med at farten var for høy.', 'Sjøfartsdirektoratet', 'konkluderer'],
      ['reported', 'Forhandlingsleder Petter Ravnås i NHO Service og Handel sier kravet vil øke kostnadene.', 'Petter Ravnås', 'sier'],
      ['reported', 'Det er hennes mest personlige, sier hun selv.', 'Siri Nærø', 'sier'],
      ['direct', 'Jeg får en bolle', 'Emma', 'sier'],
    ],
  },
  {
    name: 'a short definite title refers back past titles in quoted words, a title the next sentence names, a body’s board',
    paragraphs: [
      'Kamilla Rosén Eikeland er den eneste fastlegen i Nordvik kommune. Pasientene kjenner legen godt.',
      '– Vi vil ha flere leger og de samme legene.',
      '– Fordi jeg kjenner dem, sier legen, og tar imot neste pasient.',
      'Det var søsteren som slo alarm. Julie Bakke-Svendsen (27) hadde ventet på en melding.',
      '– Det første han sa, var unnskyld, sier søsteren.',
      '«En økning er dessverre uunngåelig», skriver styret i Haugerud Terrasse borettslag i brevet.',
    ],
    expect: [
      ['direct', 'Vi vil ha flere leger og de samme legene.', null],
      ['direct', 'Fordi jeg kjenner dem', 'Kamilla Rosén Eikeland', 'sier'],
      ['direct', 'Det første han sa, var unnskyld', 'Julie Bakke-Svendsen', 'sier'],
      ['direct', 'En økning er dessverre uunngåelig', 'Styret i Haugerud Terrasse borettslag', 'skriver'],
    ],
  },
  {
    name: 'kin nouns nobody is named with: the person of that sex, another than the one who just spoke; a grandparent the oldest',
    paragraphs: [
      'Knut Arne Lien (81) driver fortsatt fisket sammen med barnebarnet Sigve Lien (24). Tone Lien (52) styrer salget.',
      '– Havet har vært godt mot oss, sier bestefaren.',
      'Sigve Lien fikk sin første båt i fjor.',
      '– Jeg vil aldri jobbe på land, sier sønnen.',
      'Kjæresten hans, Marte Vik, bor i Tromsø.',
      '– Vi får se hvor lenge det varer, sier Marte Vik.',
      '– Det har du ikke sagt før, sier moren.',
      'Tone Lien ler.',
    ],
    expect: [
      ['direct', 'Havet har vært godt mot oss', 'Knut Arne Lien', 'sier'],
      ['direct', 'Jeg vil aldri jobbe på land', 'Sigve Lien', 'sier'],
      ['direct', 'Vi får se hvor lenge det varer', 'Marte Vik', 'sier'],
      ['direct', 'Det har du ikke sagt før', 'Tone Lien', 'sier'],
    ],
  },
  {
    name: 'a text quoted with står det i: the sender the sentence that brought it in names, unless a body spoke since; a body named by a title',
    paragraphs: [
      'I mars kom det et brev fra Statens vegvesen til alle hytteeierne.',
      '«Veien vil være stengt hele sommeren», står det i brevet.',
      'Direktoratet for naturforvaltning har sendt ut en melding om saken. Statsforvalteren i Nordland skriver at fisket er stengt.',
      '«Ingen får fiske i elva i år», står det i meldingen.',
      '– Vi følger bestanden nøye, sier statsforvalteren.',
    ],
    expect: [
      ['direct', 'Veien vil være stengt hele sommeren', 'Statens vegvesen', 'står det'],
      ['reported', 'Statsforvalteren i Nordland skriver at fisket er stengt.', 'Statsforvalteren i Nordland', 'skriver'],
      ['direct', 'Ingen får fiske i elva i år', 'Statsforvalteren i Nordland', 'står det'],
      ['direct', 'Vi følger bestanden nøye', 'Statsforvalteren i Nordland', 'sier'],
    ],
  },
  {
    name: 'who holds a title: the one in apposition after "kona til X", not X; a verb after a name and age is no title; a predicate is',
    paragraphs: [
      'Kona til Per Holm, Berit Holm (61), var på jobb.',
      '– Jeg fikk en telefon klokka åtte, sier kona.',
      'Sunniva Lie (24) trener seks dager i uka. Treneren står ved løypa.',
      '– Der! Bedre enn i går, roper Lars Erik Moen.',
      '– Hun gir seg aldri, sier treneren.',
      'Politiadvokat Henrik Salvesen, som er aktor i saken, la fram bevisene.',
      'Aktor opplyste at politiet har sikret DNA.',
      'Kystvakten opplyser at skipet er slept i havn.',
    ],
    expect: [
      ['direct', 'Jeg fikk en telefon klokka åtte', 'Berit Holm', 'sier'],
      ['direct', 'Der! Bedre enn i går', 'Lars Erik Moen', 'roper'],
      ['direct', 'Hun gir seg aldri', 'Lars Erik Moen', 'sier'],
      ['reported', 'Aktor opplyste at politiet har sikret DNA.', 'Henrik Salvesen', 'opplyste'],
      ['reported', 'Kystvakten opplyser at skipet er slept i havn.', 'Kystvakten', 'opplyser'],
    ],
  },
  {
    name: 'Nynorsk kin nouns, a kin noun with a possessive is the relative of the one it means, a title opening the sentence before its holder',
    paragraphs: [
      'Silje Moltu Aasen har to born på skulen. Emma Moltu Aasen (10) går i fjerde klasse.',
      '– Det luktar rart i klasserommet, seier dottera.',
      'Ho seier at ho vil bli på skulen.',
      'Mora hennar legg til at foreldra vil klage.',
      'Leiaren i samferdselsutvalet i fylket, Anne Kari Brekkhus (Sp), vil ha svar.',
      '– Dette er ikkje godt nok, seier leiaren.',
    ],
    expect: [
      ['direct', 'Det luktar rart i klasserommet', 'Emma Moltu Aasen', 'seier'],
      ['reported', 'Ho seier at ho vil bli på skulen.', 'Emma Moltu Aasen', 'seier'],
      ['reported', 'Mora hennar legg til at foreldra vil klage.', 'Silje Moltu Aasen', 'legg til'],
      ['direct', 'Dette er ikkje godt nok', 'Anne Kari Brekkhus', 'seier'],
    ],
  },
  {
    name: 'a friend written so is read as a kin noun; a word put in (skyter inn); a recommendation is reported speech; bodies with cut compounds speak',
    paragraphs: [
      'Anne Karin Dahl (52) og Bodil Rustad (54) har gått sammen i elleve år.',
      '– Vi sto bak en stein, sier Dahl.',
      '– Og det hadde jeg ikke heller, sier venninnen.',
      'Torbjørn Helle (63) falt om. Stein Ove Kalland (60) startet hjertekompresjon.',
      '– Jeg telte høyt, forteller kameraten.',
      '– Han reddet livet mitt, skyter Helle inn.',
      'Forbrukerrådet anbefaler å sjekke prisen før man lader.',
      'Arbeids- og velferdsetaten opplyser at køene er lange.',
    ],
    expect: [
      ['direct', 'Vi sto bak en stein', 'Anne Karin Dahl', 'sier'],
      ['direct', 'Og det hadde jeg ikke heller', 'Bodil Rustad', 'sier'],
      ['direct', 'Jeg telte høyt', 'Stein Ove Kalland', 'forteller'],
      ['direct', 'Han reddet livet mitt', 'Torbjørn Helle', 'skyter inn'],
      ['reported', 'Forbrukerrådet anbefaler å sjekke prisen før man lader.', 'Forbrukerrådet', 'anbefaler'],
      ['reported', 'Arbeids- og velferdsetaten opplyser at køene er lange.', 'Arbeids- og velferdsetaten', 'opplyser'],
    ],
  },
  {
    name: 'a title given a body after it (lederen i Egge IL) is the holder tied to that body, never one who holds it for another',
    paragraphs: [
      'Ved sidelinja står Terje Holmvik (52) med hetta trukket ned.',
      '– Vi har ventet i tolv år, sier lederen i Egge IL.',
      '– Gresset er slitt, sier Arild Sandvik, daglig leder i Steinkjer FK.',
      'Kari Moe er leder i Sparta IL og vil også ha banen.',
      '– Vi står først i køen, sier lederen i Sparta IL.',
    ],
    expect: [
      ['direct', 'Vi har ventet i tolv år', null, 'sier'],
      ['direct', 'Gresset er slitt', 'Arild Sandvik', 'sier'],
      ['direct', 'Vi står først i køen', 'Kari Moe', 'sier'],
    ],
  },
  {
    name: 'verbs of admitting, proposing and ruling out; a thing recommended, a motion or a vote reports nothing',
    paragraphs: [
      'Styreleder Jan Erik Solberg vedgår at klubben har gjort feil.',
      'Han utelukker ikke at klubbene prøver igjen.',
      'Kommunedirektør Anita Moe foreslår at skolen legges ned.',
      'Trond Haugen anbefalte selv sammenslåingen, men tar nederlaget med fatning.',
      'Marte Hølaas, som er ny i bystyret, foreslo å utsette saken.',
      'Brekken IL sa ja til sammenslåingen på årsmøtet.',
      'Onkelen, Olav Ramstad, vedgår at han tok feil.',
    ],
    expect: [
      ['reported', 'Styreleder Jan Erik Solberg vedgår at klubben har gjort feil.', 'Jan Erik Solberg', 'vedgår'],
      ['reported', 'Han utelukker ikke at klubbene prøver igjen.', 'Jan Erik Solberg', 'utelukker'],
      ['reported', 'Kommunedirektør Anita Moe foreslår at skolen legges ned.', 'Anita Moe', 'foreslår'],
      ['reported', 'Onkelen, Olav Ramstad, vedgår at han tok feil.', 'Olav Ramstad', 'vedgår'],
    ],
  },
  {
    name: 'a hospital, which is a place too, speaks as the body there under its noun',
    paragraphs: [
      'Sørlandet sykehus stenger fødeavdelingen i sju uker, skriver sykehuset i en pressemelding.',
      'Ifølge sykehuset står fire stillinger ubesatt.',
      'Sykehuset opplyser at gravide får bo på pasienthotellet.',
    ],
    expect: [
      ['reported', 'Sørlandet sykehus stenger fødeavdelingen i sju uker, skriver sykehuset i en pressemelding.', 'Sørlandet sykehus', 'skriver'],
      ['reported', 'Ifølge sykehuset står fire stillinger ubesatt.', 'Sørlandet sykehus', 'ifølge'],
      ['reported', 'Sykehuset opplyser at gravide får bo på pasienthotellet.', 'Sørlandet sykehus', 'opplyser'],
    ],
  },
  {
    name: 'a role anyone may have (naboen, bilisten) is the one person brought in with an age just before, and no one if two were',
    paragraphs: [
      'Ivar Bryn (67) bor 200 meter fra rasstedet.',
      '– Det smalt som et tordenvær, forteller naboen.',
      'Per Moen (40) og Kari Dahl (38) bor i huset ved siden av.',
      '– Vi hørte ingenting, sier naboen.',
      'Siri Lunde (29) sto i kø i to timer.',
      '– Jeg kom for sent på jobb, sier bilisten.',
    ],
    expect: [
      ['direct', 'Det smalt som et tordenvær', 'Ivar Bryn', 'forteller'],
      ['direct', 'Vi hørte ingenting', null, 'sier'],
      ['direct', 'Jeg kom for sent på jobb', 'Siri Lunde', 'sier'],
    ],
  },
  {
    name: 'a surname the recognizer took for a place speaks, and the pronoun after the verb opens the clause it reports',
    paragraphs: [
      'Arvid Lund (66) har drevet jernvarehandel i gata siden 1994.',
      'Miljøpakkens leder Per Ivar Hegge vil stenge gata.',
      'Lund sier han kommer til å møte opp på høringsmøtet.',
      '– Jeg gir meg ikke uten kamp, sier han.',
    ],
    expect: [
      ['reported', 'Lund sier han kommer til å møte opp på høringsmøtet.', 'Arvid Lund', 'sier'],
      ['direct', 'Jeg gir meg ikke uten kamp', 'Arvid Lund', 'sier'],
    ],
  },
  {
    name: 'a pronoun means the subject of the sentence before, after its title too; someone unnamed brought in since is no one',
    paragraphs: [
      'Bistandsadvokat Tor Inge Fjeld representerer familien til Rune Lie.',
      '– Familien er lettet, sier han.',
      'Silje Egeland (31) bor i Sirdal.',
      '– Det koster penger, sier Egeland.',
      'En jordmor ved avdelingen, som ikke vil stå fram, sier til avisen at mange er slitne.',
      '– Vi har gått dobbeltvakter i to år, sier hun.',
    ],
    expect: [
      ['direct', 'Familien er lettet', 'Tor Inge Fjeld', 'sier'],
      ['direct', 'Det koster penger', 'Silje Egeland', 'sier'],
      ['reported', 'En jordmor ved avdelingen, som ikke vil stå fram, sier til avisen at mange er slitne.', null, 'sier'],
      ['direct', 'Vi har gått dobbeltvakter i to år', null, 'sier'],
    ],
  },
  {
    name: 'the person named in apposition after a title and its complement, after the verb',
    paragraphs: [
      'Anne Grete Sollien (63) slutter som fastlege.',
      'Kommunen har lyst ut stillingen tre ganger, opplyser kommunalsjef for helse og omsorg, Randi Bakken.',
      'Søkerne var få, sier leder i Dovre IL, Per Moe, til avisen.',
    ],
    expect: [
      ['reported', 'Kommunen har lyst ut stillingen tre ganger, opplyser kommunalsjef for helse og omsorg, Randi Bakken.', 'Randi Bakken', 'opplyser'],
      ['reported', 'Søkerne var få, sier leder i Dovre IL, Per Moe, til avisen.', 'Per Moe', 'sier'],
    ],
  },
  {
    name: 'a denial before the comma of an attribution is the reported words, not a denied verb',
    paragraphs: ['Anne Grete Sollien (63) tar imot oss. Hun har bestemt seg, og hun angrer ikke, sier hun.', 'Hun har ikke sagt noe om det.'],
    expect: [['reported', 'Hun har bestemt seg, og hun angrer ikke, sier hun.', 'Anne Grete Sollien', 'sier']],
  },
  {
    name: 'Nynorsk titles before a name (forsvararen, ordføraren, leiaren) are titles',
    paragraphs: [
      'Forsvararen, advokat Sigurd Eide Lofthus, seier klienten er lei seg.',
      'Avisa møtte ordføraren, Per Egil Rotevatn (Sp), etter møtet. Han seier at skulen kjem.',
      'FAU-leiaren Silje Moltu Aasen meiner vedtaket er feil.',
    ],
    expect: [
      ['reported', 'Forsvararen, advokat Sigurd Eide Lofthus, seier klienten er lei seg.', 'Sigurd Eide Lofthus', 'seier'],
      ['reported', 'Han seier at skulen kjem.', 'Per Egil Rotevatn', 'seier'],
      ['reported', 'FAU-leiaren Silje Moltu Aasen meiner vedtaket er feil.', 'Silje Moltu Aasen', 'meiner'],
    ],
  },
  {
    name: 'someone unnamed, then named in apposition; a relative clause with a clause of time inside; an unnamed relative',
    paragraphs: [
      'Et av vitnene, dørvakt Amir Haddad (33), forklarte at han så tiltalte kaste noe.',
      'Revisor Helge Bjotveit, som gjekk gjennom rekneskapen etter at saka kom fram, forklarte at det mangla bilag.',
      'En pårørende NTB har snakket med, sier at hun fikk vite det sent.',
      'Ola Moe (40) venter på bussen. En pendler bak ham sier at bussen er sen igjen.',
      '– Det skjer hver dag, sier han.',
    ],
    expect: [
      ['reported', 'Et av vitnene, dørvakt Amir Haddad (33), forklarte at han så tiltalte kaste noe.', 'Amir Haddad', 'forklarte'],
      ['reported', 'Revisor Helge Bjotveit, som gjekk gjennom rekneskapen etter at saka kom fram, forklarte at det mangla bilag.', 'Helge Bjotveit', 'forklarte'],
      ['reported', 'En pårørende NTB har snakket med, sier at hun fikk vite det sent.', null, 'sier'],
      ['reported', 'En pendler bak ham sier at bussen er sen igjen.', null, 'sier'],
      ['direct', 'Det skjer hver dag', null, 'sier'],
    ],
  },
  {
    name: 'a short noun for a body (rådet, laget) is the body named with it',
    paragraphs: ['Norsk Resuscitasjonsråd opplyser at 3000 får hjertestans hvert år.', 'Ifølge rådet overlever hver femte.', 'Norges Bondelag vil ha mer penger. Ifølge laget taper bøndene på avtalen.'],
    expect: [
      ['reported', 'Norsk Resuscitasjonsråd opplyser at 3000 får hjertestans hvert år.', 'Norsk Resuscitasjonsråd', 'opplyser'],
      ['reported', 'Ifølge rådet overlever hver femte.', 'Norsk Resuscitasjonsråd', 'ifølge'],
      ['reported', 'Ifølge laget taper bøndene på avtalen.', 'Norges Bondelag', 'ifølge'],
    ],
  },
  {
    name: "a body's short name is not another body named with its genitive",
    paragraphs: ['Nordavias pilotforening varsler streik fra fredag.', 'Ifølge Nordavia rammes 40.000 passasjerer.'],
    expect: [
      ['reported', 'Nordavias pilotforening varsler streik fra fredag.', 'Nordavias pilotforening', 'varsler'],
      ['reported', 'Ifølge Nordavia rammes 40.000 passasjerer.', 'Nordavia', 'ifølge'],
    ],
  },
  {
    name: 'a colon introduction whose det has a verb of its own says something; one with det slik does not',
    paragraphs: ['Forsvarer Bård Ekrheim holdt sin prosedyre.', 'Ekrheim mener det svekker kvinnens forklaring:', '– Hun husker ikke hva som skjedde.', 'Aktor sier det slik:', '– Bevisene er klare.'],
    expect: [
      ['reported', 'Ekrheim mener det svekker kvinnens forklaring:', 'Bård Ekrheim', 'mener'],
      ['direct', 'Hun husker ikke hva som skjedde.', 'Bård Ekrheim', null],
      ['direct', 'Bevisene er klare.', null, 'sier'],
    ],
  },
  {
    name: 'testimony given (forklarte seg for retten) and a report filed (ble meldt inn) report nothing; what the witness explained does',
    paragraphs: ['Fornærmede, en 21 år gammel student, forklarte seg for retten tirsdag.', 'Raset ble meldt inn av en bilist like før klokken fire.', 'Hun forklarte at hun ble slått ned.'],
    expect: [['reported', 'Hun forklarte at hun ble slått ned.', null, 'forklarte']],
  },
  {
    name: 'a parent is not the one named as the child',
    paragraphs: [
      'Kristin Aas har to barn på Nes skole. Datteren Mia gråt da hun hørte om vedtaket, forteller moren.',
      '– Hun spurte om hun fikk ha med seg venninnene sine, sier Aas.',
      'Ole Berg og sønnen Jonas (9) bor like ved skolen.',
      '– Han må gå langs riksveien, sier faren.',
    ],
    expect: [
      ['reported', 'Datteren Mia gråt da hun hørte om vedtaket, forteller moren.', 'Kristin Aas', 'forteller'],
      ['direct', 'Hun spurte om hun fikk ha med seg venninnene sine', 'Kristin Aas', 'sier'],
      ['direct', 'Han må gå langs riksveien', 'Ole Berg', 'sier'],
    ],
  },
  {
    name: 'a kin noun of a sex nobody named has is no one',
    paragraphs: ['Per Moen (17) har spilt fotball i ti år.', '– Han trener hver dag, sier moren.'],
    expect: [['direct', 'Han trener hver dag', null, 'sier']],
  },
];

describe('quotes: the constructions of news text', () => {
  for (const { name, paragraphs, expect } of CASES) {
    it(name, () => {
      const { text, quotes } = quotesOf(...paragraphs);
      const got = quotes.map((q) => [q.kind, text.slice(q.start, q.end), q.speaker, q.cue] as const);
      assert.deepEqual(
        got.map(([kind, words, speaker, cue], i) => [kind, words, speaker, expect[i]?.[3] === undefined ? undefined : cue]),
        expect.map(([kind, words, speaker, cue]) => [kind, words, speaker, cue]),
      );
    });
  }

  it("asks through the interviewer where a label names the article's own newsroom (VINJE (TA)), of the one it met with a title", () => {
    const body = [
      'Hyttefeltet er vedtatt',
      'VINJE (TA) Etter en lang debatt vedtok kommunestyret planen torsdag.',
      'Av Eline Dale',
      'Leder Åse Marit Tveiten i Naturvernforbundet er skuffet.',
      '– Dette er et trist vedtak, sier Tveiten.',
      'Hun varsler klage på vedtaket.',
      'Kommunen har mistet mange innbyggere de siste årene.',
      'TA møtte ordfører Halvor Kåsa Ljosland (Sp) etter møtet.',
      'TA: Hvorfor sier kommunestyret ja?',
      '– Fordi vi må tenke på folk som bor her.',
      'TA: Er ikke villreinen viktigere?',
      '– Det er ikke enten–eller.',
    ].join('\n\n');
    const loaded = loadArticle(new TextEncoder().encode(` date 2025-02-11 ${body}`));
    if (!loaded.ok) throw new Error(loaded.reason);
    const { article } = loaded;
    const got = findQuotes(article, recognizer.recognize(article.text)).map((q) => [q.kind, article.text.slice(q.start, q.end), q.speaker]);
    assert.deepEqual(got.slice(-4), [
      ['question', 'Hvorfor sier kommunestyret ja?', 'Eline Dale'],
      ['direct', 'Fordi vi må tenke på folk som bor her.', 'Halvor Kåsa Ljosland'],
      ['question', 'Er ikke villreinen viktigere?', 'Eline Dale'],
      ['direct', 'Det er ikke enten–eller.', 'Halvor Kåsa Ljosland'],
    ]);
  });

  it('gives each speaker the entity id of the name the recognizer found', () => {
    const { quotes } = quotesOf('– Alle tegn tyder på det, sa Natos generalsekretær Jens Stoltenberg.');
    assert.equal(quotes[0].speakerId, 'jens-stoltenberg');
  });
});

describe('quotes: the parts they are made from', () => {
  it('finds cues with their particles, and not the verbs that mean something else', () => {
    const table: readonly [string, number, string | undefined][] = [
      ['sier hun', 0, 'sier'],
      ['la hun til', 0, 'la til'],
      ['la Hansen også til', 0, 'la til'],
      ['la fram rapporten', 0, undefined],
      ['sa opp jobben', 0, undefined],
      ['ifølge politiet', 0, 'ifølge'],
      ['peker på at', 0, 'peker på'],
      ['kalte inn til møte', 0, undefined],
      ['seier ho', 0, 'seier'],
      ['legg ho til', 0, 'legg til'],
      ['ifølgje politiet', 0, 'ifølgje'],
      ['sin første seier', 2, undefined],
      ['smiler hun', 0, undefined],
    ];
    for (const [words, at, cue] of table) assert.equal(cueAt(words.split(' '), at)?.cue, cue, words);
  });

  it('splits sentences, not at initials, abbreviations or ordinals', () => {
    const table: readonly [string, number][] = [
      ['Jakub M. Godzimirski sier det. Han vet.', 2],
      ['De møttes 7. februar i Moskva.', 1],
      ['Det gjelder bl.a. skolen. Og barnehagen.', 2],
      ['– Hva nå? spør hun.', 1],
      ['Det er sant! Ja.', 2],
    ];
    for (const [text, count] of table) assert.equal(sentencesIn(text, 0, text.length).length, count, text);
  });

  it('tells the sex of Norwegian given names the data packages get wrong', () => {
    const table: readonly [string, 'female' | 'male' | undefined][] = [
      ['Kari', 'female'],
      ['Tone', 'female'],
      ['Ola', 'male'],
      ['Torbjørn', 'male'],
      ['Anne-Lise', 'female'],
      ['Xqzt', undefined],
    ];
    for (const [name, sex] of table) assert.equal(sexOfGivenName(name), sex, name);
  });

  it('matches speakers by name or surname, folded', () => {
    assert.ok(speakerMatches('Jens Stoltenberg', 'stoltenberg'));
    assert.ok(speakerMatches('Jonas Gahr Støre', 'Store'));
    assert.ok(speakerMatches('Jonas Gahr Støre', 'gahr støre'));
    assert.ok(!speakerMatches('Jens Stoltenberg', 'stolt'));
    assert.ok(!speakerMatches(null, 'stoltenberg'));
    assert.ok(!speakerMatches('Jens Stoltenberg', '  '));
  });

  it('writes CSV fields that survive commas, quotation marks, line breaks and formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('han sa "nei"'), '"han sa ""nei"""');
    assert.equal(csvField('linje\nto'), '"linje\nto"');
    assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvField(null), '');
    assert.equal(csvField(42), '42');
  });
});

/** Paragraph pieces for generated articles: quotes, subheadings, narration, captions, interviews. */
const PARAGRAPHS = [
  '– Vi har aldri sett noe lignende, sier Kari Nordmann til NRK.',
  '– Må være forberedt på alt',
  '– Ingen vil ta ansvar',
  'Kari Nordmann mener at forslaget er dårlig.',
  '«Vi gir oss ikke», skriver forbundet.',
  'FORNØYD: – Dette er en seier, sier hun. Foto: Ola Berg / NTB',
  '– Hva nå?',
  'Ifølge politiet er ingen skadd.',
  'Det snødde hele natten, og veiene var glatte.',
  '– Det går ikke an, sier han. – Vi må tenke nytt.',
  'Rådmannen er tydelig:',
  'Prosjektet «Nye Bryggen» skal stå ferdig.',
  'VG: Hvor stor er faren?',
  'STØRE: Den er større enn før.',
  '– «Nei», sa hun, og gikk.',
  '',
  '–',
  '« »',
];

describe('quotes: properties over generated articles', () => {
  const article = fc.array(fc.constantFrom(...PARAGRAPHS), { maxLength: 14 });

  it('are inside the text, in order, never overlapping, trimmed, and name a speaker whenever they give an id', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        const { text, quotes } = quotesOf(...paragraphs);
        let end = 0;
        for (const q of quotes) {
          assert.ok(q.start >= end && q.start < q.end && q.end <= text.length, JSON.stringify(q));
          const words = text.slice(q.start, q.end);
          assert.equal(words, words.trim());
          assert.ok(!/^[–—-]\s/u.test(words), words);
          if (q.speakerId !== null) assert.notEqual(q.speaker, null);
          end = q.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never take a dash subheading for a quote', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        const { text, quotes } = quotesOf(...paragraphs);
        for (const heading of ['Må være forberedt på alt', 'Ingen vil ta ansvar']) {
          for (let at = text.indexOf(heading); at >= 0; at = text.indexOf(heading, at + 1)) {
            assert.ok(!quotes.some((q) => q.start < at + heading.length && at < q.end), heading);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('give the same quotes for the same article, however often asked', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        assert.deepEqual(quotesOf(...paragraphs).quotes, quotesOf(...paragraphs).quotes);
      }),
      { numRuns: 50 },
    );
  });
});

describe('quote gold files', () => {
  it('pass their own check (offsets, kinds, spans, cues)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'test/fixtures/quotes/check.js')], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  });
});

describe('quotes: whom an interview asks', () => {
  it('asks the one the body brings in with an age when the lead speaks of someone it does not name again', () => {
    const body = [
      '– Bestemor snakket aldri om hvalfangsten',
      'I førti år visste ingen hva Ruth Nyhus opplevde i Sørishavet. Nå har barnebarnet skrevet roman om det.',
      'Av Silje Marie Dahl',
      'Astrid Nyhus (34) har dekket på med kaffe i stua som en gang var bestemorens.',
      '– Når fant du brevene?',
      '– Da vi ryddet huset.',
      '– Og nå?',
      '– Nå skal jeg sove.',
    ].join('\n\n');
    const loaded = loadArticle(new TextEncoder().encode(` date 2025-02-16 ${body}`));
    if (!loaded.ok) throw new Error(loaded.reason);
    const { article } = loaded;
    const got = findQuotes(article, recognizer.recognize(article.text)).map((q) => [q.kind, article.text.slice(q.start, q.end), q.speaker]);
    assert.deepEqual(got.slice(1), [
      ['question', 'Når fant du brevene?', 'Silje Marie Dahl'],
      ['direct', 'Da vi ryddet huset.', 'Astrid Nyhus'],
      ['question', 'Og nå?', 'Silje Marie Dahl'],
      ['direct', 'Nå skal jeg sove.', 'Astrid Nyhus'],
    ]);
  });

  it("gives a question labelled with the newsroom's name to the byline's journalist, named with an e-mail address alone", () => {
    const body = [
      'Havnedirektøren vil sette tak på cruiseturistene',
      'Nå vil havnedirektør Siv Rønning ha en grense på 5000 passasjerer om dagen.',
      'Tor Arne Vik tor.arne.vik@an.no',
      'Avisa møtte havnedirektøren på kaia.',
      'Avisa: Hvorfor vil du begrense noe som gir byen så mye penger?',
      'Rønning: Fordi vi også må tenke på dem som bor her.',
      'Avisa: Hva med landstrøm?',
      'Rønning: Det kommer.',
    ].join('\n\n');
    const loaded = loadArticle(new TextEncoder().encode(` date 2019-06-20 ${body}`));
    if (!loaded.ok) throw new Error(loaded.reason);
    const { article } = loaded;
    const got = findQuotes(article, recognizer.recognize(article.text)).map((q) => [q.kind, article.text.slice(q.start, q.end), q.speaker]);
    assert.deepEqual(got, [
      ['question', 'Hvorfor vil du begrense noe som gir byen så mye penger?', 'Tor Arne Vik'],
      ['direct', 'Fordi vi også må tenke på dem som bor her.', 'Siv Rønning'],
      ['question', 'Hva med landstrøm?', 'Tor Arne Vik'],
      ['direct', 'Det kommer.', 'Siv Rønning'],
    ]);
  });
});

describe('quotes: a headline that quotes', () => {
  const quotesOf = (body: string[]) => {
    const loaded = loadArticle(new TextEncoder().encode(` date 2026-03-12 ${body.join('\n\n')}`));
    if (!loaded.ok) throw new Error(loaded.reason);
    const { article } = loaded;
    return findQuotes(article, recognizer.recognize(article.text)).map((q) => [q.kind, article.text.slice(q.start, q.end), q.speaker]);
  };

  for (const headline of ['Steinras stengte E16: – Det smalt som et tordenvær', 'Vil stenge Olav Tryggvasons gate: – Det smalt som et tordenvær']) {
    it(`gives no place its words, but the one who says them below (${headline.split(':')[0]})`, () => {
      assert.deepEqual(quotesOf([headline, 'Et steinras gikk over veien natt til torsdag.', 'Ivar Bryn (67) bor 200 meter unna.', '– Det smalt som et tordenvær, sier Bryn.']), [
        ['direct', 'Det smalt som et tordenvær', 'Ivar Bryn'],
        ['direct', 'Det smalt som et tordenvær', 'Ivar Bryn'],
      ]);
    });
  }
});
