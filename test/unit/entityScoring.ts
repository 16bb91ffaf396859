// Scoring of entity recognition against hand-annotated articles (a `.txt` with a `.gold.json` beside it),
// shared by the held-out test (totals only) and the development-set test (totals, and every error on
// request). Spans count only when exact; type accuracy is taken over the mentions with the right span.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { carryCorpusTypes } from '../../src/core/entities/corpusTypes';
import { EntityIndex } from '../../src/core/entities/entityIndex';
import type { Recognizer } from '../../src/core/entities/recognizer';
import type { EntityMention } from '../../src/core/entities/types';
import { loadArticle } from '../../src/core/load';

export interface GoldMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
}

export interface GoldArticle {
  readonly file: string;
  readonly domain: string;
  readonly mentions: readonly GoldMention[];
}

export interface Scores {
  /** Gold mentions, mentions found, and found with the gold's exact span. */
  gold: number;
  found: number;
  spans: number;
  /** Of those with the right span, how many have the right type too. */
  typed: number;
}

export interface Figures {
  readonly precision: number;
  readonly recall: number;
  readonly typeAccuracy: number;
}

/** One article scored: its text, its gold, what the recogniser found, and the counts. */
export interface ScoredArticle {
  readonly name: string;
  readonly gold: GoldArticle;
  readonly text: string;
  readonly found: readonly EntityMention[];
  readonly scores: Scores;
}

export const empty = (): Scores => ({ gold: 0, found: 0, spans: 0, typed: 0 });

export function add(into: Scores, from: Scores): void {
  into.gold += from.gold;
  into.found += from.found;
  into.spans += from.spans;
  into.typed += from.typed;
}

export function figures(s: Scores): Figures {
  return { precision: s.spans / Math.max(1, s.found), recall: s.spans / Math.max(1, s.gold), typeAccuracy: s.typed / Math.max(1, s.spans) };
}

export function row(name: string, s: Scores, width = 20): string {
  const f = figures(s);
  return `${name.padEnd(width)} ${String(s.gold).padStart(5)} ${f.precision.toFixed(3)} ${f.recall.toFixed(3)} ${f.typeAccuracy.toFixed(3)}`;
}

/** The table the tests print: a header, one row per group, and the total. */
export function table(label: string, rows: Iterable<[string, Scores]>, total: Scores, width = 20): string {
  const lines = [...rows].map(([name, s]) => row(name, s, width));
  return `      ${label.padEnd(width)}  gold  prec recall  type\n      ${lines.join('\n      ')}\n      ${row('all', total, width)}`;
}

/** The gold files of a directory, sorted; none when the directory is absent. */
export function goldFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.gold.json')).sort() : [];
}

