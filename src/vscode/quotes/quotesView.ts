import * as vscode from 'vscode';
import { ViewProgress } from '../util/viewProgress';
import { showMoreItem } from '../util/showMore';
import { forEachLimit } from '../../core/async';
import type { ArticleSummary } from '../../core/corpus';
import { formatDate, formatMonth } from '../../core/dates';
import { type IndexPhase, type IndexStatus, inProgress } from '../../core/indexStatus';
import { type IndexedQuote, monthRange, type QuoteFilter } from '../../core/quotes/quoteIndex';
import type { QuoteKind } from '../../core/quotes/quoteTypes';
import { foldForMatching } from '../../core/text';
import { ContextKey, QuotesCommandId, ViewId } from '../constants';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import { Disposable } from '../util/disposable';
import { SafeMarkdown } from '../util/markdown';
import type { QuoteText, QuoteTexts } from './quoteTexts';

/** A quote as the view shows it: where it is, its article's entry, and its words (or why they are not shown). */
export interface ShownQuote extends IndexedQuote {
  readonly summary: ArticleSummary;
  readonly text: QuoteText;
}

export type QuotesNode =
  | { readonly kind: 'month'; readonly month: string; readonly quotes: number }
  | { readonly kind: 'quote'; readonly quote: ShownQuote; readonly parent: QuotesNode }
  | { readonly kind: 'more'; readonly month: string; readonly shown: number; readonly total: number; readonly parent: QuotesNode };

/** The view's filters; each left out means all. */
export interface QuotesFilters {
  readonly speaker?: { readonly id: string; readonly name: string };
  /** A month (`2022-02`) or a year (`2022`), with its range of date codes. */
  readonly period?: { readonly label: string; readonly from: number; readonly to: number };
  readonly kinds?: readonly QuoteKind[];
  /** Words every quote shown must hold (folded: case, accents, æøå). */
  readonly words?: string;
}

/** What the view shows, for tests and the log: its months with their counts, the filters, its message and description. */
export interface QuotesReport {
  readonly months: readonly { readonly month: string; readonly quotes: number }[];
  readonly total: number;
  readonly filters: QuotesFilters;
  readonly message: string | undefined;
  readonly description: string | undefined;
  readonly phase: string;
  /** Whether the list is partial: the corpus is still being read or indexed. */
  readonly partial: boolean;
}

/** Quotes a month lists at first, and each "more" adds. */
const QUOTES_PAGE = 100;
/** At most this many quotes are read to search their words: past it, the other filters must narrow the list first. */
export const MAX_WORD_SEARCH = 5000;
/** Articles read at once for a page's words. */
const READ_CONCURRENCY = 8;
/** Words of a quote in its label, at most. */
const LABEL_CHARACTERS = 40;
/** While indexing runs, the view is rebuilt at most this often. */
const INDEXING_REFRESH_MS = 2000;

export const KIND_NAMES: Record<QuoteKind, string> = { direct: 'Direct quote', reported: 'Reported speech', question: 'Question' };
const KIND_ICONS: Record<QuoteKind, string> = { direct: 'quote', reported: 'comment', question: 'question' };

/**
 * The Quotes view: the corpus's quotes grouped by month, newest month first (as the Articles view and the
 * concordance order articles: what was said last is what a reader of an unfolding story looks for first), each
 * month's newest article first and an article's quotes in text order. Each item is `Speaker: «first words…»`,
 * its article and date beside it, the whole quote in its tooltip; Enter or a click opens the reader at the
 * quote. Filters by speaker, period, kind and words narrow it; the months and pages come from the quote index
 * (offsets only), the words are read from the articles of the quotes shown (`QuoteTexts`).
 */
