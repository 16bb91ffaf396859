import * as vscode from 'vscode';
import type { ArticleSummary } from '../core/corpus';
import type { ArticlesView } from './articles/articlesView';
import { config } from './config';
import { CommandId, EXTENSION_ID, ViewId } from './constants';
import type { CorpusService } from './services/corpus/corpusService';
import { addToKnowledgeBase } from './entities/addToKnowledgeBase';
import { correctName } from './entities/correctName';
import type { ArticleDocuments } from './services/entities/articleDocuments';
import type { EntitiesView } from './entities/entitiesView';
import type { CorpusIndexService } from './services/index/corpusIndexService';
import type { EntityService } from './services/entities/entityService';
import type { CorpusStartup } from './services/persistence/corpusStartup';
import type { IndexPersistence } from './services/persistence/indexPersistence';
import type { ReaderManager } from './reader/readerManager';
import type { SearchQuickPick } from './search/searchQuickPick';
import { parseUri } from './util/uri';

export interface CommandContext {
  readonly corpus: CorpusService;
  readonly articles: ArticlesView;
  readonly readers: ReaderManager;
  readonly entitiesView: EntitiesView;
  readonly entities: EntityService;
  readonly documents: ArticleDocuments;
  readonly indexer: CorpusIndexService;
  readonly search: SearchQuickPick;
  readonly persistence: IndexPersistence;
  readonly startup: CorpusStartup;
}

/** A range of an article's text passed to Open in Reader (from a concordance line or a hover link). */
function resolveRange(arg: unknown): { start: number; end: number } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { start, end } = arg as Record<string, unknown>;
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number)
    ? { start: start as number, end: end as number }
    : undefined;
}

/**
 * Commands take what VS Code hands them: a tree node (menus), a URI or a URI
 * string (tree items, other extensions, command links), or nothing (the
 * command palette, keybindings: the active reader's article).
 */
function resolveUri(ctx: CommandContext, arg: unknown): vscode.Uri | undefined {
  if (arg === undefined) return ctx.readers.active?.uri;
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string') uri = parseUri(arg);
  else if (typeof arg === 'object' && arg !== null && 'kind' in arg) {
    if (arg.kind === 'article' && 'summary' in arg) uri = parseUri((arg.summary as ArticleSummary).uri);
    if (arg.kind === 'problem' && 'problem' in arg) uri = parseUri((arg.problem as { uri: string }).uri);
  }
  // Only files: a command argument never opens a web page or runs a command URI.
  if (!uri) return undefined;
  const isFile = uri.scheme === 'file' || ctx.corpus.corpus.get(uri.toString()) !== undefined || vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== undefined;
  return isFile ? uri : undefined;
}

const commands: Record<CommandId, (ctx: CommandContext) => (...args: unknown[]) => unknown> = {
  [CommandId.OpenArticle]: (ctx) => async (arg, range) => {
    const uri = resolveUri(ctx, arg);
    if (uri) await ctx.readers.open(uri, { reveal: resolveRange(range) });
  },

  [CommandId.OpenSource]: (ctx) => async (arg) => {
    const uri = resolveUri(ctx, arg);
    if (!uri) return;
    const fromReader = arg === undefined || ctx.readers.active?.uri?.toString() === uri.toString();
    await vscode.commands.executeCommand('vscode.open', uri, {
      viewColumn: fromReader ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
      preview: true,
    } satisfies vscode.TextDocumentShowOptions);
  },

  [CommandId.RevealFile]: (ctx) => async (arg) => {
    const uri = resolveUri(ctx, arg);
    if (!uri) return;
    if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
    else if (uri.scheme === 'file') await vscode.commands.executeCommand('revealFileInOS', uri);
    else void vscode.window.showInformationMessage(`${uri.toString(true)} is not in the workspace.`);
  },

  [CommandId.Refresh]: (ctx) => () => ctx.corpus.reload(),

  [CommandId.Search]: (ctx) => (initial) => ctx.search.show(typeof initial === 'string' ? initial.slice(0, 500) : ''),

  [CommandId.NextArticle]: (ctx) => () => ctx.readers.step(1),
  [CommandId.PreviousArticle]: (ctx) => () => ctx.readers.step(-1),

  [CommandId.ShowSampleCorpus]: () => () => config.setSampleCorpus('on'),

  [CommandId.AddFolder]: () => async () => {
    const folders = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: true,
      openLabel: 'Add to Corpus',
      title: 'Add Folders of Articles',
    });
    for (const folder of folders ?? []) await config.addFolder(folder.scheme === 'file' ? folder.fsPath : folder.toString());
  },

  [CommandId.OpenSettings]: () => () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`),

  [CommandId.ShowEntity]: (ctx) => async (id) => {
    if (typeof id !== 'string') return;
    await vscode.commands.executeCommand(`${ViewId.Entities}.focus`);
    if (!(await ctx.entitiesView.revealEntity(id))) void vscode.window.setStatusBarMessage('Annotated Reader: that name is not in the corpus (any more).', 4000);
  },

  [CommandId.FilterEntities]: (ctx) => () => ctx.entitiesView.promptFilter(),
  [CommandId.ClearEntitiesFilter]: (ctx) => () => ctx.entitiesView.setFilter(''),

  [CommandId.ShowMoreMentions]: (ctx) => (id) => {
    if (typeof id === 'string') ctx.entitiesView.showMoreMentions(id);
  },

  [CommandId.AddToKnowledgeBase]: (ctx) => (arg) =>
    addToKnowledgeBase(arg, ctx.entities, ctx.documents, (id) => ctx.indexer.entities.entity(id)?.type ?? ctx.entities.knowledgeBaseEntity(id)?.type),

  [CommandId.CorrectName]: (ctx) => (arg) => correctName(undefined, arg, ctx),
  [CommandId.ChangeEntityType]: (ctx) => (arg) => correctName('changeType', arg, ctx),
  [CommandId.FixEntityName]: (ctx) => (arg) => correctName('fixSpan', arg, ctx),
  [CommandId.MergeEntity]: (ctx) => (arg) => correctName('merge', arg, ctx),
  [CommandId.MarkNotAName]: (ctx) => (arg) => correctName('notName', arg, ctx),
  [CommandId.ClearSavedIndex]: (ctx) => () => ctx.persistence.clear(),
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(commands).map(([id, factory]) => {
    const run = factory(ctx);
    // Every command works on the corpus: the first one run starts it, if nothing has yet.
    return vscode.commands.registerCommand(id, (...args: unknown[]) => {
      ctx.startup.ensure(`the command ${id} ran`);
      return run(...args);
    });
  });
}
