import * as os from 'node:os';
import * as vscode from 'vscode';

/** Parses a URI string strictly; `undefined` for anything that is not one. */
export function parseUri(value: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(value, true);
  } catch {
    return undefined;
  }
}

/**
 * A path from a setting as a URI: a URI itself (`vscode-remote://…`), an
 * absolute path, `~/…`, or a path relative to the first workspace folder.
 * Otherwise the reason it cannot be used.
 */
export function resolveSettingPath(raw: string): { readonly uri: vscode.Uri } | { readonly problem: string } {
  const path = raw.trim().replace(/^~(?=$|[/\\])/, os.homedir());
  // A URI, not a Windows drive letter.
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(path)) {
    const uri = parseUri(path);
    return uri ? { uri } : { problem: 'it is not a valid URI' };
  }
  if (/^([a-zA-Z]:)?[/\\]/.test(path)) return { uri: vscode.Uri.file(path) };
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  return base ? { uri: vscode.Uri.joinPath(base, path) } : { problem: 'a relative path needs an open workspace folder' };
}
