import type * as vscode from 'vscode';
import type { Article } from '../../core/article';
import { paletteColourOf } from '../../core/annotations/colours';
import { contentOf } from '../../core/annotations/model';
import { formatDate } from '../../core/dates';
import type { EntityMention } from '../../core/entities/types';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../core/limits';
import type { ArticleLink, ReaderAnnotations, ReaderArticle, ReaderEntity, ReaderMention } from '../../webview/protocol';
import type { AnnotationService } from '../services/annotations/annotationService';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { CorpusService } from '../services/corpus/corpusService';
import { corpusCardFacts } from '../services/index/cardFacts';
import type { EntityService } from '../services/entities/entityService';
import { findQuotes } from '../../core/quotes/findQuotes';

/**
 * What the reader's webview is sent of an article, built from the shared services: the article and where it
 * stands in the corpus, its names with their hover cards' facts, and its annotations placed in the text shown.
 * The panels (`readerManager.ts`) decide when to send it.
 */
export class ReaderPresenter {
  constructor(
    private readonly corpus: CorpusService,
    private readonly entities: EntityService,
    private readonly indexer: CorpusIndexService,
    private readonly annotations: AnnotationService,
  ) {}

  /** Builds what the webview is sent for an article and its `mentions` (its annotations placed off the host's thread when the article is large). */
  async toReaderArticle(uri: vscode.Uri, fileName: string, article: Article, mentions: readonly EntityMention[]): Promise<ReaderArticle> {
    const total = this.corpus.corpus.articles().length;
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
      mentions: readerMentions(mentions),
      entities: this.describeEntities(uri, mentions),
      annotations: await this.describeAnnotations(uri, article.text),
      // Who said what: one pass over the article and its names (about a millisecond for a news article).
      quotes: findQuotes(article, mentions),
    };
  }

  /** The article's annotations as the reader draws them: placed in `text` (the text shown), those to review, and the orphans. */
  async describeAnnotations(uri: vscode.Uri, text: string): Promise<ReaderAnnotations> {
    const colours = this.annotations.colours();
    const { placed, review, orphans } = await this.annotations.placeIn(uri.toString(), text);
    return {
      items: placed.map(({ annotation, start, end }) => {
        const content = contentOf(annotation);
        return {
          id: annotation.id,
          start,
          end,
          colour: content.colour,
          palette: paletteColourOf(colours, content.colour),
          note: content.note,
          // Imported annotations may carry more than the reader shows.
          tags: content.tags.slice(0, MAX_TAGS).map((tag) => tag.slice(0, MAX_TAG_LENGTH)),
          replies: content.replies.length,
          modifiedLabel: formatDay(annotation.modified),
        };
      }),
      review: review.map(({ annotation, reason, suggestion }) => {
        const content = contentOf(annotation);
        return {
          id: annotation.id,
          quote: annotation.target.selector[0].exact,
          colour: content.colour,
          palette: paletteColourOf(colours, content.colour),
          note: content.note,
          reason,
          ...(suggestion ? { suggestion: { start: suggestion.start, end: suggestion.end } } : {}),
        };
      }),
      orphans: orphans.map(({ annotation }) => {
        const content = contentOf(annotation);
        return { id: annotation.id, quote: annotation.target.selector[0].exact, colour: content.colour, palette: paletteColourOf(colours, content.colour), note: content.note };
      }),
      colours: [...colours],
      readOnly: this.annotations.readOnlyReason,
    };
  }

  /** The hover cards' facts: the knowledge base's, and the corpus's once the index has them. */
  describeEntities(uri: vscode.Uri, mentions: readonly EntityMention[]): Record<string, ReaderEntity> {
    const described = this.entities.describe(mentions);
    const key = uri.toString();
    // Counts are only honest once the index has this article (and so the rest of the corpus as read so far).
    if (!this.indexer.entities.has(key)) return described;
    for (const [id, entity] of Object.entries(described)) {
      const facts = corpusCardFacts(this.indexer, id, key);
      if (!facts) continue;
      const others: ArticleLink[] = facts.others.map(({ uri: other, summary }) => ({ uri: other, title: summary.title, dateLabel: formatDate(summary.date) }));
      described[id] = { ...entity, corpus: { articles: facts.articles, mentions: facts.mentions, others, quotes: facts.quotes } };
    }
    return described;
  }
}

/** Mentions as the reader highlights them. */
export function readerMentions(mentions: readonly EntityMention[]): ReaderMention[] {
  return mentions.map(({ start, end, type, entityId }) => ({ start, end, type, entityId }));
}

/** `14 February 2022` of an ISO time. */
function formatDay(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : time.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
