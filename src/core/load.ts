import type { ParseResult } from './article';
import { type ArticleBody, articleBody, parseArticle } from './parse';
import { decodeArticleBytes } from './text';

/** Decodes and parses a file's bytes; decoding warnings are carried on the article. */
export function loadArticle(bytes: Uint8Array): ParseResult {
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return { ok: false, kind: 'notArticle', reason: decoded.reason };
  const result = parseArticle(decoded.value.text);
  if (!result.ok || !decoded.value.warning) return result;
  return { ok: true, article: { ...result.article, warnings: [decoded.value.warning, ...result.article.warnings] } };
}

/** Decodes a file's bytes and reads its header: the article's text without its structure (see `articleBody`). */
export function loadArticleBody(bytes: Uint8Array): ArticleBody {
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return { ok: false, kind: 'notArticle', reason: decoded.reason };
  return articleBody(decoded.value.text);
}
