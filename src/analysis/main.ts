/**
 * The analysis panel's webview: a timeline (chart.js bars, one series per entity) or a co-occurrence network
 * (cytoscape), each with the same data as a table, and the articles behind a bar or an edge. It draws what the
 * host sends (checked by `parseHostMessage`), in the theme's colours (read from VS Code's CSS variables, drawn
 * again when the theme changes), and reports what it drew.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import cytoscape from 'cytoscape';
import { type AnalysisState, type ArticleList, type HostMessage, type NetworkData, parseHostMessage, type TimelineData, type WebviewMessage } from './protocol';
import { barCount, monthLabel, networkTable, type Table, timelineTable, toTsv } from './tables';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: AnalysisState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const host = acquireVsCodeApi();
const root = document.getElementById('analysis') as HTMLElement;

let shown: Extract<HostMessage, { type: 'didShow' }> | undefined;
let list: ArticleList | undefined;
let chart: Chart | undefined;
let network: cytoscape.Core | undefined;
/** The bar or edge the keys are on, by index into what is drawn now. */
let focusBar = { series: 0, month: 0 };
let focusEdge = 0;
/**
 * The same by stable key (entity and month, the other end of the edge), so that a redraw with other data (indexing
 * done, an entity added or removed) keeps the keys on the same bar or edge, or the nearest one left.
 */
let focusBarKey: { entityId: string; period: string } | undefined;
let focusEdgeKey: string | undefined;

/**
 * Focus across a redraw. Every control the panel draws carries a stable key (`data-focus-key`: a button's role, a
 * row's entity and month or edge, an article's URI); `render` notes the focused one's key before it empties the page
 * and focuses the element with that key after drawing, or the nearest equivalent (`fallbackKeys`), without scrolling
 * the page away from where it was. Focus inside the page is then never dropped to the document, where a screen
 * reader would start again from the top.
 */
const FOCUS_KEY = 'data-focus-key';

interface FocusKey {
  readonly key: string;
  /** Its place among the controls of its kind (`row:`, `article:`, `remove:`), for the nearest one when it is gone. */
  readonly place: number;
}

