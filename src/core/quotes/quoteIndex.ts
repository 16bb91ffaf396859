/**
 * The corpus's quotes, for the Quotes view and `showQuotes`: per article its quotes (offsets, kind, speaker,
 * cue: never the words), per speaker the articles they speak in, and the questions a list of quotes asks: a
 * speaker's quotes in date order, all quotes of a period or a kind, paged (a total and a slice), how many fall
 * in each month, and the speakers with the most quotes. Held by the entity index (`entityIndex.ts`), which
 * numbers the articles and entities and files an article's quotes with its mentions, so a speaker is an
 * entity of that index and is named in every article it speaks in.
 *
 * Kept as articles come and go, like the entity index's lists: each speaker's articles in a list with slots
 * (`ArticleLists`: an article leaves it in constant time), each article's quotes in one `Int32Array`. The date
 * order is made when asked (sorting the speaker's articles, or the period's) and kept until the index changes:
 * kept sorted as articles come, a cold build of 100,000 articles, indexed newest first, would insert every
 * quote of a frequent speaker at the front of its list. The order is by date, newest first, and for articles of
 * one date the order the index numbered them in (not the tree's, by title: sorting by it was the cost).
 *
 * An article's record: the hash of the text its offsets point into, how many speakers, how many quotes of each
 * kind, then per speaker `entity, slot (in the speaker's list)` and how many quotes of each kind, then per quote
 * `start, end, kind, speaker, cue`, where
 * speaker is an entity number, -1, or `-2 - i` for a name without an id (`strings[i]`), and cue is
 * `strings[i]` or -1. Cues and names without an id are kept once each for the whole index. The counts in the
 * header let a question count an article's quotes of a speaker or a kind, and skip past those before its page,
 * without reading them: at 100,000 articles, a speaker in 90,000 of them was 50 ms a page read quote by quote.
 */
import { ArticleLists } from '../entities/articleLists';
import type { EntityIndexView } from '../entities/indexView';
import { Int32Chunks } from '../int32Chunks';
import { SnapshotError } from '../persist/snapshotFile';
import { compareNorwegian } from '../text';
import { NO_SPEAKER, type PackedQuotes, QUOTE_FIELDS, MAX_QUOTES_PER_ARTICLE, MAX_QUOTE_STRING_LENGTH } from './quotePack';
import { type QuoteKind, QUOTE_KINDS } from './quoteTypes';

/** A quote as the index answers it: where it is, what kind, whose, and its article's date. */
export interface IndexedQuote {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly kind: QuoteKind;
  readonly speakerId: string | null;
  /** The speaker's name (the entity's canonical name, or a name without an id), or null. */
  readonly speaker: string | null;
  readonly cue: string | null;
  /** The article's date code (`dateCode`), -1 for none. */
  readonly date: number;
  /** The hash of the text the offsets point into (`textHash`). */
  readonly textHash: number;
}

/** Which quotes: of one speaker (an entity id), of a range of date codes (inclusive), of some kinds. Each left out means all. */
export interface QuoteFilter {
  readonly speakerId?: string;
  readonly from?: number;
  readonly to?: number;
  readonly kinds?: readonly QuoteKind[];
}

export interface QuotePage {
  /** How many quotes pass the filter. */
  readonly total: number;
  /** Those from `offset`, at most `limit`, newest first (an article's in text order). */
  readonly quotes: readonly IndexedQuote[];
}

export interface QuoteSpeaker {
  readonly id: string;
  readonly name: string;
  readonly quotes: number;
}

const KINDS = QUOTE_KINDS.length;
/** Integers of a record before its speakers: the text's hash, how many speakers, how many quotes of each kind. */
const RECORD_HEADER = 2 + KINDS;
/** Where a record's (or a speaker entry's) counts of each kind start. */
const KIND_COUNTS = 2;
/** Integers per speaker in a record: entity, slot, quotes of each kind. */
const SPEAKER_FIELDS = 2 + KINDS;
/** Above every date code (`dateCode`: a year of five digits at most), so that the newest sorts first and undated (-1) last. */
const MAX_DATE_CODE = ((99_999 * 16 + 12) * 32 + 31) + 1;
/** Article numbers below it: a sort key is `(MAX_DATE_CODE - date) * ARTICLE_SPAN + article`, exact in a double (26 + 24 bits). */
const ARTICLE_SPAN = 2 ** 24;
/** Sorted candidate lists kept between questions (a speaker's, a period's, everything's). */
const SORTED_KEPT = 16;
/** Strings the index keeps (cues and names without an id): past it, a new name is kept as no speaker's. */
const MAX_STRINGS = 1_000_000;

