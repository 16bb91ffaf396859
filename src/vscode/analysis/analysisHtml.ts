import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Folders the analysis webview may load from: its bundle and its stylesheet, nothing else. */
export function analysisResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'analysis'), vscode.Uri.joinPath(extensionUri, 'media', 'analysis')];
}

/**
 * The analysis panel's static shell, under the reader's rules: no inline script (one bundle, by nonce), styles
 * from the extension's own stylesheet only. The charts draw on canvas and set sizes through the CSSOM, which
 * the policy allows. Cytoscape would add a one-rule `<style>` of its own (position: relative, which the
 * stylesheet already gives the container): the empty placeholder with its id tells it one is there, so
 * nothing is blocked and no 'unsafe-inline' is needed.
 */
export function analysisHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <template id="__________cytoscape_stylesheet"></template>
  <link rel="stylesheet" href="${asset('media', 'analysis', 'analysis.css')}">
  <title>Annotated Reader: Analysis</title>
</head>
<body>
  <main id="analysis" class="analysis" aria-busy="true"></main>
  <script nonce="${nonce}" src="${asset('dist', 'analysis', 'analysis.js')}"></script>
</body>
</html>`;
}
