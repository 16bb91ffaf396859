import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { PaletteColour } from '../../core/annotations/colours';
import type { AnnotatedArticle } from '../../core/annotations/export';
import { toMarkdown, toW3c } from '../../core/annotations/export';
import { type Annotation, contentOf, parseCollection, parseTags, shortQuote } from '../../core/annotations/model';
import { formatDate } from '../../core/dates';
import { MAX_ANNOTATIONS_FILE_BYTES, tooLargeMessage } from '../../core/limits';
import { squashWhitespace, truncateAtWord } from '../../core/text';
import { AnnotationCommandId } from '../constants';
import type { CorpusService } from '../services/corpus/corpusService';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import { parseUri } from '../util/uri';
import { type AnnotationComment, type AnnotationComments, deleteWithUndo } from './annotationComments';
import { type AnnotationService, displayPath } from '../services/annotations/annotationService';
import type { AnnotationsNode, AnnotationsView } from './annotationsView';
import type { ArticleOpener } from '../services/readers/articleOpener';

export interface AnnotationCommandContext {
  readonly service: AnnotationService;
  readonly view: AnnotationsView;
  readonly comments: AnnotationComments;
  readonly readers: ArticleOpener;
  readonly corpus: CorpusService;
  readonly documents: ArticleDocuments;
  /** Remembers the folder of the last export (across workspaces). */
  readonly globalState: vscode.Memento;
}

/** Where the last export went (a folder URI), suggested for the next one. */
const LAST_EXPORT_FOLDER = 'annotatedReader.lastExportFolder';

/** The annotation a command is about: a view node, a comment, or an id (from a command link or the tests). */
function annotationOf(ctx: AnnotationCommandContext, arg: unknown): Annotation | undefined {
  if (typeof arg === 'string') return ctx.service.get(arg);
  if (isComment(arg)) return ctx.service.get(arg.annotationId);
  const node = arg as AnnotationsNode | undefined;
  return node?.kind === 'annotation' ? ctx.service.get(node.item.annotation.id) : undefined;
}

function isComment(arg: unknown): arg is AnnotationComment {
  return typeof arg === 'object' && arg !== null && 'annotationId' in arg && 'startEditing' in arg;
}

/** Opens the reader at an annotation (its note open if asked); an orphan opens its article and says why it is not marked. */
async function openAnnotation(ctx: AnnotationCommandContext, annotation: Annotation, openNote: boolean): Promise<void> {
  const key = ctx.service.articleOf(annotation);
  const uri = parseUri(key);
  const entry = ctx.corpus.corpus.get(key);
  if (!uri || entry?.kind !== 'article') {
    void vscode.window.showWarningMessage(`The article of the annotation on “${shortQuote(annotation, 50)}” is not in the corpus (${annotation.target.source}).`);
    return;
  }
  const placement = await ctx.service.place(key);
  const placed = placement.placed.find((p) => p.annotation.id === annotation.id);
  if (placed) {
    await ctx.readers.open(uri, { reveal: { start: placed.start, end: placed.end }, annotationId: annotation.id, openNote });
    return;
  }
  const review = placement.review.find((r) => r.annotation.id === annotation.id);
  if (review) {
    // Not placed: the reader shows where it may now be, to accept or dismiss.
    await ctx.readers.open(uri, review.suggestion ? { reveal: review.suggestion } : {});
    return;
  }
  await ctx.readers.open(uri);
  void vscode.window.showWarningMessage(`The text of this annotation is no longer in “${entry.summary.title}”: “${shortQuote(annotation, 120)}”. It is kept, with its note.`);
}

const COLOUR_SQUARES: Record<PaletteColour, string> = { yellow: '🟨', green: '🟩', blue: '🟦', red: '🟥', purple: '🟪', orange: '🟧' };

async function pickColour(ctx: AnnotationCommandContext, current?: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    ctx.service.colours().map((colour, index) => ({
      // Quick picks cannot colour an icon: a coloured square says which colour it is, after the name
      // (a screen reader reads the label first, and it should hear the name, not "yellow square").
      label: colour.name,
      description: `${COLOUR_SQUARES[colour.colour]} ${colour.colour}${colour.name === current ? ' · current' : ''}`,
      detail: undefined,
      name: colour.name,
      picked: colour.name === current,
      index,
    })),
    { title: 'Highlight Colour', placeHolder: 'What the highlight means (name the colours in the settings)' },
  );
  return picked?.name;
}

