import * as vscode from 'vscode';
import { forEachLimit } from '../../../core/async';
import { type ArticleSummary, compareArticles } from '../../../core/corpus';
import { EntityIndex } from '../../../core/entities/entityIndex';
import type { CooccurrenceList } from '../../../core/entities/cooccurrence';
import type { EntityTimeline } from '../../../core/entities/timeline';
import { packMentions } from '../../../core/entities/mentionPack';
import { config } from '../../config';
import type { EntityIndexState } from '../../../core/entities/entityIndexState';
import type { IndexStatus } from '../../../core/indexStatus';
import type { SearchClient } from '../search/searchClient';
import type { EntityService } from '../entities/entityService';
import type { RecognitionRunner, RecognizedFile } from '../entities/recognitionRunner';
import { findQuotes } from '../../../core/quotes/findQuotes';
import type { IndexedQuote, QuoteFilter, QuoteSpeaker } from '../../../core/quotes/quoteIndex';
import { packQuotes } from '../../../core/quotes/quotePack';
import { Disposable } from '../../util/disposable';
import { TimeSlice } from '../../util/timeSlice';
import type { CorpusService } from '../corpus/corpusService';


/** Files read at once while indexing. */
const READ_CONCURRENCY = 16;
/** How long indexing may hold the extension host before it lets other work run. */
const SLICE_MS = 12;
/** Indexing shows in the status bar when it has at least this much to do. */
const STATUS_PROGRESS_MIN_ARTICLES = 200;
/** Articles restored or copied out between two looks at the clock. */
const RESTORE_STEP_ARTICLES = 500;
/** Views hear about changes at most this often while indexing. */
const NOTIFY_INTERVAL_MS = 500;

/**
 * Keeps the corpus-wide indexes current: the entity index (every article's
 * mentions) and the search index (its words), filled in one pass that reads
 * each article once, in the background (in slices, so the extension host
 * stays responsive), after a load, after each change to the corpus, and
 * again for everything when the knowledge bases change. Both can be used
 * while they fill. Each article is read again from its file: the corpus
 * keeps summaries, not texts.
 */
export class CorpusIndexService extends Disposable {
  /** Each article indexed with its corpus entry, whose tree order ranks an entity's newest articles and whose date places it in the timelines. */
  readonly entities = new EntityIndex<ArticleSummary>({ compare: compareArticles, dateOf: (summary) => summary.date, newestFirst: true });
  readonly search: SearchClient;
  /** The corpus entry each indexed article was indexed from: a new entry object means the file changed. */
  private readonly indexedFrom = new Map<string, ArticleSummary>();
  private running: Promise<void> | undefined;
  private dirty = false;
  /** The recogniser (`EntityService.recognizerKey`) the entity index was made with: another one means indexing everything again. */
  private indexedKey: string;
  /** Changes whenever what the indexes hold changes (an article indexed or dropped, a restore), for saving. */
  private contentVersionValue = 0;
  /** Bumped by every request to index everything again: a restore under way then counts nothing as indexed. */
  private reindexCount = 0;
  /** Articles indexed since the extension started (or since `forget`), for the log and tests. */
  private indexedCount = 0;
  /** The last count of articles to index, and what it was counted for (see `toIndex`). */
  private todoCount: { readonly articles: readonly ArticleSummary[]; readonly version: number; readonly reindexes: number; readonly todo: number } | undefined;
  private readonly onDidChangeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the index has changed: after each run, and now and then during a long one. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly onDidChangeProgressEmitter = this.register(new vscode.EventEmitter<{ done: number; total: number } | undefined>());
  /** Progress of the current run (`undefined` when it is over), for views to show. */
  readonly onDidChangeProgress = this.onDidChangeProgressEmitter.event;
  private progressValue: { done: number; total: number } | undefined;
  private statusValue: IndexStatus = { phase: 'loading', read: 0 };
  private readonly onDidChangeStatusEmitter = this.register(new vscode.EventEmitter<IndexStatus>());
  /** Fires when `status` changes: its phase, or its counts (twice a second at most while loading or indexing). */
  readonly onDidChangeStatus = this.onDidChangeStatusEmitter.event;

