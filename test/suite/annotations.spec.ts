import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseArticle } from '../../src/core/parse';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { RenderReport } from '../../src/vscode/reader/readerManager';
import { activateApi, closeAllEditors, deleteIfExists, nextReveal, renderOf, rowsOf, waitFor, whenAnnotations, workspaceFolder, writeFile } from './helpers';

/** A sample article copied into the workspace, so that the test can edit it. */
const SEED = '002_debcdf1280f749c5.txt';
const PHRASE = 'samtalene som nå pågår i Kreml';

describe('Annotations', () => {
  let api: AnnotatedReaderApi;
  let folder: vscode.Uri;
  let article: vscode.Uri;
  let annotationsFile: vscode.Uri;
  let original: string;

  /** The article text (after the header) of the file now, and the offsets of the phrase in it. */
  function phraseIn(fileText: string): { start: number; end: number } {
    const parsed = parseArticle(fileText);
    assert.ok(parsed.ok, 'the copied article parses');
    const start = parsed.article.text.indexOf(PHRASE);
    assert.ok(start >= 0, 'the phrase is in the article');
    return { start, end: start + PHRASE.length };
  }

  /** The next render report of the test article that satisfies `condition`, listening before `action`. */
  const renderWhere = (action: () => unknown, condition: (report: RenderReport) => boolean, what: string) =>
    renderOf(api, article.toString(), action, condition).catch((error: Error) => {
      throw new Error(`${what}: ${error.message}`);
    });

  const rows = (parent?: unknown) => rowsOf(api.views.annotations, parent);


  before(async () => {
    api = await activateApi();
    folder = vscode.Uri.joinPath(workspaceFolder(), 'annotated');
    article = vscode.Uri.joinPath(folder, 'kreml.txt');
    original = readFileSync(join(__dirname, '..', '..', '..', 'seeds', SEED), 'utf8');
    await writeFile(article, original);
    await waitFor(api, 'the copied article in the corpus', () => api.corpus.articles().some((a) => a.uri === article.toString()));
    await api.annotations.whenLoaded();
    const file = api.annotations.file();
    assert.ok(file, 'an annotations file');
    annotationsFile = vscode.Uri.parse(file, true);
    assert.equal(annotationsFile.toString(), vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader', 'annotations.json').toString());
  });

  after(async () => {
    await closeAllEditors();
    await deleteIfExists(folder);
    await deleteIfExists(vscode.Uri.joinPath(workspaceFolder(), '.annotated-reader'));
    await api.annotations.reload();
    await waitFor(api, 'the copied article gone from the corpus', () => !api.corpus.articles().some((a) => a.uri === article.toString()));
  });

  it('creates an annotation from the reader, shows it in the Annotations view and as a comment thread, and keeps it on its words after an edit and a reload', async () => {
    const opened = await renderWhere(() => vscode.commands.executeCommand('annotatedReader.openArticle', article.toString()), () => true, 'the article');
    assert.deepEqual(opened.annotations, []);

    // The reader's selection toolbar sends this message when text is selected and a colour chosen.
    const { start, end } = phraseIn(original);
    const created = await renderWhere(
      () =>
        api.reader.receive({
          type: 'webviewDidRequestCreateAnnotation',
          uri: article.toString(),
          start,
          end,
          colour: 'Question',
          note: 'Hvem sitter i *disse* samtalene?',
          tags: ['kilder', 'Kreml'],
        }),
      (report) => report.annotations.length === 1,
      'the new annotation',
    );
    assert.equal(created.annotations[0].text, PHRASE, 'the reader highlights exactly the selected words');

    // Saved as a W3C Web Annotation in the workspace's file (the save was queued when the reader was told).
    await api.annotations.whenSaved();
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(annotationsFile)));
    assert.equal(saved.type, 'AnnotationCollection');
    assert.equal(saved.items.length, 1);
    const [quote, position] = saved.items[0].target.selector;
    assert.equal(saved.items[0].target.source, 'annotated/kreml.txt');
    assert.deepEqual({ type: quote.type, exact: quote.exact }, { type: 'TextQuoteSelector', exact: PHRASE });
    assert.equal(quote.prefix.length, 32);
    assert.equal(position.type, 'TextPositionSelector');
    const id = saved.items[0].id as string;
    assert.match(id, /^urn:uuid:[0-9a-f-]{36}$/);

    // The Annotations view: the article, then the quote with the start of the note.
    const groups = await whenAnnotations(api, 'the article in the Annotations view', async () => {
      const found = await rows();
      return found.length > 0 && found;
    });
    assert.equal(groups.length, 1);
    assert.equal(groups[0].label, api.corpus.articles().find((a) => a.uri === article.toString())?.title);
    const [entry] = await rows(groups[0].node);
    assert.equal(entry.label, PHRASE);
    assert.equal(entry.item.description, 'Hvem sitter i disse samtalene?', 'the start of the note, as it reads');
    assert.deepEqual(entry.item.command?.arguments, [id]);

    // A comment thread on the text file, on the same words.
    const document = await vscode.workspace.openTextDocument(article);
    // Beside the reader, as Open Source Text does: the reader stays visible.
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    const [thread] = await whenAnnotations(api, 'a comment thread on the article file', () => {
      const threads = api.annotations.threads(article.toString());
      return threads.length > 0 && threads;
    });
    assert.equal(thread.annotationId, id);
    assert.equal(document.getText(thread.range), PHRASE);
    assert.deepEqual(thread.comments, ['Hvem sitter i *disse* samtalene?']);

    // Edited in the reader: the thread follows.
    assert.deepEqual(await api.reader.receive({ type: 'webviewDidRequestEditAnnotation', id, colour: 'Evidence', note: 'Forhandlingene i Moskva.', tags: [] }), { handled: true });
    await whenAnnotations(api, 'the edited note in the comment thread', () => api.annotations.threads(article.toString())[0]?.comments[0] === 'Forhandlingene i Moskva.');

    // Someone edits the article: a new paragraph before the annotated words, and a word changed after them.
    const edited = original.replace(/\n\n/, '\n\nEt nytt avsnitt, skrevet inn senere, skyver resten av teksten nedover.\n\n').replace(/ skal gi resultater\./, ' skal gi gode resultater.');
    assert.notEqual(phraseIn(edited).start, start, 'the edit moves the words');
    const shifted = await renderWhere(() => writeFile(article, edited), (report) => report.annotations.length === 1, 'the edited article');
    assert.equal(shifted.annotations[0].text, PHRASE, 'still on the same words after the edit');

    // The comment thread moved with its words.
    await whenAnnotations(api, 'the thread on the moved words', () => {
      const [moved] = api.annotations.threads(article.toString());
      return moved && document.getText(moved.range) === PHRASE && moved.range.start.line > thread.range.start.line;
    });

    // A reload: every editor closed and the annotations file read afresh, as in a new window.
    await closeAllEditors();
    await api.annotations.whenSaved();
    await api.annotations.reload();
    assert.equal(api.annotations.all().length, 1);
    // Opened from the Annotations view, the reader draws it on the moved words and brings them into view.
    const moved = phraseIn(edited);
    const revealed = nextReveal(api, 'the annotation', article.toString());
    const reloaded = await renderWhere(
      () => vscode.commands.executeCommand('annotatedReader.openAnnotation', id),
      (report) => report.annotations.length === 1,
      'the article opened at the annotation',
    );
    assert.equal(reloaded.annotations[0].text, PHRASE);
    assert.deepEqual((await revealed).range, moved);
  });

  it('takes replies and edits made in the text editor’s comment thread, and the reader follows', async () => {
    const [annotation] = api.annotations.all();
    assert.ok(annotation, 'the annotation from the first test');
    const document = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    const [info] = await whenAnnotations(api, 'the thread', () => {
      const threads = api.annotations.threads(article.toString());
      return threads.length > 0 && threads;
    });
    // The thread's Reply button.
    await vscode.commands.executeCommand('annotatedReader.comments.reply', { thread: info.thread, text: 'Kilde: Élysée-palasset.' });
    const replied = api.annotations.all()[0];
    assert.deepEqual(
      replied.body.filter((body) => body.purpose === 'replying').map((body) => body.value),
      ['Kilde: Élysée-palasset.'],
    );
    await whenAnnotations(api, 'the reply in the thread', () => api.annotations.threads(article.toString())[0]?.comments.length === 2);

    // Edit the note there: the pencil, new text, Save.
    const [note] = api.annotations.threads(article.toString())[0].thread.comments;
    await vscode.commands.executeCommand('annotatedReader.comments.edit', note);
    assert.equal(note.mode, vscode.CommentMode.Editing);
    (note as { body: string | vscode.MarkdownString }).body = 'Forhandlingene i **Moskva**, sa Macron.';
    const rendered = await renderWhere(
      () => vscode.commands.executeCommand('annotatedReader.comments.save', note),
      () => true,
      'the article after the note was edited in the editor',
    );
    assert.equal(rendered.annotations[0].text, PHRASE);
    const edited = api.annotations.all()[0];
    assert.equal(edited.body.find((body) => body.purpose === 'commenting')?.value, 'Forhandlingene i **Moskva**, sa Macron.');
    assert.equal(edited.body.filter((body) => body.purpose === 'replying').length, 1, 'the reply is kept');
    // A new thread (the gutter's +) on the header line's date is refused; on the text it becomes an annotation.
    const before = api.annotations.all().length;
    const newThread = (range: vscode.Range) => ({ uri: article, range, comments: [], dispose: () => undefined });
    await vscode.commands.executeCommand('annotatedReader.comments.create', { thread: newThread(new vscode.Range(0, 1, 0, 13)), text: 'Datoen' });
    assert.equal(api.annotations.all().length, before, 'nothing made of the header');
    const line = document.lineAt(2).range; // a paragraph of the text
    await vscode.commands.executeCommand('annotatedReader.comments.create', { thread: newThread(line), text: 'Overskriften' });
    assert.equal(api.annotations.all().length, before + 1);
    const made = api.annotations.all().find((a) => a.body.some((body) => body.value === 'Overskriften'));
    assert.equal(made?.target.selector[0].exact, document.getText(line).trim());
    assert.deepEqual(await api.reader.receive({ type: 'webviewDidRequestDeleteAnnotation', id: made?.id }), { handled: true });
    assert.equal(api.annotations.all().length, before, 'the paragraph annotation deleted');

    // Close the text editor; the reader stays for the next test.
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === article.toString());
    if (tab) await vscode.window.tabGroups.close(tab);
  });

  it('deletes an annotation from the reader and puts it back on undo', async () => {
    const [annotation] = api.annotations.all();
    assert.ok(annotation, 'the annotation from the first test');
    const deleted = await renderWhere(
      () => api.reader.receive({ type: 'webviewDidRequestDeleteAnnotation', id: annotation.id }),
      (report) => report.annotations.length === 0,
      'the article without the annotation',
    );
    assert.deepEqual(deleted.annotations, []);
    assert.equal(api.annotations.all().length, 0);
    const restored = await renderWhere(
      () => api.reader.receive({ type: 'webviewDidRequestRestoreAnnotation', id: annotation.id }),
      (report) => report.annotations.length === 1,
      'the annotation back',
    );
    assert.equal(restored.annotations[0].text, PHRASE);
    assert.deepEqual(api.annotations.all()[0], annotation, 'put back as it was');
  });

  it('ignores a request to annotate text of an article the reader does not show', async () => {
    // The reader reports what it did with each message: these it refuses, saying why.
    const elsewhere = await api.reader.receive({ type: 'webviewDidRequestCreateAnnotation', uri: 'file:///etc/passwd', start: 0, end: 4, colour: 'Question', note: '', tags: [] });
    const pastTheEnd = await api.reader.receive({ type: 'webviewDidRequestCreateAnnotation', uri: article.toString(), start: 0, end: 10_000_000, colour: 'Question', note: '', tags: [] });
    const refused = { handled: false, reason: 'Ignored a request to annotate text that is not shown.' };
    assert.deepEqual([elsewhere, pastTheEnd], [refused, refused]);
    assert.equal(api.annotations.all().length, 1);
  });

  it('keeps an annotation whose words are deleted, listed as not found, and places it again when they come back', async () => {
    const [annotation] = api.annotations.all();
    assert.ok(annotation, 'the annotation from the first test');
    const current = new TextDecoder().decode(await vscode.workspace.fs.readFile(article));
    const gone = await renderWhere(() => writeFile(article, current.replace(PHRASE, 'forhandlingene')), (report) => report.annotations.length === 0, 'the article without the words');
    assert.deepEqual(gone.annotations, []);
    const orphans = await whenAnnotations(api, 'the Not found group', async () => (await rows()).find((row) => row.label === 'Not found in their articles'));
    const [orphan] = await rows(orphans.node);
    assert.equal(orphan.label, PHRASE, 'it keeps its quote');
    assert.equal(orphan.item.contextValue, 'annotation.orphan');
    assert.equal(api.annotations.all().length, 1, 'not dropped');
    const back = await renderWhere(() => writeFile(article, current), (report) => report.annotations.length === 1, 'the words back');
    assert.equal(back.annotations[0].text, PHRASE);
  });

  it('imports annotations from another workspace, finding their article by file name', async () => {
    const { start, end } = phraseIn(new TextDecoder().decode(await vscode.workspace.fs.readFile(article)));
    const text = (() => {
      const parsed = parseArticle(new TextDecoder().decode(readFileSync(article.fsPath)));
      assert.ok(parsed.ok);
      return parsed.article.text;
    })();
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      items: [
        {
          id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          type: 'Annotation',
          motivation: 'commenting',
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-01-01T00:00:00.000Z',
          // A single body, as the standard allows, and a source relative to the other workspace.
          body: { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Fra en kollega.' },
          target: {
            source: 'elsewhere/corpus/kreml.txt',
            textHash: 'fnv1a:00000000',
            selector: [
              { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) },
              { type: 'TextPositionSelector', start: 0, end: 0 },
            ],
          },
        },
      ],
    };
    const file = vscode.Uri.joinPath(folder, 'colleague.jsonld');
    await writeFile(file, JSON.stringify(foreign));
    // The reader showing the article draws the imported annotation beside the one already there, on the same words.
    const drawn = await renderWhere(
      () => vscode.commands.executeCommand('annotatedReader.importAnnotations', file),
      (report) => report.annotations.length === 2,
      'the imported annotation in the reader',
    );
    assert.deepEqual(
      drawn.annotations.map((a) => a.text),
      [PHRASE, PHRASE],
    );
    const imported = api.annotations.all().find((a) => a.id === foreign.items[0].id);
    assert.ok(imported, 'imported');
    assert.equal(imported.target.source, 'annotated/kreml.txt', 'named as this workspace names the article');
    assert.deepEqual(await api.reader.receive({ type: 'webviewDidRequestDeleteAnnotation', id: imported.id }), { handled: true });
    assert.equal(api.annotations.all().length, 1, 'the imported annotation deleted');
  });

  it('keeps every annotation when CLI imports save into the file this window has open, while it saves too', async () => {
    await api.annotations.whenSaved();
    // The reader shows the article (its messages make this window's notes), freshly opened.
    await closeAllEditors();
    await renderWhere(() => vscode.commands.executeCommand('annotatedReader.openArticle', article.toString()), () => true, 'the article');
    // None yet when this test runs alone.
    const before = await Promise.resolve(vscode.workspace.fs.readFile(annotationsFile)).catch(() => new TextEncoder().encode(''));
    const countBefore = api.annotations.all().length;
    const fileText = new TextDecoder().decode(await vscode.workspace.fs.readFile(article));
    const { start, end } = phraseIn(fileText);
    const parsed = parseArticle(fileText);
    assert.ok(parsed.ok);
    const text = parsed.article.text;
    const quote = { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) };
    const imported: string[] = [];
    const files: vscode.Uri[] = [];
    for (let p = 0; p < 4; p++) {
      const items = Array.from({ length: 5 }, (_, n) => ({
        id: `urn:uuid:00000000-0000-4000-8000-0000000010${p}${n}`,
        type: 'Annotation',
        motivation: 'highlighting',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
        body: [],
        target: { source: 'annotated/kreml.txt', textHash: 'fnv1a:00000000', selector: [quote, { type: 'TextPositionSelector', start, end }] },
      }));
      imported.push(...items.map((item) => item.id));
      const file = vscode.Uri.joinPath(folder, `import-${p}.json`);
      await writeFile(file, JSON.stringify({ type: 'AnnotationCollection', items }));
      files.push(file);
    }
    const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    // The extension host may be Electron: run its binary as plain Node.
    const runs = files.map(async (file) => {
      const child = spawn(process.execPath, [cli, 'annotations', 'import', file.fsPath, '--into', annotationsFile.fsPath], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const [code] = (await once(child, 'close')) as [number | null];
      return { code, err };
    });
    // Meanwhile this window makes notes of its own.
    const mine = Array.from({ length: 5 }, (_, i) => `Fra dette vinduet ${i}`);
    for (const note of mine) api.reader.receive({ type: 'webviewDidRequestCreateAnnotation', uri: article.toString(), start, end, colour: 'Question', note, tags: [] });
    for (const { code, err } of await Promise.all(runs)) assert.equal(code, 0, `an import failed: ${err}`);
    const notes = () => api.annotations.all().flatMap((a) => a.body.filter((body) => body.purpose === 'commenting').map((body) => body.value));
    await whenAnnotations(api, 'every imported annotation and every note of this window', () => imported.every((id) => api.annotations.all().some((a) => a.id === id)) && mine.every((note) => notes().includes(note)));
    await api.annotations.whenSaved();
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(annotationsFile));
    for (const id of imported) assert.ok(written.includes(id), `${id} is in the file`);
    for (const note of mine) assert.ok(written.includes(note), `"${note}" is in the file`);
    // Back as before, for the next test.
    await vscode.workspace.fs.writeFile(annotationsFile, before);
    await whenAnnotations(api, 'the file as it was', () => api.annotations.all().length === countBefore);
  });

  it('never overwrites an annotations file it cannot read: it keeps a copy and turns read-only', async () => {
    // Our own saves first: one still on its way would replace the file this test breaks (as any two writers would).
    await api.annotations.whenSaved();
    const broken = '{ "type": "AnnotationCollection", "items": [ {"id": "urn:uuid:x"'; // cut off mid-write
    const before = await vscode.workspace.fs.readFile(annotationsFile);
    await writeFile(annotationsFile, broken);
    await api.annotations.reload();
    // A new annotation is refused, and the file stays as it is.
    const { start, end } = phraseIn(original);
    const outcome = await api.reader.receive({ type: 'webviewDidRequestCreateAnnotation', uri: article.toString(), start, end, colour: 'Question', note: '', tags: [] });
    assert.deepEqual(outcome, { handled: false, reason: 'The annotation was not saved.' }, 'the reader reports the annotation refused');
    await api.annotations.whenSaved();
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(annotationsFile)), broken);
    const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(annotationsFile, '..'))).map(([name]) => name);
    const copy = names.find((name) => name.startsWith('annotations.json.') && name.endsWith('.corrupt'));
    assert.ok(copy, `a timestamped copy next to the file (${names.join(', ')})`);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(annotationsFile, '..', copy))), broken);
    // Fixed outside: read again, writable again.
    await vscode.workspace.fs.writeFile(annotationsFile, before);
    await whenAnnotations(api, 'the fixed file read again', () => api.annotations.all().length === 1);
  });
});
