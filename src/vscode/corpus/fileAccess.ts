import { open } from 'node:fs/promises';
import * as vscode from 'vscode';

/** What reading a file gave: its bytes, or why there are none. */
export type ReadResult =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'folder' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'error'; readonly message: string };

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
    const stat = await handle.stat();
    if (stat.isDirectory()) return { kind: 'folder' };
    if (stat.size > maxBytes) return { kind: 'tooLarge', size: stat.size };
    return { kind: 'bytes', bytes: await handle.readFile() };
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
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'folder' };
    if (stat.size > maxBytes) return { kind: 'tooLarge', size: stat.size };
    return { kind: 'bytes', bytes: await vscode.workspace.fs.readFile(uri) };
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
