/**
 * What a window saves of its corpus so that the next one starts from it: each
 * file's corpus entry with the stamp it was read at (modification time and
 * size), the search index and the entity index, and what they were made with
 * (the extension's version, the recogniser's key). A snapshot that is from
 * another version, damaged, or does not add up is refused with a reason; the
 * caller then builds everything again.
 */
import { type ArticleDate, monthKey } from '../article';
import type { ArticleOrigin, ArticleSummary, CorpusEntry } from '../corpus';
import type { EntityIndexState } from '../entities/entityIndexState';
import { entityStateFromSections, entityStateSections } from '../entities/entityIndexState';
import type { SearchIndexState } from '../search/searchIndexState';
import { searchStateFromSections, searchStateSections } from '../search/searchIndexState';
import { type SectionValue, SnapshotError, type SnapshotSections, decodeSnapshot, encodeSnapshot } from './snapshotFile';

/**
 * Changes whenever what is saved changes shape: a file in another format is discarded (and the corpus indexed
 * again). 2: each article's entity mentions start with the table of their paragraphs (`mentionPack.ts`).
 * 3: each article's quotes beside its mentions (`entities.quoteStarts`, `entities.quotes`, `entities.quoteStrings`).
 */
export const INDEX_SNAPSHOT_FORMAT = 3;

export interface SnapshotMeta {
  /** The extension version that wrote it: rules change between versions, so another version's is not used. */
  readonly extensionVersion: string;
  /** The recogniser the entities were found with (knowledge bases and corrections): see `EntityService.recognizerKey`. */
  readonly recognizerKey: string;
  readonly savedAt: string;
}

/** A file of the corpus as last read: its entry, and the stamp (`mtime:size`) it had then. */
export interface SavedFile {
  readonly entry: CorpusEntry;
  readonly stamp: string;
}

export interface IndexSnapshot {
  readonly meta: SnapshotMeta;
  readonly files: readonly SavedFile[];
  readonly search: SearchIndexState;
  readonly entities: EntityIndexState;
}

export type DecodedIndexSnapshot = { readonly ok: true; readonly snapshot: IndexSnapshot } | { readonly ok: false; readonly reason: string };

export function encodeIndexSnapshot(snapshot: IndexSnapshot): Uint8Array {
  return encodeSnapshot(INDEX_SNAPSHOT_FORMAT, { ...snapshot.meta }, {
    ...fileSections(snapshot.files),
    ...searchStateSections(snapshot.search),
    ...entityStateSections(snapshot.entities),
  });
}

/** Entry kinds and origins, as stored (`files.kinds`): an entry's origin times two, plus one for a problem. */
const ORIGIN_CODES: readonly ArticleOrigin[] = ['workspace', 'folder', 'sample'];

/**
 * The files as columns, one list of strings per field and typed arrays for the numbers: reading
 * 100,000 entries back is one decode per column, not a JSON parse per entry. `files.text` holds an
 * article's title or a problem's reason; fields an entry lacks are empty strings, told apart by
 * `files.present` (bit 0 byline, 1 source, 2 lead, 3 day).
 */
function fileSections(files: readonly SavedFile[]): Record<string, SectionValue> {
  const count = files.length;
  const kinds = new Uint8Array(count);
  const years = new Int16Array(count);
  const months = new Int8Array(count);
  const days = new Int8Array(count);
  const present = new Uint8Array(count);
  const uris: string[] = [];
  const names: string[] = [];
  const texts: string[] = [];
  const bylines: string[] = [];
  const sources: string[] = [];
  const leads: string[] = [];
  const warnings: string[] = [];
  files.forEach(({ entry }, i) => {
    if (entry.kind === 'article') {
      const s = entry.summary;
      kinds[i] = ORIGIN_CODES.indexOf(s.origin) * 2;
      years[i] = s.date.year;
      months[i] = s.date.month;
      days[i] = s.date.day ?? 0;
      present[i] = (s.byline !== undefined ? 1 : 0) | (s.source !== undefined ? 2 : 0) | (s.lead !== undefined ? 4 : 0) | (s.date.day !== undefined ? 8 : 0);
      uris.push(s.uri);
      names.push(s.fileName);
      texts.push(s.title);
      bylines.push(s.byline ?? '');
      sources.push(s.source ?? '');
      leads.push(s.lead ?? '');
      warnings.push(s.warnings.length ? JSON.stringify(s.warnings) : '');
    } else {
      const p = entry.problem;
      kinds[i] = ORIGIN_CODES.indexOf(p.origin) * 2 + 1;
      present[i] = p.folder ? 16 : 0;
      uris.push(p.uri);
      names.push(p.fileName);
      texts.push(p.reason);
      bylines.push('');
      sources.push('');
      leads.push('');
      warnings.push('');
    }
  });
  return {
    'files.stamps': files.map((file) => file.stamp),
    'files.kinds': kinds,
    'files.years': years,
    'files.months': months,
    'files.days': days,
    'files.present': present,
    'files.uris': uris,
    'files.names': names,
    'files.texts': texts,
    'files.bylines': bylines,
    'files.sources': sources,
    'files.leads': leads,
    'files.warnings': warnings,
  };
}

