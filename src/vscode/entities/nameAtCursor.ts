import * as vscode from 'vscode';
import { ContextKey } from '../constants';
import { Disposable } from '../util/disposable';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import type { EntityService } from '../services/entities/entityService';

/** Keeps the context key annotatedReader.editorHasName: whether the active editor's cursor is on a highlighted name (the corrections are offered then). */
export class NameAtCursor extends Disposable {
  private last: boolean | undefined;

  constructor(
    private readonly documents: ArticleDocuments,
    entities: EntityService,
  ) {
    super();
    this.register(vscode.window.onDidChangeTextEditorSelection((event) => event.textEditor === vscode.window.activeTextEditor && this.update()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => event.document === vscode.window.activeTextEditor?.document && this.update()));
    // Corrections change which names there are.
    this.register(entities.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const onName = editor?.document.languageId === 'plaintext' && this.documents.get(editor.document)?.mentionAt(editor.selection.active) !== undefined;
    if (onName === this.last) return;
    this.last = onName;
    void vscode.commands.executeCommand('setContext', ContextKey.EditorHasName, onName);
  }
}
