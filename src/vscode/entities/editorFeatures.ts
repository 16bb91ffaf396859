import * as vscode from 'vscode';
import { ENTITY_TYPE_NAMES, type EntityType } from '../../core/entities/types';
import { forEachLimit } from '../../core/async';
import { coordinatesOf } from '../../core/positions';
import type { CorpusService } from '../corpus/corpusService';
import { type ArticleDocuments, rangeIn } from './articleDocuments';
import type { EntityService } from './entityService';

/** Article files are plain text; the providers answer only for those that parse as articles. */
const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }];

const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
  event: vscode.SymbolKind.Event,
  other: vscode.SymbolKind.Constant,
};

/** Articles read at once when looking for references. */
const REFERENCE_CONCURRENCY = 8;

/** Hovers, the Outline and Find All References for entities in article files opened as text. */
export function registerEditorFeatures(documents: ArticleDocuments, entities: EntityService, corpus: CorpusService): vscode.Disposable[] {
  return [
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, {
      async provideReferences(document, position, _context, token) {
        const mention = documents.get(document)?.mentionAt(position);
        if (!mention) return undefined;
        return findReferences(mention.entityId, document, documents, entities, corpus, token);
      },
    }),
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
        card.appendMarkdown(`** · ${ENTITY_TYPE_NAMES[entity.type]}${entity.known ? '' : ' · not in the knowledge base'}\n\n`);
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
            return new vscode.DocumentSymbol(name, `${ENTITY_TYPE_NAMES[first.type]} · ${mentions.length}×`, SYMBOL_KINDS[first.type], range, range);
          });
        },
      },
      { label: 'Annotated Reader entities' },
    ),
  ];
}

/**
 * Every mention of an entity in the corpus, read article by article (the
 * texts are not kept in memory), plus the open document if it is not in
 * the corpus. Stops when cancelled.
 */
async function findReferences(
  entityId: string,
  document: vscode.TextDocument,
  documents: ArticleDocuments,
  entities: EntityService,
  corpus: CorpusService,
  token: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  const locations: vscode.Location[] = [];
  await forEachLimit(corpus.corpus.articles(), REFERENCE_CONCURRENCY, async (summary) => {
    if (token.isCancellationRequested) return;
    const uri = vscode.Uri.parse(summary.uri, true);
    const outcome = await corpus.readArticle(uri);
    if (outcome.kind !== 'article') return;
    const range = rangeIn(coordinatesOf(outcome.article));
    for (const m of entities.recognize(outcome.article.text)) {
      if (m.entityId === entityId) locations.push(new vscode.Location(uri, range(m.start, m.end)));
    }
  });
  const open = corpus.corpus.get(document.uri.toString()) ? undefined : documents.get(document);
  if (open) {
    for (const m of open.mentions) if (m.entityId === entityId) locations.push(new vscode.Location(document.uri, open.range(m.start, m.end)));
  }
  return locations;
}