  constructor(
    private readonly corpus: CorpusService,
    private readonly knowledgeBases: EntityService,
    private readonly recognition: RecognitionRunner,
    search: SearchClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.search = search;
    // The search worker failed and its index went with it: everything is indexed again.
    this.register(search.onDidLoseContents(() => this.reindexAll()));
    this.register(corpus.corpus.onDidChange(() => this.schedule()));
    this.register(corpus.onDidChangeState(() => this.updateStatus()));
    this.register(corpus.onDidChangeLoadProgress(() => this.updateStatus()));
    this.register(this.onDidChangeProgress(() => this.updateStatus()));
    this.indexedKey = knowledgeBases.recognizerKey;
    this.register(
      knowledgeBases.onDidChange(() => {
        // The same knowledge bases read again (a window starting, a file saved unchanged): nothing to do.
        if (knowledgeBases.recognizerKey === this.indexedKey) return;
        // The recogniser changed: everything is indexed again.
        this.indexedKey = knowledgeBases.recognizerKey;
        this.reindexCount++;
        this.indexedFrom.clear();
        this.schedule();
      }),
    );
  }

  /** Changes whenever what the indexes hold changes. */
  get contentVersion(): number {
    return this.contentVersionValue;
  }

  /** Articles indexed since the extension started, or since `forget`. */
  get indexedSinceStart(): number {
    return this.indexedCount;
  }

  /** Whether the indexes cover the corpus as it is: no run going or waiting, and the corpus loaded. */
  get settled(): boolean {
    return !this.running && !this.dirty && this.corpus.state !== 'loading';
  }

  /**
   * The indexes as saved state, with the recogniser key they were made with, and which corpus entry each
   * indexed article was indexed from. Only while settled: mid-run they cover part of the corpus.
   */
  async savedState(): Promise<{ entities: EntityIndexState; recognizerKey: string; indexedFrom: ReadonlyMap<string, ArticleSummary> } | undefined> {
    if (!this.settled) return undefined;
    const generation = this.entities.generation;
    const recognizerKey = this.indexedKey;
    // Copied in steps, letting the host work in between; if the index changed meanwhile, the copy is no good.
    const indexedFrom = new Map<string, ArticleSummary>();
    const slice = new TimeSlice(SLICE_MS, RESTORE_STEP_ARTICLES);
    for (const [uri, summary] of this.indexedFrom) {
      indexedFrom.set(uri, summary);
      if (slice.due()) {
        await slice.pause();
        if (this.entities.generation !== generation) return undefined;
      }
    }
    const steps = this.entities.exportStateInSteps(RESTORE_STEP_ARTICLES);
    // A step after the index changed may read an article that is gone: the copy is no good then either way.
    const next = () => (this.entities.generation === generation ? steps.next() : undefined);
    const stepSlice = new TimeSlice(SLICE_MS, 1);
    for (let step = next(); ; step = next()) {
      if (!step) return undefined;
      if (step.done) {
        const unchanged = this.settled && this.entities.generation === generation && this.indexedKey === recognizerKey;
        return unchanged ? { entities: step.value, recognizerKey, indexedFrom } : undefined;
      }
      if (stepSlice.due()) await stepSlice.pause();
    }
  }

