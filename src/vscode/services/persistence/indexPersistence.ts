import * as vscode from 'vscode';
import type { ArticleSummary } from '../../../core/corpus';
import { SnapshotError } from '../../../core/persist/snapshotFile';
import type { SavedFile } from '../../../core/persist/indexSnapshot';
import type { CorpusIndexService } from '../index/corpusIndexService';
import type { CorpusService } from '../corpus/corpusService';
import type { EntityService } from '../entities/entityService';
import { Disposable } from '../../util/disposable';
import { TimeSlice } from '../../util/timeSlice';
import { INDEX_BUILD_ID } from './buildId';
import type { IndexStore } from './indexStore';

/** How long the indexes must stay settled before they are saved: a burst of changes is saved once. */
const SAVE_DELAY_MS = 2000;
/**
 * After the first save, how long at least between saves. Saving holds the extension host while the
 * indexes are copied and encoded (about 0.15 s at 10,000 articles, over a second at 100,000), and a saved
 * index that is a little behind costs the next window only the reading of the files changed since.
 */
const SAVE_INTERVAL_MS = 2 * 60_000;

/** How a window started: from a saved index, or why not. */
export interface RestoreReport {
  /** Whether the indexes came from the saved file (else they were built by reading the corpus). */
  readonly restored: boolean;
  /** Articles the saved file had (shown in the tree at once, even when their names are indexed again). */
  readonly articles: number;
  /** Why the saved index was not used, when it was not. */
  readonly reason?: string;
  /** The time from reading the file to the indexes restored. */
  readonly ms?: number;
}

/**
 * Keeps the corpus's indexes from one window to the next. When a window
 * opens, it restores the saved corpus entries, search index and entity index
 * (when they are from this build and were made with the same knowledge
 * bases), so the tree and search answer at once; then the corpus loads as
 * always, reading only the files whose stamp changed, and the indexer indexes
 * only those. When the indexes have settled after a change, they are saved
 * again. A saved index that is from another build, damaged, or does not add
 * up is discarded with a line in the log, and the corpus is indexed anew.
 */
export class IndexPersistence extends Disposable {
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** The indexer's content version last saved (or restored). */
  private savedVersion = -1;
  /** No saving while a test closes and reopens the window's state. */
  private suspended = false;
  private lastRestoreValue: RestoreReport = { restored: false, articles: 0, reason: 'The window has not started yet.' };
  /** The window's start (restore, then load) under way or done. */
  private starting: Promise<void> = Promise.resolve();
  /** What the last save did, or why it did not save. */
  private lastSaveValue = 'Nothing saved yet.';
  /** When the last save was written (`performance.now()`), if there was one in this window. */
  private lastSavedAt: number | undefined;

