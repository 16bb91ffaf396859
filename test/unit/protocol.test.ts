import * as assert from 'node:assert/strict';
import { parseHostMessage, parseWebviewMessage } from '../../src/webview/protocol';

describe('reader protocol validation', () => {
  const fromWebview: [string, unknown, boolean][] = [
    ['a load without state', { type: 'webviewDidLoad' }, true],
    ['a load with state', { type: 'webviewDidLoad', state: { uri: 'file:///a.txt', scroll: 0.5 } }, true],
    ['a load with a scroll past the end', { type: 'webviewDidLoad', state: { uri: 'file:///a.txt', scroll: 7 } }, false],
    ['a render report', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: { paragraph: 3 }, highlights: { person: 2 } }, true],
    ['a render report with a bad count', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: { paragraph: '3' }, highlights: {} }, false],
    ['a navigation request', { type: 'webviewDidRequestNavigate', direction: 'next' }, true],
    ['a navigation request elsewhere', { type: 'webviewDidRequestNavigate', direction: '../../etc' }, false],
    ['an open-source request', { type: 'webviewDidRequestOpenSource', path: '/etc/passwd' }, true],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }, false],
    ['a string', 'webviewDidLoad', false],
    ['null', null, false],
  ];
  for (const [name, message, valid] of fromWebview) {
    it(`${valid ? 'accepts' : 'rejects'} ${name} from the webview`, () => assert.equal(parseWebviewMessage(message) !== undefined, valid));
  }

  it('passes on only the fields it checked', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidRequestOpenSource', path: '/etc/passwd' }), { type: 'webviewDidRequestOpenSource' });
  });

  const settings = { fontSize: 16, fontFamily: '', lineLength: 72, highlight: ['person', 'place'] };
  const article = { uri: 'file:///a.txt', fileName: 'a.txt', title: 'T', dateLabel: 'February 2022', text: 'T', blocks: [{ kind: 'headline', start: 0, end: 1, parts: [] }], warnings: [], isSample: false, mentions: [{ start: 0, end: 1, type: 'person', entityId: 't' }], entities: { t: { name: 'T', type: 'person', description: '', known: false } } };
  const fromHost: [string, unknown, boolean][] = [
    ['an article', { type: 'didLoadArticle', article, settings }, true],
    ['an article with a block running backwards', { type: 'didLoadArticle', article: { ...article, blocks: [{ kind: 'headline', start: 2, end: 1, parts: [] }] }, settings }, false],
    ['settings', { type: 'didChangeSettings', settings }, true],
    ['settings without a font size', { type: 'didChangeSettings', settings: { fontFamily: '', lineLength: 72, highlight: [] } }, false],
    ['settings with an unknown entity type', { type: 'didChangeSettings', settings: { ...settings, highlight: ['planet'] } }, false],
    ['an article with a mention of an unknown type', { type: 'didLoadArticle', article: { ...article, mentions: [{ start: 0, end: 1, type: 'planet', entityId: 't' }] }, settings }, false],
    ['a failure', { type: 'didFailToLoad', uri: 'u', fileName: 'f', reason: 'r' }, true],
  ];
  for (const [name, message, valid] of fromHost) {
    it(`${valid ? 'accepts' : 'rejects'} ${name} from the host`, () => assert.equal(parseHostMessage(message) !== undefined, valid));
  }
});
