/**
 * `annotated-reader export`: every article with its parts, entities and quotes, as
 * JSON lines, brat standoff or CoNLL. Two passes over the files, as the
 * extension's corpus index does it: the first indexes every article's
 * mentions (offsets only, no texts kept), the second writes each article
 * with its rule-found names in their corpus types (`carryCorpusTypes`), so
 * the export and the reader agree on what a name is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { flattenParts, monthKey } from '../core/article';
import { carryCorpusTypes } from '../core/entities/corpusTypes';
import { toBratAnn, toConll } from '../core/entities/formats';
import type { Recognizer } from '../core/entities/recognizer';
import { findQuotes } from '../core/quotes/findQuotes';
import { type CliIO, type ReadOptions, indexMentions, readArticles } from './read';

export interface ExportOptions extends ReadOptions {
  readonly format: 'jsonl' | 'brat' | 'conll';
  readonly out?: string;
  readonly recognizer: Recognizer;
}

export async function exportArticles(paths: readonly string[], options: ExportOptions, io: CliIO): Promise<number> {
  const { format, out, recognizer } = options;
  const index = await indexMentions(paths, options, recognizer);
  if (out) await mkdir(out, { recursive: true });
  const usedNames = new Set<string>();
  let exported = 0;
  for await (const { path, article } of readArticles(paths, options, io)) {
    const entities = carryCorpusTypes(recognizer.recognize(article.text), index);
    if (format === 'jsonl') {
      await io.out(
        JSON.stringify({
          path,
          date: monthKey(article.date),
          title: article.title,
          byline: article.byline?.text ?? null,
          source: article.source ?? null,
          text: article.text,
          parts: flattenParts(article),
          entities: entities.map(({ start, end, text, type, entityId, canonical }) => ({ start, end, text, type, entityId, canonical })),
          quotes: findQuotes(article, entities).map(({ start, end, kind, speaker, speakerId, cue }) => ({ start, end, kind, speaker, speakerId, cue })),
        }),
      );
    } else if (format === 'conll') {
      await io.out(`-DOCSTART-\tO\n\n${toConll(article.text, entities)}`);
    } else if (out) {
      const name = uniqueName(basename(path).replace(/\.[^.]*$/, ''), usedNames);
      await writeFile(join(out, `${name}.txt`), article.text);
      await writeFile(join(out, `${name}.ann`), toBratAnn(article.text, entities));
    }
    exported++;
  }
  if (exported === 0) io.err('annotated-reader export: no article could be read.');
  return exported === 0 ? 1 : 0;
}

/** `name`, or `name-2`, `name-3`… when two articles in different folders share a file name. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}-${n}`;
  used.add(candidate);
  return candidate;
}
