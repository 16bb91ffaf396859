import * as vscode from 'vscode';
import { type Correction, applyCorrection, describeCorrection, locateFix, nameDistance } from '../../core/entities/corrections';
import { RESTRICTED_CORRECTION_MESSAGE } from '../../core/entities/knowledgeBaseTrust';
import { ENTITY_TYPES, ENTITY_TYPE_NAMES, type Entity, type EntityMention, type EntityType } from '../../core/entities/types';
import { escapeThemeIcons } from '../../core/markdownText';
import { foldForMatching, squashWhitespace } from '../../core/text';
import { config } from '../config';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { CorpusService } from '../services/corpus/corpusService';
import { chooseNewFile } from './addToKnowledgeBase';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import type { EntityService } from '../services/entities/entityService';
import { entityIcon } from '../services/entities/entityStyle';
import { editKnowledgeBaseFile } from './knowledgeBaseFile';

export type CorrectionKind = Correction['kind'];

export interface CorrectionServices {
  readonly entities: EntityService;
  readonly documents: ArticleDocuments;
  readonly indexer: CorpusIndexService;
  readonly corpus: CorpusService;
}

/** What the reader sends (through the Correct Name command): a mention of the article it shows. */
export interface CorrectMentionArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly entityId: string;
}

/** The name to correct, as recognition found it (never as a caller claims it). */
interface Subject {
  readonly entityId: string;
  /** The mention's text; from the Entities view, the entity's name. */
  readonly text: string;
  readonly type: EntityType;
  /** The knowledge base's entity, if it has one. */
  readonly known: Entity | undefined;
  /** One mention in an article, for fixing the span (from the Entities view: the first in the corpus). */
  readonly occurrence: { readonly uri: vscode.Uri; readonly text: string; readonly start: number; readonly end: number } | undefined;
  /** From the Entities view: the whole entity (each of its names), else the one mention. */
  readonly whole: boolean;
}

const KINDS: readonly { readonly kind: CorrectionKind; readonly label: string; readonly icon: string; readonly detail: string }[] = [
  { kind: 'changeType', label: 'Change Type…', icon: 'symbol-class', detail: 'A person, an organisation, a place, an event or another name' },
  { kind: 'fixSpan', label: 'Fix Name…', icon: 'edit', detail: 'Fewer or more words: "Pep Guardiola", not "Manager Pep Guardiola"' },
  { kind: 'merge', label: 'Merge Into…', icon: 'merge', detail: 'Another name of an entity the corpus or the knowledge base has' },
  { kind: 'notName', label: 'Not a Name', icon: 'circle-slash', detail: 'Never highlight this text as a name' },
];

/**
 * Corrects a name: from an Entities view node, a mention the reader shows
 * (`CorrectMentionArgs`), or the name at the editor's cursor. `kind`
 * undefined asks which correction first. The correction is written to the
 * user's knowledge-base file, and the knowledge bases are read again, so
 * every reader, hover and view shows it at once.
 */
