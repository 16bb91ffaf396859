import * as vscode from 'vscode';
import {
  analysisStateOf,
  type AnalysisEntity,
  type AnalysisRenderReport,
  type AnalysisStatus,
  type AnalysisView,
  type ArticleList,
  type HostMessage,
  isAnalysisState,
  type ListRequest,
  MAX_LISTED_ARTICLES,
  MAX_MONTHS,
  MAX_NETWORK_NEIGHBOURS,
  MAX_TIMELINE_ENTITIES,
  type NetworkData,
  parseWebviewMessage,
  type TimelineData,
} from '../../analysis/protocol';
import { monthLabel } from '../../analysis/tables';
import { formatDate } from '../../core/dates';
import { ANALYSIS_VIEW_TYPE } from '../constants';
import type { CorpusService } from '../services/corpus/corpusService';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { ArticleOpener } from '../services/readers/articleOpener';
import { Disposable } from '../util/disposable';
import { analysisHtml, analysisResourceRoots } from './analysisHtml';

/** What became of a message from the webview (for the integration tests). */
export type AnalysisOutcome = { readonly handled: true } | { readonly handled: false; readonly reason: string };

/** Neighbours drawn around a network's centre. */
const NETWORK_NEIGHBOURS = 16;

/**
 * The analysis panel: one tab with a timeline of one or several entities (mentions per month) and the
 * co-occurrence network around one entity, each with its table and the articles behind a bar or an edge. Its
 * data is asked of the corpus index when the panel asks (the questions are synchronous, tens of
 * milliseconds at 100,000 articles), and again only when the index's phase changes (it settles), never on
 * each indexing step. Restored after a window reload by its serializer, from the webview's saved state.
 */
