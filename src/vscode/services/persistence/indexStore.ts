import * as vscode from 'vscode';

/** The saved index's file, in the folder VS Code gives the extension for this workspace. */
const FILE_NAME = 'corpus-index.bin';

/**
 * Where a window keeps its corpus's indexes between sessions: `ExtensionContext.storageUri` (one folder
 * per workspace), or the global storage when no folder is open (the sample corpus). The search worker
 * reads and writes the file (`indexFile.ts`): written to a temporary file and renamed over the old one,
 * so a window that stops mid-write leaves the old file whole and two windows on one workspace each leave
 * a whole file (the last one wins).
 */
export class IndexStore {
  constructor(private readonly folder: vscode.Uri) {}

  get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, FILE_NAME);
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
