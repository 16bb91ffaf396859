/**
 * Entities by name, for the search box: `@Putin` stands for Vladimir Putin
 * (any of his names, forgiving spelling), and entities show among the
 * results of their own.
 *
 * The names are the knowledge base's and the corpus's most widely mentioned,
 * thousands of them, asked on every keystroke. fuse.js scores a short list
 * well but reads every name it is given (about 10 ms for 5,000 names here,
 * several times that on an extension host busy indexing), so the names are
 * first narrowed by their letter pairs: a name within k edits of what was
 * typed keeps at least m − 1 − 2k of the m − 1 pairs of the m letters typed
 * (each edit breaks at most two), and a name with fewer is not one fuse.js
 * would have matched. Those that pass are ranked by the pairs they share and
 * the best few hundred are scored by fuse.js.
 */
import Fuse from 'fuse.js';
import type { EntityType } from '../entities/types';
import { FoldCache, foldForMatching } from '../text';

export interface NamedEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases?: readonly string[];
  /** How many articles mention it: among equal matches, the more widely mentioned first. */
  readonly articles?: number;
}

export interface EntityMatch {
  readonly entity: NamedEntity;
  /** 0 is a perfect match. */
  readonly score: number;
}

interface Row {
  readonly entity: NamedEntity;
  readonly folded: string;
}

/** fuse.js's threshold for a match: a name with errors up to this share of the letters typed. */
const MATCH_THRESHOLD = 0.35;
/** Names up to this fuse.js score count as the same name. */
const SAME_NAME = 0.2;
/** Names scored by fuse.js for one search, at most: the best by shared letter pairs. */
export const CANDIDATES = 400;

const FUSE_OPTIONS = { includeScore: true, threshold: MATCH_THRESHOLD, ignoreLocation: true } as const;

