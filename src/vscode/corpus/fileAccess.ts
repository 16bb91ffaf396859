import { open, stat } from 'node:fs/promises';
import * as vscode from 'vscode';

/** What reading a file gave: its bytes, or why there are none. */
export type ReadResult =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly stamp: string }
  | { readonly kind: 'folder' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * What tells one version of a file from another without reading it: its modification time and size
 * (as VS Code's own file watcher and editors do). A saved entry with the file's stamp is still right.
 */
function stampOf(mtime: number, size: number): string {
  return `${mtime}:${size}`;
}

/** The size a stamp records. */
export function sizeInStamp(stamp: string): number {
  return Number(stamp.slice(stamp.lastIndexOf(':') + 1));
}

/** The file's stamp (see `stampOf`), or undefined when it is not a readable file. */
export async function statStamp(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if (uri.scheme === 'file') {
      const info = await stat(uri.fsPath);
      return info.isFile() ? stampOf(info.mtimeMs, info.size) : undefined;
    }
    const info = await vscode.workspace.fs.stat(uri);
    return info.type & vscode.FileType.File ? stampOf(info.mtime, info.size) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a file unless it is larger than `maxBytes`.
 *
 * Files on disk (`file:` URIs) are read with Node's fs in the extension host:
 * measured here in code-server, 3,000 reads took 1,887 ms through
 * `workspace.fs` (942 ms with 64 in flight) and 36 ms with Node, which is the
 * difference between seconds and minutes for a corpus of 100,000 files. Every
 * other scheme (virtual and remote file systems) goes through `workspace.fs`.
 */
export async function readFileBytes(uri: vscode.Uri, maxBytes: number): Promise<ReadResult> {
  return uri.scheme === 'file' ? readFromDisk(uri.fsPath, maxBytes) : readThroughWorkspace(uri, maxBytes);
}

async function readFromDisk(path: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) return { kind: 'folder' };
    if (info.size > maxBytes) return { kind: 'tooLarge', size: info.size };
    return { kind: 'bytes', bytes: await handle.readFile(), stamp: stampOf(info.mtimeMs, info.size) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'folder' };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'error', message: 'permission denied.' };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle?.close();
  }
}

async function readThroughWorkspace(uri: vscode.Uri, maxBytes: number): Promise<ReadResult> {
  try {
    const info = await vscode.workspace.fs.stat(uri);
    if (info.type & vscode.FileType.Directory) return { kind: 'folder' };
    if (info.size > maxBytes) return { kind: 'tooLarge', size: info.size };
    return { kind: 'bytes', bytes: await vscode.workspace.fs.readFile(uri), stamp: stampOf(info.mtime, info.size) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) {
      return { kind: 'missing' };
    }
    return { kind: 'error', message: describeError(error) };
  }
}

export function describeError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    switch (error.code) {
      case 'FileNotFound':
      case 'EntryNotFound':
        return 'it does not exist (any more).';
      case 'NoPermissions':
        return 'permission denied.';
      case 'Unavailable':
        return 'the file system is unavailable.';
    }
  }
  return error instanceof Error ? error.message : String(error);
}