function keyed(): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${FOCUS_KEY}]`)];
}

function kindOf(key: string): string {
  return key.split(':')[0];
}

function focusedKey(): FocusKey | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return undefined;
  const key = active.closest(`[${FOCUS_KEY}]`)?.getAttribute(FOCUS_KEY);
  if (!key) return undefined;
  const sameKind = keyed().filter((node) => kindOf(node.getAttribute(FOCUS_KEY) ?? '') === kindOf(key));
  return { key, place: Math.max(0, sameKind.findIndex((node) => node.getAttribute(FOCUS_KEY) === key)) };
}

/**
 * The element to focus after a redraw: the one with the same key; else the control of the same kind at the same
 * place (or the last one); else the chart or network, the Copy button, and last the pressed view button.
 */
function focusTarget(focus: FocusKey): HTMLElement | undefined {
  const nodes = keyed();
  const byKey = (key: string) => nodes.find((node) => node.getAttribute(FOCUS_KEY) === key);
  const same = byKey(focus.key);
  if (same) return same;
  const sameKind = focus.key.includes(':') ? nodes.filter((node) => kindOf(node.getAttribute(FOCUS_KEY) ?? '') === kindOf(focus.key)) : [];
  if (sameKind.length > 0) return sameKind[Math.min(focus.place, sameKind.length - 1)];
  return ['chart', 'network', 'copy', `view:${shown?.view ?? 'timeline'}`].map(byKey).find((node) => node !== undefined);
}

function restoreFocus(focus: FocusKey | undefined, scroll: { x: number; y: number }): void {
  if (focus === undefined) return;
  focusTarget(focus)?.focus({ preventScroll: true });
  window.scrollTo(scroll.x, scroll.y);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function button(text: string, onClick: () => void, attrs: Record<string, string> = {}, className = 'button'): HTMLButtonElement {
  const node = el('button', { className, text, attrs: { type: 'button', ...attrs } });
  node.addEventListener('click', onClick);
  return node;
}

/** The theme's colours, from VS Code's CSS variables. */
function theme() {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    highContrast,
    foreground: v('--vscode-foreground', '#888'),
    background: v('--vscode-editor-background', '#fff'),
    lines: v('--vscode-charts-lines', '#8888'),
    border: v('--vscode-contrastBorder', '') || v('--vscode-foreground', '#888'),
    focus: v('--vscode-focusBorder', '#07f'),
    font: style.fontFamily,
    series: readable(
      ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'].map((name) => v(name, '')).filter(Boolean),
      v('--vscode-editor-background', '#fff'),
      v('--vscode-foreground', '#888'),
    ),
  };
}

/** A colour as the browser resolves it, `[r, g, b]` (0–255), or undefined when it cannot be read. */
function rgbOf(colour: string): [number, number, number] | undefined {
  const probe = document.createElement('span');
  probe.style.color = colour;
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  const match = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/u.exec(resolved);
  if (!match || (match[4] !== undefined && Number(match[4]) < 1)) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * The theme's chart colours that stand out from the background (3:1, WCAG's contrast for graphics), in their
 * order; a theme whose orange is a dark brown on a dark page loses it. The foreground if none does.
 */
function readable(colours: readonly string[], background: string, foreground: string): string[] {
  const page = rgbOf(background);
  if (!page) return colours.length ? [...colours] : [foreground];
  const kept = colours.filter((colour) => {
    const rgb = rgbOf(colour);
    if (!rgb) return false;
    const [a, b] = [luminance(rgb), luminance(page)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05) >= 3;
  });
  return kept.length ? kept : [foreground];
}

const announcer = el('div', { className: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });

function announce(text: string): void {
  announcer.textContent = text;
}

/**
 * The control last focused in the page. While the page is not focused (the theme picker or another part of the
 * workbench has the keys) and after VS Code gives it the keys back, its focus may have dropped to the body; a
 * redraw then restores this one rather than leave the keys at the top of the page.
 */
let lastFocus: FocusKey | undefined;
root.addEventListener('focusin', () => {
  lastFocus = focusedKey() ?? lastFocus;
});

function render(): void {
  const active = document.activeElement;
  const key = focusedKey() ?? (active === null || active === document.body ? lastFocus : undefined);
  const scroll = { x: window.scrollX, y: window.scrollY };
  draw();
  restoreFocus(key, scroll);
}

function draw(): void {
  chart?.destroy();
  chart = undefined;
  network?.destroy();
  network = undefined;
  root.replaceChildren();
  root.setAttribute('aria-busy', 'false');
  if (!shown) return;
  const message = shown;
  const view = message.view;

  const toolbar = el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Analysis' } });
  for (const [id, label] of [['timeline', 'Timeline'], ['network', 'Network']] as const) {
    toolbar.append(button(label, () => host.postMessage({ type: 'webviewDidRequestView', view: id }), { 'aria-pressed': String(view === id), [FOCUS_KEY]: `view:${id}` }, `button toggle${view === id ? ' pressed' : ''}`));
  }
  toolbar.append(button(view === 'timeline' ? 'Add Entity…' : 'Choose Entity…', () => host.postMessage({ type: 'webviewDidRequestAddEntity' }), { [FOCUS_KEY]: 'add' }));
  root.append(el('h1', { className: 'title', text: view === 'timeline' ? 'Timeline: mentions per month' : 'Network: names that appear together' }), toolbar);

  if (message.timeline && view === 'timeline') {
    const chips = el('ul', { className: 'chips', attrs: { 'aria-label': 'Entities on the timeline' } });
    const colours = theme().series;
    message.timeline.entities.forEach((entity, i) => {
      const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
      // The series' own colour (the theme's that stand out from the page), set through the CSSOM as the policy allows.
      swatch.style.backgroundColor = colours[i % colours.length];
      chips.append(el('li', { className: 'chip' }, swatch, el('span', { text: entity.name }), button('×', () => host.postMessage({ type: 'webviewDidRequestRemoveEntity', entityId: entity.id }), { 'aria-label': `Remove ${entity.name} from the timeline`, title: `Remove ${entity.name}`, [FOCUS_KEY]: `remove:${entity.id}` }, 'chip-remove')));
    });
    root.append(chips);
  }

  if (message.status === 'indexing') root.append(el('p', { className: 'notice', text: 'The corpus is still being indexed: these counts are partial. The panel is drawn again when indexing is done.', attrs: { role: 'status' } }));
  root.append(announcer);
  if (message.empty) {
    root.append(el('p', { className: 'empty', text: message.empty }));
  }
  let table: Table | undefined;
  if (view === 'timeline' && message.timeline && message.timeline.months.length > 0) {
    drawTimeline(message.timeline);
    table = timelineTable(message.timeline);
  } else if (view === 'network' && message.network && message.network.edges.length > 0) {
    drawNetwork(message.network);
    table = networkTable(message.network);
  }
  if (table) root.append(renderTable(table));
  if (list) root.append(renderList(list));
  host.setState(stateOf(message));
  requestAnimationFrame(() => report(table));
}

function stateOf(message: Extract<HostMessage, { type: 'didShow' }>): AnalysisState {
  const saved = host.getState() as Partial<AnalysisState> | undefined;
  return {
    view: message.view,
    timeline: message.timeline ? message.timeline.entities.map((entity) => entity.id) : (saved?.timeline ?? []),
    centre: message.network ? message.network.centre.id : saved?.centre,
    ...(list ? { list: list.request } : {}),
  };
}

function drawTimeline(data: TimelineData): void {
  const colours = theme();
  const wrap = el('div', { className: 'chart' });
  const canvas = el('canvas', {
    attrs: {
      tabindex: '0',
      role: 'img',
      [FOCUS_KEY]: 'chart',
      'aria-label': `Bar chart of mentions per month, ${data.months.length} months. Arrow keys move between bars (up and down between entities), Enter lists that month's articles. The same data is in the table below.`,
    },
  });
  wrap.append(canvas);
  root.append(wrap);
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.months.map(monthLabel),
      datasets: data.entities.map((entity, i) => ({
        label: entity.name,
        data: [...data.series[i].mentions],
        backgroundColor: colours.series[i % colours.series.length],
        borderColor: colours.highContrast ? colours.border : colours.series[i % colours.series.length],
        borderWidth: colours.highContrast ? 2 : 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: colours.foreground,
      font: { family: colours.font },
      scales: {
        x: { ticks: { color: colours.foreground }, grid: { color: colours.lines }, border: { color: colours.lines } },
        y: { beginAtZero: true, ticks: { color: colours.foreground, precision: 0 }, grid: { color: colours.lines }, border: { color: colours.lines }, title: { display: true, text: 'Mentions', color: colours.foreground } },
      },
      plugins: {
        legend: { labels: { color: colours.foreground, boxWidth: 14 } },
        tooltip: {
          callbacks: { afterLabel: (item) => `${data.series[item.datasetIndex].articles[item.dataIndex]} articles` },
        },
      },
      onClick: (_event, elements) => {
        const [hit] = elements;
        if (hit) requestMonth(data, hit.datasetIndex, hit.index);
      },
    },
  });
  focusBar = barFromKey(data);
  canvas.addEventListener('keydown', (event) => {
    const { series, month } = focusBar;
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    if (event.key in moves) {
      const [ds, dm] = moves[event.key];
      setFocusBar(data, (series + ds + data.entities.length) % data.entities.length, Math.max(0, Math.min(data.months.length - 1, month + dm)));
    } else if (event.key === 'Home') setFocusBar(data, series, 0);
    else if (event.key === 'End') setFocusBar(data, series, data.months.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      requestMonth(data, series, month);
    } else return;
    event.preventDefault();
    showFocusedBar(data);
  });
  canvas.addEventListener('focus', () => showFocusedBar(data));
}