export class AnalysisPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private view: AnalysisView = 'timeline';
  private timeline: string[] = [];
  private centre: string | undefined;
  private lastPhase: string;
  private readonly onDidRenderEmitter = this.register(new vscode.EventEmitter<AnalysisRenderReport>());
  /** Fires when the webview has drawn, with its own account of what (for the integration tests). */
  readonly onDidRender = this.onDidRenderEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusService,
    private readonly indexer: CorpusIndexService,
    private readonly opener: ArticleOpener,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.lastPhase = indexer.status.phase;
    this.register(
      vscode.window.registerWebviewPanelSerializer(ANALYSIS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          if (isAnalysisState(state)) this.adoptState(analysisStateOf(state));
          this.adopt(panel);
        },
      }),
    );
    // The index's phase (loading, indexing, ready): the panel is drawn again when it changes, not on its counts.
    this.register(
      indexer.onDidChangeStatus((status) => {
        if (status.phase === this.lastPhase) return;
        this.lastPhase = status.phase;
        if (this.panel) this.post();
      }),
    );
    this.register({ dispose: () => this.panel?.dispose() });
  }

  /** The entities on the timeline, and the network's centre (for the commands and tests). */
  get shown(): { readonly view: AnalysisView; readonly timeline: readonly string[]; readonly centre: string | undefined } {
    return { view: this.view, timeline: [...this.timeline], centre: this.centre };
  }

  /** Shows the timeline, with `entityId` added to it (if not there already). */
  showTimeline(entityId: string | undefined): void {
    this.view = 'timeline';
    if (entityId && !this.timeline.includes(entityId)) this.timeline = [...this.timeline, entityId].slice(-MAX_TIMELINE_ENTITIES);
    if (entityId && this.centre === undefined) this.centre = entityId;
    this.reveal();
  }

  /** Shows the network around `entityId`. */
  showNetwork(entityId: string | undefined): void {
    this.view = 'network';
    if (entityId) this.centre = entityId;
    if (entityId && this.timeline.length === 0) this.timeline = [entityId];
    this.reveal();
  }

  /** Hands the panel a message as if its webview had sent it (the integration tests). */
  async receive(raw: unknown): Promise<AnalysisOutcome> {
    const message = parseWebviewMessage(raw);
    if (!message) return { handled: false, reason: 'malformed message' };
    switch (message.type) {
      case 'webviewDidLoad':
        if (message.state && this.timeline.length === 0 && this.centre === undefined) this.adoptState(message.state);
        this.post();
        // The list it showed before it was loaded again (hidden and shown, a window reload), if it still fits.
        if (message.state?.list && this.status() !== 'loading' && this.status() !== 'empty') this.restoreList(message.state.list);
        return { handled: true };
      case 'webviewDidRender':
        this.onDidRenderEmitter.fire(message);
        return { handled: true };
      case 'webviewDidRequestView':
        this.view = message.view;
        this.post();
        return { handled: true };
      case 'webviewDidRequestAddEntity': {
        const id = await this.pickEntity(this.view === 'timeline' ? 'Add an entity to the timeline' : 'Show the network around an entity');
        if (!id) return { handled: false, reason: 'no entity chosen' };
        if (this.view === 'timeline') this.showTimeline(id);
        else this.showNetwork(id);
        return { handled: true };
      }
      case 'webviewDidRequestRemoveEntity':
        this.timeline = this.timeline.filter((id) => id !== message.entityId);
        this.post();
        return { handled: true };
      case 'webviewDidRequestCentre':
        if (!this.indexer.entities.entity(message.entityId)) return { handled: false, reason: 'unknown entity' };
        this.showNetwork(message.entityId);
        return { handled: true };
      case 'webviewDidRequestMonth':
        return this.listMonth(message.entityId, message.period);
      case 'webviewDidRequestEdge':
        return this.listEdge(message.a, message.b);
      case 'webviewDidRequestOpenArticle':
        return this.openArticle(message.uri, message.entityId);
      case 'webviewDidRequestCopy':
        await vscode.env.clipboard.writeText(message.text);
        void vscode.window.setStatusBarMessage('Annotated Reader: table copied (tab-separated).', 3000);
        return { handled: true };
    }
  }

  /** A quick pick of the corpus's entities, most widely mentioned first. */
  async pickEntity(placeHolder: string): Promise<string | undefined> {
    const items = this.indexer.entities
      .entities()
      .slice(0, 2000)
      .map((entity) => ({ label: entity.name, description: `${entity.type} · ${entity.mentions} mentions in ${entity.articles} articles`, id: entity.id }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
    return picked?.id;
  }

  private adoptState(state: { readonly view: AnalysisView; readonly timeline: readonly string[]; readonly centre: string | undefined }): void {
    this.view = state.view;
    this.timeline = [...state.timeline];
    this.centre = state.centre;
  }

  private reveal(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post();
      return;
    }
    const panel = vscode.window.createWebviewPanel(ANALYSIS_VIEW_TYPE, 'Analysis', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: analysisResourceRoots(this.extensionUri),
    });
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: analysisResourceRoots(this.extensionUri) };
    panel.webview.html = analysisHtml(panel.webview, this.extensionUri);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        void this.receive(raw).then((outcome) => {
          if (!outcome.handled) this.log.warn(`Analysis panel: ignored a message (${outcome.reason})`);
        });
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        for (const disposable of this.panelDisposables) disposable.dispose();
        this.panelDisposables = [];
      }),
    ];
  }

  private postMessage(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private status(): AnalysisStatus {
    return this.indexer.status.phase;
  }

  private entityOf(id: string): AnalysisEntity | undefined {
    const entity = this.indexer.entities.entity(id);
    return entity && { id: entity.id, name: entity.name, type: entity.type };
  }

  /** Sends what the panel shows now, asked of the index. */
  private post(): void {
    if (!this.panel) return;
    const status = this.status();
    this.panel.title = this.view === 'timeline' ? 'Analysis: Timeline' : 'Analysis: Network';
    if (status === 'loading') return this.postMessage({ type: 'didShow', view: this.view, status, empty: 'Reading the corpus… The chart is drawn once its names are indexed.' });
    if (status === 'empty') return this.postMessage({ type: 'didShow', view: this.view, status, empty: 'There are no articles in the corpus yet.' });
    if (this.view === 'timeline') {
      const { timeline, empty } = this.timelineData();
      this.postMessage({ type: 'didShow', view: 'timeline', status, timeline, empty });
    } else {
      const { network, empty } = this.networkData();
      this.postMessage({ type: 'didShow', view: 'network', status, network, empty });
    }
  }

  private timelineData(): { timeline?: TimelineData; empty?: string } {
    if (this.timeline.length === 0) return { empty: 'No entity on the timeline yet: add one.' };
    const entities = this.timeline.map((id) => this.entityOf(id));
    const known = entities.filter((entity): entity is AnalysisEntity => entity !== undefined);
    if (known.length === 0) return { empty: 'The index does not know this entity (any more).' };
    const started = Date.now();
    const series = this.indexer.timelines(known.map((entity) => entity.id));
    this.log.trace(`Analysis panel: timelines of ${known.length} entities in ${Date.now() - started} ms`);
    // The latest MAX_MONTHS months, if the range is longer (a mistyped year).
    const all = series[0]?.months.periods ?? [];
    const from = Math.max(0, all.length - MAX_MONTHS);
    const timeline: TimelineData = {
      entities: known,
      months: all.slice(from),
      series: series.map((s) => ({ mentions: s.months.mentions.slice(from), articles: s.months.articles.slice(from) })),
    };
    if (timeline.months.length === 0) return { timeline, empty: 'No dated article names this entity.' };
    return { timeline };
  }

  private networkData(): { network?: NetworkData; empty?: string } {
    if (this.centre === undefined) return { empty: 'No entity chosen yet: choose one to see who is named with it.' };
    const centre = this.entityOf(this.centre);
    if (!centre) return { empty: 'The index does not know this entity (any more).' };
    const list = this.indexer.cooccurring(centre.id, Math.min(NETWORK_NEIGHBOURS, MAX_NETWORK_NEIGHBOURS));
    const network: NetworkData = {
      centre,
      neighbours: list.entities.map(({ entity }) => ({ id: entity.id, name: entity.name, type: entity.type })),
      edges: list.entities.map(({ entity, articles, paragraphs }) => ({ id: entity.id, articles, paragraphs })),
      total: list.total,
    };
    return network.edges.length === 0 ? { network, empty: `No other name appears in an article with ${centre.name}.` } : { network };
  }

  /** Answers a list the webview showed before, if it belongs to what the panel shows now. */
  private restoreList(request: ListRequest): void {
    if (request.kind === 'month' && this.view === 'timeline' && this.timeline.includes(request.entityId)) this.listMonth(request.entityId, request.period);
    else if (request.kind === 'edge' && this.view === 'network' && this.centre === request.a) this.listEdge(request.a, request.b);
  }

  private listMonth(entityId: string, period: string): AnalysisOutcome {
    const entity = this.entityOf(entityId);
    if (!entity) return { handled: false, reason: 'unknown entity' };
    const { total, articles } = this.indexer.articlesInPeriod(entityId, period, MAX_LISTED_ARTICLES);
    const list: ArticleList = {
      request: { kind: 'month', entityId, period },
      title: `${entity.name} in ${monthLabel(period)}`,
      entityId,
      total,
      counts: 'mentions',
      articles: articles.map(({ uri, summary, mentions }) => ({ uri, title: summary.title, dateLabel: formatDate(summary.date), count: mentions })),
    };
    this.postMessage({ type: 'didListArticles', list });
    return { handled: true };
  }

  private listEdge(a: string, b: string): AnalysisOutcome {
    const first = this.entityOf(a);
    const second = this.entityOf(b);
    if (!first || !second) return { handled: false, reason: 'unknown entity' };
    const { total, articles } = this.indexer.articlesWithBoth(a, b, MAX_LISTED_ARTICLES);
    const list: ArticleList = {
      request: { kind: 'edge', a, b },
      title: `${first.name} and ${second.name}`,
      // Each article opens at the neighbour's first mention: the centre's is usually in the headline.
      entityId: b,
      total,
      counts: 'paragraphs',
      articles: articles.map(({ uri, summary, paragraphs }) => ({ uri, title: summary.title, dateLabel: formatDate(summary.date), count: paragraphs })),
    };
    this.postMessage({ type: 'didListArticles', list });
    return { handled: true };
  }

  /** Opens an article of a list at the entity's first mention, if the corpus has that article. */
  private async openArticle(uri: string, entityId: string): Promise<AnalysisOutcome> {
    if (this.corpus.corpus.get(uri)?.kind !== 'article') return { handled: false, reason: 'not an article of the corpus' };
    const [first] = this.indexer.entities.mentionsIn(uri, entityId);
    await this.opener.open(vscode.Uri.parse(uri, true), { reveal: first });
    return { handled: true };
  }
}
