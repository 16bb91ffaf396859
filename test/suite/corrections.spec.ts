import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENTITY_TYPES, ENTITY_TYPE_NAMES, ENTITY_TYPE_PLURALS, type EntityType } from '../../src/core/entities/types';
import { parseArticle } from '../../src/core/parse';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { RenderReport } from '../../src/vscode/reader/readerManager';
import { activateApi, article, closeAllEditors, deleteIfExists, hoverTextAt, renderOf, rowsOf, until, waitFor, workspaceFolder, writeFile } from './helpers';

/**
 * Corrections, in the real extension host: each one is written to the
 * workspace's knowledge base, and an open reader and the editor's hover
 * show it as soon as the command is done (no reload).
 */
describe('Corrections', () => {
  let api: AnnotatedReaderApi;
  const folder = () => vscode.Uri.joinPath(workspaceFolder(), 'corrections-test');
  const knowledgeBase = () => vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader', 'knowledge-base.json');
  const file = (name: string) => vscode.Uri.joinPath(folder(), name);

  const ARTICLES: Record<string, [string, string]> = {
    'kaldheim.txt': ['Ny bru i sentrum', 'Det mener Torvald Kaldheim, som har skrevet til kommunen.\n\n– Brua er for smal, sier Torvald Kaldheim.'],
    'sorvik.txt': ['Sørvik er skeptisk', 'Dette svarer Brynhild Sørvik på kritikken.\n\n– Vi venter, sier Brynhild Sørvik.'],
    'eikrem.txt': ['Eikrem tar over', 'Styret har valgt Gunnvor Eikrem som ny leder.\n\n– Jeg gleder meg, sier Gunnvor Eikrem.'],
    'eikrem-2.txt': ['Ny leder på plass', 'Dette sier Gunvor Eikrem om den nye jobben.'],
  };

  before(async () => {
    api = await activateApi();
    for (const [name, [title, body]] of Object.entries(ARTICLES)) await writeFile(file(name), article('2024-05-02', title, body));
    await waitFor(api, 'the new articles', () => Object.keys(ARTICLES).every((name) => api.corpus.articles().some((a) => a.uri === file(name).toString())));
    await api.entities.whenIndexed();
  });

  afterEach(async () => {
    await closeAllEditors();
    // The next test starts from no corrections: the knowledge bases are read again without them.
    const existed = await Promise.resolve(vscode.workspace.fs.stat(knowledgeBase())).then(
      () => true,
      () => false,
    );
    if (!existed) return;
    const reloaded = new Promise<void>((resolve) => {
      const listener = api.knowledgeBases.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    await deleteIfExists(vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader'));
    await reloaded;
    await api.entities.whenIndexed();
  });

  after(async () => {
    await deleteIfExists(folder());
    await deleteIfExists(vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader'));
  });

  /** The entity the rules found for `name`, as the index has it. */
  async function found(name: string) {
    return until('the rules to find ' + name, () => api.entities.all().find((entity) => entity.name === name && !entity.known), [api.entities.onDidChangeStatus as vscode.Event<unknown>]);
  }

  /** The card the editor's hover shows at the first `text` of a document, as it reads. */
  async function hoverAt(document: vscode.TextDocument, text: string): Promise<string> {
    return hoverTextAt(document.uri, document.positionAt(document.getText().indexOf(text) + 1));
  }

  /** Opens the reader on an article, resolving with its first render. */
  const openReader = (uri: vscode.Uri) => renderOf(api, uri.toString(), () => vscode.commands.executeCommand('annotatedReader.openArticle', uri.toString()));

  /**
   * Accepts the active row of each quick input the correction shows, until
   * `done` (a product event) resolves: an accept sent while none is open
   * does nothing, so it is sent again, paced, until then.
   */
  async function acceptUntil<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    const result = done.finally(() => (finished = true));
    while (!finished) {
      await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 300))]);
      if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    return result;
  }

  const total = (report: RenderReport) => Object.values(report.highlights).reduce((sum, n) => sum + (n ?? 0), 0);
  /** The type a correction picks by accepting the first row offered: the first type other than the current one. */
  const firstOther = (type: EntityType) => ENTITY_TYPES.find((other) => other !== type) as EntityType;

  it('changes a type from the Entities view: the open reader and the editor hover show the new type at once', async () => {
    const before = await found('Torvald Kaldheim');
    const newType = firstOther(before.type);
    const uri = file('kaldheim.txt');
    const shown = await openReader(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(await hoverAt(document, 'Torvald Kaldheim'), new RegExp(`Torvald Kaldheim\\*\\* · ${ENTITY_TYPE_NAMES[before.type]} · not in the knowledge base`));

    // The entity's row in the Entities view: its node is what the context menu passes to the command.
    const group = (await rowsOf(api.views.entities)).find((row) => row.label === ENTITY_TYPE_PLURALS[before.type]);
    assert.ok(group, `the ${before.type} group`);
    const row = (await rowsOf(api.views.entities, group.node)).find((r) => r.label === 'Torvald Kaldheim');
    assert.ok(row, 'Torvald Kaldheim in the Entities view');

    const rendered = renderOf(
      api,
      uri.toString(),
      () => undefined,
      (report) => (report.highlights[newType] ?? 0) === (shown.highlights[newType] ?? 0) + 2 && (report.highlights[before.type] ?? 0) === (shown.highlights[before.type] ?? 0) - 2,
    );
    void rendered.catch(() => undefined); // awaited below; a failure before that is the test's
    // Accepting the one step: the type offered first.
    await acceptUntil(Promise.resolve(vscode.commands.executeCommand('annotatedReader.changeEntityType', row.node)));
    // The command resolves once the knowledge bases are read again: the hover knows at once, with no wait.
    assert.match(await hoverAt(document, 'Torvald Kaldheim'), new RegExp(`Torvald Kaldheim\\*\\* · ${ENTITY_TYPE_NAMES[newType]}\\n`));
    const report = await rendered;
    assert.equal(total(report), total(shown), 'the same names, retyped');

    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(knowledgeBase()))) as { entities: { name: string; type: string }[] };
    assert.deepEqual(written.entities.map((entity) => [entity.name, entity.type]), [['Torvald Kaldheim', newType]]);
    const after = await until('the index to know the corrected entity', () => api.entities.all().find((entity) => entity.name === 'Torvald Kaldheim' && entity.known), [api.entities.onDidChangeStatus as vscode.Event<unknown>]);
    assert.equal(after.type, newType);
  });

  it('marks the name at the editor cursor as not a name: the reader and the hover drop it', async () => {
    await found('Brynhild Sørvik');
    const uri = file('sorvik.txt');
    const shown = await openReader(uri);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
    const at = editor.document.positionAt(editor.document.getText().indexOf('Brynhild Sørvik') + 2);
    editor.selection = new vscode.Selection(at, at);
    assert.match(await hoverAt(editor.document, 'Brynhild Sørvik'), /Brynhild Sørvik\*\*/);

    const rendered = renderOf(api, uri.toString(), () => undefined, (report) => total(report) === total(shown) - 2);
    void rendered.catch(() => undefined); // awaited below; a failure before that is the test's
    await vscode.commands.executeCommand('annotatedReader.markNotAName');
    assert.equal(await hoverAt(editor.document, 'Brynhild Sørvik'), '', 'no card on a text that is not a name');
    await rendered;
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(knowledgeBase()))) as { notNames: string[] };
    assert.deepEqual(written.notNames, ['Brynhild Sørvik']);
  });

  it('corrects a name from the reader\'s card: the message is checked, then the same flow runs', async () => {
    const before = await found('Gunnvor Eikrem');
    const newType = firstOther(before.type);
    const uri = file('eikrem.txt');
    const shown = await openReader(uri);
    const parsed = parseArticle(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    assert.ok(parsed.ok);
    const start = parsed.article.text.indexOf('Gunnvor Eikrem');
    const message = { type: 'webviewDidRequestCorrectName', entityId: before.id, start, end: start + 'Gunnvor Eikrem'.length };

    // A mention the reader does not show is refused, whatever the message claims.
    assert.deepEqual(await api.reader.receive({ ...message, start: start + 1 }), { handled: false, reason: 'Ignored a request to correct a name that is not shown.' });

    const rendered = renderOf(api, uri.toString(), () => undefined, (report) => (report.highlights[newType] ?? 0) === (shown.highlights[newType] ?? 0) + 2);
    assert.deepEqual(await api.reader.receive(message), { handled: true });
    // Correct "Gunnvor Eikrem": the first row is Change Type…, then the type offered first.
    await acceptUntil(rendered);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(await hoverAt(document, 'Gunnvor Eikrem'), new RegExp(`Gunnvor Eikrem\\*\\* · ${ENTITY_TYPE_NAMES[newType]}\\n`));
  });

  it('merges a misspelt name into the entity it names, from the Entities view: both link to one entity at once', async () => {
    const misspelt = await found('Gunvor Eikrem');
    await found('Gunnvor Eikrem');
    const group = (await rowsOf(api.views.entities)).find((row) => row.label === ENTITY_TYPE_PLURALS[misspelt.type]);
    assert.ok(group, `the ${misspelt.type} group`);
    const row = (await rowsOf(api.views.entities, group.node)).find((r) => r.label === 'Gunvor Eikrem');
    assert.ok(row, 'Gunvor Eikrem in the Entities view');
    const document = await vscode.workspace.openTextDocument(file('eikrem-2.txt'));
    // Merge Into…: entities sharing a word with the name are offered first, so the first row is Gunnvor Eikrem.
    await acceptUntil(Promise.resolve(vscode.commands.executeCommand('annotatedReader.mergeEntity', row.node)));
    assert.match(await hoverAt(document, 'Gunvor Eikrem'), /^\*\*Gunnvor Eikrem\*\* · /);
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(knowledgeBase()))) as { entities: { name: string; aliases: string[] }[] };
    assert.deepEqual(written.entities.map((entity) => [entity.name, entity.aliases]), [['Gunnvor Eikrem', ['Gunvor Eikrem']]]);
    const merged = await until('the index to count both spellings as one entity', () => api.entities.all().find((entity) => entity.name === 'Gunnvor Eikrem' && entity.known && entity.articles === 2), [
      api.entities.onDidChangeStatus as vscode.Event<unknown>,
    ]);
    // Both spellings, and the headline's `Eikrem`, which the full name in its article names.
    assert.equal(merged.mentions, 4);
  });
});
