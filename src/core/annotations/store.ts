/**
 * The annotations file, kept safe: the user's marks are their work.
 *
 * - Saves write a temporary file in the same folder, named uniquely across
 *   processes, and rename it over the old one, so an interrupted write leaves
 *   the old file whole.
 * - Each save reads the file again, merges what changed there, writes and
 *   renames, all while holding the file system's lock of the file where it
 *   has one (files on disk: other windows, the CLI): two processes saving at
 *   once each keep the other's annotations. Without a lock (remote and
 *   virtual file systems) the merge before the write is all there is.
 * - Saves are queued: one at a time, each writing the model as it is then,
 *   so concurrent edits never lose one.
 * - A file that does not parse is never overwritten: it is copied aside with
 *   a timestamp, the store turns read-only, and the problem names the file.
 *   A file over the size limit (../limits) is not read and never
 *   overwritten either.
 * - A change to the file from outside (git checkout, another window) is
 *   merged: per annotation the newer edit wins; an annotation changed here
 *   and there since the last save is a conflict, reported for the UI to ask
 *   about (the newer one is kept meanwhile, the other is not lost: it is
 *   returned with the conflict).
 *
 * The file system is passed in (src/node/storeFiles.ts on disk, VS Code's
 * workspace.fs elsewhere, memory in tests), so this stays free of both.
 */
import { MAX_ANNOTATIONS, MAX_ANNOTATIONS_FILE_BYTES, tooLargeMessage } from '../limits';
import { type Annotation, parseCollection, toCollection } from './model';

/** A file as read: its text, none, or too large to read (not read). */
export type FileRead = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'missing' } | { readonly kind: 'tooLarge'; readonly bytes: number };

export interface StoreFileSystem {
  /** The file's text; `tooLarge`, unread, when it has more than `maxBytes` bytes. */
  read(path: string, maxBytes: number): Promise<FileRead>;
  write(path: string, text: string): Promise<void>;
  /** Renames `from` to `to`, replacing `to`. */
  rename(from: string, to: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** A path for a temporary file beside `path`, unique across processes (and across machines sharing a folder). */
  temporaryPath(path: string): string;
  /**
   * Runs `work` holding the lock of `path` across processes, and releases it
   * after. Left out where no lock exists: saves then rely on the merge alone.
   */
  withLock?<T>(path: string, work: () => Promise<T>): Promise<T>;
}

export interface Conflict {
  /** The annotation as this window has it (kept if newer). */
  readonly mine: Annotation;
  /** As the file now has it. */
  readonly theirs: Annotation;
}

export type StoreState =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'readOnly';
      readonly problem: string;
      /** A copy of the broken file. */
      readonly backup?: string;
      /** The annotations this window held when the file broke, written next to it (they may exist nowhere else). */
      readonly recovered?: string;
    };

export class AnnotationStore {
  private annotations = new Map<string, Annotation>();
  /** Entries of the file this version cannot read: written back as they were. */
  private unreadable: readonly unknown[] = [];
  /** Ids changed (or added) here since the last save or load, and ids deleted here. */
  private readonly dirty = new Set<string>();
  private readonly deleted = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private stateValue: StoreState = { kind: 'ok' };
  /** The text this store last wrote or read: a change event for it is our own. */
  private lastText: string | undefined;

  constructor(
    private readonly fs: StoreFileSystem,
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
    /** Told of annotations edited here and outside since the last save (also when a save finds the file changed). */
    private readonly onConflicts: (conflicts: readonly Conflict[]) => void = () => undefined,
    /** The largest file read, in bytes. */
    private readonly maxBytes = MAX_ANNOTATIONS_FILE_BYTES,
    /** The most entries a file read may hold. */
    private readonly maxEntries = MAX_ANNOTATIONS,
  ) {}

  get state(): StoreState {
    return this.stateValue;
  }

  all(): Annotation[] {
    return [...this.annotations.values()];
  }

  get(id: string): Annotation | undefined {
    return this.annotations.get(id);
  }

  /** Reads the file; a missing file is an empty collection; a broken one is backed up and makes the store read-only. */
  async load(): Promise<{ skipped: readonly string[] }> {
    const read = await this.read();
    if (read.kind === 'tooLarge') {
      this.stateValue = { kind: 'readOnly', problem: read.problem };
      this.annotations = new Map();
      return { skipped: [] };
    }
    const text = read.text;
    if (text === undefined) {
      this.annotations = new Map();
      this.stateValue = { kind: 'ok' };
      return { skipped: [] };
    }
    const parsed = parseCollection(text);
    if (!parsed.ok) {
      // Too many entries is not broken: nothing to copy aside.
      this.stateValue = { kind: 'readOnly', problem: `${this.path} cannot be read: ${parsed.reason}`, backup: parsed.tooLarge ? undefined : await this.backUp() };
      this.annotations = new Map();
      return { skipped: [] };
    }
    this.annotations = new Map(parsed.annotations.map((annotation) => [annotation.id, annotation]));
    this.unreadable = parsed.unreadable;
    this.dirty.clear();
    this.deleted.clear();
    this.lastText = text;
    this.stateValue = { kind: 'ok' };
    return { skipped: parsed.skipped };
  }

