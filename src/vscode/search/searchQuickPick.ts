import * as vscode from 'vscode';
import type { ArticleSummary } from '../../core/corpus';
import { formatDate } from '../../core/dates';
import { ENTITY_TYPE_NAMES } from '../../core/entities/types';
import { EntityMatcher, type NamedEntity } from '../../core/search/entityMatcher';
import { searchCorpus } from '../../core/search/corpusSearch';
import { escapeThemeIcons } from '../../core/markdownText';
import { type ParsedQuery, hasNothingToSearch, isEmptyQuery, nothingToSearchMessage } from '../../core/search/query';
import { type TextMatch, findMatches, hasPhrase, makeSnippet } from '../../core/search/snippet';
import { CommandId } from '../constants';
import type { CorpusIndexService } from '../corpus/corpusIndexService';
import type { CorpusService } from '../corpus/corpusService';
import type { EntityService } from '../entities/entityService';
import { ENTITY_TYPE_STYLE } from '../entities/entityStyle';
import type { ReaderManager } from '../reader/readerManager';

/** Articles listed per query (their snippets are read from the files). */
const ARTICLE_RESULTS = 30;
/** Entities listed among the results. */
const ENTITY_RESULTS = 3;
/** Articles read for a query with a quoted phrase, of which only those with the phrase are listed. */
const PHRASE_CANDIDATES = 300;
/** Articles listed for an empty query. */
const RECENT_ARTICLES = 30;
/** Entities offered to the matcher: those of the knowledge base and the most widely mentioned others. */
const MATCHED_ENTITIES = 5000;

type ResultItem = vscode.QuickPickItem &
  (
    | { readonly result: 'article'; readonly summary: ArticleSummary; readonly match?: TextMatch; readonly matches?: readonly TextMatch[] }
    | { readonly result: 'entity'; readonly entity: NamedEntity }
    /** A note, a warning or a section title: nothing to open. */
    | { readonly result: 'none' }
  );

/**
 * Search Corpus: a quick pick over the whole corpus. Results follow every
 * keystroke from the search index; each article shows its headline, date
 * and a snippet around the best match; Enter opens the reader at the match
 * with the matched words highlighted. Entities are results too (Enter shows
 * the entity's concordance). An empty box lists the newest articles.
 */
export class SearchQuickPick {
  constructor(
    private readonly corpus: CorpusService,
    private readonly indexer: CorpusIndexService,
    private readonly knowledgeBases: EntityService,
    private readonly readers: ReaderManager,
  ) {}

  async show(initial = ''): Promise<void> {
    const pick = vscode.window.createQuickPick<ResultItem>();
    pick.title = 'Search Corpus';
    pick.placeholder = 'Words, "a phrase", @name, type:person, date:2022-01: typos and æ/ae, ø/o, å/aa are forgiven';
    // The index ranks and every item is `alwaysShow`. VS Code still matches labels (there is no stable way
    // to turn that off), so a headline containing the typed text may be moved up; descriptions and details are not matched.
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = initial;
    let matcher = this.entityMatcher();
    let matcherGeneration = this.indexer.entities.generation;
    let sequence = 0;
    const keyOf = (item: ResultItem | undefined) => (item?.result === 'article' ? item.summary.uri : item?.result === 'entity' ? item.entity.id : undefined);
    const update = async (sameQuery = false) => {
      const mine = ++sequence;
      pick.busy = true;
      try {
        // When the index grows under the same query, the result the user is on stays active,
        // and the entities known by name catch up with it.
        const activeKey = sameQuery ? keyOf(pick.activeItems[0]) : undefined;
        if (sameQuery && matcherGeneration !== this.indexer.entities.generation) {
          matcher = this.entityMatcher();
          matcherGeneration = this.indexer.entities.generation;
        }
        const items = await this.results(pick.value, matcher, () => mine !== sequence);
        if (!items) return;
        if (mine !== sequence) return; // typed on since
        pick.items = items;
        const keep = activeKey === undefined ? undefined : items.find((item) => keyOf(item) === activeKey);
        const first = keep ?? items.find((item) => item.result !== 'none');
        pick.activeItems = first ? [first] : [];
      } finally {
        if (mine === sequence) pick.busy = false;
      }
    };
    const disposables: vscode.Disposable[] = [
      pick.onDidChangeValue(() => void update()),
      pick.onDidAccept(() => {
        const [item] = pick.activeItems;
        if (!item || item.result === 'none') return;
        pick.hide();
        void this.open(item);
      }),
      // The index fills in the background: results follow it while the box is open.
      this.indexer.onDidChange(() => void update(true)),
    ];
    pick.onDidHide(() => {
      disposables.forEach((d) => d.dispose());
      pick.dispose();
    });
    pick.show();
    await update();
  }

