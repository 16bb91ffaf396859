/**
 * `annotated-reader annotations import <files...> --into <annotations.json>`:
 * merges W3C annotation collections (a colleague's, a backup) into a
 * workspace's annotations file through the same store and the same lock as
 * the extension, so imports running at once, or while a window has the file
 * open, keep every annotation.
 */
import { resolve } from 'node:path';
import { type Annotation, parseCollection } from '../core/annotations/model';
import { AnnotationStore, type Conflict } from '../core/annotations/store';
import { MAX_ANNOTATIONS_FILE_BYTES, tooLargeMessage } from '../core/limits';
import { nodeStoreFileSystem, readBounded } from '../node/storeFiles';
import { type CliIO, describe } from './read';

export interface ImportCounts {
  /** Not in the target before. */
  added: number;
  /** In the target, older there. */
  updated: number;
  /** Already in the target as new or newer, or given twice (the newer is taken). */
  duplicates: number;
  /** Entries of the files given that are not annotations this version reads. */
  broken: number;
}

/** Exit code 0: everything imported; 1: a file could not be read (the others are imported) or the target cannot be written. */
export async function importAnnotations(files: readonly string[], into: string, io: CliIO): Promise<number> {
  const target = resolve(into);
  const conflicts: Conflict[] = [];
  const store = new AnnotationStore(nodeStoreFileSystem, target, undefined, (found) => conflicts.push(...found));
  try {
    await store.load();
  } catch (error) {
    io.err(`${into}: cannot be read: ${describe(error)}; nothing was imported.`);
    return 1;
  }
  if (store.state.kind === 'readOnly') {
    const backup = store.state.backup ? ` A copy of it is kept as ${store.state.backup}.` : '';
    io.err(`${store.state.problem.replace(target, into)}. It was not changed and nothing was imported.${backup}`);
    return 1;
  }

  const counts: ImportCounts = { added: 0, updated: 0, duplicates: 0, broken: 0 };
  const incoming = new Map<string, Annotation>();
  let unreadable = 0;
  for (const file of files) {
    const annotations = await readCollection(file, io);
    if (!annotations) {
      unreadable++;
      continue;
    }
    counts.broken += annotations.skipped;
    for (const annotation of annotations.annotations) {
      const seen = incoming.get(annotation.id);
      if (seen) counts.duplicates++;
      if (!seen || seen.modified < annotation.modified) incoming.set(annotation.id, annotation);
    }
    await io.out(`${file}: ${annotations.annotations.length} ${annotations.annotations.length === 1 ? 'annotation' : 'annotations'}${annotations.skipped ? `, ${annotations.skipped} broken ${annotations.skipped === 1 ? 'entry' : 'entries'} skipped` : ''}`);
  }

  const changed: Annotation[] = [];
  for (const annotation of incoming.values()) {
    const existing = store.get(annotation.id);
    if (existing && existing.modified >= annotation.modified) counts.duplicates++;
    else {
      changed.push(annotation);
      counts[existing ? 'updated' : 'added']++;
    }
  }
  if (changed.length) {
    try {
      // Under the lock: the file is read again and merged just before it is written.
      await store.putMany(changed);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).replace(target, into);
      io.err(`${into}: not changed: ${message}.`);
      return 1;
    }
  }
  for (const { mine, theirs } of conflicts) {
    io.err(`${into}: ${mine.id} was changed in the file while importing; the newer version is kept (${mine.modified >= theirs.modified ? 'the imported one' : "the file's"}).`);
  }
  await io.out(
    `Imported into ${into}: ${counts.added} new, ${counts.updated} updated, ${counts.duplicates} ${counts.duplicates === 1 ? 'duplicate' : 'duplicates'} skipped${counts.broken ? `, ${counts.broken} broken ${counts.broken === 1 ? 'entry' : 'entries'} skipped` : ''}; it holds ${store.all().length}.`,
  );
  if (unreadable) io.err(`annotated-reader annotations import: ${unreadable} of ${files.length} ${files.length === 1 ? 'file' : 'files'} could not be read (see above); the rest was imported.`);
  return unreadable ? 1 : 0;
}

/** The annotations of a collection file, or undefined (reported) when it cannot be read. */
async function readCollection(file: string, io: CliIO): Promise<{ annotations: Annotation[]; skipped: number } | undefined> {
  let read;
  try {
    read = await readBounded(resolve(file), MAX_ANNOTATIONS_FILE_BYTES);
  } catch (error) {
    io.err(`${file}: cannot be read: ${describe(error)}`);
    return undefined;
  }
  if (read.kind === 'missing') {
    io.err(`${file}: cannot be read: no such file or folder`);
    return undefined;
  }
  if (read.kind === 'tooLarge') {
    io.err(`${tooLargeMessage(file, read.bytes, MAX_ANNOTATIONS_FILE_BYTES, 'an annotations file')}; not imported.`);
    return undefined;
  }
  const parsed = parseCollection(read.text);
  if (!parsed.ok) {
    io.err(`${file}: ${parsed.reason}; not imported.`);
    return undefined;
  }
  for (const problem of parsed.skipped) io.err(`${file}: skipped ${problem}`);
  return { annotations: parsed.annotations, skipped: parsed.skipped.length };
}