  /**
   * Takes the entity index an earlier window saved (the search worker has restored the search index from
   * the same file by then), in steps that let the extension host do other work in between. `summaries`
   * are the corpus entries it was made from (the same objects the corpus is given next): an article whose
   * entry the next load keeps is not indexed again. Throws (a `SnapshotError`, every index left empty) if
   * the state does not add up.
   */
  async restore(entities: EntityIndexState, recognizerKey: string, summaries: ReadonlyMap<string, ArticleSummary>): Promise<void> {
    const reindexes = this.reindexCount;
    // The articles' URIs as the corpus entries hold them: the saved file has them twice (the entries' and the
    // entity index's), and two copies of 100,000 URIs are 12 MB more of the host's heap.
    const uris = entities.uris.slice();
    const slice = new TimeSlice(SLICE_MS, RESTORE_STEP_ARTICLES);
    for (let at = 0; at < uris.length; at++) {
      const summary = summaries.get(uris[at]);
      if (summary) uris[at] = summary.uri;
      if (slice.due()) await slice.pause();
    }
    entities = { ...entities, uris };
    try {
      const steps = new TimeSlice(SLICE_MS, 1);
      for (const _ of this.entities.restoreInSteps(entities, (uri) => summaries.get(uri), RESTORE_STEP_ARTICLES)) {
        if (steps.due()) await steps.pause();
      }
    } catch (error) {
      this.forget();
      throw error;
    }
    // Asked to index everything again while restoring (the search worker lost its index, the knowledge
    // bases changed): the restored entities stand until then, but nothing counts as indexed.
    this.indexedFrom.clear();
    this.contentVersionValue++;
    if (this.reindexCount === reindexes && this.knowledgeBases.recognizerKey === recognizerKey) {
      const marking = new TimeSlice(SLICE_MS, RESTORE_STEP_ARTICLES);
      for (let at = 0; at < entities.uris.length; at++) {
        const uri = entities.uris[at];
        const summary = summaries.get(uri);
        if (summary) this.indexedFrom.set(uri, summary);
        if (marking.due()) {
          await marking.pause();
          // Asked meanwhile to index everything again: nothing counts as indexed.
          if (this.reindexCount !== reindexes) {
            this.indexedFrom.clear();
            this.contentVersionValue++;
            break;
          }
        }
      }
    }
    this.indexedKey = this.knowledgeBases.recognizerKey;
    this.contentVersionValue++;
    this.onDidChangeEmitter.fire();
  }

  /** Forgets every index, as a closed window would (for the saved-index tests, and a restore that failed). */
  forget(): void {
    this.entities.clear();
    this.search.clear();
    this.indexedFrom.clear();
    this.indexedKey = this.knowledgeBases.recognizerKey;
    this.indexedCount = 0;
    this.contentVersionValue++;
    this.onDidChangeEmitter.fire();
  }

  /** Indexes every article again (Clear Saved Indexes, a lost search index). */
  reindexAll(): void {
    this.reindexCount++;
    this.indexedFrom.clear();
    this.schedule();
  }

  /**
   * The newest articles (in tree order) that mention an entity, other than
   * `excluding`: kept by the index as articles are indexed (an entity may
   * be named in tens of thousands), only those still in the corpus.
   */
  newestMentioning(entityId: string, excluding: string, limit: number): { uri: string; summary: ArticleSummary }[] {
    const corpus = this.corpus.corpus;
    let result: { uri: string; summary: ArticleSummary }[];
    // Articles gone from the corpus stay indexed until the next run: ask for more if some were.
    for (let asked = limit; ; asked *= 2) {
      const uris = this.entities.firstMentioning(entityId, excluding, asked);
      result = [];
      for (const uri of uris) {
        const entry = corpus.get(uri);
        if (entry?.kind === 'article' && result.length < limit) result.push({ uri, summary: entry.summary });
      }
      if (result.length === limit || uris.length < asked) return result;
    }
  }

  /**
   * An entity's timeline: its mentions and articles per month (every month of its range, zeros too) and per
   * day where the articles' dates give one, from the entity index (not the texts). For the analysis panel's
   * chart and the CLI.
   */
  timeline(entityId: string): EntityTimeline {
    return this.entities.timeline(entityId);
  }

  /** Several entities' timelines over one range of months and days, for a chart comparing them. */
  timelines(entityIds: readonly string[]): EntityTimeline[] {
    return this.entities.timelines(entityIds);
  }

