import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { bundledKnowledgeBase } from '../../../core/entities/bundled';
import { type CorpusTypes, carryCorpusTypes } from '../../../core/entities/corpusTypes';
import { type KnowledgeBase, type KnowledgeBaseLayer, mergeKnowledgeBaseFiles, mergeKnowledgeBases, parseKnowledgeBase } from '../../../core/entities/knowledgeBase';
import { heldBackNote, knowledgeBasesToRead } from '../../../core/entities/knowledgeBaseTrust';
import { type Recognizer, createRecognizer } from '../../../core/entities/recognizer';
import { prepareGazetteer } from '../../../core/entities/gazetteer';
import type { Entity, EntityMention } from '../../../core/entities/types';
import { MAX_KNOWLEDGE_BASE_BYTES, tooLargeMessage } from '../../../core/limits';
import type { ReaderEntity } from '../../../webview/protocol';
import { config } from '../../config';
import { fileNameOf } from '../corpus/articleFiles';
import { Disposable } from '../../util/disposable';
import { TimeSlice } from '../../util/timeSlice';
import { resolveSettingPath } from '../../util/uri';

/** The workspace's own knowledge base, in each workspace folder. */
export const WORKSPACE_KNOWLEDGE_BASE = '.annotated-reader/knowledge-base.json';
const RELOAD_DEBOUNCE_MS = 300;
/** How long making the gazetteer may hold the extension host before it lets other work run. */
const SLICE_MS = 12;
/** Names put in the gazetteer's table per step. */
const GAZETTEER_STEP_NAMES = 2_500;

interface KnowledgeBaseFile {
  readonly uri: vscode.Uri;
  /** A configured file must exist; a workspace folder's own need not. */
  readonly required: boolean;
  readonly watch: vscode.RelativePattern;
}

/** The corpus's types of rule-found names, and whether they changed since it was last asked (the corpus index). */
export interface CorpusTypeSource extends CorpusTypes {
  readonly typeGeneration: number;
}

/**
 * The knowledge bases and the recogniser, for every feature that shows
 * entities, and the one way mentions reach what the user sees (`mentionsIn`,
 * for the reader and its hover cards, the editor's highlights, hovers and
 * outline, and the corrections): each rule-found name in its corpus type,
 * once the corpus index is wired in (`useCorpusTypes`).
 *
 * The knowledge bases: the bundled one, then the files named in
 * `annotatedReader.knowledgeBases`, then each workspace folder's
 * `.annotated-reader/knowledge-base.json`, later ones taking precedence.
 * The files are watched; a file that cannot be read or has bad entries is
 * reported by name, and everything else keeps working. In Restricted Mode a
 * workspace's own file is not read (the log says so) until trust is granted.
 */
export class EntityService extends Disposable {
  private knowledgeBase: KnowledgeBase;
  private recognizer: Recognizer;
  private recognizerKeyValue: string | undefined;
  private readonly bundled: readonly Entity[];
  private readonly onDidChangeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the knowledge bases changed: recognised entities may differ. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private watchers: vscode.Disposable[] = [];
  /** The files `watchers` watch. */
  private watchedKey: string | undefined;
  private loadGeneration = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Which user file each of the users' entities comes from (the last one, which wins). */
  private definedIn = new Map<string, vscode.Uri>();
  /** Problems already reported, so a file is not reported again until it changes. */
  private reported = new Set<string>();
  /** Workspace knowledge bases held back in Restricted Mode, already noted in the log. */
  private readonly notedHeldBack = new Set<string>();
  private corpusTypes: CorpusTypeSource | undefined;
  /** The corpus types' generation last told of. */
  private toldTypes = 0;
  private readonly onDidChangeCorpusTypesEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the corpus gave rule-found names other types: `mentionsIn` may type them otherwise. */
  readonly onDidChangeCorpusTypes = this.onDidChangeCorpusTypesEmitter.event;