/** The date codes of a month, `YYYY-MM` (`dateCode`: `(year * 16 + month) * 32 + day`). */
export function monthRange(month: string): { from: number; to: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/u.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return undefined;
  const base = (year * 16 + m) * 32;
  return { from: base, to: base + 31 };
}

/** The date codes of a year. */
export function yearRange(year: number): { from: number; to: number } {
  return { from: (year * 16 + 1) * 32, to: (year * 16 + 12) * 32 + 31 };
}

/** `YYYY-MM` of a date code. */
export function monthOfCode(code: number): string {
  return `${code >> 9}-${String((code >> 5) & 15).padStart(2, '0')}`;
}

export class QuoteIndex {
  private records: (Int32Array | undefined)[] = [];
  /**
   * Speakers (entities with at least one quote) by entity number: their own numbers, dense, for the lists and
   * counts. By entity number, those were sized by the highest entity that speaks: at 100,000 articles with made-up
   * names a million entities, 22 MB of arrays for 140,000 speakers.
   */
  private readonly speakers = new Map<number, number>();
  private freeSpeakers: number[] = [];
  /** Per speaker (its own number), the articles it speaks in. */
  private readonly lists = new ArticleLists();
  /** Per speaker (its own number), how many quotes it is the speaker of. */
  private readonly counts = new Int32Chunks();
  private strings: string[] = [];
  private readonly stringNumbers = new Map<string, number>();
  private totalQuotes = 0;
  private articleCount = 0;
  private version = 0;
  private readonly sorted = new Map<string, { readonly version: number; readonly articles: Int32Array }>();
  /** Per month (a date code's month, `code >> 5`), how many quotes of each kind: the unfiltered list's months without a pass. */
  private readonly monthCounts = new Map<number, Int32Array>();

  constructor(private readonly view: EntityIndexView) {}

  /** How many quotes are indexed. */
  get total(): number {
    return this.totalQuotes;
  }

  /** How many articles have quotes. */
  get articles(): number {
    return this.articleCount;
  }

  /** Changes with every change of what the index holds. */
  get generation(): number {
    return this.version;
  }

  /** How many quotes an entity is the speaker of. */
  countOf(entity: number): number {
    const speaker = this.speakers.get(entity);
    return speaker === undefined ? 0 : this.counts.get(speaker);
  }

  /** How many quotes an article has. */
  quotesIn(article: number): number {
    const record = this.records[article];
    return record ? (record.length - RECORD_HEADER - SPEAKER_FIELDS * record[1]) / QUOTE_FIELDS : 0;
  }

  /**
   * Files an article's quotes (replacing none: the caller removes the article's old ones first). `places`
   * gives the entity number of each place of the article's mention pack; a speaker place beyond `placeCount`
   * is taken as no speaker's.
   */
  set(article: number, pack: PackedQuotes | undefined, places: ArrayLike<number>, placeCount: number): void {
    if (!pack || pack.quotes.length === 0) return;
    const quotes = new Int32Array(Math.min(pack.quotes.length, MAX_QUOTES_PER_ARTICLE * QUOTE_FIELDS));
    for (let at = 0; at < quotes.length; at += QUOTE_FIELDS) {
      quotes[at] = pack.quotes[at];
      quotes[at + 1] = pack.quotes[at + 1];
      quotes[at + 2] = pack.quotes[at + 2];
      const speaker = pack.quotes[at + 3];
      quotes[at + 3] = speaker >= 0 ? (speaker < placeCount ? places[speaker] : NO_SPEAKER) : speaker <= -2 ? this.stringSpeaker(pack.strings[-2 - speaker]) : NO_SPEAKER;
      const cue = pack.quotes[at + 4];
      quotes[at + 4] = cue >= 0 && cue < pack.strings.length ? this.stringNumber(pack.strings[cue]) : -1;
    }
    this.file(article, pack.textHash, quotes);
  }

