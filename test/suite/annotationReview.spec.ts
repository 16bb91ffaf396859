import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseArticle } from '../../src/core/parse';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, closeAllEditors, deleteIfExists, renderOf, rowsOf, waitFor, whenAnnotations, workspaceFolder, writeFile } from './helpers';

const SEED = '003_d7dba20fcdf5f498.txt';

describe('Annotations needing review', () => {
  let api: AnnotatedReaderApi;
  let folder: vscode.Uri;
  let article: vscode.Uri;
  let original: string;


  const textOf = (file: string) => {
    const parsed = parseArticle(file);
    assert.ok(parsed.ok);
    return parsed.article.text;
  };

  before(async () => {
    api = await activateApi();
    folder = vscode.Uri.joinPath(workspaceFolder(), 'review');
    article = vscode.Uri.joinPath(folder, 'review.txt');
    original = readFileSync(join(__dirname, '..', '..', '..', 'seeds', SEED), 'utf8');
    await writeFile(article, original);
    await waitFor(api, 'the copied article in the corpus', () => api.corpus.articles().some((a) => a.uri === article.toString()));
    await api.annotations.whenLoaded();
  });

  after(async () => {
    // Deleted through the reader (still open: it takes the message), so that the next spec finds the file as it was.
    const ours = () => api.annotations.all().filter((a) => a.target.source.includes('review.txt'));
    for (const annotation of ours()) api.reader.receive({ type: 'webviewDidRequestDeleteAnnotation', id: annotation.id });
    await whenAnnotations(api, 'this spec\'s annotations deleted', () => ours().length === 0);
    await api.annotations.whenSaved();
    await closeAllEditors();
    await deleteIfExists(folder);
    await waitFor(api, 'the copied article gone from the corpus', () => !api.corpus.articles().some((a) => a.uri === article.toString()));
  });

  it('offers an uncertain place for review instead of drawing it, and accepting it moves the annotation there', async () => {
    const opened = await renderOf(api, article.toString(), () => vscode.commands.executeCommand('annotatedReader.openArticle', article.toString()));
    const text = textOf(original);
    // Eight words from the middle of the article.
    const start = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
    const words = text.slice(start).split(' ').slice(0, 8).join(' ');
    const end = start + words.length;
    const created = await renderOf(
      api,
      article.toString(),
      () => api.reader.receive({ type: 'webviewDidRequestCreateAnnotation', uri: article.toString(), start, end, colour: 'Key claim', note: 'Sjekk dette.', tags: [] }),
      (report) => report.annotations.length === opened.annotations.length + 1,
    );
    const id = created.annotations.find((a) => a.text === words)?.id;
    assert.ok(id, 'the new annotation drawn on its words');
    await api.annotations.whenSaved();

    // The article edited: a letter of the quote gone, and some of the words before it rewritten (not all: then it would be an orphan).
    const middle = Math.floor((start + end) / 2);
    const before = text.slice(0, start - 20) + 'omskrevet' + text.slice(start - 11, middle) + text.slice(middle + 1);
    const edited = original.replace(text, before + text.slice(end));
    const expected = words.slice(0, middle - start) + words.slice(middle - start + 1);
    const reviewed = await renderOf(api, article.toString(), () => writeFile(article, edited), (report) => !report.annotations.some((a) => a.id === id));
    assert.ok(!reviewed.annotations.some((a) => a.id === id), 'not drawn while its place is uncertain');

    // The Annotations view lists it under Needs review, with the suggestion to accept.
    const group = await whenAnnotations(api, 'the Needs review group', async () => (await rowsOf(api.views.annotations)).find((row) => row.label === 'Needs review'));
    const [row] = await rowsOf(api.views.annotations, group.node);
    assert.equal(row.item.contextValue, 'annotation.review');

    // Accepted: drawn on the suggested words, which are the edited quote; the group is gone.
    const accepted = await renderOf(
      api,
      article.toString(),
      () => vscode.commands.executeCommand('annotatedReader.acceptAnnotationSuggestion', id),
      (report) => report.annotations.some((a) => a.id === id),
    );
    assert.equal(accepted.annotations.find((a) => a.id === id)?.text, expected);
    const moved = api.annotations.all().find((a) => a.id === id);
    assert.equal(moved?.target.selector[0].exact, expected, 'anchored anew: the selectors quote the words now');
    await whenAnnotations(api, 'the Needs review group gone', async () => !(await rowsOf(api.views.annotations)).some((row) => row.label === 'Needs review'));
  });
});
