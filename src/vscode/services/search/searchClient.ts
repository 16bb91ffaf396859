import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { SnapshotError } from '../../../core/persist/snapshotFile';
import type { ParsedQuery } from '../../../core/search/query';
import { type SearchDocument, SearchIndex, type SearchResult } from '../../../core/search/searchIndex';
import { type SearchIndexState, checkSearchIndexState } from '../../../core/search/searchIndexState';
import { Disposable } from '../../util/disposable';
import type { EntityIndexState } from '../../../core/entities/entityIndexState';
import type { SavedFile, SnapshotMeta } from '../../../core/persist/indexSnapshot';
import { readIndexFile, writeIndexFile } from './indexFile';
import { type LoadOutcome, type SearchReply, type SearchRequest, addPart, noParts, partsOf } from './searchProtocol';

const utf8 = new TextDecoder();

/** Queries whose times `queryTimings` keeps. */
const TIMINGS_KEPT = 5000;

/** A query's times on its way through the search worker, in ms (see `SearchClient.queryTimings`). */
export interface SearchTiming {
  readonly at: number;
  readonly waitMs: number;
  readonly runMs: number;
  readonly backMs: number;
}

/** A load's outcome with its files and entities, when the saved index was usable (the search index restored from it by then). */
export type LoadResult =
  | Exclude<LoadOutcome, { kind: 'ok' }>
  | (Omit<Extract<LoadOutcome, { kind: 'ok' }>, 'entities' | 'parts'> & { readonly entities: EntityIndexState; readonly files: readonly SavedFile[] });


interface Waiting {
  readonly resolve: (reply: SearchReply) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The corpus's search index, held in a worker thread (started at once, kept for the window) so that
 * filling it, searching it and copying it out to be saved leave the extension host free; the host
 * sends each article's words as it is indexed and asks the quick pick's queries. Where no worker can be
 * started, or it fails, the index is held here instead: one that failed had its contents lost, so
 * `onDidLoseContents` fires for the indexer to index everything again.
 */
export class SearchClient extends Disposable {
  private worker: Worker | undefined;
  private local: SearchIndex | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly timings: SearchTiming[] = [];
  private readonly onDidLoseContentsEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the worker failed and the index was lost: everything must be added again. */
  readonly onDidLoseContents = this.onDidLoseContentsEmitter.event;

