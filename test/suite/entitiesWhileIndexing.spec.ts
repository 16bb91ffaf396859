import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, article, moveIn, removeAndSettle, statusReaches } from './helpers';

const PHASES = ['loading', 'indexing', 'empty', 'ready'] as const;

/**
 * Whether a `when` clause of the forms package.json uses here holds with the
 * context key `key` set to `value`: `k == v`, `k != v`, `!k`, `k`, joined by
 * `||` and `&&`.
 */
function holds(when: string, key: string, value: string | undefined): boolean {
  return when.split('||').some((any) =>
    any.split('&&').every((raw) => {
      const term = raw.trim();
      const compare = /^([\w.]+)\s*(==|!=)\s*(\S+)$/.exec(term);
      if (compare) {
        const actual = compare[1] === key ? value : undefined;
        return compare[2] === '==' ? actual === compare[3] : actual !== compare[3];
      }
      const negated = /^!([\w.]+)$/.exec(term);
      if (negated) return negated[1] !== key || value === undefined;
      assert.match(term, /^[\w.]+$/, `a when clause this test can read: ${when}`);
      return term === key && value !== undefined;
    }),
  );
}

describe('The Entities view while the corpus is read and indexed', () => {
  let api: AnnotatedReaderApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateApi();
    await api.entities.whenIndexed();
  });

  after(async () => {
    await removeAndSettle(api, created.splice(0));
  });

  it('has a welcome text for each state, and offers the sample corpus only for an empty one', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { viewsWelcome: { view: string; when: string; contents: string }[] } };
    const entries = manifest.contributes.viewsWelcome.filter((entry) => entry.view === 'annotatedReader.entities');
    const shown = (phase: string | undefined) => entries.filter((entry) => holds(entry.when, 'annotatedReader.entitiesState', phase)).map((entry) => entry.contents);
    for (const phase of PHASES) assert.equal(shown(phase).length, 1, `one welcome text while ${phase}: ${JSON.stringify(shown(phase))}`);
    // Before the extension has said anything, the view says it is loading.
    assert.deepEqual(shown(undefined), shown('loading'));
    assert.match(shown('loading')[0], /^Reading the corpus…/);
    assert.match(shown('indexing')[0], /^Finding the names in the articles…/);
    assert.match(shown('ready')[0], /^No names were found/);
    for (const phase of PHASES) {
      const sample = shown(phase)[0].includes('command:annotatedReader.showSampleCorpus');
      assert.equal(sample, phase === 'empty', `Show Sample Corpus ${sample ? 'offered' : 'not offered'} while ${phase}`);
    }
  });

  it('shows progress with counts while names are found, and the welcome state follows the index', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 800; i++) files[`navn-${i}.txt`] = article('2030-02', `Sak ${i}`, `Statsminister Jonas Gahr Støre møtte Olaf Scholz i Berlin, sak ${i}.`);
    const states: ReturnType<AnnotatedReaderApi['views']['entitiesState']>[] = [];
    const listener = api.entities.onDidChangeStatus(() => states.push(api.views.entitiesState()));
    try {
      await statusReaches(api, 'indexing', () => created.push(moveIn('navn', files)));
      const during = api.views.entitiesState();
      assert.equal(during.phase, 'indexing');
      assert.equal(during.progress, true, 'the view shows its progress bar');
      assert.match(during.message ?? '', /^Finding names: [\d,]+ of [\d,]+ articles…$/);
      await statusReaches(api, 'ready');
      await api.entities.whenIndexed();
      const after = api.views.entitiesState();
      assert.deepEqual(after, { phase: 'ready', message: undefined, progress: false });
      // Every state the view passed through while indexing counted the articles.
      for (const state of states.filter((s) => s.phase === 'indexing')) assert.match(state.message ?? '', /^Finding names: [\d,]+ of [\d,]+ articles…$/);
      assert.ok(states.some((s) => /^Finding names: [1-9][\d,]* of /.test(s.message ?? '')), `a count that grew: ${states.map((s) => s.message).join(' | ')}`);
    } finally {
      listener.dispose();
    }
  });
});