export async function correctName(kind: CorrectionKind | undefined, arg: unknown, services: CorrectionServices): Promise<void> {
  const { entities } = services;
  if (!entities.canAdd) {
    const choice = await vscode.window.showInformationMessage(RESTRICTED_CORRECTION_MESSAGE, 'Manage Workspace Trust');
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const subject = await resolveSubject(arg, services);
  if (!subject) {
    void vscode.window.showInformationMessage('Put the cursor on a highlighted name in an article (or pick one in the Entities view) to correct it.');
    return;
  }
  const asked = kind ? { kind, release: () => undefined } : await askKind(subject);
  if (!asked) return;
  const chosen = asked.kind;
  // The next step is asked for while the first is still shown, then the first is let go: the next one takes
  // its place in one hand-over. Closing it first hands focus back to the reader for a moment, and a webview
  // taking it back late closes the next step (seen on a busy machine).
  const asking = askCorrection(chosen, subject, services);
  asked.release();
  const correction = await asking;
  if (!correction) return;

  // A type is changed where the user's entity is defined; everything else goes to the workspace's own file.
  const definedIn = chosen === 'changeType' ? entities.fileOf(subject.entityId) : undefined;
  const target = definedIn ?? entities.writableKnowledgeBase(subject.occurrence?.uri ?? vscode.window.activeTextEditor?.document.uri);
  const file = target ?? (await chooseNewFile());
  if (!file) return;
  const knowledgeBase = entities.merged;
  if (!(await editKnowledgeBaseFile(file, (before) => applyCorrection(before, correction, knowledgeBase), 'nothing was corrected'))) return;
  if (!target) await config.addKnowledgeBase(file.scheme === 'file' ? file.fsPath : file.toString());
  await entities.load();
  void vscode.window.showInformationMessage(`Corrected: ${describeCorrection(correction)} (in ${vscode.workspace.asRelativePath(file)}).`, 'Open File').then((choice) => {
    if (choice) void vscode.window.showTextDocument(file);
  });
}

async function resolveSubject(arg: unknown, services: CorrectionServices): Promise<Subject | undefined> {
  const record = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : undefined;
  // An Entities view node: { kind: 'entity', entity: { id, … } }; only its id is taken, and only if the index has it.
  if (record?.kind === 'entity' && typeof record.entity === 'object' && record.entity !== null) {
    const id = (record.entity as Record<string, unknown>).id;
    const indexed = typeof id === 'string' ? services.indexer.entities.entity(id) : undefined;
    if (!indexed) return undefined;
    return { entityId: indexed.id, text: indexed.name, type: indexed.type, known: services.entities.knowledgeBaseEntity(indexed.id), occurrence: await firstOccurrence(indexed.id, services), whole: true };
  }
  // A mention the reader shows: checked against what the recogniser finds in that article now.
  if (record && typeof record.uri === 'string' && typeof record.entityId === 'string' && Number.isInteger(record.start) && Number.isInteger(record.end)) {
    const entry = services.corpus.corpus.get(record.uri);
    if (entry?.kind !== 'article') return undefined;
    const uri = vscode.Uri.parse(record.uri, true);
    const outcome = await services.corpus.readArticle(uri);
    if (outcome.kind !== 'article') return undefined;
    const { text } = outcome.article;
    const mention = services.entities.mentionsIn(text).find((m) => m.start === record.start && m.end === record.end && m.entityId === record.entityId);
    return mention && fromMention(mention, uri, text, services);
  }
  const editor = vscode.window.activeTextEditor;
  const article = editor && services.documents.get(editor.document);
  const mention = editor && article?.mentionAt(editor.selection.active);
  return mention && editor && article ? fromMention(mention, editor.document.uri, article.article.text, services) : undefined;
}

function fromMention(mention: EntityMention, uri: vscode.Uri, text: string, services: CorrectionServices): Subject {
  return {
    entityId: mention.entityId,
    text: squashWhitespace(mention.text),
    type: mention.type,
    known: services.entities.knowledgeBaseEntity(mention.entityId),
    occurrence: { uri, text, start: mention.start, end: mention.end },
    whole: false,
  };
}

/** The entity's first mention in the corpus, in corpus order. */
async function firstOccurrence(id: string, services: CorrectionServices): Promise<Subject['occurrence']> {
  const corpus = services.corpus.corpus;
  const uris = [...services.indexer.entities.articlesMentioning(id)].sort((a, b) => corpus.indexOf(a) - corpus.indexOf(b));
  for (const uri of uris.slice(0, 5)) {
    const outcome = await services.corpus.readArticle(vscode.Uri.parse(uri, true));
    if (outcome.kind !== 'article') continue;
    const [first] = services.indexer.entities.mentionsIn(uri, id).filter((m) => m.end <= outcome.article.text.length);
    if (first) return { uri: vscode.Uri.parse(uri, true), text: outcome.article.text, start: first.start, end: first.end };
  }
  return undefined;
}

type KindItem = vscode.QuickPickItem & { readonly correction: CorrectionKind };

/** Which correction; the quick pick stays open (busy) after the choice, until `release`. */
function askKind(subject: Subject): Promise<{ readonly kind: CorrectionKind; readonly release: () => void } | undefined> {
  const pick = vscode.window.createQuickPick<KindItem>();
  pick.title = `Correct "${subject.text}"`;
  pick.placeholder = `${ENTITY_TYPE_NAMES[subject.type]}${subject.known ? '' : ', found by the rules'}: what is wrong with it?`;
  pick.items = KINDS.map((k) => ({ correction: k.kind, label: k.label, iconPath: new vscode.ThemeIcon(k.icon), detail: k.detail }));
  return new Promise((resolve) => {
    let chosen = false;
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (!item || chosen) return;
      chosen = true;
      pick.busy = true;
      pick.enabled = false;
      resolve({ kind: item.correction, release: () => pick.dispose() });
    });
    pick.onDidHide(() => {
      if (chosen) return;
      pick.dispose();
      resolve(undefined);
    });
    pick.show();
  });
}

