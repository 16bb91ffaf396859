import * as assert from 'node:assert/strict';
import { type Article, type BlockKind, flattenParts, monthKey } from '../../src/core/article';
import fc from 'fast-check';
import { loadArticle, loadArticleBody } from '../../src/core/load';
import { firstSentenceEnd, parseArticle, splitParagraphs } from '../../src/core/parse';
import { readSeed, readSeedBytes, seedFiles } from './helpers';

function parse(text: string): Article {
  const result = parseArticle(text);
  if (!result.ok) assert.fail(`expected an article, got: ${result.reason}`);
  return result.article;
}

const slice = (article: Article, span: { start: number; end: number }) => article.text.slice(span.start, span.end);
const blocksOf = (article: Article, kind: BlockKind) => article.blocks.filter((b) => b.kind === kind).map((b) => slice(article, b));

describe('parseArticle on the seeds', () => {
  const seeds = [
    {
      seed: '000',
      month: '2022-02',
      headline: 'Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning',
      leadStart: 'Frankrikes president Emmanuel Macron har gjort nok et forsøk',
      dateline: 'OSLO/KYIV (VG)',
      source: 'VG',
      byline: { text: 'NTB, Runa Fjellanger og Kyrre Lien', authors: ['Runa Fjellanger', 'Kyrre Lien'], agencies: ['NTB'] },
      captionLabels: ['HOLDT AVSTANDEN', 'TRENER'],
      credits: [],
      subheadings: ['Uenige om årsak', 'Biden vil møte Putin', 'Stoltenberg: Alt peker på russisk angrep', 'Ukraina frykter provokasjoner'],
      quotes: 3,
      duplicates: 0,
    },
    {
      seed: '001',
      month: '2022-02',
      headline: 'Biden fremskynder telefonsamtalen med Putin om Ukraina-krisen.',
      leadStart: '– Man regner med at dette kan være en av de siste mulighetene til å overtale Putin, sier',
      captionLabels: ['MILITÆRØVELSE', 'SKAL SNAKKE', 'PÅGÅR', 'FORBEREDT', 'ØVELSE'],
      credits: ['Andrew Marienko/ AP', 'Patrick Semansky/ AP', 'Leonid Scheglov/BelTA/Reuters', 'Nupi', 'Russian Defense Ministry Press Service'],
      subheadings: ['– Må være forberedt på alt', 'Ukraina ber innbyggerne beholde roen'],
      quotes: 8,
      duplicates: 0,
    },
    {
      seed: '002',
      month: '2022-02',
      headline: 'Den franske presidenten kom halvannen time forsinket til møtet i Moskva.',
      leadStart: 'Men han håper helt klart at samtalene',
      captionLabels: ['I SNØVÆRET', 'VED SIDEN AV', 'ØVER', 'SLAGKRAFT'],
      credits: ['THIBAULT CAMUS / AFP', 'Thibault Camus / AP', 'ALAIN JOCARD / AFP', 'AP'],
      subheadings: ['Lave russiske forventninger', 'Fortsatt spent', 'Ulike oppfatninger'],
      quotes: 4,
      duplicates: 0,
    },
    {
      seed: '003',
      month: '2022-02',
      headline: 'Macron til Putin: Krever umiddelbar stans',
      leadStart: 'Frankrikes president Emmanuel Macron har torsdag snakket med Russlands Vladimir Putin',
      captionLabels: ['STANS', 'ATOM-MAKT', 'SØKER TILFLUKT'],
      credits: [],
      subheadings: ['– Atom-allianse'],
      quotes: 1,
      duplicates: 1,
      published: 'Publisert: For mindre enn 10 minutter siden',
      infoboxTitle: 'Derfor er det krig nå',
    },
    {
      seed: '004',
      month: '2022-01',
      headline: 'Intenst diplomati - inviterer Russland til nye Nato-møter',
      leadStart: 'Jens Stoltenberg sier han vil gjøre et forsøk',
      captionLabels: ['I BERLIN'],
      credits: [],
      subheadings: ['Unngå konflikt', 'Lavrov: Russland truer ingen'],
      quotes: 3,
      duplicates: 0,
    },
  ];

  for (const expected of seeds) {
    describe(`seed ${expected.seed}`, () => {
      const article = parse(readSeed(expected.seed));

      it('finds the date and the headline', () => {
        assert.equal(monthKey(article.date), expected.month);
        assert.equal(article.title, expected.headline);
        assert.deepEqual(blocksOf(article, 'headline'), [expected.headline]);
      });

      it('finds the lead, the dateline and the source', () => {
        const [lead] = blocksOf(article, 'lead');
        const dateline = article.blocks.flatMap((b) => b.parts).find((p) => p.kind === 'dateline');
        if (expected.dateline) {
          assert.ok(dateline, 'a dateline');
          assert.equal(slice(article, dateline), expected.dateline);
          assert.ok(article.lead?.startsWith(expected.leadStart), article.lead);
        } else {
          assert.equal(dateline, undefined);
          assert.ok(lead.startsWith(expected.leadStart), lead);
        }
        assert.equal(article.source, expected.source);
      });

      it('finds the byline', () => {
        assert.deepEqual(article.byline, expected.byline);
      });

      it('finds the captions and their credits', () => {
        const labels = article.blocks.filter((b) => b.kind === 'caption').map((b) => {
          const label = b.parts.find((p) => p.kind === 'captionLabel');
          return label ? slice(article, label) : '';
        });
        assert.deepEqual(labels, expected.captionLabels);
        assert.deepEqual(article.credits, expected.credits);
      });

      it('finds the subheadings, quotes and duplicates', () => {
        assert.deepEqual(blocksOf(article, 'subheading'), expected.subheadings);
        assert.equal(blocksOf(article, 'quote').length, expected.quotes);
        assert.equal(blocksOf(article, 'duplicate').length, expected.duplicates);
      });

      it('finds the page furniture', () => {
        assert.deepEqual(blocksOf(article, 'published'), expected.published ? [expected.published] : []);
        const title = article.blocks.flatMap((b) => b.parts).find((p) => p.kind === 'infoboxTitle');
        assert.equal(title && slice(article, title), expected.infoboxTitle);
      });

      it('keeps every part inside the text, in order, without overlaps between blocks', () => {
        let previousEnd = 0;
        for (const block of article.blocks) {
          assert.ok(block.start >= previousEnd, `${block.kind} at ${block.start} overlaps the block before`);
          assert.ok(block.end > block.start && block.end <= article.text.length);
          assert.equal(slice(article, block), slice(article, block).trim(), `${block.kind} is trimmed`);
          for (const part of block.parts) assert.ok(part.start >= block.start && part.end <= block.end && part.end > part.start, `${part.kind} inside ${block.kind}`);
          previousEnd = block.end;
        }
        assert.ok(flattenParts(article).length > article.blocks.length);
      });
    });
  }

  it('shows the repeated Kharkiv paragraph once (003)', () => {
    const article = parse(readSeed('003'));
    const kharkiv = article.blocks.filter((b) => slice(article, b).startsWith('Bilder fra Kharkiv'));
    assert.deepEqual(kharkiv.map((b) => b.kind), ['paragraph', 'duplicate']);
  });

  it('puts the info box paragraphs inside one block, without "Vis mer" in them (003)', () => {
    const article = parse(readSeed('003'));
    const box = article.blocks.find((b) => b.kind === 'infobox');
    assert.ok(box);
    const paragraphs = box.parts.filter((p) => p.kind === 'infoboxParagraph').map((p) => slice(article, p));
    assert.equal(paragraphs.length, 5);
    assert.ok(paragraphs[0].startsWith('Konflikten mellom Russland og Ukraina'));
    assert.ok(paragraphs[4].endsWith('når Russland nå invaderer.'));
    assert.equal(slice(article, box.parts.find((p) => p.kind === 'infoboxMore')!), 'Vis mer');
  });

  it('does not take a body paragraph starting with "Av" for a byline (000)', () => {
    const article = parse(readSeed('000'));
    assert.equal(article.blocks.filter((b) => b.kind === 'byline').length, 1);
  });
});

