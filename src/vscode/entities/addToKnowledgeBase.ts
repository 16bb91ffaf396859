import * as vscode from 'vscode';
import { type KnowledgeBaseChange, editKnowledgeBase } from '../../core/entities/knowledgeBaseEdit';
import { RESTRICTED_ADD_MESSAGE } from '../../core/entities/knowledgeBaseTrust';
import { escapeThemeIcons } from '../../core/markdownText';
import { ENTITY_TYPES, ENTITY_TYPE_NAMES, type Entity, type EntityType } from '../../core/entities/types';
import { MAX_ENTITY_NAME_LENGTH } from '../../core/limits';
import { squashWhitespace } from '../../core/text';
import { config } from '../config';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import type { EntityService } from '../services/entities/entityService';
import { entityIcon } from '../services/entities/entityStyle';
import { editKnowledgeBaseFile } from './knowledgeBaseFile';

/** What the command is given: a name (from the reader or the Entities view), or nothing (the editor's selection or the name at the cursor). */
export interface AddToKnowledgeBaseArgs {
  readonly text?: string;
  readonly entityId?: string;
  /** The article the name was found in: its workspace folder's knowledge base is the one written. */
  readonly uri?: string;
}

/**
 * Add to Knowledge Base: asks whether the name is a new entity (its type,
 * canonical name and description) or another name of one the knowledge base
 * has, then writes the user's knowledge-base file. The file is re-read and
 * re-checked first; one that does not parse is left alone, with a message
 * naming it.
 */
export async function addToKnowledgeBase(
  arg: unknown,
  entities: EntityService,
  documents: ArticleDocuments,
  typeOf: (entityId: string) => EntityType | undefined,
): Promise<void> {
  if (!entities.canAdd) {
    // Hidden from the menus and cards in Restricted Mode; run anyway, it says why it does nothing.
    const choice = await vscode.window.showInformationMessage(RESTRICTED_ADD_MESSAGE, 'Manage Workspace Trust');
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const given = parseArgs(arg);
  const found = given ?? fromEditor(documents);
  const text = squashWhitespace(found?.text ?? '');
  if (!text) {
    void vscode.window.showInformationMessage('Select a name in an article (or put the cursor on one) to add it to the knowledge base.');
    return;
  }
  const near = found?.uri ? vscode.Uri.parse(found.uri) : vscode.window.activeTextEditor?.document.uri;
  const target = entities.writableKnowledgeBase(near);
  const file = target ?? (await chooseNewFile());
  if (!file) return;

  // The type the rules (or the knowledge base) gave the name is offered first.
  const guessType = found?.entityId ? typeOf(found.entityId) : undefined;
  const change = await askForChange(text, entities.knowledgeBaseEntities(), guessType);
  if (!change) return;

  const taken = new Set(entities.knowledgeBaseEntities().map((entity) => entity.id));
  if (!(await editKnowledgeBaseFile(file, (before) => editKnowledgeBase(before, change, taken), 'nothing was added'))) return;
  if (!target) await config.addKnowledgeBase(file.scheme === 'file' ? file.fsPath : file.toString());
  await entities.load();
  const what = change.kind === 'alias' ? `"${change.alias}" as a name of ${change.entity.name}` : `${change.name} (${ENTITY_TYPE_NAMES[change.type].toLowerCase()})`;
  void vscode.window.showInformationMessage(`Added ${what} to ${vscode.workspace.asRelativePath(file)}.`, 'Open File').then((choice) => {
    if (choice) void vscode.window.showTextDocument(file);
  });
}

function parseArgs(arg: unknown): AddToKnowledgeBaseArgs | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const record = arg as Record<string, unknown>;
  // An Entities view node: { kind: 'entity', entity: { id, name } }.
  if (record.kind === 'entity' && typeof record.entity === 'object' && record.entity !== null) {
    const entity = record.entity as Record<string, unknown>;
    return typeof entity.name === 'string' ? { text: entity.name.slice(0, MAX_ENTITY_NAME_LENGTH), entityId: typeof entity.id === 'string' ? entity.id : undefined } : undefined;
  }
  if (typeof record.text !== 'string') return undefined;
  return {
    text: record.text.slice(0, MAX_ENTITY_NAME_LENGTH),
    entityId: typeof record.entityId === 'string' ? record.entityId : undefined,
    uri: typeof record.uri === 'string' ? record.uri : undefined,
  };
}