function showFocusedBar(data: TimelineData): void {
  if (!chart) return;
  const { series, month } = focusBar;
  const active = [{ datasetIndex: series, index: month }];
  chart.setActiveElements(active);
  const bar = chart.getDatasetMeta(series).data[month];
  chart.tooltip?.setActiveElements(active, { x: bar?.x ?? 0, y: bar?.y ?? 0 });
  chart.update();
  const entity = data.entities[series];
  announce(`${monthLabel(data.months[month])}, ${entity.name}: ${data.series[series].mentions[month]} mentions in ${data.series[series].articles[month]} articles`);
}

function setFocusBar(data: TimelineData, series: number, month: number): void {
  focusBar = { series, month };
  focusBarKey = { entityId: data.entities[series].id, period: data.months[month] };
}

/** The bar the keys were on, in this data: the same entity and month, else the same place clamped to what is drawn. */
function barFromKey(data: TimelineData): { series: number; month: number } {
  const series = focusBarKey ? data.entities.findIndex((entity) => entity.id === focusBarKey?.entityId) : -1;
  const month = focusBarKey ? nearestMonth(data.months, focusBarKey.period) : -1;
  return {
    series: series >= 0 ? series : Math.max(0, Math.min(focusBar.series, data.entities.length - 1)),
    month: month >= 0 ? month : Math.max(0, Math.min(focusBar.month, data.months.length - 1)),
  };
}

/** The month's index, or the last month before it (the first if none), in sorted `YYYY-MM` months. */
function nearestMonth(months: readonly string[], period: string): number {
  if (months.length === 0) return -1;
  let index = 0;
  months.forEach((month, i) => {
    if (month <= period) index = i;
  });
  return index;
}

