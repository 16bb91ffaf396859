/**
 * The annotations store on a local (or mounted) disk, with Node's fs: used
 * by the extension host for `file:` URIs and by the CLI, so both take the
 * same lock and write the same way.
 *
 * - The lock is `proper-lockfile`'s: a folder `<file>.lock` made with
 *   `mkdir`, which is atomic on every file system, network ones included.
 *   While held, its modification time is renewed every `update` ms; a lock
 *   not renewed for `stale` ms (its process was killed, or its machine is
 *   gone) is taken over. See LOCK_OPTIONS for the values chosen.
 * - Temporary files are `<file>.<pid>-<random>.tmp`, so two processes (even
 *   on two machines with the same pid) never write the same one.
 * - `rename` replaces the old file in one step (POSIX rename; MoveFileEx on
 *   Windows), so a reader finds the old file or the new one, never none.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { FileRead, StoreFileSystem } from '../core/annotations/store';

/**
 * - `stale` 15 s: a save holds the lock for milliseconds (read, merge,
 *   write, rename of a file of at most 64 MB: well under a second), but the
 *   lock is renewed by a timer, which a busy event loop can delay; 15 s is
 *   far beyond any save, and the longest a lock left by a killed process
 *   blocks others. (The library's minimum is 5 s.)
 * - `update` 3 s: five renewals before it would turn stale, so a renewal
 *   delayed once or twice (a busy machine, a slow network disk) does not
 *   lose the lock.
 * - `retries`: waiting starts at 25 ms and grows by half each time up to
 *   1 s a try, 45 tries, randomised so that processes started together do
 *   not retry in step: some 40–80 s in all. That is longer than `stale`, so
 *   a lock left behind is always taken over rather than failing the save;
 *   a save that still cannot lock fails with a message, and the annotations
 *   stay in memory for the next save.
 */
export const LOCK_OPTIONS = {
  stale: 15_000,
  update: 3_000,
  retries: { retries: 45, factor: 1.5, minTimeout: 25, maxTimeout: 1_000, randomize: true },
} as const;

/** Locks held by this process whose renewal failed (`onCompromised`): a save under one must not rename. */
const compromised = new Map<string, Error>();

/** A unique temporary path beside `path`: the process id and 8 random bytes. Also valid appended to a URI. */
export function temporaryPath(path: string): string {
  return `${path}.${process.pid}-${randomBytes(8).toString('hex')}.tmp`;
}

/** Reads a file as UTF-8, unless it has more than `maxBytes` bytes (checked on the open file, before reading). */
export async function readBounded(path: string, maxBytes: number): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'tooLarge', bytes: size };
    return { kind: 'text', text: await handle.readFile('utf8') };
  } finally {
    await handle.close();
  }
}

/** Runs `work` holding the cross-process lock of `path` (a file that need not exist yet; its folder is made). */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // One lock for one file, however it is reached (a symbolic link to the folder, a relative path).
  const target = join(await realpath(folder), basename(path));
  let release: () => Promise<void>;
  try {
    release = await lock(target, {
      ...LOCK_OPTIONS,
      retries: { ...LOCK_OPTIONS.retries },
      realpath: false,
      onCompromised: (error) => void compromised.set(target, error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(`${path} is locked by another process (${target}.lock has been kept fresh for longer than a save takes); nothing was saved, try again`, { cause: error });
    }
    throw error;
  }
  compromised.delete(target);
  try {
    return await work();
  } finally {
    const lost = compromised.get(target);
    compromised.delete(target);
    // A lost lock cannot be released (another process may hold it now); that is no error of the work's.
    if (!lost) await release().catch(() => undefined);
  }
}

/** The store's file system for plain paths (the CLI); the extension maps `file:` URIs onto it. */
export const nodeStoreFileSystem: StoreFileSystem = {
  read: readBounded,
  async write(path, text) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  },
  async rename(from, to) {
    // Under a lock lost meanwhile (renewal failed: another process may hold it now), the file is not replaced.
    const target = join(await realpath(dirname(to)), basename(to));
    const lost = compromised.get(target);
    if (lost) throw new Error(`the lock of ${to} was lost while saving (${lost.message}); not saved, the next save tries again`);
    await rename(from, to);
  },
  async copy(from, to) {
    await copyFile(from, to, constants.COPYFILE_EXCL);
  },
  async remove(path) {
    await rm(path, { force: true });
  },
  temporaryPath,
  withLock: withFileLock,
};
