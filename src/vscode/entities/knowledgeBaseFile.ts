import * as vscode from 'vscode';
import type { EditResult } from '../../core/entities/knowledgeBaseEdit';
import { MAX_KNOWLEDGE_BASE_BYTES, tooLargeMessage } from '../../core/limits';

/**
 * Changes the user's knowledge-base file: read again first (it may have
 * changed since it was loaded), refused when it is too large, does not read,
 * has unsaved changes in an editor or does not parse (the message names the
 * file and says `unchanged`, such as "nothing was added"), and written through
 * a temporary file. Resolves with the edit once written, else undefined.
 */
export async function editKnowledgeBaseFile(file: vscode.Uri, edit: (before: string | undefined) => EditResult, unchanged: string): Promise<(EditResult & { ok: true }) | undefined> {
  const name = vscode.workspace.asRelativePath(file);
  let before: string | undefined;
  try {
    const { size } = await vscode.workspace.fs.stat(file);
    if (size > MAX_KNOWLEDGE_BASE_BYTES) {
      void vscode.window.showErrorMessage(`Annotated Reader: ${tooLargeMessage(name, size, MAX_KNOWLEDGE_BASE_BYTES, 'a knowledge base')}; ${unchanged}.`);
      return undefined;
    }
    before = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
      void vscode.window.showErrorMessage(`Annotated Reader: ${name} cannot be read (${errorText(error)}); ${unchanged}.`);
      return undefined;
    }
  }
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === file.toString());
  if (open?.isDirty) {
    void vscode.window.showErrorMessage(`Annotated Reader: ${name} has unsaved changes. Save or revert them, then try again; ${unchanged}.`);
    return undefined;
  }
  const result = edit(before);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Annotated Reader: ${name} was not changed: ${result.reason}.`, 'Open File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(file);
    });
    return undefined;
  }
  try {
    await writeReplacing(file, result.text);
  } catch (error) {
    void vscode.window.showErrorMessage(`Annotated Reader: could not write ${name} (${errorText(error)}); ${unchanged}.`);
    return undefined;
  }
  return result;
}

/** Writes next to the file, then renames over it: a failed write never leaves half a file. */
async function writeReplacing(file: vscode.Uri, text: string): Promise<void> {
  const temporary = file.with({ path: `${file.path}.${process.pid}-${Date.now()}.tmp` });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
