import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onProcessExit } from './processes';

/** Workspace settings that make the extension show its five bundled sample articles. */
export const SAMPLE_CORPUS_SETTINGS: Readonly<Record<string, unknown>> = { 'annotatedReader.sampleCorpus': 'on' };

export interface TemporaryWorkspace {
  readonly path: string;
  dispose(): void;
}

/**
 * A fresh empty folder with the given `.vscode/settings.json` (default: the sample corpus switched on),
 * removed by `dispose()` or, failing that, when this process exits.
 */
export function createTemporaryWorkspace(settings = SAMPLE_CORPUS_SETTINGS): TemporaryWorkspace {
  const path = mkdtempSync(join(tmpdir(), 'annotated-reader-workspace-'));
  mkdirSync(join(path, '.vscode'));
  writeFileSync(join(path, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  const removeExitHandler = onProcessExit(remove);
  return {
    path,
    dispose: () => {
      removeExitHandler();
      remove();
    },
  };
}
