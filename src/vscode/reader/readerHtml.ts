import * as vscode from 'vscode';
import { webviewShell } from '../util/webviewShell';

/** Folders the reader webview may load from: its bundle (with codicons) and the stylesheet. */
export function readerResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'reader')];
}

/**
 * The reader's static shell. Everything else is rendered by the webview's
 * script from the article it is sent, as DOM nodes with text content: no
 * article text ever passes through HTML.
 */
export function readerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewShell(webview, extensionUri, {
    title: 'Annotated Reader',
    styles: [
      ['dist', 'webview', 'codicons', 'codicon.css'],
      ['media', 'reader', 'reader.css'],
    ],
    script: ['dist', 'webview', 'reader.js'],
    root: { id: 'reader', className: 'reader' },
  });
}
