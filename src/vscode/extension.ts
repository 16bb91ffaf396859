import * as vscode from 'vscode';
import type { ArticleSummary, CorpusProblem } from '../core/corpus';
import type { Event } from '../core/events';
import { ArticlesView } from './articles/articlesView';
import { registerCommands } from './commands';
import { CorpusService } from './corpus/corpusService';
import { ArticleDocuments } from './entities/articleDocuments';
import { registerEditorFeatures } from './entities/editorFeatures';
import { EntityService } from './entities/entityService';
import { type RenderReport, ReaderManager } from './reader/readerManager';

/** What the extension exports to other extensions (and to its integration tests). */
export interface AnnotatedReaderApi {
  readonly corpus: {
    /** Articles in tree order. */
    articles(): readonly ArticleSummary[];
    problems(): readonly CorpusProblem[];
    /** Resolves when the current load has finished. */
    whenLoaded(): Promise<void>;
    readonly onDidChange: Event<void>;
  };
  readonly reader: {
    /** Fires when a reader has rendered an article, with the webview's account of its DOM. */
    readonly onDidRender: vscode.Event<RenderReport>;
  };
  readonly views: {
    /** The Articles view's data, as VS Code sees it. */
    readonly articles: vscode.TreeDataProvider<unknown>;
  };
}

export function activate(context: vscode.ExtensionContext): AnnotatedReaderApi {
  const log = vscode.window.createOutputChannel('Annotated Reader', { log: true });
  context.subscriptions.push(log);
  try {
    const corpus = new CorpusService(context.extensionUri, log);
    const articles = new ArticlesView(corpus);
    const entities = new EntityService(log);
    const readers = new ReaderManager(context.extensionUri, corpus, entities, log);
    const documents = new ArticleDocuments(entities);
    context.subscriptions.push(
      corpus,
      entities,
      articles,
      readers,
      ...registerCommands({ corpus, articles, readers }),
      documents,
      ...registerEditorFeatures(documents, entities, corpus),
      readers.onDidShowArticle((uri) => void articles.reveal(uri)),
    );
    void corpus.reload();
    void entities.load();
    return {
      corpus: {
        articles: () => corpus.corpus.articles(),
        problems: () => corpus.corpus.problems(),
        whenLoaded: () => corpus.whenLoaded(),
        onDidChange: corpus.corpus.onDidChange,
      },
      reader: { onDidRender: readers.onDidRender },
      views: { articles: articles as vscode.TreeDataProvider<unknown> },
    };
  } catch (error) {
    log.error('Activation failed', error);
    void vscode.window.showErrorMessage(`Annotated Reader failed to start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