  /** Forgets an article's quotes. */
  remove(article: number): void {
    const record = this.records[article];
    if (!record) return;
    for (let s = 0; s < record[1]; s++) {
      const at = RECORD_HEADER + s * SPEAKER_FIELDS;
      const entity = record[at];
      const slot = record[at + 1];
      const speaker = this.speakers.get(entity) as number;
      const moved = this.lists.pop(speaker);
      if (moved !== article) {
        this.lists.set(speaker, slot, moved);
        const movedRecord = this.records[moved] as Int32Array;
        for (let m = 0; m < movedRecord[1]; m++) {
          const place = RECORD_HEADER + m * SPEAKER_FIELDS;
          if (movedRecord[place] === entity) movedRecord[place + 1] = slot;
        }
      }
      this.counts.add(speaker, -sumOf(record, at + KIND_COUNTS));
      if (this.counts.get(speaker) === 0) {
        this.speakers.delete(entity);
        this.lists.clear(speaker);
        this.freeSpeakers.push(speaker);
      }
    }
    this.countMonth(article, record, -1);
    this.totalQuotes -= this.quotesIn(article);
    this.articleCount--;
    this.records[article] = undefined;
    this.version++;
  }

  clear(): void {
    this.records = [];
    this.lists.reset();
    this.counts.clear();
    this.speakers.clear();
    this.freeSpeakers = [];
    this.strings = [];
    this.stringNumbers.clear();
    this.totalQuotes = 0;
    this.articleCount = 0;
    this.sorted.clear();
    this.monthCounts.clear();
    this.version++;
  }

  /** The hash of the text an article's quotes point into, or undefined when it has none. */
  textHashOf(article: number): number | undefined {
    return this.records[article]?.[0];
  }

  /**
   * The quotes that pass `filter`, newest article first (by date; articles of one date in the order the index numbered
   * them; undated ones last),
   * an article's in text order: how many, and those from `offset`, at most `limit`.
   */
  query(filter: QuoteFilter, offset: number, limit: number): QuotePage {
    const speaker = this.speakerOf(filter);
    if (speaker === undefined) return { total: 0, quotes: [] };
    const kinds = kindMask(filter.kinds);
    const quotes: IndexedQuote[] = [];
    // Of one speaker or all, of every kind and date: the total is known, and the pass ends with the page.
    const whole = filter.from === undefined && filter.to === undefined && kinds === ALL_KINDS;
    const known = whole ? (speaker >= 0 ? this.countOf(speaker) : this.totalQuotes) : -1;
    let total = 0;
    for (const article of this.candidates(speaker, filter)) {
      if (known >= 0 && quotes.length >= limit) return { total: known, quotes };
      const record = this.records[article] as Int32Array;
      const count = countIn(record, speaker, kinds);
      // Before the page or after it: counted from the header, not read.
      if (count === 0 || total + count <= offset || quotes.length >= limit) {
        total += count;
        continue;
      }
      const first = RECORD_HEADER + SPEAKER_FIELDS * record[1];
      for (let at = first; at < record.length; at += QUOTE_FIELDS) {
        if ((speaker >= 0 && record[at + 3] !== speaker) || (kinds & (1 << record[at + 2])) === 0) continue;
        if (total >= offset && quotes.length < limit) quotes.push(this.quoteAt(article, record, at));
        total++;
      }
    }
    return { total, quotes };
  }

