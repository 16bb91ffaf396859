import * as assert from 'node:assert/strict';
import { MAX_TIMELINE_ENTITIES, parseHostMessage, parseWebviewMessage, type NetworkData, type TimelineData } from '../../src/analysis/protocol';
import { barCount, monthLabel, networkTable, timelineTable, toTsv } from '../../src/analysis/tables';

const putin = { id: 'Q7747', name: 'Vladimir Putin', type: 'person' as const };
const macron = { id: 'Q3052772', name: 'Emmanuel Macron', type: 'person' as const };
const timeline: TimelineData = {
  entities: [putin, macron],
  months: ['2022-01', '2022-02'],
  series: [
    { mentions: [3, 0], articles: [1, 0] },
    { mentions: [0, 7], articles: [0, 2] },
  ],
};
const network: NetworkData = { centre: putin, neighbours: [macron], edges: [{ id: macron.id, articles: 2, paragraphs: 5 }], total: 9 };

describe('analysis panel protocol validation', () => {
  const fromWebview: [string, unknown, boolean][] = [
    ['a load without state', { type: 'webviewDidLoad' }, true],
    ['a load with state', { type: 'webviewDidLoad', state: { view: 'network', timeline: ['Q7747'], centre: 'Q7747' } }, true],
    ['a load with a bar\'s list', { type: 'webviewDidLoad', state: { view: 'timeline', timeline: ['Q7747'], centre: 'Q7747', list: { kind: 'month', entityId: 'Q7747', period: '2022-02' } } }, true],
    ['a load with an edge\'s list', { type: 'webviewDidLoad', state: { view: 'network', timeline: [], centre: 'Q7747', list: { kind: 'edge', a: 'Q7747', b: 'Q3052772' } } }, true],
    ['a load with a list of a day', { type: 'webviewDidLoad', state: { view: 'timeline', timeline: ['Q7747'], centre: undefined, list: { kind: 'month', entityId: 'Q7747', period: '2022-02-14' } } }, false],
    ['a load with a list of a path', { type: 'webviewDidLoad', state: { view: 'network', timeline: [], centre: 'Q7747', list: { kind: 'edge', a: 'Q7747', b: '../etc' } } }, false],
    ['a load with a list of another kind', { type: 'webviewDidLoad', state: { view: 'network', timeline: [], centre: 'Q7747', list: { kind: 'command', a: 'Q7747', b: 'Q1' } } }, false],
    ['a load with an unknown view', { type: 'webviewDidLoad', state: { view: 'pie', timeline: [], centre: undefined } }, false],
    ['a load with too many entities', { type: 'webviewDidLoad', state: { view: 'timeline', timeline: Array.from({ length: MAX_TIMELINE_ENTITIES + 1 }, (_, i) => `Q${i}`), centre: undefined } }, false],
    ['a month', { type: 'webviewDidRequestMonth', entityId: 'Q7747', period: '2022-02' }, true],
    ['a month that is a day', { type: 'webviewDidRequestMonth', entityId: 'Q7747', period: '2022-02-14' }, false],
    ['a month 13', { type: 'webviewDidRequestMonth', entityId: 'Q7747', period: '2022-13' }, false],
    ['an entity id with a slash', { type: 'webviewDidRequestMonth', entityId: '../x', period: '2022-02' }, false],
    ['an edge', { type: 'webviewDidRequestEdge', a: 'Q7747', b: 'Q3052772' }, true],
    ['an edge to itself', { type: 'webviewDidRequestEdge', a: 'Q7747', b: 'Q7747' }, false],
    ['an article to open', { type: 'webviewDidRequestOpenArticle', uri: 'file:///a.txt', entityId: 'Q7747' }, true],
    ['an article without a uri', { type: 'webviewDidRequestOpenArticle', uri: '', entityId: 'Q7747' }, false],
    ['a copy', { type: 'webviewDidRequestCopy', text: 'a\tb\n' }, true],
    ['a copy that is no text', { type: 'webviewDidRequestCopy', text: 3 }, false],
    ['a view', { type: 'webviewDidRequestView', view: 'timeline' }, true],
    ['a render report', { type: 'webviewDidRender', view: 'timeline', status: 'ready', entities: ['Q7747'], months: ['2022-01'], bars: 1, nodes: 0, edges: 0, tableRows: 1, list: { title: 'x', uris: ['file:///a.txt'] } }, true],
    ['a render report with a negative count', { type: 'webviewDidRender', view: 'timeline', status: 'ready', entities: [], months: [], bars: -1, nodes: 0, edges: 0, tableRows: 0 }, false],
    ['a command', { type: 'webviewDidRequestCommand', command: 'workbench.action.terminal.new' }, false],
    ['no record', 'webviewDidLoad', false],
  ];
  for (const [what, message, ok] of fromWebview) {
    it(`${ok ? 'accepts' : 'refuses'} from the webview ${what}`, () => assert.equal(parseWebviewMessage(message) !== undefined, ok));
  }

  it('rebuilds what it accepts from the checked fields only', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidRequestEdge', a: 'Q7747', b: 'Q3052772', command: 'x' }), { type: 'webviewDidRequestEdge', a: 'Q7747', b: 'Q3052772' });
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidLoad', state: { view: 'timeline', timeline: ['Q7747'], centre: undefined, extra: 1, list: { kind: 'month', entityId: 'Q7747', period: '2022-02', uri: 'x' } } }), {
      type: 'webviewDidLoad',
      state: { view: 'timeline', timeline: ['Q7747'], centre: undefined, list: { kind: 'month', entityId: 'Q7747', period: '2022-02' } },
    });
  });

  const fromHost: [string, unknown, boolean][] = [
    ['a timeline', { type: 'didShow', view: 'timeline', status: 'ready', timeline }, true],
    ['a timeline whose series is short of a month', { type: 'didShow', view: 'timeline', status: 'ready', timeline: { ...timeline, series: [{ mentions: [3], articles: [1] }, timeline.series[1]] } }, false],
    ['a timeline with a series missing', { type: 'didShow', view: 'timeline', status: 'ready', timeline: { ...timeline, series: [timeline.series[0]] } }, false],
    ['a network', { type: 'didShow', view: 'network', status: 'indexing', network }, true],
    ['a network with an edge to no node', { type: 'didShow', view: 'network', status: 'ready', network: { ...network, neighbours: [] } }, false],
    ['an empty state', { type: 'didShow', view: 'timeline', status: 'loading', empty: 'Reading the corpus…' }, true],
    ['an unknown status', { type: 'didShow', view: 'timeline', status: 'done' }, false],
    ['a list', { type: 'didListArticles', list: { request: { kind: 'month', entityId: 'Q7747', period: '2022-02' }, title: 'Putin in February 2022', entityId: 'Q7747', total: 1, counts: 'mentions', articles: [{ uri: 'file:///a.txt', title: 'A', dateLabel: '14 February 2022', count: 3 }] } }, true],
    ['a list without its request', { type: 'didListArticles', list: { title: 'Putin in February 2022', entityId: 'Q7747', total: 0, counts: 'mentions', articles: [] } }, false],
    ['a list counting something else', { type: 'didListArticles', list: { request: { kind: 'edge', a: 'Q7747', b: 'Q3052772' }, title: 'x', entityId: 'Q7747', total: 0, counts: 'words', articles: [] } }, false],
  ];
  for (const [what, message, ok] of fromHost) {
    it(`${ok ? 'accepts' : 'refuses'} from the host ${what}`, () => assert.equal(parseHostMessage(message) !== undefined, ok));
  }
});

