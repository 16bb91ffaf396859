/**
 * `bench export`: the Markdown export of many annotations on one article
 * (10,000, 40,000 and 200,000), timed from the parsed collection to the
 * Markdown: grouping by article, placing and writing. Measured, not judged:
 * it prints the medians and how the time grows, to show it stays linear (it
 * was quadratic: 0.6 s, 10 s and never). 200,000 annotations are more than an
 * annotations file may hold (src/core/limits.ts), so this runs in memory.
 */
import { basename } from 'node:path';
import { describeRange } from '../core/annotations/anchoring';
import { toMarkdown } from '../core/annotations/export';
import { type Annotation, createAnnotation, textHash } from '../core/annotations/model';
import { generateArticles, random, randomWordRun } from '../core/bench/generate';
import { parseArticle } from '../core/parse';
import { annotationsBySource } from './annotations';
import type { CliIO } from './read';

export const EXPORT_BENCH_SIZES = [10_000, 40_000, 200_000];
const RUNS = 3;

export async function benchExport(options: { sizes: readonly number[]; json: boolean; seeds: readonly string[] }, io: CliIO): Promise<number> {
  // One long generated article.
  const [generated] = generateArticles(options.seeds, { count: 1 });
  const parsed = parseArticle(generated.text);
  if (!parsed.ok) throw new Error('the generated article does not parse');
  const text = parsed.article.text;
  const source = generated.name;
  const results: { annotations: number; medianMs: number; msPerThousand: number; bytes: number }[] = [];
  for (const size of options.sizes) {
    const annotations = manyAnnotations(text, source, size);
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      // What `annotations export --format md` does once the file is parsed and the article read.
      const { bySource } = annotationsBySource(annotations, '/workspace');
      const key = bySource.find(`/workspace/${basename(source)}`);
      const markdown = toMarkdown([{ title: parsed.article.title, dateLabel: '1 February 2022', text, annotations: key === undefined ? [] : bySource.take(key) }]);
      times.push(performance.now() - started);
      bytes = markdown.length;
    }
    times.sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)];
    results.push({ annotations: size, medianMs: Math.round(medianMs), msPerThousand: Number(((medianMs / size) * 1000).toFixed(2)), bytes });
  }
  if (options.json) await io.out(JSON.stringify({ benchmark: 'export', runs: RUNS, results }));
  else {
    await io.out(`Markdown export of annotations on one article (${text.length.toLocaleString('en')} characters), median of ${RUNS} runs:`);
    for (const r of results) {
      await io.out(`  ${r.annotations.toLocaleString('en').padStart(8)} annotations  ${String(r.medianMs).padStart(7)} ms  ${String(r.msPerThousand).padStart(6)} ms per 1,000  ${(r.bytes / 1e6).toFixed(1)} MB of Markdown`);
    }
  }
  return 0;
}

/** `count` annotations of one to twelve words each at random places of `text`, some on the same words. */
function manyAnnotations(text: string, source: string, count: number): Annotation[] {
  const next = random(11);
  const hash = textHash(text);
  const now = new Date(0);
  const annotations: Annotation[] = [];
  for (let n = 0; n < count; n++) {
    const { start, end } = randomWordRun(text, next);
    annotations.push(
      createAnnotation({ id: `urn:uuid:${n}`, now, source, textHash: hash, selectors: describeRange(text, start, end), content: { note: n % 3 ? '' : `Notat ${n}`, tags: n % 5 ? [] : ['krig'], colour: 'Key claim' } }),
    );
  }
  return annotations;
}
