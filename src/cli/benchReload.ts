/**
 * The search benchmark's `reloadMs`: what a reopened window does with a saved
 * search index (read the file, check it, restore it, answer a first query), as
 * the extension does it through `core/persist`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSnapshot, encodeSnapshot } from '../core/persist/snapshotFile';
import { parseQuery } from '../core/search/query';
import { SearchIndex } from '../core/search/searchIndex';
import { searchStateFromSections, searchStateSections } from '../core/search/searchIndexState';

const FORMAT = 1;

export interface ReloadFigures {
  /** Median time to export, encode and write the index. */
  readonly saveMs: number;
  /** Median time to read the file, check and restore the index, and answer `firstQuery`. */
  readonly reloadMs: number;
  readonly savedMB: number;
}

export async function measureReload(index: SearchIndex, firstQuery: string, runs: number): Promise<ReloadFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'annotated-reader-bench-'));
  const file = join(folder, 'search.bin');
  const saves: number[] = [];
  const reloads: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const encoded = encodeSnapshot(FORMAT, {}, searchStateSections(index.exportState()));
      await writeFile(file, encoded);
      saves.push(performance.now() - started);
      bytes = encoded.byteLength;

      started = performance.now();
      const decoded = decodeSnapshot(await readFile(file), FORMAT);
      if (!decoded.ok) throw new Error(`The saved search index could not be read back: ${decoded.reason}`);
      const restored = new SearchIndex();
      restored.restoreState(searchStateFromSections(decoded.sections));
      const answer = restored.search(parseQuery(firstQuery), { limit: 50 });
      reloads.push(performance.now() - started);
      if (answer.total === 0 && index.search(parseQuery(firstQuery)).total > 0) throw new Error('The restored search index answers otherwise.');
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { saveMs: Math.round(median(saves)), reloadMs: Math.round(median(reloads)), savedMB: Math.round(bytes / 1e5) / 10 };
}
