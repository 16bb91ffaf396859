import * as vscode from 'vscode';
import { type ArticleOrigin, Corpus, type CorpusEntry, entryUri } from '../../../core/corpus';
import { forEachLimit } from '../../../core/async';
import { type GlobMatcher, compileGlob, globMatcher } from '../../../core/glob';
import { type CorpusConfig, config } from '../../config';
import { ViewId } from '../../constants';
import { Disposable } from '../../util/disposable';
import { TimeSlice } from '../../util/timeSlice';
import { resolveSettingPath } from '../../util/uri';
import type { SavedFile } from '../../../core/persist/indexSnapshot';
import type { EntryOutcome } from '../../../node/articleFromDisk';
import { type FileOutcome, fileNameOf, readArticleFile, readArticleText } from './articleFiles';
import { describeError, sizeInStamp, statStamp } from './fileAccess';
import { walkFolder } from './folderWalk';

export type CorpusState = 'loading' | 'empty' | 'ready';

/** A folder articles are looked for in, with the patterns that apply there. */
interface Root {
  readonly base: vscode.WorkspaceFolder | vscode.Uri;
  readonly uri: vscode.Uri;
  readonly origin: ArticleOrigin;
  readonly include: string;
  readonly exclude: string;
  readonly includes: GlobMatcher;
  readonly excludes: GlobMatcher;
  /** Why this root cannot be searched (an invalid pattern), if it cannot. */
  readonly invalid?: string;
}

/** A change reported by a watcher, applied in the next batch. */
interface PendingChange {
  readonly uri: vscode.Uri;
  readonly root: Root;
  /** `created` comes from the folder watcher: perhaps a folder moved or copied in. */
  readonly change: 'changed' | 'deleted' | 'created';
}

interface Candidate {
  readonly uri: vscode.Uri;
  readonly origin: ArticleOrigin;
}

/** Files read at once while loading. */
const READ_CONCURRENCY = 16;
/** Corpus entries taken in per step as a saved index is restored (a few milliseconds' work). */
const RESTORE_STEP_ENTRIES = 2000;
/** How long file-system events are gathered before they are applied. */
const WATCH_DEBOUNCE_MS = 250;
/** How often a first load shows what it has read so far. */
const PROGRESSIVE_FILL_MS = 1000;
/** …or when this many entries have come since the last fill. */
const PROGRESSIVE_FILL_ENTRIES = 1500;
/** Loads that take longer than this show their progress in the status bar too. */
const STATUS_PROGRESS_DELAY_MS = 800;
/** Listeners hear how far a load has read at most this often. */
const LOAD_PROGRESS_INTERVAL_MS = 500;

/** How far a load has got: files read of the files found (`total` is undefined while files are still being looked for). */
export interface LoadProgress {
  readonly read: number;
  readonly total?: number;
}

/**
 * Finds the article files (workspace folders, configured folders, the
 * bundled sample), reads them through `workspace.fs` without blocking the
 * editor, and keeps the corpus current as files change.
 */
export class CorpusService extends Disposable {
  readonly corpus = this.register(new Corpus());
  private stateValue: CorpusState = 'loading';
  private readonly onDidChangeStateEmitter = this.register(new vscode.EventEmitter<CorpusState>());
  readonly onDidChangeState = this.onDidChangeStateEmitter.event;
  private loadProgressValue: LoadProgress | undefined;
  private progressOwner: symbol | undefined;
  private readonly onDidChangeLoadProgressEmitter = this.register(new vscode.EventEmitter<LoadProgress | undefined>());
  /** Fires as a load reads files (twice a second at most) and with `undefined` when it is over. */
  readonly onDidChangeLoadProgress = this.onDidChangeLoadProgressEmitter.event;

