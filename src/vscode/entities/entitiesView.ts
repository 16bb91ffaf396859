import * as vscode from 'vscode';
import { ViewProgress } from '../util/viewProgress';
import { showMoreItem } from '../util/showMore';
import { formatDate } from '../../core/dates';
import type { IndexedEntity } from '../../core/entities/entityIndex';
import { ENTITY_TYPE_NAMES, ENTITY_TYPE_PLURALS, type EntityType } from '../../core/entities/types';
import { contextAround, foldForMatching } from '../../core/text';
import { CommandId, ContextKey, ViewId } from '../constants';
import type { CorpusService } from '../services/corpus/corpusService';
import { Disposable } from '../util/disposable';
import { SafeMarkdown } from '../util/markdown';
import { type IndexPhase, type IndexStatus, inProgress, progressLine } from '../../core/indexStatus';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { EntityService } from '../services/entities/entityService';
import { entityIcon } from '../services/entities/entityStyle';

export type EntitiesNode =
  /** A type with its most widely mentioned entities (at most ENTITIES_PER_TYPE) and how many it has in all. */
  | { readonly kind: 'type'; readonly type: EntityType; readonly entities: readonly IndexedEntity[]; readonly total: number }
  | { readonly kind: 'entity'; readonly entity: IndexedEntity; readonly parent: EntitiesNode }
  | { readonly kind: 'moreEntities'; readonly type: EntityType; readonly hidden: number; readonly parent: EntitiesNode }
  | { readonly kind: 'mention'; readonly mention: ConcordanceLine; readonly parent: EntitiesNode }
  | { readonly kind: 'moreMentions'; readonly entityId: string; readonly shown: number; readonly total: number; readonly parent: EntitiesNode };

/** One line of an entity's concordance. */
export interface ConcordanceLine {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly before: string;
  readonly match: string;
  readonly after: string;
  readonly title: string;
  readonly date: string;
}

/** Entities listed per type before the rest are left to the filter. */
const ENTITIES_PER_TYPE = 200;
/** While indexing runs, the view is rebuilt at most this often... */
const INDEXING_REFRESH_MS = 2000;
/** ...and at most once in this many times the last rebuild took. */
const REFRESH_SHARE = 20;
/** Concordance lines shown at first, and added by each "more". */
const MENTIONS_PAGE = 50;

/**
 * The Entities view: the corpus's entities grouped by type, most widely
 * mentioned first, with a filter; an entity expands into its concordance,
 * a line of context per mention, newest article first, each opening the
 * reader at the mention.
 */
export class EntitiesView extends Disposable implements vscode.TreeDataProvider<EntitiesNode> {
  private readonly onDidChangeTreeDataEmitter = this.register(new vscode.EventEmitter<EntitiesNode | undefined>());
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  readonly treeView: vscode.TreeView<EntitiesNode>;
  private roots: EntitiesNode[] = [];
  private filterText = '';
  /** How many concordance lines each expanded entity shows. */
  private readonly mentionLimits = new Map<string, number>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** How long the last rebuild took to rank the entities. */
  private lastRebuildMs = 0;
  /** The phase told to the welcome content (context key annotatedReader.entitiesState). */
  private phase: IndexPhase | undefined;
  /** Ends the progress bar on the view, while one is shown. */
  private readonly progress = new ViewProgress(ViewId.Entities);

  constructor(
    private readonly corpus: CorpusService,
    private readonly indexer: CorpusIndexService,
    private readonly entities: EntityService,
  ) {
    super();
    this.treeView = this.register(vscode.window.createTreeView(ViewId.Entities, { treeDataProvider: this, showCollapseAll: true }));
    this.register(indexer.onDidChange(() => this.scheduleRebuild()));
    this.register(indexer.onDidChangeProgress(() => this.showProgress()));
    this.register(indexer.onDidChangeStatus((status) => this.showStatus(status)));
    this.register({ dispose: () => clearTimeout(this.refreshTimer) });
    this.register(this.progress);
    this.rebuild();
    this.showStatus(indexer.status);
  }

  /** What the view shows about the corpus: its phase (for the welcome content), its message, and whether its progress bar runs. */
  get state(): { readonly phase: IndexPhase | undefined; readonly message: string | undefined; readonly progress: boolean } {
    return { phase: this.phase, message: this.treeView.message, progress: this.progress.showing };
  }

  /**
   * The welcome content follows the phase (loading, indexing, empty, ready with
   * no names); while the corpus loads or is indexed the view's progress bar
   * runs and its message counts how far it has got.
   */
  private showStatus(status: IndexStatus): void {
    if (status.phase !== this.phase) {
      this.phase = status.phase;
      void vscode.commands.executeCommand('setContext', ContextKey.EntitiesState, status.phase);
    }
    this.progress.update(inProgress(status));
    this.showProgress();
  }

  get filter(): string {
    return this.filterText;
  }