async function askCorrection(kind: CorrectionKind, subject: Subject, services: CorrectionServices): Promise<Correction | undefined> {
  const { text } = subject;
  switch (kind) {
    case 'changeType': {
      const type = await pickType(`Change Type of "${text}"`, `Now ${ENTITY_TYPE_NAMES[subject.type].toLowerCase()}: what is it?`, subject.type, true);
      return type && { kind, entityId: subject.entityId, name: subject.known?.name ?? text, type };
    }
    case 'fixSpan': {
      const occurrence = subject.occurrence;
      if (!occurrence) {
        void vscode.window.showInformationMessage(`"${text}" is not in an article that can be read now, so its name cannot be fixed here.`);
        return undefined;
      }
      const found = occurrence.text.slice(occurrence.start, occurrence.end);
      const right = await vscode.window.showInputBox({
        title: `Fix Name "${text}"${subject.known ? '' : ' (step 1 of 2)'}`,
        prompt: `The name as it should be: part of "${text}", or it with the words around it. "${squashWhitespace(found)}" is then not taken for a name.`,
        value: squashWhitespace(found),
        validateInput: (value) => {
          const located = locateFix(occurrence.text, occurrence.start, occurrence.end, value);
          return 'problem' in located ? located.problem : undefined;
        },
      });
      if (right === undefined) return undefined;
      const located = locateFix(occurrence.text, occurrence.start, occurrence.end, right);
      if ('problem' in located) return undefined;
      const rightText = squashWhitespace(occurrence.text.slice(located.start, located.end));
      // A knowledge-base entity keeps its type under the right name; a name the rules found is given one.
      const type = subject.known ? subject.known.type : await pickType(`Type of "${rightText}" (step 2 of 2)`, 'What kind of name is it?', subject.type, false);
      return type && { kind, entityId: subject.entityId, wrong: squashWhitespace(found), right: rightText, type };
    }
    case 'merge': {
      const target = await pickTarget(subject, services);
      if (!target) return undefined;
      const forms = subject.whole && subject.known ? [subject.known.name, ...subject.known.aliases] : [text];
      return { kind, forms, target, ...(subject.whole && subject.known ? { sourceId: subject.known.id } : {}) };
    }
    case 'notName': {
      const forms = subject.whole && subject.known ? [subject.known.name, ...subject.known.aliases] : [text];
      // An entity's every name is more than the one text the user looked at: they confirm it.
      if (forms.length > 1) {
        const listed = forms.slice(0, 8).map((form) => `"${form}"`).join(', ') + (forms.length > 8 ? ` and ${forms.length - 8} more` : '');
        const choice = await vscode.window.showWarningMessage(`Never take ${listed} for a name?`, { modal: true, detail: `All ${forms.length} names of ${subject.known?.name ?? text} are written to your knowledge base as not names.` }, 'Not a Name');
        if (choice !== 'Not a Name') return undefined;
      }
      return { kind, forms };
    }
  }
}

/** The types, the current one last (`exclude`: left out) or first (`current` is a default). */
async function pickType(title: string, placeHolder: string, current: EntityType, exclude: boolean): Promise<EntityType | undefined> {
  const items = ENTITY_TYPES.map((type) => ({ type, label: ENTITY_TYPE_NAMES[type], iconPath: entityIcon(type), description: type === current ? 'as found' : undefined }));
  const ordered = exclude ? items.filter((item) => item.type !== current) : [...items.filter((item) => item.type === current), ...items.filter((item) => item.type !== current)];
  return (await vscode.window.showQuickPick(ordered, { title, placeHolder }))?.type;
}

type TargetItem = vscode.QuickPickItem & { readonly entity?: Entity };

/** An entity of the knowledge base, or a name the rules found in the corpus, to merge into. */
async function pickTarget(subject: Subject, services: CorrectionServices): Promise<Entity | undefined> {
  const known = services.entities.knowledgeBaseEntities().filter((entity) => entity.id !== subject.entityId);
  const found = services.indexer.entities
    .entities()
    .filter((entity) => !entity.known && entity.id !== subject.entityId)
    .map((entity): Entity => ({ id: entity.id, name: entity.name, type: entity.type, aliases: [], description: '' }));
  const item = (entity: Entity, rule: boolean): TargetItem => ({
    entity,
    label: escapeThemeIcons(entity.name),
    iconPath: entityIcon(entity.type),
    description: rule ? `${ENTITY_TYPE_NAMES[entity.type]} · found by the rules` : ENTITY_TYPE_NAMES[entity.type],
    detail: entity.description ? escapeThemeIcons(entity.description) : undefined,
  });
  const byName = (a: Entity, b: Entity) => a.name.localeCompare(b.name, 'nb');
  // Entities sharing a word with the name (`Stoltenberg` and `Jens Stoltenberg`) come first.
  const words = new Set(foldForMatching(subject.text).split(/\s+/).filter((word) => word.length >= 3));
  const related = (entity: Entity) => [entity.name, ...entity.aliases].some((form) => foldForMatching(form).split(/\s+/).some((word) => words.has(word)));
  const section = (label: string, entities: readonly Entity[], rule: boolean, order = byName): TargetItem[] =>
    entities.length ? [{ label, kind: vscode.QuickPickItemKind.Separator }, ...[...entities].sort(order).map((entity) => item(entity, rule))] : [];
  // Of those, the closest spelling first.
  const closest = (a: Entity, b: Entity) => nameDistance(subject.text, a.name) - nameDistance(subject.text, b.name) || byName(a, b);
  const items: TargetItem[] = [
    ...section('Sharing a word', found.filter(related), true, closest),
    ...section('Sharing a word, in the knowledge base', known.filter(related), false, closest),
    ...section('In the corpus', found.filter((entity) => !related(entity)), true),
    ...section('In the knowledge base', known.filter((entity) => !related(entity)), false),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: `Merge "${subject.text}" Into…`,
    placeHolder: `The entity "${subject.text}" is another name of`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return choice?.entity;
}