  private generation = 0;
  /** The load under way; before the first one starts (while a saved index is read), one that waits for it. */
  private currentLoad: Promise<void>;
  /** Resolves the wait for the first load, with that load. */
  private startLoad: ((load: Promise<void>) => void) | undefined;
  private watchers: vscode.Disposable[] = [];
  private readonly pending = new Map<string, PendingChange>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Batches of watcher changes, applied one after another. */
  private applying: Promise<void> = Promise.resolve();
  private sampleShown = false;
  /**
   * Each entry's file stamp when it was read: a load keeps an entry whose file still has it, without
   * reading the file. Kept by entry, not by file: a stamp vouches only for the entry read with it (a file
   * read again whose new entry has not reached the corpus yet, or never does, leaves the old entry
   * without a stamp that is not its own).
   */
  private stamps = new WeakMap<CorpusEntry, string>();
  /** Files a load took as they were (unchanged since they were read) and files it read, for the log and tests. */
  private loadCounts = { kept: 0, read: 0 };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.currentLoad = this.awaitFirstLoad();
    this.register({ dispose: () => this.disposeWatchers() });
    // Disposed before it ever loaded: nothing waits for a load that will not come.
    this.register({ dispose: () => this.startLoad?.(Promise.resolve()) });
    this.register({ dispose: () => clearTimeout(this.pendingTimer) });
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Before the corpus has started, its first load reads the settings as they are then.
        if (this.startLoad) return;
        if (['include', 'exclude', 'folders', 'sampleCorpus', 'maxFileSizeMB'].some((key) => config.affects(event, key))) {
          void this.reload();
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => !this.startLoad && void this.reload()));
  }

  get state(): CorpusState {
    return this.stateValue;
  }

  /** How far the load in progress has read, while one is going. */
  get loadProgress(): LoadProgress | undefined {
    return this.loadProgressValue;
  }

  private neededListener: (() => void) | undefined;
  private diskReader: DiskReader | undefined;

  /** Reads the corpus's files on disk with `reader` (the recognition worker's), not in the extension host. */
  readFilesWith(reader: DiskReader): void {
    this.diskReader = reader;
  }

  /** Calls `listener` when something first waits for the corpus (`whenLoaded`): the corpus starts only when needed. */
  onNeeded(listener: () => void): void {
    this.neededListener = listener;
  }

  /** Resolves when no load is in progress any more (a load superseded by a newer one is waited past); starts the corpus if it has not started. */
  async whenLoaded(): Promise<void> {
    this.neededListener?.();
    let load: Promise<void>;
    do {
      load = this.currentLoad;
      await load;
    } while (load !== this.currentLoad);
  }

  /** Reads everything again. A newer reload supersedes one still running. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    const load = this.load(generation).catch((error: unknown) => {
      this.log.error('Loading the corpus failed', error);
      void vscode.window.showErrorMessage(`Annotated Reader could not load the articles: ${describeError(error)}`);
      if (generation === this.generation) this.setState(this.corpus.size === 0 ? 'empty' : 'ready');
    });
    this.currentLoad = load;
    this.startLoad?.(load);
    this.startLoad = undefined;
    return load;
  }

  /** A promise for the next load, for `whenLoaded` to wait on until `reload` starts it. */
  private awaitFirstLoad(): Promise<void> {
    return new Promise<Promise<void>>((resolve) => (this.startLoad = resolve)).then((load) => load);
  }

  /** How many files the last load kept unread (their stamp had not changed) and how many it read. */
  get lastLoadCounts(): { readonly kept: number; readonly read: number } {
    return this.loadCounts;
  }

  /**
   * Starts from entries an earlier window saved, with their stamps: the tree shows them at once, and the
   * next load reads only the files whose stamp has changed (and those it had not seen). False if the corpus
   * was forgotten meanwhile (nothing was taken).
   */
  async restore(files: readonly SavedFile[]): Promise<boolean> {
    // In slices: 100,000 entries at once held the host a quarter of a second as the window opened. Forgotten
    // meanwhile (`forget`, a new generation): left as it is.
    const generation = this.generation;
    const stamps = new WeakMap<CorpusEntry, string>();
    const slice = new TimeSlice();
    for (const file of files) {
      stamps.set(file.entry, file.stamp);
      if (slice.due()) {
        await slice.pause();
        if (generation !== this.generation) return false;
      }
    }
    const steps = new TimeSlice(undefined, 1);
    const entries = files.map((file) => file.entry);
    for (const _ of this.corpus.resetInSteps(entries, { inTreeOrder: true }, RESTORE_STEP_ENTRIES)) {
      if (steps.due()) {
        await steps.pause();
        if (generation !== this.generation) return false;
      }
    }
    this.stamps = stamps;
    if (this.corpus.size > 0) this.setState('ready');
    return true;
  }

  /** The entries with the stamps they were read at, for a saved index (entries without a stamp are left out: they are read again). */
  async savedFiles(): Promise<SavedFile[]> {
    const files: SavedFile[] = [];
    // In slices (100,000 entries and more); the corpus as it was asked for (a change meanwhile is the next save's).
    const slice = new TimeSlice();
    const add = (entry: CorpusEntry | undefined) => {
      const stamp = entry && this.stamps.get(entry);
      if (entry && stamp !== undefined) files.push({ entry, stamp });
    };
    const articles = this.corpus.articles();
    const problems = this.corpus.problems();
    const entries = articles.map((article) => this.corpus.get(article.uri));
    for (const entry of entries) {
      add(entry);
      if (slice.due()) await slice.pause();
    }
    for (const problem of problems) if (!problem.folder) add(this.corpus.get(problem.uri));
    return files;
  }

  /**
   * Forgets everything, as a closed window would (no watchers, no entries, no stamps); `reload` or
   * `restore` starts again. For the saved-index tests.
   */
  forget(): void {
    this.generation++;
    this.disposeWatchers();
    clearTimeout(this.pendingTimer);
    this.pending.clear();
    this.stamps = new WeakMap();
    this.corpus.reset([]);
    this.setState('loading');
    this.startLoad?.(Promise.resolve());
    this.currentLoad = this.awaitFirstLoad();
  }

  /** Reads everything again, without trusting any stamp (Clear Saved Indexes). */
  rereadAll(): Promise<void> {
    this.stamps = new WeakMap();
    return this.reload();
  }

  /**
   * Reads one article again (for the reader): the text is not kept in the corpus. A caller reading many at once
   * passes the size limit, read once (each read of the settings makes a new object of them).
   */
  async readArticle(uri: vscode.Uri, maxBytes = config.maxFileSizeBytes()): Promise<FileOutcome> {
    const entry = this.corpus.get(uri.toString());
    const origin = entry?.kind === 'article' ? entry.summary.origin : (entry?.problem.origin ?? 'folder');
    return readArticleFile(uri, origin, maxBytes);
  }

  /** An article's text after its header, as `readArticle` gives it, without its structure; undefined when it is not readable as one. */
  readArticleText(uri: vscode.Uri, maxBytes = config.maxFileSizeBytes()): Promise<string | undefined> {
    return readArticleText(uri, maxBytes);
  }

  private async load(generation: number): Promise<void> {
    const settings = config.corpus();
    if (this.corpus.size === 0) this.setState('loading');
    this.watch(settings);

    const progressive = this.corpus.size === 0;
    const done = await this.withProgress(async (report) => {
      const { candidates, problems } = await this.discover(settings);
      if (generation !== this.generation) return undefined;
      report(0, candidates.length);
      const entries: CorpusEntry[] = [...problems];
      let read = 0;
      let lastFill = Date.now();
      this.loadCounts = { kept: 0, read: 0 };
      await forEachLimit(candidates, READ_CONCURRENCY, async (candidate) => {
        if (generation !== this.generation) return;
        const outcome = await this.readOrKeep(candidate.uri, candidate.origin, settings.maxFileSizeBytes);
        if (outcome.kind === 'kept') this.loadCounts.kept++;
        else this.loadCounts.read++;
        if (outcome.kind !== 'skipped') entries.push(outcome.entry);
        report(++read, candidates.length);
        // On a first load the tree fills as files arrive: once a second, or sooner when many have come (each fill
        // merges them into the tree order, and at 6,000 a second a fill held the host 160 ms).
        if (progressive && (Date.now() - lastFill > PROGRESSIVE_FILL_MS || entries.length >= PROGRESSIVE_FILL_ENTRIES) && generation === this.generation) {
          lastFill = Date.now();
          this.corpus.update(entries.splice(0));
        }
      });
      if (generation !== this.generation) return undefined;
      return this.withSampleIfWanted(settings, progressive && this.corpus.articles().length > 0, entries);
    });
    if (!done || generation !== this.generation) return;
    if (progressive) this.corpus.update(done);
    else {
      // Only what changed: most entries are kept as they were (a reopened window's check of its files), and
      // taking all of them again re-sorted 100,000 articles by Norwegian collation (0.6 s of the host's thread).
      const { upserts, removals } = await this.changesTo(done);
      if (generation !== this.generation) return;
      this.corpus.update(upserts, removals);
    }
    const { kept, read } = this.loadCounts;
    this.log.info(
      `Corpus loaded: ${this.corpus.articles().length} articles, ${this.corpus.problems().length} problems` +
        (kept > 0 ? ` (${kept.toLocaleString('en')} files unchanged since they were read, ${read.toLocaleString('en')} read).` : '.'),
    );
    this.setState(this.corpus.size === 0 ? 'empty' : 'ready');
  }

  /** The entries to set and the URIs to remove to make the corpus hold `entries` and no others, found in slices. */
  private async changesTo(entries: readonly CorpusEntry[]): Promise<{ upserts: CorpusEntry[]; removals: string[] }> {
    const slice = new TimeSlice();
    // Those there now: one set meanwhile (a file created while the load ran) is the watcher's, not to remove.
    const before = [...this.corpus.uris()];
    const wanted = new Set<string>();
    const upserts: CorpusEntry[] = [];
    for (const entry of entries) {
      const uri = entryUri(entry);
      wanted.add(uri);
      if (this.corpus.get(uri) !== entry) upserts.push(entry);
      if (slice.due()) await slice.pause();
    }
    const removals: string[] = [];
    for (const uri of before) {
      if (!wanted.has(uri)) removals.push(uri);
      if (slice.due()) await slice.pause();
    }
    return { upserts, removals };
  }

  /** Adds the bundled sample when the setting asks for it, or (`auto`) when nothing else was found. */
  private async withSampleIfWanted(settings: CorpusConfig, alreadyHaveArticles: boolean, entries: CorpusEntry[]): Promise<CorpusEntry[]> {
    const userArticles = alreadyHaveArticles || entries.some((e) => e.kind === 'article');
    const want = settings.sampleCorpus === 'on' || (settings.sampleCorpus === 'auto' && !userArticles);
    this.sampleShown = want;
    if (!want) return entries;
    const sample = await this.readSample();
    const taken = new Set(entries.map((e) => (e.kind === 'article' ? e.summary.uri : e.problem.uri)));
    return [...entries, ...sample.filter((e) => !taken.has(e.kind === 'article' ? e.summary.uri : e.problem.uri))];
  }

  private async readSample(): Promise<CorpusEntry[]> {
    const folder = vscode.Uri.joinPath(this.extensionUri, 'seeds');
    const files = await this.walk(folder, globMatcher('*.txt'), () => false);
    const maxBytes = config.maxFileSizeBytes();
    const outcomes = await Promise.all(files.map((uri) => this.readOrKeep(uri, 'sample', maxBytes)));
    for (const outcome of outcomes) this.loadCounts[outcome.kind === 'kept' ? 'kept' : 'read']++;
    return outcomes.flatMap((outcome) => (outcome.kind === 'skipped' ? [] : [outcome.entry]));
  }

  /**
   * A file's entry: the one it has if the file's stamp is the one it was read at (no need to read it),
   * else read now, its stamp noted.
   */
  private async readOrKeep(uri: vscode.Uri, origin: ArticleOrigin, maxBytes: number): Promise<EntryOutcome | { readonly kind: 'kept'; readonly entry: CorpusEntry }> {
    const key = uri.toString();
    const entry = this.corpus.get(key);
    const known = entry && this.stamps.get(entry);
    if (known !== undefined && entry && originOf(entry) === origin && sizeInStamp(known) <= maxBytes && (await statStamp(uri)) === known) {
      return { kind: 'kept', entry };
    }
    return this.readNoting(uri, origin, maxBytes);
  }

  /** Reads a file, logs what is wrong with it, and notes the stamp it was read at. */
  private async readNoting(uri: vscode.Uri, origin: ArticleOrigin, maxBytes: number): Promise<EntryOutcome> {
    // Files on disk are read and parsed in the worker when there is one; the host only files the entry.
    const outcome: EntryOutcome =
      uri.scheme === 'file' && this.diskReader ? await this.diskReader(uri.fsPath, uri.toString(), fileNameOf(uri), origin, maxBytes) : withWarnings(await readArticleFile(uri, origin, maxBytes));
    this.note(uri, outcome);
    if (outcome.kind !== 'skipped' && outcome.stamp !== undefined) this.stamps.set(outcome.entry, outcome.stamp);
    return outcome;
  }

  private async discover(settings: CorpusConfig): Promise<{ candidates: Candidate[]; problems: CorpusEntry[] }> {
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    const problems: CorpusEntry[] = [];
    for (const root of this.roots(settings)) {
      if (root.invalid) {
        problems.push({ kind: 'problem', problem: { uri: root.uri.toString(), fileName: fileNameOf(root.uri), origin: root.origin, reason: root.invalid, folder: true } });
        continue;
      }
      let files: vscode.Uri[];
      try {
        files = await this.listRoot(root);
      } catch (error) {
        const reason =
          root.origin === 'folder'
            ? `The corpus folder ${root.uri.fsPath} (setting annotatedReader.folders) cannot be read: ${describeError(error)}`
            : `The workspace folder ${root.uri.toString(true)} cannot be read: ${describeError(error)}`;
        problems.push({ kind: 'problem', problem: { uri: root.uri.toString(), fileName: fileNameOf(root.uri), origin: root.origin, reason, folder: true } });
        continue;
      }
      // 100,000 files or more: a URI's string is made on first asking, and all of them at once held the host 0.1 s.
      const slice = new TimeSlice();
      for (const uri of files) {
        const key = uri.toString();
        if (!seen.has(key)) {
          seen.add(key);
          candidates.push({ uri, origin: root.origin });
        }
        if (slice.due()) await slice.pause();
      }
    }
    return { candidates, problems };
  }

  /**
   * Where articles are looked for: each workspace folder, with its own
   * include and exclude patterns, and each configured corpus folder.
   */
  private roots(settings: CorpusConfig): Root[] {
    const root = (base: vscode.WorkspaceFolder | vscode.Uri, origin: ArticleOrigin, patterns: CorpusConfig): Root => {
      const uri = base instanceof vscode.Uri ? base : base.uri;
      const include = compileGlob(patterns.include);
      const exclude = compileGlob(patterns.exclude);
      const never: GlobMatcher = () => false;
      const invalid = !include.ok
        ? `The setting annotatedReader.include is not valid here: ${include.reason}`
        : !exclude.ok
          ? `The setting annotatedReader.exclude is not valid here: ${exclude.reason}`
          : undefined;
      return {
        base,
        uri,
        origin,
        include: patterns.include,
        exclude: patterns.exclude,
        includes: include.ok ? include.match : never,
        excludes: exclude.ok ? exclude.match : never,
        invalid,
      };
    };
    return [
      ...(vscode.workspace.workspaceFolders ?? []).map((folder) => root(folder, 'workspace', config.corpus(folder.uri))),
      ...this.extraFolders(settings).map((uri) => root(uri, 'folder', settings)),
    ];
  }

  /** The files of one root (see `walkFolder`). */
  private async listRoot(root: Root): Promise<vscode.Uri[]> {
    const stat = await vscode.workspace.fs.stat(root.uri);
    if (!(stat.type & vscode.FileType.Directory)) throw new Error('it is not a folder.');
    return this.walk(root.uri, root.includes, root.excludes);
  }

  private walk(root: vscode.Uri, include: (path: string) => boolean, exclude: (path: string) => boolean): Promise<vscode.Uri[]> {
    return walkFolder(root, include, exclude, (message) => this.log.warn(message));
  }

  /** Configured folders as URIs: absolute, `~/…`, or relative to the first workspace folder. */
  private extraFolders(settings: CorpusConfig): vscode.Uri[] {
    return settings.folders.flatMap((raw) => {
      const resolved = resolveSettingPath(raw);
      if ('uri' in resolved) return [resolved.uri];
      this.log.warn(`Ignoring corpus folder "${raw}": ${resolved.problem}.`);
      return [];
    });
  }

  private watch(settings: CorpusConfig): void {
    this.disposeWatchers();
    for (const root of this.roots(settings)) {
      if (root.invalid) continue;
      const relative = (uri: vscode.Uri) => uri.path.slice(root.uri.path.length).replace(/^\//, '');
      const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.base, root.include));
      const onFile = (change: PendingChange['change']) => (uri: vscode.Uri) => {
        if (!root.excludes(relative(uri))) this.queue({ uri, root, change });
      };
      this.watchers.push(files, files.onDidCreate(onFile('changed')), files.onDidChange(onFile('changed')), files.onDidDelete(onFile('deleted')));
      // Folders are reported once, for the folder: one deleted, renamed, moved or copied in.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.base, '**'), false, true, false);
      const onOther = (change: PendingChange['change']) => (uri: vscode.Uri) => {
        const path = relative(uri);
        if (!root.includes(path) && !root.excludes(path) && !root.excludes(`${path}/`)) this.queue({ uri, root, change });
      };
      this.watchers.push(folders, folders.onDidCreate(onOther('created')), folders.onDidDelete(onOther('deleted')));
    }
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
  }

  private queue(change: PendingChange): void {
    this.pending.set(change.uri.toString(), change);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      // A batch that fails is logged; the next one still runs (a rejected chain would stop every later batch).
      this.applying = this.applying.then(() => this.applyPending()).catch((error: unknown) => this.log.error('Applying file changes failed', error));
    }, WATCH_DEBOUNCE_MS);
  }

  /** Applies the changes gathered so far, after any load in progress; batches never overlap. */
  private async applyPending(): Promise<void> {
    await this.whenLoaded();
    const changes = [...this.pending.values()];
    this.pending.clear();
    if (changes.length === 0) return;
    const generation = this.generation;
    const maxBytes = config.maxFileSizeBytes();
    const upserts: CorpusEntry[] = [];
    const removals: string[] = [];
    const removedFolders: string[] = [];
    const read = async (uri: vscode.Uri, origin: ArticleOrigin) => {
      // A file reported changed that has its stamp still (reported twice, touched by nothing that wrote it) is not read again.
      const outcome = await this.readOrKeep(uri, origin, maxBytes);
      if (outcome.kind === 'kept') return;
      if (outcome.kind === 'skipped') removals.push(uri.toString());
      else upserts.push(outcome.entry);
    };
    await forEachLimit(changes, READ_CONCURRENCY, async ({ uri, root, change }) => {
      const key = uri.toString();
      if (change === 'changed') return read(uri, root.origin);
      if (change === 'deleted') {
        // A file we know, or else perhaps a folder: drop everything under it.
        if (this.corpus.get(key)) removals.push(key);
        else removedFolders.push(`${key}/`);
        return;
      }
      // Created: only a folder (moved, renamed or copied in) needs work here.
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (!stat || !(stat.type & vscode.FileType.Directory)) return;
      let files: vscode.Uri[];
      try {
        files = await this.walk(uri, (path) => root.includes(joinRelative(root, uri, path)), (path) => root.excludes(joinRelative(root, uri, path)));
      } catch (error) {
        // Gone again before it could be read (moved on or deleted): its deletion is in this or the next batch.
        this.log.info(`Skipping ${uri.fsPath}: ${describeError(error)}`);
        return;
      }
      for (const file of files) await read(file, root.origin);
    });
    if (generation !== this.generation) return;
    this.corpus.removeUnder(removedFolders);
    this.corpus.update(upserts, removals);
    await this.reconcileSample();
    this.setState(this.corpus.size === 0 ? 'empty' : 'ready');
  }

  /** In `auto` mode the sample comes and goes as the user's own articles appear and disappear. */
  private async reconcileSample(): Promise<void> {
    if (config.sampleCorpus() !== 'auto') return;
    const userArticles = this.corpus.articles().some((a) => a.origin !== 'sample');
    if (userArticles && this.sampleShown) {
      this.sampleShown = false;
      this.corpus.update([], this.corpus.articles().filter((a) => a.origin === 'sample').map((a) => a.uri));
    } else if (!userArticles && !this.sampleShown) {
      this.sampleShown = true;
      this.corpus.update(await this.readSample());
    }
  }

  private note(uri: vscode.Uri, outcome: EntryOutcome): void {
    if (outcome.kind === 'skipped') this.log.trace(`Skipped ${uri.fsPath}: ${outcome.reason}`);
    else if (outcome.kind === 'problem') this.log.warn(`${uri.fsPath}: ${outcome.reason}`);
    else for (const warning of outcome.warnings) this.log.warn(`${uri.fsPath}: ${warning}`);
  }

  private setState(state: CorpusState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.onDidChangeStateEmitter.fire(state);
  }

  /**
   * Runs a load with a progress bar in the Articles view and, when it takes
   * more than a moment, a counter in the status bar.
   */
  private async withProgress<T>(task: (report: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    let counter: ((done: number, total: number) => void) | undefined;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const timer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Annotated Reader' },
        async (progress) => {
          counter = (done, total) => progress.report({ message: `Reading articles ${done.toLocaleString('en')}/${total.toLocaleString('en')}` });
          await finished;
        },
      );
    }, STATUS_PROGRESS_DELAY_MS);
    let told = 0;
    // A newer load (a reload superseding this one) owns the progress from then on.
    const mine = Symbol('load');
    this.progressOwner = mine;
    const report = (done: number, total: number) => {
      counter?.(done, total);
      if (this.progressOwner !== mine) return;
      this.loadProgressValue = { read: done, total };
      // The first count (files found) and the last are told at once, the rest at a bounded rate.
      if (done !== 0 && done !== total && Date.now() - told < LOAD_PROGRESS_INTERVAL_MS) return;
      told = Date.now();
      this.onDidChangeLoadProgressEmitter.fire(this.loadProgressValue);
    };
    this.loadProgressValue = { read: 0 };
    this.onDidChangeLoadProgressEmitter.fire(this.loadProgressValue);
    try {
      return await vscode.window.withProgress({ location: { viewId: ViewId.Articles } }, () => task(report));
    } finally {
      clearTimeout(timer);
      finish();
      if (this.progressOwner === mine) {
        this.loadProgressValue = undefined;
        this.onDidChangeLoadProgressEmitter.fire(undefined);
      }
    }
  }
}

/** Reads, parses and classifies a file on disk elsewhere (see `RecognitionRunner.readEntry`). */
export type DiskReader = (path: string, uri: string, fileName: string, origin: ArticleOrigin, maxBytes: number) => Promise<EntryOutcome>;

/** A host read's outcome as a worker's is: the article's warnings, not the article. */
function withWarnings(outcome: FileOutcome): EntryOutcome {
  return outcome.kind === 'article' ? { kind: 'article', entry: outcome.entry, stamp: outcome.stamp, warnings: outcome.article.warnings } : outcome;
}

function originOf(entry: CorpusEntry): ArticleOrigin {
  return entry.kind === 'article' ? entry.summary.origin : entry.problem.origin;
}

/** The path of `path` (relative to `folder`) relative to the root, for the root's patterns. */
function joinRelative(root: Root, folder: vscode.Uri, path: string): string {
  const prefix = folder.path.slice(root.uri.path.length).replace(/^\//, '');
  return prefix ? `${prefix}/${path}` : path;
}