  /** Adds or replaces an annotation and queues a save; resolves when it is on disk. */
  put(annotation: Annotation): Promise<void> {
    this.assertWritable();
    this.annotations.set(annotation.id, annotation);
    this.dirty.add(annotation.id);
    this.deleted.delete(annotation.id);
    return this.save();
  }

  /** Resolves when every save queued so far is done (or has failed). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Adds or replaces several annotations (an import) with one save. */
  putMany(annotations: readonly Annotation[]): Promise<void> {
    this.assertWritable();
    for (const annotation of annotations) {
      this.annotations.set(annotation.id, annotation);
      this.dirty.add(annotation.id);
      this.deleted.delete(annotation.id);
    }
    return this.save();
  }

  /**
   * After the file was broken (read-only): it parses again, or is gone.
   * Merges it with what this window holds, as for any change from outside,
   * and makes the store writable again. False while it is still broken.
   */
  async reopen(): Promise<boolean> {
    if (this.stateValue.kind !== 'readOnly') return true;
    const read = await this.read();
    if (read.kind === 'tooLarge') return false;
    const text = read.text;
    if (text !== undefined && !parseCollection(text).ok) return false;
    this.stateValue = { kind: 'ok' };
    // Gone: what this window holds is written back.
    if (text === undefined) {
      await this.save();
      return true;
    }
    // Whatever was read last is stale: the merge takes the file as changed.
    this.lastText = undefined;
    await this.reloadFromOutside();
    return true;
  }

  /** Removes an annotation and queues a save; the removed annotation is returned for undo. */
  async delete(id: string): Promise<Annotation | undefined> {
    this.assertWritable();
    const removed = this.annotations.get(id);
    if (!removed) return undefined;
    this.annotations.delete(id);
    this.dirty.delete(id);
    this.deleted.add(id);
    await this.save();
    return removed;
  }

  /**
   * The file changed outside: merges it in (the newer edit of each
   * annotation wins; deletions on either side stand) and saves the result if
   * it differs from the file. Returns the conflicts: annotations edited both
   * here and there since the last save.
   */
  async reloadFromOutside(): Promise<Conflict[]> {
    const result = new Promise<Conflict[]>((resolve, reject) => {
      this.queue = this.queue.then(async () => {
        try {
          resolve(await this.merge());
        } catch (error) {
          reject(error);
        }
      });
    });
    return result;
  }

  private async merge(): Promise<Conflict[]> {
    const read = await this.read();
    if (read.kind === 'tooLarge') {
      // Grown too large outside: left as it is, and this window's annotations are kept aside.
      this.stateValue = { kind: 'readOnly', problem: read.problem, recovered: await this.saveAside() };
      return [];
    }
    const text = read.text;
    if (text === this.lastText) return [];
    if (text === undefined) {
      // Deleted outside: everything here is kept and written back.
      await this.write();
      return [];
    }
    const conflicts = this.mergeText(text);
    if (this.stateValue.kind === 'readOnly') {
      // Broken outside: a copy is kept, as when it is found broken on load, and so is what this window holds.
      this.stateValue = { ...this.stateValue, backup: await this.backUp(), recovered: await this.saveAside() };
      return conflicts;
    }
    if (this.dirty.size || this.deleted.size) await this.write();
    return conflicts;
  }

  /** Writes the annotations held here next to the file, when there are any; the copy's path. */
  private async saveAside(): Promise<string | undefined> {
    if (this.annotations.size === 0) return undefined;
    const aside = `${this.path}.${this.now().toISOString().replace(/[:.]/g, '-')}.recovered.json`;
    try {
      await this.fs.write(aside, `${JSON.stringify(toCollection(this.all(), this.unreadable), null, 2)}\n`);
      return aside;
    } catch {
      return undefined;
    }
  }

  /** Copies the file aside with a timestamp; the copy's path, or undefined if none could be made (the original stays untouched either way). */
  private async backUp(): Promise<string | undefined> {
    const backup = `${this.path}.${this.now().toISOString().replace(/[:.]/g, '-')}.corrupt`;
    try {
      await this.fs.copy(this.path, backup);
      return backup;
    } catch {
      return undefined;
    }
  }