async function exportAnnotations(ctx: AnnotationCommandContext, arg: unknown): Promise<void> {
  await ctx.service.whenLoaded();
  // An article: a URI (string), or a node of the Articles view.
  const node = arg as { kind?: unknown; summary?: { uri?: unknown } } | undefined;
  const article =
    typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.toString() : node?.kind === 'article' && typeof node.summary?.uri === 'string' ? node.summary.uri : undefined;
  const active = article ?? ctx.readers.active?.uri?.toString();
  const all = ctx.service.articles();
  if (all.size === 0) {
    void vscode.window.showInformationMessage('There are no annotations to export yet.');
    return;
  }
  let scope: readonly string[] = [...all.keys()];
  /** Asked for one article (not all, which may happen to be one). */
  let single = false;
  if (article) {
    // Asked for one article (its context menu).
    if (!all.has(article)) {
      void vscode.window.showInformationMessage('This article has no annotations to export.');
      return;
    }
    scope = [article];
    single = true;
  } else if (active && all.has(active) && all.size > 1) {
    const title = ctx.corpus.corpus.get(active);
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'All Articles', description: `${ctx.service.all().length} annotations in ${all.size} articles`, all: true },
        { label: 'This Article', description: title?.kind === 'article' ? title.summary.title : active, all: false },
      ],
      { title: 'Export Annotations' },
    );
    if (!choice) return;
    if (!choice.all) {
      scope = [active];
      single = true;
    }
  }
  const format = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: 'to read: each article, its quotes, notes and tags', extension: 'md' },
      { label: 'W3C Web Annotations', description: 'JSON-LD, for other tools (and Import Annotations)', extension: 'jsonld' },
    ],
    { title: 'Export Annotations: Format' },
  );
  if (!format) return;
  // The save dialog asks before replacing a file; it starts outside the corpus: where the last export
  // went, else the home folder.
  const target = await vscode.window.showSaveDialog({
    title: 'Export Annotations',
    saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(exportFolder(ctx), exportFileName(single ? scope[0] : undefined, format.extension)),
    filters: format.extension === 'md' ? { Markdown: ['md'] } : { 'JSON-LD': ['jsonld', 'json'] },
  });
  if (!target) return;
  const order = (uri: string) => {
    const index = ctx.corpus.corpus.indexOf(uri);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const uris = [...scope].sort((a, b) => order(a) - order(b));
  let text: string;
  const annotations = uris.flatMap((uri) => [...(all.get(uri) ?? [])]);
  if (format.extension === 'md') {
    const articles: AnnotatedArticle[] = [];
    for (const uri of uris) {
      const entry = ctx.corpus.corpus.get(uri);
      const parsed = parseUri(uri);
      const outcome = parsed && entry ? await ctx.corpus.readArticle(parsed) : undefined;
      articles.push({
        title: entry?.kind === 'article' ? entry.summary.title : uri,
        dateLabel: entry?.kind === 'article' ? formatDate(entry.summary.date) : 'not in the corpus',
        text: outcome?.kind === 'article' ? outcome.article.text : undefined,
        annotations: all.get(uri) ?? [],
      });
    }
    text = toMarkdown(articles);
  } else text = toW3c(annotations);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const folder = vscode.Uri.joinPath(target, '..');
  await ctx.globalState.update(LAST_EXPORT_FOLDER, folder.toString());
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const count = `${annotations.length.toLocaleString('en')} ${annotations.length === 1 ? 'annotation' : 'annotations'}`;
  const reveal = revealAction(target);
  const actions = reveal ? ['Open', reveal] : ['Open'];
  const choice = await vscode.window.showInformationMessage(`Exported ${count} to ${name} in ${displayPath(folder)}.`, ...actions);
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
  else if (choice && choice === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
}

/** The folder the save dialog starts in: the last export's, else the home folder (never the corpus). */
function exportFolder(ctx: AnnotationCommandContext): vscode.Uri {
  const remembered = ctx.globalState.get<string>(LAST_EXPORT_FOLDER);
  const uri = remembered ? parseUri(remembered) : undefined;
  return uri ?? vscode.Uri.file(homedir());
}

/** `annotations.md`, or for one article `<its file name>-annotations.md`. */
function exportFileName(article: string | undefined, extension: string): string {
  const one = article === undefined ? undefined : parseUri(article);
  const base = one ? one.path.slice(one.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '') : '';
  return base ? `${base}-annotations.${extension}` : `annotations.${extension}`;
}

/** The name of the command that shows a file in the system's file manager, where there is one for this file. */
function revealAction(file: vscode.Uri): string | undefined {
  // Only a desktop window on the same machine as the file can open the system's file manager there.
  if (file.scheme !== 'file' || vscode.env.uiKind !== vscode.UIKind.Desktop || vscode.env.remoteName) return undefined;
  return process.platform === 'darwin' ? 'Reveal in Finder' : process.platform === 'win32' ? 'Reveal in File Explorer' : 'Open Containing Folder';
}

async function importAnnotations(ctx: AnnotationCommandContext, arg: unknown): Promise<void> {
  const file =
    arg instanceof vscode.Uri
      ? arg
      : (await vscode.window.showOpenDialog({ title: 'Import Annotations', openLabel: 'Import', canSelectMany: false, filters: { 'W3C Web Annotations': ['jsonld', 'json'] } }))?.[0];
  if (!file) return;
  await ctx.service.whenLoaded();
  let text: string;
  try {
    const { size } = await vscode.workspace.fs.stat(file);
    if (size > MAX_ANNOTATIONS_FILE_BYTES) {
      void vscode.window.showErrorMessage(`Cannot import ${tooLargeMessage(displayPath(file), size, MAX_ANNOTATIONS_FILE_BYTES, 'an annotations file')}.`);
      return;
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(file));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot import ${displayPath(file)}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const parsed = parseCollection(text);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(`Cannot import ${displayPath(file)}: ${parsed.reason}.`);
    return;
  }
  // Sources are relative to the other workspace: each is found here by its path, else by its file name, and then named as this workspace names it.
  let unplaced = 0;
  const annotations = parsed.annotations.map((annotation) => {
    const key = ctx.service.articleOf(annotation);
    const uri = parseUri(key);
    if (!uri || !ctx.corpus.corpus.get(key)) {
      unplaced++;
      return annotation;
    }
    return { ...annotation, target: { ...annotation.target, source: ctx.service.sourceFor(uri) } };
  });
  const result = await ctx.service.putAll(annotations);
  if (!result) return;
  const parts = [`${result.added} new`, `${result.updated} updated`, `${result.unchanged} already here`];
  let message = `Imported ${displayPath(file)}: ${parts.join(', ')}.`;
  if (unplaced) message += ` ${unplaced} belong to articles that are not in this corpus; they are listed as not found.`;
  if (parsed.skipped.length) message += ` ${parsed.skipped.length} broken entries were skipped.`;
  void vscode.window.showInformationMessage(message);
}

/** Highlights the text editor's selection in an article file, asking for a colour and a note. */
async function annotateSelection(ctx: AnnotationCommandContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const article = editor && ctx.documents.get(editor.document);
  if (!editor || !article) return;
  const start = article.coordinates.offsetAt(editor.selection.start);
  const end = article.coordinates.offsetAt(editor.selection.end);
  if (editor.selection.isEmpty || start < 0 || end < 0 || end <= start) {
    void vscode.window.showInformationMessage('Select some of the article text (below the header line) to annotate it.');
    return;
  }
  const colour = await pickColour(ctx);
  if (!colour) return;
  const note = await vscode.window.showInputBox({ title: `Annotate “${truncateAtWord(squashWhitespace(article.article.text.slice(start, end)), 40)}”`, prompt: 'A note (optional, Markdown)' });
  if (note === undefined) return;
  await ctx.service.create(editor.document.uri, article.article.text, start, end, { note, tags: [], colour });
}

const handlers: Record<AnnotationCommandId, (ctx: AnnotationCommandContext) => (...args: unknown[]) => unknown> = {
  [AnnotationCommandId.Open]: (ctx) => async (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (annotation) await openAnnotation(ctx, annotation, false);
  },
  [AnnotationCommandId.EditNote]: (ctx) => async (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (annotation) await openAnnotation(ctx, annotation, true);
  },
  [AnnotationCommandId.ChangeColour]: (ctx) => async (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (!annotation) return;
    const content = contentOf(annotation);
    const colour = await pickColour(ctx, content.colour);
    if (colour && colour !== content.colour) await ctx.service.update(annotation.id, { ...content, colour });
  },
  [AnnotationCommandId.EditTags]: (ctx) => async (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (!annotation) return;
    const content = contentOf(annotation);
    const typed = await vscode.window.showInputBox({ title: `Tags of “${shortQuote(annotation, 40)}”`, prompt: 'Separated by commas', value: content.tags.join(', ') });
    if (typed !== undefined) await ctx.service.update(annotation.id, { ...content, tags: parseTags(typed) });
  },
  [AnnotationCommandId.Delete]: (ctx) => async (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (annotation) await deleteWithUndo(ctx.service, annotation.id);
  },
  [AnnotationCommandId.AnnotateSelection]: (ctx) => () => annotateSelection(ctx),
  [AnnotationCommandId.GroupByArticle]: (ctx) => () => ctx.view.groupBy('article'),
  [AnnotationCommandId.GroupByTag]: (ctx) => () => ctx.view.groupBy('tag'),
  [AnnotationCommandId.GroupByColour]: (ctx) => () => ctx.view.groupBy('colour'),
  [AnnotationCommandId.Export]: (ctx) => (arg) => exportAnnotations(ctx, arg),
  [AnnotationCommandId.Import]: (ctx) => (arg) => importAnnotations(ctx, arg),
  [AnnotationCommandId.OpenFile]: (ctx) => async () => {
    await ctx.service.whenLoaded();
    const file = ctx.service.location;
    if (!file) return;
    try {
      await vscode.workspace.fs.stat(file);
      await vscode.commands.executeCommand('vscode.open', file);
    } catch {
      void vscode.window.showInformationMessage(`There is no annotations file yet; it is made at ${displayPath(file)} with the first annotation.`);
    }
  },
  [AnnotationCommandId.AcceptSuggestion]: (ctx) => async (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (!annotation) return;
    if (!(await ctx.service.acceptSuggestion(annotation.id))) {
      void vscode.window.showWarningMessage(`Annotated Reader: there is no suggested place for the annotation on “${shortQuote(annotation, 50)}” any more (the article changed again).`);
    }
  },
  [AnnotationCommandId.DismissSuggestion]: (ctx) => (arg) => {
    const annotation = annotationOf(ctx, arg);
    if (annotation) ctx.service.dismissSuggestion(annotation.id);
  },
  [AnnotationCommandId.CommentCreate]: (ctx) => (reply) => ctx.comments.reply(reply as vscode.CommentReply),
  [AnnotationCommandId.CommentReply]: (ctx) => (reply) => ctx.comments.reply(reply as vscode.CommentReply),
  [AnnotationCommandId.CommentEdit]: (ctx) => (comment) => {
    if (isComment(comment)) ctx.comments.edit(comment);
  },
  [AnnotationCommandId.CommentSave]: (ctx) => (comment) => (isComment(comment) ? ctx.comments.save(comment) : undefined),
  [AnnotationCommandId.CommentCancel]: (ctx) => (comment) => {
    if (isComment(comment)) ctx.comments.cancel(comment);
  },
  [AnnotationCommandId.CommentDelete]: (ctx) => (comment) => (isComment(comment) ? ctx.comments.delete(comment) : undefined),
  // From the thread's title bar (a thread) or the note's (the note: the whole annotation goes, with Undo).
  [AnnotationCommandId.CommentDeleteThread]: (ctx) => (arg) => (isComment(arg) ? ctx.comments.delete(arg) : ctx.comments.deleteThread(arg as vscode.CommentThread)),
};

export function registerAnnotationCommands(ctx: AnnotationCommandContext): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx)));
}