  constructor(
    private readonly store: IndexStore,
    private readonly corpus: CorpusService,
    private readonly indexer: CorpusIndexService,
    private readonly entities: EntityService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => clearTimeout(this.saveTimer) });
    this.register(indexer.onDidChangeStatus((status) => status.phase === 'ready' && this.scheduleSave()));
    // A run that only removed articles ends without the status changing.
    this.register(indexer.onDidChange(() => this.scheduleSave()));
  }

  get lastRestore(): RestoreReport {
    return this.lastRestoreValue;
  }

  get file(): vscode.Uri {
    return this.store.file;
  }

  /**
   * What a window does as it opens: restores the saved indexes if they can be used, then loads the corpus.
   * `knowledgeBasesLoaded` resolves when the users' knowledge bases are read: the saved entities are
   * used only if they were found with the same ones.
   */
  start(knowledgeBasesLoaded: Promise<void>): Promise<void> {
    this.starting = this.startNow(knowledgeBasesLoaded);
    return this.starting;
  }

  private async startNow(knowledgeBasesLoaded: Promise<void>): Promise<void> {
    try {
      await knowledgeBasesLoaded.catch(() => undefined);
      if (this.isDisposed) return;
      this.lastRestoreValue = await this.restoreFrom();
      this.savedVersion = this.lastRestoreValue.restored ? this.indexer.contentVersion : -1;
    } finally {
      // Whatever became of the saved index, the corpus loads (and whoever waits for it hears when it has).
      if (!this.isDisposed) await this.corpus.reload();
    }
  }

  private async restoreFrom(): Promise<RestoreReport> {
    const file = this.store.file.fsPath;
    const notUsed = (reason: string, articles = 0): RestoreReport => ({ restored: false, articles, reason });
    if (this.store.file.scheme !== 'file') {
      this.log.info(`Indexes are not saved here: the extension's storage (${this.store.file.toString(true)}) is not on disk.`);
      return notUsed('The storage is not on disk.');
    }
    const started = performance.now();
    // The search worker reads and checks the file and restores the search index; the rest comes back here.
    const loaded = await this.indexer.search.load(file, INDEX_BUILD_ID);
    if (loaded.kind === 'none') {
      this.log.info('No saved index for this workspace yet: the corpus is read and indexed.');
      return notUsed('There was no saved index.');
    }
    if (loaded.kind === 'refused') {
      this.log.warn(`Discarded the saved index ${file}: ${loaded.reason}. The corpus is read and indexed again.`);
      return notUsed(loaded.reason);
    }
    const summaries = new Map<string, ArticleSummary>();
    const slice = new TimeSlice();
    for (const { entry } of loaded.files) {
      if (entry.kind === 'article') summaries.set(entry.summary.uri, entry.summary);
      if (slice.due()) await slice.pause();
    }
    if (this.isDisposed) return notUsed('The window closed.');
    if (loaded.meta.recognizerKey !== this.entities.recognizerKey) {
      // The tree can still start from the saved entries; the names (and so the search's @entities) are found again.
      this.indexer.search.clear();
      await this.corpus.restore(loaded.files);
      this.log.info(`The knowledge bases changed since the index was saved (${loaded.meta.savedAt}): ${summaries.size.toLocaleString('en')} articles listed from it, their names and words indexed again.`);
      return notUsed('The knowledge bases changed since it was saved.', summaries.size);
    }
    try {
      await this.indexer.restore(loaded.entities, loaded.meta.recognizerKey, summaries);
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      this.log.warn(`Discarded the saved index ${file}: ${error.message}. The corpus is read and indexed again.`);
      return notUsed(error.message);
    }
    // Forgotten meanwhile (the saved-index tests' closing of a window's state): the next start reads everything.
    if (!(await this.corpus.restore(loaded.files))) return notUsed('The corpus was forgotten while it was restored.');
    const ms = Math.round(performance.now() - started);
    this.log.info(
      `Started from the saved index of ${summaries.size.toLocaleString('en')} articles (saved ${loaded.meta.savedAt}, ${megabytes(loaded.bytes)}) in ${ms} ms; checking the files for changes.`,
    );
    return { restored: true, articles: summaries.size, ms };
  }

  private scheduleSave(): void {
    if (this.suspended || this.indexer.contentVersion === this.savedVersion) return;
    clearTimeout(this.saveTimer);
    const sinceLast = this.lastSavedAt === undefined ? Infinity : performance.now() - this.lastSavedAt;
    this.saveTimer = setTimeout(() => void this.saveNow(), Math.max(SAVE_DELAY_MS, SAVE_INTERVAL_MS - sinceLast));
  }

  /** Saves the indexes if they changed since last saved and have settled; saves never overlap. */
  private saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saving = this.saving
      .then(() => this.save())
      .catch((error: unknown) => {
        this.lastSaveValue = `Saving the index to ${this.store.file.fsPath} failed: ${error instanceof Error ? error.message : String(error)}`;
        this.log.error(this.lastSaveValue);
      });
    return this.saving;
  }

  private async save(): Promise<void> {
    const version = this.indexer.contentVersion;
    if (this.suspended || this.isDisposed) return;
    if (version === this.savedVersion) {
      this.lastSaveValue = 'The saved index is current.';
      return;
    }
    const started = performance.now();
    // Mid-run (a change came since): the run's end saves.
    const state = await this.indexer.savedState();
    // A test closing the window's state, or the window closing, while the entities were copied.
    if (this.suspended || this.isDisposed) return;
    if (!state) {
      this.lastSaveValue = 'Not saved: indexing is under way.';
      // Saved once it has settled.
      this.scheduleSave();
      return;
    }
    if (this.store.file.scheme !== 'file') {
      this.lastSaveValue = 'Not saved: the storage is not on disk.';
      return;
    }
    const files = await this.corpus.savedFiles();
    if (this.suspended || this.isDisposed) return;
    let stale: SavedFile | undefined;
    const slice = new TimeSlice();
    for (const file of files) {
      const { entry } = file;
      if (entry.kind === 'article' && state.indexedFrom.get(entry.summary.uri) !== entry.summary) {
        stale = file;
        break;
      }
      if (slice.due()) await slice.pause();
    }
    if (this.suspended || this.isDisposed) return;
    if (stale) {
      // Not expected once indexing has settled; the next settled index is saved.
      this.lastSaveValue = `Not saved: ${stale.entry.kind === 'article' ? stale.entry.summary.uri : ''} is not indexed as the corpus has it.`;
      this.log.info(this.lastSaveValue);
      return;
    }
    const articles = state.entities.uris.length;
    // The search worker takes its copy of the search index now, and encodes and writes the file.
    const written = await this.indexer.search.save(
      this.store.file.fsPath,
      { extensionVersion: INDEX_BUILD_ID, recognizerKey: state.recognizerKey, savedAt: new Date().toISOString() },
      state.entities,
      files,
    );
    this.savedVersion = version;
    if (written.refused) {
      this.lastSaveValue = `The index is not saved: ${written.refused}.`;
      this.log.warn(this.lastSaveValue);
      return;
    }
    this.lastSavedAt = performance.now();
    this.lastSaveValue = `Saved the index of ${articles.toLocaleString('en')} articles (${megabytes(written.bytes ?? 0)}) in ${Math.round(performance.now() - started)} ms to ${this.store.file.fsPath}.`;
    this.log.info(this.lastSaveValue);
  }

  /** Resolves when the indexes, as they are once indexing is done, are on disk, with what the save did. */
  async whenSaved(): Promise<string> {
    await this.indexer.whenIndexed();
    await this.saveNow();
    return this.lastSaveValue;
  }

  /** Deletes the saved index, then reads and indexes the whole corpus again (the command). */
  async clear(): Promise<void> {
    // A restore under way would put back what is cleared here: it finishes first.
    await this.starting.catch(() => undefined);
    clearTimeout(this.saveTimer);
    await this.saving;
    const existed = await this.store.delete();
    this.savedVersion = -1;
    this.log.info(existed ? `Deleted the saved index ${this.store.file.fsPath}.` : 'There was no saved index to delete.');
    void vscode.window.showInformationMessage(
      `${existed ? 'Cleared the saved index' : 'There was no saved index'}: Annotated Reader is reading and indexing the corpus again.`,
    );
    this.indexer.reindexAll();
    await this.corpus.rereadAll();
  }

  /**
   * Closes and reopens the window's corpus state, as a window reload would: the indexes are saved, everything is
   * forgotten, `between` runs (a test changes files while "closed"), then the window starts again.
   */
  async reopen(between?: () => Promise<void>): Promise<void> {
    await this.whenSaved();
    this.suspended = true;
    try {
      this.corpus.forget();
      this.indexer.forget();
      await between?.();
    } finally {
      this.suspended = false;
    }
    await this.start(Promise.resolve());
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
