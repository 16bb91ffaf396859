/**
 * The corpus: what is known about every article file, without keeping the
 * texts (a corpus may hold hundreds of thousands of articles, and the
 * extension host is shared). Articles are read again when opened.
 */
import type { Article, ArticleDate } from './article';
import { monthKey } from './article';
import { compareDatesNewestFirst, formatMonth } from './dates';
import { Emitter, type Event } from './events';
import { compareNorwegian, detach, truncateAtWord } from './text';

/** Where an article file was found. */
export type ArticleOrigin = 'workspace' | 'folder' | 'sample';

/** What the corpus keeps of an article: enough for the tree, tooltips and navigation. */
export interface ArticleSummary {
  /** The file's URI, as a string: the corpus key. */
  readonly uri: string;
  readonly fileName: string;
  readonly origin: ArticleOrigin;
  readonly date: ArticleDate;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly title: string;
  readonly byline?: string;
  readonly source?: string;
  /** The lead, shortened for tooltips. */
  readonly lead?: string;
  readonly warnings: readonly string[];
}

/** A file that matched but could not be read or parsed. */
export interface CorpusProblem {
  readonly uri: string;
  readonly fileName: string;
  readonly origin: ArticleOrigin;
  readonly reason: string;
  /** The problem is a whole folder (a configured corpus folder that cannot be read). */
  readonly folder?: boolean;
}

export type CorpusEntry =
  | { readonly kind: 'article'; readonly summary: ArticleSummary }
  | { readonly kind: 'problem'; readonly problem: CorpusProblem };

export interface MonthGroup {
  readonly kind: 'month';
  /** `YYYY-MM`. */
  readonly key: string;
  readonly label: string;
  readonly articles: readonly ArticleSummary[];
}

export interface YearGroup {
  readonly kind: 'year';
  /** `YYYY`. */
  readonly key: string;
  readonly label: string;
  readonly months: readonly MonthGroup[];
  readonly count: number;
}

export type GroupBy = 'month' | 'yearMonth';

const LEAD_SUMMARY_CHARS = 280;

export function summarize(uri: string, fileName: string, origin: ArticleOrigin, article: Article): ArticleSummary {
  return {
    uri,
    fileName,
    origin,
    date: article.date,
    month: monthKey(article.date),
    // Summaries outlive the article: keep none of its text alive through them.
    title: detach(article.title),
    byline: detach(article.byline?.text),
    source: detach(article.source),
    lead: article.lead === undefined ? undefined : detach(truncateAtWord(article.lead, LEAD_SUMMARY_CHARS)),
    warnings: article.warnings.map((warning) => detach(warning)),
  };
}

/** Tree order: newest month first, then by day, then by title (Norwegian collation), then by file. */
export function compareArticles(a: ArticleSummary, b: ArticleSummary): number {
  return (
    compareDatesNewestFirst(a.date, b.date) ||
    compareNorwegian(a.title, b.title) ||
    compareNorwegian(a.fileName, b.fileName) ||
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)
  );
}

export class Corpus {
  private entries = new Map<string, CorpusEntry>();
  /** The articles in tree order as of the last `order()`. */
  private sorted: ArticleSummary[] | undefined;
  /** Article entries set since `sorted` was made, to be merged into it (some may have gone again since). */
  private added: ArticleSummary[] = [];
  /** Whether the corpus changed since `sorted` was made. */
  private stale = true;
  /** Whether an article of `sorted` may have gone or been replaced since (else only articles were added). */
  private dropped = false;
  private readonly onDidChangeEmitter = new Emitter<void>();
  /** Fires after every change, once per batch. */
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  get size(): number {
    return this.entries.size;
  }

  get(uri: string): CorpusEntry | undefined {
    return this.entries.get(uri);
  }

  /** The URIs of every entry (articles and problems), in no particular order. */
  uris(): IterableIterator<string> {
    return this.entries.keys();
  }

