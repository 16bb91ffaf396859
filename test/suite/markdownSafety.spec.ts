import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { renderMarkdown } from '../unit/markdownRender';
import { activateApi, closeAllEditors, deleteIfExists, workspaceFolder, writeFile } from './helpers';

/** A knowledge-base description that tries Markdown, HTML, a command link and a theme icon. */
const HOSTILE = 'Farlig $(zap) [kjør](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `kode` *a* _b_ \\c';

describe('Knowledge-base text in hovers and tooltips', () => {
  let api: AnnotatedReaderApi;
  const file = () => vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader', 'knowledge-base.json');

  before(async () => {
    api = await activateApi();
    const reloaded = new Promise<void>((resolve) => {
      const listener = api.knowledgeBases.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    await writeFile(
      file(),
      JSON.stringify({ entities: [{ id: 'putin-fiendtlig', name: 'Vladimir $(zap) Putin', type: 'person', aliases: ['Vladimir Putin', 'Putin'], description: HOSTILE }] }),
    );
    await reloaded;
  });

  after(async () => {
    await closeAllEditors();
    const reloaded = new Promise<void>((resolve) => {
      const listener = api.knowledgeBases.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    // The file first: its deletion is what the knowledge-base watcher reports.
    await deleteIfExists(file());
    await reloaded;
    await deleteIfExists(vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader'));
  });

  it('shows a description with $(zap), a command link and HTML in the hover card as text', async () => {
    const seed = api.corpus.articles().find((a) => a.title.startsWith('Putin og Macron'));
    assert.ok(seed);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(seed.uri, true));
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('Vladimir Putin') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const card = hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => typeof content !== 'string' && 'isTrusted' in content);
    assert.ok(card, 'a Markdown card');
    assert.equal(card.supportHtml, false);
    const shown = renderMarkdown(card.value, card.supportThemeIcons ?? false);
    assert.ok(shown.text.startsWith('Vladimir $(zap) Putin · Person\n'), shown.text);
    assert.ok(shown.text.includes(`\n${HOSTILE}\n`), shown.text);
    assert.deepEqual(shown.markup, []);
    // The only icons are the card's own, the only links its own commands.
    assert.ok(shown.icons.every((icon) => ['list-tree', 'add', 'graph', 'type-hierarchy', 'quote'].includes(icon)), shown.icons.join(', '));
    assert.ok(shown.links.length > 0 && shown.links.every((link) => /^command:annotatedReader\.(openArticle|showEntity|addToKnowledgeBase|showTimeline|showEntityNetwork|showQuotes)\?/.test(link.target)), JSON.stringify(shown.links));
  });

  it('shows the name and description as text in the Entities view tooltip', async () => {
    const provider = api.views.entities;
    // The entity's row, found by walking the tree (types, then their entities).
    const findTooltip = async (): Promise<vscode.MarkdownString | undefined> => {
      const queue: unknown[] = [...((await provider.getChildren()) ?? [])];
      for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
        const item = await provider.getTreeItem(node);
        if (item.id === 'entity:putin-fiendtlig') return item.tooltip as vscode.MarkdownString;
        if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None && !item.id?.startsWith('entity:')) queue.push(...((await provider.getChildren(node)) ?? []));
      }
      return undefined;
    };
    // The view redraws after the index has taken in the new knowledge base: look again after each redraw
    // (listening before looking, so a redraw in between is not missed).
    let tooltip: vscode.MarkdownString | undefined;
    while (!tooltip) {
      let listener: vscode.Disposable | undefined;
      const redrawn = new Promise<void>((resolve) => (listener = provider.onDidChangeTreeData?.(() => resolve())));
      tooltip = await findTooltip();
      if (!tooltip) await redrawn;
      listener?.dispose();
    }
    const shown = renderMarkdown(tooltip.value, tooltip.supportThemeIcons ?? false);
    assert.ok(shown.text.startsWith('Vladimir $(zap) Putin\nPerson\n'), shown.text);
    assert.ok(shown.text.includes(`\n${HOSTILE}\n`), shown.text);
    assert.deepEqual([shown.icons, shown.links, shown.markup], [[], [], []]);
  });
});
