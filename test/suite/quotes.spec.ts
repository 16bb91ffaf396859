import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { foldForMatching } from '../../src/core/text';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { QuotesOutcome } from '../../src/vscode/quotes/quoteCommands';
import type { QuotesNode, QuotesReport } from '../../src/vscode/quotes/quotesView';
import { activateApi, article, closeAllEditors, moveIn, nextReveal, removeAndSettle, renderOf, rowsOf, statusReaches, until, workspaceFolder, writeFile } from './helpers';

type QuoteRow = { node: Extract<QuotesNode, { kind: 'quote' }>; item: vscode.TreeItem; label: string };

describe('Quotes view', () => {
  let api: AnnotatedReaderApi;
  const created: vscode.Uri[] = [];
  const idOf = (name: string) => {
    const entity = api.entities.all().find((e) => e.name === name);
    assert.ok(entity, `no entity ${name}`);
    return entity.id;
  };

  async function run(command: string, ...args: unknown[]): Promise<QuotesReport> {
    const outcome = await vscode.commands.executeCommand<QuotesOutcome>(command, ...args);
    assert.ok(outcome.shown, `${command} refused: ${outcome.shown ? '' : outcome.reason}`);
    return outcome.report;
  }

  /** Every quote row the view shows, month by month, with each month's "more" opened until it has none. */
  async function allQuoteRows(): Promise<QuoteRow[]> {
    const rows: QuoteRow[] = [];
    for (const month of await rowsOf(api.views.quotes)) {
      for (const row of await rowsOf(api.views.quotes, month.node)) {
        const node = row.node as QuotesNode;
        assert.notEqual(node.kind, 'more', 'the seeds need no second page');
        if (node.kind === 'quote') rows.push(row as QuoteRow);
      }
    }
    return rows;
  }

  /** The speaker labels the reader draws over the corpus's articles: what it found in each, independently of the quote index. */
  async function labelsInReader(): Promise<{ speaker: string; kind: string }[]> {
    const labels: { speaker: string; kind: string }[] = [];
    for (const { uri } of api.corpus.articles()) {
      const report = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
      labels.push(...report.speakers);
    }
    return labels;
  }

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
    await statusReaches(api, 'ready');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('annotatedReader.clearQuotesFilters');
  });

  after(async () => {
    await closeAllEditors();
    await removeAndSettle(api, created.splice(0));
  });

  it('has a welcome text for each state of the index', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { viewsWelcome: { view: string; when: string; contents: string }[] } };
    const entries = manifest.contributes.viewsWelcome.filter((entry) => entry.view === 'annotatedReader.quotes');
    assert.ok(entries.some((entry) => entry.when.includes('quotesState == indexing') && /^Finding the quotes/.test(entry.contents)));
    assert.ok(entries.some((entry) => entry.when.includes('quotesState == empty') && entry.contents.includes('command:annotatedReader.showSampleCorpus')));
    assert.ok(entries.some((entry) => entry.when.includes('quotesFiltered') && entry.contents.includes('command:annotatedReader.clearQuotesFilters')));
  });

  it("lists a person's quotes newest first, as many as the reader labels across the seeds", async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const labels = (await labelsInReader()).filter((label) => label.speaker === 'Jens Stoltenberg');
    assert.ok(labels.length > 0, 'the seeds quote Stoltenberg');
    const report = await run('annotatedReader.showQuotes', stoltenberg);
    assert.deepEqual(report.filters.speaker, { id: stoltenberg, name: 'Jens Stoltenberg' });
    assert.equal(report.description, 'Jens Stoltenberg');
    assert.equal(report.total, labels.length);
    assert.equal(report.partial, false);
    const rows = await allQuoteRows();
    assert.equal(rows.length, labels.length);
    for (const row of rows) {
      // Quoted words in guillemets; reported speech, the narration's sentence, without.
      assert.match(row.label, row.node.quote.kind === 'reported' ? /^Jens Stoltenberg: [^«].+$/u : /^Jens Stoltenberg: «.+»$/u);
      assert.equal(row.node.quote.speakerId, stoltenberg);
      assert.equal(row.item.command?.command, 'annotatedReader.openQuote');
    }
    // Newest first: months, then dates, then an article's quotes in text order.
    assert.deepEqual(report.months.map((m) => m.month), [...report.months.map((m) => m.month)].sort().reverse());
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1].node.quote, rows[i].node.quote];
      assert.ok(a.date > b.date || (a.date === b.date && (a.uri !== b.uri || a.start < b.start)), `${a.uri}@${a.start} before ${b.uri}@${b.start}`);
    }
    // The quote count in the Entities view's tooltip, and the menu that offers Show Quotes.
    const people = (await rowsOf(api.views.entities)).find((row) => row.label === 'People');
    assert.ok(people);
    const entityRow = (await rowsOf(api.views.entities, people.node)).find((row) => row.label === 'Jens Stoltenberg');
    assert.ok(entityRow);
    assert.match(entityRow.item.contextValue ?? '', /Speaker$/);
    const tooltip = entityRow.item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, new RegExp(`${labels.length} quotes?`));
  });

  it('narrows the list by kind, period and words, and clears the filters', async () => {
    const labels = await labelsInReader();
    const all = await run('annotatedReader.clearQuotesFilters');
    // The reader labels the quotes with a speaker; the list has those and the unresolved ones.
    assert.ok(all.total >= labels.length, `${all.total} quotes, ${labels.length} labels`);
    const direct = await run('annotatedReader.filterQuotesByKind', ['direct']);
    assert.equal(direct.description, 'direct quote');
    const directRows = await allQuoteRows();
    assert.equal(directRows.length, direct.total);
    assert.ok(directRows.every((row) => row.node.quote.kind === 'direct' && (row.item.iconPath as vscode.ThemeIcon).id === 'quote'));
    assert.ok(direct.total < all.total && direct.total > 0);

    await run('annotatedReader.clearQuotesFilters');
    const january = await run('annotatedReader.filterQuotesByPeriod', '2022-01');
    assert.deepEqual(january.months.map((m) => m.month), ['2022-01']);
    assert.equal(january.description, 'January 2022');
    assert.ok((await allQuoteRows()).every((row) => row.node.quote.summary.month === '2022-01'));
    const year = await run('annotatedReader.filterQuotesByPeriod', '2022');
    assert.equal(year.total, all.total, 'all the seeds are of 2022');

    await run('annotatedReader.clearQuotesFilters');
    const stoltenberg = await run('annotatedReader.filterQuotesBySpeaker', idOf('Jens Stoltenberg'));
    const first = (await allQuoteRows())[0];
    assert.equal(first.node.quote.text.kind, 'text');
    const words = first.node.quote.text.kind === 'text' ? first.node.quote.text.text : '';
    const word = words.split(/[^\p{L}]+/u).find((w) => w.length >= 6);
    assert.ok(word, `a long word in «${words}»`);
    const found = await run('annotatedReader.filterQuotesByWords', word.toUpperCase());
    assert.ok(found.total >= 1 && found.total <= stoltenberg.total);
    assert.equal(found.description, `Jens Stoltenberg · “${word.toUpperCase()}”`);
    const wordRows = await allQuoteRows();
    assert.equal(wordRows.length, found.total);
    for (const row of wordRows) assert.ok(row.node.quote.text.kind === 'text' && foldForMatching(row.node.quote.text.text).includes(foldForMatching(word)));
    // The whole quote in the tooltip, escaped.
    const tooltip = wordRows[0].item.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false);
    assert.match(tooltip.value, /^\*\*Jens Stoltenberg\*\*/);

    const cleared = await run('annotatedReader.clearQuotesFilters');
    assert.deepEqual(cleared.filters, {});
    assert.equal(cleared.description, undefined);
    assert.equal(cleared.total, all.total);
  });

  it('refuses Show Quotes for an id the index does not know, and bad filter arguments', async () => {
    const before = api.quotes.report();
    for (const bad of ['no-such-entity', { kind: 'entity', entity: { id: 'nobody-at-all' } }, 42, { id: 'jens-stoltenberg' }]) {
      const outcome = await vscode.commands.executeCommand<QuotesOutcome>('annotatedReader.showQuotes', bad);
      assert.equal(outcome.shown, false, `refused ${JSON.stringify(bad)}`);
    }
    assert.equal((await vscode.commands.executeCommand<QuotesOutcome>('annotatedReader.filterQuotesByPeriod', '2022-13')).shown, false);
    assert.equal((await vscode.commands.executeCommand<QuotesOutcome>('annotatedReader.filterQuotesByKind', ['shouted'])).shown, false);
    assert.deepEqual(api.quotes.report()?.filters, before?.filters);
    // The reader's speaker label asks with a message; only an id the index knows reaches the command.
    const uri = api.corpus.articles()[0].uri;
    await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    assert.deepEqual(await api.reader.receive({ type: 'webviewDidRequestQuotes', entityId: 'no-such-entity' }), { handled: false, reason: 'Not an entity the corpus index knows.' });
    assert.equal((await api.reader.receive({ type: 'webviewDidRequestQuotes', entityId: 7 })).handled, false);
    assert.deepEqual(api.quotes.report()?.filters, before?.filters);
  });

  it("offers a speaker's quotes in the editor's hover card, with their count, and the link shows them", async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const seed = api.corpus.articles().find((a) => api.entities.inArticle(a.uri).some((e) => e.id === stoltenberg));
    assert.ok(seed, 'a seed on Stoltenberg');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(seed.uri, true));
    await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('Stoltenberg');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    const link = /\[\$\(quote\) Quotes \\?\((\d+)\\?\)\]\(command:annotatedReader\.showQuotes\?([^ )]+)/u.exec(text);
    assert.ok(link, text);
    const count = (await run('annotatedReader.filterQuotesBySpeaker', stoltenberg)).total;
    assert.equal(Number(link[1]), count);
    await run('annotatedReader.clearQuotesFilters');
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    assert.deepEqual(args, [stoltenberg]);
    const shown = await run('annotatedReader.showQuotes', ...args);
    assert.equal(shown.filters.speaker?.id, stoltenberg);
    await closeAllEditors();
  });

  it("shows the quotes of the name under the cursor from an article file's context menu (which passes the file's URI)", async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const seed = api.corpus.articles().find((a) => api.entities.inArticle(a.uri).some((e) => e.id === stoltenberg));
    assert.ok(seed, 'a seed on Stoltenberg');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(seed.uri, true));
    const editor = await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('Stoltenberg') + 2);
    editor.selection = new vscode.Selection(position, position);
    // The file's names are read once its hover answers.
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const shown = await run('annotatedReader.showQuotes', document.uri);
    assert.equal(shown.filters.speaker?.id, stoltenberg);
    await run('annotatedReader.clearQuotesFilters');
    await closeAllEditors();
  });

  it("shows a speaker's quotes from the reader's speaker label, and opens the reader at a quote", async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const uri = api.corpus.articles()[0].uri;
    await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    let seen: QuotesReport | undefined;
    const listener = api.quotes.onDidUpdate((report) => {
      if (report.filters.speaker?.id === stoltenberg) seen = report;
    });
    try {
      assert.deepEqual(await api.reader.receive({ type: 'webviewDidRequestQuotes', entityId: stoltenberg }), { handled: true });
      await until('the Quotes view filtered to Stoltenberg', () => seen, [api.quotes.onDidUpdate]);
    } finally {
      listener.dispose();
    }
    const [row] = await allQuoteRows();
    const { quote } = row.node;
    const command = row.item.command;
    assert.ok(command);
    const revealed = nextReveal(api, 'the quote', quote.uri);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const report = await revealed;
    assert.deepEqual(report.range, { start: quote.start, end: quote.end });
  });

  it('follows an article as it is added, edited and removed', async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const before = (await run('annotatedReader.showQuotes', stoltenberg)).total;
    const body = '– Vi må stå sammen om dette, og det haster nå, sier Jens Stoltenberg.\n\nHan snakket i Brussel.';
    const folder = moveIn('sitater', { 'ny.txt': article('2030-05-17', 'Stoltenberg i Brussel', body) });
    created.push(folder);
    // The view follows the index by itself: its reports are awaited, nothing is asked again.
    const counted = (total: number) => () => {
      const report = api.quotes.report();
      return report && report.filters.speaker?.id === stoltenberg && !report.partial && report.total === total ? report : undefined;
    };
    const added = await until('the new quote in the list', counted(before + 1), [api.quotes.onDidUpdate]);
    assert.equal(added.months[0].month, '2030-05', 'the newest month first');
    const [newest] = await allQuoteRows();
    // Its first words (cut at a word, about 40 characters), the whole quote in the tooltip.
    assert.match(newest.label, /^Jens Stoltenberg: «Vi må stå sammen om dette, og det haster…»$/u);
    assert.match((newest.item.tooltip as vscode.MarkdownString).value, /«Vi må stå sammen om dette\\?, og det haster nå»/u);
    assert.match(String(newest.item.description), /^Stoltenberg i Brussel · 17 May 2030$/);
    // Edited: the quote goes, another speaker's comes.
    await writeFile(vscode.Uri.joinPath(folder, 'ny.txt'), article('2030-05-17', 'Stoltenberg i Brussel', 'Jens Stoltenberg var i Brussel.\n\n– Dette er en helt annen sak nå, sier Emmanuel Macron.'));
    await until('the edited article without its quote', counted(before), [api.quotes.onDidUpdate]);
    const macron = await run('annotatedReader.filterQuotesBySpeaker', idOf('Emmanuel Macron'));
    assert.equal(macron.months[0].month, '2030-05');
    await removeAndSettle(api, created.splice(0));
    assert.equal((await run('annotatedReader.filterQuotesBySpeaker', stoltenberg)).total, before);
  });

  it('says the list is partial while the corpus is indexed, and counts it whole once it is', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`sitat-${i}.txt`] = article('2031-03', `Sak ${i}`, `– Dette er sak nummer ${i} og den er viktig, sier Jens Stoltenberg.\n\nMer tekst om sak ${i}.`);
    const stoltenberg = idOf('Jens Stoltenberg');
    const before = (await run('annotatedReader.showQuotes', stoltenberg)).total;
    const reports: QuotesReport[] = [];
    const listener = api.quotes.onDidUpdate((report) => reports.push(report));
    try {
      await statusReaches(api, 'indexing', () => created.push(moveIn('mange', files)));
      const during = await until('a report while indexing', () => reports.find((r) => r.partial), [api.quotes.onDidUpdate]);
      assert.match(during.message ?? '', /^Finding quotes: [\d,]+ of [\d,]+ articles… [\d,]+ quotes? so far\.$/);
      assert.equal(during.phase, 'indexing');
      await statusReaches(api, 'ready');
      await api.entities.whenIndexed();
      const whole = await until('the whole count', () => {
        const report = api.quotes.report();
        return report && !report.partial && report.total === before + 400 ? report : undefined;
      }, [api.quotes.onDidUpdate]);
      assert.equal(whole.partial, false);
      assert.equal(whole.message, undefined);
      assert.deepEqual(whole.months[0], { month: '2031-03', quotes: 400 });
      // A month of 400: the first page, and a row for more.
      const month = (await rowsOf(api.views.quotes))[0];
      const rows = await rowsOf(api.views.quotes, month.node);
      assert.equal(rows.length, 101);
      assert.equal(rows[100].label, 'Show more quotes');
      assert.equal(rows[100].item.description, '100 of 400 shown');
    } finally {
      listener.dispose();
    }
    await removeAndSettle(api, created.splice(0));
    assert.ok(workspaceFolder());
  });
});
