import * as vscode from 'vscode';
import { type HighlightColour, highlightColourId, paletteColourOf } from '../../core/annotations/colours';
import { type Annotation, contentOf, shortQuote } from '../../core/annotations/model';
import type { PlacedAnnotation } from '../../core/annotations/placement';
import { formatDate } from '../../core/dates';
import { compareNorwegian, squashWhitespace, truncateAtWord } from '../../core/text';
import { AnnotationCommandId, ContextKey, ViewId } from '../constants';
import { fileNameOf } from '../services/corpus/articleFiles';
import type { CorpusService } from '../services/corpus/corpusService';
import { Disposable } from '../util/disposable';
import { SafeMarkdown } from '../util/markdown';
import { parseUri } from '../util/uri';
import type { AnnotationService } from '../services/annotations/annotationService';

export type AnnotationsGrouping = 'article' | 'tag' | 'colour';

/** One annotation as the view lists it. */
export interface ListedAnnotation {
  readonly annotation: Annotation;
  /** The article it belongs to (a URI string) and that article's headline. */
  readonly uri: string;
  readonly title: string;
  /** Where it anchors now; undefined for an orphan or one needing review. */
  readonly start?: number;
  readonly orphanReason?: string;
  /** Why its place is uncertain (it needs review), and whether a place was suggested. */
  readonly reviewReason?: string;
  readonly suggested?: boolean;
}

export type AnnotationsNode =
  | { readonly kind: 'group'; readonly id: string; readonly label: string; readonly description?: string; readonly icon: vscode.ThemeIcon; readonly items: readonly ListedAnnotation[]; readonly tooltip?: string }
  | { readonly kind: 'annotation'; readonly item: ListedAnnotation; readonly parentId: string };

const QUOTE_CHARS = 70;
const NOTE_CHARS = 60;

/**
 * The Annotations view: the user's annotations by article (newest article
 * first, each in text order), by tag or by colour; annotations whose text is
 * gone from their article in a group of their own. Selecting one opens the
 * reader at it.
 */