/** The editor's selection, or the name under the cursor. */
function fromEditor(documents: ArticleDocuments): AddToKnowledgeBaseArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const uri = editor.document.uri.toString();
  if (!editor.selection.isEmpty) return { text: editor.document.getText(editor.selection).slice(0, MAX_ENTITY_NAME_LENGTH), uri };
  const mention = documents.get(editor.document)?.mentionAt(editor.selection.active);
  if (mention) return { text: mention.text, entityId: mention.entityId, uri };
  const word = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/u);
  return word ? { text: editor.document.getText(word), uri } : undefined;
}

type ChoiceItem = vscode.QuickPickItem & ({ readonly action: 'new' } | { readonly action: 'alias'; readonly entity: Entity });

async function askForChange(text: string, known: readonly Entity[], guessType: EntityType | undefined): Promise<KnowledgeBaseChange | undefined> {
  const items: ChoiceItem[] = [
    { action: 'new', label: `New entity "${escapeThemeIcons(text)}"…`, iconPath: new vscode.ThemeIcon('add'), detail: 'Give it a type, a canonical name and a description.', alwaysShow: true },
    { label: `Or add "${escapeThemeIcons(text)}" as another name of`, kind: vscode.QuickPickItemKind.Separator, action: 'new' },
    ...[...known]
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
      .map((entity): ChoiceItem => ({
        action: 'alias',
        entity,
        label: escapeThemeIcons(entity.name),
        iconPath: entityIcon(entity.type),
        description: ENTITY_TYPE_NAMES[entity.type],
        detail: entity.description ? escapeThemeIcons(entity.description) : undefined,
      })),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: `Add "${text}" to the Knowledge Base`,
    placeHolder: 'A new entity, or an existing one this is another name for',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  if (choice.action === 'alias') return { kind: 'alias', entity: choice.entity, alias: text };

  const typeItems = ENTITY_TYPES.map((type) => ({ type, label: ENTITY_TYPE_NAMES[type], iconPath: entityIcon(type), picked: type === guessType }));
  const ordered = guessType ? [...typeItems.filter((item) => item.type === guessType), ...typeItems.filter((item) => item.type !== guessType)] : typeItems;
  const type = await vscode.window.showQuickPick(ordered, { title: `Type of "${text}" (step 1 of 3)`, placeHolder: 'What kind of name is it?' });
  if (!type) return undefined;
  const name = await vscode.window.showInputBox({
    title: `Canonical name (step 2 of 3)`,
    prompt: 'The name the Entities view and hover cards show. The text found in the article becomes another name if it differs.',
    value: text,
    validateInput: (value) => (value.trim() === '' ? 'The canonical name cannot be empty.' : undefined),
  });
  if (name === undefined) return undefined;
  const description = await vscode.window.showInputBox({
    title: `Description (step 3 of 3)`,
    prompt: 'One English sentence, for example "Norwegian photographer." (optional)',
  });
  if (description === undefined) return undefined;
  return { kind: 'newEntity', name, type: type.type, description, aliases: [text] };
}

/** Without a workspace or a configured file: the user picks where their knowledge base lives. */
export async function chooseNewFile(): Promise<vscode.Uri | undefined> {
  const choice = await vscode.window.showInformationMessage(
    'There is no workspace folder to keep a knowledge base in. Choose a file for your knowledge base? It is added to the setting annotatedReader.knowledgeBases.',
    'Choose File…',
  );
  if (!choice) return undefined;
  return vscode.window.showSaveDialog({ title: 'Knowledge Base File', saveLabel: 'Use as Knowledge Base', filters: { 'Knowledge base': ['kb.json', 'json'] } });
}