  /**
   * Replaces everything (a full reload). `inTreeOrder`: the articles come in tree order (as a saved index lists
   * them), and are taken in that order if their dates are; sorting them again compares each with the next by
   * Norwegian collation (0.1 s of the extension host's thread at 100,000 articles, as a reopened window starts).
   */
  reset(entries: Iterable<CorpusEntry>, options: { inTreeOrder?: boolean } = {}): void {
    for (const _ of this.resetInSteps(entries, options)) {
      // One pass: no pause between the steps.
    }
  }

  /**
   * `reset` in steps of `entriesPerStep` entries, so that the caller can let other work run between them (a
   * reopened window takes 100,000 entries and more). The corpus stays as it was until the last step, which
   * puts the new entries in at once.
   */
  *resetInSteps(entries: Iterable<CorpusEntry>, options: { inTreeOrder?: boolean } = {}, entriesPerStep = 5000): Generator<void, void, undefined> {
    const next = new Map<string, CorpusEntry>();
    const articles: ArticleSummary[] = [];
    // A URI given twice: the list of articles is not the corpus's, and is sorted again.
    let twice = false;
    let count = 0;
    for (const entry of entries) {
      const uri = entryUri(entry);
      if (next.has(uri)) twice = true;
      next.set(uri, entry);
      if (entry.kind === 'article') articles.push(entry.summary);
      if (++count % entriesPerStep === 0) yield;
    }
    const ordered = options.inTreeOrder && !twice && datesInOrder(articles) ? articles : undefined;
    this.entries = next;
    this.sorted = ordered;
    this.added = [];
    this.dropped = false;
    this.changed();
  }

  /** Adds or replaces some entries and removes others, as one change. */
  update(upserts: Iterable<CorpusEntry>, removals: Iterable<string> = []): void {
    let changed = false;
    for (const uri of removals) {
      const removed = this.entries.get(uri);
      if (!removed) continue;
      this.entries.delete(uri);
      if (removed.kind === 'article') this.dropped = true;
      changed = true;
    }
    for (const entry of upserts) {
      const uri = entryUri(entry);
      if (this.entries.get(uri)?.kind === 'article') this.dropped = true;
      this.entries.set(uri, entry);
      if (entry.kind === 'article' && this.sorted) this.added.push(entry.summary);
      changed = true;
    }
    if (changed) this.changed();
  }

  /** Removes every entry whose URI starts with one of `prefixes` (folders that went away), as one change. */
  removeUnder(prefixes: readonly string[]): void {
    if (prefixes.length === 0) return;
    const doomed: string[] = [];
    for (const uri of this.entries.keys()) if (prefixes.some((prefix) => uri.startsWith(prefix))) doomed.push(uri);
    this.update([], doomed);
  }

  /** All articles in tree order. */
  articles(): readonly ArticleSummary[] {
    return this.order();
  }

