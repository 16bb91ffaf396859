import * as vscode from 'vscode';
import { formatMonth } from '../../core/dates';
import { monthRange, yearRange } from '../../core/quotes/quoteIndex';
import { QUOTE_KINDS, type QuoteKind } from '../../core/quotes/quoteTypes';
import { foldForMatching } from '../../core/text';
import { QuotesCommandId } from '../constants';
import type { CorpusService } from '../services/corpus/corpusService';
import type { ArticleDocuments } from '../services/entities/articleDocuments';
import type { CorpusIndexService } from '../services/index/corpusIndexService';
import type { CorpusStartup } from '../services/persistence/corpusStartup';
import type { ArticleOpener } from '../services/readers/articleOpener';
import { KIND_NAMES, MAX_WORD_SEARCH, type QuotesFilters, type QuotesReport, type QuotesView } from './quotesView';

export interface QuoteCommandContext {
  readonly view: QuotesView;
  readonly indexer: CorpusIndexService;
  readonly corpus: CorpusService;
  readonly readers: ArticleOpener;
  readonly startup: CorpusStartup;
  /** Article files open as text: an editor's context menu asks for the name under its cursor. */
  readonly documents: ArticleDocuments;
}

/** What a Quotes command did: the view as it shows the new filters, or why nothing changed. */
export type QuotesOutcome = { readonly shown: true; readonly report: QuotesReport } | { readonly shown: false; readonly reason: string };

/** Speakers offered in the speaker pick before typing narrows them. */
const PICK_SPEAKERS = 200;

/**
 * An entity id from a command's argument: a string (a hover card's link, the reader, another extension) or an
 * Entities view node (`{ kind: 'entity', entity: { id } }`); undefined for anything else.
 */
function idArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && (arg as Record<string, unknown>).kind === 'entity') {
    const entity = (arg as Record<string, unknown>).entity;
    const id = typeof entity === 'object' && entity !== null ? (entity as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

export function registerQuoteCommands(ctx: QuoteCommandContext): vscode.Disposable[] {
  const { view, indexer } = ctx;
  const refused = (reason: string): QuotesOutcome => ({ shown: false, reason });
  const apply = async (filters: QuotesFilters): Promise<QuotesOutcome> => ({ shown: true, report: await view.setFilters(filters) });

  /** A speaker the index knows, by id: their id and name; undefined for anything else. */
  const nameAtCursor = (uri: vscode.Uri): string | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== uri.toString()) return undefined;
    return ctx.documents.get(editor.document)?.mentionAt(editor.selection.active)?.entityId;
  };

  const speakerOf = (arg: unknown): { id: string; name: string } | undefined => {
    const id = idArgument(arg);
    const entity = id === undefined ? undefined : indexer.entities.entity(id);
    return entity ? { id: entity.id, name: entity.name } : undefined;
  };

  const pickSpeaker = async (): Promise<{ id: string; name: string } | null | undefined> => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { speaker?: { id: string; name: string } }>();
    pick.title = 'Filter Quotes by Speaker';
    // The list is filtered here, by folded names, not by the quick pick's own matching.
    pick.matchOnDescription = false;
    const fill = (typed: string) => {
      const folded = foldForMatching(typed.trim());
      const { speakers, total } = indexer.topSpeakers(PICK_SPEAKERS, folded ? (name) => name.includes(folded) : undefined);
      const items: (vscode.QuickPickItem & { speaker?: { id: string; name: string } })[] = [];
      if (!folded && view.filters.speaker) items.push({ label: '$(clear-all) All speakers', description: 'clear the speaker filter' });
      for (const speaker of speakers) {
        // Shown whatever the quick pick's matching makes of the typed text: the folding above chose them.
        items.push({ label: speaker.name, description: `${speaker.quotes.toLocaleString('en')} ${speaker.quotes === 1 ? 'quote' : 'quotes'}`, alwaysShow: true, speaker: { id: speaker.id, name: speaker.name } });
      }
      pick.items = items;
      // How many there are, and that typing finds the rest.
      pick.placeholder =
        total > speakers.length
          ? `The ${speakers.length.toLocaleString('en')} of ${total.toLocaleString('en')} speakers with the most quotes; type part of a name for the others`
          : total === 0 && folded
            ? 'No speaker of a quote has that name'
            : 'Type part of a name (case, accents and æ/ae, ø/oe, å/aa are forgiven)';
    };
    fill('');
    pick.onDidChangeValue(fill);
    return new Promise((resolve) => {
      let chosen: { id: string; name: string } | null | undefined;
      pick.onDidAccept(() => {
        // Enter on the active row: accepted as the list was being filled again, nothing may be selected yet.
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (item) chosen = item.speaker ?? null;
        pick.hide();
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve(chosen);
      });
      pick.show();
    });
  };

  const showQuotes = async (given?: unknown): Promise<QuotesOutcome> => {
    ctx.startup.ensure('the Quotes view was asked for');
    // An article file's context menu passes the file's URI: the name under that editor's cursor, or a pick.
    const arg = given instanceof vscode.Uri ? nameAtCursor(given) : given;
    if (arg !== undefined) {
      const speaker = speakerOf(arg);
      if (!speaker) {
        const reason = 'That is not an entity of the corpus index.';
        void vscode.window.showWarningMessage(`Show Quotes: ${reason}`);
        return refused(reason);
      }
      const outcome = await apply({ speaker });
      await view.reveal();
      return outcome;
    }
    const speaker = await pickSpeaker();
    if (speaker === undefined) return refused('No speaker was picked.');
    const outcome = await apply(speaker === null ? {} : { speaker });
    await view.reveal();
    return outcome;
  };

  const filterSpeaker = async (arg?: unknown): Promise<QuotesOutcome> => {
    if (arg !== undefined) {
      const speaker = speakerOf(arg);
      return speaker ? apply({ ...view.filters, speaker }) : refused('That is not an entity of the corpus index.');
    }
    const speaker = await pickSpeaker();
    if (speaker === undefined) return refused('No speaker was picked.');
    return apply({ ...view.filters, speaker: speaker ?? undefined });
  };

  const periodOf = (value: string): QuotesFilters['period'] => {
    if (/^\d{4}$/u.test(value)) return { label: value, ...yearRange(Number(value)) };
    const range = monthRange(value);
    if (!range) return undefined;
    const [year, month] = value.split('-').map(Number);
    return { label: formatMonth(year, month), ...range };
  };

  const filterPeriod = async (arg?: unknown): Promise<QuotesOutcome> => {
    if (typeof arg === 'string') {
      const period = periodOf(arg);
      return period ? apply({ ...view.filters, period }) : refused('A period is a year (2022) or a month (2022-02).');
    }
    if (arg !== undefined) return refused('A period is a year (2022) or a month (2022-02).');
    // The months that have quotes under the other filters, by year, newest first.
    const months = indexer.quoteMonths(view.indexFilter({ ...view.filters, period: undefined }));
    const years = new Map<string, number>();
    for (const { month, quotes } of months) years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + quotes);
    const items: (vscode.QuickPickItem & { value?: string | null })[] = [{ label: '$(clear-all) All periods', value: null }];
    for (const [year, quotes] of years) {
      items.push({ label: year, kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: `All of ${year}`, description: count(quotes), value: year });
      for (const { month, quotes: inMonth } of months) {
        if (!month.startsWith(year)) continue;
        const [y, m] = month.split('-').map(Number);
        items.push({ label: formatMonth(y, m), description: count(inMonth), value: month });
      }
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter Quotes by Period', placeHolder: months.length ? 'A year or a month' : 'No quotes yet under the other filters' });
    if (!picked || picked.value === undefined) return refused('No period was picked.');
    return apply({ ...view.filters, period: picked.value === null ? undefined : periodOf(picked.value) });
  };

  const filterKind = async (arg?: unknown): Promise<QuotesOutcome> => {
    let kinds: QuoteKind[];
    if (Array.isArray(arg)) {
      if (!arg.every((kind) => typeof kind === 'string' && (QUOTE_KINDS as readonly string[]).includes(kind))) return refused(`The kinds are ${QUOTE_KINDS.join(', ')}.`);
      kinds = arg as QuoteKind[];
    } else if (arg !== undefined) return refused(`The kinds are ${QUOTE_KINDS.join(', ')}.`);
    else {
      const current = view.filters.kinds ?? [];
      const picked = await vscode.window.showQuickPick(
        QUOTE_KINDS.map((quoteKind) => ({ label: KIND_NAMES[quoteKind], quoteKind, picked: current.includes(quoteKind) })),
        { title: 'Filter Quotes by Kind', placeHolder: 'The kinds of quote to list (none picked: all)', canPickMany: true },
      );
      if (!picked) return refused('No kind was picked.');
      kinds = picked.map((item) => item.quoteKind);
    }
    // All three, or none: no filter.
    return apply({ ...view.filters, kinds: kinds.length === 0 || kinds.length === QUOTE_KINDS.length ? undefined : kinds });
  };

  const filterWords = async (arg?: unknown): Promise<QuotesOutcome> => {
    let words: string | undefined;
    if (typeof arg === 'string') words = arg;
    else if (arg !== undefined) return refused('Words are a string.');
    else {
      words = await vscode.window.showInputBox({
        title: 'Filter Quotes by Words',
        prompt: `Quotes holding every word (case, accents and æøå forgiven), among those the other filters list; at most ${MAX_WORD_SEARCH.toLocaleString('en')} are searched.`,
        value: view.filters.words ?? '',
        placeHolder: 'for example: diplomatisk løsning',
      });
      if (words === undefined) return refused('No words were given.');
    }
    words = words.trim().slice(0, 200);
    if (!words) return apply({ ...view.filters, words: undefined });
    const filters = { ...view.filters, words };
    const candidates = view.countWithoutWords(filters);
    if (candidates > MAX_WORD_SEARCH) {
      const reason = `${candidates.toLocaleString('en')} quotes pass the other filters; words are searched in at most ${MAX_WORD_SEARCH.toLocaleString('en')}. Narrow the list by speaker, period or kind first.`;
      void vscode.window.showWarningMessage(reason);
      return refused(reason);
    }
    const done = await view.searchWordsWithProgress(filters);
    return done === 'cancelled' ? refused('The search was cancelled.') : { shown: true, report: view.report ?? (await view.setFilters(filters)) };
  };

  const openQuote = async (uri?: unknown, reveal?: unknown): Promise<void> => {
    if (typeof uri !== 'string') return;
    // Only an article of the corpus, and a range that is one.
    if (ctx.corpus.corpus.get(uri)?.kind !== 'article') return;
    const range = isRange(reveal) ? { start: reveal.start, end: reveal.end } : undefined;
    await ctx.readers.open(vscode.Uri.parse(uri, true), range ? { reveal: range } : {});
  };

  return [
    vscode.commands.registerCommand(QuotesCommandId.Show, showQuotes),
    vscode.commands.registerCommand(QuotesCommandId.FilterSpeaker, filterSpeaker),
    vscode.commands.registerCommand(QuotesCommandId.FilterPeriod, filterPeriod),
    vscode.commands.registerCommand(QuotesCommandId.FilterKind, filterKind),
    vscode.commands.registerCommand(QuotesCommandId.FilterWords, filterWords),
    vscode.commands.registerCommand(QuotesCommandId.ClearFilters, () => apply({})),
    vscode.commands.registerCommand(QuotesCommandId.Open, openQuote),
    vscode.commands.registerCommand(QuotesCommandId.ShowMore, (month: unknown) => {
      if (typeof month === 'string') view.showMore(month);
    }),
  ];
}

function count(quotes: number): string {
  return `${quotes.toLocaleString('en')} ${quotes === 1 ? 'quote' : 'quotes'}`;
}

function isRange(value: unknown): value is { start: number; end: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end } = value as Record<string, unknown>;
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) >= (start as number);
}
