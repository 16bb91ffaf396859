import * as vscode from 'vscode';
import type { Article } from '../../core/article';
import { formatDate } from '../../core/dates';
import type { EntityType } from '../../core/entities/types';
import { truncateAtWord } from '../../core/text';
import {
  type HostMessage,
  type ReaderArticle,
  type ReaderSettings,
  type RenderCounts,
  isReaderState,
  parseWebviewMessage,
} from '../../webview/protocol';
import { config } from '../config';
import { CommandId, READER_VIEW_TYPE } from '../constants';
import { fileNameOf } from '../corpus/articleFiles';
import type { CorpusService } from '../corpus/corpusService';
import type { EntityService } from '../entities/entityService';
import { Disposable } from '../util/disposable';
import { parseUri } from '../util/uri';
import { readerHtml, readerResourceRoots } from './readerHtml';

/** What a reader reported after rendering an article. */
export interface RenderReport {
  readonly uri: string;
  readonly headline: string;
  readonly counts: RenderCounts;
  /** Highlighted entity mentions, by type. */
  readonly highlights: Partial<Record<EntityType, number>>;
}

const TAB_TITLE_CHARS = 48;

/**
 * Owns the reader panels: one reused tab by default, or one per article
 * (setting `annotatedReader.reader.openInNewTab`), restored after a window
 * reload by the panel serializer.
 */
export class ReaderManager extends Disposable {
  private readonly panels = new Set<ReaderPanel>();
  private lastActive: ReaderPanel | undefined;
  private readonly onDidRenderEmitter = this.register(new vscode.EventEmitter<RenderReport>());
  /** Fires when a reader has rendered an article, with its own account of the DOM. */
  readonly onDidRender = this.onDidRenderEmitter.event;
  private readonly onDidShowArticleEmitter = this.register(new vscode.EventEmitter<string>());
  /** Fires with the URI of the article a reader has just been given. */
  readonly onDidShowArticle = this.onDidShowArticleEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly corpus: CorpusService,
    private readonly entities: EntityService,
    readonly log: vscode.LogOutputChannel,
  ) {
    super();
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
    this.register({ dispose: () => [...this.panels].forEach((panel) => panel.dispose()) });
  }

  /** The reader the user last worked in. */
  get active(): ReaderPanel | undefined {
    return this.lastActive;
  }

  /** Opens `uri` in the reader: the reused tab, a tab already showing it, or a new one. */
  async open(uri: vscode.Uri, options: { newTab?: boolean; preserveFocus?: boolean } = {}): Promise<void> {
    const newTab = options.newTab ?? config.reader().openInNewTab;
    const showing = [...this.panels].find((panel) => panel.uri?.toString() === uri.toString());
    const target = showing ?? (newTab ? undefined : (this.lastActive ?? [...this.panels][0]));
    const reader = target ?? this.create(options.preserveFocus ?? false);
    reader.reveal(options.preserveFocus ?? false);
    await reader.show(uri);
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

  /** Builds what the webview is sent for an article. */
  toReaderArticle(uri: vscode.Uri, fileName: string, article: Article): ReaderArticle {
    const total = this.corpus.corpus.articles().length;
    const mentions = this.entities.recognize(article.text);
    const index = this.corpus.corpus.indexOf(uri.toString());
    const entry = this.corpus.corpus.get(uri.toString());
    return {
      uri: uri.toString(),
      fileName,
      title: article.title,
      dateLabel: formatDate(article.date),
      source: article.source,
      byline: article.byline?.text,
      text: article.text,
      blocks: article.blocks,
      warnings: article.warnings,
      position: index < 0 ? undefined : { index: index + 1, total },
      isSample: entry?.kind === 'article' && entry.summary.origin === 'sample',
      mentions: mentions.map(({ start, end, type, entityId }) => ({ start, end, type, entityId })),
      entities: this.entities.describe(mentions),
    };
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
  private loads = 0;

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
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.register(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.active) manager.didBecomeActive(this);
      }),
    );
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  async show(uri: vscode.Uri, scroll?: number): Promise<void> {
    this.current = uri;
    this.pendingScroll = scroll;
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
    await this.post({
      type: 'didLoadArticle',
      article: this.manager.toReaderArticle(uri, fileName, outcome.article),
      settings: readerSettings(),
      scroll: this.pendingScroll,
    });
    this.pendingScroll = undefined;
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.manager.log.warn('Ignored a malformed message from the reader webview.');
      return;
    }
    switch (message.type) {
      case 'webviewDidLoad':
        this.ready = true;
        // A webview that was hidden and re-created brings back its own scroll position.
        if (message.state && this.current && message.state.uri === this.current.toString()) this.pendingScroll = message.state.scroll;
        void this.load();
        break;
      case 'webviewDidRender':
        if (message.uri === this.current?.toString()) {
          this.manager.didRender({ uri: message.uri, headline: message.headline, counts: message.counts, highlights: message.highlights });
        }
        break;
      case 'webviewDidRequestOpenSource':
        if (this.current) void vscode.commands.executeCommand(CommandId.OpenSource, this.current.toString());
        break;
      case 'webviewDidRequestNavigate':
        this.manager.didBecomeActive(this);
        void this.manager.step(message.direction === 'next' ? 1 : -1);
        break;
    }
  }

  private async post(message: HostMessage): Promise<void> {
    if (!this.isDisposed) await this.panel.webview.postMessage(message);
  }
}

function readerSettings(): ReaderSettings {
  const { fontSize, fontFamily, lineLength, highlight } = config.reader();
  return { fontSize, fontFamily, lineLength, highlight };
}
