import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describeRange } from '../../src/core/annotations/anchoring';
import { type Annotation, createAnnotation, textHash } from '../../src/core/annotations/model';
import { placeAnnotations } from '../../src/core/annotations/placement';
import { generateArticles } from '../../src/core/bench/generate';
import { parseArticle } from '../../src/core/parse';
import { PlacementRunner, WORKER_MIN_CHARS, placeInSlices } from '../../src/vscode/services/annotations/placementRunner';
import { readSeed } from './helpers';

/** The package folder: `dist/placementWorker.js` is built there (`npm run build`, which the unit stage runs first). */
const root = join(__dirname, '..', '..', '..');

const log = { warn: (message: string) => warnings.push(message) } as unknown as ConstructorParameters<typeof PlacementRunner>[1];
const warnings: string[] = [];

/** A long article and annotations on it, each quote then losing a letter. */
function largeCase(): { edited: string; annotations: Annotation[] } {
  const seeds = ['000', '001', '002', '003', '004'].map((n) => readSeed(n));
  const parts: string[] = [];
  let length = 0;
  for (const generated of generateArticles(seeds, { count: 1000, seed: 9, realistic: true })) {
    const parsed = parseArticle(generated.text);
    if (!parsed.ok) continue;
    parts.push(parsed.article.text);
    length += parsed.article.text.length;
    if (length > WORKER_MIN_CHARS * 1.5) break;
  }
  const text = parts.join('\n\n');
  const annotations = Array.from({ length: 20 }, (_, n) => {
    const start = text.indexOf(' ', Math.floor(((n + 0.3) * text.length) / 20)) + 1;
    const end = text.indexOf(' ', start + 25);
    return createAnnotation({ id: `urn:uuid:${n}`, now: new Date(n), source: 'big.txt', textHash: textHash(text), selectors: describeRange(text, start, end), content: { note: `n${n}`, tags: [], colour: 'Key claim' } });
  });
  let edited = text;
  for (const annotation of [...annotations].reverse()) {
    const { start, end } = annotation.target.selector[1];
    const middle = (start + end) >> 1;
    edited = edited.slice(0, middle) + edited.slice(middle + 1);
  }
  return { edited: `Et nytt avsnitt.\n\n${edited}`, annotations };
}

/** Ids of a placement's lists, to compare placements made in different threads. */
const summary = (placement: ReturnType<typeof placeAnnotations>) => ({
  placed: placement.placed.map(({ annotation, start, end, method }) => [annotation.id, start, end, method]),
  review: placement.review.map(({ annotation, suggestion }) => [annotation.id, suggestion?.start, suggestion?.end]),
  orphans: placement.orphans.map(({ annotation }) => annotation.id),
});

describe('placing annotations off the extension host\'s thread', () => {
  const { edited, annotations } = largeCase();
  const expected = summary(placeAnnotations(edited, annotations));

  it('places a large article in a worker thread, as the core does, while this thread goes on', async () => {
    const runner = new PlacementRunner(root, log);
    try {
      let ticks = 0;
      const ticking = setInterval(() => ticks++, 0);
      const placement = await runner.place(edited, annotations);
      clearInterval(ticking);
      assert.deepEqual(summary(placement), expected);
      // The very objects given, not copies from the worker.
      assert.ok(placement.placed.every(({ annotation }) => annotations.includes(annotation)));
      assert.equal(runner.inWorker, 1);
      // This thread was free while the worker placed them (the old, synchronous placing let no timer run).
      assert.ok(ticks > 0, 'timers ran meanwhile');
    } finally {
      runner.dispose();
    }
  });

  it('places in slices here, with the same result, where no worker can be started', async () => {
    warnings.length = 0;
    const runner = new PlacementRunner(join(root, 'no-such-folder'), log);
    try {
      const placement = await runner.place(edited, annotations);
      assert.deepEqual(summary(placement), expected);
      assert.equal(runner.inWorker, 0);
      assert.match(warnings.join('\n'), /worker/);
    } finally {
      runner.dispose();
    }
  });

  it('places a small article in slices, yielding between annotations when they take long', async () => {
    const placement = await placeInSlices(edited.slice(0, 5000), annotations.slice(0, 3));
    assert.deepEqual(summary(placement), summary(placeAnnotations(edited.slice(0, 5000), annotations.slice(0, 3))));
  });
});