  private started = false;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => void this.worker?.terminate() });
  }

  /** Starts the worker on first use (not at activation: most plain-text files VS Code activates for are not articles). */
  private start(): void {
    if (this.started || this.isDisposed) return;
    this.started = true;
    if (!this.extensionPath) {
      this.local = new SearchIndex();
      return;
    }
    try {
      const worker = new Worker(join(this.extensionPath, 'dist', 'searchWorker.js'));
      worker.on('message', (reply: SearchReply) => this.receive(reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (!this.isDisposed) this.fail(worker, new Error(`the worker stopped (exit code ${code})`));
      });
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.log.warn(`No worker thread for the search index; it is kept here. ${error instanceof Error ? error.message : String(error)}`);
      this.local = new SearchIndex();
    }
  }

  /** Whether the index lives in the worker thread (else in the extension host). */
  get inWorker(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Indexes an article. Its text may be UTF-8 bytes (as the recognition worker sends it): they are handed over
   * to the worker as they are, so that the text of a corpus being indexed never becomes strings on the host's
   * heap (at 100,000 articles, 218 MB of them, collected as they went). The caller must not use them again.
   */
  add(key: string, document: Omit<SearchDocument, 'text'> & { readonly text: string | Uint8Array }): void {
    this.start();
    const { title, text, date } = document;
    if (this.local) this.local.add(key, { ...document, text: typeof text === 'string' ? text : utf8.decode(text) });
    else this.post({ type: 'add', key, title, text, date, entityIds: [...(document.entityIds ?? [])] }, typeof text === 'string' ? [] : [text]);
  }

  remove(key: string): void {
    this.start();
    if (this.local) this.local.remove(key);
    else this.post({ type: 'remove', key });
  }

  clear(): void {
    this.start();
    if (this.local) this.local.clear();
    else this.post({ type: 'clear' });
  }

  /**
   * The index's answer to a query; `resolved` gives the entity ids of each `@name` in it. With `complete`,
   * the answer counts every article sent to the index before it; without, the worker answers at once from
   * what it has taken in so far (while a large corpus is indexed, the articles queue up).
   */
  async search(query: ParsedQuery, limit: number, resolved: ReadonlyMap<string, readonly string[]>, complete = true): Promise<SearchResult> {
    this.start();
    if (this.local) return this.local.search(query, { limit, resolveEntity: (name) => resolved.get(name) ?? [] });
    const sentAt = performance.timeOrigin + performance.now();
    const reply = await this.ask({ type: 'search', id: ++this.nextId, query, limit, resolved: [...resolved], complete, sentAt });
    if (reply.type !== 'search') throw new Error('The search worker answered another question.');
    if (reply.receivedAt !== undefined && reply.answeredAt !== undefined) {
      const back = performance.timeOrigin + performance.now();
      if (this.timings.length >= TIMINGS_KEPT) this.timings.shift();
      this.timings.push({ at: performance.now(), waitMs: reply.receivedAt - sentAt, runMs: reply.answeredAt - reply.receivedAt, backMs: back - reply.answeredAt });
    }
    return { hits: reply.hits, total: reply.total, terms: new Set(reply.terms) };
  }

  /**
   * The last queries' times in the worker (for the host benchmark): until the worker took each up (messages queued
   * before it, the slice of writes it was in, its wait for a core), its search, and the answer's way back until
   * the host took it in. `at`: when the answer came, by `performance.now()`.
   */
  queryTimings(): readonly SearchTiming[] {
    return this.timings;
  }

  /** The index as saved state (see `SearchIndex.exportState`). */
  async exportState(): Promise<SearchIndexState> {
    this.start();
    if (this.local) return this.local.exportState();
    const reply = await this.ask({ type: 'export', id: ++this.nextId });
    if (reply.type !== 'export') throw new Error('The search index could not be copied out.');
    return reply.state;
  }

  /** Replaces the index with a saved state; a `SnapshotError` if it does not add up (the index is then empty). */
  async restoreState(state: SearchIndexState): Promise<void> {
    this.start();
    if (this.local) {
      try {
        checkSearchIndexState(state);
        this.local.restoreState(state);
      } catch (error) {
        this.local.clear();
        throw error;
      }
      return;
    }
    const reply = await this.ask({ type: 'restore', id: ++this.nextId, state });
    if (reply.type === 'restore' && reply.error) throw new SnapshotError(reply.error);
    if (reply.type !== 'restore') throw new Error('The search index could not be restored.');
  }

  /**
   * Saves the corpus's indexes to `path`: the search index as it is at this call (its copy is taken
   * before anything sent later), with `files` and `entities` as the host has them now. The worker
   * encodes and writes the file; the files go to it in parts, letting the host work in between.
   */
  async save(path: string, meta: SnapshotMeta, entities: EntityIndexState, files: readonly SavedFile[]): Promise<{ readonly bytes?: number; readonly refused?: string }> {
    this.start();
    if (this.local) return writeIndexFile(path, { meta, files, search: this.local.exportState(), entities });
    const id = ++this.nextId;
    this.post({ type: 'holdSearch', id });
    // In parts, letting the host work in between: each part is copied on this thread as it is posted.
    for (const part of partsOf(files, entities)) {
      this.post({ type: 'savePart', id, part });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const packed = { packStarts: entities.packStarts, packs: entities.packs, known: entities.known, quoteStarts: entities.quoteStarts, quotes: entities.quotes };
    const reply = await this.ask({ type: 'save', id, path, meta, entities: packed }, [packed.packStarts, packed.packs, packed.known, packed.quoteStarts, packed.quotes]);
    if (reply.type !== 'saved') throw new Error('The search worker answered another question.');
    return { bytes: reply.bytes, refused: reply.refused };
  }

  /**
   * Reads the saved index at `path`: when it is usable, the search index is restored from it and the
   * files and entities come back (in parts, so the host is not held while they are copied).
   */
  async load(path: string, buildId: string): Promise<LoadResult> {
    this.start();
    if (this.local) {
      const read = await readIndexFile(path, buildId);
      if (read.kind === 'none') return { kind: 'none' };
      if (read.kind === 'unreadable' || !read.ok) return { kind: 'refused', reason: read.reason };
      try {
        this.local.restoreState(read.snapshot.search);
      } catch (error) {
        this.local.clear();
        if (error instanceof SnapshotError) return { kind: 'refused', reason: error.message };
        throw error;
      }
      return { kind: 'ok', meta: read.snapshot.meta, entities: read.snapshot.entities, bytes: read.bytes, files: read.snapshot.files };
    }
    const id = ++this.nextId;
    const reply = await this.ask({ type: 'load', id, path, buildId });
    if (reply.type !== 'loaded') throw new Error('The search worker answered another question.');
    const { outcome } = reply;
    if (outcome.kind !== 'ok') return outcome;
    // The files and the entity strings, one part at a time: each is taken in here as a task of its own.
    const parts = noParts();
    for (let part = 0; part < outcome.parts; part++) {
      const answer = await this.ask({ type: 'loadPart', id: ++this.nextId, load: id, part });
      if (answer.type !== 'loadPart') throw new Error('The search worker answered another question.');
      addPart(parts, answer.part);
    }
    const { parts: _, ...rest } = outcome;
    return { ...rest, entities: { ...outcome.entities, ...parts.strings }, files: parts.files };
  }

  private post(request: SearchRequest, transfer: readonly ArrayBufferView[] = []): void {
    this.worker?.postMessage(request, [...new Set(transfer.map((array) => array.buffer as ArrayBuffer))]);
  }

  private ask(request: SearchRequest & { readonly id: number }, transfer: readonly ArrayBufferView[] = []): Promise<SearchReply> {
    // The worker failed since the caller looked (a save sends its files in parts): no answer would come.
    if (!this.worker) return Promise.reject(new Error('The search worker is gone.'));
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.post(request, transfer);
    });
  }

  private receive(reply: SearchReply): void {
    const id = reply.id;
    if (id === undefined) {
      if (reply.type === 'failed') this.log.error(`The search worker: ${reply.message}`);
      return;
    }
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (reply.type === 'failed') {
      this.log.error(`The search worker: ${reply.message}`);
      waiting?.reject(new Error(reply.message));
    } else waiting?.resolve(reply);
  }

  /** The worker is gone: the index is kept here from now on, empty, and the indexer is told to fill it again. */
  private fail(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.local = new SearchIndex();
    this.log.warn(`The search worker failed; the search index is kept in the extension host from now on and built again. ${error instanceof Error ? error.message : String(error)}`);
    for (const waiting of this.waiting.values()) waiting.reject(new Error('The search worker failed.'));
    this.waiting.clear();
    this.onDidLoseContentsEmitter.fire();
  }
}