  /** The items for a query; undefined when `stale()` says the user has typed on (the rest is not worth reading). */
  private async results(raw: string, matcher: EntityMatcher, stale: () => boolean): Promise<ResultItem[] | undefined> {
    // Quoted phrases are checked on the texts: more candidates are read, as only some have the phrase.
    const phrases = raw.includes('"');
    const found = searchCorpus(raw, this.indexer.search, matcher, {
      limit: phrases ? PHRASE_CANDIDATES : ARTICLE_RESULTS * 2,
      entityLimit: raw.includes('type:') ? ENTITY_RESULTS * 3 : ENTITY_RESULTS,
    });
    const { query } = found;
    const notes: ResultItem[] = query.problems.map((problem) => ({ result: 'none', label: `$(warning) ${escapeThemeIcons(problem)}`, alwaysShow: true }));
    if (hasNothingToSearch(raw, query)) {
      const { message, hint } = nothingToSearchMessage(raw);
      return [...notes, { result: 'none', label: `$(info) ${escapeThemeIcons(message)}`, detail: hint, alwaysShow: true }];
    }
    if (isEmptyQuery(query)) return [...notes, ...this.recent()];

    const articleItems: ResultItem[] = [];
    for (const hit of found.articles.hits) {
      if (articleItems.length >= ARTICLE_RESULTS) break;
      if (stale()) return undefined;
      const entry = this.corpus.corpus.get(hit.key);
      if (entry?.kind !== 'article') continue;
      const item = await this.articleItem(entry.summary, found.articleQuery, found.articles.terms, found.entityIds);
      if (item) articleItems.push(item);
    }
    // With phrases the count of articles having all the words says nothing about the phrase: not shown.
    if (!query.phrases.length && found.articles.total > articleItems.length && articleItems.length === ARTICLE_RESULTS) {
      articleItems.push({ result: 'none', label: `$(info) ${found.articles.total.toLocaleString('en')} articles match; the best ${ARTICLE_RESULTS} are shown`, alwaysShow: true });
    }
    // Entities the corpus mentions (the knowledge base also knows places no article names).
    const entityItems = found.entities.filter((entity) => this.indexer.entities.entity(entity.id)).map((entity) => this.entityItem(entity));
    const progress = this.indexer.progress;
    if (progress) notes.push({ result: 'none', label: `$(sync~spin) Still indexing: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} articles searched so far`, alwaysShow: true });
    const separator = (label: string): ResultItem => ({ result: 'none', label, kind: vscode.QuickPickItemKind.Separator, alwaysShow: true });
    const entitiesFirst = query.types.length > 0 || query.entities.length > 0;
    const articleSection = articleItems.length ? [separator('Articles'), ...articleItems] : [];
    const entitySection = entityItems.length ? [separator('Entities'), ...entityItems] : [];
    const sections = entitiesFirst ? [...entitySection, ...articleSection] : [...articleSection, ...entitySection];
    if (sections.length === 0) notes.push({ result: 'none', label: '$(search-stop) No articles match', detail: 'Check the spelling of names, or search fewer words.', alwaysShow: true });
    return [...notes, ...sections];
  }

