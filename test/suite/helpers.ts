import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { AnnotatedReaderApi } from '../../src/vscode/extension';
import type { IndexPhase, IndexStatus } from '../../src/core/indexStatus';
import type { RenderReport, RevealReport } from '../../src/vscode/reader/readerManager';

export async function activateApi(): Promise<AnnotatedReaderApi> {
  const extension = vscode.extensions.getExtension<AnnotatedReaderApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.corpus.whenLoaded();
  return api;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return folder.uri;
}

/**
 * How long a wait for what the product reports may take before the test fails. Only a stuck run gets near it:
 * a busy machine makes the product slower, never silent, so waits are for events, with a roomy limit.
 */
export const WAIT_LIMIT_MS = 60_000;

/**
 * Resolves when `condition` holds, checking after each change of the annotations, and every 250 ms for what
 * follows them with no event of its own (the comment threads on an open file); fails after `timeoutMs`.
 */
export async function whenAnnotations<T>(
  api: AnnotatedReaderApi,
  what: string,
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = WAIT_LIMIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const listener = api.annotations.onDidChange(() => {
        listener.dispose();
        resolve();
      });
      setTimeout(() => {
        listener.dispose();
        resolve();
      }, 250);
    });
  }
}

/**
 * Resolves with the value of `condition` once it holds: checked now and after each of `events` fires, never
 * on a timer. For conditions that only those events can change; fails after `timeoutMs`.
 */
export async function until<T>(
  what: string,
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  events: readonly vscode.Event<unknown>[],
  timeoutMs = WAIT_LIMIT_MS,
): Promise<T> {
  const listeners: vscode.Disposable[] = [];
  let last: unknown;
  try {
    return await new Promise<T>((resolve, reject) => {
      let checking = false;
      let again = false;
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${String(last)})`)), timeoutMs);
      // One check at a time; an event during a check asks for one more after it.
      const check = async (): Promise<void> => {
        if (checking) {
          again = true;
          return;
        }
        checking = true;
        try {
          do {
            again = false;
            const value = await condition();
            last = value;
            if (value) {
              clearTimeout(timer);
              resolve(value);
              return;
            }
          } while (again);
        } catch (error) {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          checking = false;
        }
      };
      for (const event of events) listeners.push(event(() => void check()));
      void check();
    });
  } finally {
    for (const listener of listeners) listener.dispose();
  }
}

/** Resolves when `condition` holds, checking after every corpus change; fails after `timeoutMs`. */
export async function waitFor<T>(api: AnnotatedReaderApi, what: string, condition: () => T | undefined | false, timeoutMs = WAIT_LIMIT_MS): Promise<T> {
  const now = condition();
  if (now) return now;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = api.corpus.onDidChange(() => {
      const value = condition();
      if (value) {
        clearTimeout(timer);
        listener.dispose();
        resolve(value);
      }
    });
  });
}

/** Opens the Search Corpus quick pick with `query` typed, accepts the first result, and resolves with the reader's report. */
export async function searchAndAccept(api: AnnotatedReaderApi, query: string): Promise<RevealReport> {
  const revealed = nextReveal(api, `a match for "${query}"`);
  // The command resolves once the first results are shown; the first is selected. An accept sent
  // before the quick pick has focus does nothing, so it is sent again, paced, until the reader reports
  // the reveal (whose own limit ends a stuck run).
  await vscode.commands.executeCommand('annotatedReader.search', query);
  let done = false;
  const settled = revealed.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 500))]);
  }
  return revealed;
}

/** Resolves with the next render report for `uri` (that satisfies `condition`), starting to listen before `action` runs. */
export async function renderOf(
  api: AnnotatedReaderApi,
  uri: string,
  action: () => unknown,
  condition: (report: RenderReport) => boolean = () => true,
  timeoutMs = WAIT_LIMIT_MS,
): Promise<RenderReport> {
  let listener: vscode.Disposable | undefined;
  const rendered = new Promise<RenderReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the reader did not report rendering ${uri} as expected within ${timeoutMs} ms`)), timeoutMs);
    listener = api.reader.onDidRender((report) => {
      if (report.uri === uri && condition(report)) {
        clearTimeout(timer);
        resolve(report);
      }
    });
  });
  try {
    await action();
    return await rendered;
  } finally {
    listener?.dispose();
  }
}

