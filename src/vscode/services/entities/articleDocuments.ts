import * as vscode from 'vscode';
import type { Article } from '../../../core/article';
import type { EntityMention } from '../../../core/entities/types';
import { parseArticle } from '../../../core/parse';
import { type ArticleCoordinates, coordinatesOf } from '../../../core/positions';
import type { EntityService } from './entityService';

/** An article file open as text, parsed, with its entities and coordinates. */
export interface ArticleDocument {
  readonly article: Article;
  readonly mentions: readonly EntityMention[];
  readonly coordinates: ArticleCoordinates;
  range(start: number, end: number): vscode.Range;
  mentionAt(position: vscode.Position): EntityMention | undefined;
}

/** Editor ranges of article text offsets. */
export function rangeIn(coordinates: ArticleCoordinates): (start: number, end: number) => vscode.Range {
  const position = (offset: number) => {
    const { line, character } = coordinates.positionAt(offset);
    return new vscode.Position(line, character);
  };
  return (start, end) => new vscode.Range(position(start), position(end));
}

/** Parses open article documents, once per version; their mentions are typed again when the corpus types change. */
export class ArticleDocuments implements vscode.Disposable {
  private cache = new WeakMap<vscode.TextDocument, { version: number; types: number; value: ArticleDocument | undefined }>();
  private readonly listener: vscode.Disposable;

  constructor(private readonly entities: EntityService) {
    // Other knowledge bases, other entities: parse again.
    this.listener = entities.onDidChange(() => (this.cache = new WeakMap()));
  }

  dispose(): void {
    this.listener.dispose();
  }

  /** The article in `document`, or undefined when the document is not an article. */
  get(document: vscode.TextDocument): ArticleDocument | undefined {
    const cached = this.cache.get(document);
    const types = this.entities.corpusTypeGeneration;
    if (cached?.version === document.version) {
      if (cached.types === types || !cached.value) return cached.value;
      // The corpus typed some rule-found names otherwise: the same parse, its mentions typed again.
      const { article, coordinates } = cached.value;
      const value = this.documentOf(article, coordinates);
      this.cache.set(document, { version: document.version, types, value });
      return value;
    }
    const value = this.parse(document.getText());
    this.cache.set(document, { version: document.version, types, value });
    return value;
  }

  private parse(text: string): ArticleDocument | undefined {
    // Most plain-text files are not articles: a look at the start spares parsing a large one on every change.
    if (!/^\uFEFF?\s*date\s/i.test(text.slice(0, 32))) return undefined;
    const result = parseArticle(text);
    if (!result.ok) return undefined;
    const { article } = result;
    return this.documentOf(article, coordinatesOf(article));
  }

  private documentOf(article: Article, coordinates: ArticleCoordinates): ArticleDocument {
    const mentions = this.entities.mentionsIn(article.text);
    return {
      article,
      mentions,
      coordinates,
      range: rangeIn(coordinates),
      mentionAt: (position) => {
        const offset = coordinates.offsetAt(position);
        return offset < 0 ? undefined : mentions.find((m) => m.start <= offset && offset < m.end);
      },
    };
  }
}
