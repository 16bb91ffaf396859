import * as vscode from 'vscode';

/** A tree's last row of a page: `Show more …`, how many of how many are shown, and the command that shows the next page. */
export function showMoreItem(what: string, id: string, shown: number, total: number, command: vscode.Command): vscode.TreeItem {
  const item = new vscode.TreeItem(`Show more ${what}`, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = command;
  return item;
}
