import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** What a webview's page is made of: its own files only (paths in the extension), one script, one element to draw in. */
export interface WebviewShell {
  readonly title: string;
  readonly styles: readonly (readonly string[])[];
  readonly script: readonly string[];
  /** The element the script draws in: its id and class, busy until the script has drawn. */
  readonly root: { readonly id: string; readonly className: string };
  /** Static markup of our own for the head (never text from the corpus or the user). */
  readonly head?: string;
}

/**
 * A webview's static page under the extension's rules: a content security policy that allows the extension's
 * own styles, fonts and images and one script by a fresh crypto nonce, and nothing inline.
 */
export function webviewShell(webview: vscode.Webview, extensionUri: vscode.Uri, shell: WebviewShell): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (path: readonly string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = shell.styles.map((path) => `  <link rel="stylesheet" href="${asset(path)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${shell.head ? `  ${shell.head}\n` : ''}${styles}
  <title>${shell.title}</title>
</head>
<body>
  <main id="${shell.root.id}" class="${shell.root.className}" aria-busy="true"></main>
  <script nonce="${nonce}" src="${asset(shell.script)}"></script>
</body>
</html>`;
}
