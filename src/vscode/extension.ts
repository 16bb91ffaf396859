import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations/model';
import type { ArticleSummary, CorpusProblem } from '../core/corpus';
import { AnalysisPanel, type AnalysisOutcome } from './analysis/analysisPanel';
import { registerAnalysisCommands } from './analysis/analysisCommands';
import type { AnalysisRenderReport } from '../analysis/protocol';
import { registerAnnotationCommands } from './annotations/annotationCommands';
import { AnnotationComments, type ThreadInfo } from './annotations/annotationComments';
import { AnnotationService } from './services/annotations/annotationService';
import { AnnotationsView } from './annotations/annotationsView';
import type { Event } from '../core/events';
import { ArticlesView } from './articles/articlesView';
import { registerCommands } from './commands';
import { CorpusService } from './services/corpus/corpusService';
import type { IndexedEntity } from '../core/entities/entityIndex';
import type { EntityType } from '../core/entities/types';
import { ArticleDocuments } from './services/entities/articleDocuments';
import { EditorDecorations } from './entities/editorDecorations';
import { registerEditorFeatures } from './entities/editorFeatures';
import { EntitiesView } from './entities/entitiesView';
import { CorpusIndexService } from './services/index/corpusIndexService';
import { EntityService } from './services/entities/entityService';
import { NameAtCursor } from './entities/nameAtCursor';
import { RecognitionRunner } from './services/entities/recognitionRunner';
import { type MessageOutcome, type RenderReport, ReaderManager, type RevealReport } from './reader/readerManager';
import { SearchClient, type SearchTiming } from './services/search/searchClient';
import { type SearchReport, SearchQuickPick } from './search/searchQuickPick';
import type { IndexStatus } from '../core/indexStatus';
import { IndexPersistence, type RestoreReport } from './services/persistence/indexPersistence';
import { IndexStore } from './services/persistence/indexStore';
import { CorpusStartup } from './services/persistence/corpusStartup';
import { QuotesView, type QuotesReport } from './quotes/quotesView';
import { QuoteTexts } from './quotes/quoteTexts';
import { registerQuoteCommands } from './quotes/quoteCommands';

