import * as vscode from 'vscode';
import type { ArticleSummary } from '../../core/corpus';
import type { IndexedQuote } from '../../core/quotes/quoteIndex';
import { textHash } from '../../core/quotes/quotePack';
import type { CorpusService } from '../services/corpus/corpusService';

/** What the words of an indexed quote are: read from its article, or why not. */
export type QuoteText =
  | { readonly kind: 'text'; readonly text: string }
  /** The article's text is not the one the quote was indexed in (edited since): its offsets would show a wrong slice. */
  | { readonly kind: 'changed' }
  /** The article could not be read (gone, too large, not an article any more). */
  | { readonly kind: 'unreadable' };

/** Articles whose texts are kept: enough for the quotes a view shows at once, and a word search's pages. */
const KEPT_ARTICLES = 300;

interface Kept {
  /** The corpus entry it was read for: the corpus makes a new one when the file changes. */
  readonly summary: ArticleSummary;
  readonly text: string | undefined;
  readonly hash: number;
}

/**
 * The words of the quotes a view shows, read on demand from their articles (the corpus keeps no texts, and the
 * quote index only offsets): through the corpus's bounded read, the texts of the last `KEPT_ARTICLES` articles
 * kept (least recently used out first), each read once however many of its quotes are asked for at once. A
 * quote whose article's text hash is not the one it was indexed with, or whose offsets are past its end, is
 * `changed`: never a slice of another version.
 */
export class QuoteTexts {
  private readonly kept = new Map<string, Kept>();
  private readonly reading = new Map<string, Promise<Kept>>();
  /** Articles read from their files so far (for tests and the log). */
  reads = 0;

  constructor(private readonly corpus: CorpusService) {}

  async textOf(quote: IndexedQuote & { readonly summary: ArticleSummary }): Promise<QuoteText> {
    const article = await this.article(quote.uri, quote.summary);
    if (article.text === undefined) return { kind: 'unreadable' };
    if (article.hash !== quote.textHash || quote.end > article.text.length) return { kind: 'changed' };
    return { kind: 'text', text: article.text.slice(quote.start, quote.end) };
  }

  clear(): void {
    this.kept.clear();
  }

  private article(uri: string, summary: ArticleSummary): Promise<Kept> {
    const kept = this.kept.get(uri);
    if (kept && kept.summary === summary) {
      // Used again: to the back of the queue.
      this.kept.delete(uri);
      this.kept.set(uri, kept);
      return Promise.resolve(kept);
    }
    const key = `${uri}\n`;
    const pending = this.reading.get(key);
    if (pending) return pending;
    const read = (async (): Promise<Kept> => {
      this.reads++;
      const text = await this.corpus.readArticleText(vscode.Uri.parse(uri, true)).catch(() => undefined);
      const entry: Kept = { summary, text, hash: text === undefined ? 0 : textHash(text) };
      this.kept.delete(uri);
      this.kept.set(uri, entry);
      while (this.kept.size > KEPT_ARTICLES) this.kept.delete(this.kept.keys().next().value as string);
      return entry;
    })().finally(() => this.reading.delete(key));
    this.reading.set(key, read);
    return read;
  }
}
