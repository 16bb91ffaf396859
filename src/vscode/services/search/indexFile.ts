/**
 * Reading and writing a saved index file on disk (Node's fs): used in the search worker, which holds the
 * search index and does the encoding and decoding there, and in the extension host when no worker runs.
 */
import { readFile, rename, stat, writeFile, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_SAVED_INDEX_BYTES, tooLargeMessage } from '../../../core/limits';
import { type DecodedIndexSnapshot, type IndexSnapshot, decodeIndexSnapshot, encodeIndexSnapshot } from '../../../core/persist/indexSnapshot';

export type IndexFileRead = { readonly kind: 'none' } | { readonly kind: 'unreadable'; readonly reason: string } | (DecodedIndexSnapshot & { readonly kind: 'decoded'; readonly bytes: number });

/** Reads and decodes a saved index (`buildId`: the build it must be from). Never throws. */
export async function readIndexFile(path: string, buildId: string): Promise<IndexFileRead> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > MAX_SAVED_INDEX_BYTES) return { kind: 'unreadable', reason: tooLargeMessage('it', info.size, MAX_SAVED_INDEX_BYTES, 'a saved index') };
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  return { kind: 'decoded', bytes: bytes.byteLength, ...decodeIndexSnapshot(bytes, buildId) };
}

/**
 * Encodes and writes a saved index: to a temporary file renamed over the old one, so that a window that
 * stops mid-write leaves the old file whole. Returns the size written, or why nothing was (too large).
 */
export async function writeIndexFile(path: string, snapshot: IndexSnapshot): Promise<{ readonly bytes: number } | { readonly refused: string }> {
  const bytes = encodeIndexSnapshot(snapshot);
  if (bytes.byteLength > MAX_SAVED_INDEX_BYTES) return { refused: tooLargeMessage('it', bytes.byteLength, MAX_SAVED_INDEX_BYTES, 'a saved index') };
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { bytes: bytes.byteLength };
}