/** What the extension exports to other extensions (and to its integration tests). */
export interface AnnotatedReaderApi {
  readonly corpus: {
    /** Articles in tree order. */
    articles(): readonly ArticleSummary[];
    problems(): readonly CorpusProblem[];
    /** Resolves when the current load has finished. */
    whenLoaded(): Promise<void>;
    readonly onDidChange: Event<void>;
    /** How many files the corpus has had read and parsed in the recognition worker as it loaded. */
    readInWorker(): number;
  };
  readonly reader: {
    /** Fires when a reader has rendered an article, with the webview's account of its DOM. */
    readonly onDidRender: vscode.Event<RenderReport>;
    /** Fires when a reader has brought a range into view (opened at a mention). */
    readonly onDidReveal: vscode.Event<RevealReport>;
    /**
     * Hands the active reader a message as if its webview had sent it (validated as any other); only when the
     * extension runs its tests. Resolves when the reader has acted on it, or has ignored it (and why).
     */
    receive(message: unknown): Promise<MessageOutcome>;
  };
  readonly analysis: {
    /** Fires when the analysis panel has drawn, with the webview's account of what (entities, months, bars, nodes, edges, table rows, the article list). */
    readonly onDidRender: vscode.Event<AnalysisRenderReport>;
    /** Only when the extension runs its tests: hands the panel a message as if its webview had sent it (validated as any other). */
    receive(message: unknown): Promise<AnalysisOutcome>;
  };
  /** The corpus index's answers the analysis panel draws (for the integration tests to check the panel against). */
  readonly analysisData: Pick<CorpusIndexService, 'timelines' | 'articlesInPeriod' | 'cooccurring' | 'articlesWithBoth'>;
  readonly quotes: {
    /** Fires when the Quotes view has been rebuilt (its filters applied), with what it shows. */
    readonly onDidUpdate: vscode.Event<QuotesReport>;
    /** What the Quotes view shows now, or undefined before its first rebuild. */
    report(): QuotesReport | undefined;
    /** How many articles the view has read for its quotes' words. */
    articlesRead(): number;
  };
  readonly search: {
    /** Fires when the Search Corpus box shows new rows or its active row changes. */
    readonly onDidUpdate: vscode.Event<SearchReport>;
    /**
     * Only when the extension runs its tests: the box's own search of `raw` (entities and `@names` here, the index
     * in its worker), without rows or snippets; resolves with how many articles match and the keys of the best.
     */
    query(raw: string): Promise<{ readonly handled: true; readonly total: number; readonly keys: readonly string[] } | { readonly handled: false; readonly reason: string }>;
    /** The last queries' times in the search worker (see `SearchClient.queryTimings`), for the host benchmark. */
    queryTimings(): readonly SearchTiming[];
  };
  readonly entities: {
    /** Resolves when the entity index covers the corpus as it is now. */
    whenIndexed(): Promise<void>;
    /** Loading, indexing (with counts), empty or ready. */
    status(): IndexStatus;
    readonly onDidChangeStatus: vscode.Event<IndexStatus>;
    /** The corpus's entities, most widely mentioned first. */
    all(): readonly IndexedEntity[];
    /** The entities the index holds for one article, with their mention counts and the type they are shown in (a rule-found name's corpus type). */
    inArticle(uri: string): readonly { readonly id: string; readonly count: number; readonly type: EntityType }[];
    /** How many texts the corpus index has had recognised in its worker thread. */
    recognizedInWorker(): number;
    /** Whether the search index is held in its worker thread. */
    searchInWorker(): boolean;
  };
  readonly index: {
    /** How this window started: from the saved index, or why not. */
    lastRestore(): RestoreReport;
    /** Why the corpus was started (it starts when first needed, not at activation), or undefined while it has not been. */
    startReason(): string | undefined;
    /** Articles indexed since the window started (or was reopened): none for a reopened corpus that did not change. */
    indexedSinceStart(): number;
    /** How many files the last corpus load took unread (unchanged since they were read) and how many it read. */
    lastLoad(): { readonly kept: number; readonly read: number };
    /** The saved index's file. */
    file(): string;
    /** Resolves when the indexes, once indexing is done, are saved, with what the save did (or why it did not save). */
    whenSaved(): Promise<string>;
    /**
     * Only when the extension runs its tests: closes the window's corpus state (saving it first), runs
     * `between`, and opens it again as a reloaded window would.
     */
    reopen(between?: () => Promise<void>): Promise<{ readonly handled: boolean; readonly reason?: string }>;
  };
  readonly knowledgeBases: {
    /** Fires when the knowledge bases have been read again (a file changed, a setting changed, trust was granted). */
    readonly onDidChange: vscode.Event<void>;
  };
  readonly annotations: {
    /** Resolves when the annotations file has been read. */
    whenLoaded(): Promise<void>;
    all(): readonly Annotation[];
    /** The annotations file. */
    file(): string | undefined;
    /** Resolves when the saves queued so far are on disk. */
    whenSaved(): Promise<void>;
    /** Reads the annotations file again, as a new window would. */
    reload(): Promise<void>;
    /** The comment threads shown on an open article file. */
    threads(uri: string): readonly ThreadInfo[];
    readonly onDidChange: vscode.Event<void>;
  };
  readonly views: {
    /** The Articles view's data, as VS Code sees it. */
    readonly articles: vscode.TreeDataProvider<unknown>;
    /** The Entities view's data. */
    readonly entities: vscode.TreeDataProvider<unknown>;
    /** The Annotations view's data. */
    readonly annotations: vscode.TreeDataProvider<unknown>;
    /** The Quotes view's data. */
    readonly quotes: vscode.TreeDataProvider<unknown>;
    /** What the Entities view shows about the corpus: the phase its welcome content follows, its message, whether its progress bar runs. */
    entitiesState(): { readonly phase: string | undefined; readonly message: string | undefined; readonly progress: boolean };
  };
}

