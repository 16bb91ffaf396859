import * as vscode from 'vscode';
import type { ArticleSummary, CorpusProblem, MonthGroup } from '../../core/corpus';
import { groupByMonth, groupByYear } from '../../core/corpus';
import { formatDate } from '../../core/dates';
import { config } from '../config';
import { CommandId, ContextKey, ViewId } from '../constants';
import type { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/disposable';
import { SafeMarkdown } from '../util/markdown';

export type ArticlesNode =
  | { readonly kind: 'year'; readonly key: string; readonly label: string; readonly children: ArticlesNode[] }
  | { readonly kind: 'month'; readonly key: string; readonly label: string; readonly parent?: ArticlesNode; readonly children: ArticlesNode[] }
  | { readonly kind: 'article'; readonly summary: ArticleSummary; readonly parent: ArticlesNode }
  | { readonly kind: 'problems'; readonly children: ArticlesNode[] }
  | { readonly kind: 'problem'; readonly problem: CorpusProblem; readonly parent: ArticlesNode };

/** The Articles view: articles grouped by month (or year, then month), newest first. */
export class ArticlesView extends Disposable implements vscode.TreeDataProvider<ArticlesNode> {
  private readonly onDidChangeTreeDataEmitter = this.register(new vscode.EventEmitter<ArticlesNode | undefined>());
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private roots: ArticlesNode[] = [];
  private byUri = new Map<string, ArticlesNode>();
  private newestGroupKey: string | undefined;
  readonly treeView: vscode.TreeView<ArticlesNode>;

  constructor(private readonly corpus: CorpusService) {
    super();
    this.treeView = this.register(
      vscode.window.createTreeView(ViewId.Articles, { treeDataProvider: this, showCollapseAll: true }),
    );
    this.register(corpus.corpus.onDidChange(() => this.rebuild()));
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
    return this.byUri.get(uri);
  }

  /** Selects the article in the tree if the view is visible, without taking focus. */
  async reveal(uri: string): Promise<void> {
    const node = this.byUri.get(uri);
    if (!node || !this.treeView.visible) return;
    try {
      await this.treeView.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // The tree was rebuilt under us; the next reveal will find the new node.
    }
  }

  getChildren(node?: ArticlesNode): ArticlesNode[] {
    if (!node) return this.roots;
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

  private rebuild(): void {
    const corpus = this.corpus.corpus;
    const articles = corpus.articles();
    this.byUri = new Map();
    const monthNodes = (months: readonly MonthGroup[], parent?: ArticlesNode): ArticlesNode[] =>
      months.map((month) => {
        const node: ArticlesNode = { kind: 'month', key: month.key, label: month.label, parent, children: [] };
        for (const summary of month.articles) {
          const child: ArticlesNode = { kind: 'article', summary, parent: node };
          node.children.push(child);
          this.byUri.set(summary.uri, child);
        }
        return node;
      });

    const groups: ArticlesNode[] =
      config.groupBy() === 'yearMonth'
        ? groupByYear(articles).map((year) => {
            const node: ArticlesNode = { kind: 'year', key: year.key, label: year.label, children: [] };
            node.children.push(...monthNodes(year.months, node));
            return node;
          })
        : monthNodes(groupByMonth(articles));
    this.newestGroupKey = groups[0]?.kind === 'year' || groups[0]?.kind === 'month' ? groups[0].key : undefined;

    const problems = corpus.problems();
    this.roots = groups;
    if (problems.length) {
      const node: ArticlesNode = { kind: 'problems', children: [] };
      for (const problem of problems) {
        const child: ArticlesNode = { kind: 'problem', problem, parent: node };
        node.children.push(child);
        this.byUri.set(problem.uri, child);
      }
      this.roots = [node, ...groups];
    }
    this.treeView.description = articles.length ? `${articles.length.toLocaleString('en')} ${articles.length === 1 ? 'article' : 'articles'}` : undefined;
    this.onDidChangeTreeDataEmitter.fire(undefined);
    this.updateContext();
  }

  private updateContext(): void {
    const state = this.corpus.state === 'loading' ? 'loading' : this.roots.length ? 'ready' : 'empty';
    void vscode.commands.executeCommand('setContext', ContextKey.CorpusState, state);
  }
}

function countArticles(node: ArticlesNode): number {
  if (node.kind === 'article') return 1;
  return 'children' in node ? node.children.reduce((sum, child) => sum + countArticles(child), 0) : 0;
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