  /**
   * The articles behind one bar of an entity's timeline (a month `YYYY-MM` or a day `YYYY-MM-DD`), newest
   * first, at most `limit`, with how many there are as indexed; only those still in the corpus are listed.
   */
  articlesInPeriod(entityId: string, period: string, limit: number): { total: number; articles: { uri: string; summary: ArticleSummary; mentions: number }[] } {
    const { total, articles } = this.entities.articlesInPeriod(entityId, period, limit);
    return { total, articles: this.inCorpus(articles) };
  }

  /**
   * The entities named with an entity, strongest first (more paragraphs naming both, then more articles, then
   * by name), at most `limit`, and how many there are.
   */
  cooccurring(entityId: string, limit: number): CooccurrenceList {
    return this.entities.cooccurring(entityId, limit);
  }

  /**
   * The articles that name both entities (an edge of the co-occurrence), newest first, at most `limit`, each
   * with how many of its paragraphs name both, and how many there are as indexed; only those still in the
   * corpus are listed.
   */
  articlesWithBoth(a: string, b: string, limit: number): { total: number; articles: { uri: string; summary: ArticleSummary; paragraphs: number }[] } {
    const { total, articles } = this.entities.articlesWithBoth(a, b, limit);
    return { total, articles: this.inCorpus(articles) };
  }

  /**
   * The quotes that pass `filter` (a speaker, a range of dates, kinds), newest article first, an article's in
   * text order: how many as indexed, and those from `offset` (at most `limit`) still in the corpus, each with its
   * article's entry. Offsets only: the words are read from the article when shown.
   */
  quotes(filter: QuoteFilter, offset: number, limit: number): { total: number; quotes: (IndexedQuote & { summary: ArticleSummary })[] } {
    const { total, quotes } = this.entities.quotes.query(filter, offset, limit);
    return { total, quotes: this.inCorpus(quotes) };
  }

  /** How many quotes pass `filter` in each month (`YYYY-MM`), newest first. */
  quoteMonths(filter: QuoteFilter): { month: string; quotes: number }[] {
    return this.entities.quotes.months(filter);
  }

  /** The speakers with the most quotes (at most `limit`, of those whose folded name `matches`), and how many match. */
  topSpeakers(limit: number, matches?: (foldedName: string) => boolean): { speakers: QuoteSpeaker[]; total: number } {
    return this.entities.quotes.topSpeakers(limit, matches);
  }

  /** How many quotes an entity is the speaker of. */
  quoteCount(entityId: string): number {
    return this.entities.quoteCount(entityId);
  }

  /** Indexed articles with their corpus entries, leaving out those gone from the corpus (they stay indexed until the next run). */
  private inCorpus<A extends { readonly uri: string }>(articles: readonly A[]): (A & { summary: ArticleSummary })[] {
    const corpus = this.corpus.corpus;
    const result: (A & { summary: ArticleSummary })[] = [];
    for (const article of articles) {
      const entry = corpus.get(article.uri);
      if (entry?.kind === 'article') result.push({ ...article, summary: entry.summary });
    }
    return result;
  }

  /** Indexing progress, while a run is going. */
  get progress(): { done: number; total: number } | undefined {
    return this.progressValue;
  }

  /** Loading, indexing (with counts), empty or ready: what views say about the corpus and its names. */
  get status(): IndexStatus {
    return this.statusValue;
  }

  private updateStatus(): void {
    const next = this.currentStatus();
    const now = this.statusValue;
    if (JSON.stringify(next) === JSON.stringify(now)) return;
    this.statusValue = next;
    this.onDidChangeStatusEmitter.fire(next);
  }

  private currentStatus(): IndexStatus {
    if (this.isDisposed) return this.statusValue;
    if (this.corpus.state === 'loading') return { phase: 'loading', read: this.corpus.loadProgress?.read ?? 0, total: this.corpus.loadProgress?.total };
    if (this.running) {
      if (this.progressValue) return { phase: 'indexing', ...this.progressValue };
      // A run about to start: the articles it will index. None (files only removed, or a restored corpus
      // whose files are being checked): the index answers for the corpus as it is, so it says ready.
      const todo = this.toIndex();
      if (todo > 0) return { phase: 'indexing', done: 0, total: todo };
    }
    return this.corpus.state === 'empty' ? { phase: 'empty' } : { phase: 'ready' };
  }