export class QuotesView extends Disposable implements vscode.TreeDataProvider<QuotesNode> {
  private readonly onDidChangeTreeDataEmitter = this.register(new vscode.EventEmitter<QuotesNode | undefined>());
  readonly onDidChangeTreeData = this.onDidChangeTreeDataEmitter.event;
  private readonly onDidUpdateEmitter = this.register(new vscode.EventEmitter<QuotesReport>());
  /** Fires when the view has been rebuilt (its months, message and description set). */
  readonly onDidUpdate = this.onDidUpdateEmitter.event;
  readonly treeView: vscode.TreeView<QuotesNode>;
  private filtersValue: QuotesFilters = {};
  private roots: QuotesNode[] = [];
  /** With a words filter: the quotes that hold the words (at most MAX_WORD_SEARCH were searched), newest first. */
  private wordMatches: ShownQuote[] | undefined;
  /** How many quotes each month shows. */
  private readonly limits = new Map<string, number>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private phase: string | undefined;
  private readonly progress = new ViewProgress(ViewId.Quotes);
  /** The word search under way, cancelled when a newer one starts. */
  private wordSearch: vscode.CancellationTokenSource | undefined;
  private lastReport: QuotesReport | undefined;
  /** A word search's matches for the filters about to be set (`searchWordsWithProgress`). */
  private presetMatches: { readonly filters: QuotesFilters; readonly matches: ShownQuote[] } | undefined;

  constructor(
    private readonly indexer: CorpusIndexService,
    private readonly texts: QuoteTexts,
  ) {
    super();
    this.treeView = this.register(vscode.window.createTreeView(ViewId.Quotes, { treeDataProvider: this, showCollapseAll: true }));
    this.register(indexer.onDidChange(() => this.scheduleRebuild()));
    this.register(indexer.onDidChangeStatus((status) => this.showStatus(status)));
    this.register({ dispose: () => clearTimeout(this.refreshTimer) });
    this.register(this.progress);
    this.register({ dispose: () => this.wordSearch?.cancel() });
    void vscode.commands.executeCommand('setContext', ContextKey.QuotesFiltered, false);
    this.showStatus(indexer.status);
    void this.rebuild();
  }

  get filters(): QuotesFilters {
    return this.filtersValue;
  }

  /** What the view shows now (its last rebuild). */
  get report(): QuotesReport | undefined {
    return this.lastReport;
  }

  /** The quote filter for the index, from the view's filters (all but the words). */
  indexFilter(filters: QuotesFilters = this.filtersValue): QuoteFilter {
    return { speakerId: filters.speaker?.id, from: filters.period?.from, to: filters.period?.to, kinds: filters.kinds };
  }

  /** Sets the filters and rebuilds; resolves when the view shows them (with words: once they are searched). */
  async setFilters(filters: QuotesFilters): Promise<QuotesReport> {
    this.filtersValue = filters;
    this.limits.clear();
    const filtered = filters.speaker !== undefined || filters.period !== undefined || (filters.kinds?.length ?? 0) > 0 || (filters.words ?? '') !== '';
    void vscode.commands.executeCommand('setContext', ContextKey.QuotesFiltered, filtered);
    return this.rebuild();
  }

  /** How many quotes pass the filters other than words (what a word search would have to read). */
  countWithoutWords(filters: QuotesFilters): number {
    return this.indexer.quotes(this.indexFilter(filters), 0, 0).total;
  }

