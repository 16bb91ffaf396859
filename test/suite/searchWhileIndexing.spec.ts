import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { SearchReport } from '../../src/vscode/search/searchQuickPick';
import { activateApi, article, closeAllEditors, moveIn, nextReveal, removeAndSettle } from './helpers';

/** A word no sample article has: only the articles these tests write match it. */
const WORD = 'zorblat';

/** Resolves with the first search report that satisfies `condition`, listening before `action` runs. */
async function reportWhere(
  api: AnnotatedReaderApi,
  what: string,
  condition: (report: SearchReport) => boolean,
  action: () => unknown = () => undefined,
  timeoutMs = 60_000,
): Promise<SearchReport> {
  let listener: vscode.Disposable | undefined;
  const found = new Promise<SearchReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the search box did not show ${what} within ${timeoutMs} ms`)), timeoutMs);
    listener = api.search.onDidUpdate((report) => {
      if (!condition(report)) return;
      clearTimeout(timer);
      resolve(report);
    });
  });
  try {
    await action();
    return await found;
  } finally {
    listener?.dispose();
  }
}

const articleRows = (report: SearchReport) => report.rows.filter((row) => row.key?.startsWith('file:'));

describe('Search Corpus while the index grows', () => {
  let api: AnnotatedReaderApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  let log: SearchReport[] = [];
  let logging: vscode.Disposable | undefined;
  beforeEach(() => {
    log = [];
    logging = api.search.onDidUpdate((report) => log.push(report));
  });

  afterEach(async function () {
    logging?.dispose();
    if (this.currentTest?.state === 'failed') {
      for (const r of log) console.log(`      ${r.reason} ${r.phase} busy=${r.busy} active=${r.active?.replace(/.*\//, '')} rows=${r.rows.map((row) => row.key?.replace(/.*\//, '') ?? row.label).join(' | ')}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await removeAndSettle(api, created.splice(0));
  });

  it('says it is indexing, with the count, until the index is complete, and shows results as they come', async () => {
    const reports: SearchReport[] = [];
    const listener = api.search.onDidUpdate((report) => reports.push(report));
    try {
      await reportWhere(api, `"${WORD}" with nothing to find`, (r) => r.reason === 'results' && r.query === WORD && r.phase === 'ready', () =>
        vscode.commands.executeCommand('annotatedReader.search', WORD),
      );
      // Many articles dated after the ones that match: the tree (and the index) takes them first, so for
      // a while the index has been through part of the corpus and found nothing yet.
      const files: Record<string, string> = {};
      for (let i = 0; i < 1500; i++) files[`fyll-${i}.txt`] = article('2031-01', `Fyllsak nummer ${i}`, `Ingenting å melde om dag ${i}. Været var stille.`);
      for (let i = 0; i < 3; i++) files[`treff-${i}.txt`] = article('1990-01', `Sak ${i} om ${WORD}`, `Her står ordet ${WORD} i sak ${i}.`);
      const final = await reportWhere(
        api,
        'the three articles once indexing is over',
        (r) => r.reason === 'results' && r.phase === 'ready' && articleRows(r).length === 3,
        () => created.push(moveIn('voksende', files)),
      );
      const during = reports.filter((r) => r.reason === 'results' && r.query === WORD && r.phase !== 'ready');
      assert.ok(during.length > 0, 'the box was updated while the corpus was being indexed');
      for (const report of during) {
        const labels = report.rows.map((row) => row.label);
        assert.ok(!labels.includes('No articles match'), `"No articles match" while ${report.phase}: ${labels.join(' | ')}`);
        assert.match(labels[0], /^(?:Indexing… [\d,]+ of [\d,]+ articles|Loading the corpus… .*)$/, 'the first row says how far the index has got');
        assert.equal(report.busy, true, 'busy while indexing');
      }
      const counted = during.map((r) => /^Indexing… ([\d,]+) of ([\d,]+) articles$/.exec(r.rows[0].label)).filter((m) => m !== null);
      assert.ok(counted.length > 0, 'an "Indexing… n of m articles" row');
      assert.ok(
        counted.some((m) => Number(m[2].replace(/,/g, '')) >= 1503),
        `counts the articles to index: ${counted.map((m) => m[0]).join(' | ')}`,
      );
      assert.equal(final.busy, false, 'not busy once indexed');
      assert.ok(!final.rows.some((row) => row.label.startsWith('Indexing')), 'no indexing row once indexed');
      // Rows read their headline first: the icon is not part of the label (a screen reader reads the label).
      for (const row of final.rows) assert.doesNotMatch(row.label, /^\$\(/, `a row's label starts with an icon: ${row.label}`);
    } finally {
      listener.dispose();
    }
  });

  it('says "No articles match" only once the index is complete', async () => {
    const report = await reportWhere(api, `"${WORD}" with nothing to find`, (r) => r.reason === 'results' && r.query === WORD, () =>
      vscode.commands.executeCommand('annotatedReader.search', WORD),
    );
    assert.equal(report.phase, 'ready');
    assert.deepEqual(
      report.rows.map((row) => row.label),
      ['No articles match'],
    );
  });

  it('keeps the top result active as better results arrive, and Enter opens it', async () => {
    created.push(moveIn('svak', { 'svak.txt': article('2022-05', 'En lang sak om været', `Det regnet mye. ${'Været var grått og vått hele uken. '.repeat(40)}Til slutt: ${WORD}.`) }));
    const weak = await reportWhere(
      api,
      'the weak article alone',
      (r) => r.reason === 'results' && r.phase === 'ready' && articleRows(r).length === 1,
      () => vscode.commands.executeCommand('annotatedReader.search', WORD),
    );
    const weakKey = articleRows(weak)[0].key;
    assert.equal(weak.active, weakKey, 'the only result is active');

    const strong: Record<string, string> = {};
    for (let i = 0; i < 6; i++) strong[`sterk-${i}.txt`] = article('2022-06', `${WORD[0].toUpperCase()}${WORD.slice(1)} ${i}: ${WORD} igjen`, `${WORD} ${WORD}. Mer om ${WORD} og ${WORD}.`);
    const grown = await reportWhere(
      api,
      'the six better articles above the weak one',
      (r) => r.reason === 'results' && r.phase === 'ready' && articleRows(r).length === 7,
      () => created.push(moveIn('sterk', strong)),
    );
    const rows = articleRows(grown);
    assert.notEqual(rows[0].key, weakKey, 'a better article is now first');
    assert.equal(grown.active, rows[0].key, `the top result is active, not ${rows.findIndex((row) => row.key === grown.active) + 1}.`);

    const revealed = nextReveal(api, 'the top result');
    await acceptUntil(revealed);
    assert.equal((await revealed).uri, rows[0].key);
  });

  it('keeps the row the user moved to when the results refresh', async () => {
    const two: Record<string, string> = {};
    for (let i = 0; i < 2; i++) two[`par-${i}.txt`] = article('2022-05', `Sak ${i} om været`, `${'Været var grått. '.repeat(20)}Så: ${WORD}.`);
    created.push(moveIn('par', two));
    const shown = await reportWhere(
      api,
      'the two articles',
      (r) => r.reason === 'results' && r.phase === 'ready' && articleRows(r).length === 2,
      () => vscode.commands.executeCommand('annotatedReader.search', WORD),
    );
    const second = articleRows(shown)[1].key;
    // Down one row, as with the arrow key (sent again until the box has focus and reports the move).
    let moved: SearchReport | undefined;
    for (let attempt = 0; attempt < 20 && !moved; attempt++) {
      moved = await reportWhere(api, 'the move to the second row', (r) => r.reason === 'active' && r.active === second, () => vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'), 3_000).catch(
        () => undefined,
      );
    }
    assert.ok(moved, 'the box reported the user moving to the second row');

    const strong: Record<string, string> = {};
    for (let i = 0; i < 3; i++) strong[`sterk-${i}.txt`] = article('2022-06', `${WORD} ${i}`, `${WORD} ${WORD} ${WORD}.`);
    const grown = await reportWhere(
      api,
      'the better articles',
      (r) => r.reason === 'results' && r.phase === 'ready' && articleRows(r).length === 5,
      () => created.push(moveIn('sterk2', strong)),
    );
    assert.equal(grown.active, second, 'the row the user chose stays active');
    const revealed = nextReveal(api, 'the chosen row');
    await acceptUntil(revealed);
    assert.equal((await revealed).uri, second);
  });
});

/** Sends Enter to the quick pick until `done` settles (an accept before the box has focus does nothing). */
async function acceptUntil(done: Promise<unknown>): Promise<void> {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  for (let round = 0; round < 30 && !settled; round++) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([done.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500))]);
  }
}
