/**
 * Timelines: how many mentions of an entity, and how many articles naming it, each month of the corpus (and
 * each day, where the articles' dates give one), for a chart of when it was in the news. Made from what the
 * entity index holds (`indexView.ts`): the entity's list of articles, each article's date (a number the index
 * keeps per article) and its group of mentions (how many); never from the texts, and nothing is kept between
 * questions. One is a pass over the entity's articles (`npm run bench:analysis` times it at 100,000).
 */
import type { ArticleDate } from '../article';
import { pushBounded } from './boundedHeap';
import type { EntityIndexView } from './indexView';
import { bitCount, findGroup, firstGroup, PACK_HEADER } from './mentionPack';

/**
 * A series of a timeline, as a chart draws it: the periods in order, and per period (at the same place) how
 * many mentions and how many articles. Columns rather than an object per period: a timeline of 25 years has
 * 9,000 days.
 */
export interface TimelineSeries {
  /** `YYYY-MM`, or `YYYY-MM-DD` in the series of days. */
  readonly periods: readonly string[];
  readonly mentions: readonly number[];
  readonly articles: readonly number[];
}

export interface EntityTimeline {
  readonly id: string;
  /**
   * Every month from the first to the last that has an article (of all the timelines asked for together, so
   * that they line up), in order: a month without any is there with zeros.
   */
  readonly months: TimelineSeries;
  /**
   * The finer series, of the articles whose dates give a day: every day of each month in which some do (of
   * all the timelines asked for together), in order, days without any as zeros. An article dated by its
   * month alone counts in `months` only, so a month's days may add up to less than the month.
   */
  readonly days: TimelineSeries;
  /** Mentions and articles the index has no date for (none in the extension, whose articles all have one). */
  readonly undated: { readonly mentions: number; readonly articles: number };
}

export interface ArticlesInPeriod {
  /** How many of the entity's articles are of the month or day. */
  readonly total: number;
  /** The first `limit` of them in the index's order (the tree's: newest first), with how often each mentions it. */
  readonly articles: readonly { readonly uri: string; readonly mentions: number }[];
}

/** The highest year a date code holds (the header's years have four digits). */
const MAX_YEAR = 99_999;

/**
 * An article's date as one number for the index to keep: `(year * 16 + month) * 32 + day`, the day 0 when the
 * date gives none; -1 for no date (or one that is not a date).
 */
export function dateCode(date: ArticleDate | undefined): number {
  if (!date) return -1;
  const { year, month } = date;
  const day = date.day ?? 0;
  if (!Number.isInteger(year) || year < 0 || year > MAX_YEAR) return -1;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 0 || day > 31) return -1;
  return (year * 16 + month) * 32 + day;
}

/** A date code's month, counted from January of year 0. */
function monthIndex(code: number): number {
  return (code >> 9) * 12 + ((code >> 5) & 15) - 1;
}

