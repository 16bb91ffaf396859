import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { ArticleDate } from '../../../core/article';
import { isPackedMentions, type PackedMentions, packMentions } from '../../../core/entities/mentionPack';
import type { Entity, EntityMention } from '../../../core/entities/types';
import { findQuotes } from '../../../core/quotes/findQuotes';
import { isPackedQuotes, type PackedQuotes, packQuotes } from '../../../core/quotes/quotePack';
import type { ArticleOrigin } from '../../../core/corpus';
import { type EntryOutcome, readArticleFromDisk, readEntryFromDisk } from '../../../node/articleFromDisk';
import { Disposable } from '../../util/disposable';
import type { EntityService } from './entityService';

/**
 * A text to recognise; an article file on disk for the worker to read and parse first (at most `maxBytes`);
 * or a corpus file to read, parse and classify only (the corpus's load: no names found).
 */
export type RecognitionItem =
  | { readonly text: string }
  | { readonly path: string; readonly maxBytes: number }
  | { readonly entry: { readonly path: string; readonly uri: string; readonly fileName: string; readonly origin: ArticleOrigin; readonly maxBytes: number } };

/**
 * An item's answer: a text's mentions; a file's mentions packed for the entity index, with the article's
 * parts the search index needs; why a file gave none; or a corpus file's outcome.
 */
export type RecognitionResult =
  | { readonly mentions: readonly EntityMention[] }
  | { readonly packed: PackedMentions; readonly quotes: PackedQuotes; readonly article: RecognizedArticle }
  | { readonly failed: string }
  | { readonly outcome: EntryOutcome };

export type RecognitionRequest =
  | { readonly type: 'knowledgeBase'; readonly generation: number; readonly entities: readonly Entity[]; readonly notNames: readonly string[] }
  | { readonly type: 'recognize'; readonly id: number; readonly generation: number; readonly items: readonly RecognitionItem[] };

export interface RecognitionReply {
  readonly id: number;
  readonly generation: number;
  /** Undefined when the worker did not have the knowledge base of the request's generation. */
  readonly results: readonly RecognitionResult[] | undefined;
}

/**
 * An article file's parts for the indexes. From the worker, the text is UTF-8 bytes, which the host passes on to
 * the search index without making a string of it.
 */
export interface RecognizedArticle {
  readonly title: string;
  readonly text: string | Uint8Array;
  readonly date: ArticleDate;
}

/** An article file as the indexes take it: its parts, its mentions packed and its quotes packed beside them. */
export interface RecognizedFile {
  readonly article: RecognizedArticle;
  readonly mentions: PackedMentions;
  readonly quotes: PackedQuotes;
}

/** Texts sent to the worker in one message: enough to make a message's cost small beside the work. */
const BATCH_TEXTS = 32;
/** Batches on their way at once: the worker always has the next one when it finishes a batch. */
const IN_FLIGHT = 2;
/** Results kept by content hash, for articles indexed again unchanged (touched, moved, in two folders). */
const CACHE_ENTRIES = 20_000;

interface Pending {
  readonly item: RecognitionItem;
  /** The text's hash, for the cache (texts only). */
  readonly key?: string;
  readonly resolve: (result: RecognitionResult) => void;
}

/**
 * Recognises names for the corpus index in a worker thread (started when first needed, kept for the
 * next), so that indexing a large corpus leaves the extension host free; the reader and the editor
 * recognise their one article here, at once, through `EntityService`. Results are cached by the SHA-1 of
 * the text until the knowledge base changes. Where a worker cannot be started, or fails, texts are
 * recognised here.
 */
export class RecognitionRunner extends Disposable {
  private worker: Worker | undefined;
  private workerFailed = false;
  private generation = 0;
  private sentGeneration = -1;
  private nextId = 0;
  private queue: Pending[] = [];
  private readonly inFlight = new Map<number, { generation: number; batch: Pending[] }>();
  private readonly cache = new Map<string, readonly EntityMention[]>();
  /** Texts recognised in the worker so far (for tests and the log). */
  inWorker = 0;
  /** Corpus files read and parsed in the worker so far, as the corpus loaded (for tests). */
  entriesInWorker = 0;

