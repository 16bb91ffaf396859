import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, closeAllEditors, deleteIfExists, nextReveal, type Row, rowsOf, until, waitFor, workspaceFolder, writeFile } from './helpers';

/** The corpus's articles whose text names Putin, counted from the files themselves (not from the index). */
async function articlesNamingPutin(api: AnnotatedReaderApi): Promise<number> {
  let count = 0;
  for (const article of api.corpus.articles()) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(article.uri, true)));
    // The body, after the header line: Putin, Putins, PUTIN in a credit.
    if (/(?<![\p{L}])(?:Putin|PUTIN)(?:s|'s)?(?![\p{L}])/u.test(text.slice(text.indexOf('\n')))) count++;
  }
  return count;
}

describe('The Entities view', () => {
  let api: AnnotatedReaderApi;

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  after(closeAllEditors);

  const rows = (parent?: unknown) => rowsOf(api.views.entities, parent);

  /**
   * Vladimir Putin's row. The view redraws a moment after the index changes
   * (an earlier test's files came and went), so it is looked for again each
   * time the view reports a redraw.
   */
  async function putinRow(): Promise<Row> {
    return until(
      'Vladimir Putin under People',
      async () => {
        const people = (await rows()).find((row) => row.label === 'People');
        return people && (await rows(people.node)).find((row) => row.label === 'Vladimir Putin');
      },
      [viewChanged()],
    );
  }

  const viewChanged = () => api.views.entities.onDidChangeTreeData as vscode.Event<unknown>;

  it('groups names by type, the types in a fixed order', async () => {
    const labels = (await rows()).map((row) => row.label);
    assert.deepEqual(labels.slice(0, 3), ['People', 'Organisations', 'Places']);
  });

  it('lists Vladimir Putin under People with the number of articles that name him', async () => {
    const expected = await articlesNamingPutin(api);
    assert.ok(expected >= 4, `Putin is named in ${expected} sample articles`);
    const putin = await putinRow();
    assert.match(String(putin.item.description), new RegExp(`^${expected} articles · \\d+ mentions$`));
  });

  it('sorts each type by how many articles mention the entity', async () => {
    for (const group of await rows()) {
      const counts = (await rows(group.node)).map((row) => Number(/^(\d+)/.exec(String(row.item.description))?.[1] ?? -1)).filter((n) => n >= 0);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `${group.label} sorted`);
    }
  });

  it("expands into a concordance whose lines open the reader at the mention", async () => {
    const lines = await rows((await putinRow()).node);
    assert.ok(lines.length >= 4, `${lines.length} concordance lines`);
    for (const line of lines) {
      const label = line.item.label as vscode.TreeItemLabel;
      const [[from, to]] = label.highlights ?? [[0, 0]];
      assert.match(label.label.slice(from, to), /^(?:Vladimir Putin|Putin|PUTIN)s?$/u, label.label);
    }
    const command = lines[1].item.command;
    assert.ok(command);
    const [uri, range] = command.arguments as [string, { start: number; end: number }];
    const revealed = nextReveal(api, 'the mention', uri);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const report = await revealed;
    assert.deepEqual(report.range, range);
    assert.equal(report.entityId, 'vladimir-putin');
  });
});