describe('parseArticle on edge cases', () => {
  const ok: { name: string; text: string; title: string; month?: string; day?: number; check?: (a: Article) => void }[] = [
    { name: 'a plain article', text: ' date 2022-03 Overskrift her\n\nBrødtekst. Mer tekst.', title: 'Overskrift her', month: '2022-03' },
    { name: 'CRLF line endings', text: ' date 2022-03 Overskrift her\r\n\r\nBrødtekst. Mer tekst.\r\n', title: 'Overskrift her', check: (a) => assert.ok(!a.text.includes('\r')) },
    { name: 'lone CR line endings', text: ' date 2022-03 Overskrift her\r\rBrødtekst. Mer tekst.', title: 'Overskrift her' },
    { name: 'a byte-order mark', text: '\uFEFF date 2022-03 Overskrift her\n\nBrødtekst.', title: 'Overskrift her', check: (a) => assert.equal(a.headerLength, 14) },
    { name: 'trailing spaces', text: ' date 2022-03 Overskrift her   \n  \n  Brødtekst her.   \n\n', title: 'Overskrift her', check: (a) => assert.equal(a.text.slice(a.blocks[1].start, a.blocks[1].end), 'Brødtekst her.') },
    {
      name: 'a caption with no credit',
      text: ' date 2022-03 I OSLO: Folk i gata.\n\nOverskrift her\n\nBrødtekst.',
      title: 'Overskrift her',
      check: (a) => assert.deepEqual(a.blocks[0].parts.map((p) => p.kind), ['captionLabel']),
    },
    {
      name: 'a caption with a credit but no label',
      text: ' date 2022-03 Overskrift her\n\nBrødtekst som er lang nok.\n\nFolk i gata i Oslo. Foto: Ola Nordmann / NTB\n\nMer tekst.',
      title: 'Overskrift her',
      check: (a) => assert.deepEqual(a.blocks.find((b) => b.kind === 'caption')?.parts.map((p) => p.kind), ['credit']),
    },
    {
      name: 'no blank lines: one paragraph per line',
      text: ' date 2022-03 Overskrift her\nFørste avsnitt er her.\nAndre avsnitt er her.',
      title: 'Overskrift her',
      check: (a) => assert.deepEqual(a.blocks.map((b) => b.kind), ['headline', 'lead', 'paragraph']),
    },
    {
      name: 'one paragraph of several sentences: the first is the headline',
      text: ' date 2022-03 Dette er overskriften. Og dette er ingressen.',
      title: 'Dette er overskriften.',
      check: (a) => assert.deepEqual(a.blocks.map((b) => b.kind), ['headline', 'lead']),
    },
    { name: 'a header followed by a line break', text: ' date 2022-03\nOverskrift her\n\nTekst.', title: 'Overskrift her' },
    { name: 'a header with a day', text: ' date 2022-03-14 Overskrift her\n\nTekst.', title: 'Overskrift her', month: '2022-03', day: 14 },
    { name: 'a header with no leading space and a capital D', text: 'Date 2021-12 Overskrift her\n\nTekst.', title: 'Overskrift her', month: '2021-12' },
    {
      name: 'HTML in the text stays text',
      text: ' date 2022-03 <script>alert(1)</script> og <b>fet</b>\n\nTekst.',
      title: '<script>alert(1)</script> og <b>fet</b>',
    },
    {
      name: 'only captions: the title is the first caption sentence',
      text: ' date 2022-03 I OSLO: Folk i gata. Mer her. Foto: NTB',
      title: 'Folk i gata.',
    },
    {
      name: 'initials and numbers do not end the first sentence',
      text: ' date 2022-03 Jakub M. Godzimirski møtte 7. februar mange. Neste setning her.',
      title: 'Jakub M. Godzimirski møtte 7. februar mange.',
    },
  ];
  for (const c of ok) {
    it(`parses ${c.name}`, () => {
      const article = parse(c.text);
      assert.equal(article.title, c.title);
      if (c.month) assert.equal(monthKey(article.date), c.month);
      assert.equal(article.date.day, c.day);
      c.check?.(article);
    });
  }

  const failures: { name: string; text: string; kind: 'notArticle' | 'invalid'; reason: RegExp }[] = [
    { name: 'an empty file', text: '', kind: 'notArticle', reason: /empty/ },
    { name: 'white space only', text: '  \n\n ', kind: 'notArticle', reason: /empty/ },
    { name: 'no header', text: 'Overskrift her\n\nTekst.', kind: 'notArticle', reason: /does not start with the " date YYYY-MM " header/ },
    { name: 'a header only', text: ' date 2022-02 ', kind: 'invalid', reason: /no article text/ },
    { name: 'a header and blank lines only', text: ' date 2022-02 \n\n\n', kind: 'invalid', reason: /no article text/ },
    { name: 'month 13', text: ' date 2022-13 Tekst.', kind: 'invalid', reason: /no month 13/ },
    { name: 'a day that does not exist', text: ' date 2022-02-30 Tekst.', kind: 'invalid', reason: /no day 30/ },
    { name: 'a header with no date', text: ' date februar Tekst.', kind: 'invalid', reason: /found "date februar"/ },
  ];
  for (const c of failures) {
    it(`refuses ${c.name} with a reason`, () => {
      const result = parseArticle(c.text);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.kind, c.kind);
      assert.match(result.reason, c.reason);
    });
  }

  const structures: { name: string; text: string; kinds: string[]; check?: (a: Article) => void }[] = [
    {
      name: 'an interview question and answer: speakers, not photo captions',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nVG: Hvor stor er faren for krig nå?\n\nSTØRE: Den er større enn på lenge.',
      kinds: ['headline', 'lead', 'paragraph', 'paragraph'],
      check: (a) => assert.deepEqual(a.blocks.slice(2).map((b) => b.parts.map((p) => a.text.slice(p.start, p.end))), [['VG'], ['STØRE']]),
    },
    {
      name: 'links to other articles',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nLES OGSÅ: Slik kan en invasjon skje\n\nLes også: Biden advarer Putin',
      kinds: ['headline', 'lead', 'related', 'related'],
    },
    {
      name: 'a photo credit on its own line',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nFoto: Thibault Camus / AP\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'caption', 'paragraph'],
    },
    {
      name: 'a question as a subheading',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nHva vil Putin?\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'subheading', 'paragraph'],
    },
    {
      name: 'a byline with roles in brackets',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Runa Fjellanger (tekst) og Kyrre Lien (foto)\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual(a.byline?.authors, ['Runa Fjellanger', 'Kyrre Lien']),
    },
    {
      name: 'a byline with its roles as labels, which ends like a caption’s credit',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nTekst: Kari Holm Foto: Ola Dahl\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual(a.byline?.authors, ['Kari Holm', 'Ola Dahl']),
    },
    {
      name: 'a byline without Av whose roles are in brackets',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nKari Holm (tekst) og Ola Dahl (foto)\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual(a.byline?.authors, ['Kari Holm', 'Ola Dahl']),
    },
    {
      name: 'a byline whose role in brackets has two words',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Per Berg (tekst og foto)\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual(a.byline?.authors, ['Per Berg']),
    },
    {
      name: 'a byline with a colon after Av',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv: Kari Holm\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm'], []]),
    },
    {
      name: 'a byline written out, Skrevet av',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nSkrevet av Kari Holm og Per Berg\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm', 'Per Berg'], []]),
    },
    {
      name: 'an interview’s byline label',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nIntervju: Kari Holm\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm'], []]),
    },
    {
      name: 'a byline with roles after the names',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Kari Holm, journalist, og Ola Dahl, fotograf\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm', 'Ola Dahl'], []]),
    },
    {
      name: 'a byline that is only a name and a journalist’s role, and no other name with a role',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nEirik Hansen, journalist\n\nKari Dahl, ordfører, var der.\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Eirik Hansen'], []]),
    },
    {
      name: 'a byline naming the newsroom after the journalist',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Kari Holm, Bergens Tidende\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm'], ['Bergens Tidende']]),
    },
    {
      name: 'a byline with a slash before the agency',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Kari Holm / NTB\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm'], ['NTB']]),
    },
    {
      name: 'a byline with an e-mail address',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Kari Holm kari.holm@bt.no\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Kari Holm'], []]),
    },
    {
      name: 'a byline that is a name and an e-mail address alone',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nTor Arne Vik tor.arne.vik@an.no\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
      check: (a) => assert.deepEqual([a.byline?.authors, a.byline?.agencies], [['Tor Arne Vik'], []]),
    },
    {
      name: 'a dateline with a space in the place',
      text: ' date 2022-03 Overskrift her\n\nNEW YORK (NTB) FNs generalforsamling møttes.',
      kinds: ['headline', 'lead'],
      check: (a) => assert.equal(a.source, 'NTB'),
    },
    {
      name: 'an NTB-style dateline with a colon',
      text: ' date 2022-03 Overskrift her\n\nMoskva (NTB): Kreml avviser alt.',
      kinds: ['headline', 'lead'],
      check: (a) => assert.equal(a.source, 'NTB'),
    },
    {
      name: 'a dateline opening the story after a standfirst and a byline',
      text: ' date 2022-03 Overskrift her\n\nIngressen er her.\n\nAv Kari Holm\n\nBERGEN (NTB): Politiet mener brannen var påsatt.\n\nMer tekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph', 'paragraph'],
      check: (a) => {
        assert.equal(a.source, 'NTB');
        const dateline = a.blocks[3].parts.find((p) => p.kind === 'dateline');
        assert.equal(dateline && a.text.slice(dateline.start, dateline.end), 'BERGEN (NTB):');
        assert.equal(a.lead, 'Ingressen er her.');
        assert.ok(a.blocks.slice(4).every((b) => b.parts.length === 0), 'only the first paragraph has one');
      },
    },
    {
      name: 'an abbreviation in brackets, which is no dateline',
      text: ' date 2022-03 Overskrift her\n\nEU (Den europeiske union) vil svare samlet.',
      kinds: ['headline', 'lead'],
      check: (a) => assert.equal(a.source, undefined),
    },
    {
      name: 'the head of an article on single lines above blank-line paragraphs',
      text: ' date 2022-03 Overskrift her\nOSLO (VG) Ingressen er her.\nAv NTB\n\nBrødtekst her.',
      kinds: ['headline', 'lead', 'byline', 'paragraph'],
    },
    {
      name: 'a hard-wrapped paragraph, which stays one paragraph',
      text: ' date 2022-03 Overskrift her\n\nDette er en lang setning som\ner brutt over flere linjer av\nen gammel editor.\n\nNeste avsnitt.',
      kinds: ['headline', 'lead', 'paragraph'],
    },
    {
      name: 'a year closing the first sentence',
      text: ' date 2022-03 Russland annekterte Krim i 2014. Nå frykter mange mer.',
      kinds: ['headline', 'lead'],
      check: (a) => assert.equal(a.title, 'Russland annekterte Krim i 2014.'),
    },
  ];
  for (const c of structures) {
    it(`finds the structure of ${c.name}`, () => {
      const article = parse(c.text);
      assert.deepEqual(article.blocks.map((b) => b.kind), c.kinds);
      c.check?.(article);
    });
  }

  it('shortens a title with no sentence end to 200 characters', () => {
    const long = Array.from({ length: 60 }, (_, i) => `ord${i}`).join(' ');
    const article = parse(` date 2022-03 ${long}`);
    // Cut at the last space before the 200th character: 35 words, then the ellipsis (200 characters in all).
    assert.equal(article.title, `${Array.from({ length: 35 }, (_, i) => `ord${i}`).join(' ')}…`);
    assert.equal(article.title.length, 200);
  });

  it('does not take "Date of meeting" for a broken header', () => {
    const result = parseArticle('Date of meeting: Tuesday\n\nNotes.');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.kind, 'notArticle');
  });

  it('gives the same parts for LF, CRLF and BOM variants of a seed', () => {
    const lf = parse(readSeed('000'));
    const crlf = parse(readSeed('000').replace(/\n/g, '\r\n'));
    const bom = parse(`\uFEFF${readSeed('000')}`);
    assert.deepEqual(crlf.blocks, lf.blocks);
    assert.deepEqual(bom.blocks, lf.blocks);
    assert.equal(crlf.text, lf.text);
  });
});

