import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type AnalysisRenderReport, MAX_COPY_LENGTH, type NetworkData } from '../../src/analysis/protocol';
import { networkTable, toTsv } from '../../src/analysis/tables';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, closeAllEditors, hoverTextAt, renderOf, until } from './helpers';

describe('Analysis panel', () => {
  let api: AnnotatedReaderApi;
  const idOf = (name: string) => {
    const entity = api.entities.all().find((e) => e.name === name);
    assert.ok(entity, `no entity ${name}`);
    return entity.id;
  };

  /** The next render report that satisfies `accept`, after `action`. */
  async function renderAfter(what: string, action: () => Thenable<unknown>, accept: (report: AnalysisRenderReport) => boolean): Promise<AnalysisRenderReport> {
    let seen: AnalysisRenderReport | undefined;
    const listener = api.analysis.onDidRender((report) => {
      if (accept(report)) seen = report;
    });
    try {
      await action();
      return await until(what, () => seen, [api.analysis.onDidRender]);
    } finally {
      listener.dispose();
    }
  }

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  after(async () => {
    await closeAllEditors();
  });

  it('draws the timeline of two entities as the index counts them, with a table row per month that has an article', async () => {
    const putin = idOf('Vladimir Putin');
    const macron = idOf('Emmanuel Macron');
    await renderAfter('the timeline of Putin', () => vscode.commands.executeCommand('annotatedReader.showTimeline', putin), (r) => r.view === 'timeline' && r.entities.includes(putin));
    const report = await renderAfter('the timeline of Putin and Macron', () => vscode.commands.executeCommand('annotatedReader.showTimeline', macron), (r) => r.view === 'timeline' && r.entities.length === 2);
    const expected = api.analysisData.timelines([putin, macron]);
    assert.deepEqual(report.entities, [putin, macron]);
    assert.deepEqual(report.months, expected[0].months.periods);
    assert.deepEqual(report.months, ['2022-01', '2022-02'], 'the seeds are of January and February 2022');
    const bars = expected.reduce((sum, t) => sum + t.months.mentions.filter((m) => m > 0).length, 0);
    const rows = expected.reduce((sum, t) => sum + t.months.articles.filter((a) => a > 0).length, 0);
    assert.equal(report.bars, bars);
    assert.equal(report.tableRows, rows);
    assert.equal(report.status, 'ready');
    assert.equal(report.empty, undefined);
  });

  it("runs from an article file's context menu for the name under the cursor (the menu passes the file's URI)", async () => {
    const seed = api.corpus.articles().find((a) => a.title.startsWith('Putin og Macron'));
    assert.ok(seed);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(seed.uri, true));
    const editor = await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('Macron') + 1);
    editor.selection = new vscode.Selection(position, position);
    // The file's names are read once its hover answers.
    assert.match(await hoverTextAt(document.uri, position), /Emmanuel Macron/u);
    const macron = idOf('Emmanuel Macron');
    const report = await renderAfter('the network around the name under the cursor', () => vscode.commands.executeCommand('annotatedReader.showEntityNetwork', document.uri), (r) => r.view === 'network' && r.entities[0] === macron);
    assert.equal(report.entities[0], macron, 'centred on the name under the cursor');
  });

  it("lists a bar's articles, newest first, as the index has them", async () => {
    const putin = idOf('Vladimir Putin');
    const report = await renderAfter('the list of February', () => api.analysis.receive({ type: 'webviewDidRequestMonth', entityId: putin, period: '2022-02' }), (r) => r.list !== undefined);
    const expected = api.analysisData.articlesInPeriod(putin, '2022-02', 200);
    assert.ok(expected.articles.length > 0);
    assert.deepEqual(report.list?.uris, expected.articles.map((a) => a.uri));
    assert.equal(report.list?.title, 'Vladimir Putin in February 2022');
  });

  it("shows a bar's list again when the panel, hidden behind an editor, is shown again (its webview loaded anew)", async () => {
    const putin = idOf('Vladimir Putin');
    await renderAfter('the timeline of Putin', () => vscode.commands.executeCommand('annotatedReader.showTimeline', putin), (r) => r.view === 'timeline' && r.entities.includes(putin));
    const listed = await renderAfter('the list of January', () => api.analysis.receive({ type: 'webviewDidRequestMonth', entityId: putin, period: '2022-01' }), (r) => r.list !== undefined);
    assert.equal(listed.list?.title, 'Vladimir Putin in January 2022');
    // An editor in the panel's group hides it, and its webview is let go (the panel does not keep it when hidden).
    const seed = api.corpus.articles()[0];
    await vscode.window.showTextDocument(vscode.Uri.parse(seed.uri, true), { preview: false, viewColumn: vscode.ViewColumn.Active });
    const shownAgain = await renderAfter('the list after the panel was shown again', () => vscode.commands.executeCommand('annotatedReader.showTimeline', putin), (r) => r.list !== undefined);
    assert.equal(shownAgain.list?.title, 'Vladimir Putin in January 2022');
    assert.deepEqual(shownAgain.list?.uris, api.analysisData.articlesInPeriod(putin, '2022-01', 200).articles.map((a) => a.uri));
  });

  it('draws the network around an entity, an edge per entity named with it, and lists the articles of an edge', async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const report = await renderAfter('the network of Stoltenberg', () => vscode.commands.executeCommand('annotatedReader.showEntityNetwork', stoltenberg), (r) => r.view === 'network' && r.entities[0] === stoltenberg);
    const expected = api.analysisData.cooccurring(stoltenberg, 16);
    assert.ok(expected.entities.length > 0);
    assert.deepEqual(report.entities, [stoltenberg, ...expected.entities.map((c) => c.entity.id)]);
    assert.equal(report.nodes, expected.entities.length + 1);
    assert.equal(report.edges, expected.entities.length);
    assert.equal(report.tableRows, expected.entities.length);
    const other = expected.entities[0].entity.id;
    const listed = await renderAfter('the list of an edge', () => api.analysis.receive({ type: 'webviewDidRequestEdge', a: stoltenberg, b: other }), (r) => r.list !== undefined);
    assert.deepEqual(listed.list?.uris, api.analysisData.articlesWithBoth(stoltenberg, other, 200).articles.map((a) => a.uri));
  });

  it("puts the network's table on the clipboard as TSV on Copy, and refuses a text over the limit", async () => {
    const stoltenberg = idOf('Jens Stoltenberg');
    const report = await renderAfter('the network of Stoltenberg', () => vscode.commands.executeCommand('annotatedReader.showEntityNetwork', stoltenberg), (r) => r.view === 'network' && r.entities[0] === stoltenberg);
    const centre = api.entities.all().find((e) => e.id === stoltenberg);
    assert.ok(centre);
    const list = api.analysisData.cooccurring(stoltenberg, 16);
    // The table the webview draws from the same data (tables.ts is what its Copy button calls).
    const data: NetworkData = {
      centre: { id: centre.id, name: centre.name, type: centre.type },
      neighbours: list.entities.map(({ entity }) => ({ id: entity.id, name: entity.name, type: entity.type })),
      edges: list.entities.map(({ entity, articles, paragraphs }) => ({ id: entity.id, articles, paragraphs })),
      total: list.total,
    };
    const tsv = toTsv(networkTable(data));
    assert.equal(tsv.trimEnd().split(/\r?\n/u).length, report.tableRows + 1, 'a header line and a line per row of the drawn table');
    await vscode.env.clipboard.writeText('before');
    assert.deepEqual(await api.analysis.receive({ type: 'webviewDidRequestCopy', text: tsv }), { handled: true });
    assert.equal(await vscode.env.clipboard.readText(), tsv);
    assert.match(tsv, /\t/u);
    await vscode.env.clipboard.writeText('before');
    assert.deepEqual(await api.analysis.receive({ type: 'webviewDidRequestCopy', text: 'x'.repeat(MAX_COPY_LENGTH + 1) }), { handled: false, reason: 'malformed message' });
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });

  it('opens only articles of the corpus, and refuses what is malformed', async () => {
    const putin = idOf('Vladimir Putin');
    assert.deepEqual(await api.analysis.receive({ type: 'webviewDidRequestOpenArticle', uri: 'file:///etc/passwd', entityId: putin }), { handled: false, reason: 'not an article of the corpus' });
    assert.deepEqual(await api.analysis.receive({ type: 'webviewDidRequestMonth', entityId: putin, period: 'February' }), { handled: false, reason: 'malformed message' });
    const [first] = api.analysisData.articlesInPeriod(putin, '2022-02', 1).articles;
    const revealed = new Promise<string>((resolve) => {
      const listener = api.reader.onDidReveal((r) => {
        listener.dispose();
        resolve(r.uri);
      });
    });
    assert.deepEqual(await api.analysis.receive({ type: 'webviewDidRequestOpenArticle', uri: first.uri, entityId: putin }), { handled: true });
    assert.equal(await revealed, first.uri);
  });

  it("opens from a name's card in the reader, and from its hover in an article file", async () => {
    const putin = idOf('Vladimir Putin');
    const article = api.corpus.articles().find((a) => a.title.startsWith('Putin og Macron'));
    assert.ok(article);
    await renderOf(api, article.uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', article.uri));
    let outcome: { handled: boolean } | undefined;
    const report = await renderAfter(
      'the network of Putin',
      async () => {
        outcome = await api.reader.receive({ type: 'webviewDidRequestAnalysis', entityId: putin, view: 'network' });
      },
      (r) => r.view === 'network' && r.entities[0] === putin,
    );
    assert.equal(outcome?.handled, true);
    assert.equal(report.nodes, api.analysisData.cooccurring(putin, 16).entities.length + 1);
    const refused = await api.reader.receive({ type: 'webviewDidRequestAnalysis', entityId: putin, view: 'chart' });
    assert.equal(refused.handled, false);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(article.uri, true));
    await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('Vladimir Putin');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\[\$\(graph\) Timeline\]\(command:annotatedReader\.showTimeline\?/u);
    assert.match(text, /command:annotatedReader\.showEntityNetwork\?/u);
  });
});
