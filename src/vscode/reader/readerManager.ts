import * as vscode from 'vscode';
import { RateLimited } from '../../core/rateLimit';
import type { EntityMention, EntityType } from '../../core/entities/types';
import { truncateAtWord } from '../../core/text';
import {
  type AnnotationEdit,
  type HostMessage,
  type ReaderSettings,
  type RenderCounts,
  type TextRange,
  isReaderState,
  parseWebviewMessage,
} from '../../webview/protocol';
import type { AnnotationService } from '../services/annotations/annotationService';
import type { ArticleOpener, OpenOptions } from '../services/readers/articleOpener';
import { config } from '../config';
import { AnalysisCommandId, CommandId, QuotesCommandId, READER_VIEW_TYPE } from '../constants';
import { fileNameOf } from '../services/corpus/articleFiles';
import type { CorpusService } from '../services/corpus/corpusService';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { EntityService } from '../services/entities/entityService';
import { Disposable } from '../util/disposable';
import { parseUri } from '../util/uri';
import { readerHtml, readerResourceRoots } from './readerHtml';
import { ReaderPresenter, readerMentions } from './readerPresenter';

/** What a reader reported after rendering an article. */
export interface RenderReport {
  readonly uri: string;
  readonly headline: string;
  readonly counts: RenderCounts;
  /** Highlighted entity mentions, by type. */
  readonly highlights: Partial<Record<EntityType, number>>;
  /** Each annotation drawn, with the text its highlights hold in the DOM. */
  readonly annotations: readonly { readonly id: string; readonly text: string }[];
  /** Each speaker label drawn, in text order. */
  readonly speakers: readonly { readonly speaker: string; readonly kind: string }[];
}

/** What became of a message from a reader's webview: acted on, or ignored and why (reported to the integration tests). */
export type MessageOutcome = { readonly handled: true } | { readonly handled: false; readonly reason: string };

const HANDLED: MessageOutcome = { handled: true };

/** What a reader reported after bringing a range into view. */
export interface RevealReport {
  readonly uri: string;
  readonly range: TextRange;
  /** The entity whose mention is there, now selected. */
  readonly entityId?: string;
  /** How many search matches the reader highlights. */
  readonly marked: number;
}

const TAB_TITLE_CHARS = 48;
/** Search matches sent to the reader at most (the protocol refuses more). */
const MAX_MARKS = 10_000;
/** While the corpus is indexed, readers are sent its growing counts at most this often (and once more when it settles). */
const ENTITY_UPDATE_INTERVAL_MS = 1000;

/**
 * Owns the reader panels: one reused tab by default, or one per article
 * (setting `annotatedReader.reader.openInNewTab`), restored after a window
 * reload by the panel serializer.
 */