/** The files read back from their columns, each checked as it is made. */
function filesFromSections(sections: SnapshotSections): SavedFile[] {
  const stamps = sections.strings('files.stamps');
  const count = stamps.length;
  const kinds = sections.u8('files.kinds');
  const years = sections.i16('files.years');
  const months = sections.i8('files.months');
  const days = sections.i8('files.days');
  const present = sections.u8('files.present');
  const columns = ['uris', 'names', 'texts', 'bylines', 'sources', 'leads', 'warnings'].map((name) => sections.strings(`files.${name}`));
  if ([kinds, years, months, days, present, ...columns].some((column) => column.length !== count)) throw new SnapshotError('the files do not add up');
  const [uris, names, texts, bylines, sources, leads, warnings] = columns;
  const files: SavedFile[] = new Array<SavedFile>(count);
  for (let i = 0; i < count; i++) {
    const origin = ORIGIN_CODES[kinds[i] >> 1];
    if (origin === undefined || kinds[i] > 5) throw new SnapshotError('a file entry is not readable');
    let entry: CorpusEntry;
    if (kinds[i] & 1) {
      entry = { kind: 'problem', problem: { uri: uris[i], fileName: names[i], origin, reason: texts[i], ...(present[i] & 16 ? { folder: true } : {}) } };
    } else {
      const month = months[i];
      if (month < 1 || month > 12) throw new SnapshotError('a file entry is not readable');
      const date: ArticleDate = present[i] & 8 ? { year: years[i], month, day: days[i] } : { year: years[i], month };
      let warningList: string[] = [];
      if (warnings[i]) {
        try {
          warningList = JSON.parse(warnings[i]) as string[];
        } catch {
          throw new SnapshotError('a file entry is not readable');
        }
        if (!Array.isArray(warningList) || !warningList.every((w) => typeof w === 'string')) throw new SnapshotError('a file entry is not readable');
      }
      const summary: ArticleSummary = {
        uri: uris[i],
        fileName: names[i],
        origin,
        date,
        month: monthKey(date),
        title: texts[i],
        byline: present[i] & 1 ? bylines[i] : undefined,
        source: present[i] & 2 ? sources[i] : undefined,
        lead: present[i] & 4 ? leads[i] : undefined,
        warnings: warningList,
      };
      entry = { kind: 'article', summary };
    }
    files[i] = { entry, stamp: stamps[i] };
  }
  return files;
}

/** Reads a snapshot back, refusing one from another extension version or one that does not add up. */
export function decodeIndexSnapshot(bytes: Uint8Array, extensionVersion: string): DecodedIndexSnapshot {
  const decoded = decodeSnapshot(bytes, INDEX_SNAPSHOT_FORMAT);
  if (!decoded.ok) return decoded;
  const meta = decoded.meta as Partial<SnapshotMeta>;
  if (typeof meta.extensionVersion !== 'string' || typeof meta.recognizerKey !== 'string' || typeof meta.savedAt !== 'string') {
    return { ok: false, reason: 'its header is not readable' };
  }
  if (meta.extensionVersion !== extensionVersion) return { ok: false, reason: `it was saved by version ${meta.extensionVersion}, not ${extensionVersion}` };
  try {
    const { sections } = decoded;
    const files = filesFromSections(sections);
    const search = searchStateFromSections(sections);
    const entities = entityStateFromSections(sections);
    const articles = new Set(files.flatMap((file) => (file.entry.kind === 'article' ? [file.entry.summary.uri] : [])));
    if (!search.keys.every((key) => articles.has(key)) || !entities.uris.every((uri) => articles.has(uri))) {
      throw new SnapshotError('its indexes name articles it does not have');
    }
    return { ok: true, snapshot: { meta: meta as SnapshotMeta, files, search, entities } };
  } catch (error) {
    if (error instanceof SnapshotError) return { ok: false, reason: error.message };
    throw error;
  }
}