  /** Merges the file's `text` (changed outside) into the model; the conflicts found. */
  private mergeText(text: string): Conflict[] {
    const parsed = parseCollection(text);
    if (!parsed.ok) {
      // Broken outside: not overwritten, and this window's annotations stay in memory.
      this.stateValue = { kind: 'readOnly', problem: `${this.path} cannot be read: ${parsed.reason}` };
      return [];
    }
    const theirs = new Map(parsed.annotations.map((annotation) => [annotation.id, annotation]));
    const conflicts: Conflict[] = [];
    const merged = new Map<string, Annotation>();
    for (const [id, their] of theirs) {
      if (this.deleted.has(id)) continue; // deleted here
      const mine = this.annotations.get(id);
      if (!mine || !this.dirty.has(id)) merged.set(id, their);
      else {
        const newer = mine.modified >= their.modified ? mine : their;
        merged.set(id, newer);
        if (JSON.stringify(mine) !== JSON.stringify(their)) conflicts.push({ mine, theirs: their });
      }
    }
    // Added here and not yet saved: kept. Not in the file and not new here: deleted outside.
    for (const [id, mine] of this.annotations) if (!theirs.has(id) && this.dirty.has(id)) merged.set(id, mine);
    this.annotations = merged;
    this.unreadable = parsed.unreadable;
    this.lastText = text;
    if (conflicts.length) this.onConflicts(conflicts);
    return conflicts;
  }

  /** Queues a save of the model as it is when the save runs. */
  private save(): Promise<void> {
    const done = this.queue.then(() => this.write());
    // A failed save must not stop the ones after it; the caller still sees the failure.
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Reads the file again, merges what changed there and writes the result: all under the file's lock, where there is one. */
  private async write(): Promise<void> {
    if (this.stateValue.kind === 'readOnly') throw new Error(this.stateValue.problem);
    if (this.fs.withLock) await this.fs.withLock(this.path, () => this.writeLocked());
    else await this.writeLocked();
  }

  private async writeLocked(): Promise<void> {
    // Changed outside since we last read or wrote it (the watcher has not told us yet, or another process saved just now): merge first, never overwrite.
    const read = await this.read();
    if (read.kind === 'tooLarge') {
      this.stateValue = { kind: 'readOnly', problem: read.problem, recovered: await this.saveAside() };
      throw new Error(read.problem);
    }
    const current = read.text;
    if (current !== undefined && current !== this.lastText) {
      this.mergeText(current);
      // mergeText may have found the file broken: then nothing is written.
      const state = this.stateValue as StoreState;
      if (state.kind === 'readOnly') {
        this.stateValue = { ...state, backup: await this.backUp(), recovered: await this.saveAside() };
        throw new Error(state.problem);
      }
    }
    // Never more entries than are read back: the next load would find the file too large and make annotations read-only.
    const entries = this.annotations.size + this.unreadable.length;
    if (entries > this.maxEntries) {
      throw new Error(`${this.path} would hold ${entries.toLocaleString('en')} entries, more than the ${this.maxEntries.toLocaleString('en')} an annotations file may hold; nothing was saved`);
    }
    // What this text holds: an edit or deletion made while it is being written is still to save afterwards.
    const written = new Map(this.annotations);
    const text = `${JSON.stringify(toCollection(this.all(), this.unreadable), null, 2)}\n`;
    // Never a file that would not be read back.
    if (text.length * 3 > this.maxBytes && new TextEncoder().encode(text).length > this.maxBytes) {
      throw new Error(`${tooLargeMessage(this.path, new TextEncoder().encode(text).length, this.maxBytes, 'an annotations file', 'would be')}; nothing was saved`);
    }
    const temporary = this.fs.temporaryPath(this.path);
    try {
      await this.fs.write(temporary, text);
      await this.fs.rename(temporary, this.path);
    } catch (error) {
      await this.fs.remove(temporary).catch(() => undefined);
      throw error;
    }
    this.lastText = text;
    // Only what was written is saved; the rest stays marked, or the next merge would take it as changed outside.
    for (const id of this.dirty) if (this.annotations.get(id) === written.get(id)) this.dirty.delete(id);
    for (const id of this.deleted) if (!written.has(id)) this.deleted.delete(id);
  }

  /** The file's text (undefined: there is none), or why it is not read. */
  private async read(): Promise<{ kind: 'text'; text: string | undefined } | { kind: 'tooLarge'; problem: string }> {
    const read = await this.fs.read(this.path, this.maxBytes);
    if (read.kind === 'tooLarge') {
      return { kind: 'tooLarge', problem: tooLargeMessage(this.path, read.bytes, this.maxBytes, 'an annotations file') };
    }
    return { kind: 'text', text: read.kind === 'text' ? read.text : undefined };
  }

  private assertWritable(): void {
    if (this.stateValue.kind === 'readOnly') throw new Error(`Annotations are read-only: ${this.stateValue.problem}`);
  }
}