/** The next report of a reader bringing a range into view (of `uri`, if given); listening starts at once. */
export function nextReveal(api: AnnotatedReaderApi, what: string, uri?: string, timeoutMs = WAIT_LIMIT_MS): Promise<RevealReport> {
  return new Promise<RevealReport>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`the reader did not reveal ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = api.reader.onDidReveal((report) => {
      if (uri !== undefined && report.uri !== uri) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(report);
    });
  });
}

/** A row of a tree view: its node, its item, and its label as shown. */
export interface Row {
  readonly node: unknown;
  readonly item: vscode.TreeItem;
  readonly label: string;
}

/** The children of `parent` (the roots without it) as VS Code would show them. */
export async function rowsOf(provider: vscode.TreeDataProvider<unknown>, parent?: unknown): Promise<Row[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  return Promise.all(
    children.map(async (node) => {
      const item = await provider.getTreeItem(node);
      return { node, item, label: typeof item.label === 'string' ? item.label : (item.label?.label ?? '') };
    }),
  );
}

export interface TreeNodeView {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly command?: vscode.Command;
  readonly children: TreeNodeView[];
}

/** The Articles view as VS Code would render it: labels, descriptions and children. */
export async function snapshotTree(api: AnnotatedReaderApi): Promise<TreeNodeView[]> {
  const provider = api.views.articles;
  const walk = async (element?: unknown): Promise<TreeNodeView[]> => {
    const children = (await provider.getChildren(element)) ?? [];
    return Promise.all(
      children.map(async (child) => {
        const item = await provider.getTreeItem(child);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        return {
          label,
          description: typeof item.description === 'string' ? item.description : undefined,
          contextValue: item.contextValue,
          command: item.command,
          children: item.collapsibleState === vscode.TreeItemCollapsibleState.None ? [] : await walk(child),
        };
      }),
    );
  };
  return walk();
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function deleteIfExists(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch {
    // already gone
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function readerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('annotatedReader.reader'));
}

/** An article file's text: a header line with the date and headline, then the body. */
export function article(date: string, title: string, body: string): string {
  return ` date ${date} ${title}\n\n${body}\n`;
}

/**
 * Writes `files` into a new folder outside the workspace and moves it in:
 * one change for the watcher, so the corpus takes them in one batch and the
 * index grows over them (while a test watches the views).
 */
export function moveIn(name: string, files: Record<string, string>): vscode.Uri {
  const staging = mkdtempSync(join(tmpdir(), 'annotated-reader-staging-'));
  const folder = join(staging, name);
  mkdirSync(folder);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  const target = vscode.Uri.joinPath(workspaceFolder(), name);
  renameSync(folder, target.fsPath);
  rmSync(staging, { recursive: true, force: true });
  return target;
}


/** Resolves when the corpus index reaches `phase` (at once if it is there), listening before `action` runs. */
export async function statusReaches(api: AnnotatedReaderApi, phase: IndexPhase, action: () => unknown = () => undefined, timeoutMs = 60_000): Promise<IndexStatus> {
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reached = new Promise<IndexStatus>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the corpus index did not reach "${phase}" within ${timeoutMs} ms (it is ${api.entities.status().phase})`)), timeoutMs);
    listener = api.entities.onDidChangeStatus((status) => {
      if (status.phase !== phase) return;
      clearTimeout(timer);
      resolve(status);
    });
  });
  try {
    await action();
    const now = api.entities.status();
    return now.phase === phase ? now : await reached;
  } finally {
    clearTimeout(timer);
    listener?.dispose();
  }
}

/** Deletes folders a test moved in and resolves once the corpus has dropped their articles and the index is ready again. */
export async function removeAndSettle(api: AnnotatedReaderApi, folders: readonly vscode.Uri[]): Promise<void> {
  if (folders.length === 0) return;
  for (const folder of folders) await deleteIfExists(folder);
  const prefixes = folders.map((folder) => `${folder.toString()}/`);
  await waitFor(api, 'the removed articles to leave the corpus', () => !api.corpus.articles().some((a) => prefixes.some((prefix) => a.uri.startsWith(prefix))), 60_000);
  await statusReaches(api, 'ready');
  await api.entities.whenIndexed();
}

/** The editor's hover at a position, as the card reads: Markdown escapes and `&nbsp;` resolved, `**` kept for the name's bold. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
