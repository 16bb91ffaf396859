import * as vscode from 'vscode';
import type { ArticleSummary } from '../../core/corpus';
import { formatDate } from '../../core/dates';
import { ENTITY_TYPE_NAMES } from '../../core/entities/types';
import { EntityMatcher, type NamedEntity } from '../../core/search/entityMatcher';
import { type CorpusSearchPlan, planCorpusSearch } from '../../core/search/corpusSearch';
import type { SearchResult } from '../../core/search/searchIndex';
import { escapeThemeIcons } from '../../core/markdownText';
import { type ParsedQuery, hasNothingToSearch, isEmptyQuery, nothingToSearchMessage } from '../../core/search/query';
import { type TextMatch, findMatches, hasPhrase, makeSnippet } from '../../core/search/snippet';
import { config } from '../config';
import { CommandId } from '../constants';
import { type IndexPhase, type IndexStatus, inProgress, progressLine } from '../../core/indexStatus';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { CorpusService } from '../services/corpus/corpusService';
import type { EntityService } from '../services/entities/entityService';
import { entityIcon } from '../services/entities/entityStyle';
import type { ArticleOpener } from '../services/readers/articleOpener';
import { Disposable } from '../util/disposable';

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
/** While the index fills, the entities known by name are made again at most this often. */
const MATCHER_REFRESH_MS = 5000;
/**
 * Texts of articles shown kept for the next keystrokes (whose results are mostly the same articles): each was
 * read and parsed again for every keystroke, half of what the host allocated while a corpus was indexed.
 */
const TEXTS_KEPT = 200;

type ResultItem = vscode.QuickPickItem &
  (
    | { readonly result: 'article'; readonly summary: ArticleSummary; readonly match?: TextMatch; readonly matches?: readonly TextMatch[] }
    | { readonly result: 'entity'; readonly entity: NamedEntity }
    /** A note, a warning or a section title: nothing to open. */
    | { readonly result: 'none' }
  );

/** What the search box shows after it has changed, for tests and other extensions. */
export interface SearchReport {
  /** `results`: new rows were shown; `active`: the active row changed (the user moved it). */
  readonly reason: 'results' | 'active';
  readonly query: string;
  readonly busy: boolean;
  /** The corpus and index as the rows were made. */
  readonly phase: IndexPhase;
  readonly rows: readonly { readonly label: string; readonly detail?: string; readonly key?: string; readonly separator: boolean }[];
  /** The key (article URI or entity id) of the active row: the one Enter opens. */
  readonly active?: string;
}

/**
 * Search Corpus: a quick pick over the whole corpus. Results follow every
 * keystroke from the search index; each article shows its headline, date
 * and a snippet around the best match; Enter opens the reader at the match
 * with the matched words highlighted. Entities are results too (Enter shows
 * the entity's concordance). An empty box lists the newest articles.
 */
export class SearchQuickPick extends Disposable {
  private readonly onDidUpdateEmitter = this.register(new vscode.EventEmitter<SearchReport>());
  /** `query`'s entities by name, and the entity index's generation they were made at. */
  private matcherCache: { readonly generation: number; readonly at: number; readonly matcher: EntityMatcher } | undefined;
  /** Texts of articles lately shown, by the corpus's summary of the file (a changed file has a new one), least lately used first. */
  private readonly texts = new Map<ArticleSummary, string>();
  /** Fires when the box shows new rows or its active row changes. */
  readonly onDidUpdate = this.onDidUpdateEmitter.event;