  /**
   * How many of the corpus's articles are not indexed as they are, counted again only when the corpus or
   * the index changed: the status asks on every step of a load, and at 100,000 articles each count is a pass.
   */
  private toIndex(): number {
    const articles = this.corpus.corpus.articles();
    const counted = this.todoCount;
    if (counted && counted.articles === articles && counted.version === this.contentVersionValue && counted.reindexes === this.reindexCount) return counted.todo;
    // Nothing indexed yet (a cold start): all of them, without a pass.
    const todo = this.indexedFrom.size === 0 ? articles.length : articles.filter((article) => this.indexedFrom.get(article.uri) !== article).length;
    this.countedToIndex(articles, todo);
    return todo;
  }

  /**
   * What a run found (or left) to index of `articles`, for `toIndex` to answer from until the corpus or the index
   * changes; `at` is the index's version the count was taken at (default: now).
   */
  private countedToIndex(articles: readonly ArticleSummary[], todo: number, at = { version: this.contentVersionValue, reindexes: this.reindexCount }): void {
    this.todoCount = { articles, version: at.version, reindexes: at.reindexes, todo };
  }

  /** Resolves when the index covers the corpus as it is now. */
  async whenIndexed(): Promise<void> {
    await this.corpus.whenLoaded();
    while (this.running) await this.running;
  }

  /** Starts a run, or asks the running one to go round again. */
  schedule(): void {
    if (this.isDisposed) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.running = this.run()
      .catch((error: unknown) => this.log.error('Indexing names failed', error))
      .finally(() => {
        this.running = undefined;
        if (this.dirty) this.schedule();
        else this.updateStatus();
      });
    this.updateStatus();
  }

  private async run(): Promise<void> {
    do {
      this.dirty = false;
      await this.corpus.whenLoaded();
      if (this.isDisposed) return;
      const corpus = this.corpus.corpus;
      const articles = corpus.articles();
      // Passes over the corpus, in slices (at 100,000 articles each is tens of milliseconds): a change meanwhile
      // marks the run dirty, and it goes round again.
      const slice = new TimeSlice(SLICE_MS, RESTORE_STEP_ARTICLES);
      // Every article indexed (or tried: a file that failed to read is remembered too) and gone since.
      const gone: string[] = [];
      for (const uri of this.indexedFrom.keys()) {
        if (corpus.get(uri)?.kind !== 'article') gone.push(uri);
        if (slice.due()) await slice.pause();
      }
      for (const uri of this.entities.articleUris()) {
        if (!this.indexedFrom.has(uri) && corpus.get(uri)?.kind !== 'article') gone.push(uri);
        if (slice.due()) await slice.pause();
      }
      if (this.isDisposed) return;
      for (const uri of gone) {
        // Back meanwhile: indexed again (or kept) as the next round finds it.
        if (corpus.get(uri)?.kind === 'article') continue;
        this.entities.delete(uri);
        this.search.remove(uri);
        this.indexedFrom.delete(uri);
        this.contentVersionValue++;
      }
      // The count below is of the index as it is now: a change while it is taken (a restore, say) must make it stale.
      const countedAt = { version: this.contentVersionValue, reindexes: this.reindexCount };
      const todo: ArticleSummary[] = [];
      for (const article of articles) {
        if (this.indexedFrom.get(article.uri) !== article) todo.push(article);
        if (slice.due()) await slice.pause();
      }
      if (this.isDisposed) return;
      // Counted in slices here, the status need not count them again at once (a pass of the whole corpus).
      if (!this.dirty) this.countedToIndex(articles, todo.length, countedAt);
      if (todo.length > 0) await this.indexArticles(todo, articles);
      this.onDidChangeEmitter.fire();
    } while (this.dirty && !this.isDisposed);
  }