describe('analysis panel tables', () => {
  it('labels months in English', () => {
    assert.equal(monthLabel('2022-02'), 'February 2022');
    assert.equal(monthLabel('2022-12'), 'December 2022');
  });

  it('has a row per entity and month with an article, each listing that month', () => {
    const table = timelineTable(timeline);
    assert.deepEqual(table.head, ['Month', 'Entity', 'Mentions', 'Articles']);
    assert.deepEqual(table.rows.map((row) => row.cells), [
      ['January 2022', 'Vladimir Putin', '3', '1'],
      ['February 2022', 'Emmanuel Macron', '7', '2'],
    ]);
    assert.deepEqual(table.rows[1].action, { kind: 'month', entityId: macron.id, period: '2022-02' });
    assert.equal(table.rows[1].actionLabel, 'List the 2 articles naming Emmanuel Macron in February 2022');
    assert.equal(barCount(timeline), 2);
  });

  it('has a row per edge, and says when the network shows only the strongest', () => {
    const table = networkTable(network);
    assert.deepEqual(table.rows.map((row) => row.cells), [['Emmanuel Macron', '2', '5']]);
    assert.deepEqual(table.rows[0].action, { kind: 'edge', a: putin.id, b: macron.id });
    assert.equal(table.caption, 'Named with Vladimir Putin (the strongest 1 of 9)');
  });

  it('copies as TSV, a header first, tabs and line breaks in cells made spaces', () => {
    const tsv = toTsv({ caption: '', head: ['Entity', 'Shared articles'], rows: [{ cells: ['A\tB\nC', '2'], action: undefined, actionLabel: undefined }] });
    assert.equal(tsv, 'Entity\tShared articles\nA B C\t2\n');
  });
});
