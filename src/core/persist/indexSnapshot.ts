/**
 * What a window saves of its corpus so that the next one starts from it: each
 * file's corpus entry with the stamp it was read at (modification time and
 * size), the search index and the entity index, and what they were made with
 * (the extension's version, the recogniser's key). A snapshot that is from
 * another version, damaged, or does not add up is refused with a reason; the
 * caller then builds everything again.
 */
import type { ArticleOrigin, CorpusEntry } from '../corpus';
import type { EntityIndexState } from '../entities/entityIndexState';
import { entityStateFromSections, entityStateSections } from '../entities/entityIndexState';
import type { SearchIndexState } from '../search/searchIndexState';
import { searchStateFromSections, searchStateSections } from '../search/searchIndexState';
import { SnapshotError, decodeSnapshot, encodeSnapshot } from './snapshotFile';

/** Changes whenever what is saved changes shape: a file in another format is discarded. */
export const INDEX_SNAPSHOT_FORMAT = 1;

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
    'files.stamps': snapshot.files.map((file) => file.stamp),
    'files.entries': snapshot.files.map((file) => JSON.stringify(file.entry)),
    ...searchStateSections(snapshot.search),
    ...entityStateSections(snapshot.entities),
  });
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
    const stamps = sections.strings('files.stamps');
    const entries = sections.strings('files.entries');
    if (stamps.length !== entries.length) throw new SnapshotError('the files do not add up');
    const files: SavedFile[] = entries.map((json, i) => ({ entry: parseEntry(json), stamp: stamps[i] }));
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

const ORIGINS: readonly ArticleOrigin[] = ['workspace', 'folder', 'sample'];

/** A corpus entry as saved, checked field by field (views trust what they are given). */
function parseEntry(json: string): CorpusEntry {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new SnapshotError('a file entry is not readable');
  }
  const entry = value as Partial<{ kind: string; summary: Record<string, unknown>; problem: Record<string, unknown> }>;
  const text = (v: unknown) => typeof v === 'string';
  const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
  if (entry?.kind === 'article' && typeof entry.summary === 'object' && entry.summary !== null) {
    const s = entry.summary;
    const date = s.date as Partial<{ year: number; month: number; day: number }> | undefined;
    const dateOk =
      typeof date === 'object' &&
      date !== null &&
      Number.isInteger(date.year) &&
      Number.isInteger(date.month) &&
      (date.month as number) >= 1 &&
      (date.month as number) <= 12 &&
      (date.day === undefined || Number.isInteger(date.day));
    if (
      text(s.uri) &&
      text(s.fileName) &&
      ORIGINS.includes(s.origin as ArticleOrigin) &&
      dateOk &&
      text(s.month) &&
      text(s.title) &&
      optionalText(s.byline) &&
      optionalText(s.source) &&
      optionalText(s.lead) &&
      Array.isArray(s.warnings) &&
      s.warnings.every(text)
    ) {
      return entry as unknown as CorpusEntry;
    }
  } else if (entry?.kind === 'problem' && typeof entry.problem === 'object' && entry.problem !== null) {
    const p = entry.problem;
    if (text(p.uri) && text(p.fileName) && ORIGINS.includes(p.origin as ArticleOrigin) && text(p.reason) && (p.folder === undefined || typeof p.folder === 'boolean')) {
      return entry as unknown as CorpusEntry;
    }
  }
  throw new SnapshotError('a file entry is not readable');
}