  /** How many quotes pass `filter` in each month that has some (`YYYY-MM`), newest first; undated articles' are not counted. */
  months(filter: QuoteFilter): { month: string; quotes: number }[] {
    const speaker = this.speakerOf(filter);
    if (speaker === undefined) return [];
    const kinds = kindMask(filter.kinds);
    const counts = new Map<number, number>();
    // Of any speaker, over whole months: from the months' counts.
    if (speaker < 0 && (filter.from === undefined || (filter.from & 31) === 0) && (filter.to === undefined || (filter.to & 31) === 31)) {
      const first = filter.from === undefined ? -Infinity : filter.from >> 5;
      const last = filter.to === undefined ? Infinity : filter.to >> 5;
      for (const [month, byKind] of this.monthCounts) {
        if (month < first || month > last) continue;
        let count = 0;
        for (let kind = 0; kind < KINDS; kind++) if ((kinds & (1 << kind)) !== 0) count += byKind[kind];
        if (count > 0) counts.set(month, count);
      }
      return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([month, quotes]) => ({ month: monthOfCode(month << 5), quotes }));
    }
    const articles = speaker >= 0 ? this.lists.toArray(this.speakers.get(speaker) as number) : this.articlesWithQuotes();
    for (const article of articles) {
      const date = this.view.dateOf(article);
      if (date < 0 || !inRange(date, filter)) continue;
      const count = countIn(this.records[article] as Int32Array, speaker, kinds);
      if (count > 0) counts.set(date >> 5, (counts.get(date >> 5) ?? 0) + count);
    }
    return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([month, quotes]) => ({ month: monthOfCode(month << 5), quotes }));
  }

  /**
   * The speakers with the most quotes (then by name, in Norwegian order), at most `limit`, of those whose folded
   * name `matches` (all without it), and how many match. Of speakers tied at the last place that fits, those the
   * index numbered first are taken: only the speakers shown are named and sorted (a corpus of 100,000 articles
   * with made-up names has over 100,000 speakers, most with one quote).
   */
  topSpeakers(limit: number, matches?: (foldedName: string) => boolean): { speakers: QuoteSpeaker[]; total: number } {
    // One pass over the speakers: their entity numbers and counts side by side.
    const entities = new Int32Array(this.speakers.size);
    const quotes = new Int32Array(this.speakers.size);
    let found = 0;
    for (const [entity, speaker] of this.speakers) {
      if (matches && !matches(this.view.foldedNameOf(entity))) continue;
      entities[found] = entity;
      quotes[found++] = this.counts.get(speaker);
    }
    const wanted = Math.max(0, Math.min(limit, found));
    const chosen: number[] = [];
    if (found > wanted) {
      // The count at the last place that fits, then everyone above it and as many tied at it as there is room for.
      const threshold = wanted > 0 ? quotes.slice(0, found).sort()[found - wanted] : Infinity;
      const tied: number[] = [];
      for (let i = 0; i < found; i++) {
        if (quotes[i] > threshold) chosen.push(i);
        else if (quotes[i] === threshold) tied.push(i);
      }
      tied.sort((a, b) => entities[a] - entities[b]);
      for (const i of tied.slice(0, wanted - chosen.length)) chosen.push(i);
    } else for (let i = 0; i < found; i++) chosen.push(i);
    const speakers = chosen.map((i) => ({ entity: entities[i], quotes: quotes[i], name: this.view.nameOf(entities[i]) }));
    speakers.sort((a, b) => b.quotes - a.quotes || compareNorwegian(a.name, b.name) || a.entity - b.entity);
    return { speakers: speakers.map((speaker) => ({ id: this.view.idOf(speaker.entity), name: speaker.name, quotes: speaker.quotes })), total: found };
  }

  /** An article's record as saved: the text's hash, then its quotes, speakers renumbered by `entityNumbers` (the saved numbers). */
  exportRecord(article: number, entityNumbers: Int32Array): Int32Array {
    const record = this.records[article];
    if (!record) return new Int32Array(0);
    const first = RECORD_HEADER + SPEAKER_FIELDS * record[1];
    const saved = new Int32Array(1 + record.length - first);
    saved[0] = record[0];
    saved.set(record.subarray(first), 1);
    for (let at = 1; at < saved.length; at += QUOTE_FIELDS) if (saved[at + 3] >= 0) saved[at + 3] = entityNumbers[saved[at + 3]];
    return saved;
  }

  /**
   * The saved quotes of `articles` (article numbers, in the order they are saved), speakers renumbered by
   * `entityNumbers`, in steps of `perStep` articles: per article its record (`exportRecord`) at `quoteStarts`.
   */
  *exportInSteps(articles: readonly number[], entityNumbers: Int32Array, perStep: number): Generator<void, { quoteStarts: Int32Array; quotes: Int32Array; quoteStrings: string[] }, undefined> {
    const records: Int32Array[] = [];
    const quoteStarts = new Int32Array(articles.length + 1);
    let total = 0;
    for (let i = 0; i < articles.length; i++) {
      const record = this.exportRecord(articles[i], entityNumbers);
      records.push(record);
      quoteStarts[i] = total;
      total += record.length;
      if ((i + 1) % perStep === 0) yield;
    }
    quoteStarts[articles.length] = total;
    const quotes = new Int32Array(total);
    records.forEach((record, i) => quotes.set(record, quoteStarts[i]));
    return { quoteStarts, quotes, quoteStrings: this.strings.slice() };
  }

  /** The strings the saved records' speakers and cues point to. */
  exportStrings(): readonly string[] {
    return this.strings;
  }

  /** Takes back the strings of a saved index (before its records); throws a `SnapshotError` if they are not well formed. */
  restoreStrings(strings: readonly string[]): void {
    if (strings.length > MAX_STRINGS) throw new SnapshotError('the quotes do not add up');
    this.strings = [];
    this.stringNumbers.clear();
    for (const string of strings) {
      if (string.length > MAX_QUOTE_STRING_LENGTH || this.stringNumbers.has(string)) throw new SnapshotError('the quotes do not add up');
      this.stringNumbers.set(string, this.strings.length);
      this.strings.push(string);
    }
  }

  /**
   * Takes back an article's saved record (as `exportRecord` made it), checking it: whole quotes, each within
   * `textLength` if given, of a kind, a speaker among the first `entityCount` entities that `isNamed` in the
   * article, or a string; throws a `SnapshotError` otherwise.
   */
  restoreRecord(article: number, saved: Int32Array, entityCount: number, isNamed: (entity: number) => boolean): void {
    if (saved.length === 0) return;
    if ((saved.length - 1) % QUOTE_FIELDS !== 0 || (saved.length - 1) / QUOTE_FIELDS > MAX_QUOTES_PER_ARTICLE) throw new SnapshotError('the quotes do not add up');
    for (let at = 1; at < saved.length; at += QUOTE_FIELDS) {
      const speaker = saved[at + 3];
      const cue = saved[at + 4];
      const bad =
        saved[at] < 0 ||
        saved[at + 1] < saved[at] ||
        saved[at + 2] < 0 ||
        saved[at + 2] >= QUOTE_KINDS.length ||
        speaker >= entityCount ||
        (speaker >= 0 && !isNamed(speaker)) ||
        (speaker <= -2 && -2 - speaker >= this.strings.length) ||
        cue < -1 ||
        cue >= this.strings.length;
      if (bad) throw new SnapshotError('the quotes do not add up');
    }
    this.file(article, saved[0], saved.slice(1));
  }

  /** Files an article's quotes (speakers as entity numbers, strings as the index's): its record, its speakers' lists. */
  private file(article: number, hash: number, quotes: Int32Array): void {
    if (quotes.length === 0) return;
    const speakers: number[] = [];
    for (let at = 0; at < quotes.length; at += QUOTE_FIELDS) {
      const speaker = quotes[at + 3];
      if (speaker >= 0 && !speakers.includes(speaker)) speakers.push(speaker);
    }
    const record = new Int32Array(RECORD_HEADER + SPEAKER_FIELDS * speakers.length + quotes.length);
    record[0] = hash;
    record[1] = speakers.length;
    for (let at = 0; at < quotes.length; at += QUOTE_FIELDS) {
      const kind = quotes[at + 2];
      record[KIND_COUNTS + kind]++;
      const speaker = quotes[at + 3];
      if (speaker >= 0) record[RECORD_HEADER + speakers.indexOf(speaker) * SPEAKER_FIELDS + KIND_COUNTS + kind]++;
    }
    for (let s = 0; s < speakers.length; s++) {
      const at = RECORD_HEADER + s * SPEAKER_FIELDS;
      const entity = speakers[s];
      record[at] = entity;
      let speaker = this.speakers.get(entity);
      if (speaker === undefined) {
        speaker = this.freeSpeakers.pop() ?? this.speakers.size;
        this.speakers.set(entity, speaker);
        this.counts.ensure(speaker + 1);
        this.counts.set(speaker, 0);
        this.lists.clear(speaker);
      }
      record[at + 1] = this.lists.push(speaker, article);
      this.counts.add(speaker, sumOf(record, at + KIND_COUNTS));
    }
    record.set(quotes, RECORD_HEADER + SPEAKER_FIELDS * speakers.length);
    this.records[article] = record;
    this.countMonth(article, record, 1);
    this.totalQuotes += quotes.length / QUOTE_FIELDS;
    this.articleCount++;
    this.version++;
  }

  /** Adds (`sign` 1) or takes away (-1) an article's quotes in its month's counts (none for an undated article). */
  private countMonth(article: number, record: Int32Array, sign: 1 | -1): void {
    const date = this.view.dateOf(article);
    if (date < 0) return;
    const month = date >> 5;
    let byKind = this.monthCounts.get(month);
    if (!byKind) this.monthCounts.set(month, (byKind = new Int32Array(KINDS)));
    let left = 0;
    for (let kind = 0; kind < KINDS; kind++) left += byKind[kind] += sign * record[KIND_COUNTS + kind];
    if (left === 0) this.monthCounts.delete(month);
  }

  /** The filter's speaker as an entity number, -1 for any speaker, or undefined for one the index does not know. */
  private speakerOf(filter: QuoteFilter): number | undefined {
    if (filter.speakerId === undefined) return -1;
    const entity = this.view.entityNumber(filter.speakerId);
    return entity !== undefined && this.countOf(entity) > 0 ? entity : undefined;
  }

  private articlesWithQuotes(): number[] {
    const articles: number[] = [];
    for (let article = 0; article < this.records.length; article++) if (this.records[article]) articles.push(article);
    return articles;
  }

  /** The articles a question goes over, in the index's order: the speaker's or all with quotes, in the filter's dates. */
  private candidates(speaker: number, filter: QuoteFilter): Int32Array {
    const key = `${speaker}:${filter.from ?? ''}:${filter.to ?? ''}`;
    const kept = this.sorted.get(key);
    if (kept && kept.version === this.version) return kept.articles;
    const all = speaker >= 0 ? this.lists.toArray(this.speakers.get(speaker) as number) : this.articlesWithQuotes();
    const articles = filter.from === undefined && filter.to === undefined ? all : all.filter((article) => inRange(this.view.dateOf(article), filter));
    // By one number each, the date and the article number (a typed array's sort): compared as the tree orders them
    // (date, then title), 92,000 articles of one speaker took 220 ms to sort, and a change makes the order again.
    const keys = new Float64Array(articles.length);
    for (let i = 0; i < articles.length; i++) keys[i] = (MAX_DATE_CODE - this.view.dateOf(articles[i])) * ARTICLE_SPAN + articles[i];
    keys.sort();
    const order = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) order[i] = keys[i] % ARTICLE_SPAN;
    if (this.sorted.size >= SORTED_KEPT) this.sorted.delete(this.sorted.keys().next().value as string);
    this.sorted.set(key, { version: this.version, articles: order });
    return order;
  }

  private quoteAt(article: number, record: Int32Array, at: number): IndexedQuote {
    const speaker = record[at + 3];
    const cue = record[at + 4];
    return {
      uri: this.view.uriOf(article),
      start: record[at],
      end: record[at + 1],
      kind: QUOTE_KINDS[record[at + 2]],
      speakerId: speaker >= 0 ? this.view.idOf(speaker) : null,
      speaker: speaker >= 0 ? this.view.nameOf(speaker) : speaker <= -2 ? this.strings[-2 - speaker] : null,
      cue: cue >= 0 ? this.strings[cue] : null,
      date: this.view.dateOf(article),
      textHash: record[0],
    };
  }

  private stringNumber(value: string): number {
    let number = this.stringNumbers.get(value);
    if (number === undefined) {
      if (this.strings.length >= MAX_STRINGS) return -1;
      number = this.strings.length;
      this.strings.push(value);
      this.stringNumbers.set(value, number);
    }
    return number;
  }

  private stringSpeaker(name: string | undefined): number {
    if (name === undefined) return NO_SPEAKER;
    const number = this.stringNumber(name);
    return number < 0 ? NO_SPEAKER : -2 - number;
  }
}

