import * as vscode from 'vscode';
import { MAX_SAVED_INDEX_BYTES, tooLargeMessage } from '../../core/limits';
import { describeError } from '../corpus/fileAccess';

/** The saved index's file, in the folder VS Code gives the extension for this workspace. */
const FILE_NAME = 'corpus-index.bin';

export type StoreRead = { readonly kind: 'bytes'; readonly bytes: Uint8Array } | { readonly kind: 'none' } | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Where a window keeps its corpus's indexes between sessions: `ExtensionContext.storageUri` (one folder
 * per workspace), or the global storage when no folder is open (the sample corpus). Written to a
 * temporary file and renamed over the old one, so a window that stops mid-write leaves the old file whole
 * and two windows on one workspace each leave a whole file (the last one wins).
 */
export class IndexStore {
  constructor(private readonly folder: vscode.Uri) {}

  get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, FILE_NAME);
  }

  async read(): Promise<StoreRead> {
    try {
      const stat = await vscode.workspace.fs.stat(this.file);
      if (stat.size > MAX_SAVED_INDEX_BYTES) return { kind: 'unreadable', reason: tooLargeMessage('it', stat.size, MAX_SAVED_INDEX_BYTES, 'a saved index') };
      return { kind: 'bytes', bytes: await vscode.workspace.fs.readFile(this.file) };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return { kind: 'none' };
      return { kind: 'unreadable', reason: describeError(error) };
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const temporary = vscode.Uri.joinPath(this.folder, `${FILE_NAME}.${process.pid}.tmp`);
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, this.file, { overwrite: true });
  }

  /** Deletes the saved index; whether there was one. */
  async delete(): Promise<boolean> {
    try {
      await vscode.workspace.fs.delete(this.file);
      return true;
    } catch (error) {
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return false;
      throw error;
    }
  }
}