describe('splitParagraphs and firstSentenceEnd', () => {
  it('splits at blank lines, trimming each paragraph', () => {
    const text = 'A b\nc\n\n \n  D e  \n\nF';
    assert.deepEqual(splitParagraphs(text).map((p) => text.slice(p.start, p.end)), ['A b\nc', 'D e', 'F']);
  });

  const sentences: [string, string | undefined][] = [
    ['Første setning. Andre setning.', 'Første setning.'],
    ['Spør han? – Ja, svarer hun.', 'Spør han?'],
    ['Møtet var 7. februar. Så kom det.', 'Møtet var 7. februar.'],
    ['Det gjelder bl.a. Oslo. Og Bergen.', 'Det gjelder bl.a. Oslo.'],
    ['Kun én setning.', undefined],
    ['Han sa «nei». Punktum.', 'Han sa «nei».'],
  ];
  for (const [text, first] of sentences) {
    it(`finds the first sentence of "${text}"`, () => {
      const end = firstSentenceEnd(text, 0, text.length);
      assert.equal(end < 0 ? undefined : text.slice(0, end), first);
    });
  }
});

describe('loadArticleBody: the text alone, as loadArticle gives it', () => {
  const agree = (bytes: Uint8Array) => {
    const full = loadArticle(bytes);
    const body = loadArticleBody(bytes);
    if (full.ok) {
      assert.ok(body.ok, body.ok ? '' : body.reason);
      assert.equal(body.text, full.article.text);
      assert.equal(body.headerLength, full.article.headerLength);
      assert.equal(body.headerLines, full.article.headerLines);
      assert.deepEqual(body.date, full.article.date);
    } else assert.deepEqual(body, full);
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);

  for (const file of seedFiles()) it(`agrees on seed ${file}`, () => agree(readSeedBytes(file)));

  const cases: [string, Uint8Array][] = [
    ['an empty file', utf8('')],
    ['white space only', utf8(' \n\t\n')],
    ['no header', utf8('Tittel\n\nTekst.')],
    ['a header with no valid date', utf8(' date 2022-13 \nTekst.')],
    ['a day past the month', utf8(' date 2022-02-30 \nTekst.')],
    ['a header and no text', utf8(' date 2022-02 \n  \n')],
    ['a BOM and CRLF', utf8('\uFEFF date 2022-02-14 \r\nTittel\r\n\r\nTekst om Støre.')],
    ['bytes that are not text', Uint8Array.of(0, 1, 2, 0, 255, 0)],
    ['Windows-1252', Uint8Array.of(...utf8(' date 2022-02 \nBl'), 0xe5, ...utf8(' tekst.'))],
  ];
  for (const [name, bytes] of cases) it(`agrees on ${name}`, () => agree(bytes));

  it('agrees on generated files', () => {
    const line = fc.constantFrom(' date 2022-02 ', ' date 2022-02-14 ', 'date 2023-1', ' date 2022-00 ', 'Tittel', '', 'VG: Hvorfor?', '– Sitat, sa han.', 'Foto: NTB', ' ', 'Av Ola Nordmann');
    fc.assert(fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => agree(utf8(lines.join(eol)))));
  });
});