  constructor(
    private readonly extensionPath: string,
    private readonly entities: EntityService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => void this.worker?.terminate() });
    this.register(
      entities.onDidChange(() => {
        // Results for the old knowledge base are dropped as they come; what is waiting goes with the new one.
        this.generation++;
        this.cache.clear();
        this.requeueInFlight();
        this.pump();
      }),
    );
  }

  /** The mentions in `text`, by the knowledge base in use when they are answered. */
  recognize(text: string): Promise<readonly EntityMention[]> {
    const key = createHash('sha1').update(text).digest('base64');
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.here(key, text));
    return new Promise((resolve) => {
      this.queue.push({ item: { text }, key, resolve: (result) => resolve('mentions' in result ? result.mentions : []) });
      this.pump();
    });
  }

  /**
   * Reads an article file on disk, parses it and finds its names, in the worker thread (where none runs,
   * here): the extension host gets the parts the index needs, or undefined when the file is not a
   * readable article (any more).
   */
  async recognizeFile(path: string, maxBytes: number): Promise<RecognizedFile | undefined> {
    const worker = this.ensureWorker();
    const result = worker
      ? await new Promise<RecognitionResult>((resolve) => {
          this.queue.push({ item: { path, maxBytes }, resolve });
          this.pump();
        })
      : await this.fileHere(path, maxBytes);
    if (!('packed' in result)) return undefined;
    // From the worker: checked, as everything that crosses from another thread is (the index trusts it).
    if (!isPackedMentions(result.packed) || !isRecognizedArticle(result.article) || !isPackedQuotes(result.quotes, result.packed.ids.length)) {
      this.log.warn(`The recognition worker's answer for ${path} was not well formed; its names are left out of the index.`);
      return undefined;
    }
    return { article: result.article, mentions: result.packed, quotes: result.quotes };
  }

  /** Reads, parses and classifies a corpus file on disk in the worker (where none runs, here), for the corpus's load. */
  async readEntry(path: string, uri: string, fileName: string, origin: ArticleOrigin, maxBytes: number): Promise<EntryOutcome> {
    const item = { entry: { path, uri, fileName, origin, maxBytes } };
    if (!this.ensureWorker()) return readEntryFromDisk(path, uri, fileName, origin, maxBytes);
    const result = await new Promise<RecognitionResult>((resolve) => {
      this.queue.push({ item, resolve });
      this.pump();
    });
    return 'outcome' in result ? result.outcome : readEntryFromDisk(path, uri, fileName, origin, maxBytes);
  }

  private async fileHere(path: string, maxBytes: number): Promise<RecognitionResult> {
    const read = await readArticleFromDisk(path, maxBytes);
    if ('failed' in read) return read;
    const { title, text, date, paragraphStarts } = read;
    const mentions = this.entities.recognize(text);
    const packed = packMentions(mentions, paragraphStarts);
    return { packed, quotes: packQuotes(findQuotes(read, mentions), packed.ids, text), article: { title, text, date } };
  }

  private here(key: string, text: string): readonly EntityMention[] {
    const mentions = this.entities.recognize(text);
    this.remember(key, mentions);
    return mentions;
  }

  /** What waits, done here (no worker, or no worker any more). */
  private doHere(pending: Pending): void {
    const { item } = pending;
    const failed = (error: unknown) => `It could not be read: ${error instanceof Error ? error.message : String(error)}`;
    if ('text' in item) {
      try {
        pending.resolve({ mentions: this.here(pending.key ?? '', item.text) });
      } catch (error) {
        pending.resolve({ failed: failed(error) });
      }
    } else if ('entry' in item) {
      const { path, uri, fileName, origin, maxBytes } = item.entry;
      void readEntryFromDisk(path, uri, fileName, origin, maxBytes).then(
        (outcome) => pending.resolve({ outcome }),
        (error: unknown) => {
          const reason = failed(error);
          pending.resolve({ outcome: { kind: 'problem', reason, entry: { kind: 'problem', problem: { uri, fileName, origin, reason } } } });
        },
      );
    } else void this.fileHere(item.path, item.maxBytes).then(pending.resolve, (error: unknown) => pending.resolve({ failed: failed(error) }));
  }

  private remember(key: string, mentions: readonly EntityMention[]): void {
    if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, mentions);
  }

  private pump(): void {
    const worker = this.worker;
    if (!worker) {
      // No worker (any more): what waits is recognised here.
      for (const pending of this.queue.splice(0)) this.doHere(pending);
      return;
    }
    if (this.sentGeneration !== this.generation) {
      const request: RecognitionRequest = { type: 'knowledgeBase', generation: this.generation, entities: this.entities.knowledgeBaseEntities(), notNames: [...(this.entities.merged.notNames ?? [])] };
      worker.postMessage(request);
      this.sentGeneration = this.generation;
    }
    while (this.inFlight.size < IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, BATCH_TEXTS);
      const id = ++this.nextId;
      this.inFlight.set(id, { generation: this.generation, batch });
      const request: RecognitionRequest = { type: 'recognize', id, generation: this.generation, items: batch.map((p) => p.item) };
      worker.postMessage(request);
    }
  }

  private requeueInFlight(): void {
    const batches = [...this.inFlight.values()].map((flight) => flight.batch);
    this.inFlight.clear();
    this.queue.unshift(...batches.flat());
  }

  private answer(reply: RecognitionReply): void {
    const flight = this.inFlight.get(reply.id);
    if (!flight) return; // requeued after a knowledge-base change
    this.inFlight.delete(reply.id);
    if (!reply.results || reply.generation !== this.generation || flight.generation !== this.generation) {
      this.queue.unshift(...flight.batch);
    } else {
      for (const pending of flight.batch) {
        if ('entry' in pending.item) this.entriesInWorker++;
        else this.inWorker++;
      }
      flight.batch.forEach((pending, i) => {
        const result = (reply.results as readonly RecognitionResult[])[i];
        if (pending.key !== undefined && 'mentions' in result) this.remember(pending.key, result.mentions);
        pending.resolve(result);
      });
    }
    this.pump();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed || this.isDisposed || !this.extensionPath) return this.worker;
    try {
      const worker = new Worker(join(this.extensionPath, 'dist', 'recognitionWorker.js'));
      worker.on('message', (reply: RecognitionReply) => this.answer(reply));
      const fail = (error: unknown) => {
        if (this.worker !== worker) return;
        this.workerFailed = true;
        this.worker = undefined;
        this.log.warn(`Recognising names in a worker thread failed; recognising them here instead. ${error instanceof Error ? error.message : String(error)}`);
        this.requeueInFlight();
        this.pump();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.isDisposed) fail(new Error(`the worker stopped (exit code ${code})`));
      });
      // An idle worker does not keep the extension host alive.
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.workerFailed = true;
      this.log.warn(`No worker thread for recognising names: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.worker;
  }
}

/** Whether an article's parts from the worker have the shapes the indexes take (a title, a text as a string or bytes, a date). */
function isRecognizedArticle(value: unknown): value is RecognizedArticle {
  if (typeof value !== 'object' || value === null) return false;
  const { title, text, date } = value as Partial<Record<keyof RecognizedArticle, unknown>>;
  return typeof title === 'string' && (typeof text === 'string' || text instanceof Uint8Array) && typeof date === 'object' && date !== null && Number.isInteger((date as { year?: unknown }).year) && Number.isInteger((date as { month?: unknown }).month);
}
