// Scoring of quote finding against hand-written gold lists (test/fixtures/quotes/: the seeds, the dev set
// and the held-out set; see its README for the conventions). A found quote matches a gold quote when their
// spans overlap by at least half of the shorter; a gold quote is attributed right when its match names the
// same speaker (a name or any of the entity's names in the article, folded), or both name none.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledgeBase } from '../../src/core/entities/bundled';
import { mergeKnowledgeBases } from '../../src/core/entities/knowledgeBase';
import { createRecognizer } from '../../src/core/entities/recognizer';
import type { EntityMention } from '../../src/core/entities/types';
import { loadArticle } from '../../src/core/load';
import { type Quote, type QuoteKind, QUOTE_KINDS, findQuotes } from '../../src/core/quotes/findQuotes';
import { foldForMatching } from '../../src/core/text';
import { repoRoot } from './helpers';

export const QUOTES_DIR = join(repoRoot, 'test/fixtures/quotes');

export interface GoldQuote {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: QuoteKind;
  readonly speaker: string | null;
  readonly cue: string | null;
}

export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface GoldFile {
  readonly file: string;
  readonly quotes: readonly GoldQuote[];
  readonly subheadings: readonly GoldSpan[];
}

export interface KindScore {
  gold: number;
  found: number;
  attributed: number;
  kindRight: number;
  /** Found with both ends within a character of the gold's. */
  spanRight: number;
}

export interface QuoteScores {
  readonly byKind: Record<QuoteKind, KindScore>;
  /** Quotes found that match no gold quote. */
  spurious: number;
  /** Dash subheadings taken for quotes. */
  subheadingsTaken: string[];
  /** Every miss and misattribution, for the sets one may tune on. */
  errors: string[];
}

export function emptyScores(): QuoteScores {
  const byKind = {} as Record<QuoteKind, KindScore>;
  for (const kind of QUOTE_KINDS) byKind[kind] = { gold: 0, found: 0, attributed: 0, kindRight: 0, spanRight: 0 };
  return { byKind, spurious: 0, subheadingsTaken: [], errors: [] };
}

const recognizer = createRecognizer(mergeKnowledgeBases(bundledKnowledgeBase().entities));

/** The gold sets: the seeds, fourteen development sets, seven held-out sets (see test/fixtures/quotes/README.md). */
export type QuoteSet = 'seeds' | 'dev' | 'dev2' | 'dev3' | 'dev4' | 'dev5' | 'dev6' | 'dev7' | 'dev8' | 'dev9' | 'dev10' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'dev11' | 'dev12' | 'dev13' | 'dev14' | 'heldout7';

/** The gold files of a set: `seeds` (one file for the five seeds), or a folder's. */
export function goldSet(set: QuoteSet): { name: string; fileText: string; gold: GoldFile }[] {
  if (set === 'seeds') {
    const seeds = JSON.parse(readFileSync(join(QUOTES_DIR, 'seeds.gold.json'), 'utf8')) as { articles: GoldFile[] };
    return seeds.articles.map((gold) => ({ name: gold.file, fileText: readFileSync(join(repoRoot, 'seeds', gold.file), 'utf8'), gold }));
  }
  const dir = join(QUOTES_DIR, set);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldFile;
      return { name: gold.file, fileText: readFileSync(join(dir, gold.file), 'utf8'), gold };
    });
}

/** Scores one article's quotes into `scores`. */
export function scoreArticle(name: string, fileText: string, gold: GoldFile, scores: QuoteScores): void {
  const loaded = loadArticle(new TextEncoder().encode(fileText));
  if (!loaded.ok) throw new Error(`${name}: ${loaded.reason}`);
  const article = loaded.article;
  const mentions = recognizer.recognize(article.text);
  const found = findQuotes(article, mentions);
  const used = new Set<Quote>();
  for (const g of gold.quotes) {
    const score = scores.byKind[g.kind];
    score.gold++;
    let best: Quote | undefined;
    let bestOverlap = 0;
    for (const q of found) {
      if (used.has(q)) continue;
      const overlap = Math.min(q.end, g.end) - Math.max(q.start, g.start);
      if (overlap <= 0 || overlap * 2 < Math.min(q.end - q.start, g.end - g.start)) continue;
      if (overlap > bestOverlap) {
        best = q;
        bestOverlap = overlap;
      }
    }
    const short = g.text.length > 60 ? `${g.text.slice(0, 57)}…` : g.text;
    if (!best) {
      scores.errors.push(`${name}: missed ${g.kind} «${short}» (${g.speaker ?? 'nobody'})`);
      continue;
    }
    used.add(best);
    score.found++;
    if (Math.abs(best.start - g.start) <= 1 && Math.abs(best.end - g.end) <= 1) score.spanRight++;
    if (best.kind === g.kind) score.kindRight++;
    else scores.errors.push(`${name}: ${g.kind} taken for ${best.kind}: «${short}»`);
    if (sameSpeaker(g.speaker, best, mentions)) score.attributed++;
    else scores.errors.push(`${name}: ${g.kind} «${short}» by ${g.speaker ?? 'nobody'}, given ${best.speaker ?? 'nobody'} (cue ${best.cue ?? '-'})`);
  }
  for (const q of found) {
    if (used.has(q)) continue;
    scores.spurious++;
    const text = article.text.slice(q.start, q.end);
    scores.errors.push(`${name}: spurious ${q.kind} «${text.length > 60 ? `${text.slice(0, 57)}…` : text}» (${q.speaker ?? 'nobody'})`);
  }
  for (const s of gold.subheadings) {
    if (found.some((q) => q.start < s.end && s.start < q.end)) scores.subheadingsTaken.push(`${name}: «${s.text}»`);
  }
}

/** A name folded, without punctuation and the small words (`Utenriksdepartementet (Ukraina)` = `Utenriksdepartementet i Ukraina`). */
function nameKey(name: string): string {
  return foldForMatching(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word && !['i', 'for', 'og', 'av'].includes(word))
    .join(' ');
}

function sameSpeaker(gold: string | null, quote: Quote, mentions: readonly EntityMention[]): boolean {
  if (gold === null || quote.speaker === null) return gold === quote.speaker;
  const names = new Set([nameKey(quote.speaker)]);
  if (quote.speakerId) for (const m of mentions) if (m.entityId === quote.speakerId) names.add(nameKey(m.text));
  return names.has(nameKey(gold));
}

export function share(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function report(label: string, scores: QuoteScores): string {
  const rows = QUOTE_KINDS.map((kind) => {
    const s = scores.byKind[kind];
    return `      ${label.padEnd(8)} ${kind.padEnd(9)} gold ${String(s.gold).padStart(4)}  found ${share(s.found, s.gold).toFixed(2)}  span right ${share(s.spanRight, s.found).toFixed(2)}  kind right ${share(s.kindRight, s.found).toFixed(2)}  attributed right ${share(s.attributed, s.gold).toFixed(2)}`;
  });
  rows.push(`      ${label.padEnd(8)} spurious quotes ${scores.spurious}, subheadings taken for quotes ${scores.subheadingsTaken.length}`);
  return rows.join('\n');
}
