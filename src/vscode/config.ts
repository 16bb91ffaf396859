import * as vscode from 'vscode';
import type { GroupBy } from '../core/corpus';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';
import { ENTITY_STYLES, type EntityStyle } from '../webview/protocol';
import { CONFIG_SECTION } from './constants';

/** `auto` shows the sample articles only while no other articles are found. */
export type SampleCorpusMode = 'auto' | 'on' | 'off';

export interface CorpusConfig {
  readonly include: string;
  readonly exclude: string;
  readonly folders: readonly string[];
  readonly sampleCorpus: SampleCorpusMode;
  readonly maxFileSizeBytes: number;
}

export interface ReaderConfig {
  readonly highlight: readonly EntityType[];
  readonly fontSize: number;
  readonly fontFamily: string;
  readonly lineLength: number;
  readonly openInNewTab: boolean;
  readonly entityStyle: EntityStyle;
  readonly showSpeakers: boolean;
}

/** Typed access to the extension's settings; the only place that reads them. */
export const config = {
  /** Corpus settings; `scope` (a workspace folder) for the per-folder include and exclude patterns. */
  corpus(scope?: vscode.Uri): CorpusConfig {
    const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
    return {
      include: nonEmptyString(c.get('include'), '**/*.txt'),
      exclude: typeof c.get('exclude') === 'string' ? (c.get<string>('exclude') ?? '') : '',
      folders: stringArray(c.get('folders')),
      sampleCorpus: config.sampleCorpus(),
      maxFileSizeBytes: config.maxFileSizeBytes(),
    };
  },

  /** The largest file read, in bytes; not resource-scoped, so it is read without a scope (and without VS Code's warning). */
  maxFileSizeBytes(): number {
    return clamp(vscode.workspace.getConfiguration(CONFIG_SECTION).get('maxFileSizeMB'), 0.01, 1024, 2) * 1024 * 1024;
  },

  sampleCorpus(): SampleCorpusMode {
    return oneOf(vscode.workspace.getConfiguration(CONFIG_SECTION).get('sampleCorpus'), ['auto', 'on', 'off'] as const, 'auto');
  },

  groupBy(): GroupBy {
    return oneOf(vscode.workspace.getConfiguration(CONFIG_SECTION).get('articles.groupBy'), ['month', 'yearMonth'] as const, 'month');
  },

  reader(): ReaderConfig {
    const c = vscode.workspace.getConfiguration(`${CONFIG_SECTION}.reader`);
    return {
      fontSize: clamp(c.get('fontSize'), 8, 40, 16),
      fontFamily: typeof c.get('fontFamily') === 'string' ? (c.get<string>('fontFamily') ?? '') : '',
      lineLength: clamp(c.get('lineLength'), 30, 200, 72),
      openInNewTab: c.get('openInNewTab') === true,
      entityStyle: oneOf(c.get('entityStyle'), ENTITY_STYLES, 'underline'),
      showSpeakers: c.get('showSpeakers') !== false,
      highlight: Array.isArray(c.get('highlightEntities'))
        ? ENTITY_TYPES.filter((type) => (c.get<unknown[]>('highlightEntities') ?? []).includes(type))
        : [...ENTITY_TYPES],
    };
  },

  /** Files of the user's own knowledge bases (setting `annotatedReader.knowledgeBases`). */
  knowledgeBases(): string[] {
    return stringArray(vscode.workspace.getConfiguration(CONFIG_SECTION).get('knowledgeBases'));
  },

  /** Whether article files opened as text show their entities in the reader's colours. */
  editorHighlights(): boolean {
    return vscode.workspace.getConfiguration(CONFIG_SECTION).get('editor.highlightEntities') !== false;
  },

  /** Adds a knowledge base file to the user's `annotatedReader.knowledgeBases`. */
  async addKnowledgeBase(path: string): Promise<void> {
    const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const current = stringArray(c.inspect('knowledgeBases')?.globalValue);
    if (!current.includes(path)) await c.update('knowledgeBases', [...current, path], vscode.ConfigurationTarget.Global);
  },

  /** The annotations file (setting `annotatedReader.annotations.file`): relative to the first workspace folder, absolute, or a URI. */
  annotationsFile(): string {
    return nonEmptyString(vscode.workspace.getConfiguration(CONFIG_SECTION).get('annotations.file'), '.annotated-reader/annotations.json');
  },

  /** The raw value of `annotatedReader.annotations.colours`, checked by the core. */
  annotationColours(): unknown {
    return vscode.workspace.getConfiguration(CONFIG_SECTION).get('annotations.colours');
  },

  /** Whether a configuration change touches `key` (relative to the extension's section). */
  affects(event: vscode.ConfigurationChangeEvent, key: string): boolean {
    return event.affectsConfiguration(`${CONFIG_SECTION}.${key}`);
  },

  /** Sets the sample corpus mode where it takes effect: in the workspace if the workspace sets it, else for the user. */
  async setSampleCorpus(mode: SampleCorpusMode): Promise<void> {
    const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const inspected = c.inspect('sampleCorpus');
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await c.update('sampleCorpus', mode, target);
  },

  async addFolder(folder: string): Promise<void> {
    const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const current = stringArray(c.inspect('folders')?.globalValue);
    if (!current.includes(folder)) await c.update('folders', [...current, folder], vscode.ConfigurationTarget.Global);
  },
};

// Settings files are hand-edited: every value is checked, and a wrong one falls back to the default.

function nonEmptyString(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function oneOf<const T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}