  /** The gazetteer's table made in steps, once the corpus starts (the reader's first article would else wait for it all at once). */
  private gazetteerReady: Promise<void> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    const bundled = bundledKnowledgeBase();
    for (const issue of bundled.issues) log.error(`Bundled knowledge base: ${issue.path}: ${issue.message}`);
    this.bundled = bundled.entities;
    this.knowledgeBase = mergeKnowledgeBases(this.bundled);
    this.recognizer = createRecognizer(this.knowledgeBase);
    this.register({ dispose: () => this.watchers.forEach((w) => w.dispose()) });
    this.register({ dispose: () => clearTimeout(this.reloadTimer) });
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (config.affects(event, 'knowledgeBases')) this.scheduleReload();
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()));
    // Restricted Mode held the workspace's own knowledge base back: read it now.
    this.register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('The workspace is trusted now: reading its knowledge base.');
        void this.load().catch((error: unknown) => this.log.error('Reloading the knowledge bases failed', error));
      }),
    );
  }

  /** Whether names may be added to a knowledge base here: it writes a workspace's file, which Restricted Mode does not allow. */
  get canAdd(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Reads the users' knowledge bases; resolves when they are in use. */
  async load(): Promise<void> {
    this.gazetteerReady ??= this.prepareGazetteer();
    // (Loads may overlap when files change quickly: only the last one started may set the knowledge base.)
    const generation = ++this.loadGeneration;
    const { read: files, heldBack } = knowledgeBasesToRead(this.userFiles(), vscode.workspace.isTrusted);
    this.watch(files);
    await this.noteHeldBack(heldBack);
    const layers: KnowledgeBaseLayer[] = [];
    const definedIn = new Map<string, vscode.Uri>();
    for (const { uri, required } of files) {
      const layer = await this.read(uri, required);
      if (!layer) continue;
      layers.push(layer);
      for (const entity of layer.entities) definedIn.set(entity.id, uri);
    }
    if (generation !== this.loadGeneration) return;
    this.definedIn = definedIn;
    this.knowledgeBase = mergeKnowledgeBaseFiles({ entities: this.bundled }, ...layers);
    this.recognizer = createRecognizer(this.knowledgeBase);
    this.recognizerKeyValue = undefined;
    this.onDidChangeEmitter.fire();
  }

  private async prepareGazetteer(): Promise<void> {
    const slice = new TimeSlice(SLICE_MS, 1);
    // Steps of 2,500 names, a few milliseconds each: the table is made as the window starts, among everything else.
    for (const _ of prepareGazetteer(GAZETTEER_STEP_NAMES)) {
      if (this.isDisposed) return;
      if (slice.due()) await slice.pause();
    }
  }

  /** The mentions in an article's text as the recogniser finds them (cached per text): what the corpus index is given. */
  recognize(text: string): readonly EntityMention[] {
    return this.recognizer.recognize(text);
  }

  /** The mentions in an article's text as the user is shown them: each rule-found name in its corpus type. */
  mentionsIn(text: string): readonly EntityMention[] {
    const mentions = this.recognizer.recognize(text);
    return this.corpusTypes ? carryCorpusTypes(mentions, this.corpusTypes) : mentions;
  }

  /** Changes when `mentionsIn` may type some rule-found name otherwise: for caches of its answers. */
  get corpusTypeGeneration(): number {
    return this.corpusTypes?.typeGeneration ?? 0;
  }

  /**
   * Types rule-found names as `types` (the corpus index) does from now on;
   * `changed` fires when it may have moved on, and `onDidChangeCorpusTypes`
   * follows when its types did.
   */
  useCorpusTypes(types: CorpusTypeSource, changed: vscode.Event<unknown>): void {
    this.corpusTypes = types;
    this.toldTypes = types.typeGeneration;
    this.register(
      changed(() => {
        if (this.corpusTypes !== types || types.typeGeneration === this.toldTypes) return;
        this.toldTypes = types.typeGeneration;
        this.onDidChangeCorpusTypesEmitter.fire();
      }),
    );
  }

  /** The merged knowledge base's entity with this id. */
  knowledgeBaseEntity(id: string): Entity | undefined {
    return this.knowledgeBase.byId(id);
  }

  /** Where the user's knowledge-base file defines an entity: its `"id"` line. Undefined for bundled and rule-found entities. */
  async definitionOf(id: string): Promise<vscode.Location | undefined> {
    const uri = this.definedIn.get(id);
    if (!uri) return undefined;
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const match = new RegExp(`"id"\\s*:\\s*"${id}"`).exec(document.getText());
      return new vscode.Location(uri, match ? document.positionAt(match.index) : new vscode.Position(0, 0));
    } catch {
      return undefined;
    }
  }

  /** The merged knowledge base, as the recogniser uses it. */
  get merged(): KnowledgeBase {
    return this.knowledgeBase;
  }

  /**
   * Tells one recogniser from another: a hash of the merged knowledge bases (entities and names marked
   * as not names). An index made with the same key finds the same mentions; the rules themselves are told
   * apart by the extension's build (see `persistence/buildId.ts`).
   */
  get recognizerKey(): string {
    this.recognizerKeyValue ??= createHash('sha1')
      .update(JSON.stringify({ entities: this.knowledgeBase.entities, notNames: [...(this.knowledgeBase.notNames ?? [])].sort() }))
      .digest('base64');
    return this.recognizerKeyValue;
  }

  /** The user file that defines an entity (the last one, which wins); undefined for bundled and rule-found entities. */
  fileOf(id: string): vscode.Uri | undefined {
    return this.definedIn.get(id);
  }

  /** Every entity of the merged knowledge base. */
  knowledgeBaseEntities(): readonly Entity[] {
    return this.knowledgeBase.entities;
  }

  /**
   * The file new entities go to: the workspace knowledge base of the folder
   * holding `near` (or of the first folder), else the first configured file.
   */
  writableKnowledgeBase(near?: vscode.Uri): vscode.Uri | undefined {
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
    if (folder) return vscode.Uri.joinPath(folder.uri, WORKSPACE_KNOWLEDGE_BASE);
    const [first] = this.userFiles().configured;
    return first?.uri;
  }

  /** What the reader needs to know about the entities of some mentions. */
  describe(mentions: readonly EntityMention[]): Record<string, ReaderEntity> {
    const entities: Record<string, ReaderEntity> = {};
    for (const mention of mentions) {
      if (entities[mention.entityId]) continue;
      const known = this.knowledgeBase.byId(mention.entityId);
      entities[mention.entityId] = {
        name: known?.name ?? mention.canonical,
        type: mention.type,
        description: known?.description ?? '',
        known: known !== undefined,
        addable: this.canAdd,
      };
    }
    return entities;
  }

  /** The configured files (which must exist), then each workspace folder's own (which may not). */
  private userFiles(): { configured: KnowledgeBaseFile[]; workspace: KnowledgeBaseFile[] } {
    const configured = config.knowledgeBases().flatMap((raw): KnowledgeBaseFile[] => {
      const resolved = resolveSettingPath(raw);
      if (!('uri' in resolved)) {
        this.log.warn(`Ignoring knowledge base "${raw}": ${resolved.problem}.`);
        return [];
      }
      const { uri } = resolved;
      return [{ uri, required: true, watch: new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), fileNameOf(uri)) }];
    });
    // Watched from the workspace folder: `.annotated-reader/` may not exist yet.
    const workspace = (vscode.workspace.workspaceFolders ?? []).map((folder): KnowledgeBaseFile => ({
      uri: vscode.Uri.joinPath(folder.uri, WORKSPACE_KNOWLEDGE_BASE),
      required: false,
      watch: new vscode.RelativePattern(folder, WORKSPACE_KNOWLEDGE_BASE),
    }));
    return { configured, workspace };
  }

  /** Says once in the log, for each workspace knowledge base that exists, that Restricted Mode holds it back. */
  private async noteHeldBack(files: readonly KnowledgeBaseFile[]): Promise<void> {
    for (const { uri } of files) {
      if (this.notedHeldBack.has(uri.toString())) continue;
      const exists = await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      );
      if (!exists) continue;
      this.notedHeldBack.add(uri.toString());
      this.log.info(heldBackNote(vscode.workspace.asRelativePath(uri)));
    }
  }

  private async read(uri: vscode.Uri, required: boolean): Promise<KnowledgeBaseLayer | undefined> {
    let text: string;
    try {
      // Not read at all when over the limit: a large one blocks the host while it is parsed and compiled.
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > MAX_KNOWLEDGE_BASE_BYTES) {
        this.report(uri, `is not used: ${tooLargeMessage('it', size, MAX_KNOWLEDGE_BASE_BYTES, 'a knowledge base')}`);
        return undefined;
      }
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (!required && error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      this.report(uri, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const parsed = parseKnowledgeBase(text);
    if (parsed.issues.length) {
      const details = parsed.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
      for (const detail of details) this.log.warn(`${uri.fsPath}: ${detail}`);
      this.report(uri, parsed.entities.length ? `${details.length} ${details.length === 1 ? 'entry was' : 'entries were'} skipped (${details[0]}${details.length > 1 ? ', …' : ''})` : details[0]);
    } else {
      this.reported.delete(uri.toString());
    }
    this.log.info(`Knowledge base ${uri.fsPath}: ${parsed.entities.length} entities${parsed.notNames.length ? `, ${parsed.notNames.length} marked as not names` : ''}.`);
    return parsed;
  }

  /** Tells the user once what is wrong with a file, with a way to open it. */
  private report(uri: vscode.Uri, problem: string): void {
    const message = `Annotated Reader: the knowledge base ${vscode.workspace.asRelativePath(uri)} ${problem}. The rest is used as usual.`;
    this.log.warn(message);
    if (this.reported.has(uri.toString() + problem)) return;
    this.reported.add(uri.toString() + problem);
    void vscode.window.showWarningMessage(message, 'Open File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(uri);
    });
  }

  /**
   * Watches the knowledge-base files. Watchers of the same files are kept as they are: a new watcher takes a
   * moment to start, and a file written meanwhile (just after a reload, which every change brings) went
   * unnoticed until the next change.
   */
  private watch(files: readonly KnowledgeBaseFile[]): void {
    const key = files.map(({ watch }) => `${watch.baseUri.toString()}\n${watch.pattern}`).join('\n');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    for (const file of files) {
      const watcher = vscode.workspace.createFileSystemWatcher(file.watch);
      this.watchers.push(watcher, watcher.onDidCreate(() => this.scheduleReload()), watcher.onDidChange(() => this.scheduleReload()), watcher.onDidDelete(() => this.scheduleReload()));
      // `.annotated-reader/knowledge-base.json` written with its folder in one go (a checkout, a copy): the file's own
      // event can come before the folder is watched and be lost, so the folder's creation reloads too, when the file is
      // there (the folder made for the first annotation holds no knowledge base, and reloading would redraw the reader).
      const folder = file.watch.pattern.split('/').slice(0, -1).join('/');
      if (folder) {
        const folderWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(file.watch.baseUri, folder), false, true, true);
        const inside = vscode.Uri.joinPath(file.watch.baseUri, file.watch.pattern);
        this.watchers.push(
          folderWatcher,
          // (Looked for once the write that made the folder has had time to put the file in it.)
          folderWatcher.onDidCreate(() => {
            setTimeout(() => {
              if (this.isDisposed) return;
              vscode.workspace.fs.stat(inside).then(
                () => this.scheduleReload(),
                () => undefined,
              );
            }, RELOAD_DEBOUNCE_MS);
          }),
        );
      }
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load().catch((error: unknown) => this.log.error('Reloading the knowledge bases failed', error)), RELOAD_DEBOUNCE_MS);
  }
}
