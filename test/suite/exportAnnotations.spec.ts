import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { describeRange } from '../../src/core/annotations/anchoring';
import { toW3c } from '../../src/core/annotations/export';
import { createAnnotation, textHash } from '../../src/core/annotations/model';
import { parseArticle } from '../../src/core/parse';
import { AnnotationCommandId } from '../../src/vscode/constants';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, closeAllEditors, writeFile } from './helpers';

type Window = typeof vscode.window;

/**
 * Stands in for the user at the dialogs Export Annotations shows (they are
 * the workbench's and cannot be answered from the extension host): the
 * extension and this test share one `vscode` API object, so its window
 * functions can be replaced for the length of `body`.
 */
async function withDialogs<T>(replacements: Partial<Record<'showQuickPick' | 'showSaveDialog' | 'showInformationMessage', unknown>>, body: () => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = Object.fromEntries(Object.keys(replacements).map((name) => [name, window[name]]));
  Object.assign(window, replacements);
  try {
    return await body();
  } finally {
    Object.assign(window, originals);
  }
}

describe('Export Annotations', () => {
  let api: AnnotatedReaderApi;
  let annotationsFile: vscode.Uri;
  let before_: Uint8Array | undefined;
  const exportsFolder = mkdtempSync(join(tmpdir(), 'annotated-reader-exports-'));
  const id = 'urn:uuid:7f1e0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

  before(async () => {
    api = await activateApi();
    await api.annotations.whenLoaded();
    annotationsFile = vscode.Uri.parse(api.annotations.file() ?? '', true);
    before_ = await Promise.resolve(vscode.workspace.fs.readFile(annotationsFile)).catch(() => undefined);
    // One annotation on a sample article, brought in as a colleague's file would be.
    const seed = api.corpus.articles().find((a) => a.origin === 'sample');
    assert.ok(seed, 'a sample article');
    const parsed = parseArticle(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(seed.uri, true))));
    assert.ok(parsed.ok);
    const text = parsed.article.text;
    const annotation = createAnnotation({ id, now: new Date(), source: seed.uri, textHash: textHash(text), selectors: describeRange(text, 0, 12), content: { note: 'Til eksport.', tags: [], colour: 'Key claim' } });
    const incoming = vscode.Uri.file(join(exportsFolder, 'incoming.jsonld'));
    await writeFile(incoming, toW3c([annotation]));
    const changed = new Promise<void>((resolve) => {
      const listener = api.annotations.onDidChange(() => {
        if (!api.annotations.all().some((a) => a.id === id)) return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand(AnnotationCommandId.Import, incoming);
    if (!api.annotations.all().some((a) => a.id === id)) await changed;
    await closeAllEditors();
  });

  after(async () => {
    await closeAllEditors();
    // The annotations file as it was before.
    if (before_) await vscode.workspace.fs.writeFile(annotationsFile, before_);
    else await Promise.resolve(vscode.workspace.fs.delete(annotationsFile)).catch(() => undefined);
    await api.annotations.reload();
    rmSync(exportsFolder, { recursive: true, force: true });
  });

  it('suggests a place outside the corpus, says which file it wrote with an Open action, and remembers the folder', async () => {
    const dialogs: vscode.SaveDialogOptions[] = [];
    const messages: { message: string; actions: string[] }[] = [];
    const targets = [vscode.Uri.file(join(exportsFolder, 'first', 'mine.md')), vscode.Uri.file(join(exportsFolder, 'second.md'))];
    const exportOnce = (target: vscode.Uri, answer: string | undefined) =>
      withDialogs(
        {
          showQuickPick: (async (items: readonly vscode.QuickPickItem[]) => (await items).find((item) => item.label === 'Markdown' || item.label === 'All Articles')) as unknown as Window['showQuickPick'],
          showSaveDialog: (async (options: vscode.SaveDialogOptions) => {
            dialogs.push(options);
            return target;
          }) as Window['showSaveDialog'],
          showInformationMessage: (async (message: string, ...actions: string[]) => {
            messages.push({ message, actions });
            return message.startsWith('Exported') ? answer : undefined;
          }) as unknown as Window['showInformationMessage'],
        },
        () => Promise.resolve(vscode.commands.executeCommand(AnnotationCommandId.Export)),
      );

    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const listener = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.fsPath !== targets[0].fsPath) return;
        listener.dispose();
        resolve(editor);
      });
    });
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(join(exportsFolder, 'first')));
    await exportOnce(targets[0], 'Open');

    const [first] = dialogs;
    assert.ok(first?.defaultUri, 'the save dialog is given a place to start');
    // Nothing exported before in this profile: the home folder, not the workspace (the corpus).
    assert.equal(first.defaultUri.fsPath, join(homedir(), 'annotations.md'));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      assert.ok(!first.defaultUri.fsPath.startsWith(`${folder.uri.fsPath}/`), `${first.defaultUri.fsPath} is not in the workspace`);
    }
    const confirmation = messages.find((m) => m.message.startsWith('Exported'));
    assert.ok(confirmation, `a confirmation: ${JSON.stringify(messages)}`);
    assert.match(confirmation.message, new RegExp(`^Exported [\\d,]+ annotations? to mine\\.md in ${join(exportsFolder, 'first').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`));
    assert.equal(confirmation.actions[0], 'Open');
    // Reveal in the system's file manager only where the window can open one (not in a browser).
    if (vscode.env.uiKind === vscode.UIKind.Web || vscode.env.remoteName) assert.deepEqual(confirmation.actions, ['Open']);
    const exported = new TextDecoder().decode(await vscode.workspace.fs.readFile(targets[0]));
    assert.match(exported, /Til eksport\./);
    // Open opens the exported file.
    await opened;

    // The next export starts where this one went.
    await exportOnce(targets[1], undefined);
    assert.equal(dialogs[1]?.defaultUri?.fsPath, join(exportsFolder, 'first', 'annotations.md'));
  });
});
