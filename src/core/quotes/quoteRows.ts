/**
 * Quotes as rows for the command line and exports: a quote with its article's date, path and title and its
 * words, as JSON or as CSV (RFC 4180: every field quoted where it must be, line breaks kept inside quotes),
 * and the filter by speaker.
 */
import { foldForMatching } from '../text';
import type { Quote } from './findQuotes';

export interface QuoteRow {
  readonly date: string;
  readonly path: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly kind: Quote['kind'];
  readonly speaker: string | null;
  readonly speakerId: string | null;
  readonly cue: string | null;
  readonly text: string;
}

export const QUOTE_CSV_COLUMNS: readonly (keyof QuoteRow)[] = ['date', 'path', 'title', 'kind', 'speaker', 'speakerId', 'cue', 'start', 'end', 'text'];

/** One CSV field: quoted when it holds a comma, a quotation mark or a line break (and a formula's lead is made harmless). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A spreadsheet runs a field that starts with = + - @ as a formula: an apostrophe keeps it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

export function csvLine(row: QuoteRow): string {
  return QUOTE_CSV_COLUMNS.map((column) => csvField(row[column])).join(',');
}

/**
 * Whether a quote's speaker answers to `query`: the speaker's name, or one of its words, folded
 * (`stoltenberg` finds `Jens Stoltenberg`, `Støre` finds `Jonas Gahr Støre`, `ae` finds `æ`).
 */
export function speakerMatches(speaker: string | null, query: string): boolean {
  if (speaker === null) return false;
  const wanted = foldForMatching(query).trim();
  if (!wanted) return false;
  const name = foldForMatching(speaker);
  if (name === wanted) return true;
  return ` ${name} `.includes(` ${wanted} `);
}
