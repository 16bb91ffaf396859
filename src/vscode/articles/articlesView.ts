import * as vscode from 'vscode';
import type { ArticleSummary, CorpusProblem, MonthGroup } from '../../core/corpus';
import { groupByMonth, groupByYear } from '../../core/corpus';
import { formatDate } from '../../core/dates';
import { config } from '../config';
import { CommandId, ContextKey, ViewId } from '../constants';
import type { CorpusService } from '../services/corpus/corpusService';
import { Disposable } from '../util/disposable';
import { SafeMarkdown } from '../util/markdown';

type YearNode = { readonly kind: 'year'; readonly key: string; readonly label: string; readonly children: ArticlesNode[] };
/**
 * A month's article nodes are made when the tree first asks for them (or an article of it is revealed): at
 * 100,000 articles making them all on every change of the corpus held the extension host 40–60 ms, for months
 * mostly never expanded.
 */
type MonthNode = {
  readonly kind: 'month';
  readonly key: string;
  readonly label: string;
  readonly parent?: YearNode;
  articles: readonly ArticleSummary[];
  children: ArticleNode[] | undefined;
};
type ArticleNode = { readonly kind: 'article'; readonly summary: ArticleSummary; readonly parent: MonthNode };
type ProblemsNode = { readonly kind: 'problems'; readonly children: ArticlesNode[] };

/** A node of the tree; a month's, year's and the problems' children change in place, so that VS Code can be told of that node alone. */
export type ArticlesNode =
  | YearNode
  | MonthNode
  | ArticleNode
  | ProblemsNode
  | { readonly kind: 'problem'; readonly problem: CorpusProblem; readonly parent: ArticlesNode };

/** The Articles view: articles grouped by month (or year, then month), newest first. */
export class ArticlesView extends Disposable implements vscode.TreeDataProvider<ArticlesNode> {
  private readonly onDidChangeTreeDataEmitter = this.register(new vscode.EventEmitter<ArticlesNode | ArticlesNode[] | undefined>());
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private roots: ArticlesNode[] = [];
  private byUri = new Map<string, ArticlesNode>();
  private newestGroupKey: string | undefined;
  private groupedBy: string | undefined;
  private monthNodes = new Map<string, MonthNode>();
  private yearNodes = new Map<string, YearNode>();
  private problemsNode: ProblemsNode | undefined;
  /** A rebuild asked for and not yet made (made on the next turn of the event loop, or when the tree is read). */
  private rebuildTimer: NodeJS.Immediate | undefined;
  readonly treeView: vscode.TreeView<ArticlesNode>;