/** `YYYY-MM` of a month counted from January of year 0 (as `monthKey` writes it). */
function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** How many days a month counted from January of year 0 has (the Gregorian calendar's). */
function daysInMonth(month: number): number {
  const year = Math.floor(month / 12);
  const inYear = month % 12;
  if (inYear === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return inYear === 3 || inYear === 5 || inYear === 8 || inYear === 10 ? 30 : 31;
}

/** `-01` to `-31`, for the days' labels. */
const DAY_SUFFIXES = Array.from({ length: 31 }, (_, day) => `-${String(day + 1).padStart(2, '0')}`);

/** Entities counted in one pass over their articles: as many as bits in the per-article word that says which name it. */
const PER_PASS = 31;

/**
 * For a pass over several entities' articles: per article number, which of them name it (bit k: the k-th), and
 * per entity number, 1 + its place among them. Kept between questions (emptied after each) and grown with the
 * index: made for each question, they were a megabyte or more at a time.
 */
let which = new Int32Array(0);
let places = new Int8Array(0);
/** The articles any of them names, in the first of its places (as many as articles at most). */
let union = new Int32Array(0);
/** Room is made in steps of this many numbers (they grow one at a time while a corpus is indexed). */
const GROWTH = 1 << 16;

/** What a timeline counts, per month and per day slot (`dayBase`), before it is labelled. */
interface Counts {
  readonly monthMentions: Int32Array;
  readonly monthArticles: Int32Array;
  readonly dayMentions: Int32Array;
  readonly dayArticles: Int32Array;
  readonly undated: { mentions: number; articles: number };
}

/**
 * The timelines of `ids` over one range of months (and days), for a chart comparing them: the first and last
 * month of any of them bound every one. An id the index does not know has a timeline of zeros. The articles of
 * all of them are gone through once, each looked into for every one of them it names (an article's mentions
 * are a read from memory far from the last one's: at 100,000 articles, most of the cost).
 */
export function timelines(view: EntityIndexView, ids: readonly string[]): EntityTimeline[] {
  const numbers = ids.map((id) => view.entityNumber(id) ?? -1);
  const entities = [...new Set(numbers.filter((entity) => entity >= 0))];
  const lists = entities.map((entity) => view.articlesOf(entity));
  // The range: the first and last month of any of their articles.
  let first = Number.MAX_SAFE_INTEGER;
  let last = -1;
  for (const articles of lists) {
    for (const article of articles) {
      const code = view.dateOf(article);
      if (code < 0) continue;
      const month = monthIndex(code);
      if (month < first) first = month;
      if (month > last) last = month;
    }
  }
  const monthCount = last >= first ? last - first + 1 : 0;
  // The months that have an article dated by day, each given 31 places in the series of days (only those: a
  // range of centuries, from a mistyped year, is not a million days).
  const dayBase = new Int32Array(monthCount).fill(-1);
  for (const articles of lists) {
    for (const article of articles) {
      const code = view.dateOf(article);
      if (code >= 0 && (code & 31) !== 0) dayBase[monthIndex(code) - first] = 0;
    }
  }
  let daySlots = 0;
  for (let month = 0; month < monthCount; month++) {
    if (dayBase[month] < 0) continue;
    dayBase[month] = daySlots;
    daySlots += 31;
  }
  const counts: Counts[] = entities.map(() => ({
    monthMentions: new Int32Array(monthCount),
    monthArticles: new Int32Array(monthCount),
    dayMentions: new Int32Array(daySlots),
    dayArticles: new Int32Array(daySlots),
    undated: { mentions: 0, articles: 0 },
  }));
  for (let from = 0; from < entities.length; from += PER_PASS) {
    const batch = entities.slice(from, from + PER_PASS);
    const into = counts.slice(from, from + PER_PASS);
    if (batch.length === 1) {
      countOne(view, lists[from], batch[0], into[0], first, dayBase);
      continue;
    }
    // The articles any of them names, each gone through once for all of them.
    if (which.length < view.articleEnd()) {
      which = new Int32Array(Math.ceil(view.articleEnd() / GROWTH) * GROWTH);
      union = new Int32Array(which.length);
    }
    if (places.length < view.entityEnd()) places = new Int8Array(Math.ceil(view.entityEnd() / GROWTH) * GROWTH);
    let length = 0;
    try {
      for (let k = 0; k < batch.length; k++) {
        places[batch[k]] = k + 1;
        for (const article of lists[from + k]) {
          if (which[article] === 0) union[length++] = article;
          which[article] |= 1 << k;
        }
      }
      countSeveral(view, union.subarray(0, length), batch.length, into, first, dayBase);
    } finally {
      for (let i = 0; i < length; i++) which[union[i]] = 0;
      for (const entity of batch) places[entity] = 0;
    }
  }
  const monthLabels: string[] = [];
  for (let month = 0; month < monthCount; month++) monthLabels.push(monthLabel(first + month));
  // Each month's days that are dates, labelled once for all the timelines (they share the lists of periods).
  const dayPeriods: string[] = [];
  const daySlotsInOrder: number[] = [];
  for (let month = 0; month < monthCount; month++) {
    if (dayBase[month] < 0) continue;
    const days = daysInMonth(first + month);
    for (let day = 0; day < days; day++) {
      dayPeriods.push(monthLabels[month] + DAY_SUFFIXES[day]);
      daySlotsInOrder.push(dayBase[month] + day);
    }
  }
  const none = { monthMentions: new Int32Array(monthCount), monthArticles: new Int32Array(monthCount), dayMentions: new Int32Array(daySlots), dayArticles: new Int32Array(daySlots), undated: { mentions: 0, articles: 0 } };
  const inOrder = (values: Int32Array) => daySlotsInOrder.map((slot) => values[slot]);
  return ids.map((id, i) => {
    const { monthMentions, monthArticles, dayMentions, dayArticles, undated } = numbers[i] < 0 ? none : counts[entities.indexOf(numbers[i])];
    return {
      id,
      months: { periods: monthLabels, mentions: Array.from(monthMentions), articles: Array.from(monthArticles) },
      days: { periods: dayPeriods, mentions: inOrder(dayMentions), articles: inOrder(dayArticles) },
      undated: { ...undated },
    };
  });
}

/**
 * Counts an article's `mentions` of an entity into its month (from the first of the range; -1 for an article
 * without a date) and its day's slot (-1 for none).
 */
function countIn(into: Counts, month: number, daySlot: number, mentions: number): void {
  if (month < 0) {
    into.undated.mentions += mentions;
    into.undated.articles++;
    return;
  }
  into.monthMentions[month] += mentions;
  into.monthArticles[month]++;
  if (daySlot < 0) return;
  into.dayMentions[daySlot] += mentions;
  into.dayArticles[daySlot]++;
}

/** An article's day's slot in the counts of days (-1 for none), given its date code and month from the first of the range. */
function daySlotOf(code: number, month: number, dayBase: Int32Array): number {
  const day = code & 31;
  return code < 0 || day === 0 ? -1 : dayBase[month] + day - 1;
}

/** One entity's articles counted: its group found in each. */
function countOne(view: EntityIndexView, articles: readonly number[], entity: number, into: Counts, first: number, dayBase: Int32Array): void {
  for (const article of articles) {
    const pack = view.packOf(article);
    const code = view.dateOf(article);
    const month = code < 0 ? -1 : monthIndex(code) - first;
    countIn(into, month, daySlotOf(code, month, dayBase), pack[findGroup(pack, entity) + 2]);
  }
}

/** Several entities' articles counted (`which` says which of them each names, `places` where each is in `into`), each article's groups gone through once. */
function countSeveral(view: EntityIndexView, articles: Int32Array, count: number, into: readonly Counts[], first: number, dayBase: Int32Array): void {
  const own = new Int32Array(count);
  for (const article of articles) {
    const pack = view.packOf(article);
    const bits = which[article];
    // Where each one's group starts.
    let left = bitCount(bits);
    for (let at = firstGroup(pack); left > 0 && at < pack.length; at += PACK_HEADER + 2 * pack[at + 2]) {
      const place = places[pack[at]];
      if (place === 0) continue;
      own[place - 1] = at;
      left--;
    }
    const code = view.dateOf(article);
    const month = code < 0 ? -1 : monthIndex(code) - first;
    const daySlot = daySlotOf(code, month, dayBase);
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const k = 31 - Math.clz32(rest & -rest);
      countIn(into[k], month, daySlot, pack[own[k] + 2]);
    }
  }
}

/** `YYYY-MM` or `YYYY-MM-DD`. */
const PERIOD = /^(\d{1,5})-(\d{2})(?:-(\d{2}))?$/;

/**
 * The articles of one bar of an entity's timeline: those of a month (`YYYY-MM`, dated by day or not) or of a
 * day (`YYYY-MM-DD`) that mention it, how many, and the first `limit` in the index's order. A period that is
 * not one of those forms has none.
 */
export function articlesInPeriod(view: EntityIndexView, id: string, period: string, limit: number): ArticlesInPeriod {
  const entity = view.entityNumber(id);
  const match = PERIOD.exec(period);
  if (entity === undefined || !match) return { total: 0, articles: [] };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 0 : Number(match[3]);
  if (month < 1 || month > 12 || day > 31 || (match[3] !== undefined && day < 1)) return { total: 0, articles: [] };
  const wanted = year * 12 + month - 1;
  const worse = (a: number, b: number) => view.compareArticles(b, a);
  const heap: number[] = [];
  let total = 0;
  for (const article of view.articlesOf(entity)) {
    const code = view.dateOf(article);
    if (code < 0 || monthIndex(code) !== wanted || (day !== 0 && (code & 31) !== day)) continue;
    total++;
    pushBounded(heap, article, limit, worse);
  }
  heap.sort(view.compareArticles);
  return {
    total,
    articles: heap.map((article) => {
      const pack = view.packOf(article);
      return { uri: view.uriOf(article), mentions: pack[findGroup(pack, entity) + 2] };
    }),
  };
}