/** Reads one gold file and its article, checks the gold offsets fit the text, and scores the recogniser on it. */
export function scoreArticle(recognizer: Recognizer, dir: string, name: string): ScoredArticle {
  const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldArticle;
  const loaded = loadArticle(readFileSync(join(dir, gold.file)));
  assert.ok(loaded.ok, gold.file);
  const text = loaded.article.text;
  const truth = new Map(gold.mentions.map((m) => [`${m.start}:${m.end}`, m]));
  for (const m of gold.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${gold.file}: the gold offsets fit the text`);
  const scores = empty();
  scores.gold = truth.size;
  const found = recognizer.recognize(text);
  scores.found = found.length;
  for (const mention of found) {
    const match = truth.get(`${mention.start}:${mention.end}`);
    if (!match) continue;
    scores.spans++;
    if (match.type === mention.type) scores.typed++;
  }
  return { name, gold, text, found, scores };
}

export type EntityError =
  | { readonly kind: 'missed'; readonly gold: GoldMention }
  | { readonly kind: 'false positive'; readonly found: EntityMention }
  | { readonly kind: 'wrong span'; readonly gold: GoldMention; readonly found: EntityMention }
  | { readonly kind: 'wrong type'; readonly gold: GoldMention; readonly found: EntityMention };

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/**
 * Every error of one scored article, in text order: a gold mention nothing overlaps is missed; a found
 * mention no gold overlaps is a false positive; a gold and a found mention that overlap without the same
 * span are a wrong span (each such pair once); the same span with another type is a wrong type.
 */
export function articleErrors(article: ScoredArticle): EntityError[] {
  const errors: { at: number; error: EntityError }[] = [];
  const same = (g: GoldMention, f: EntityMention): boolean => g.start === f.start && g.end === f.end;
  for (const g of article.gold.mentions) {
    const touching = article.found.filter((f) => overlaps(g, f));
    const exact = touching.find((f) => same(g, f));
    if (exact) {
      if (exact.type !== g.type) errors.push({ at: g.start, error: { kind: 'wrong type', gold: g, found: exact } });
    } else if (touching.length === 0) errors.push({ at: g.start, error: { kind: 'missed', gold: g } });
    else for (const f of touching) errors.push({ at: Math.min(g.start, f.start), error: { kind: 'wrong span', gold: g, found: f } });
  }
  for (const f of article.found) {
    if (!article.gold.mentions.some((g) => overlaps(g, f))) errors.push({ at: f.start, error: { kind: 'false positive', found: f } });
  }
  return errors.sort((a, b) => a.at - b.at).map((e) => e.error);
}

/** The text around [start, end), the span marked with ⟦ ⟧, on one line. */
export function inContext(text: string, start: number, end: number, width = 40): string {
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  const before = flat(text.slice(Math.max(0, start - width), start));
  const after = flat(text.slice(end, end + width));
  return `${before}⟦${flat(text.slice(start, end))}⟧${after}`;
}

/** One error as a line: the file, the kind, gold and found with their types and the recogniser's source, and the context. */
export function describeError(article: ScoredArticle, error: EntityError): string {
  const foundLabel = (f: EntityMention): string => `"${f.text}" ${f.type} (${f.source})`;
  const goldLabel = (g: GoldMention): string => `"${g.text}" ${g.type}`;
  const file = article.gold.file;
  switch (error.kind) {
    case 'missed':
      return `${file}  missed          gold ${goldLabel(error.gold)}  …${inContext(article.text, error.gold.start, error.gold.end)}…`;
    case 'false positive':
      return `${file}  false positive  found ${foundLabel(error.found)}  …${inContext(article.text, error.found.start, error.found.end)}…`;
    case 'wrong span': {
      const start = Math.min(error.gold.start, error.found.start);
      const end = Math.max(error.gold.end, error.found.end);
      return `${file}  wrong span      gold ${goldLabel(error.gold)} / found ${foundLabel(error.found)}  …${inContext(article.text, start, end)}…`;
    }
    case 'wrong type':
      return `${file}  wrong type      gold ${goldLabel(error.gold)} / found ${foundLabel(error.found)}  …${inContext(article.text, error.gold.start, error.gold.end)}…`;
  }
}

/**
 * The scores of the articles with each rule-found name in the type the index of all of them gives it (as
 * the reader shows it), and how many mentions the corpus typed otherwise: set right, set wrong (totals only).
 */
export function withCorpusTypes(articles: readonly ScoredArticle[]): { scores: Scores; retyped: number; right: number; wrong: number } {
  const index = new EntityIndex();
  for (const article of articles) index.set(article.name, article.found);
  const scores = empty();
  let retyped = 0;
  let right = 0;
  let wrong = 0;
  for (const article of articles) {
    const truth = new Map(article.gold.mentions.map((m) => [`${m.start}:${m.end}`, m]));
    const typed = carryCorpusTypes(article.found, index);
    scores.gold += truth.size;
    scores.found += typed.length;
    typed.forEach((mention, i) => {
      const match = truth.get(`${mention.start}:${mention.end}`);
      if (match) {
        scores.spans++;
        if (match.type === mention.type) scores.typed++;
      }
      if (mention.type === article.found[i].type) return;
      retyped++;
      if (match?.type === mention.type) right++;
      else if (match?.type === article.found[i].type) wrong++;
    });
  }
  return { scores, retyped, right, wrong };
}