/** A pair of letters as one number: the two UTF-16 code units. */
function pairAt(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

/** The letter pairs of `text`, each with how often it occurs there. */
function pairsOf(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = pairAt(text, i);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/** fuse.js matches text longer than this in parts, any of which may match: no bound on the pairs kept then. */
const FUSE_PATTERN_LENGTH = 32;

/**
 * Names folded for matching, shared by the matchers made one after another (Search Corpus makes one again as the
 * index grows, from much the same names: folding them all again was most of a rebuild).
 */
const nameFolds = new FoldCache(100_000);

/** Letter pairs a name within `share` errors of the `length` letters typed must keep (0: no such bound). */
function pairsKept(length: number, share: number): number {
  if (length > FUSE_PATTERN_LENGTH) return 0;
  return Math.max(0, length - 1 - 2 * Math.floor(share * length));
}

export class EntityMatcher {
  private readonly rows: Row[];
  private readonly exact = new Map<string, NamedEntity[]>();
  /** For each letter pair, the rows whose names hold it (each row once). */
  private readonly rowsByPair = new Map<number, number[]>();
  /** Per row, scratch for counting shared pairs; `touched` lists the rows counted. */
  private readonly shared: Uint32Array;
  /** Room for every row, for `candidates` to list those a search touched. */
  private readonly touched: Int32Array;
  /** Per row, how many articles mention its entity. */
  private readonly reach: Float64Array;
  private readonly byReach = new Map<EntityType | undefined, NamedEntity[]>();

  constructor(entities: readonly NamedEntity[]) {
    this.rows = entities.flatMap((entity) => [entity.name, ...(entity.aliases ?? [])].map((name) => ({ entity, folded: nameFolds.fold(name) })));
    this.rows.forEach((row, at) => {
      const list = this.exact.get(row.folded) ?? [];
      if (!list.includes(row.entity)) list.push(row.entity);
      this.exact.set(row.folded, list);
      const name = row.folded;
      for (let i = 0; i + 1 < name.length; i++) {
        const pair = pairAt(name, i);
        const rows = this.rowsByPair.get(pair);
        // Rows come in order: a pair met again in the same name has that row last already.
        if (!rows) this.rowsByPair.set(pair, [at]);
        else if (rows[rows.length - 1] !== at) rows.push(at);
      }
    });
    this.shared = new Uint32Array(this.rows.length);
    this.touched = new Int32Array(this.rows.length);
    this.reach = Float64Array.from(this.rows, (row) => row.entity.articles ?? 0);
  }

  /** The entities a `@name` stands for: those with that name (or a near spelling of it). */
  resolve(name: string): string[] {
    const folded = foldForMatching(name.trim());
    const exact = this.exact.get(folded);
    if (exact) return exact.map((entity) => entity.id);
    const rows = this.candidates(folded, pairsKept(folded.length, SAME_NAME), Infinity);
    return [...new Set(this.score(rows, folded).filter((match) => match.score <= SAME_NAME).map((match) => match.row.entity.id))];
  }

  /** Entities whose names match `text`, the best first (of `type` only, if given). */
  search(text: string, options: { type?: EntityType; limit?: number } = {}): EntityMatch[] {
    const folded = foldForMatching(text.trim());
    const limit = options.limit ?? 5;
    // Three letters with one error allowed keep no pair for certain; a name sharing none is no answer anyone wants.
    const rows = this.candidates(folded, Math.max(pairsKept(folded.length, MATCH_THRESHOLD), folded.length === 3 ? 1 : 0), CANDIDATES, options.type);
    const best = new Map<NamedEntity, number>();
    for (const match of this.score(rows, folded)) {
      const { entity, folded: name } = match.row;
      // A name that starts with what was typed is as good as a match gets.
      const score = name.startsWith(folded) || name.includes(` ${folded}`) ? 0 : match.score;
      if (!best.has(entity) || score < (best.get(entity) as number)) best.set(entity, score);
    }
    return [...best]
      .map(([entity, score]) => ({ entity, score }))
      .sort((a, b) => a.score - b.score || (b.entity.articles ?? 0) - (a.entity.articles ?? 0))
      .slice(0, limit);
  }

  /** The most widely mentioned entities (of a type), for a query of filters only. */
  top(type: EntityType | undefined, limit: number): NamedEntity[] {
    let ranked = this.byReach.get(type);
    if (!ranked) {
      const seen = new Set<NamedEntity>();
      for (const row of this.rows) if (!type || row.entity.type === type) seen.add(row.entity);
      ranked = [...seen].sort((a, b) => (b.articles ?? 0) - (a.articles ?? 0));
      this.byReach.set(type, ranked);
    }
    return ranked.slice(0, limit);
  }

  /**
   * The rows (of `type`, if given) that keep at least `kept` of the letter pairs of `folded`, counted with
   * how often each occurs in it; the `cap` sharing most (then the most widely mentioned), in row order.
   * With `kept` 0 (no bound holds) every row is a candidate; for one letter, the rows that hold it.
   */
  private candidates(folded: string, kept: number, cap: number, type?: EntityType): number[] {
    const fits = (at: number) => !type || this.rows[at].entity.type === type;
    if (folded.length < 2) {
      // One letter, no error allowed: the names that hold it.
      const holding: number[] = [];
      this.rows.forEach((row, at) => {
        if (fits(at) && row.folded.includes(folded)) holding.push(at);
      });
      // One rank for all (the pair counts are all 0 between searches): the most widely mentioned first.
      return this.best(holding, this.shared, cap);
    }
    // The rows a pair of the name touched, in one array kept between searches (one made for every search was
    // most of what Search Corpus allocated per keystroke, thousands of rows for a common pair).
    const touched = this.touched;
    let count = 0;
    const shared = this.shared;
    for (const [pair, times] of pairsOf(folded)) {
      for (const at of this.rowsByPair.get(pair) ?? []) {
        if (shared[at] === 0) touched[count++] = at;
        shared[at] += times;
      }
    }
    const rows: number[] = [];
    if (kept === 0) {
      for (let at = 0; at < this.rows.length; at++) if (fits(at)) rows.push(at);
    } else {
      for (let k = 0; k < count; k++) if (shared[touched[k]] >= kept && fits(touched[k])) rows.push(touched[k]);
    }
    // In row order (they were touched pair by pair): fuse.js keeps that order among equal scores, as it does over
    // every name; in the order touched, two names equal in score and reach could come the other way round.
    const best = this.best(rows, shared, cap).sort((a, b) => a - b);
    for (let k = 0; k < count; k++) shared[touched[k]] = 0;
    return best;
  }

  /**
   * The `cap` rows with the highest `ranks` (then the most widely mentioned), in row order: whole ranks
   * from the top while they fit, then the most widely mentioned of the rank that does not.
   */
  private best(rows: number[], ranks: ArrayLike<number>, cap: number): number[] {
    if (rows.length <= cap) return rows;
    const byRank = new Map<number, number[]>();
    for (const at of rows) {
      const list = byRank.get(ranks[at]);
      if (list) list.push(at);
      else byRank.set(ranks[at], [at]);
    }
    const kept: number[] = [];
    for (const rank of [...byRank.keys()].sort((a, b) => b - a)) {
      const list = byRank.get(rank) as number[];
      if (kept.length + list.length <= cap) kept.push(...list);
      else {
        const reach = this.reach;
        kept.push(...list.sort((a, b) => reach[b] - reach[a] || a - b).slice(0, cap - kept.length));
        break;
      }
    }
    return kept.sort((a, b) => a - b);
  }

  /** fuse.js's scores of `rows` against `folded`, those within its threshold. */
  private score(rows: readonly number[], folded: string): { row: Row; score: number }[] {
    if (rows.length === 0) return [];
    const fuse = new Fuse(rows.map((at) => this.rows[at].folded), FUSE_OPTIONS);
    return fuse.search(folded).map((match) => ({ row: this.rows[rows[match.refIndex]], score: match.score ?? 1 }));
  }
}
