/**
 * Annotations taken out of the extension: Markdown to read (per article,
 * its headline and date, then each quote as a blockquote with its note and
 * tags, in text order) and the W3C JSON-LD collection for other tools.
 */
import { type Annotation, contentOf, selectorsOf, toCollection } from './model';
import { placeAnnotations } from './placement';

export interface AnnotatedArticle {
  readonly title: string;
  /** `14 February 2022`. */
  readonly dateLabel: string;
  /** The article text now, to place the annotations in (undefined when the file is gone). */
  readonly text: string | undefined;
  readonly annotations: readonly Annotation[];
}

/** Markdown of the articles' annotations; those whose place is uncertain, then those that no longer anchor, are listed last under each article. */
export function toMarkdown(articles: readonly AnnotatedArticle[]): string {
  const out: string[] = [];
  for (const article of articles) {
    if (article.annotations.length === 0) continue;
    out.push(`## ${escapeMarkdown(article.title)}`, '', `*${article.dateLabel}*`, '');
    const { placed, review, orphans } = placeAnnotations(article.text, article.annotations);
    for (const { annotation } of placed) out.push(...entry(annotation));
    if (review.length) {
      // Not placed without the user's word: listed, never put in text order as if they were where they seem to be.
      out.push('**Needs review (the article changed; the place found is uncertain):**', '');
      for (const { annotation } of review) out.push(...entry(annotation));
    }
    if (orphans.length) {
      out.push('**No longer found in the article:**', '');
      for (const { annotation } of orphans) out.push(...entry(annotation));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function entry(annotation: Annotation): string[] {
  const { note, tags, colour } = contentOf(annotation);
  const quote = selectorsOf(annotation).quote.exact;
  const lines = [...quote.split('\n').map((line) => `> ${escapeMarkdown(line)}`), ''];
  if (note.trim()) lines.push(note.trim(), '');
  const meta = [colour && `*${escapeMarkdown(colour)}*`, ...tags.map((tag) => `\`#${tag.replace(/`/g, '')}\``)].filter(Boolean);
  if (meta.length) lines.push(meta.join(' '), '');
  return lines;
}

/** The W3C JSON-LD collection, as the annotations file holds it. */
export function toW3c(annotations: readonly Annotation[]): string {
  return `${JSON.stringify(toCollection(annotations), null, 2)}\n`;
}

/**
 * Quoted article text is text: the characters that would start emphasis,
 * code, links, HTML, entities (`&lt;`), table cells or strikethrough are
 * escaped, and a line start that would make a list or a heading (`- `,
 * `1. `, `1) `, `#`). The rest stays readable as it is.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(/^(\s*)([#+-]|\d+(?=[.)]\s))/, '$1\\$2');
}
