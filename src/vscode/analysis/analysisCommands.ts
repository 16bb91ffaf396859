import * as vscode from 'vscode';
import { AnalysisCommandId } from '../constants';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { CorpusStartup } from '../services/persistence/corpusStartup';
import type { AnalysisPanel } from './analysisPanel';

export interface AnalysisCommandContext {
  readonly panel: AnalysisPanel;
  readonly indexer: CorpusIndexService;
  readonly documents: ArticleDocuments;
  readonly startup: CorpusStartup;
}

/**
 * The entity a command is run for: an Entities view node (`{ kind: 'entity', entity: { id } }`), an entity id
 * (a hover card's command link, another extension), or nothing or the editor's URI (its context menu): the name under
 * the cursor in an article file.
 * Only an id the index knows is taken; `undefined` otherwise (the command then offers a quick pick).
 */
export function entityArgument(arg: unknown, ctx: AnalysisCommandContext): string | undefined {
  let id: unknown;
  if (typeof arg === 'string') id = arg;
  else if (typeof arg === 'object' && arg !== null && (arg as Record<string, unknown>).kind === 'entity') {
    const entity = (arg as Record<string, unknown>).entity;
    id = typeof entity === 'object' && entity !== null ? (entity as Record<string, unknown>).id : undefined;
  } else if (arg === undefined || arg instanceof vscode.Uri) {
    // (An editor's context menu passes its document's URI: the name is the one under that editor's cursor.)
    const editor = vscode.window.activeTextEditor;
    const ours = editor !== undefined && (arg === undefined || editor.document.uri.toString() === arg.toString());
    id = ours ? ctx.documents.get(editor.document)?.mentionAt(editor.selection.active)?.entityId : undefined;
  }
  return typeof id === 'string' && ctx.indexer.entities.entity(id) ? id : undefined;
}

export function registerAnalysisCommands(ctx: AnalysisCommandContext): vscode.Disposable[] {
  const run = (show: (id: string | undefined) => void, placeHolder: string) => async (arg?: unknown) => {
    ctx.startup.ensure('an analysis command ran');
    const id = entityArgument(arg, ctx) ?? (ctx.indexer.entities.entities().length > 0 ? await ctx.panel.pickEntity(placeHolder) : undefined);
    show(id);
  };
  return [
    vscode.commands.registerCommand(AnalysisCommandId.ShowTimeline, run((id) => ctx.panel.showTimeline(id), 'Show the timeline of an entity')),
    vscode.commands.registerCommand(AnalysisCommandId.ShowNetwork, run((id) => ctx.panel.showNetwork(id), 'Show the network around an entity')),
  ];
}
