/**
 * Co-occurrence: the entities named together with an entity, how many articles name both, and how many
 * paragraphs (the stronger tie: two names in one paragraph are likelier to be about one thing). Made from what
 * the entity index holds (`indexView.ts`): the entity's list of articles and each article's packed mentions,
 * each entity's group with the set of paragraphs it is named in (`mentionPack.ts`); never from the texts, and
 * nothing is kept between questions but the table they count in. One is a pass over the group headers of the
 * entity's articles (two entities share as many paragraphs as their sets share bits), counted per entity
 * number; only an article with names in more than 32 paragraphs has its mentions looked at one by one.
 *
 * Both counts are symmetric: A is in as many articles and paragraphs with B as B is with A. The ranking, the
 * strongest first: more paragraphs shared, then more articles shared, then by name in Norwegian order
 * (`compareNorwegian`), then by id, so that equal ties always come in the same order.
 */
import { compareNorwegian } from '../text';
import { pushBounded } from './boundedHeap';
import type { EntityIndexView, IndexedEntity } from './indexView';
import { bitCount, findGroup, firstGroup, PACK_HEADER, PACK_PARAGRAPHS, paragraphOf } from './mentionPack';

export interface Cooccurrence {
  /** The other entity, with its own counts in the corpus. */
  readonly entity: IndexedEntity;
  /** How many articles name both. */
  readonly articles: number;
  /** How many paragraphs name both, over those articles. */
  readonly paragraphs: number;
}

export interface CooccurrenceList {
  /** How many entities are named in some article with it. */
  readonly total: number;
  /** The strongest `limit` of them, strongest first (see the module comment). */
  readonly entities: readonly Cooccurrence[];
}

export interface ArticlesWithBoth {
  /** How many articles name both. */
  readonly total: number;
  /** The first `limit` of them in the index's order (the tree's: newest first), with how many of their paragraphs name both. */
  readonly articles: readonly { readonly uri: string; readonly paragraphs: number }[];
}

const NONE: CooccurrenceList = { total: 0, entities: [] };

/**
 * Per entity number `e`, at `2e` the articles and at `2e + 1` the paragraphs it shares with the entity asked
 * about: kept between questions, emptied after each through the entities it met, and grown in steps of
 * `GROWTH` as the numbers grow. A typed array made for each question was 9 MB at a million entities, and a few
 * of them one after another made the engine collect the whole heap (a third of a second in the benchmark).
 */
let shared = new Int32Array(0);
/** For `articlesWithBoth`, per article number, 1 for the articles of one of the two: kept likewise. */
let marks = new Uint8Array(0);
const GROWTH = 1 << 16;

/** The entities named with `id` in some article, the strongest `limit` of them first, and how many there are. */
export function cooccurring(view: EntityIndexView, id: string, limit: number): CooccurrenceList {
  const entity = view.entityNumber(id);
  if (entity === undefined) return NONE;
  if (shared.length < 2 * view.entityEnd()) shared = new Int32Array(Math.ceil((2 * view.entityEnd()) / GROWTH) * GROWTH);
  const met: number[] = [];
  try {
    return rank(view, entity, limit, met);
  } finally {
    for (const other of met) {
      shared[2 * other] = 0;
      shared[2 * other + 1] = 0;
    }
  }
}

