import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, article, closeAllEditors, deleteIfExists, moveIn, removeAndSettle, searchAndAccept, waitFor, workspaceFolder, writeFile } from './helpers';

/**
 * The saved index: a window that opens again starts from what the last one
 * saved (the tree and search at once), reads only the files that changed
 * while it was closed, and discards a saved index that is damaged.
 * `api.index.reopen` closes the window's corpus state (watchers, corpus,
 * indexes) and opens it again the way activation does.
 */
describe('The saved index', () => {
  let api: AnnotatedReaderApi;
  const edited = () => vscode.Uri.joinPath(workspaceFolder(), 'saved-index-edited.txt');

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  afterEach(closeAllEditors);

  after(async () => {
    await deleteIfExists(edited());
    await waitFor(api, 'the edited article to leave the corpus', () => !api.corpus.articles().some((a) => a.uri === edited().toString()));
    await api.entities.whenIndexed();
  });

  const entitySummary = () =>
    api.entities
      .all()
      .map((e) => `${e.id}:${e.type}:${e.articles}:${e.mentions}`)
      .sort();

  it('lets a reopened window start from it: every article listed, no unchanged file read, nothing indexed again', async () => {
    const articles = api.corpus.articles().map((a) => a.uri);
    const entities = entitySummary();
    const saved = await api.index.whenSaved();
    assert.match(saved, /^Saved the index|current/);
    const outcome = await api.index.reopen();
    assert.deepEqual(outcome, { handled: true });
    const restore = api.index.lastRestore();
    assert.equal(restore.restored, true, restore.reason);
    assert.equal(restore.articles, articles.length);
    await api.entities.whenIndexed();
    assert.deepEqual(api.corpus.articles().map((a) => a.uri), articles);
    assert.ok(api.index.lastLoad().kept >= articles.length, `${JSON.stringify(api.index.lastLoad())} for ${articles.length} articles`);
    assert.equal(api.index.indexedSinceStart(), 0);
    assert.deepEqual(entitySummary(), entities);
    // Search answers from the restored index.
    const report = await searchAndAccept(api, 'Stoltenbrg');
    assert.equal(api.corpus.articles().find((a) => a.uri === report.uri)?.title, 'Intenst diplomati - inviterer Russland til nye Nato-møter');
  });

  it('reads and indexes again a file edited while the window was closed, and only that one', async () => {
    await writeFile(edited(), article('2023-04', 'Første utgave om Vestbø', 'Trener Ola Vestbø var fornøyd med kampen i Bodø.'));
    await waitFor(api, 'the new article in the corpus', () => api.corpus.articles().find((a) => a.uri === edited().toString() && a.title === 'Første utgave om Vestbø'));
    await api.entities.whenIndexed();
    await api.index.reopen(async () => {
      await writeFile(edited(), article('2023-04', 'Andre utgave om Skogsrud', 'Ordfører Kari Skogsrud åpnet den nye Grøtfjordbrua i Tromsø fredag.'));
    });
    assert.equal(api.index.lastRestore().restored, true, api.index.lastRestore().reason);
    await api.entities.whenIndexed();
    assert.equal(api.corpus.articles().find((a) => a.uri === edited().toString())?.title, 'Andre utgave om Skogsrud');
    assert.equal(api.index.lastLoad().read >= 1, true);
    assert.equal(api.index.indexedSinceStart(), 1);
    const names = api.entities.inArticle(edited().toString()).map((e) => e.id);
    assert.ok(names.some((id) => /skogsrud/.test(id)), names.join(', '));
    assert.ok(!names.some((id) => /vestbø/.test(id)), names.join(', '));
    const report = await searchAndAccept(api, 'Grøtfjordbrua');
    assert.equal(report.uri, edited().toString());
  });

  it('indexes each file of a burst once, however the watcher reports them', async () => {
    const before = api.index.indexedSinceStart();
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`burst-${String(i).padStart(2, '0')}.txt`] = article('2021-05', `Melding nummer ${i}`, `Ordfører Per Hansen i Bodø svarte på spørsmål ${i} fra Nordlandsposten.`);
    const folder = moveIn('saved-index-burst', files);
    try {
      const prefix = `${folder.toString()}/`;
      await waitFor(api, 'the burst in the corpus', () => api.corpus.articles().filter((a) => a.uri.startsWith(prefix)).length === 60);
      await api.entities.whenIndexed();
      // The folder is reported as created, and perhaps its files one by one too: each is read and indexed once.
      assert.equal(api.index.indexedSinceStart() - before, 60);
    } finally {
      await removeAndSettle(api, [folder]);
    }
  });

  it('discards a damaged saved index without an error, indexes everything again, and saves a good one', async () => {
    const articles = api.corpus.articles().length;
    const entities = entitySummary();
    const file = vscode.Uri.parse(api.index.file(), true);
    await api.index.reopen(async () => {
      const bytes = await vscode.workspace.fs.readFile(file);
      // A byte changed in the middle of the payload, as a disk or a copy might.
      bytes[Math.floor(bytes.length * 0.6)] ^= 0x5a;
      await vscode.workspace.fs.writeFile(file, bytes);
    });
    const restore = api.index.lastRestore();
    assert.equal(restore.restored, false);
    assert.match(restore.reason ?? '', /damaged|checksum/);
    await api.entities.whenIndexed();
    assert.equal(api.corpus.articles().length, articles);
    assert.equal(api.index.indexedSinceStart(), articles);
    assert.deepEqual(entitySummary(), entities);
    // Saved again, whole: the next window starts from it.
    await api.index.reopen();
    assert.equal(api.index.lastRestore().restored, true, api.index.lastRestore().reason);
  });
});
