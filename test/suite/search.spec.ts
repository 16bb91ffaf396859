import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { RevealReport } from '../../src/vscode/reader/readerManager';
import { activateApi, closeAllEditors, nextReveal } from './helpers';

describe('Search Corpus', () => {
  let api: AnnotatedReaderApi;

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  afterEach(closeAllEditors);

  /** Opens the quick pick with `query` typed, accepts the first result, and resolves with the reader's report. */
  async function searchAndAccept(query: string): Promise<RevealReport> {
    const revealed = nextReveal(api, `a match for "${query}"`);
    // The command resolves once the first results are shown; the first is selected. An accept sent
    // before the quick pick has focus does nothing, so it is sent again, paced, until the reader reports
    // the reveal (whose own limit ends a stuck run).
    await vscode.commands.executeCommand('annotatedReader.search', query);
    let done = false;
    const settled = revealed.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    return revealed;
  }

  async function textOf(uri: string, range: { start: number; end: number }): Promise<string> {
    const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true)));
    // Offsets count from the text after the header line's date.
    const body = file.replace(/^\uFEFF?[ \t]*date[ \t]+\S+[ \t]*/i, '').replace(/\r\n?/g, '\n');
    return body.slice(range.start, range.end);
  }

  it('opens the reader at the match of a misspelt name, the matched words highlighted', async () => {
    const report = await searchAndAccept('Stoltenbrg');
    const article = api.corpus.articles().find((a) => a.uri === report.uri);
    assert.equal(article?.title, 'Intenst diplomati - inviterer Russland til nye Nato-møter');
    assert.equal(await textOf(report.uri, report.range), 'Stoltenberg');
    assert.ok(report.marked >= 3, `${report.marked} matches highlighted`);
  });

  it('finds an article by several words, and by a Norwegian spelling without ø', async () => {
    const report = await searchAndAccept('Stoere Nato');
    assert.equal(api.corpus.articles().find((a) => a.uri === report.uri)?.title, 'Intenst diplomati - inviterer Russland til nye Nato-møter');
    assert.match(await textOf(report.uri, report.range), /^(?:Støre|Natos?)$/);
  });
});
