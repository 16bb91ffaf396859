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
  CorrectName = 'annotatedReader.correctName',
  ChangeEntityType = 'annotatedReader.changeEntityType',
  FixEntityName = 'annotatedReader.fixEntityName',
  MergeEntity = 'annotatedReader.mergeEntity',
  MarkNotAName = 'annotatedReader.markNotAName',
  ClearSavedIndex = 'annotatedReader.clearSavedIndex',
}

/** The Annotations view's and the comment threads' commands (registered in annotations/annotationCommands.ts). */
export const enum AnnotationCommandId {
  Open = 'annotatedReader.openAnnotation',
  EditNote = 'annotatedReader.editAnnotation',
  ChangeColour = 'annotatedReader.changeAnnotationColour',
  EditTags = 'annotatedReader.editAnnotationTags',
  Delete = 'annotatedReader.deleteAnnotation',
  AnnotateSelection = 'annotatedReader.annotateSelection',
  GroupByArticle = 'annotatedReader.groupAnnotationsByArticle',
  GroupByTag = 'annotatedReader.groupAnnotationsByTag',
  GroupByColour = 'annotatedReader.groupAnnotationsByColour',
  Export = 'annotatedReader.exportAnnotations',
  Import = 'annotatedReader.importAnnotations',
  OpenFile = 'annotatedReader.openAnnotationsFile',
  AcceptSuggestion = 'annotatedReader.acceptAnnotationSuggestion',
  DismissSuggestion = 'annotatedReader.dismissAnnotationSuggestion',
  CommentCreate = 'annotatedReader.comments.create',
  CommentReply = 'annotatedReader.comments.reply',
  CommentEdit = 'annotatedReader.comments.edit',
  CommentSave = 'annotatedReader.comments.save',
  CommentCancel = 'annotatedReader.comments.cancel',
  CommentDelete = 'annotatedReader.comments.delete',
  CommentDeleteThread = 'annotatedReader.comments.deleteThread',
}

export const enum ViewId {
  Container = 'annotatedReader',
  Articles = 'annotatedReader.articles',
  Entities = 'annotatedReader.entities',
  Annotations = 'annotatedReader.annotations',
  Quotes = 'annotatedReader.quotes',
}

export const READER_VIEW_TYPE = 'annotatedReader.reader';
export const ANALYSIS_VIEW_TYPE = 'annotatedReader.analysis';

/** The analysis panel's commands (registered in analysis/analysisCommands.ts). */
export const enum AnalysisCommandId {
  ShowTimeline = 'annotatedReader.showTimeline',
  ShowNetwork = 'annotatedReader.showEntityNetwork',
}

/** The Quotes view's commands (registered in quotes/quoteCommands.ts). */
export const enum QuotesCommandId {
  Show = 'annotatedReader.showQuotes',
  Open = 'annotatedReader.openQuote',
  FilterSpeaker = 'annotatedReader.filterQuotesBySpeaker',
  FilterPeriod = 'annotatedReader.filterQuotesByPeriod',
  FilterKind = 'annotatedReader.filterQuotesByKind',
  FilterWords = 'annotatedReader.filterQuotesByWords',
  ClearFilters = 'annotatedReader.clearQuotesFilters',
  ShowMore = 'annotatedReader.showMoreQuotes',
}

export const enum ContextKey {
  /** `loading`, `indexing`, `empty` or `ready` (the corpus index's phase), or `none` (ready, no quotes): the Quotes view's welcome content. */
  QuotesState = 'annotatedReader.quotesState',
  /** Whether the Quotes view has a filter: shows its Clear Filters button. */
  QuotesFiltered = 'annotatedReader.quotesFiltered',
  /** `loading`, `empty` or `ready`: drives the Articles view's welcome content. */
  CorpusState = 'annotatedReader.corpusState',
  /** `loading`, `indexing`, `empty` or `ready` (the corpus index's phase): drives the Entities view's welcome content. */
  EntitiesState = 'annotatedReader.entitiesState',
  /** Whether the Entities view has a filter: shows its Clear Filter button. */
  EntitiesFiltered = 'annotatedReader.entitiesFiltered',
  /** `article`, `tag` or `colour`: how the Annotations view groups. */
  AnnotationsGrouping = 'annotatedReader.annotationsGrouping',
  /** Whether there are annotations (for the Annotations view's welcome content). */
  HasAnnotations = 'annotatedReader.hasAnnotations',
  /** Whether the active text editor holds an article file. */
  EditorIsArticle = 'annotatedReader.editorIsArticle',
  /** Whether the active text editor's cursor is on a highlighted name: the corrections are offered then. */
  EditorHasName = 'annotatedReader.editorHasName',
}

export const CONFIG_SECTION = 'annotatedReader';