describe('Corpus-wide entity features in article files opened as text', () => {
  let api: AnnotatedReaderApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
    const seed = api.corpus.articles().find((a) => a.title.startsWith('Putin og Macron'));
    assert.ok(seed);
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(seed.uri, true));
    await vscode.window.showTextDocument(document);
  });

  after(closeAllEditors);

  const at = (text: string) => document.positionAt(document.getText().indexOf(text) + 1);

  it('adds the corpus counts and links to the other articles to the hover card', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('Vladimir Putin'));
    const markdown = hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => typeof content !== 'string' && 'isTrusted' in content);
    assert.ok(markdown, 'a Markdown card');
    const text = markdown.value.replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
    const expected = await articlesNamingPutin(api);
    assert.match(text, new RegExp(`${expected} articles, \\d+ mentions in the corpus`));
    const links = [...text.matchAll(/\(command:annotatedReader\.openArticle\?([^ )]+)/g)].map((m) => JSON.parse(decodeURIComponent(m[1])) as [string, unknown]);
    assert.equal(links.length, Math.min(5, expected - 1));
    assert.ok(links.every(([uri]) => uri !== document.uri.toString()), 'links go to other articles');
    assert.deepEqual(markdown.isTrusted, {
      enabledCommands: ['annotatedReader.openArticle', 'annotatedReader.showEntity', 'annotatedReader.addToKnowledgeBase', 'annotatedReader.showTimeline', 'annotatedReader.showEntityNetwork', 'annotatedReader.showQuotes'],
    });
  });

  it('goes to the definition: the first mention in the oldest article that names the entity', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, at('Vladimir Putin'));
    assert.equal(locations.length, 1);
    const location = locations[0] as vscode.Location;
    const target = await vscode.workspace.openTextDocument(location.uri);
    assert.match(target.getText(location.range), /^(?:Vladimir Putin|Putin|PUTIN)s?$/u);
    // Tree order is newest first: the oldest article naming Putin is the last of them.
    const naming: string[] = [];
    for (const article of api.corpus.articles()) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(article.uri, true)));
      if (/Putin|PUTIN/.test(text.slice(text.indexOf('\n')))) naming.push(article.uri);
    }
    assert.equal(location.uri.toString(), naming.at(-1));
  });
});

describe('Add to Knowledge Base', () => {
  let api: AnnotatedReaderApi;
  const folder = () => vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader');

  const article = () => vscode.Uri.joinPath(workspaceFolder(), 'kb-test', 'nordstrand.txt');

  before(async () => {
    api = await activateApi();
    // A name no knowledge base knows, so the rules find it.
    await writeFile(article(), ' date 2022-03 Forskere advarer\n\nForsker Ingrid Nordstrand ved Universitetet i Tromsø advarer mot optimisme.\n\n– Det er for tidlig, sier Ingrid Nordstrand.\n');
    await waitFor(api, 'the new article', () => api.corpus.articles().some((a) => a.uri === article().toString()));
    await api.entities.whenIndexed();
  });

  after(async () => {
    await deleteIfExists(folder());
    await deleteIfExists(vscode.Uri.joinPath(workspaceFolder(), 'kb-test'));
    await closeAllEditors();
  });

  /**
   * Accepts each step the command shows (a pick, then input boxes) until it
   * finishes: an accept sent while no quick input is open does nothing, so
   * it is sent again, paced, until the command reports it is done. A slow
   * workbench costs more rounds, never a failure; the limit is the test's.
   */
  async function acceptAllSteps(command: Thenable<unknown>): Promise<void> {
    let finished = false;
    const done = Promise.resolve(command).finally(() => (finished = true));
    while (!finished) {
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 300))]);
      if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await done;
  }

  it('writes a new entity to the workspace knowledge base, and the name is known from then on', async () => {
    const before = api.entities.all().find((entity) => entity.name === 'Ingrid Nordstrand');
    assert.ok(before, 'Ingrid Nordstrand, found by the rules');
    assert.equal(before.known, false);
    assert.equal(before.type, 'person');
    // Accepting every step: New entity "Ingrid Nordstrand"…, the type the rules gave (offered first),
    // the canonical name as found, no description.
    await acceptAllSteps(vscode.commands.executeCommand('annotatedReader.addToKnowledgeBase', { text: 'Ingrid Nordstrand', entityId: before.id }));
    const file = vscode.Uri.joinPath(folder(), 'knowledge-base.json');
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { entities: { id: string; name: string; type: string }[] };
    assert.deepEqual(written.entities.map((entity) => [entity.id, entity.name, entity.type]), [['ingrid-nordstrand', 'Ingrid Nordstrand', 'person']]);
    // The knowledge base is read again, the corpus indexed again, and the Entities view redrawn: checked at each redraw.
    const after = await until(
      'the index to know the new entity',
      () => api.entities.all().find((entity) => entity.id === 'ingrid-nordstrand'),
      [api.views.entities.onDidChangeTreeData as vscode.Event<unknown>],
    );
    assert.equal(after.known, true);
  });
});
