import bundled from './knowledge-base.json';
import { type ParsedKnowledgeBase, parseKnowledgeBase } from './knowledgeBase';

/** The knowledge base that ships with the extension (bundled into each build, so no file is read). */
export function bundledKnowledgeBase(): ParsedKnowledgeBase {
  return parseKnowledgeBase(JSON.stringify(bundled));
}