function requestMonth(data: TimelineData, series: number, month: number): void {
  setFocusBar(data, series, month);
  host.postMessage({ type: 'webviewDidRequestMonth', entityId: data.entities[series].id, period: data.months[month] });
}

function drawNetwork(data: NetworkData): void {
  const colours = theme();
  const container = el('div', {
    className: 'network',
    attrs: {
      tabindex: '0',
      role: 'img',
      [FOCUS_KEY]: 'network',
      'aria-label': `Network of the ${data.edges.length} names that appear most with ${data.centre.name}. Arrow keys move between the ties, Enter lists the articles naming both; clicking a name centres the network on it. The same data is in the table below.`,
    },
  });
  root.append(container);
  const maxParagraphs = Math.max(1, ...data.edges.map((edge) => edge.paragraphs));
  const byId = new Map(data.neighbours.map((entity) => [entity.id, entity]));
  network = cytoscape({
    container,
    elements: [
      { data: { id: data.centre.id, label: data.centre.name, centre: 1 } },
      ...data.edges.map((edge) => ({ data: { id: edge.id, label: byId.get(edge.id)?.name ?? edge.id, centre: 0 } })),
      ...data.edges.map((edge) => ({ data: { id: `edge:${edge.id}`, source: data.centre.id, target: edge.id, weight: 1 + (5 * edge.paragraphs) / maxParagraphs, label: String(edge.articles) } })),
    ],
    layout: { name: 'concentric', concentric: (node: cytoscape.NodeSingular) => (node.data('centre') ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 70, padding: 30, animate: false },
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': colours.series[0],
          'border-width': colours.highContrast ? 2 : 0,
          'border-color': colours.border,
          label: 'data(label)',
          color: colours.foreground,
          'font-family': colours.font,
          'font-size': 12,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': colours.background,
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
          width: 18,
          height: 18,
        },
      },
      { selector: 'node[centre = 1]', style: { 'background-color': colours.series[1], width: 30, height: 30, 'font-weight': 'bold', 'font-size': 14 } },
      {
        selector: 'edge',
        style: {
          width: 'data(weight)',
          'line-color': colours.lines,
          label: 'data(label)',
          color: colours.foreground,
          'font-size': 10,
          'text-background-color': colours.background,
          'text-background-opacity': 1,
          'text-background-padding': '1px',
          'curve-style': 'straight',
        },
      },
      { selector: 'edge.focused', style: { 'line-color': colours.focus, 'line-style': 'dashed', width: 6, 'z-index': 10 } },
    ],
  });
  network.on('tap', 'edge', (event) => {
    const index = data.edges.findIndex((edge) => `edge:${edge.id}` === event.target.id());
    if (index >= 0) requestEdge(data, index);
  });
  network.on('tap', 'node', (event) => {
    const id = event.target.id() as string;
    if (id !== data.centre.id) host.postMessage({ type: 'webviewDidRequestCentre', entityId: id });
  });
  const kept = focusEdgeKey === undefined ? -1 : data.edges.findIndex((edge) => edge.id === focusEdgeKey);
  focusEdge = kept >= 0 ? kept : Math.max(0, Math.min(focusEdge, data.edges.length - 1));
  container.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') setFocusEdge(data, (focusEdge + 1) % data.edges.length);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') setFocusEdge(data, (focusEdge - 1 + data.edges.length) % data.edges.length);
    else if (event.key === 'Enter' || event.key === ' ') requestEdge(data, focusEdge);
    else return;
    event.preventDefault();
    showFocusedEdge(data);
  });
  container.addEventListener('focus', () => showFocusedEdge(data));
  container.addEventListener('blur', () => network?.edges().removeClass('focused'));
}

function showFocusedEdge(data: NetworkData): void {
  const edge = data.edges[focusEdge];
  if (!network || !edge) return;
  network.edges().removeClass('focused');
  network.getElementById(`edge:${edge.id}`).addClass('focused');
  const name = data.neighbours.find((n) => n.id === edge.id)?.name ?? edge.id;
  announce(`${data.centre.name} and ${name}: ${edge.articles} shared articles, ${edge.paragraphs} shared paragraphs`);
}

function setFocusEdge(data: NetworkData, index: number): void {
  focusEdge = index;
  focusEdgeKey = data.edges[index]?.id;
}

function requestEdge(data: NetworkData, index: number): void {
  setFocusEdge(data, index);
  host.postMessage({ type: 'webviewDidRequestEdge', a: data.centre.id, b: data.edges[index].id });
}

