import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../../core/entities/types';
import { config } from '../config';
import { ContextKey } from '../constants';
import { Disposable } from '../util/disposable';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import type { EntityService } from '../services/entities/entityService';
import { ENTITY_TYPE_STYLE } from '../services/entities/entityStyle';

/** Typing pauses this long before the highlights follow the text. */
const UPDATE_DELAY_MS = 250;

/**
 * Highlights the names in article files opened as text, in the reader's
 * colour for each type: an underline, so the editor's own selection,
 * find and bracket highlights stay readable (setting
 * `annotatedReader.editor.highlightEntities`). Also tells menus whether the
 * active editor holds an article.
 */
export class EditorDecorations extends Disposable {
  private readonly types: Record<EntityType, vscode.TextEditorDecorationType>;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly documents: ArticleDocuments,
    entities: EntityService,
  ) {
    super();
    this.types = Object.fromEntries(
      ENTITY_TYPES.map((type) => [
        type,
        this.register(
          vscode.window.createTextEditorDecorationType({
            borderWidth: '0 0 2px 0',
            borderStyle: 'solid',
            borderColor: new vscode.ThemeColor(ENTITY_TYPE_STYLE[type].color),
            overviewRulerColor: new vscode.ThemeColor(ENTITY_TYPE_STYLE[type].color),
            overviewRulerLane: vscode.OverviewRulerLane.Right,
          }),
        ),
      ]),
    ) as Record<EntityType, vscode.TextEditorDecorationType>;
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()));
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === event.document)) this.scheduleUpdate();
      }),
    );
    this.register(entities.onDidChange(() => this.updateAll()));
    // The corpus typed some rule-found names otherwise: their colour follows.
    this.register(entities.onDidChangeCorpusTypes(() => this.updateAll()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (config.affects(event, 'editor.highlightEntities')) this.updateAll();
      }),
    );
    this.updateAll();
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.updateAll(), UPDATE_DELAY_MS);
  }

  private updateAll(): void {
    const enabled = config.editorHighlights();
    for (const editor of vscode.window.visibleTextEditors) this.update(editor, enabled);
    this.updateContext();
  }

  /** Whether the active editor holds an article: the editor's context menu offers Add to Knowledge Base only then. */
  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isArticle = document?.languageId === 'plaintext' && this.documents.get(document) !== undefined;
    void vscode.commands.executeCommand('setContext', ContextKey.EditorIsArticle, isArticle);
  }

  private update(editor: vscode.TextEditor, enabled: boolean): void {
    const article = enabled && editor.document.languageId === 'plaintext' ? this.documents.get(editor.document) : undefined;
    const ranges = new Map<EntityType, vscode.Range[]>(ENTITY_TYPES.map((type) => [type, []]));
    for (const mention of article?.mentions ?? []) ranges.get(mention.type)?.push(article?.range(mention.start, mention.end) as vscode.Range);
    for (const type of ENTITY_TYPES) editor.setDecorations(this.types[type], ranges.get(type) ?? []);
  }
}