  /** The 0-based place of an article in tree order, or -1. */
  indexOf(uri: string): number {
    const articles = this.order();
    const entry = this.entries.get(uri);
    if (entry?.kind !== 'article') return -1;
    // Found by its place in the order (a few dozen comparisons): a lookup of every article's place, made
    // again after each change, took 85 ms at 100,000 articles each time a reader opened during a load.
    const summary = entry.summary;
    let low = 0;
    let high = articles.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareArticles(articles[middle], summary) < 0) low = middle + 1;
      else high = middle;
    }
    // A saved order taken as it was (`reset` with `inTreeOrder`) may order equal dates otherwise.
    return articles[low] === summary ? low : articles.indexOf(summary);
  }

  problems(): CorpusProblem[] {
    const problems: CorpusProblem[] = [];
    for (const entry of this.entries.values()) if (entry.kind === 'problem') problems.push(entry.problem);
    return problems.sort((a, b) => compareNorwegian(a.fileName, b.fileName) || (a.uri < b.uri ? -1 : 1));
  }

  /** The article `offset` places after (or before, if negative) `uri` in tree order. */
  neighbour(uri: string, offset: number): ArticleSummary | undefined {
    const index = this.indexOf(uri);
    return index < 0 ? undefined : this.articles()[index + offset];
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }

  /**
   * The articles in tree order. Sorted in full once; after a change, the articles set since are sorted and
   * merged in, each placed by binary search: at 100,000 articles a full sort compares titles by Norwegian
   * collation about 1.7 million times (0.7 s of the extension host's thread), while the corpus changes a
   * batch of files at a time as it loads and as files change.
   */
  private order(): ArticleSummary[] {
    const current = (summary: ArticleSummary) => {
      const entry = this.entries.get(summary.uri);
      return entry?.kind === 'article' && entry.summary === summary;
    };
    if (this.sorted && !this.stale) return this.sorted;
    this.stale = false;
    // Only added since (as while a corpus loads): every article sorted before is still there.
    const dropped = this.dropped;
    this.dropped = false;
    const kept = dropped ? this.sorted?.filter(current) : this.sorted;
    // An article removed and set again, or set again as it was, is among the kept already.
    const inKept = dropped && kept && this.added.length > 0 ? new Set(kept) : undefined;
    const added = [...new Set(this.added)].filter((summary) => current(summary) && !inKept?.has(summary));
    this.added = [];
    if (!kept || added.length > kept.length) {
      const articles: ArticleSummary[] = [];
      for (const entry of this.entries.values()) if (entry.kind === 'article') articles.push(entry.summary);
      this.sorted = articles.sort(compareArticles);
      return this.sorted;
    }
    added.sort(compareArticles);
    const merged: ArticleSummary[] = [];
    let from = 0;
    for (const article of added) {
      // The first of the kept ones that comes after it: they are in order, and so are the added ones.
      let low = from;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareArticles(kept[middle], article) < 0) low = middle + 1;
        else high = middle;
      }
      for (let at = from; at < low; at++) merged.push(kept[at]);
      merged.push(article);
      from = low;
    }
    for (let at = from; at < kept.length; at++) merged.push(kept[at]);
    this.sorted = merged;
    return merged;
  }

  private changed(): void {
    this.stale = true;
    this.onDidChangeEmitter.fire();
  }
}

/** Whether the articles' dates are in tree order (newest first), as a list in tree order has them. */
function datesInOrder(articles: readonly ArticleSummary[]): boolean {
  for (let i = 1; i < articles.length; i++) if (compareDatesNewestFirst(articles[i - 1].date, articles[i].date) > 0) return false;
  return true;
}

export function entryUri(entry: CorpusEntry): string {
  return entry.kind === 'article' ? entry.summary.uri : entry.problem.uri;
}

/** Month groups of articles given in tree order (as `Corpus.articles()` returns them). */
export function groupByMonth(articles: readonly ArticleSummary[]): MonthGroup[] {
  const month = (key: string, list: readonly ArticleSummary[]): MonthGroup => ({
    kind: 'month',
    key,
    label: formatMonth(list[0].date.year, list[0].date.month),
    articles: list,
  });
  // In tree order a month's articles are one run: sliced out, not pushed one at a time (the Articles view groups
  // the whole corpus again on a change, 100,000 articles and more).
  const runs: MonthGroup[] = [];
  const seen = new Set<string>();
  let start = 0;
  for (let i = 1; i <= articles.length; i++) {
    if (i < articles.length && articles[i].month === articles[start].month) continue;
    const key = articles[start].month;
    if (seen.has(key)) {
      // Not in tree order after all: grouped as they come.
      return [...groupBy(articles, (article) => article.month)].map(([k, list]) => month(k, list));
    }
    seen.add(key);
    runs.push(month(key, articles.slice(start, i)));
    start = i;
  }
  return runs;
}

/** Year groups holding month groups, of articles given in tree order. */
export function groupByYear(articles: readonly ArticleSummary[]): YearGroup[] {
  const years = groupBy(groupByMonth(articles), (month) => month.key.slice(0, 4));
  return [...years].map(([key, months]) => ({
    kind: 'year',
    key,
    label: key,
    months,
    count: months.reduce((sum, month) => sum + month.articles.length, 0),
  }));
}

/** Groups in first-seen order (a `Map` keeps insertion order). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
