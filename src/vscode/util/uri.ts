import * as vscode from 'vscode';

/** Parses a URI string strictly; `undefined` for anything that is not one. */
export function parseUri(value: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(value, true);
  } catch {
    return undefined;
  }
}