/** The sum of a record's counts of each kind starting at `at`. */
function sumOf(record: Int32Array, at: number): number {
  let sum = 0;
  for (let kind = 0; kind < KINDS; kind++) sum += record[at + kind];
  return sum;
}

/** How many of an article's quotes are of `speaker` (any: -1) and of the kinds of `kinds` (a mask), from its header. */
function countIn(record: Int32Array, speaker: number, kinds: number): number {
  let at = KIND_COUNTS;
  if (speaker >= 0) {
    at = -1;
    for (let s = 0; s < record[1]; s++) {
      const entry = RECORD_HEADER + s * SPEAKER_FIELDS;
      if (record[entry] === speaker) {
        at = entry + KIND_COUNTS;
        break;
      }
    }
    if (at < 0) return 0;
  }
  let count = 0;
  for (let kind = 0; kind < KINDS; kind++) if ((kinds & (1 << kind)) !== 0) count += record[at + kind];
  return count;
}

const ALL_KINDS = (1 << KINDS) - 1;

function kindMask(kinds: readonly QuoteKind[] | undefined): number {
  if (!kinds || kinds.length === 0) return ALL_KINDS;
  let mask = 0;
  for (const kind of kinds) {
    const index = QUOTE_KINDS.indexOf(kind);
    if (index >= 0) mask |= 1 << index;
  }
  return mask;
}

function inRange(date: number, filter: QuoteFilter): boolean {
  if (filter.from !== undefined && (date < 0 || date < filter.from)) return false;
  if (filter.to !== undefined && (date < 0 || date > filter.to)) return false;
  return true;
}