export function activate(context: vscode.ExtensionContext): AnnotatedReaderApi {
  const log = vscode.window.createOutputChannel('Annotated Reader', { log: true });
  context.subscriptions.push(log);
  try {
    const corpus = new CorpusService(context.extensionUri, log);
    const articles = new ArticlesView(corpus);
    const entities = new EntityService(log);
    const recognition = new RecognitionRunner(context.extensionUri.scheme === 'file' ? context.extensionUri.fsPath : '', entities, log);
    // The corpus's files on disk are read and parsed in the recognition worker as the corpus loads.
    corpus.readFilesWith((path, uri, fileName, origin, maxBytes) => recognition.readEntry(path, uri, fileName, origin, maxBytes));
    const searchIndex = new SearchClient(context.extensionUri.scheme === 'file' ? context.extensionUri.fsPath : '', log);
    const indexer = new CorpusIndexService(corpus, entities, recognition, searchIndex, log);
    // What users see of rule-found names takes the corpus's type of each.
    entities.useCorpusTypes(indexer.entities, indexer.onDidChange);
    const entitiesView = new EntitiesView(corpus, indexer, entities);
    const annotations = new AnnotationService(corpus, context.extensionUri, context.globalStorageUri, log);
    const readers = new ReaderManager(context.extensionUri, corpus, entities, indexer, annotations, log);
    const documents = new ArticleDocuments(entities);
    const annotationsView = new AnnotationsView(annotations, corpus, context.workspaceState);
    const comments = new AnnotationComments(annotations, documents);
    const search = new SearchQuickPick(corpus, indexer, entities, readers);
    const analysis = new AnalysisPanel(context.extensionUri, corpus, indexer, readers, log);
    const quoteTexts = new QuoteTexts(corpus);
    const quotesView = new QuotesView(indexer, quoteTexts);
    // Per workspace; with no folder open (the sample corpus), the extension's global storage.
    const persistence = new IndexPersistence(new IndexStore(context.storageUri ?? context.globalStorageUri), corpus, indexer, entities, log);
    // The corpus starts when something needs it (a view shown, an article open, a command), not for any plain-text file.
    const startup = new CorpusStartup(persistence, entities, corpus, [articles.treeView, entitiesView.treeView, annotationsView.treeView, quotesView.treeView], log);
    context.subscriptions.push(
      corpus,
      entities,
      recognition,
      searchIndex,
      indexer,
      articles,
      entitiesView,
      annotations,
      readers,
      documents,
      annotationsView,
      comments,
      search,
      analysis,
      quotesView,
      persistence,
      startup,
      ...registerAnalysisCommands({ panel: analysis, indexer, documents, startup }),
      ...registerQuoteCommands({ view: quotesView, indexer, corpus, readers, startup, documents }),
      ...registerAnnotationCommands({ service: annotations, view: annotationsView, comments, readers, corpus, documents, globalState: context.globalState }),
      ...registerCommands({ corpus, articles, readers, entitiesView, entities, documents, indexer, search, persistence, startup }),
      ...registerEditorFeatures(documents, entities, corpus, indexer),
      new EditorDecorations(documents, entities),
      new NameAtCursor(documents, entities),
      readers.onDidShowArticle((uri) => void articles.reveal(uri)),
    );
    void annotations.load();
    return {
      corpus: {
        articles: () => corpus.corpus.articles(),
        problems: () => corpus.corpus.problems(),
        whenLoaded: () => corpus.whenLoaded(),
        onDidChange: corpus.corpus.onDidChange,
        readInWorker: () => recognition.entriesInWorker,
      },
      reader: {
        onDidRender: readers.onDidRender,
        onDidReveal: readers.onDidReveal,
        // Only for the integration tests: other extensions do not get to act as the reader's webview.
        receive: async (message) => {
          if (context.extensionMode !== vscode.ExtensionMode.Test) return { handled: false, reason: 'Only the integration tests may do this.' };
          return (await readers.active?.receive(message)) ?? { handled: false, reason: 'No reader is open.' };
        },
      },
      annotations: {
        whenLoaded: () => annotations.whenLoaded(),
        all: () => annotations.all(),
        file: () => annotations.location?.toString(),
        whenSaved: () => annotations.whenSaved(),
        reload: () => annotations.load(),
        threads: (uri) => comments.threadsOf(uri),
        onDidChange: annotations.onDidChange,
      },
      analysis: {
        onDidRender: analysis.onDidRender,
        receive: async (message) => {
          if (context.extensionMode !== vscode.ExtensionMode.Test) return { handled: false, reason: 'Only the integration tests may do this.' };
          return analysis.receive(message);
        },
      },
      analysisData: {
        timelines: (ids) => indexer.timelines(ids),
        articlesInPeriod: (id, period, limit) => indexer.articlesInPeriod(id, period, limit),
        cooccurring: (id, limit) => indexer.cooccurring(id, limit),
        articlesWithBoth: (a, b, limit) => indexer.articlesWithBoth(a, b, limit),
      },
      quotes: {
        onDidUpdate: quotesView.onDidUpdate,
        report: () => quotesView.report,
        articlesRead: () => quoteTexts.reads,
      },
      search: {
        onDidUpdate: search.onDidUpdate,
        query: async (raw) => {
          if (context.extensionMode !== vscode.ExtensionMode.Test) return { handled: false, reason: 'Only the integration tests may do this.' };
          return { handled: true, ...(await search.query(raw)) };
        },
        queryTimings: () => searchIndex.queryTimings(),
      },
      entities: {
        whenIndexed: () => indexer.whenIndexed(),
        status: () => indexer.status,
        onDidChangeStatus: indexer.onDidChangeStatus,
        all: () => indexer.entities.entities(),
        inArticle: (uri) => indexer.entities.entitiesIn(uri),
        recognizedInWorker: () => recognition.inWorker,
        searchInWorker: () => searchIndex.inWorker,
      },
      index: {
        lastRestore: () => persistence.lastRestore,
        startReason: () => startup.reason,
        indexedSinceStart: () => indexer.indexedSinceStart,
        lastLoad: () => corpus.lastLoadCounts,
        file: () => persistence.file.toString(),
        whenSaved: () => persistence.whenSaved(),
        reopen: async (between) => {
          if (context.extensionMode !== vscode.ExtensionMode.Test) return { handled: false, reason: 'Only the integration tests may do this.' };
          await persistence.reopen(between);
          return { handled: true };
        },
      },
      knowledgeBases: { onDidChange: entities.onDidChange },
      views: {
        articles: articles as vscode.TreeDataProvider<unknown>,
        entities: entitiesView as vscode.TreeDataProvider<unknown>,
        annotations: annotationsView as vscode.TreeDataProvider<unknown>,
        quotes: quotesView as vscode.TreeDataProvider<unknown>,
        entitiesState: () => entitiesView.state,
      },
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