  constructor(private readonly corpus: CorpusService) {
    super();
    this.treeView = this.register(
      vscode.window.createTreeView(ViewId.Articles, { treeDataProvider: this, showCollapseAll: true }),
    );
    // On a turn of its own: the corpus changes in work that is long already (a reopened window's restore, a
    // load's batch), and the tree's rebuild after it, at 100,000 articles, made one stall of the two.
    this.register(corpus.corpus.onDidChange(() => this.scheduleRebuild()));
    this.register({ dispose: () => clearImmediate(this.rebuildTimer) });
    this.register(corpus.onDidChangeState(() => this.updateContext()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (config.affects(event, 'articles.groupBy')) this.rebuild();
      }),
    );
    this.rebuild();
    this.updateContext();
  }

  /** The tree node of an article, for `reveal`. */
  nodeFor(uri: string): ArticlesNode | undefined {
    this.flushRebuild();
    return this.lookUp(uri);
  }

  /** The node of an article or problem, making its month's article nodes if they are not made yet. */
  private lookUp(uri: string): ArticlesNode | undefined {
    const node = this.byUri.get(uri);
    if (node) return node;
    const entry = this.corpus.corpus.get(uri);
    const month = entry?.kind === 'article' ? this.monthNodes.get(entry.summary.month) : undefined;
    if (!month || month.children) return undefined;
    this.childrenOf(month);
    return this.byUri.get(uri);
  }

  /** A month's article nodes, made now if they were not. */
  private childrenOf(month: MonthNode): ArticleNode[] {
    if (month.children) return month.children;
    // A node the tree no longer has (VS Code may ask of one it held from before a rebuild): its children are
    // made, but not looked up by (the tree's own nodes are).
    const current = this.monthNodes.get(month.key) === month;
    const children: ArticleNode[] = [];
    for (const summary of month.articles) {
      const child: ArticleNode = { kind: 'article', summary, parent: month };
      if (current) this.byUri.set(summary.uri, child);
      children.push(child);
    }
    month.children = children;
    return children;
  }

  /** Selects the article in the tree if the view is visible, without taking focus. */
  async reveal(uri: string): Promise<void> {
    this.flushRebuild();
    if (!this.treeView.visible) return;
    const node = this.lookUp(uri);
    if (!node) return;
    try {
      await this.treeView.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // The tree was rebuilt under us; the next reveal will find the new node.
    }
  }

  getChildren(node?: ArticlesNode): ArticlesNode[] {
    this.flushRebuild();
    if (!node) return this.roots;
    if (node.kind === 'month') return this.childrenOf(node);
    return 'children' in node ? node.children : [];
  }

  getParent(node: ArticlesNode): ArticlesNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: ArticlesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'year':
      case 'month': {
        const count = countArticles(node);
        const item = new vscode.TreeItem(
          `${node.label} (${count})`,
          node.key === this.newestGroupKey ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `${node.kind}:${node.key}`;
        item.contextValue = node.kind;
        item.accessibilityInformation = { label: `${node.label}, ${count} ${count === 1 ? 'article' : 'articles'}` };
        return item;
      }
      case 'article':
        return articleItem(node.summary);
      case 'problems': {
        const item = new vscode.TreeItem(`Could not be read (${node.children.length})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'problems';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.tooltip = 'Files that matched the corpus settings but could not be read as articles. The rest of the corpus loaded.';
        item.contextValue = 'problems';
        return item;
      }
      case 'problem':
        return problemItem(node.problem);
    }
  }

  /**
   * Makes the tree again from the corpus, keeping the nodes of months (and years) whose articles did not
   * change, and tells VS Code only of the nodes that did: at 100,000 articles, redrawing the whole tree
   * for one changed file took about half a second. A month or year that comes or goes, the problems
   * appearing or going, or another grouping redraw the whole tree.
   */
  private scheduleRebuild(): void {
    this.rebuildTimer ??= setImmediate(() => this.flushRebuild());
  }

  /** Makes a rebuild asked for now: what the tree is read for must be the corpus as it is. */
  private flushRebuild(): void {
    if (this.rebuildTimer === undefined) return;
    clearImmediate(this.rebuildTimer);
    this.rebuildTimer = undefined;
    this.rebuild();
  }

  private rebuild(): void {
    // Made now: one asked for is no longer needed.
    if (this.rebuildTimer !== undefined) {
      clearImmediate(this.rebuildTimer);
      this.rebuildTimer = undefined;
    }
    const corpus = this.corpus.corpus;
    const articles = corpus.articles();
    const groupBy = config.groupBy();
    let whole = groupBy !== this.groupedBy;
    this.groupedBy = groupBy;
    const changed = new Set<ArticlesNode>();
    // Kept from one rebuild to the next, changed only for the months that changed: at 100,000 articles making it
    // again on every change of the corpus took 0.1 s of the extension host's thread.
    const byUri = whole ? new Map<string, ArticlesNode>() : this.byUri;
    const forget = (children: readonly ArticlesNode[]) => {
      for (const child of children) {
        const uri = child.kind === 'article' ? child.summary.uri : child.kind === 'problem' ? child.problem.uri : undefined;
        // Only if it is still this node's: the article may have moved to a month done already.
        if (uri !== undefined && byUri.get(uri) === child) byUri.delete(uri);
      }
    };
    const oldMonths = whole ? new Map<string, MonthNode>() : this.monthNodes;
    const oldYears = whole ? new Map<string, YearNode>() : this.yearNodes;
    const months = new Map<string, MonthNode>();
    const years = new Map<string, YearNode>();

    /** The month's node: the old one if its articles are the same, else the old one with new articles (changed), else a new one. */
    const monthNode = (month: MonthGroup, parent?: YearNode): MonthNode => {
      const old = oldMonths.get(month.key);
      let node: MonthNode;
      if (old && old.parent === parent) {
        node = old;
        const same = old.articles.length === month.articles.length && old.articles.every((summary, i) => summary === month.articles[i]);
        if (!same) {
          node.articles = month.articles;
          if (node.children) {
            // The articles it had keep their nodes (and their places in the lookup); only new ones get nodes.
            const had = new Map<ArticleSummary, ArticleNode>();
            for (const child of node.children) had.set(child.summary, child);
            const children: ArticleNode[] = [];
            for (const summary of month.articles) {
              const kept = had.get(summary);
              if (kept) {
                had.delete(summary);
                children.push(kept);
              } else {
                const child: ArticleNode = { kind: 'article', summary, parent: node };
                byUri.set(summary.uri, child);
                children.push(child);
              }
            }
            forget([...had.values()]);
            node.children = children;
          }
          changed.add(node);
        }
      } else {
        if (old?.children) forget(old.children);
        node = { kind: 'month', key: month.key, label: month.label, parent, articles: month.articles, children: undefined };
        // A month that was not there: its parent's children change (or, at the top, the whole tree's).
        if (parent) changed.add(parent);
        else whole = true;
      }
      months.set(month.key, node);
      return node;
    };

    let groups: ArticlesNode[];
    if (groupBy === 'yearMonth') {
      groups = groupByYear(articles).map((year) => {
        const old = oldYears.get(year.key);
        const node: YearNode = old ?? { kind: 'year', key: year.key, label: year.label, children: [] };
        if (!old) whole = true;
        const children = year.months.map((month) => monthNode(month, node));
        // Its months came or went, or one of them changed (its count is in the year's label too).
        if (old && (children.length !== old.children.length || children.some((child, i) => child !== old.children[i] || changed.has(child)))) changed.add(node);
        node.children.length = 0;
        node.children.push(...children);
        years.set(year.key, node);
        return node;
      });
    } else groups = groupByMonth(articles).map((month) => monthNode(month));
    // Months or years gone.
    for (const [key, old] of oldMonths) {
      if (months.has(key)) continue;
      if (old.children) forget(old.children);
      whole = true;
    }
    if ([...oldYears.keys()].some((key) => !years.has(key))) whole = true;
    this.monthNodes = months;
    this.yearNodes = years;

    const newest = groups[0]?.kind === 'year' || groups[0]?.kind === 'month' ? groups[0].key : undefined;
    // The newest group is shown expanded: another one is a new shape.
    if (newest !== this.newestGroupKey) whole = true;
    this.newestGroupKey = newest;

    const problems = corpus.problems();
    const oldProblems = this.problemsNode;
    if (problems.length === 0) {
      if (oldProblems) whole = true;
      this.problemsNode = undefined;
    } else {
      const same = oldProblems !== undefined && oldProblems.children.length === problems.length && oldProblems.children.every((child, i) => child.kind === 'problem' && child.problem === problems[i]);
      const node: ProblemsNode = oldProblems ?? { kind: 'problems', children: [] };
      if (!oldProblems) whole = true;
      else if (!same) changed.add(node);
      if (!same || byUri !== this.byUri) {
        forget(node.children);
        node.children.length = 0;
        for (const problem of problems) node.children.push({ kind: 'problem', problem, parent: node });
        for (const child of node.children) if (child.kind === 'problem') byUri.set(child.problem.uri, child);
      }
      this.problemsNode = node;
    }
    if (problems.length === 0 && oldProblems) forget(oldProblems.children);
    this.byUri = byUri;
    this.roots = this.problemsNode ? [this.problemsNode, ...groups] : groups;
    this.treeView.description = articles.length ? `${articles.length.toLocaleString('en')} ${articles.length === 1 ? 'article' : 'articles'}` : undefined;
    if (whole) this.onDidChangeTreeDataEmitter.fire(undefined);
    else if (changed.size > 0) this.onDidChangeTreeDataEmitter.fire([...changed]);
    this.updateContext();
  }

  private updateContext(): void {
    // The rebuild asked for says it when made (the roots are not yet the corpus's: no empty state in between).
    if (this.rebuildTimer !== undefined) return;
    const state = this.corpus.state === 'loading' ? 'loading' : this.roots.length ? 'ready' : 'empty';
    void vscode.commands.executeCommand('setContext', ContextKey.CorpusState, state);
  }
}

function countArticles(node: YearNode | MonthNode): number {
  if (node.kind === 'month') return node.articles.length;
  return node.children.reduce((sum, child) => sum + (child.kind === 'month' ? child.articles.length : 0), 0);
}

function articleItem(summary: ArticleSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(summary.title, vscode.TreeItemCollapsibleState.None);
  item.id = summary.uri;
  item.description = [summary.source, summary.byline].filter(Boolean).join(' · ') || undefined;
  item.iconPath = summary.warnings.length
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : new vscode.ThemeIcon(summary.origin === 'sample' ? 'book' : 'file-text');
  item.contextValue = 'article';
  item.command = { command: CommandId.OpenArticle, title: 'Open in Reader', arguments: [summary.uri] };

  // Titles, leads and file names are the corpus's text: taken literally, icons and links included.
  const tooltip = new SafeMarkdown().bold(summary.title).markdown('\n\n');
  tooltip.text([formatDate(summary.date), summary.source, summary.byline].filter(Boolean).join(' · '));
  if (summary.lead) tooltip.markdown('\n\n').text(summary.lead);
  for (const warning of summary.warnings) tooltip.markdown('\n\n').icon('warning').markdown(' ').text(warning);
  tooltip.markdown('\n\n').text(summary.origin === 'sample' ? `${summary.fileName} (sample corpus)` : summary.fileName);
  item.tooltip = tooltip.build();
  return item;
}

function problemItem(problem: CorpusProblem): vscode.TreeItem {
  const item = new vscode.TreeItem(problem.fileName, vscode.TreeItemCollapsibleState.None);
  item.id = `problem:${problem.uri}`;
  item.description = problem.reason;
  item.tooltip = `${vscode.Uri.parse(problem.uri).fsPath}\n\n${problem.reason}`;
  item.iconPath = new vscode.ThemeIcon(problem.folder ? 'folder' : 'error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.contextValue = problem.folder ? 'folderProblem' : 'problem';
  if (!problem.folder) item.command = { command: CommandId.OpenSource, title: 'Open Source Text', arguments: [problem.uri] };
  return item;
}
