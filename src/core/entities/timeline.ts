/**
 * Timelines: how many mentions of an entity, and how many articles naming it, each month of the corpus (and
 * each day, where the articles' dates give one), for a chart of when it was in the news. Made from what the
 * entity index holds (`indexView.ts`): the entity's list of articles, each with how many times it mentions it,
 * and each article's date (a number the index keeps per article); never from the texts, and
 * nothing is kept between questions. One is a pass over the entity's list (`npm run bench:analysis` times it
 * at 100,000).
 */
import type { ArticleDate } from '../article';
import { pushBounded } from './boundedHeap';
import type { EntityIndexView } from './indexView';
import { findGroup } from './mentionPack';

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
 * month of any of them bound every one. An id the index does not know has a timeline of zeros. Each one's list
 * of articles is gone through with the counts it holds, reading only each article's date: the articles' packed
 * mentions, each a read from memory far from the last, were most of the cost at 100,000 articles.
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
  entities.forEach((entity, k) => {
    const into = counts[k];
    view.eachMentioning(entity, (article, mentions) => {
      const code = view.dateOf(article);
      const month = code < 0 ? -1 : monthIndex(code) - first;
      countIn(into, month, daySlotOf(code, month, dayBase), mentions);
    });
  });
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