  /** Shows only entities whose name contains `text` (ignoring case, accents and æ/ae, ø/o/oe, å/a/aa). */
  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', ContextKey.EntitiesFiltered, this.filterText !== '');
    this.rebuild();
  }

  /** Lets the user type a filter; the view follows as they type, and Escape puts the old one back. */
  async promptFilter(): Promise<void> {
    const previous = this.filterText;
    const input = vscode.window.createInputBox();
    input.title = 'Filter Entities';
    input.placeholder = 'Part of a name, for example "stolten" or "Stoere"';
    input.value = previous;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let accepted = false;
    await new Promise<void>((resolve) => {
      input.onDidChangeValue((value) => {
        clearTimeout(timer);
        timer = setTimeout(() => this.setFilter(value), 150);
      });
      input.onDidAccept(() => {
        accepted = true;
        clearTimeout(timer);
        this.setFilter(input.value);
        input.hide();
      });
      input.onDidHide(() => {
        clearTimeout(timer);
        if (!accepted) this.setFilter(previous);
        input.dispose();
        resolve();
      });
      input.show();
    });
  }

  /** Shows more concordance lines under an entity. */
  showMoreMentions(entityId: string): void {
    this.mentionLimits.set(entityId, (this.mentionLimits.get(entityId) ?? MENTIONS_PAGE) + MENTIONS_PAGE * 4);
    const node = this.findEntityNode(entityId);
    this.onDidChangeTreeDataEmitter.fire(node);
  }

  /** Reveals and expands an entity's node (from a hover card's "show all mentions"). */
  async revealEntity(entityId: string): Promise<boolean> {
    let node = this.findEntityNode(entityId);
    if (!node && this.filterText) {
      this.setFilter('');
      node = this.findEntityNode(entityId);
    }
    if (!node) {
      // Beyond the first entities of its type: filter down to it.
      const entity = this.indexer.entities.entity(entityId);
      if (!entity) return false;
      this.setFilter(entity.name);
      node = this.findEntityNode(entityId);
    }
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  getParent(node: EntitiesNode): EntitiesNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  async getChildren(node?: EntitiesNode): Promise<EntitiesNode[]> {
    if (!node) return this.roots;
    if (node.kind === 'type') {
      const shown = node.entities.map((entity): EntitiesNode => ({ kind: 'entity', entity, parent: node }));
      const hidden = node.total - shown.length;
      return hidden > 0 ? [...shown, { kind: 'moreEntities', type: node.type, hidden, parent: node }] : shown;
    }
    if (node.kind === 'entity') return this.concordance(node);
    return [];
  }

  getTreeItem(node: EntitiesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'type': {
        const item = new vscode.TreeItem(
          ENTITY_TYPE_PLURALS[node.type],
          node.type === 'other' && !this.filterText ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `type:${node.type}`;
        item.description = node.total.toLocaleString('en');
        item.iconPath = entityIcon(node.type);
        item.contextValue = 'entityType';
        item.accessibilityInformation = { label: `${ENTITY_TYPE_PLURALS[node.type]}, ${node.total} ${node.total === 1 ? 'name' : 'names'}` };
        return item;
      }
      case 'entity':
        return this.entityItem(node.entity);
      case 'moreEntities': {
        const item = new vscode.TreeItem(`${node.hidden.toLocaleString('en')} more…`, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${node.type}`;
        item.description = 'filter to find them';
        item.iconPath = new vscode.ThemeIcon('filter');
        item.command = { command: CommandId.FilterEntities, title: 'Filter Entities' };
        return item;
      }
      case 'mention': {
        const { before, match, after, title, date, uri, start, end } = node.mention;
        const label = before + match + after;
        const item = new vscode.TreeItem({ label, highlights: [[before.length, before.length + match.length]] }, vscode.TreeItemCollapsibleState.None);
        item.id = `mention:${uri}#${start}`;
        item.description = `${title} · ${date}`;
        item.tooltip = new SafeMarkdown().bold(title).markdown('\n\n').text(date).markdown('\n\n').text(label).build();
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'entityMention';
        item.command = { command: CommandId.OpenArticle, title: 'Open in Reader at the Mention', arguments: [uri, { start, end }] };
        item.accessibilityInformation = { label: `${label}, in ${title}, ${date}` };
        return item;
      }
      case 'moreMentions':
        return showMoreItem('mentions', `moreMentions:${node.entityId}:${node.shown}`, node.shown, node.total, {
          command: CommandId.ShowMoreMentions,
          title: 'Show More Mentions',
          arguments: [node.entityId],
        });
    }
  }

  private entityItem(entity: IndexedEntity): vscode.TreeItem {
    const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `entity:${entity.id}`;
    const articles = `${entity.articles.toLocaleString('en')} ${entity.articles === 1 ? 'article' : 'articles'}`;
    const mentions = `${entity.mentions.toLocaleString('en')} ${entity.mentions === 1 ? 'mention' : 'mentions'}`;
    item.description = `${articles} · ${mentions}`;
    item.iconPath = entityIcon(entity.type);
    // `…Speaker` when it is the speaker of some quote: its menu then offers Show Quotes.
    const quotes = this.indexer.quoteCount(entity.id);
    item.contextValue = `${entity.known ? 'entity' : 'entityUnknown'}${quotes > 0 ? 'Speaker' : ''}`;
    const known = this.entities.knowledgeBaseEntity(entity.id);
    // Names, descriptions and aliases come from the knowledge base: taken literally.
    const tooltip = new SafeMarkdown().bold(entity.name).markdown('\n\n');
    tooltip.text(entity.known ? ENTITY_TYPE_NAMES[entity.type] : `${ENTITY_TYPE_NAMES[entity.type]} · not in the knowledge base`);
    if (known?.description) tooltip.markdown('\n\n').text(known.description);
    if (known?.aliases.length) tooltip.markdown('\n\n').text(`Also: ${known.aliases.join(', ')}`);
    tooltip.markdown('\n\n').text(`${articles}, ${mentions}${quotes > 0 ? `, ${quotes.toLocaleString('en')} ${quotes === 1 ? 'quote' : 'quotes'}` : ''}. Expand for the concordance.`);
    item.tooltip = tooltip.build();
    item.accessibilityInformation = { label: `${entity.name}, ${ENTITY_TYPE_NAMES[entity.type]}, ${articles}, ${mentions}` };
    return item;
  }

  /** The entity's mentions with a line of context each, newest article first, as many as its limit. */
  private async concordance(node: EntitiesNode & { kind: 'entity' }): Promise<EntitiesNode[]> {
    const index = this.indexer.entities;
    const id = node.entity.id;
    const corpus = this.corpus.corpus;
    const uris = [...index.articlesMentioning(id)].sort((a, b) => corpus.indexOf(a) - corpus.indexOf(b));
    const limit = this.mentionLimits.get(id) ?? MENTIONS_PAGE;
    const total = index.entity(id)?.mentions ?? 0;
    const lines: EntitiesNode[] = [];
    for (const uri of uris) {
      if (lines.length >= limit) break;
      const entry = corpus.get(uri);
      if (entry?.kind !== 'article') continue;
      const outcome = await this.corpus.readArticle(vscode.Uri.parse(uri, true));
      if (outcome.kind !== 'article') continue;
      const text = outcome.article.text;
      for (const { start, end } of index.mentionsIn(uri, id)) {
        if (lines.length >= limit || end > text.length) break;
        // Little before the name, so it shows in a narrow side bar.
        const context = contextAround(text, start, end, { before: 28, after: 80 });
        lines.push({
          kind: 'mention',
          mention: { uri, start, end, ...context, title: entry.summary.title, date: formatDate(entry.summary.date) },
          parent: node,
        });
      }
    }
    if (lines.length < total && lines.length >= limit) lines.push({ kind: 'moreMentions', entityId: id, shown: lines.length, total, parent: node });
    return lines;
  }

  private findEntityNode(entityId: string): EntitiesNode | undefined {
    for (const root of this.roots) {
      if (root.kind !== 'type') continue;
      const index = root.entities.findIndex((entity) => entity.id === entityId);
      if (index >= 0) return { kind: 'entity', entity: root.entities[index], parent: root };
    }
    return undefined;
  }

  /**
   * Soon after a change; while the index is being built, every couple of seconds at most, and less often as a
   * rebuild takes longer (it goes over every entity: a million at 100,000 articles), so that the view takes
   * no more than about a twentieth of the extension host's time.
   */
  private scheduleRebuild(): void {
    if (this.indexer.progress && this.refreshTimer !== undefined) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = undefined;
        this.rebuild();
      },
      this.indexer.progress ? Math.max(INDEXING_REFRESH_MS, REFRESH_SHARE * this.lastRebuildMs) : 100,
    );
  }

  private rebuild(): void {
    const folded = foldForMatching(this.filterText);
    const started = performance.now();
    const byType = this.indexer.entities.topByType(ENTITIES_PER_TYPE, folded ? (name) => name.includes(folded) : undefined);
    this.lastRebuildMs = performance.now() - started;
    this.roots = [...byType].map(([type, { entities, total }]) => ({ kind: 'type', type, entities, total }));
    this.treeView.description = this.filterText ? `“${this.filterText}”` : undefined;
    this.showProgress();
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  private showProgress(): void {
    const progress = progressLine(this.indexer.status, 'names');
    if (progress) this.treeView.message = progress;
    else if (this.filterText && this.roots.length === 0) this.treeView.message = `No names match “${this.filterText}”.`;
    // Loading before the files are counted, an empty corpus, no names: the welcome content says so.
    else this.treeView.message = undefined;
  }

}
