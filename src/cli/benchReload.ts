/**
 * The search benchmark's `reloadMs`: what a reopened window does with a saved
 * search index (read the file, check it, restore it, answer a first query), as
 * the extension does it through `core/persist`. A reloaded window has a new
 * extension host, so the reload is timed in a new process
 * (`bench reload <file>`), not in the benchmark's own, whose heap holds the
 * whole generated corpus and would make the garbage collector's share
 * several times larger.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INDEX_SNAPSHOT_FORMAT } from '../core/persist/indexSnapshot';
import { decodeSnapshot, encodeSnapshot } from '../core/persist/snapshotFile';
import { parseQuery } from '../core/search/query';
import { SearchIndex } from '../core/search/searchIndex';
import { searchStateFromSections, searchStateSections } from '../core/search/searchIndexState';
import type { CliIO } from './read';

const FORMAT = INDEX_SNAPSHOT_FORMAT;

export interface ReloadFigures {
  /** Median time to export, encode and write the index. */
  readonly saveMs: number;
  /** Median time to read the file, check and restore the index, and answer `firstQuery`. */
  readonly reloadMs: number;
  readonly savedMB: number;
}

/**
 * `bench reload <file>`: reads a saved search index (the benchmark's, or a window's `corpus-index.bin`),
 * checks and restores it and answers `query`; prints the time that took.
 */
export async function benchReloadFile(file: string, query: string, json: boolean, io: CliIO): Promise<number> {
  const started = performance.now();
  const decoded = decodeSnapshot(await readFile(file), FORMAT);
  if (!decoded.ok) {
    io.err(`annotated-reader bench reload: ${file} is not a saved index that can be used: ${decoded.reason}.`);
    return 1;
  }
  let index: SearchIndex;
  try {
    index = new SearchIndex();
    index.restoreState(searchStateFromSections(decoded.sections));
  } catch (error) {
    io.err(`annotated-reader bench reload: ${file} does not add up: ${error instanceof Error ? error.message : String(error)}.`);
    return 1;
  }
  const answer = index.search(parseQuery(query), { limit: 50 });
  const reloadMs = performance.now() - started;
  const figures = { file, articles: index.size, vocabulary: index.vocabularySize, query, total: answer.total, reloadMs: Math.round(reloadMs) };
  if (json) await io.out(JSON.stringify(figures));
  else await io.out(`${file}: ${figures.articles.toLocaleString('en')} articles, ${figures.vocabulary.toLocaleString('en')} words, read back and "${query}" answered (${figures.total} results) in ${figures.reloadMs} ms.`);
  return 0;
}

/** Saves the index as the extension does, then times reading it back in a new process (`cli` is the CLI's script), `runs` times. */
export async function measureReload(index: SearchIndex, firstQuery: string, runs: number, cli: string): Promise<ReloadFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'annotated-reader-bench-'));
  const file = join(folder, 'search.bin');
  const saves: number[] = [];
  const reloads: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const encoded = encodeSnapshot(FORMAT, {}, searchStateSections(index.exportState()));
      await writeFile(file, encoded);
      saves.push(performance.now() - started);
      bytes = encoded.byteLength;

      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'bench', 'reload', file, '--query', firstQuery, '--json'], { maxBuffer: 1 << 20 });
      const child = JSON.parse(stdout) as { reloadMs: number; total: number };
      reloads.push(child.reloadMs);
      if (child.total !== index.search(parseQuery(firstQuery), { limit: 50 }).total) throw new Error('The restored search index answers otherwise.');
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { saveMs: Math.round(median(saves)), reloadMs: Math.round(median(reloads)), savedMB: Math.round(bytes / 1e5) / 10 };
}
