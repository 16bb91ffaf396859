import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, article, closeAllEditors, moveIn, removeAndSettle, renderOf, statusReaches, waitFor } from './helpers';

/** Articles with names the knowledge base has and names only the rules find. */
function articles(prefix: string, count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`${prefix}-${i}.txt`] = article(
      '2031-03',
      `Møte ${i} i Bergen`,
      `Statsminister Jonas Gahr Støre møtte Olaf Scholz i Berlin. Landslagssjef Kari Holmsletten ${i} sa at Universitetet i Bergen og Oslo tingrett var med.\n\nDet var sak nummer ${i}, og Holmsletten svarte.`,
    );
  }
  return files;
}

describe('Names found off the extension host’s thread', () => {
  let api: AnnotatedReaderApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  afterEach(async () => {
    await closeAllEditors();
    await removeAndSettle(api, created.splice(0));
  });

  it('indexes the corpus’s names in the worker thread, the same names the reader shows', async () => {
    const before = api.entities.recognizedInWorker();
    const folder = moveIn('arbeider', articles('arbeider', 120));
    created.push(folder);
    await waitFor(api, 'the 120 articles in the corpus', () => api.corpus.articles().filter((a) => a.uri.startsWith(folder.toString())).length === 120);
    await api.entities.whenIndexed();
    assert.ok(api.entities.recognizedInWorker() - before >= 120, `recognised in the worker: ${api.entities.recognizedInWorker() - before}`);

    const uri = vscode.Uri.joinPath(folder, 'arbeider-7.txt').toString();
    const indexed = api.entities.inArticle(uri);
    const report = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    const highlighted = Object.values(report.highlights).reduce((sum, n) => sum + (n ?? 0), 0);
    const inIndex = indexed.reduce((sum, e) => sum + e.count, 0);
    assert.ok(inIndex > 0, 'the index has the article’s names');
    assert.equal(highlighted, inIndex, 'the reader highlights as many mentions as the index holds for the article');
  });

  it('highlights an article opened while the corpus is being indexed, before the index is done', async () => {
    const files = articles('stor', 4000);
    const status = await statusReaches(api, 'indexing', () => created.push(moveIn('stor', files)));
    assert.equal(status.phase, 'indexing');
    const uri = vscode.Uri.joinPath(created[0], 'stor-3999.txt').toString();
    // The article must be in the corpus (read) to open; indexing goes on meanwhile.
    const report = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    const during = api.entities.status();
    assert.ok((report.highlights.person ?? 0) >= 2, `people highlighted: ${JSON.stringify(report.highlights)}`);
    assert.ok((report.highlights.organization ?? 0) >= 2, `organisations highlighted: ${JSON.stringify(report.highlights)}`);
    assert.equal(during.phase, 'indexing', `still indexing when the reader showed the article (${JSON.stringify(during)})`);
  });
});