export class ReaderManager extends Disposable implements ArticleOpener {
  /** What the panels send their webviews. */
  readonly presenter: ReaderPresenter;
  private readonly panels = new Set<ReaderPanel>();
  private lastActive: ReaderPanel | undefined;
  private readonly onDidRenderEmitter = this.register(new vscode.EventEmitter<RenderReport>());
  /** Fires when a reader has rendered an article, with its own account of the DOM. */
  readonly onDidRender = this.onDidRenderEmitter.event;
  private readonly onDidRevealEmitter = this.register(new vscode.EventEmitter<RevealReport>());
  /** Fires when a reader has brought a range into view (opened at a mention or a match). */
  readonly onDidReveal = this.onDidRevealEmitter.event;
  private readonly onDidShowArticleEmitter = this.register(new vscode.EventEmitter<string>());
  /** Fires with the URI of the article a reader has just been given. */
  readonly onDidShowArticle = this.onDidShowArticleEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly corpus: CorpusService,
    private readonly entities: EntityService,
    private readonly indexer: CorpusIndexService,
    readonly annotations: AnnotationService,
    readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.presenter = new ReaderPresenter(corpus, entities, indexer, annotations);
    this.register(
      vscode.window.registerWebviewPanelSerializer(READER_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const reader = this.adopt(panel);
          if (!isReaderState(state)) {
            reader.showFailure('', 'The reader could not be restored.');
            return;
          }
          await corpus.whenLoaded();
          const uri = parseUri(state.uri);
          if (!uri || !corpus.corpus.get(uri.toString())) {
            reader.showFailure(state.uri, 'This article is no longer in the corpus.');
            return;
          }
          await reader.show(uri, state.scroll);
        },
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (config.affects(event, 'reader')) for (const panel of this.panels) panel.postSettings();
      }),
    );
    this.register(corpus.corpus.onDidChange(() => this.refreshChanged()));
    this.register(entities.onDidChange(() => [...this.panels].forEach((panel) => panel.reload())));
    // Every progress report changes the counts: readers hear of them at a bounded rate while indexing, and at once when it settles.
    const entityUpdates = new RateLimited(() => [...this.panels].forEach((panel) => panel.postEntities()), ENTITY_UPDATE_INTERVAL_MS);
    this.register({ dispose: () => entityUpdates.dispose() });
    this.register(indexer.onDidChange(() => (indexer.progress ? entityUpdates.request() : entityUpdates.flush())));
    this.register(annotations.onDidChange(() => [...this.panels].forEach((panel) => void panel.postAnnotations())));
    this.register({ dispose: () => [...this.panels].forEach((panel) => panel.dispose()) });
  }

  /** The reader the user last worked in. */
  get active(): ReaderPanel | undefined {
    return this.lastActive;
  }

  /**
   * Opens `uri` in the reader: the reused tab, a tab already showing it, or
   * a new one; with `reveal`, scrolled to that range of the text and marking it.
   */
  async open(uri: vscode.Uri, options: OpenOptions = {}): Promise<void> {
    const newTab = options.newTab ?? config.reader().openInNewTab;
    const showing = [...this.panels].find((panel) => panel.uri?.toString() === uri.toString());
    const target = showing ?? (newTab ? undefined : (this.lastActive ?? [...this.panels][0]));
    const reader = target ?? this.create(options.preserveFocus ?? false);
    reader.reveal(options.preserveFocus ?? false);
    if (showing && options.reveal && showing.revealInPlace(options)) return;
    await reader.show(uri, undefined, options);
  }

  /** Opens another article at its first mention of an entity (a hover card's link). */
  async openAtEntity(uri: vscode.Uri, entityId: string): Promise<void> {
    const [first] = this.indexer.entities.mentionsIn(uri.toString(), entityId);
    await this.open(uri, { reveal: first });
  }

  /** Moves the active reader `offset` articles along the tree order. */
  async step(offset: 1 | -1): Promise<void> {
    const reader = this.lastActive;
    const current = reader?.uri?.toString();
    if (!reader || !current) return;
    if (this.corpus.corpus.indexOf(current) < 0) {
      void vscode.window.setStatusBarMessage('Annotated Reader: this file is not in the corpus, so it has no next or previous article.', 4000);
      return;
    }
    const next = this.corpus.corpus.neighbour(current, offset);
    if (next) await reader.show(vscode.Uri.parse(next.uri, true));
    else void vscode.window.setStatusBarMessage(offset > 0 ? 'Annotated Reader: this is the last article.' : 'Annotated Reader: this is the first article.', 3000);
  }

  /** @internal Called by panels. */
  didRender(report: RenderReport): void {
    this.onDidRenderEmitter.fire(report);
  }

  /** @internal Called by panels. */
  didReveal(report: RevealReport): void {
    this.onDidRevealEmitter.fire(report);
  }

  /** @internal Called by panels. */
  didShow(panel: ReaderPanel, uri: vscode.Uri): void {
    this.lastActive = panel;
    this.onDidShowArticleEmitter.fire(uri.toString());
  }

  /** @internal Called by panels. */
  didBecomeActive(panel: ReaderPanel): void {
    this.lastActive = panel;
  }

  /** @internal Called by panels. */
  didDispose(panel: ReaderPanel): void {
    this.panels.delete(panel);
    if (this.lastActive === panel) this.lastActive = [...this.panels][0];
  }

  /** The mentions in a text as the user is shown them, each rule-found name in its corpus type (cached per text by the recogniser). */
  entitiesOf(text: string): readonly EntityMention[] {
    return this.entities.mentionsIn(text);
  }

  /** Whether an entity is in the index (a request from a webview names one). */
  knowsEntity(entityId: string): boolean {
    return this.indexer.entities.entity(entityId) !== undefined;
  }

  private create(preserveFocus: boolean): ReaderPanel {
    const panel = vscode.window.createWebviewPanel(
      READER_VIEW_TYPE,
      'Reader',
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: readerResourceRoots(this.extensionUri) },
    );
    return this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): ReaderPanel {
    const reader = new ReaderPanel(panel, this.extensionUri, this);
    this.panels.add(reader);
    this.lastActive ??= reader;
    return reader;
  }

  /** Re-renders readers whose article changed on disk. */
  private refreshChanged(): void {
    for (const panel of this.panels) panel.refreshIfChanged();
  }
}

