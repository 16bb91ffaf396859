/** Every id the extension shares with package.json, defined once. */

export const EXTENSION_ID = 'annotated-reader.annotated-reader';

export const enum CommandId {
  OpenArticle = 'annotatedReader.openArticle',
  OpenSource = 'annotatedReader.openSource',
  RevealFile = 'annotatedReader.revealFile',
  Refresh = 'annotatedReader.refresh',
  Search = 'annotatedReader.search',
  NextArticle = 'annotatedReader.nextArticle',
  PreviousArticle = 'annotatedReader.previousArticle',
  ShowSampleCorpus = 'annotatedReader.showSampleCorpus',
  AddFolder = 'annotatedReader.addFolder',
  OpenSettings = 'annotatedReader.openSettings',
  ShowEntity = 'annotatedReader.showEntity',
  FilterEntities = 'annotatedReader.filterEntities',
  ClearEntitiesFilter = 'annotatedReader.clearEntitiesFilter',
  ShowMoreMentions = 'annotatedReader.showMoreMentions',
  AddToKnowledgeBase = 'annotatedReader.addToKnowledgeBase',
}

export const enum ViewId {
  Container = 'annotatedReader',
  Articles = 'annotatedReader.articles',
  Entities = 'annotatedReader.entities',
}

export const READER_VIEW_TYPE = 'annotatedReader.reader';

export const enum ContextKey {
  /** `loading`, `empty` or `ready`: drives the Articles view's welcome content. */
  CorpusState = 'annotatedReader.corpusState',
  /** Whether the Entities view has a filter: shows its Clear Filter button. */
  EntitiesFiltered = 'annotatedReader.entitiesFiltered',
  /** Whether the active text editor holds an article file. */
  EditorIsArticle = 'annotatedReader.editorIsArticle',
}

export const CONFIG_SECTION = 'annotatedReader';
