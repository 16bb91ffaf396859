import type * as vscode from 'vscode';
import { bundledKnowledgeBase } from '../../core/entities/bundled';
import { type KnowledgeBase, mergeKnowledgeBases } from '../../core/entities/knowledgeBase';
import { type Recognizer, createRecognizer } from '../../core/entities/recognizer';
import type { EntityMention } from '../../core/entities/types';
import type { ReaderEntity } from '../../webview/protocol';

/**
 * The knowledge base and the recogniser, for every feature that shows
 * entities. (Users' own knowledge-base files join here in a later step.)
 */
export class EntityService implements vscode.Disposable {
  private knowledgeBase: KnowledgeBase;
  private recognizer: Recognizer;

  constructor(log: vscode.LogOutputChannel) {
    const bundled = bundledKnowledgeBase();
    for (const issue of bundled.issues) log.error(`Bundled knowledge base: ${issue.path}: ${issue.message}`);
    this.knowledgeBase = mergeKnowledgeBases(bundled.entities);
    this.recognizer = createRecognizer(this.knowledgeBase);
  }

  /** The mentions in an article's text (cached per text). */
  recognize(text: string): readonly EntityMention[] {
    return this.recognizer.recognize(text);
  }

  /** What the reader needs to know about the entities of some mentions. */
  describe(mentions: readonly EntityMention[]): Record<string, ReaderEntity> {
    const entities: Record<string, ReaderEntity> = {};
    for (const mention of mentions) {
      if (entities[mention.entityId]) continue;
      const known = this.knowledgeBase.byId(mention.entityId);
      entities[mention.entityId] = {
        name: known?.name ?? mention.canonical,
        type: mention.type,
        description: known?.description ?? '',
        known: known !== undefined,
      };
    }
    return entities;
  }

  dispose(): void {
    // Nothing to release yet; knowledge-base file watchers will live here.
  }
}