  /**
   * An article's parts for the index and its mentions. A file on disk is read, parsed and recognised in
   * the recognition worker; others are read here (through `workspace.fs`) and recognised there.
   */
  private async readAndRecognize(uri: vscode.Uri, maxBytes: number): Promise<RecognizedFile | undefined> {
    if (uri.scheme === 'file') return this.recognition.recognizeFile(uri.fsPath, maxBytes);
    const outcome = await this.corpus.readArticle(uri, maxBytes);
    if (outcome.kind !== 'article') return undefined;
    const { title, text, date, blocks } = outcome.article;
    const paragraphStarts = blocks.map((block) => block.start);
    const found = await this.recognition.recognize(text);
    const mentions = packMentions(found, paragraphStarts);
    return { article: { title, text, date }, mentions, quotes: packQuotes(findQuotes(outcome.article, found), mentions.ids, text) };
  }

  /** Indexes `todo`, the articles of `articles` (the corpus's, when the run began) not indexed as they are. */
  private async indexArticles(todo: readonly ArticleSummary[], articles: readonly ArticleSummary[]): Promise<void> {
    const started = Date.now();
    let done = 0;
    let status: vscode.Progress<{ message?: string }> | undefined;
    // Listeners hear of progress (and of the index so far) twice a second at most: the workbench
    // drops tree-view updates that come faster than it shows them (it waits for a pause).
    let reported = 0;
    const report = (force = false) => {
      this.progressValue = { done, total: todo.length };
      if (!force && Date.now() - reported < NOTIFY_INTERVAL_MS) return;
      reported = Date.now();
      this.onDidChangeProgressEmitter.fire(this.progressValue);
      status?.report({ message: `Indexing articles ${done.toLocaleString('en')}/${todo.length.toLocaleString('en')}` });
      if (done > 0) this.onDidChangeEmitter.fire();
    };
    const work = async (progress?: vscode.Progress<{ message?: string }>) => {
      status = progress;
      const slice = new TimeSlice(SLICE_MS, 1);
      // Read once for the run (a read of the settings makes an object of them: 100,000 of them were 0.6 GB of
      // garbage on the host); a change of the setting reloads the corpus, and a new run reads it again.
      const maxBytes = config.maxFileSizeBytes();
      await forEachLimit(todo, READ_CONCURRENCY, async (summary) => {
        // A newer change (or the end) makes this run's remaining work moot; the next run redoes what is needed.
        if (this.dirty || this.isDisposed) return;
        const recognized = await this.readAndRecognize(vscode.Uri.parse(summary.uri, true), maxBytes);
        if (this.dirty || this.isDisposed) return;
        if (recognized) {
          const { article, mentions, quotes } = recognized;
          this.entities.setPacked(summary.uri, mentions, summary, quotes);
          this.search.add(summary.uri, { title: article.title, text: article.text, date: article.date, entityIds: mentions.ids });
        } else {
          this.entities.delete(summary.uri);
          this.search.remove(summary.uri);
        }
        this.indexedFrom.set(summary.uri, summary);
        this.contentVersionValue++;
        this.indexedCount++;
        done++;
        if (slice.due()) {
          report();
          // Let the extension host do other work between slices.
          await slice.pause();
        }
      });
    };
    report(true);
    try {
      if (todo.length >= STATUS_PROGRESS_MIN_ARTICLES) {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Annotated Reader' }, work);
      } else await work();
      // Every one indexed, unless something changed meanwhile: the status, asked again as the progress ends
      // (below), says so without a pass over the corpus.
      if (!this.dirty && !this.isDisposed && this.corpus.corpus.articles() === articles) this.countedToIndex(articles, 0);
      // The last count too (all of them), whatever the rate limit left out.
      report(true);
    } finally {
      this.progressValue = undefined;
      this.onDidChangeProgressEmitter.fire(undefined);
    }
    if (this.dirty) this.log.info(`Indexing: ${done.toLocaleString('en')} of ${todo.length.toLocaleString('en')} articles before a change; going on with the changed corpus.`);
    else this.log.info(`Indexed the names and words of ${done.toLocaleString('en')} articles in ${Date.now() - started} ms.`);
  }
}
