import * as assert from 'node:assert/strict';
import { parseHostMessage, parseWebviewMessage } from '../../src/webview/protocol';

describe('reader protocol validation', () => {
  const fromWebview: [string, unknown, boolean][] = [
    ['a load without state', { type: 'webviewDidLoad' }, true],
    ['a load with state', { type: 'webviewDidLoad', state: { uri: 'file:///a.txt', scroll: 0.5 } }, true],
    ['a load with a scroll past the end', { type: 'webviewDidLoad', state: { uri: 'file:///a.txt', scroll: 7 } }, false],
    ['a request for the timeline of an entity', { type: 'webviewDidRequestAnalysis', entityId: 'vladimir-putin', view: 'timeline' }, true],
    ['a request for the network of an entity', { type: 'webviewDidRequestAnalysis', entityId: 'vladimir-putin', view: 'network' }, true],
    ['a request for an analysis view that does not exist', { type: 'webviewDidRequestAnalysis', entityId: 'vladimir-putin', view: 'chart' }, false],
    ['a request for an analysis of no entity', { type: 'webviewDidRequestAnalysis', entityId: '', view: 'timeline' }, false],
    ['a render report', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: { paragraph: 3 }, highlights: { person: 2 }, annotations: [{ id: 'urn:uuid:1', text: 'Putin' }], speakers: [{ speaker: 'Jens Stoltenberg', kind: 'direct' }] }, true],
    ['a render report without its speakers', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: { paragraph: 3 }, highlights: { person: 2 }, annotations: [] }, false],
    ['a render report with a speaker that is no text', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: {}, highlights: {}, annotations: [], speakers: [{ speaker: 3, kind: 'direct' }] }, false],
    ['a render report without its annotations', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: { paragraph: 3 }, highlights: { person: 2 } }, false],
    ['a render report with a bad count', { type: 'webviewDidRender', uri: 'file:///a.txt', headline: 'H', counts: { paragraph: '3' }, highlights: {} }, false],
    ['a navigation request', { type: 'webviewDidRequestNavigate', direction: 'next' }, true],
    ['a navigation request elsewhere', { type: 'webviewDidRequestNavigate', direction: '../../etc' }, false],
    ['an open-source request', { type: 'webviewDidRequestOpenSource', path: '/etc/passwd' }, true],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }, false],
    ['a request to open another article', { type: 'webviewDidRequestOpenArticle', uri: 'file:///b.txt', entityId: 'vladimir-putin' }, true],
    ['a request to open an article without an entity', { type: 'webviewDidRequestOpenArticle', uri: 'file:///b.txt' }, false],
    ['a request to open an article with an id that is not a slug', { type: 'webviewDidRequestOpenArticle', uri: 'file:///b.txt', entityId: '../x' }, false],
    ['a request to show an entity', { type: 'webviewDidRequestShowEntity', entityId: 'unknown-путин' }, true],
    ['a request to show an entity with a command for an id', { type: 'webviewDidRequestShowEntity', entityId: 'command:x' }, false],
    ['a request to add a name', { type: 'webviewDidRequestAddToKnowledgeBase', entityId: 'unknown-x', text: 'Ingrid Nordstrand' }, true],
    ['a request to add an empty name', { type: 'webviewDidRequestAddToKnowledgeBase', entityId: 'unknown-x', text: '  ' }, false],
    ['a request to add a very long name', { type: 'webviewDidRequestAddToKnowledgeBase', entityId: 'unknown-x', text: 'x'.repeat(201) }, false],
    ['a request to correct a name', { type: 'webviewDidRequestCorrectName', entityId: 'unknown-manager-pep-guardiola', start: 10, end: 31 }, true],
    ['a request to correct nothing', { type: 'webviewDidRequestCorrectName', entityId: 'unknown-x', start: 10, end: 10 }, false],
    ['a request to correct a name backwards', { type: 'webviewDidRequestCorrectName', entityId: 'unknown-x', start: 10, end: 4 }, false],
    ['a request to correct at a fractional offset', { type: 'webviewDidRequestCorrectName', entityId: 'unknown-x', start: 1.5, end: 4 }, false],
    ['a request to correct a name with an id that is not a slug', { type: 'webviewDidRequestCorrectName', entityId: '"><img>', start: 1, end: 4 }, false],
    ['a new annotation', { type: 'webviewDidRequestCreateAnnotation', uri: 'file:///a.txt', start: 3, end: 8, colour: 'Key claim', note: '**Viktig**', tags: ['krig'] }, true],
    ['a new annotation of nothing', { type: 'webviewDidRequestCreateAnnotation', uri: 'file:///a.txt', start: 3, end: 3, colour: 'Key claim', note: '', tags: [] }, false],
    ['a new annotation without tags', { type: 'webviewDidRequestCreateAnnotation', uri: 'file:///a.txt', start: 3, end: 8, colour: 'Key claim', note: '' }, false],
    ['a new annotation with a huge note', { type: 'webviewDidRequestCreateAnnotation', uri: 'file:///a.txt', start: 3, end: 8, colour: 'Key claim', note: 'x'.repeat(20_001), tags: [] }, false],
    ['a new annotation with too many tags', { type: 'webviewDidRequestCreateAnnotation', uri: 'file:///a.txt', start: 3, end: 8, colour: 'Key claim', note: '', tags: Array(31).fill('t') }, false],
    ['an edit', { type: 'webviewDidRequestEditAnnotation', id: 'urn:uuid:1', colour: 'Question', note: 'Hvorfor?', tags: [] }, true],
    ['an edit of an id with spaces', { type: 'webviewDidRequestEditAnnotation', id: 'a b', colour: 'Question', note: '', tags: [] }, false],
    ['a delete', { type: 'webviewDidRequestDeleteAnnotation', id: 'urn:uuid:1' }, true],
    ['a delete without an id', { type: 'webviewDidRequestDeleteAnnotation' }, false],
    ['accepting a suggested place', { type: 'webviewDidRequestAcceptSuggestion', id: 'urn:uuid:1' }, true],
    ['dismissing a suggested place', { type: 'webviewDidRequestDismissSuggestion', id: 'urn:uuid:1' }, true],
    ['accepting a suggestion with a broken id', { type: 'webviewDidRequestAcceptSuggestion', id: 'a b' }, false],
    ['an undo', { type: 'webviewDidRequestRestoreAnnotation', id: 'urn:uuid:1' }, true],
    ['a reveal report', { type: 'webviewDidReveal', uri: 'file:///a.txt', range: { start: 3, end: 8 }, entityId: 'x', marked: 0 }, true],
    ['a reveal report without its count of matches', { type: 'webviewDidReveal', uri: 'file:///a.txt', range: { start: 3, end: 8 } }, false],
    ['a reveal report with a range running backwards', { type: 'webviewDidReveal', uri: 'file:///a.txt', range: { start: 8, end: 3 } }, false],
    ['a reveal report with a fractional offset', { type: 'webviewDidReveal', uri: 'file:///a.txt', range: { start: 0.5, end: 3 } }, false],

    ['a string', 'webviewDidLoad', false],
    ['null', null, false],
  ];
  for (const [name, message, valid] of fromWebview) {
    it(`${valid ? 'accepts' : 'rejects'} ${name} from the webview`, () => assert.equal(parseWebviewMessage(message) !== undefined, valid));
  }

  it('passes on only the fields it checked', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidRequestOpenSource', path: '/etc/passwd' }), { type: 'webviewDidRequestOpenSource' });
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidRequestShowEntity', entityId: 'x', command: 'y' }), { type: 'webviewDidRequestShowEntity', entityId: 'x' });
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidRequestDeleteAnnotation', id: 'urn:uuid:1', path: '/x' }), { type: 'webviewDidRequestDeleteAnnotation', id: 'urn:uuid:1' });
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidRequestEditAnnotation', id: 'i', colour: 'c', note: 'n', tags: ['t'], command: 'x' }), {
      type: 'webviewDidRequestEditAnnotation',
      id: 'i',
      colour: 'c',
      note: 'n',
      tags: ['t'],
    });
    assert.deepEqual(parseWebviewMessage({ type: 'webviewDidReveal', uri: 'u', range: { start: 1, end: 2, extra: 1 }, marked: 2 }), {
      type: 'webviewDidReveal',
      uri: 'u',
      range: { start: 1, end: 2 },
      entityId: undefined,
      marked: 2,
    });
  });

  const settings = { fontSize: 16, fontFamily: '', lineLength: 72, highlight: ['person', 'place'], entityStyle: 'underline', showSpeakers: true };
  const article = { uri: 'file:///a.txt', fileName: 'a.txt', title: 'T', dateLabel: 'February 2022', text: 'T', blocks: [{ kind: 'headline', start: 0, end: 1, parts: [] }], warnings: [], isSample: false, mentions: [{ start: 0, end: 1, type: 'person', entityId: 't' }], entities: { t: { name: 'T', type: 'person', description: '', known: false } }, annotations: { items: [], review: [], orphans: [], colours: [{ name: 'Key claim', colour: 'yellow' }] }, quotes: [{ start: 0, end: 1, kind: 'direct', speaker: 'T', speakerId: 't', cue: 'sier' }] };
  const annotation = { id: 'urn:uuid:1', start: 0, end: 1, colour: 'Key claim', palette: 'yellow', note: 'N', tags: ['t'], replies: 0, modifiedLabel: '1 March 2026' };
  const fromHost: [string, unknown, boolean][] = [
    ['an article', { type: 'didLoadArticle', article, settings }, true],
    ['an article with a block running backwards', { type: 'didLoadArticle', article: { ...article, blocks: [{ kind: 'headline', start: 2, end: 1, parts: [] }] }, settings }, false],
    ['settings', { type: 'didChangeSettings', settings }, true],
    ['settings without a font size', { type: 'didChangeSettings', settings: { fontFamily: '', lineLength: 72, highlight: [] } }, false],
    ['settings asking for tinted names', { type: 'didChangeSettings', settings: { ...settings, entityStyle: 'tint' } }, true],
    ['settings with an unknown entity style', { type: 'didChangeSettings', settings: { ...settings, entityStyle: 'url(x)' } }, false],
    ['settings without an entity style', { type: 'didChangeSettings', settings: { ...settings, entityStyle: undefined } }, false],
    ['settings without the speakers switch', { type: 'didChangeSettings', settings: { ...settings, showSpeakers: undefined } }, false],
    ['an article without its quotes', { type: 'didLoadArticle', article: { ...article, quotes: undefined }, settings }, false],
    ['an article with a quote of an unknown kind', { type: 'didLoadArticle', article: { ...article, quotes: [{ start: 0, end: 1, kind: 'rumour', speaker: null, speakerId: null, cue: null }] }, settings }, false],
    ['an article with a quote whose speaker is no text', { type: 'didLoadArticle', article: { ...article, quotes: [{ start: 0, end: 1, kind: 'direct', speaker: 7, speakerId: null, cue: null }] }, settings }, false],
    ['settings with an unknown entity type', { type: 'didChangeSettings', settings: { ...settings, highlight: ['planet'] } }, false],
    ['an article with a mention of an unknown type', { type: 'didLoadArticle', article: { ...article, mentions: [{ start: 0, end: 1, type: 'planet', entityId: 't' }] }, settings }, false],
    ['an article without annotations', { type: 'didLoadArticle', article: { ...article, annotations: undefined }, settings }, false],
    ['annotations', { type: 'didUpdateAnnotations', uri: 'u', annotations: { items: [annotation], review: [], orphans: [{ id: 'urn:uuid:2', quote: 'q', colour: 'Gone', note: '' }], colours: [], readOnly: 'broken' } }, true],
    ['annotations needing review, with and without a suggested place', { type: 'didUpdateAnnotations', uri: 'u', annotations: { items: [], review: [{ id: 'urn:uuid:3', quote: 'q', colour: 'Key claim', note: '', reason: 'r', suggestion: { start: 2, end: 5 } }, { id: 'urn:uuid:4', quote: 'q', colour: 'Key claim', note: '', reason: 'r' }], orphans: [], colours: [] } }, true],
    ['annotations needing review with an empty suggestion', { type: 'didUpdateAnnotations', uri: 'u', annotations: { items: [], review: [{ id: 'urn:uuid:3', quote: 'q', colour: 'Key claim', note: '', reason: 'r', suggestion: { start: 2, end: 2 } }], orphans: [], colours: [] } }, false],
    ['annotations needing review without a reason', { type: 'didUpdateAnnotations', uri: 'u', annotations: { items: [], review: [{ id: 'urn:uuid:3', quote: 'q', colour: 'Key claim', note: '' }], orphans: [], colours: [] } }, false],
    ['annotations in a colour outside the palette', { type: 'didUpdateAnnotations', uri: 'u', annotations: { items: [{ ...annotation, palette: 'url(x)' }], review: [], orphans: [], colours: [] } }, false],
    ['annotations with a backwards range', { type: 'didUpdateAnnotations', uri: 'u', annotations: { items: [{ ...annotation, start: 2, end: 1 }], review: [], orphans: [], colours: [] } }, false],
    ['an article to open at an annotation', { type: 'didLoadArticle', article, settings, reveal: { start: 0, end: 1 }, annotationId: 'urn:uuid:1', openNote: true }, true],
    ['a failure', { type: 'didFailToLoad', uri: 'u', fileName: 'f', reason: 'r' }, true],
    ['an article to open at a range', { type: 'didLoadArticle', article, settings, reveal: { start: 0, end: 1 } }, true],
    ['an article to open at a negative range', { type: 'didLoadArticle', article, settings, reveal: { start: -1, end: 1 } }, false],
    ['a reveal', { type: 'didReveal', uri: 'u', range: { start: 0, end: 1 } }, true],
    ['a reveal with search matches', { type: 'didReveal', uri: 'u', range: { start: 0, end: 1 }, marks: [{ start: 0, end: 1 }, { start: 4, end: 9 }] }, true],
    ['a reveal with a broken match', { type: 'didReveal', uri: 'u', range: { start: 0, end: 1 }, marks: [{ start: 4 }] }, false],
    ['entity updates with corpus facts', { type: 'didUpdateEntities', uri: 'u', entities: { t: { name: 'T', type: 'person', description: '', known: true, corpus: { articles: 2, mentions: 5, others: [{ uri: 'file:///b.txt', title: 'B', dateLabel: 'March 2022' }] } } } }, true],
    ['entity updates with mentions to colour otherwise', { type: 'didUpdateEntities', uri: 'u', entities: { t: { name: 'T', type: 'person', description: '', known: false } }, mentions: [{ start: 4, end: 10, type: 'person', entityId: 't' }] }, true],
    ['entity updates with a mention of no known type', { type: 'didUpdateEntities', uri: 'u', entities: {}, mentions: [{ start: 4, end: 10, type: 'surname', entityId: 't' }] }, false],
    ['entity updates with mentions that are no list', { type: 'didUpdateEntities', uri: 'u', entities: {}, mentions: { start: 4, end: 10, type: 'person', entityId: 't' } }, false],
    ['entity updates with a broken link', { type: 'didUpdateEntities', uri: 'u', entities: { t: { name: 'T', type: 'person', description: '', known: true, corpus: { articles: 2, mentions: 5, others: [{ uri: 7 }] } } } }, false],
  ];
  for (const [name, message, valid] of fromHost) {
    it(`${valid ? 'accepts' : 'rejects'} ${name} from the host`, () => assert.equal(parseHostMessage(message) !== undefined, valid));
  }
});
