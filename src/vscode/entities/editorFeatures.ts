import * as vscode from 'vscode';
import { forEachLimit } from '../../core/async';
import { formatDate } from '../../core/dates';
import { ENTITY_TYPE_NAMES, type EntityType } from '../../core/entities/types';
import { coordinatesOf } from '../../core/positions';
import { AnalysisCommandId, CommandId, QuotesCommandId } from '../constants';
import { SafeMarkdown } from '../util/markdown';
import type { CorpusService } from '../services/corpus/corpusService';
import { type ArticleDocuments, rangeIn } from '../services/entities/articleDocuments';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import { corpusCardFacts } from '../services/index/cardFacts';
import type { EntityService } from '../services/entities/entityService';

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

/** Hovers, the Outline, Go to Definition and Find All References for entities in article files opened as text. */
export function registerEditorFeatures(
  documents: ArticleDocuments,
  entities: EntityService,
  corpus: CorpusService,
  indexer: CorpusIndexService,
): vscode.Disposable[] {
  return [
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, {
      async provideReferences(document, position, _context, token) {
        const mention = documents.get(document)?.mentionAt(position);
        if (!mention) return undefined;
        return findReferences(mention.entityId, document, documents, corpus, indexer, token);
      },
    }),
    vscode.languages.registerDefinitionProvider(ARTICLE_SELECTOR, {
      async provideDefinition(document, position, token) {
        const mention = documents.get(document)?.mentionAt(position);
        if (!mention) return undefined;
        return findDefinition(mention.entityId, entities, corpus, indexer, token);
      },
    }),
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, {
      provideHover(document, position) {
        const article = documents.get(document);
        const mention = article?.mentionAt(position);
        if (!article || !mention) return undefined;
        const entity = entities.describe([mention])[mention.entityId];
        const count = article.mentions.filter((m) => m.entityId === mention.entityId).length;
        // Command links run only this extension's own commands, and only these; names and descriptions are text.
        const card = new SafeMarkdown({ commands: [CommandId.OpenArticle, CommandId.ShowEntity, CommandId.AddToKnowledgeBase, AnalysisCommandId.ShowTimeline, AnalysisCommandId.ShowNetwork, QuotesCommandId.Show] });
        card.bold(entity.name).text(` · ${ENTITY_TYPE_NAMES[entity.type]}${entity.known ? '' : ' · not in the knowledge base'}`).markdown('\n\n');
        if (entity.description) card.text(entity.description).markdown('\n\n');
        card.text(`${count} ${count === 1 ? 'mention' : 'mentions'} in this article`);
        appendCorpusFacts(card, mention.entityId, document.uri.toString(), indexer, entities.canAdd);
        return new vscode.Hover(card.build(), article.range(mention.start, mention.end));
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
 * The card's corpus-wide part: counts and the other articles, each a link that opens the reader at the mention
 * (the facts the reader's cards show too). `canAdd` is false in Restricted Mode, where the knowledge base is not written.
 */
function appendCorpusFacts(card: SafeMarkdown, entityId: string, uri: string, indexer: CorpusIndexService, canAdd: boolean): void {
  const facts = corpusCardFacts(indexer, entityId, uri);
  const entity = indexer.entities.entity(entityId);
  if (!facts || !entity) {
    if (indexer.progress) card.markdown('\n\n').italic('Counting mentions in the corpus…');
    return;
  }
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  card.markdown('\n\n').text(`${plural(facts.articles, 'article', 'articles')}, ${plural(facts.mentions, 'mention', 'mentions')} in the corpus`);
  for (const { uri: other, summary } of facts.others) {
    const [first] = indexer.entities.mentionsIn(other, entityId);
    card.markdown('\n- ').commandLink({ text: summary.title }, CommandId.OpenArticle, [other, first], 'Open in the reader at the mention').text(` · ${formatDate(summary.date)}`);
  }
  if (facts.more > 0) card.markdown('\n- ').text(`…and ${plural(facts.more, 'more article', 'more articles')}`);
  card.markdown('\n\n').commandLink({ icon: 'list-tree', text: 'Show all mentions' }, CommandId.ShowEntity, [entityId]);
  if (facts.quotes > 0) card.text(' · ').commandLink({ icon: 'quote', text: `Quotes (${facts.quotes.toLocaleString('en')})` }, QuotesCommandId.Show, [entityId], 'Every quote of theirs across the corpus, in the Quotes view');
  card.text(' · ').commandLink({ icon: 'graph', text: 'Timeline' }, AnalysisCommandId.ShowTimeline, [entityId], 'Mentions per month, in the analysis panel');
  card.text(' · ').commandLink({ icon: 'type-hierarchy', text: 'Network' }, AnalysisCommandId.ShowNetwork, [entityId], 'The names that appear with it most, in the analysis panel');
  if (canAdd && (!entity.known || entity.type === 'other')) {
    card.text(' · ').commandLink({ icon: 'add', text: 'Add to knowledge base…' }, CommandId.AddToKnowledgeBase, [{ text: entity.name, entityId, uri }]);
  }
}

/**
 * Where an entity is defined: its entry in the user's knowledge-base file
 * when it has one there, else its first mention in the corpus (the oldest
 * article that names it).
 */
async function findDefinition(
  entityId: string,
  entities: EntityService,
  corpus: CorpusService,
  indexer: CorpusIndexService,
  token: vscode.CancellationToken,
): Promise<vscode.Location[] | undefined> {
  const entry = await entities.definitionOf(entityId);
  if (entry) return [entry];
  await indexer.whenIndexed();
  if (token.isCancellationRequested) return undefined;
  const articles = corpus.corpus;
  const oldest = [...indexer.entities.articlesMentioning(entityId)].filter((uri) => articles.indexOf(uri) >= 0).sort((a, b) => articles.indexOf(b) - articles.indexOf(a))[0];
  if (!oldest) return undefined;
  const uri = vscode.Uri.parse(oldest, true);
  const outcome = await corpus.readArticle(uri);
  if (outcome.kind !== 'article') return undefined;
  const [first] = indexer.entities.mentionsIn(oldest, entityId);
  return first ? [new vscode.Location(uri, rangeIn(coordinatesOf(outcome.article))(first.start, first.end))] : undefined;
}

/**
 * Every mention of an entity in the corpus, from the entity index (waiting
 * for it if it is still being built), each article read for its line
 * positions; plus the open document if it is not in the corpus. Stops when
 * cancelled.
 */
async function findReferences(
  entityId: string,
  document: vscode.TextDocument,
  documents: ArticleDocuments,
  corpus: CorpusService,
  indexer: CorpusIndexService,
  token: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  await indexer.whenIndexed();
  const locations: vscode.Location[] = [];
  const index = indexer.entities;
  await forEachLimit([...index.articlesMentioning(entityId)], REFERENCE_CONCURRENCY, async (key) => {
    if (token.isCancellationRequested) return;
    const uri = vscode.Uri.parse(key, true);
    const outcome = await corpus.readArticle(uri);
    if (outcome.kind !== 'article') return;
    const range = rangeIn(coordinatesOf(outcome.article));
    for (const m of index.mentionsIn(key, entityId)) if (m.end <= outcome.article.text.length) locations.push(new vscode.Location(uri, range(m.start, m.end)));
  });
  const open = corpus.corpus.get(document.uri.toString()) ? undefined : documents.get(document);
  if (open) {
    for (const m of open.mentions) if (m.entityId === entityId) locations.push(new vscode.Location(document.uri, open.range(m.start, m.end)));
  }
  return locations;
}