  /** Reveals the view with its newest months expanded (up to three, or until a page of quotes shows). */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${ViewId.Quotes}.focus`);
    let shown = 0;
    for (const root of this.roots.slice(0, 3)) {
      if (root.kind !== 'month' || (shown > 0 && shown + root.quotes > QUOTES_PAGE)) break;
      await this.treeView.reveal(root, { expand: true, select: shown === 0, focus: shown === 0 });
      shown += root.quotes;
    }
  }

  /** Shows more of a month's quotes. */
  showMore(month: string): void {
    this.limits.set(month, (this.limits.get(month) ?? QUOTES_PAGE) + QUOTES_PAGE * 4);
    const node = this.roots.find((root) => root.kind === 'month' && root.month === month);
    this.onDidChangeTreeDataEmitter.fire(node);
  }

  getParent(node: QuotesNode): QuotesNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  async getChildren(node?: QuotesNode): Promise<QuotesNode[]> {
    if (!node) return this.roots;
    if (node.kind !== 'month') return [];
    const limit = this.limits.get(node.month) ?? QUOTES_PAGE;
    let quotes: ShownQuote[];
    let total: number;
    if (this.wordMatches) {
      const inMonth = this.wordMatches.filter((quote) => quote.summary.month === node.month);
      total = inMonth.length;
      quotes = inMonth.slice(0, limit);
    } else {
      const filter = this.monthFilter(node.month);
      if (!filter) return [];
      const page = this.indexer.quotes(filter, 0, limit);
      total = page.total;
      quotes = await this.withTexts(page.quotes);
    }
    const children: QuotesNode[] = quotes.map((quote) => ({ kind: 'quote', quote, parent: node }));
    if (total > quotes.length) children.push({ kind: 'more', month: node.month, shown: quotes.length, total, parent: node });
    return children;
  }

  getTreeItem(node: QuotesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'month': {
        const [year, month] = node.month.split('-').map(Number);
        const label = formatMonth(year, month);
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `month:${node.month}`;
        item.description = node.quotes.toLocaleString('en');
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'quoteMonth';
        item.accessibilityInformation = { label: `${label}, ${plural(node.quotes, 'quote', 'quotes')}` };
        return item;
      }
      case 'quote':
        return this.quoteItem(node.quote);
      case 'more':
        return showMoreItem('quotes', `more:${node.month}:${node.shown}`, node.shown, node.total, { command: QuotesCommandId.ShowMore, title: 'Show More Quotes', arguments: [node.month] });
    }
  }

  private quoteItem(quote: ShownQuote): vscode.TreeItem {
    const speaker = quote.speaker ?? 'Unknown speaker';
    const words = quote.text.kind === 'text' ? squash(quote.text.text) : undefined;
    // Reported speech is the narration's sentence, not the speaker's words: no guillemets around it.
    const quoted = (value: string): string => (quote.kind === 'reported' ? value : `«${value}»`);
    const label = words !== undefined ? `${speaker}: ${quoted(shorten(words, LABEL_CHARACTERS))}` : `${speaker}: ${quote.text.kind === 'changed' ? '(the article changed since it was indexed)' : '(the article could not be read)'}`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `quote:${quote.uri}#${quote.start}`;
    const date = formatDate(quote.summary.date);
    item.description = `${quote.summary.title} · ${date}`;
    item.iconPath = quote.text.kind === 'text' ? new vscode.ThemeIcon(KIND_ICONS[quote.kind]) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.contextValue = 'quote';
    // Speakers, cues, titles and words come from the corpus: taken literally.
    const tooltip = new SafeMarkdown().bold(speaker).markdown(' · ').text(KIND_NAMES[quote.kind]);
    if (quote.cue) tooltip.markdown(' · ').italic(quote.cue);
    tooltip.markdown('\n\n');
    if (words !== undefined) tooltip.text(quoted(words));
    else tooltip.text(quote.text.kind === 'changed' ? 'The article has changed since its quotes were indexed; it is indexed again shortly.' : 'The article could not be read.');
    tooltip.markdown('\n\n').bold(quote.summary.title).markdown('\n\n').text(date);
    item.tooltip = tooltip.build();
    item.accessibilityInformation = { label: `${KIND_NAMES[quote.kind]}, ${speaker}: ${words ?? 'article changed'}, in ${quote.summary.title}, ${date}` };
    // A quote whose article changed is opened at its start only (its range may be of another text).
    const reveal = quote.text.kind === 'text' ? { start: quote.start, end: quote.end } : undefined;
    item.command = { command: QuotesCommandId.Open, title: 'Open in Reader at the Quote', arguments: [quote.uri, reveal] };
    return item;
  }

  private monthFilter(month: string): QuoteFilter | undefined {
    const range = monthRange(month);
    if (!range) return undefined;
    const base = this.indexFilter();
    const from = Math.max(range.from, base.from ?? range.from);
    const to = Math.min(range.to, base.to ?? range.to);
    return from > to ? undefined : { ...base, from, to };
  }

  private async withTexts(quotes: readonly (IndexedQuote & { summary: ArticleSummary })[], token?: vscode.CancellationToken, onRead?: () => void): Promise<ShownQuote[]> {
    const shown: ShownQuote[] = new Array<ShownQuote>(quotes.length);
    const order = quotes.map((_, i) => i);
    await forEachLimit(order, READ_CONCURRENCY, async (i) => {
      if (token?.isCancellationRequested) return;
      shown[i] = { ...quotes[i], text: await this.texts.textOf(quotes[i]) };
      onRead?.();
    });
    return shown.filter((quote) => quote !== undefined);
  }

  /** The welcome content follows the index's phase; while it is loading or indexing the view's progress bar runs. */
  private showStatus(status: IndexStatus): void {
    const phase = this.phaseOf(status.phase);
    if (phase !== this.phase) {
      this.phase = phase;
      void vscode.commands.executeCommand('setContext', ContextKey.QuotesState, phase);
    }
    const busy = inProgress(status);
    this.progress.update(busy);
    // Settled: the counts are whole now.
    if (!busy) this.scheduleRebuild();
    this.showMessage();
    if (this.lastReport) {
      this.lastReport = { ...this.lastReport, message: this.treeView.message, phase: this.phase ?? 'loading', partial: busy };
      this.onDidUpdateEmitter.fire(this.lastReport);
    }
  }

  private phaseOf(phase: IndexPhase): string {
    return phase === 'ready' && this.indexer.entities.quotes.total === 0 ? 'none' : phase;
  }

  private scheduleRebuild(): void {
    // A word search reads the quotes' articles: while the index grows it is done again only once it has settled.
    if (this.indexer.progress && (this.refreshTimer !== undefined || (this.filtersValue.words ?? '') !== '')) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = undefined;
        void this.rebuild();
      },
      this.indexer.progress ? INDEXING_REFRESH_MS : 100,
    );
  }

  private async rebuild(): Promise<QuotesReport> {
    const filters = this.filtersValue;
    const words = filters.words?.trim() ?? '';
    this.wordSearch?.cancel();
    this.wordSearch = undefined;
    let months: { month: string; quotes: number }[];
    if (words) {
      // Searched just now, with the notification's progress (`searchWordsWithProgress`): not read again.
      const preset = this.presetMatches?.filters === filters ? this.presetMatches.matches : undefined;
      this.presetMatches = undefined;
      const matches = preset ?? (await this.searchWords(filters, words));
      // A newer rebuild took over meanwhile: its report is the one that counts.
      if (matches === undefined || filters !== this.filtersValue) return this.lastReport ?? this.makeReport([]);
      this.wordMatches = matches;
      const counts = new Map<string, number>();
      for (const quote of matches) counts.set(quote.summary.month, (counts.get(quote.summary.month) ?? 0) + 1);
      months = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([month, quotes]) => ({ month, quotes }));
    } else {
      this.wordMatches = undefined;
      months = this.indexer.quoteMonths(this.indexFilter(filters));
    }
    this.roots = months.map(({ month, quotes }) => ({ kind: 'month', month, quotes }));
    const phase = this.phaseOf(this.indexer.status.phase);
    if (phase !== this.phase) {
      this.phase = phase;
      void vscode.commands.executeCommand('setContext', ContextKey.QuotesState, phase);
    }
    this.treeView.description = describeFilters(filters);
    const report = this.makeReport(months);
    this.lastReport = report;
    this.showMessage();
    this.onDidChangeTreeDataEmitter.fire(undefined);
    const shown = { ...report, message: this.treeView.message };
    this.lastReport = shown;
    this.onDidUpdateEmitter.fire(shown);
    return shown;
  }

  private makeReport(months: readonly { month: string; quotes: number }[]): QuotesReport {
    return {
      months,
      total: months.reduce((sum, month) => sum + month.quotes, 0),
      filters: this.filtersValue,
      message: this.treeView.message,
      description: this.treeView.description,
      phase: this.phase ?? 'loading',
      partial: inProgress(this.indexer.status),
    };
  }

  /**
   * The quotes passing the other filters that hold every word, read from their articles with progress in the
   * view; undefined when cancelled by a newer search. The caller has checked there are at most MAX_WORD_SEARCH.
   */
  private async searchWords(filters: QuotesFilters, words: string): Promise<ShownQuote[] | undefined> {
    const source = new vscode.CancellationTokenSource();
    this.wordSearch = source;
    const page = this.indexer.quotes(this.indexFilter(filters), 0, MAX_WORD_SEARCH);
    const found = await vscode.window.withProgress({ location: { viewId: ViewId.Quotes } }, () => this.withTexts(page.quotes, source.token));
    if (source.token.isCancellationRequested) return undefined;
    if (this.wordSearch === source) this.wordSearch = undefined;
    source.dispose();
    return holding(found, words);
  }

  /** Reads the words of the quotes passing `filters` (at most MAX_WORD_SEARCH), with cancellable progress; for the Filter by Words command. */
  async searchWordsWithProgress(filters: QuotesFilters): Promise<'done' | 'cancelled'> {
    const page = this.indexer.quotes(this.indexFilter(filters), 0, MAX_WORD_SEARCH);
    let read = 0;
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Searching ${plural(page.quotes.length, 'quote', 'quotes')} for “${filters.words ?? ''}”`, cancellable: true },
      async (progress, token) => {
        const step = 100 / Math.max(1, page.quotes.length);
        // Read here once, with progress, and handed to the view's rebuild.
        const shown = await this.withTexts(page.quotes, token, () => {
          read++;
          if (read % 50 === 0) progress.report({ increment: step * 50, message: `${read.toLocaleString('en')} read` });
        });
        return token.isCancellationRequested ? undefined : shown;
      },
    );
    if (!found) return 'cancelled';
    this.presetMatches = { filters, matches: holding(found, filters.words ?? '') };
    await this.setFilters(filters);
    return 'done';
  }

  private showMessage(): void {
    const status = this.indexer.status;
    const total = this.roots.reduce((sum, root) => sum + (root.kind === 'month' ? root.quotes : 0), 0);
    if (status.phase === 'loading') this.treeView.message = status.total === undefined ? undefined : `Reading the corpus: ${status.read.toLocaleString('en')} of ${status.total.toLocaleString('en')} files… Quotes are listed as they are found.`;
    else if (status.phase === 'indexing') this.treeView.message = `Finding quotes: ${status.done.toLocaleString('en')} of ${status.total.toLocaleString('en')} articles… ${plural(total, 'quote', 'quotes')} so far.`;
    else if (this.wordMatches && total > 0) this.treeView.message = `${plural(total, 'quote', 'quotes')} with “${this.filtersValue.words ?? ''}”.`;
    else this.treeView.message = undefined;
  }
}

/** The active filters, for the view's description: `Jens Stoltenberg · February 2022 · direct · “Nato”`. */
export function describeFilters(filters: QuotesFilters): string | undefined {
  const parts: string[] = [];
  if (filters.speaker) parts.push(filters.speaker.name);
  if (filters.period) parts.push(filters.period.label);
  if (filters.kinds?.length) parts.push(filters.kinds.map((kind) => KIND_NAMES[kind].toLowerCase()).join(', '));
  if (filters.words) parts.push(`“${filters.words}”`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The quotes whose words hold every word of `words`, folded (case, accents, æ/ae, ø/oe, å/aa). */
function holding(quotes: readonly ShownQuote[], words: string): ShownQuote[] {
  const wanted = foldForMatching(words).split(/\s+/u).filter(Boolean);
  return quotes.filter((quote) => {
    if (quote.text.kind !== 'text') return false;
    const folded = foldForMatching(quote.text.text);
    return wanted.every((word) => folded.includes(word));
  });
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** White space squashed to single spaces (a quote may span lines). */
function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The first words of `text`, at most about `max` characters, ending with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).trimEnd()}…`;
}