/** One reader tab. */
export class ReaderPanel extends Disposable {
  private current: vscode.Uri | undefined;
  private shownSummary: unknown;
  private ready = false;
  private pendingScroll: number | undefined;
  private pendingReveal: TextRange | undefined;
  private pendingMarks: readonly TextRange[] | undefined;
  private pendingAnnotation: { id: string; openNote: boolean } | undefined;
  /** The text of the article shown: annotations are made against it. */
  private shownText: string | undefined;
  /** The annotations last sent, as JSON. */
  private postedAnnotations: string | undefined;
  /** The article last sent to the webview. */
  private postedUri: string | undefined;
  /** The mentions of the article shown, for updating its cards. */
  private shownMentions: readonly EntityMention[] = [];
  private loads = 0;
  /** The counts changed while the tab was hidden: sent when it shows again. */
  private entitiesStale = false;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly manager: ReaderManager,
  ) {
    super();
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'reader-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'reader-dark.svg'),
    };
    panel.webview.options = { enableScripts: true, localResourceRoots: readerResourceRoots(extensionUri) };
    panel.webview.html = readerHtml(panel.webview, extensionUri);
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    this.register(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.active) manager.didBecomeActive(this);
        if (webviewPanel.visible && this.entitiesStale) this.postEntities();
      }),
    );
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  async show(uri: vscode.Uri, scroll?: number, options: OpenOptions = {}): Promise<void> {
    this.current = uri;
    this.pendingScroll = scroll;
    this.pendingReveal = options.reveal;
    this.pendingMarks = options.marks;
    this.pendingAnnotation = options.annotationId ? { id: options.annotationId, openNote: options.openNote ?? false } : undefined;
    this.manager.didShow(this, uri);
    if (this.ready) await this.load();
  }

  showFailure(uri: string, reason: string): void {
    this.panel.title = 'Reader';
    const parsed = uri ? parseUri(uri) : undefined;
    void this.post({ type: 'didFailToLoad', uri, fileName: parsed ? fileNameOf(parsed) : '', reason });
  }

  postSettings(): void {
    void this.post({ type: 'didChangeSettings', settings: readerSettings() });
  }

  /** Brings a range of the article already shown into view; false if that cannot be done here. */
  revealInPlace(options: OpenOptions): boolean {
    // Only for the article the webview has been sent (not one still being read).
    if (!options.reveal || !this.current || !this.ready || this.postedUri !== this.current.toString()) return false;
    void this.post({
      type: 'didReveal',
      uri: this.current.toString(),
      range: options.reveal,
      marks: options.marks?.slice(0, MAX_MARKS),
      annotationId: options.annotationId,
      openNote: options.openNote,
    });
    return true;
  }

  /** Sends the shown article's annotations again: they changed. */
  async postAnnotations(): Promise<void> {
    if (!this.current || !this.ready || this.shownText === undefined || this.postedUri !== this.current.toString()) return;
    const uri = this.current;
    const annotations = await this.manager.presenter.describeAnnotations(uri, this.shownText);
    // Another article (or another version of this one) was shown meanwhile: its own load sends its annotations.
    if (this.isDisposed || this.current?.toString() !== uri.toString() || this.postedUri !== uri.toString()) return;
    // Most changes (a corpus change, another article's annotation) leave this article's as they were: nothing to redraw.
    const key = JSON.stringify(annotations);
    if (key === this.postedAnnotations) return;
    this.postedAnnotations = key;
    void this.post({ type: 'didUpdateAnnotations', uri: this.current.toString(), annotations });
  }

  /** Sends the shown article's entities again: the corpus-wide counts changed. */
  postEntities(): void {
    if (!this.current || !this.ready || this.shownText === undefined || this.shownMentions.length === 0) return;
    // A hidden tab is not worked for: it is sent the counts when it shows.
    this.entitiesStale = !this.panel.visible;
    if (this.entitiesStale) return;
    // The corpus may type a rule-found name otherwise now (strong evidence in an article just indexed): the mentions go again, to be coloured so.
    const mentions = this.manager.entitiesOf(this.shownText);
    const retyped = !sameMentions(mentions, this.shownMentions);
    this.shownMentions = mentions;
    const entities = this.manager.presenter.describeEntities(this.current, mentions);
    void this.post({ type: 'didUpdateEntities', uri: this.current.toString(), entities, ...(retyped ? { mentions: readerMentions(mentions) } : {}) });
  }

  /** Shows the current article again (the knowledge bases changed). */
  reload(): void {
    if (this.current && this.ready) void this.load();
  }

  /** Re-reads the article when its corpus entry changed (the file was edited). */
  refreshIfChanged(): void {
    if (!this.current || !this.ready) return;
    const entry = this.manager.corpus.corpus.get(this.current.toString());
    if (entry !== this.shownSummary && entry !== undefined) void this.load();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.manager.didDispose(this);
    this.panel.dispose();
    super.dispose();
  }

  private async load(): Promise<void> {
    const uri = this.current;
    if (!uri) return;
    // Reads can overtake each other (a file saved twice quickly): only the newest is shown.
    const sequence = ++this.loads;
    const outcome = await this.manager.corpus.readArticle(uri);
    if (this.isDisposed || sequence !== this.loads) return;
    this.shownSummary = this.manager.corpus.corpus.get(uri.toString());
    if (outcome.kind !== 'article') {
      this.panel.title = 'Reader';
      await this.post({ type: 'didFailToLoad', uri: uri.toString(), fileName: fileNameOf(uri), reason: outcome.reason });
      return;
    }
    this.panel.title = truncateAtWord(outcome.article.title, TAB_TITLE_CHARS);
    const fileName = fileNameOf(uri);
    const mentions = this.manager.entitiesOf(outcome.article.text);
    const article = await this.manager.presenter.toReaderArticle(uri, fileName, outcome.article, mentions);
    if (this.isDisposed || sequence !== this.loads) return;
    this.shownMentions = mentions;
    this.shownText = outcome.article.text;
    // Taken before posting: a `show` while the message is on its way sets new ones for its own load.
    const fits = (range: TextRange) => range.end <= article.text.length;
    const reveal = this.pendingReveal && fits(this.pendingReveal) ? this.pendingReveal : undefined;
    const marks = this.pendingMarks?.filter(fits).slice(0, MAX_MARKS);
    const scroll = this.pendingScroll;
    const annotation = reveal ? this.pendingAnnotation : undefined;
    this.pendingScroll = undefined;
    this.pendingReveal = undefined;
    this.pendingMarks = undefined;
    this.pendingAnnotation = undefined;
    this.postedUri = uri.toString();
    this.postedAnnotations = JSON.stringify(article.annotations);
    this.entitiesStale = false;
    await this.post({ type: 'didLoadArticle', article, settings: readerSettings(), scroll, reveal, marks, annotationId: annotation?.id, openNote: annotation?.openNote });
  }

  /**
   * A message from the webview (or, in tests, one handed in as if it were): checked before anything is done.
   * Resolves when it has been acted on (an annotation saved), or at once when it is ignored, saying why.
   */
  async receive(raw: unknown): Promise<MessageOutcome> {
    const message = parseWebviewMessage(raw);
    if (!message) return this.ignore('Ignored a malformed message from the reader webview.');
    switch (message.type) {
      case 'webviewDidLoad':
        this.ready = true;
        // A webview that was hidden and re-created brings back its own scroll position.
        if (message.state && this.current && message.state.uri === this.current.toString()) this.pendingScroll = message.state.scroll;
        void this.load();
        break;
      case 'webviewDidRender':
        if (message.uri === this.current?.toString()) {
          this.manager.didRender({ uri: message.uri, headline: message.headline, counts: message.counts, highlights: message.highlights, annotations: message.annotations, speakers: message.speakers });
        }
        break;
      case 'webviewDidRequestOpenSource':
        if (this.current) void vscode.commands.executeCommand(CommandId.OpenSource, this.current.toString());
        break;
      case 'webviewDidRequestNavigate':
        this.manager.didBecomeActive(this);
        void this.manager.step(message.direction === 'next' ? 1 : -1);
        break;
      case 'webviewDidRequestOpenArticle': {
        // Only an article of the corpus: a webview never names an arbitrary file.
        const entry = this.manager.corpus.corpus.get(message.uri);
        const uri = entry?.kind === 'article' ? parseUri(message.uri) : undefined;
        if (!uri) return this.ignore('Ignored a request to open an article that is not in the corpus.');
        void this.manager.openAtEntity(uri, message.entityId);
        break;
      }
      case 'webviewDidRequestShowEntity':
        if (this.manager.knowsEntity(message.entityId)) void vscode.commands.executeCommand(CommandId.ShowEntity, message.entityId);
        break;
      case 'webviewDidRequestQuotes':
        // The Quotes view is another feature: reached through its command, with an id the index knows.
        if (!this.manager.knowsEntity(message.entityId)) return { handled: false, reason: 'Not an entity the corpus index knows.' };
        await vscode.commands.executeCommand(QuotesCommandId.Show, message.entityId);
        break;
      case 'webviewDidRequestAnalysis':
        // The analysis panel is another feature: reached through its command, with an id the index knows.
        if (this.manager.knowsEntity(message.entityId)) {
          void vscode.commands.executeCommand(message.view === 'timeline' ? AnalysisCommandId.ShowTimeline : AnalysisCommandId.ShowNetwork, message.entityId);
        }
        break;
      case 'webviewDidRequestAddToKnowledgeBase':
        void vscode.commands.executeCommand(CommandId.AddToKnowledgeBase, { text: message.text, entityId: message.entityId });
        break;
      case 'webviewDidRequestCorrectName': {
        // Only a mention of the article shown, as the recogniser finds it there now.
        const text = this.shownText;
        const shown = this.current && text !== undefined && this.postedUri === this.current.toString();
        const mention = shown ? this.manager.entitiesOf(text).find((m) => m.start === message.start && m.end === message.end && m.entityId === message.entityId) : undefined;
        if (!this.current || !mention) return this.ignore('Ignored a request to correct a name that is not shown.');
        void vscode.commands.executeCommand(CommandId.CorrectName, { uri: this.current.toString(), start: mention.start, end: mention.end, entityId: mention.entityId });
        break;
      }
      case 'webviewDidRequestCreateAnnotation': {
        // Only on the article shown, and only a range of the text it was sent.
        const text = this.shownText;
        // `current` moves to the next article before its text is read: a request for the old one is dropped then.
        if (!this.current || message.uri !== this.postedUri || message.uri !== this.current.toString() || text === undefined || message.end > text.length) {
          return this.ignore('Ignored a request to annotate text that is not shown.');
        }
        // The service says why when it refuses (annotations read-only, a failed save).
        if (!(await this.manager.annotations.create(this.current, text, message.start, message.end, content(message)))) return { handled: false, reason: 'The annotation was not saved.' };
        break;
      }
      case 'webviewDidRequestEditAnnotation':
        if (!this.manager.annotations.get(message.id)) return { handled: false, reason: 'No such annotation.' };
        if (!(await this.manager.annotations.update(message.id, content(message)))) return { handled: false, reason: 'The annotation was not saved.' };
        break;
      case 'webviewDidRequestDeleteAnnotation':
        if (!this.manager.annotations.get(message.id)) return { handled: false, reason: 'No such annotation.' };
        if (!(await this.manager.annotations.remove(message.id))) return { handled: false, reason: 'The annotation was not deleted.' };
        break;
      case 'webviewDidRequestRestoreAnnotation':
        if (!(await this.manager.annotations.restore(message.id))) return { handled: false, reason: 'The annotation was not put back.' };
        break;
      case 'webviewDidRequestAcceptSuggestion':
        if (this.manager.annotations.get(message.id)) void this.manager.annotations.acceptSuggestion(message.id);
        break;
      case 'webviewDidRequestDismissSuggestion':
        this.manager.annotations.dismissSuggestion(message.id);
        break;
      case 'webviewDidReveal':
        if (message.uri === this.current?.toString()) this.manager.didReveal({ uri: message.uri, range: message.range, entityId: message.entityId, marked: message.marked });
        break;
    }
    return HANDLED;
  }

  private ignore(reason: string): MessageOutcome {
    this.manager.log.warn(reason);
    return { handled: false, reason };
  }

  private async post(message: HostMessage): Promise<void> {
    if (!this.isDisposed) await this.panel.webview.postMessage(message);
  }
}

function content(edit: AnnotationEdit): { note: string; tags: string[]; colour: string } {
  return { note: edit.note, tags: [...edit.tags], colour: edit.colour };
}

function readerSettings(): ReaderSettings {
  const { fontSize, fontFamily, lineLength, highlight, entityStyle, showSpeakers } = config.reader();
  return { fontSize, fontFamily, lineLength, highlight, entityStyle, showSpeakers };
}

/** Whether two lists of mentions highlight the same spans as the same entities in the same types. */
function sameMentions(a: readonly EntityMention[], b: readonly EntityMention[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((m, i) => m.start === b[i].start && m.end === b[i].end && m.type === b[i].type && m.entityId === b[i].entityId);
}
