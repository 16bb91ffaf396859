/**
 * The annotations store's file system in the extension. Files on disk go
 * through src/node/storeFiles.ts (Node's fs and a lock across processes,
 * the same as the CLI's): Node's rename replaces the old file in one step,
 * while `workspace.fs.rename` with `overwrite` deletes the old file first (VS
 * Code's file service does), so for a moment there would be no file at all.
 * Other schemes (remote, virtual) go through `workspace.fs`, the only way
 * there; it has no lock, so a save there relies on merging what it reads
 * just before it writes.
 */
import * as vscode from 'vscode';
import type { FileRead, StoreFileSystem } from '../../../core/annotations/store';
import { nodeStoreFileSystem, temporaryPath } from '../../../node/storeFiles';

/** The file system for the store of the file `uri` (whose paths are URI strings). */
export function storeFileSystemFor(uri: vscode.Uri): StoreFileSystem {
  return uri.scheme === 'file' ? onDisk : workspaceFileSystem;
}

const fsPath = (path: string) => vscode.Uri.parse(path, true).fsPath;

const onDisk: StoreFileSystem = {
  read: (path, maxBytes) => nodeStoreFileSystem.read(fsPath(path), maxBytes),
  write: (path, text) => nodeStoreFileSystem.write(fsPath(path), text),
  rename: (from, to) => nodeStoreFileSystem.rename(fsPath(from), fsPath(to)),
  copy: (from, to) => nodeStoreFileSystem.copy(fsPath(from), fsPath(to)),
  remove: (path) => nodeStoreFileSystem.remove(fsPath(path)),
  temporaryPath,
  withLock: (path, work) => (nodeStoreFileSystem.withLock as NonNullable<StoreFileSystem['withLock']>)(fsPath(path), work),
};

const workspaceFileSystem: StoreFileSystem = {
  async read(path, maxBytes): Promise<FileRead> {
    const uri = vscode.Uri.parse(path, true);
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > maxBytes) return { kind: 'tooLarge', bytes: size };
      return { kind: 'text', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { kind: 'missing' };
      throw error;
    }
  },
  async write(path, text) {
    const uri = vscode.Uri.parse(path, true);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  },
  rename: (from, to) => Promise.resolve(vscode.workspace.fs.rename(vscode.Uri.parse(from, true), vscode.Uri.parse(to, true), { overwrite: true })),
  copy: (from, to) => Promise.resolve(vscode.workspace.fs.copy(vscode.Uri.parse(from, true), vscode.Uri.parse(to, true), { overwrite: false })),
  remove: (path) => Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.parse(path, true))),
  temporaryPath,
};
