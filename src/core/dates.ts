import type { ArticleDate } from './article';

/** Month names for the UI, which is in English whatever the corpus language. */
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** `February 2022`. */
export function formatMonth(year: number, month: number): string {
  return `${MONTHS[month - 1]} ${year}`;
}

/** `14 February 2022`, or `February 2022` when the header gives no day. */
export function formatDate(date: ArticleDate): string {
  const month = formatMonth(date.year, date.month);
  return date.day === undefined ? month : `${date.day} ${month}`;
}

/** Newest first; within a month, articles with a day before those without. */
export function compareDatesNewestFirst(a: ArticleDate, b: ArticleDate): number {
  return b.year - a.year || b.month - a.month || (b.day ?? 0) - (a.day ?? 0);
}
