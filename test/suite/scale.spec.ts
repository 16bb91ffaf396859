import * as vscode from 'vscode';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import { activateApi, closeAllEditors, renderOf, waitFor } from './helpers';

/**
 * A measurement, not a test: with `ANNOTATED_READER_SCALE_CORPUS` naming a
 * folder of generated articles (`node dist/cli.js generate --articles 100000
 * --out <folder>`), the corpus is added as a folder and the extension host's
 * responsiveness is measured while it is indexed with a reader open: how
 * long opening an article takes (during indexing, and after), how late a
 * 50 ms timer fires in the extension host (what the search quick pick and
 * every other command wait behind), and how long indexing takes. Printed, never asserted;
 * without the variable nothing here runs.
 */
const corpusFolder = process.env.ANNOTATED_READER_SCALE_CORPUS;
const expected = Number(process.env.ANNOTATED_READER_SCALE_ARTICLES ?? '0');

if (corpusFolder) {
  describe('Scale measurement', () => {
    let api: AnnotatedReaderApi;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const max = (values: number[]) => Math.max(...values);

    before(async () => {
      api = await activateApi();
    });

    after(async () => {
      await closeAllEditors();
      await vscode.workspace.getConfiguration('annotatedReader').update('folders', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('measures opening articles and the extension host\'s lag while a large corpus is indexed', async function () {
      this.timeout(60 * 60_000);
      const lags: number[] = [];
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        lags.push(now - last - 50);
        last = now;
      }, 50);
      try {
        const started = performance.now();
        await vscode.workspace.getConfiguration('annotatedReader').update('folders', [corpusFolder], vscode.ConfigurationTarget.Workspace);
        await waitFor(api, 'the corpus read', () => api.corpus.articles().length >= expected, 30 * 60_000);
        const loadedMs = performance.now() - started;
        const articles = api.corpus.articles();
        const indexed = api.entities.whenIndexed();
        let indexing = true;
        void indexed.then(() => (indexing = false));
        // Opened while indexing runs: the time to the reader's own report that it rendered the article.
        const during: number[] = [];
        const lagsBefore = lags.length;
        for (let i = 0; i < 5 && indexing; i++) {
          const uri = articles[Math.floor(((i + 0.5) * articles.length) / 5)].uri;
          const t0 = performance.now();
          await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri), () => true, 10 * 60_000);
          during.push(performance.now() - t0);
          // A reader stays open while indexing goes on.
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
        await indexed;
        const indexedMs = performance.now() - started;
        const lagDuring = lags.slice(lagsBefore);
        const after: number[] = [];
        for (let i = 0; i < 7; i++) {
          const uri = articles[Math.floor(((i + 0.3) * articles.length) / 7)].uri;
          const t0 = performance.now();
          await renderOf(api, uri, () => vscode.commands.executeCommand('annotatedReader.openArticle', uri), () => true, 10 * 60_000);
          after.push(performance.now() - t0);
        }
        const figures = {
          articles: articles.length,
          corpusReadMs: Math.round(loadedMs),
          indexedMs: Math.round(indexedMs),
          openDuringIndexingMs: during.map(Math.round),
          openDuringIndexingMedianMs: during.length ? Math.round(median(during)) : undefined,
          openAfterIndexingMs: after.map(Math.round),
          openAfterIndexingMedianMs: Math.round(median(after)),
          hostLagWhileIndexingMedianMs: lagDuring.length ? Math.round(median(lagDuring)) : undefined,
          hostLagWhileIndexingP95Ms: lagDuring.length ? Math.round([...lagDuring].sort((a, b) => a - b)[Math.floor(lagDuring.length * 0.95)]) : undefined,
          hostLagWhileIndexingMaxMs: lagDuring.length ? Math.round(max(lagDuring)) : undefined,
        };
        console.log(`SCALE ${JSON.stringify(figures)}`);
      } finally {
        clearInterval(ticker);
      }
    });
  });
}