function renderTable(table: Table): HTMLElement {
  const section = el('section', { className: 'table-section', attrs: { 'aria-label': 'The data as a table' } });
  const copy = button('Copy as TSV', () => host.postMessage({ type: 'webviewDidRequestCopy', text: toTsv(table) }), { title: 'Copy the table as tab-separated values (pastes into a spreadsheet)', [FOCUS_KEY]: 'copy' });
  const head = el('tr', {}, ...[...table.head, 'Articles list'].map((label) => el('th', { text: label, attrs: { scope: 'col' } })));
  const body = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr');
    row.cells.forEach((cell, i) => tr.append(i === 0 ? el('th', { text: cell, attrs: { scope: 'row' } }) : el('td', { text: cell, className: /^\d+$/.test(cell) ? 'number' : '' })));
    const action = row.action;
    const cell = el('td');
    if (action) {
      cell.append(
        button('List', () => {
          if (action.kind === 'month') host.postMessage({ type: 'webviewDidRequestMonth', entityId: action.entityId, period: action.period });
          else host.postMessage({ type: 'webviewDidRequestEdge', a: action.a, b: action.b });
        }, { 'aria-label': row.actionLabel ?? 'List the articles', [FOCUS_KEY]: action.kind === 'month' ? `row:month:${action.entityId}:${action.period}` : `row:edge:${action.a}:${action.b}` }, 'link-button'),
      );
    }
    tr.append(cell);
    body.append(tr);
  }
  section.append(el('div', { className: 'table-bar' }, copy), el('table', {}, el('caption', { text: table.caption }), el('thead', {}, head), body));
  return section;
}

function renderList(articles: ArticleList): HTMLElement {
  const heading = el('h2', { text: `${articles.title}: ${articles.total === 1 ? '1 article' : `${articles.total} articles`}`, attrs: { tabindex: '-1', id: 'list-heading', [FOCUS_KEY]: 'list-heading' } });
  const items = el('ul', { className: 'articles' });
  for (const article of articles.articles) {
    const open = button(article.title, () => host.postMessage({ type: 'webviewDidRequestOpenArticle', uri: article.uri, entityId: articles.entityId }), { [FOCUS_KEY]: `article:${article.uri}` }, 'link-button article-link');
    const count = articles.counts === 'mentions' ? `${article.count} mentions` : `${article.count} shared paragraphs`;
    items.append(el('li', {}, open, el('span', { className: 'meta', text: ` ${article.dateLabel} · ${count}` })));
  }
  const more = articles.total > articles.articles.length ? el('p', { className: 'meta', text: `The newest ${articles.articles.length} of ${articles.total} are listed.` }) : el('span');
  return el('section', { className: 'list', attrs: { 'aria-labelledby': 'list-heading' } }, heading, items, more);
}

function report(table: Table | undefined): void {
  if (!shown) return;
  host.postMessage({
    type: 'webviewDidRender',
    view: shown.view,
    status: shown.status,
    empty: shown.empty,
    entities: shown.view === 'timeline' ? (shown.timeline?.entities.map((e) => e.id) ?? []) : shown.network ? [shown.network.centre.id, ...shown.network.neighbours.map((e) => e.id)] : [],
    months: shown.view === 'timeline' ? [...(shown.timeline?.months ?? [])] : [],
    bars: chart && shown.timeline ? barCount(shown.timeline) : 0,
    nodes: network?.nodes().length ?? 0,
    edges: network?.edges().length ?? 0,
    tableRows: table?.rows.length ?? 0,
    list: list ? { title: list.title, uris: list.articles.map((a) => a.uri) } : undefined,
  });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    console.warn('Annotated Reader: the analysis panel ignored a malformed message', event.data);
    return;
  }
  if (message.type === 'didShow') {
    if (shown && (shown.view !== message.view || JSON.stringify(shown.timeline?.entities) !== JSON.stringify(message.timeline?.entities) || shown.network?.centre.id !== message.network?.centre.id)) list = undefined;
    shown = message;
    render();
  } else {
    list = message.list;
    render();
    document.getElementById('list-heading')?.focus();
  }
});

// The theme changed (VS Code sets the body's classes): drawn again in its colours.
new MutationObserver(() => render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const saved = host.getState();
host.postMessage({ type: 'webviewDidLoad', state: isState(saved) ? saved : undefined });

function isState(value: unknown): value is AnalysisState {
  return typeof value === 'object' && value !== null && 'view' in value;
}