/** `cooccurring`'s count (into `shared`, the entities met listed in `met`) and ranking. */
function rank(view: EntityIndexView, entity: number, limit: number, met: number[]): CooccurrenceList {
  const counts = shared;
  // For an article with a paragraph table, per paragraph: whether `entity` is named there (the article's stamp),
  // and which group was last counted there (its stamp), so that a paragraph counts once per entity.
  let named = new Int32Array(64);
  let counted = new Int32Array(64);
  let articleStamp = 0;
  let groupStamp = 0;
  for (const article of view.articlesOf(entity)) {
    const pack = view.packOf(article);
    const own = findGroup(pack, entity);
    const paragraphs = pack[0];
    if (paragraphs === 0) {
      // Each group's set of paragraphs: as many shared as bits.
      const set = pack[own + PACK_PARAGRAPHS];
      for (let at = firstGroup(pack); at < pack.length; at += PACK_HEADER + 2 * pack[at + 2]) {
        if (at === own) continue;
        const other = 2 * pack[at];
        if (counts[other] === 0) met.push(pack[at]);
        counts[other]++;
        counts[other + 1] += bitCount(set & pack[at + PACK_PARAGRAPHS]);
      }
      continue;
    }
    // Names in more than 32 paragraphs: each mention's paragraph from the table.
    if (named.length <= paragraphs) {
      named = new Int32Array(2 * (paragraphs + 1));
      counted = new Int32Array(2 * (paragraphs + 1));
    }
    articleStamp++;
    for (let span = own + PACK_HEADER, end = span + 2 * pack[own + 2]; span < end; span += 2) named[paragraphOf(pack, pack[span])] = articleStamp;
    for (let at = firstGroup(pack); at < pack.length; at += PACK_HEADER + 2 * pack[at + 2]) {
      if (at === own) continue;
      const other = 2 * pack[at];
      if (counts[other] === 0) met.push(pack[at]);
      counts[other]++;
      groupStamp++;
      for (let span = at + PACK_HEADER, end = span + 2 * pack[at + 2]; span < end; span += 2) {
        const paragraph = paragraphOf(pack, pack[span]);
        if (named[paragraph] !== articleStamp || counted[paragraph] === groupStamp) continue;
        counted[paragraph] = groupStamp;
        counts[other + 1]++;
      }
    }
  }
  // Fewer paragraphs, then fewer articles, then later by name, then by id: what the heap drops first.
  const worse = (a: number, b: number): number =>
    counts[2 * a + 1] - counts[2 * b + 1] || counts[2 * a] - counts[2 * b] || compareNorwegian(view.nameOf(b), view.nameOf(a)) || compareIds(view.idOf(b), view.idOf(a));
  const heap: number[] = [];
  for (const other of met) pushBounded(heap, other, limit, worse);
  heap.sort((a, b) => worse(b, a));
  return {
    total: met.length,
    entities: heap.map((other) => ({ entity: view.describe(other), articles: counts[2 * other], paragraphs: counts[2 * other + 1] })),
  };
}

/**
 * The articles that name both `a` and `b` (for an edge between them), how many, and the first `limit` in the
 * index's order with how many of their paragraphs name both. Their two lists are met by article number, so
 * that only the articles listed are looked into. None for an entity with itself.
 */
export function articlesWithBoth(view: EntityIndexView, a: string, b: string, limit: number): ArticlesWithBoth {
  const first = view.entityNumber(a);
  const second = view.entityNumber(b);
  if (first === undefined || second === undefined || first === second) return { total: 0, articles: [] };
  const firstArticles = view.articlesOf(first);
  const secondArticles = view.articlesOf(second);
  const [shorter, longer] = firstArticles.length <= secondArticles.length ? [firstArticles, secondArticles] : [secondArticles, firstArticles];
  // The longer list marked by article number, the shorter looked up in it.
  if (marks.length < view.articleEnd()) marks = new Uint8Array(Math.ceil(view.articleEnd() / GROWTH) * GROWTH);
  const worse = (x: number, y: number) => view.compareArticles(y, x);
  const heap: number[] = [];
  let total = 0;
  try {
    for (const article of longer) marks[article] = 1;
    for (const article of shorter) {
      if (marks[article] === 0) continue;
      total++;
      pushBounded(heap, article, limit, worse);
    }
  } finally {
    for (const article of longer) marks[article] = 0;
  }
  heap.sort(view.compareArticles);
  return {
    total,
    articles: heap.map((article) => {
      const pack = view.packOf(article);
      return { uri: view.uriOf(article), paragraphs: sharedParagraphs(pack, findGroup(pack, first), findGroup(pack, second)) };
    }),
  };
}

/** How many paragraphs of an article hold a mention of both groups'. */
function sharedParagraphs(pack: Int32Array, one: number, two: number): number {
  if (pack[0] === 0) return bitCount(pack[one + PACK_PARAGRAPHS] & pack[two + PACK_PARAGRAPHS]);
  const paragraphsOf = (at: number) => {
    const found = new Set<number>();
    for (let span = at + PACK_HEADER, end = span + 2 * pack[at + 2]; span < end; span += 2) found.add(paragraphOf(pack, pack[span]));
    return found;
  };
  const inOne = paragraphsOf(one);
  let shared = 0;
  for (const paragraph of paragraphsOf(two)) if (inOne.has(paragraph)) shared++;
  return shared;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
