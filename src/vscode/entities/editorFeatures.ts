import * as vscode from 'vscode';
import type { EntityType } from '../../core/entities/types';
import type { ArticleDocuments } from './articleDocuments';
import type { EntityService } from './entityService';

/** Article files are plain text; the providers answer only for those that parse as articles. */
const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }];

const TYPE_NAMES: Record<EntityType, string> = { person: 'Person', organization: 'Organisation', place: 'Place', event: 'Event', other: 'Name' };
const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
  event: vscode.SymbolKind.Event,
  other: vscode.SymbolKind.Constant,
};

/** Hovers and the Outline for entities in article files opened as text. */
export function registerEditorFeatures(documents: ArticleDocuments, entities: EntityService): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, {
      provideHover(document, position) {
        const article = documents.get(document);
        const mention = article?.mentionAt(position);
        if (!article || !mention) return undefined;
        const entity = entities.describe([mention])[mention.entityId];
        const count = article.mentions.filter((m) => m.entityId === mention.entityId).length;
        const card = new vscode.MarkdownString();
        card.appendMarkdown('**');
        card.appendText(entity.name);
        card.appendMarkdown(`** · ${TYPE_NAMES[entity.type]}${entity.known ? '' : ' · not in the knowledge base'}\n\n`);
        if (entity.description) {
          card.appendText(entity.description);
          card.appendMarkdown('\n\n');
        }
        card.appendText(`${count} ${count === 1 ? 'mention' : 'mentions'} in this article`);
        return new vscode.Hover(card, article.range(mention.start, mention.end));
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(
      ARTICLE_SELECTOR,
      {
        provideDocumentSymbols(document) {
          const article = documents.get(document);
          if (!article) return [];
          const byEntity = new Map<string, typeof article.mentions>();
          for (const mention of article.mentions) byEntity.set(mention.entityId, [...(byEntity.get(mention.entityId) ?? []), mention]);
          return [...byEntity.values()].map((mentions) => {
            const first = mentions[0];
            const name = entities.describe([first])[first.entityId].name;
            const range = article.range(first.start, first.end);
            return new vscode.DocumentSymbol(name, `${TYPE_NAMES[first.type]} · ${mentions.length}×`, SYMBOL_KINDS[first.type], range, range);
          });
        },
      },
      { label: 'Annotated Reader entities' },
    ),
  ];
}
