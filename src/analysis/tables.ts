/**
 * The analysis panel's tables, as plain data: what the chart and the network draw, row by row, for screen
 * readers and for copying (TSV). Pure: unit-tested, and used by the webview to build its `<table>`s.
 */
import type { ListRequest, NetworkData, TimelineData } from './protocol';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-02` → `February 2022`. */
export function monthLabel(period: string): string {
  const [year, month] = period.split('-');
  const name = MONTH_NAMES[Number(month) - 1];
  return name ? `${name} ${year}` : period;
}

export interface TableRow {
  readonly cells: readonly string[];
  /** What the row's button lists: a month of an entity, or an edge. */
  /** The list a row's button asks for. */
  readonly action: ListRequest | undefined;
  readonly actionLabel: string | undefined;
}

export interface Table {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly TableRow[];
}

/**
 * One row per entity and month that has an article (months without any are left out: the chart shows them
 * as gaps), in the chart's order: month by month, entities in the legend's order within each.
 */
export function timelineTable(data: TimelineData): Table {
  const rows: TableRow[] = [];
  data.months.forEach((period, m) => {
    data.entities.forEach((entity, e) => {
      const articles = data.series[e].articles[m];
      if (articles === 0) return;
      const mentions = data.series[e].mentions[m];
      rows.push({
        cells: [monthLabel(period), entity.name, String(mentions), String(articles)],
        action: { kind: 'month', entityId: entity.id, period },
        actionLabel: `List the ${articles === 1 ? 'article' : `${articles} articles`} naming ${entity.name} in ${monthLabel(period)}`,
      });
    });
  });
  const names = data.entities.map((entity) => entity.name).join(', ');
  return { caption: `Mentions per month: ${names}`, head: ['Month', 'Entity', 'Mentions', 'Articles'], rows };
}

/** One row per edge, strongest first (as the index ranks them: shared paragraphs, then articles). */
export function networkTable(data: NetworkData): Table {
  const byId = new Map(data.neighbours.map((entity) => [entity.id, entity]));
  const rows = data.edges.map((edge): TableRow => {
    const name = byId.get(edge.id)?.name ?? edge.id;
    return {
      cells: [name, String(edge.articles), String(edge.paragraphs)],
      action: { kind: 'edge', a: data.centre.id, b: edge.id },
      actionLabel: `List the ${edge.articles === 1 ? 'article' : `${edge.articles} articles`} naming both ${data.centre.name} and ${name}`,
    };
  });
  const shown = data.total > data.edges.length ? ` (the strongest ${data.edges.length} of ${data.total})` : '';
  return { caption: `Named with ${data.centre.name}${shown}`, head: ['Entity', 'Shared articles', 'Shared paragraphs'], rows };
}

/** A cell as TSV holds it: tabs and line breaks become spaces. */
const tsvCell = (cell: string) => cell.replace(/[\t\r\n]+/g, ' ');

/** The table as tab-separated values, a header line first (pastes into a spreadsheet as columns). */
export function toTsv(table: Table): string {
  return [table.head, ...table.rows.map((row) => row.cells)].map((cells) => cells.map(tsvCell).join('\t')).join('\n') + '\n';
}

/** Bars a timeline draws: one per entity and month with a mention. */
export function barCount(data: TimelineData): number {
  return data.series.reduce((sum, series) => sum + series.mentions.filter((value) => value > 0).length, 0);
}
