import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { describeError } from './fileAccess';

/** Whether a path relative to the walk's folder (`a/b.txt`, or `a/` for a folder) is included or excluded. */
type PathTest = (path: string) => boolean;

/**
 * Every file below `root` whose path relative to it matches `include` and not `exclude` (a folder is tested
 * as `path/`, and not entered if excluded). Folders that are symbolic links are not entered; files that are
 * are taken. A folder below the root that cannot be read is skipped with `warn`; the root itself throws.
 *
 * On disk, Node's `opendir` reads the folders, a few dozen entries at a time: VS Code's `findFiles` answered
 * with every file at once, and taking in its answer of 100,000 files held the extension host for 0.4-0.6 s.
 * Elsewhere (virtual workspaces) `workspace.fs` reads them.
 */
export async function walkFolder(root: vscode.Uri, include: PathTest, exclude: PathTest, warn: (message: string) => void): Promise<vscode.Uri[]> {
  return root.scheme === 'file' ? walkDisk(root, include, exclude, warn) : walkFileSystem(root, include, exclude, warn);
}

async function walkDisk(root: vscode.Uri, include: PathTest, exclude: PathTest, warn: (message: string) => void): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const visit = async (folder: string, relative: string): Promise<void> => {
    let entries: Awaited<ReturnType<typeof opendir>>;
    try {
      entries = await opendir(folder);
    } catch (error) {
      if (relative === '') throw error;
      warn(`Skipping ${folder}: ${describeError(error)}`);
      return;
    }
    const folders: [string, string][] = [];
    try {
      for await (const entry of entries) {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        const full = join(folder, entry.name);
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          // A link to a file counts as the file; a link to a folder is not followed (it may lead back up).
          isFile = await stat(full).then(
            (info) => info.isFile(),
            () => false,
          );
        } else if (entry.isDirectory()) {
          if (!exclude(`${path}/`)) folders.push([full, path]);
          continue;
        }
        if (isFile && include(path) && !exclude(path)) found.push(vscode.Uri.file(full));
      }
    } catch (error) {
      if (relative === '') throw error;
      warn(`Skipping part of ${folder}: ${describeError(error)}`);
    }
    for (const [full, path] of folders) await visit(full, path);
  };
  await visit(root.fsPath, '');
  return found;
}

async function walkFileSystem(root: vscode.Uri, include: PathTest, exclude: PathTest, warn: (message: string) => void): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const visit = async (folder: vscode.Uri, relative: string): Promise<void> => {
    let children: [string, vscode.FileType][];
    try {
      children = await vscode.workspace.fs.readDirectory(folder);
    } catch (error) {
      if (relative === '') throw error;
      warn(`Skipping ${folder.fsPath}: ${describeError(error)}`);
      return;
    }
    for (const [name, type] of children) {
      const path = relative ? `${relative}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (!exclude(`${path}/`) && !(type & vscode.FileType.SymbolicLink)) await visit(vscode.Uri.joinPath(folder, name), path);
      } else if (type & vscode.FileType.File && include(path) && !exclude(path)) {
        found.push(vscode.Uri.joinPath(folder, name));
      }
    }
  };
  await visit(root, '');
  return found;
}
