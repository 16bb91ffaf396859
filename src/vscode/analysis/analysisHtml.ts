import * as vscode from 'vscode';
import { webviewShell } from '../util/webviewShell';

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
  return webviewShell(webview, extensionUri, {
    title: 'Annotated Reader: Analysis',
    head: '<template id="__________cytoscape_stylesheet"></template>',
    styles: [['media', 'analysis', 'analysis.css']],
    script: ['dist', 'analysis', 'analysis.js'],
    root: { id: 'analysis', className: 'analysis' },
  });
}
