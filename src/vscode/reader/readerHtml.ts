import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

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
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('dist', 'webview', 'codicons', 'codicon.css')}">
  <link rel="stylesheet" href="${asset('media', 'reader', 'reader.css')}">
  <title>Annotated Reader</title>
</head>
<body>
  <main id="reader" class="reader" aria-busy="true"></main>
  <script nonce="${nonce}" src="${asset('dist', 'webview', 'reader.js')}"></script>
</body>
</html>`;
}
