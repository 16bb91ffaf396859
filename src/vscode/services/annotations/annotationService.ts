import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { describeRange } from '../../../core/annotations/anchoring';
import { type HighlightColour, parseColours } from '../../../core/annotations/colours';
import { type Annotation, type AnnotationContent, createAnnotation, editAnnotation, reanchorAnnotation, textHash } from '../../../core/annotations/model';
import { type Placement, placeAnnotations } from '../../../core/annotations/placement';
import { AnnotationStore, type Conflict, type StoreState } from '../../../core/annotations/store';
import { config } from '../../config';
import type { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../../util/disposable';
import { parseUri, resolveSettingPath } from '../../util/uri';
import { PlacementRunner } from './placementRunner';
import { storeFileSystemFor } from './storeFiles';

/** Sources of sample articles: the bundled corpus moves with each version of the extension. */
const SAMPLE_SOURCE = 'sample:';
/** Deleted annotations kept for undo. */
const UNDO_DEPTH = 50;

/** An article's annotations as placed in its text now. */
export interface ArticlePlacement extends Placement {
  readonly uri: string;
}

/**
 * The user's annotations: the store behind them (the workspace's file, or
 * the extension's global storage without a workspace), where each belongs,
 * and the edits the UI makes. Everything that shows annotations listens to
 * `onDidChange`.
 */
export class AnnotationService extends Disposable {
  private store: AnnotationStore | undefined;
  private fileUri: vscode.Uri | undefined;
  private loading: Promise<void> = Promise.resolve();
  private watcher: vscode.Disposable | undefined;
  private outsideTimer: ReturnType<typeof setTimeout> | undefined;
  /** Annotations by the article they belong to (a URI string), rebuilt when annotations or the corpus change. */
  private byArticle: Map<string, Annotation[]> | undefined;
  private readonly placements = new Map<string, { text: string; version: number; placement: Promise<Placement> }>();
  private readonly runner: PlacementRunner;
  /** Suggested places the user dismissed this session: those annotations are listed as not found instead. */
  private readonly dismissed = new Set<string>();
  private version = 0;
  private readonly deleted: Annotation[] = [];
  private colourList: readonly HighlightColour[] = [];
  private reportedColourProblems = '';

  private readonly onDidChangeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.onDidChangeEmitter.event;

  constructor(
    private readonly corpus: CorpusService,
    private readonly extensionUri: vscode.Uri,
    private readonly globalStorageUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    // A worker thread needs the extension on disk (not so in a web extension host: there, slices in this thread).
    this.runner = this.register(new PlacementRunner(extensionUri.scheme === 'file' ? extensionUri.fsPath : '', log));
    this.readColours();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (config.affects(event, 'annotations.file')) void this.load();
        if (config.affects(event, 'annotations.colours')) {
          this.readColours();
          this.changed();
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.load()));
    this.register(
      corpus.corpus.onDidChange(() => {
        // Where annotations belong may have changed (an article came or went); with none, nothing shows any.
        this.byArticle = undefined;
        if (this.all().length) this.changed();
      }),
    );
    this.register({ dispose: () => this.watcher?.dispose() });
    this.register({ dispose: () => clearTimeout(this.outsideTimer) });
  }

  /** The annotations file. */
  get location(): vscode.Uri | undefined {
    return this.fileUri;
  }

  /** Why annotations cannot be changed now (the file is broken), if they cannot. */
  get readOnlyReason(): string | undefined {
    const state = this.store?.state;
    return state?.kind === 'readOnly' ? state.problem : undefined;
  }

  /** The colours the user named, in settings order. */
  colours(): readonly HighlightColour[] {
    return this.colourList;
  }

  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /** Resolves when the saves queued so far are on disk (or have failed). */
  async whenSaved(): Promise<void> {
    await this.loading;
    await this.store?.settled();
  }

  all(): Annotation[] {
    return this.store?.all() ?? [];
  }

  get(id: string): Annotation | undefined {
    return this.store?.get(id);
  }

  /** Reads the annotations file (again): at start, and when the setting or the workspace folders change. */
  load(): Promise<void> {
    this.loading = this.loading.then(() => this.loadNow()).catch((error) => this.log.error('Loading annotations failed', error));
    return this.loading;
  }

  private async loadNow(): Promise<void> {
    const uri = this.resolveFile();
    const store = new AnnotationStore(storeFileSystemFor(uri), uri.toString(), undefined, (conflicts) => void this.askAboutConflicts(conflicts));
    // The old store serves until the new one has read the file: nothing is drawn empty meanwhile.
    const { skipped } = await store.load();
    this.store = store;
    if (this.fileUri?.toString() !== uri.toString()) {
      // Another file: deletions made in the old one are not undone into this one.
      this.deleted.length = 0;
      this.fileUri = uri;
      this.watch(uri);
    }
    this.log.info(`Annotations: ${store.all().length} in ${uri.toString(true)}`);
    if (skipped.length) {
      void vscode.window.showWarningMessage(
        `Annotated Reader skipped ${skipped.length} broken ${skipped.length === 1 ? 'entry' : 'entries'} of ${displayPath(uri)} (see the output). They are kept in the file as they are, also when annotations are saved.`,
      );
      for (const reason of skipped) this.log.warn(`${uri.toString(true)}: ${reason}`);
    }
    this.reportReadOnly();
    this.changed();
  }

  /** The setting's file (relative to the first workspace folder), or the global storage's without a workspace. */
  private resolveFile(): vscode.Uri {
    const setting = config.annotationsFile();
    if (vscode.workspace.workspaceFolders?.length || /^([a-zA-Z]:)?[/\\~]|^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(setting)) {
      const resolved = resolveSettingPath(setting);
      if ('uri' in resolved) return resolved.uri;
      this.log.warn(`annotatedReader.annotations.file: ${resolved.problem}; using the global storage.`);
    }
    return vscode.Uri.joinPath(this.globalStorageUri, 'annotations.json');
  }

  private watch(uri: vscode.Uri): void {
    this.watcher?.dispose();
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    const onChange = () => {
      clearTimeout(this.outsideTimer);
      this.outsideTimer = setTimeout(() => void this.fileChanged(), 100);
    };
    this.watcher = vscode.Disposable.from(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
  }

  /** The file changed outside (or was our own rename): merged in; a broken file that is now fixed is read again. */
  private async fileChanged(): Promise<void> {
    const store = this.store;
    if (!store) return;
    try {
      if (store.state.kind === 'readOnly') {
        // Fixed (or deleted): merged with what this window holds, and writable again.
        if (await store.reopen()) {
          void vscode.window.showInformationMessage(`Annotated Reader: ${displayPath(this.fileUri)} reads again; annotations can be changed.`);
          this.changed();
        }
        return;
      }
      const before = store.all();
      await store.reloadFromOutside();
      this.reportReadOnly();
      // Our own saves come back here too; only a real change redraws.
      const after = store.all();
      if ((store.state as StoreState).kind === 'readOnly' || after.length !== before.length || after.some((annotation, i) => annotation !== before[i])) this.changed();
    } catch (error) {
      this.log.error('Reading the changed annotations file failed', error);
    }
  }

  private reportReadOnly(): void {
    const state = this.store?.state;
    if (state?.kind !== 'readOnly') return;
    const backup = state.backup ? ` A copy of it was kept as ${displayPath(parseUri(state.backup))}.` : '';
    const recovered = state.recovered ? ` The annotations this window held are saved in ${displayPath(parseUri(state.recovered))}.` : '';
    void vscode.window
      .showErrorMessage(`Annotated Reader: ${state.problem.replace(this.store?.path ?? '', displayPath(this.fileUri))}. The file is not changed; annotations are read-only until it is fixed.${backup}${recovered}`, 'Open File')
      .then((choice) => {
        if (choice && this.fileUri) void vscode.commands.executeCommand('vscode.open', this.fileUri);
      });
  }

  private async askAboutConflicts(conflicts: readonly Conflict[]): Promise<void> {
    const count = conflicts.length;
    const choice = await vscode.window.showWarningMessage(
      `${count === 1 ? 'An annotation was' : `${count} annotations were`} changed both here and in ${displayPath(this.fileUri)} (another window, or a checkout). The newer version of each is kept.`,
      'Keep Mine',
      "Keep the File's",
    );
    if (!choice) return;
    const now = new Date();
    for (const { mine, theirs } of conflicts) {
      // Only where nothing changed since the question was asked (an edit or a delete meanwhile stands).
      const kept = mine.modified >= theirs.modified ? mine : theirs;
      if (this.get(kept.id) !== kept && JSON.stringify(this.get(kept.id)) !== JSON.stringify(kept)) continue;
      const keep = choice === 'Keep Mine' ? mine : theirs;
      if (keep !== kept) await this.put({ ...keep, modified: now.toISOString() });
    }
  }

  // ---- where annotations belong ----

  /** How an annotation names its article: relative to the first workspace folder, `sample:` for the bundled corpus, else the URI. */
  sourceFor(uri: vscode.Uri): string {
    const entry = this.corpus.corpus.get(uri.toString());
    if (entry?.kind === 'article' && entry.summary.origin === 'sample') return `${SAMPLE_SOURCE}${entry.summary.fileName}`;
    const base = this.baseFolder();
    if (base && uri.scheme === base.scheme && uri.authority === base.authority && uri.path.startsWith(`${base.path.replace(/\/$/, '')}/`)) {
      return uri.path.slice(base.path.replace(/\/$/, '').length + 1);
    }
    return uri.toString();
  }

  /** The article an annotation belongs to: its source resolved, or else the only article of the corpus with that file name. */
  articleOf(annotation: Annotation): string {
    const source = annotation.target.source;
    const articles = this.corpus.corpus;
    if (source.startsWith(SAMPLE_SOURCE)) {
      const sample = vscode.Uri.joinPath(this.extensionUri, 'seeds', source.slice(SAMPLE_SOURCE.length)).toString();
      if (articles.get(sample)) return sample;
    } else {
      const direct = /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(source) ? parseUri(source) : this.baseFolder() && vscode.Uri.joinPath(this.baseFolder() as vscode.Uri, source);
      if (direct && articles.get(direct.toString())) return direct.toString();
      if (direct && !this.byName().has(baseName(source))) return direct.toString();
    }
    const named = this.byName().get(baseName(source));
    return named && named !== AMBIGUOUS ? named : source;
  }

  private nameIndex: Map<string, string> | undefined;

  private byName(): Map<string, string> {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const summary of this.corpus.corpus.articles()) {
        this.nameIndex.set(summary.fileName, this.nameIndex.has(summary.fileName) ? AMBIGUOUS : summary.uri);
      }
    }
    return this.nameIndex;
  }

  private baseFolder(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  /** Every article with annotations (URI strings, including ones no longer in the corpus), with its annotations. */
  articles(): ReadonlyMap<string, readonly Annotation[]> {
    if (!this.byArticle) {
      this.nameIndex = undefined;
      const map = new Map<string, Annotation[]>();
      for (const annotation of this.all()) {
        const key = this.articleOf(annotation);
        const list = map.get(key);
        if (list) list.push(annotation);
        else map.set(key, [annotation]);
      }
      this.byArticle = map;
    }
    return this.byArticle;
  }

  forArticle(uri: string): readonly Annotation[] {
    return this.articles().get(uri) ?? [];
  }

  /**
   * The article's annotations placed in `text` (its text now), cached until
   * either changes. Never blocks the extension host: a large article is
   * placed in a worker thread, a small one in slices.
   */
  async placeIn(uri: string, text: string): Promise<ArticlePlacement> {
    let cached = this.placements.get(uri);
    if (!cached || cached.text !== text || cached.version !== this.version) {
      cached = { text, version: this.version, placement: this.runner.place(text, this.forArticle(uri)) };
      this.placements.set(uri, cached);
    }
    return { uri, ...this.withDismissals(await cached.placement) };
  }

  /** The article's annotations placed in its text as read now (every one an orphan when it cannot be read). */
  async place(uri: string): Promise<ArticlePlacement> {
    const parsed = parseUri(uri);
    const outcome = parsed && this.corpus.corpus.get(uri) ? await this.corpus.readArticle(parsed) : undefined;
    if (outcome?.kind === 'article') return this.placeIn(uri, outcome.article.text);
    return { uri, ...placeAnnotations(undefined, this.forArticle(uri)) };
  }

  /** Suggestions the user dismissed are no longer offered: those annotations are orphans, saying why. */
  private withDismissals(placement: Placement): Placement {
    if (!placement.review.some(({ annotation }) => this.dismissed.has(annotation.id))) return placement;
    const dismissed = placement.review.filter(({ annotation }) => this.dismissed.has(annotation.id));
    return {
      placed: placement.placed,
      review: placement.review.filter(({ annotation }) => !this.dismissed.has(annotation.id)),
      orphans: [...placement.orphans, ...dismissed.map(({ annotation }) => ({ annotation, reason: 'its suggested place was dismissed' }))],
    };
  }

  /**
   * Re-anchors an annotation that needs review to its suggested place in the
   * article's text now (the user accepted it): its selectors describe those
   * words from now on; note, tags and colour are kept.
   */
  async acceptSuggestion(id: string): Promise<boolean> {
    const annotation = this.get(id);
    if (!annotation) return false;
    const uri = this.articleOf(annotation);
    const parsed = parseUri(uri);
    const outcome = parsed && this.corpus.corpus.get(uri) ? await this.corpus.readArticle(parsed) : undefined;
    if (outcome?.kind !== 'article') return false;
    const text = outcome.article.text;
    const item = (await this.placeIn(uri, text)).review.find((entry) => entry.annotation.id === id);
    if (!item?.suggestion) return false;
    this.dismissed.delete(id);
    return this.put(reanchorAnnotation(annotation, describeRange(text, item.suggestion.start, item.suggestion.end), textHash(text), new Date()));
  }

  /** Stops offering an annotation's suggested place (for this session): it is listed as not found, its quote and note kept. */
  dismissSuggestion(id: string): void {
    if (!this.get(id) || this.dismissed.has(id)) return;
    this.dismissed.add(id);
    this.changed();
  }

  // ---- edits ----

  /** A new annotation of `text[start, end)` of the article `uri`. */
  async create(uri: vscode.Uri, text: string, start: number, end: number, content: AnnotationContent): Promise<Annotation | undefined> {
    const annotation = createAnnotation({
      id: `urn:uuid:${randomUUID()}`,
      now: new Date(),
      source: this.sourceFor(uri),
      textHash: textHash(text),
      selectors: describeRange(text, start, end),
      content: { ...content, colour: this.knownColour(content.colour) },
    });
    return (await this.put(annotation)) ? annotation : undefined;
  }

  async update(id: string, content: AnnotationContent): Promise<boolean> {
    const annotation = this.get(id);
    if (!annotation) return false;
    // The colour is kept as given: a name no longer in the settings stays until the user picks another.
    return this.put(editAnnotation(annotation, content, new Date()));
  }

  /** Deletes an annotation, keeping it for `restore`. */
  async remove(id: string): Promise<Annotation | undefined> {
    const removed = this.get(id);
    if (!removed || !this.writable()) return undefined;
    // Kept for undo at once: an undo may come before the save is done.
    this.deleted.push(removed);
    if (this.deleted.length > UNDO_DEPTH) this.deleted.shift();
    return (await this.save((store) => store.delete(id))) ? removed : undefined;
  }

  /** Puts back an annotation deleted in this session (undo). */
  async restore(id: string): Promise<boolean> {
    const index = this.deleted.findIndex((annotation) => annotation.id === id);
    if (index < 0) return false;
    const annotation = this.deleted[index];
    const restored = await this.put(annotation);
    // Still undoable if it could not be put back.
    if (restored) this.deleted.splice(this.deleted.indexOf(annotation), 1);
    return restored;
  }

  /** Adds annotations from elsewhere (an import), keeping the newer of any it already has. */
  async putAll(annotations: readonly Annotation[]): Promise<{ added: number; updated: number; unchanged: number } | undefined> {
    const result = { added: 0, updated: 0, unchanged: 0 };
    const changed: Annotation[] = [];
    for (const annotation of annotations) {
      const existing = this.get(annotation.id);
      if (existing && existing.modified >= annotation.modified) result.unchanged++;
      else {
        changed.push(annotation);
        result[existing ? 'updated' : 'added']++;
      }
    }
    if (changed.length === 0) return result;
    if (!this.writable()) return undefined;
    // One save and one redraw for the lot.
    return (await this.save((store) => store.putMany(changed))) ? result : undefined;
  }

  private async put(annotation: Annotation): Promise<boolean> {
    if (!this.writable()) return false;
    return this.save((store) => store.put(annotation));
  }

  /** Makes a change to the store: everything that shows annotations is told at once, and again if the save fails. */
  private async save(change: (store: AnnotationStore) => Promise<unknown>): Promise<boolean> {
    const store = this.store;
    if (!store) return false;
    try {
      const saving = change(store);
      this.changed();
      await saving;
      return true;
    } catch (error) {
      // The file turned out broken when saving: say so as on load (with the copies made), else the error itself.
      if (store.state.kind === 'readOnly') this.reportReadOnly();
      else this.failed(error);
      this.changed();
      return false;
    }
  }

  private writable(): boolean {
    const reason = this.readOnlyReason;
    if (!reason && this.store) return true;
    void vscode.window.showErrorMessage(`Annotated Reader: annotations are read-only. ${reason ?? 'They are still loading.'}`, 'Open File').then((choice) => {
      if (choice && this.fileUri) void vscode.commands.executeCommand('vscode.open', this.fileUri);
    });
    return false;
  }

  private failed(error: unknown): void {
    this.log.error('Saving annotations failed', error);
    void vscode.window.showErrorMessage(`Annotated Reader could not save ${displayPath(this.fileUri)}: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** A colour name the settings know (an unknown one becomes the first colour). */
  knownColour(name: string): string {
    return this.colourList.some((c) => c.name === name) ? name : (this.colourList[0]?.name ?? name);
  }

  private readColours(): void {
    const { colours, problems } = parseColours(config.annotationColours());
    this.colourList = colours;
    const report = problems.join('; ');
    if (report && report !== this.reportedColourProblems) {
      void vscode.window.showWarningMessage(`Annotated Reader: annotatedReader.annotations.colours: ${report}.`);
    }
    this.reportedColourProblems = report;
  }

  private changed(): void {
    this.version++;
    this.byArticle = undefined;
    this.onDidChangeEmitter.fire();
  }
}

const AMBIGUOUS = '\0ambiguous';

function baseName(source: string): string {
  return source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
}

/** A file for messages: its path on disk, or its URI. */
export function displayPath(uri: vscode.Uri | undefined): string {
  if (!uri) return 'the annotations file';
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