  constructor(
    private readonly corpus: CorpusService,
    private readonly indexer: CorpusIndexService,
    private readonly knowledgeBases: EntityService,
    private readonly readers: ArticleOpener,
  ) {
    super();
  }

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
    // The top result is active unless the user has moved to another row (then that row, while it is
    // listed). VS Code makes the first row active whenever the items change, so the active row is set
    // with every new set of items; VS Code then reports the active row back, often twice (its first row,
    // then ours), by position, and a report can arrive after the next items are set, naming whatever row
    // is now at that position (pick.activeItems follows these reports, so it can be wrong). So the row
    // the box opens is kept here: the one set, or the one the user moved to. Reports are VS Code's until
    // one names the position of the row last set; a later change to a result row is the user's.
    let activeSet: ResultItem | undefined;
    let userMoved = false;
    /** Positions of the rows set active whose report has not come back yet, oldest first. */
    const unconfirmed: number[] = [];
    /** From a keystroke until its results are shown: active rows reported then are VS Code's (it filters by label). */
    let awaitingResults = true;
    const report = (reason: SearchReport['reason'], phase: IndexPhase) =>
      this.onDidUpdateEmitter.fire({
        reason,
        query: pick.value,
        busy: pick.busy,
        phase,
        rows: pick.items.map((item) => ({ label: item.label, detail: item.detail, key: keyOf(item), separator: item.kind === vscode.QuickPickItemKind.Separator })),
        active: keyOf(activeSet),
      });
    const update = async (sameQuery = false) => {
      const mine = ++sequence;
      if (!sameQuery) {
        userMoved = false;
        awaitingResults = true;
      }
      pick.busy = true;
      try {
        const activeKey = userMoved ? keyOf(activeSet) : undefined;
        // When the index grows under the same query, the entities known by name catch up with it.
        if (sameQuery && matcherGeneration !== this.indexer.entities.generation) {
          matcher = this.entityMatcher();
          matcherGeneration = this.indexer.entities.generation;
        }
        const status = this.indexer.status;
        const items = await this.results(pick.value, matcher, status, () => mine !== sequence);
        if (!items) return;
        if (mine !== sequence) return; // typed on since
        pick.items = items;
        const keep = activeKey === undefined ? undefined : items.find((item) => keyOf(item) === activeKey);
        if (!keep) userMoved = false;
        activeSet = keep ?? items.find((item) => item.result !== 'none');
        pick.activeItems = activeSet ? [activeSet] : [];
        unconfirmed.push(activeSet ? items.indexOf(activeSet) : -1);
        // A report lost on the way must not keep every later move from counting.
        if (unconfirmed.length > 4) unconfirmed.shift();
        awaitingResults = false;
        pick.busy = inProgress(this.indexer.status);
        report('results', status.phase);
      } finally {
        if (mine === sequence) pick.busy = inProgress(this.indexer.status);
      }
    };
    const disposables: vscode.Disposable[] = [
      pick.onDidChangeValue(() => void update()),
      pick.onDidChangeActive(([item]) => {
        if (unconfirmed.length > 0) {
          const at = unconfirmed.indexOf(item ? pick.items.indexOf(item) : -1);
          if (at >= 0) unconfirmed.splice(0, at + 1);
          return;
        }
        if (awaitingResults || item === undefined || item.result === 'none' || keyOf(item) === keyOf(activeSet)) return;
        userMoved = true;
        activeSet = item;
        report('active', this.indexer.status.phase);
      }),
      pick.onDidAccept(() => {
        const item = activeSet;
        if (!item || item.result === 'none') return;
        pick.hide();
        void this.open(item);
      }),
      // The corpus loads and the index fills in the background: the rows follow them while the box is open.
      this.indexer.onDidChange(() => void update(true)),
      this.indexer.onDidChangeStatus(() => void update(true)),
      this.corpus.corpus.onDidChange(() => {
        if (this.indexer.status.phase === 'loading') void update(true);
      }),
    ];
    pick.onDidHide(() => {
      disposables.forEach((d) => d.dispose());
      pick.dispose();
    });
    pick.busy = inProgress(this.indexer.status);
    pick.show();
    await update();
  }

  /**
   * The box's search of a query, without its rows (no snippets are read): how many articles match and the
   * keys of the best, in order. For the integration tests and the host benchmark.
   */
  async query(raw: string): Promise<{ readonly total: number; readonly keys: readonly string[] }> {
    // As an open box does: the entities known by name are made again only when the index has changed (and not too often).
    const { articles } = await this.search(raw, this.entityMatcher());
    return { total: articles.total, keys: articles.hits.map((hit) => hit.key) };
  }

  /** Entities by name and `@names` resolved here, then the index's part, which runs in the search worker. */
  private async search(raw: string, matcher: EntityMatcher): Promise<CorpusSearchPlan & { readonly articles: SearchResult }> {
    // Quoted phrases are checked on the texts: more candidates are read, as only some have the phrase.
    const phrases = raw.includes('"');
    const plan = planCorpusSearch(raw, matcher, {
      limit: phrases ? PHRASE_CANDIDATES : ARTICLE_RESULTS * 2,
      entityLimit: raw.includes('type:') ? ENTITY_RESULTS * 3 : ENTITY_RESULTS,
    });
    const articles: SearchResult = plan.articleSearch
      ? // Once indexing is over, the answer must count every article sent to the index; while it runs, what is there now will do.
        await this.indexer.search.search(plan.articleSearch.query, plan.articleSearch.limit, plan.articleSearch.resolved, !inProgress(this.indexer.status))
      : { hits: [], total: 0, terms: new Set() };
    return { ...plan, articles };
  }

  /** The items for a query; undefined when `stale()` says the user has typed on (the rest is not worth reading). */
  private async results(raw: string, matcher: EntityMatcher, status: IndexStatus, stale: () => boolean): Promise<ResultItem[] | undefined> {
    const found = await this.search(raw, matcher);
    if (stale()) return undefined;
    const { query } = found;
    const notes: ResultItem[] = query.problems.map((problem) => ({ result: 'none', label: escapeThemeIcons(problem), iconPath: new vscode.ThemeIcon('warning'), alwaysShow: true }));
    if (hasNothingToSearch(raw, query)) {
      const { message, hint } = nothingToSearchMessage(raw);
      return [...notes, { result: 'none', label: escapeThemeIcons(message), iconPath: new vscode.ThemeIcon('info'), detail: hint, alwaysShow: true }];
    }
    const loading = loadingNote(status);
    if (loading) notes.push(loading);
    if (isEmptyQuery(query)) return [...notes, ...this.recent()];

    const articleItems: ResultItem[] = [];
    const summaries = found.articles.hits.flatMap((hit) => {
      const entry = this.corpus.corpus.get(hit.key);
      return entry?.kind === 'article' ? [entry.summary] : [];
    });
    // Read as many at once as are still wanted (a phrase may drop some: then the next ones), in order: one
    // after the other, the 30 files' reads made most of the box's wait while a corpus is indexed.
    const maxBytes = config.maxFileSizeBytes();
    for (let next = 0; next < summaries.length && articleItems.length < ARTICLE_RESULTS; ) {
      if (stale()) return undefined;
      const group = summaries.slice(next, next + ARTICLE_RESULTS - articleItems.length);
      next += group.length;
      const items = await Promise.all(group.map((summary) => this.articleItem(summary, found.articleQuery, found.articles.terms, found.entityIds, maxBytes)));
      for (const item of items) if (item) articleItems.push(item);
    }
    // With phrases the count of articles having all the words says nothing about the phrase: not shown.
    if (!query.phrases.length && found.articles.total > articleItems.length && articleItems.length === ARTICLE_RESULTS) {
      articleItems.push({ result: 'none', label: `${found.articles.total.toLocaleString('en')} articles match; the best ${ARTICLE_RESULTS} are shown`, iconPath: new vscode.ThemeIcon('info'), alwaysShow: true });
    }
    // Entities the corpus mentions (the knowledge base also knows places no article names).
    const entityItems = found.entities.filter((entity) => this.indexer.entities.entity(entity.id)).map((entity) => this.entityItem(entity));
    const separator = (label: string): ResultItem => ({ result: 'none', label, kind: vscode.QuickPickItemKind.Separator, alwaysShow: true });
    const entitiesFirst = query.types.length > 0 || query.entities.length > 0;
    const articleSection = articleItems.length ? [separator('Articles'), ...articleItems] : [];
    const entitySection = entityItems.length ? [separator('Entities'), ...entityItems] : [];
    const sections = entitiesFirst ? [...entitySection, ...articleSection] : [...articleSection, ...entitySection];
    // Only an index that covers the corpus can say that nothing matches.
    if (sections.length === 0 && !loading) notes.push({ result: 'none', label: 'No articles match', iconPath: new vscode.ThemeIcon('search-stop'), detail: 'Check the spelling of names, or search fewer words.', alwaysShow: true });
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
        label: escapeThemeIcons(summary.title),
        iconPath: new vscode.ThemeIcon('book'),
        description: escapeThemeIcons([formatDate(summary.date), summary.source].filter(Boolean).join(' · ')),
        detail: summary.lead && escapeThemeIcons(summary.lead),
        alwaysShow: true,
      }));
  }

  /** An article result: the snippet is made from its text; an article without a quoted phrase it must have is dropped. */
  private async articleItem(summary: ArticleSummary, query: ParsedQuery, terms: ReadonlySet<string>, entityIds: ReadonlySet<string>, maxBytes: number): Promise<ResultItem | undefined> {
    const text = await this.textOf(summary, maxBytes);
    if (text === undefined) return undefined;
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
      label: escapeThemeIcons(summary.title),
      iconPath: new vscode.ThemeIcon('book'),
      description: escapeThemeIcons([formatDate(summary.date), summary.source].filter(Boolean).join(' · ')),
      detail: escapeThemeIcons(snippet?.text ?? summary.lead ?? ''),
      alwaysShow: true,
    };
  }

  /** An article's text, read (and kept a while: `TEXTS_KEPT`) unless it was lately; undefined when it cannot be read as an article. */
  private async textOf(summary: ArticleSummary, maxBytes: number): Promise<string | undefined> {
    const kept = this.texts.get(summary);
    if (kept !== undefined) {
      this.texts.delete(summary);
      this.texts.set(summary, kept);
      return kept;
    }
    // The text alone: the snippet needs no structure (finding it for thirty articles a keystroke ran in the host's stalls).
    const text = await this.corpus.readArticleText(vscode.Uri.parse(summary.uri, true), maxBytes);
    if (text === undefined) return undefined;
    this.texts.set(summary, text);
    if (this.texts.size > TEXTS_KEPT) this.texts.delete(this.texts.keys().next().value as ArticleSummary);
    return text;
  }

  private entityItem(entity: NamedEntity): ResultItem {
    const indexed = this.indexer.entities.entity(entity.id);
    const counts = indexed ? `${indexed.articles.toLocaleString('en')} ${indexed.articles === 1 ? 'article' : 'articles'} · ${indexed.mentions.toLocaleString('en')} ${indexed.mentions === 1 ? 'mention' : 'mentions'}` : '';
    const described = this.knowledgeBases.knowledgeBaseEntity(entity.id);
    return {
      result: 'entity',
      entity,
      label: escapeThemeIcons(entity.name),
      iconPath: entityIcon(entity.type),
      description: [ENTITY_TYPE_NAMES[entity.type], counts].filter(Boolean).join(' · '),
      detail: described?.description ? escapeThemeIcons(described.description) : undefined,
      alwaysShow: true,
    };
  }

  /**
   * The entities the box can name: the knowledge base's, and the corpus's most widely mentioned. Made again
   * when the entity index has changed, but while it fills at most every few seconds: finding the most
   * widely mentioned of 100,000 names and indexing them for fuzzy matching took the extension host
   * hundreds of milliseconds, and a query every keystroke made them again.
   */
  private entityMatcher(): EntityMatcher {
    const index = this.indexer.entities;
    const generation = index.generation;
    const cached = this.matcherCache;
    const filling = this.indexer.status.phase === 'indexing' || this.indexer.status.phase === 'loading';
    if (cached && (cached.generation === generation || (filling && performance.now() - cached.at < MATCHER_REFRESH_MS))) return cached.matcher;
    const matcher = this.makeEntityMatcher();
    this.matcherCache = { generation, at: performance.now(), matcher };
    return matcher;
  }

  private makeEntityMatcher(): EntityMatcher {
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

/**
 * The row that says the corpus is still loading or being indexed, with how
 * far it has got (the results so far are listed below it); none once the
 * index covers the corpus.
 */
function loadingNote(status: IndexStatus): ResultItem | undefined {
  const label = progressLine(status, 'search');
  if (label === undefined) return undefined;
  const detail = status.phase === 'loading' ? 'Results appear as the articles are indexed.' : 'The results so far; more appear as the index grows.';
  return { result: 'none', label, iconPath: new vscode.ThemeIcon('loading~spin'), detail, alwaysShow: true };
}
