import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, closeAllEditors, readerTabs, renderOf } from './helpers';

describe('Reader', () => {
  let api: AnnotatedReaderApi;
  const uriOf = (titleStart: string) => {
    const article = api.corpus.articles().find((a) => a.title.startsWith(titleStart));
    assert.ok(article, `no article "${titleStart}…"`);
    return article.uri;
  };

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('annotatedReader.reader').update('openInNewTab', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('opens an article and renders its structure', async () => {
    const uri = uriOf('Putin og Macron');
    const report = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    assert.equal(report.headline, 'Putin og Macron enige om å trappe opp forsøk på diplomatisk løsning');
    assert.deepEqual(
      {
        headline: report.counts.headline,
        lead: report.counts.lead,
        dateline: report.counts.dateline,
        byline: report.counts.byline,
        caption: report.counts.caption,
        subheading: report.counts.subheading,
        quote: report.counts.quote,
      },
      { headline: 1, lead: 1, dateline: 1, byline: 1, caption: 2, subheading: 4, quote: 3 },
    );
    assert.equal(readerTabs().length, 1);
    assert.equal(readerTabs()[0].label, 'Putin og Macron enige om å trappe opp forsøk på…');
    // The gold list counts 28 people, 15 organisations and 42 places in this article.
    assert.deepEqual(report.highlights, { person: 28, organization: 15, place: 42 });
  });

  it('renders captions with their credits, the info box, and a repeated paragraph once', async () => {
    const credits = await renderOf(api, uriOf('Biden fremskynder'), () => vscode.commands.executeCommand('annotatedReader.openArticle', uriOf('Biden fremskynder')));
    assert.equal(credits.counts.caption, 5);
    assert.equal(credits.counts.credit, 5);
    const infobox = await renderOf(api, uriOf('Macron til Putin'), () => vscode.commands.executeCommand('annotatedReader.openArticle', uriOf('Macron til Putin')));
    assert.equal(infobox.counts.infobox, 1);
    assert.equal(infobox.counts.infoboxParagraph, 5);
    assert.equal(infobox.counts.published, 1);
    assert.equal(infobox.counts.duplicate, undefined, 'the repeated paragraph is not rendered');
  });

  it('labels each quote with its speaker, in text order, and the setting hides the labels without losing them', async () => {
    const uri = uriOf('Intenst diplomati');
    const report = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    const speakers = report.speakers.map((s) => s.speaker);
    assert.ok(speakers.length >= 5, JSON.stringify(report.speakers));
    // `– Jeg har i dag invitert …, sa Natos generalsekretær i Berlin` and `– Men vi vil ikke …, la han til.`
    assert.ok(speakers.filter((s) => s === 'Jens Stoltenberg').length >= 3, JSON.stringify(report.speakers));
    assert.ok(report.speakers.some((s) => s.kind === 'reported') && report.speakers.some((s) => s.kind === 'direct'));
    // The labels are drawn whatever the setting (it hides them in the stylesheet), so a reader drawn again reports the same.
    await vscode.workspace.getConfiguration('annotatedReader.reader').update('showSpeakers', false, vscode.ConfigurationTarget.Workspace);
    try {
      await closeAllEditors();
      const again = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
      assert.deepEqual(again.speakers, report.speakers);
    } finally {
      await vscode.workspace.getConfiguration('annotatedReader.reader').update('showSpeakers', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reuses one reader tab by default', async () => {
    await renderOf(api, uriOf('Putin og Macron'), () => vscode.commands.executeCommand('annotatedReader.openArticle', uriOf('Putin og Macron')));
    await renderOf(api, uriOf('Intenst diplomati'), () => vscode.commands.executeCommand('annotatedReader.openArticle', uriOf('Intenst diplomati')));
    assert.equal(readerTabs().length, 1);
  });

  it('opens each article in its own tab when the setting says so', async () => {
    await vscode.workspace.getConfiguration('annotatedReader.reader').update('openInNewTab', true, vscode.ConfigurationTarget.Workspace);
    await renderOf(api, uriOf('Putin og Macron'), () => vscode.commands.executeCommand('annotatedReader.openArticle', uriOf('Putin og Macron')));
    await renderOf(api, uriOf('Intenst diplomati'), () => vscode.commands.executeCommand('annotatedReader.openArticle', uriOf('Intenst diplomati')));
    assert.equal(readerTabs().length, 2);
  });

  it('moves to the next and previous article in tree order', async () => {
    const articles = api.corpus.articles();
    await renderOf(api, articles[0].uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', articles[0].uri));
    const next = await renderOf(api, articles[1].uri, () => vscode.commands.executeCommand('annotatedReader.nextArticle'));
    assert.equal(next.headline, articles[1].title);
    const back = await renderOf(api, articles[0].uri, () => vscode.commands.executeCommand('annotatedReader.previousArticle'));
    assert.equal(back.headline, articles[0].title);
  });

  it('opens the source text of the article it shows', async () => {
    const uri = uriOf('Macron til Putin');
    await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
    await vscode.commands.executeCommand('annotatedReader.openSource');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri);
    assert.ok(editor?.document.getText().startsWith(' date 2022-02 STANS:'));
  });

  it('reads articles on other file systems through workspace.fs', async () => {
    const scheme = 'annotated-reader-test';
    const text = new TextEncoder().encode(' date 2024-06 Sak fra et annet filsystem\n\nTekst her.\n');
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: () => ({ type: vscode.FileType.File, ctime: 0, mtime: 0, size: text.length }),
      readDirectory: () => [],
      createDirectory: () => undefined,
      readFile: () => text,
      writeFile: () => undefined,
      delete: () => undefined,
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider(scheme, provider, { isReadonly: true });
    try {
      // The extension only opens URIs of file systems VS Code knows; it learns of a new one asynchronously,
      // and VS Code has no event for it: looked at again until it does (the test's own limit ends a stuck run).
      while (vscode.workspace.fs.isWritableFileSystem(scheme) === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      const uri = vscode.Uri.from({ scheme, path: '/sak.txt' }).toString();
      const report = await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri));
      assert.equal(report.headline, 'Sak fra et annet filsystem');
    } finally {
      registration.dispose();
    }
  });

  it('refuses to open a URI that is not a file', async () => {
    let rendered = false;
    const listener = api.reader.onDidRender(() => (rendered = true));
    try {
      await vscode.commands.executeCommand('annotatedReader.openArticle', 'https://example.com/sak.txt');
      await vscode.commands.executeCommand('annotatedReader.openSource', 'command:workbench.action.terminal.new');
      assert.equal(readerTabs().length, 0);
      assert.equal(rendered, false);
      assert.equal(vscode.window.terminals.length, 0);
    } finally {
      listener.dispose();
    }
  });
});
