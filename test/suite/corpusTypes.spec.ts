import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, article, closeAllEditors, deleteIfExists, hoverTextAt, moveIn, removeAndSettle, renderOf, statusReaches, waitFor, workspaceFolder } from './helpers';

/** An article where the rules can only guess that Vestbø is a place (`fra Vestbø`). */
const WEAK = article('2031-04', 'Bussen kom sent', 'Laget reiste hjem fra Vestbø i går kveld.');
/** An article where a title says Vestbø is a person (`trener Vestbø`). */
const STRONG = article('2031-04', 'Seier på hjemmebane', '– Vi var gode i dag, sa trener Vestbø etter kampen.');

describe('Names the rules find keep one type across the corpus', () => {
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

  const vestbo = (uri: string) => api.entities.inArticle(uri).find((entity) => entity.id === 'unknown-vestbo');

  it('colours a name guessed a place as the person another article\'s title made it, in the open reader, the editor and the API, and back when that article goes', async () => {
    const weakFolder = moveIn('typer-fra', { 'fra.txt': WEAK });
    created.push(weakFolder);
    const weak = vscode.Uri.joinPath(weakFolder, 'fra.txt');
    await waitFor(api, 'the weak article in the corpus', () => api.corpus.articles().some((a) => a.uri === weak.toString()));
    await api.entities.whenIndexed();
    assert.equal(vestbo(weak.toString())?.type, 'place', 'alone in the corpus, Vestbø is guessed a place');
    const alone = await renderOf(api, weak.toString(), () => vscode.commands.executeCommand('annotatedReader.openArticle', weak.toString()));
    assert.deepEqual(alone.highlights, { place: 1 });

    // The other article comes into the corpus while the reader shows this one: the reader draws Vestbø again, as a person.
    const strongFolder = vscode.Uri.joinPath(workspaceFolder(), 'typer-trener');
    created.push(strongFolder);
    const carried = await renderOf(
      api,
      weak.toString(),
      () => moveIn('typer-trener', { 'trener.txt': STRONG }),
      (report) => report.highlights.person === 1,
    );
    assert.deepEqual(carried.highlights, { person: 1 });
    await statusReaches(api, 'ready');
    await api.entities.whenIndexed();
    assert.equal(vestbo(weak.toString())?.type, 'person', 'the API says the type it is shown in');
    assert.equal(api.entities.all().find((entity) => entity.id === 'unknown-vestbo')?.type, 'person', 'the Entities view lists it among people');

    // The article opened as text: its hover says Person.
    const document = await vscode.workspace.openTextDocument(weak);
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('Vestbø') + 1);
    assert.match(await hoverTextAt(weak, position), /\*\*Vestbø\*\* · Person/);

    // Without the strong evidence, the guess is back: in a reader opened on it again.
    await closeAllEditors();
    await deleteIfExists(strongFolder);
    created.splice(created.indexOf(strongFolder), 1);
    await waitFor(api, 'the strong article to leave the corpus', () => !api.corpus.articles().some((a) => a.uri.startsWith(`${strongFolder.toString()}/`)));
    await statusReaches(api, 'ready');
    await api.entities.whenIndexed();
    assert.equal(vestbo(weak.toString())?.type, 'place');
    const again = await renderOf(api, weak.toString(), () => vscode.commands.executeCommand('annotatedReader.openArticle', weak.toString()));
    assert.deepEqual(again.highlights, { place: 1 });
  });
});