export class AnnotationsView extends Disposable implements vscode.TreeDataProvider<AnnotationsNode> {
  private readonly onDidChangeTreeDataEmitter = this.register(new vscode.EventEmitter<AnnotationsNode | undefined>());
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  readonly treeView: vscode.TreeView<AnnotationsNode>;
  private grouping: AnnotationsGrouping = 'article';
  private listed: Promise<ListedAnnotation[]> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly service: AnnotationService,
    private readonly corpus: CorpusService,
    private readonly state: vscode.Memento,
  ) {
    super();
    const saved = state.get<string>('annotations.grouping');
    if (saved === 'tag' || saved === 'colour') this.grouping = saved;
    void vscode.commands.executeCommand('setContext', ContextKey.AnnotationsGrouping, this.grouping);
    this.treeView = this.register(vscode.window.createTreeView(ViewId.Annotations, { treeDataProvider: this, showCollapseAll: true }));
    this.register(service.onDidChange(() => this.scheduleRefresh()));
    this.register({ dispose: () => clearTimeout(this.refreshTimer) });
  }

  get groupedBy(): AnnotationsGrouping {
    return this.grouping;
  }

  groupBy(grouping: AnnotationsGrouping): void {
    this.grouping = grouping;
    void this.state.update('annotations.grouping', grouping);
    void vscode.commands.executeCommand('setContext', ContextKey.AnnotationsGrouping, grouping);
    this.onDidChangeTreeDataEmitter.fire(undefined);
  }

  /** Every annotation with where it is now, newest article first and in text order within each. */
  list(): Promise<ListedAnnotation[]> {
    this.listed ??= this.build();
    return this.listed;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.listed = undefined;
      this.onDidChangeTreeDataEmitter.fire(undefined);
    }, 100);
  }

  private async build(): Promise<ListedAnnotation[]> {
    await this.service.whenLoaded();
    const corpus = this.corpus.corpus;
    const articles = [...this.service.articles().keys()];
    // The Articles view's order (newest first); articles no longer in the corpus last.
    const order = (uri: string) => {
      const index = corpus.indexOf(uri);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    articles.sort((a, b) => order(a) - order(b));
    const listed: ListedAnnotation[] = [];
    for (const uri of articles) {
      const entry = corpus.get(uri);
      const parsed = parseUri(uri);
      // Not in the corpus (or not a URI: a source that names no article here): its file name, or the source itself.
      const title = entry?.kind === 'article' ? entry.summary.title : parsed ? fileNameOf(parsed) : uri;
      const { placed, review, orphans } = await this.service.place(uri);
      for (const { annotation, start } of placed as PlacedAnnotation[]) listed.push({ annotation, uri, title, start });
      for (const { annotation, reason, suggestion } of review) listed.push({ annotation, uri, title, reviewReason: reason, suggested: suggestion !== undefined });
      for (const { annotation, reason } of orphans) listed.push({ annotation, uri, title, orphanReason: reason });
    }
    this.updateMessage(listed);
    return listed;
  }

  private updateMessage(listed: readonly ListedAnnotation[]): void {
    const readOnly = this.service.readOnlyReason;
    this.treeView.message = readOnly ? `Read-only: ${readOnly}` : undefined;
    this.treeView.description = listed.length ? String(listed.length) : undefined;
    void vscode.commands.executeCommand('setContext', ContextKey.HasAnnotations, listed.length > 0);
  }

  async getChildren(node?: AnnotationsNode): Promise<AnnotationsNode[]> {
    if (node?.kind === 'group') return node.items.map((item) => ({ kind: 'annotation', item, parentId: node.id }));
    if (node) return [];
    return this.groups(await this.list());
  }

  getParent(): undefined {
    return undefined;
  }

  private groups(listed: readonly ListedAnnotation[]): AnnotationsNode[] {
    const placed = listed.filter((item) => item.start !== undefined);
    const review = listed.filter((item) => item.reviewReason !== undefined);
    const orphans = listed.filter((item) => item.start === undefined && item.reviewReason === undefined);
    const groups: AnnotationsNode[] = [];
    if (this.grouping === 'article') {
      const byArticle = new Map<string, ListedAnnotation[]>();
      for (const item of placed) byArticle.set(item.uri, [...(byArticle.get(item.uri) ?? []), item]);
      for (const [uri, items] of byArticle) {
        const entry = this.corpus.corpus.get(uri);
        const date = entry?.kind === 'article' ? formatDate(entry.summary.date) : undefined;
        const parsed = parseUri(uri);
        groups.push({ kind: 'group', id: `article:${uri}`, label: items[0].title, description: date, icon: new vscode.ThemeIcon('book'), items, tooltip: parsed?.scheme === 'file' ? parsed.fsPath : uri });
      }
    } else if (this.grouping === 'tag') {
      const byTag = new Map<string, ListedAnnotation[]>();
      const untagged: ListedAnnotation[] = [];
      for (const item of placed) {
        const { tags } = contentOf(item.annotation);
        if (tags.length === 0) untagged.push(item);
        for (const tag of tags) byTag.set(tag, [...(byTag.get(tag) ?? []), item]);
      }
      for (const tag of [...byTag.keys()].sort(compareNorwegian)) {
        groups.push({ kind: 'group', id: `tag:${tag}`, label: `#${tag}`, description: String(byTag.get(tag)?.length), icon: new vscode.ThemeIcon('tag'), items: byTag.get(tag) ?? [] });
      }
      if (untagged.length) groups.push({ kind: 'group', id: 'tag:', label: 'No tags', description: String(untagged.length), icon: new vscode.ThemeIcon('circle-slash'), items: untagged });
    } else {
      const colours = this.service.colours();
      const byColour = new Map<string, ListedAnnotation[]>();
      for (const item of placed) {
        const { colour } = contentOf(item.annotation);
        byColour.set(colour, [...(byColour.get(colour) ?? []), item]);
      }
      // The settings' order, then names no longer in the settings.
      const names = [...colours.map((c) => c.name).filter((name) => byColour.has(name)), ...[...byColour.keys()].filter((name) => !colours.some((c) => c.name === name))];
      for (const name of names) {
        const items = byColour.get(name) ?? [];
        groups.push({ kind: 'group', id: `colour:${name}`, label: name || 'No colour', description: String(items.length), icon: colourIcon(colours, name, false), items });
      }
    }
    if (review.length) {
      groups.push({
        kind: 'group',
        id: 'review',
        label: 'Needs review',
        description: String(review.length),
        icon: new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground')),
        items: review,
        tooltip: 'Their articles changed, and where these annotations now belong is uncertain. They are not drawn until you accept a suggested place (or dismiss it); quote and note are kept either way.',
      });
    }
    if (orphans.length) {
      groups.push({
        kind: 'group',
        id: 'orphans',
        label: 'Not found in their articles',
        description: String(orphans.length),
        icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
        items: orphans,
        tooltip: 'The text these annotations quote is no longer in their article (or the article is gone). They keep their quote and note.',
      });
    }
    return groups;
  }

  getTreeItem(node: AnnotationsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = node.description;
      item.iconPath = node.icon;
      item.tooltip = node.tooltip;
      item.contextValue = node.id === 'orphans' || node.id === 'review' ? node.id : 'group';
      const count = `${node.items.length} ${node.items.length === 1 ? 'annotation' : 'annotations'}`;
      item.accessibilityInformation = { label: [node.label, node.description, count].filter(Boolean).join(', ') };
      return item;
    }
    const { annotation, title, orphanReason, reviewReason, suggested } = node.item;
    const { note, tags, colour, replies } = contentOf(annotation);
    const item = new vscode.TreeItem(shortQuote(annotation, QUOTE_CHARS), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parentId}/${annotation.id}`;
    const noteStart = note.trim() ? truncateAtWord(squashWhitespace(plainText(note)), NOTE_CHARS) : '';
    // By article, the group says which article; otherwise the line does.
    item.description = this.grouping === 'article' && !orphanReason && !reviewReason ? noteStart : [noteStart, title].filter(Boolean).join(' · ');
    item.iconPath = colourIcon(this.service.colours(), colour, note.trim() !== '');
    // Quotes, notes, tags and titles are text from the annotations file and the corpus: taken literally.
    const tooltip = new SafeMarkdown().icon(note.trim() ? 'comment' : 'circle-filled').markdown(' ').bold(colour || 'Highlight');
    if (tags.length) tooltip.text(' · ').text(tags.map((tag) => `#${tag}`).join(' '));
    tooltip.markdown('\n\n> ').text(shortQuote(annotation, 400)).markdown('\n\n');
    if (note.trim()) tooltip.text(note.trim()).markdown('\n\n');
    if (replies.length) tooltip.text(`${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`).markdown('\n\n');
    tooltip.italic(title);
    if (orphanReason) tooltip.markdown('\n\n').icon('warning').markdown(' ').text(`Not placed: ${orphanReason}.`);
    if (reviewReason) {
      tooltip.markdown('\n\n').icon('question').markdown(' ').text(`Needs review: ${reviewReason}. ${suggested ? 'Open it to see the suggested place; accept it, or dismiss it.' : 'No place was found in time; dismiss to list it as not found.'}`);
    }
    item.tooltip = tooltip.build();
    item.contextValue = reviewReason ? (suggested ? 'annotation.review' : 'annotation.reviewNone') : orphanReason ? 'annotation.orphan' : 'annotation';
    item.command = { command: AnnotationCommandId.Open, title: 'Open in Reader', arguments: [annotation.id] };
    item.accessibilityInformation = { label: `${colour || 'Highlight'}: ${shortQuote(annotation, QUOTE_CHARS)}${noteStart ? `. Note: ${noteStart}` : ''}` };
    return item;
  }
}

/** A dot in the colour's theme colour; a speech bubble when there is a note. */
function colourIcon(colours: readonly HighlightColour[], name: string, hasNote: boolean): vscode.ThemeIcon {
  const palette = paletteColourOf(colours, name);
  return new vscode.ThemeIcon(hasNote ? 'comment' : 'circle-filled', palette ? new vscode.ThemeColor(highlightColourId(palette)) : undefined);
}

/** A note's Markdown as the text it reads as, for one line of the view: emphasis and code marks dropped, links as their text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*(#+|>|[-*+])\s+/gm, '');
}
