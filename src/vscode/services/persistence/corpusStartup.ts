import * as vscode from 'vscode';
import { isArticleHeaderLine } from '../../../core/parse';
import type { CorpusService } from '../corpus/corpusService';
import type { EntityService } from '../entities/entityService';
import { Disposable } from '../../util/disposable';
import type { IndexPersistence } from './indexPersistence';

/**
 * Starts the corpus (the saved index, then the files) the first time something needs it, not at
 * activation: VS Code activates the extension for any plain-text file (an article file is a `.txt`, and
 * VS Code's `.txt` association wins over a language's `firstLine`, so articles cannot be told apart by
 * language), and most plain-text files are not articles. It starts when one of its views is visible, an
 * open editor holds an article (its first line is the ` date YYYY-MM ` header), a command of its own
 * runs, a reader is restored, or anything waits for the corpus (`CorpusService.whenLoaded`).
 */
export class CorpusStartup extends Disposable {
  private startedBecause: string | undefined;
  private readonly watching: vscode.Disposable[] = [];

  constructor(
    private readonly persistence: IndexPersistence,
    private readonly entities: EntityService,
    corpus: CorpusService,
    views: readonly vscode.TreeView<unknown>[],
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => this.stopWatching() });
    corpus.onNeeded(() => this.ensure('something waits for the corpus'));
    for (const view of views) {
      if (view.visible) this.ensure('its view is visible');
      this.watching.push(view.onDidChangeVisibility((event) => event.visible && this.ensure('its view was shown')));
    }
    const checkDocument = (document: vscode.TextDocument) => {
      if (document.languageId === 'plaintext' && document.lineCount > 0 && isArticleHeaderLine(document.lineAt(0).text)) this.ensure(`an article file is open (${document.uri.toString(true)})`);
    };
    vscode.workspace.textDocuments.forEach(checkDocument);
    this.watching.push(vscode.workspace.onDidOpenTextDocument(checkDocument));
  }

  /** Why the corpus was started, or undefined while it has not been. */
  get reason(): string | undefined {
    return this.startedBecause;
  }

  /** Starts the corpus if it has not started yet. */
  ensure(reason: string): void {
    if (this.startedBecause !== undefined || this.isDisposed) return;
    this.startedBecause = reason;
    this.stopWatching();
    this.log.info(`Loading the corpus: ${reason}.`);
    const knowledgeBasesLoaded = this.entities.load();
    knowledgeBasesLoaded.catch((error: unknown) => this.log.error('Reading the knowledge bases failed', error));
    // The saved index first (the tree and search answer from it at once), then the corpus, checked for changes.
    void this.persistence.start(knowledgeBasesLoaded).catch((error: unknown) => this.log.error('Starting the corpus failed', error));
  }

  private stopWatching(): void {
    for (const listener of this.watching.splice(0)) listener.dispose();
  }
}