  /** The newest articles, for an empty box. */
  private recent(): ResultItem[] {
    return this.corpus.corpus
      .articles()
      .slice(0, RECENT_ARTICLES)
      .map((summary) => ({
        result: 'article',
        summary,
        label: `$(book) ${escapeThemeIcons(summary.title)}`,
        description: escapeThemeIcons([formatDate(summary.date), summary.source].filter(Boolean).join(' · ')),
        detail: summary.lead && escapeThemeIcons(summary.lead),
        alwaysShow: true,
      }));
  }

  /** An article result: the snippet is made from its text; an article without a quoted phrase it must have is dropped. */
  private async articleItem(summary: ArticleSummary, query: ParsedQuery, terms: ReadonlySet<string>, entityIds: ReadonlySet<string>): Promise<ResultItem | undefined> {
    const outcome = await this.corpus.readArticle(vscode.Uri.parse(summary.uri, true));
    if (outcome.kind !== 'article') return undefined;
    const text = outcome.article.text;
    if (query.phrases.some((phrase) => !hasPhrase(text, phrase))) return undefined;
    let matches = findMatches(text, terms, query.phrases);
    // Filters only (@name): the entity's mentions are the matches.
    if (matches.length === 0 && entityIds.size) {
      matches = [...entityIds].flatMap((id) => this.indexer.entities.mentionsIn(summary.uri, id)).sort((a, b) => a.start - b.start);
    }
    const snippet = makeSnippet(text, matches);
    return {
      result: 'article',
      summary,
      match: snippet?.match,
      matches,
      label: `$(book) ${escapeThemeIcons(summary.title)}`,
      description: escapeThemeIcons([formatDate(summary.date), summary.source].filter(Boolean).join(' · ')),
      detail: escapeThemeIcons(snippet?.text ?? summary.lead ?? ''),
      alwaysShow: true,
    };
  }

  private entityItem(entity: NamedEntity): ResultItem {
    const indexed = this.indexer.entities.entity(entity.id);
    const counts = indexed ? `${indexed.articles.toLocaleString('en')} ${indexed.articles === 1 ? 'article' : 'articles'} · ${indexed.mentions.toLocaleString('en')} ${indexed.mentions === 1 ? 'mention' : 'mentions'}` : '';
    const described = this.knowledgeBases.knowledgeBaseEntity(entity.id);
    return {
      result: 'entity',
      entity,
      label: `$(${ENTITY_TYPE_STYLE[entity.type].icon}) ${escapeThemeIcons(entity.name)}`,
      description: [ENTITY_TYPE_NAMES[entity.type], counts].filter(Boolean).join(' · '),
      detail: described?.description ? escapeThemeIcons(described.description) : undefined,
      alwaysShow: true,
    };
  }

  /** The entities the box can name: the knowledge base's, and the corpus's most widely mentioned. */
  private entityMatcher(): EntityMatcher {
    const index = this.indexer.entities;
    // Every entity of the knowledge base (also while the index is still counting), and the corpus's most widely mentioned others.
    const known = this.knowledgeBases.knowledgeBaseEntities().map((entity): NamedEntity => ({ ...entity, articles: index.entity(entity.id)?.articles ?? 0 }));
    const knownIds = new Set(known.map((entity) => entity.id));
    const others = index
      .top(MATCHED_ENTITIES + knownIds.size)
      .filter((entity) => !knownIds.has(entity.id))
      .slice(0, MATCHED_ENTITIES)
      .map((entity): NamedEntity => ({ id: entity.id, name: entity.name, type: entity.type, articles: entity.articles }));
    return new EntityMatcher([...known, ...others]);
  }

  private async open(item: ResultItem): Promise<void> {
    if (item.result === 'entity') {
      await vscode.commands.executeCommand(CommandId.ShowEntity, item.entity.id);
      return;
    }
    if (item.result !== 'article') return;
    await this.readers.open(vscode.Uri.parse(item.summary.uri, true), { reveal: item.match, marks: item.matches });
  }
}
