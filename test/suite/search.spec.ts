import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { RevealReport } from '../../src/vscode/reader/readerManager';
import { activateApi, closeAllEditors, searchAndAccept as searchWith } from './helpers';

describe('Search Corpus', () => {
  let api: AnnotatedReaderApi;

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  afterEach(closeAllEditors);

  const searchAndAccept = (query: string): Promise<RevealReport> => searchWith(api, query);

  async function textOf(uri: string, range: { start: number; end: number }): Promise<string> {
    const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true)));
    // Offsets count from the text after the header line's date.
    const body = file.replace(/^\uFEFF?[ \t]*date[ \t]+\S+[ \t]*/i, '').replace(/\r\n?/g, '\n');
    return body.slice(range.start, range.end);
  }

  it('holds the search index in its worker thread, off the extension host', () => {
    assert.equal(api.entities.searchInWorker(), true);
  });

  it("runs the recognition worker below the extension host's own priority, and the search worker at it (Linux)", function () {
    if (process.platform !== 'linux') this.skip();
    // A thread's nice value is the 19th field of its stat line, the fields counted after its name's closing parenthesis.
    const nice = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ').pop()?.split(' ')[16]);
    const host = nice(String(process.pid));
    // Both workers are started by indexing; only the recognition worker gives way: the search worker answers keystrokes.
    const background = Math.min(19, host + 10);
    const lowered = readdirSync('/proc/self/task').filter((task) => nice(task) === background);
    assert.equal(lowered.length, 1, `${lowered.length} threads run at nice ${background}`);
  });

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
