import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { Annotation } from '../../../core/annotations/model';
import { emptyPlacement, type Placement, type PlacedAnnotation, placeOne, sortPlacement } from '../../../core/annotations/placement';
import { Disposable } from '../../util/disposable';
import { TimeSlice } from '../../util/timeSlice';

/** Articles at least this long are placed in the worker thread. */
export const WORKER_MIN_CHARS = 100_000;
/** How long placing in the extension host's thread may hold it before letting other work run. */
const SLICE_MS = 8;

export interface PlacementRequest {
  readonly id: number;
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

export interface PlacementReply {
  readonly id: number;
  readonly placed: readonly { index: number; start: number; end: number; method: PlacedAnnotation['method'] }[];
  readonly review: readonly { index: number; reason: string; suggestion?: { start: number; end: number } }[];
  readonly orphans: readonly { index: number; reason: string }[];
}

/**
 * Places annotations without blocking the extension host: a large article
 * in a worker thread (started when first needed, kept for the next), a
 * small one here in slices of a few milliseconds, one annotation at a time
 * (each search is bounded by its own work budget, so a slice stays short).
 * Where a worker cannot be started, or fails, everything is placed in slices.
 */
export class PlacementRunner extends Disposable {
  private worker: Worker | undefined;
  private workerFailed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, { annotations: readonly Annotation[]; resolve: (placement: Placement) => void; reject: (error: unknown) => void }>();
  /** Placements done in the worker so far (for tests and the log). */
  inWorker = 0;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => void this.worker?.terminate() });
  }

  async place(text: string | undefined, annotations: readonly Annotation[]): Promise<Placement> {
    if (text !== undefined && annotations.length > 0 && text.length >= WORKER_MIN_CHARS) {
      const worker = this.ensureWorker();
      if (worker) {
        try {
          return await this.inWorkerThread(worker, text, annotations);
        } catch (error) {
          this.log.warn(`Placing annotations in a worker thread failed; placing them here in slices instead. ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    return placeInSlices(text, annotations);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed || this.isDisposed) return this.worker;
    try {
      const worker = new Worker(join(this.extensionPath, 'dist', 'placementWorker.js'));
      worker.on('message', (reply: PlacementReply) => this.answer(reply));
      const fail = (error: unknown) => {
        this.workerFailed = true;
        this.worker = undefined;
        for (const { reject } of this.waiting.values()) reject(error);
        this.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (this.worker === worker) fail(new Error(`the worker stopped (exit code ${code})`));
      });
      // An idle worker does not keep the extension host alive.
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.workerFailed = true;
      this.log.warn(`No worker thread for placing annotations: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.worker;
  }

  private inWorkerThread(worker: Worker, text: string, annotations: readonly Annotation[]): Promise<Placement> {
    const id = ++this.nextId;
    return new Promise<Placement>((resolve, reject) => {
      this.waiting.set(id, { annotations, resolve, reject });
      const request: PlacementRequest = { id, text, annotations };
      worker.postMessage(request);
    });
  }

  private answer(reply: PlacementReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    this.inWorker++;
    const of = (index: number) => waiting.annotations[index];
    waiting.resolve({
      placed: reply.placed.map(({ index, start, end, method }) => ({ annotation: of(index), start, end, method })),
      review: reply.review.map(({ index, reason, suggestion }) => ({ annotation: of(index), reason, ...(suggestion ? { suggestion } : {}) })),
      orphans: reply.orphans.map(({ index, reason }) => ({ annotation: of(index), reason })),
    });
  }
}

/** Places one annotation after another, letting the extension host do other work every few milliseconds. */
export async function placeInSlices(text: string | undefined, annotations: readonly Annotation[]): Promise<Placement> {
  const placement = emptyPlacement();
  const slice = new TimeSlice(SLICE_MS, 1);
  for (const annotation of annotations) {
    placeOne(placement, text, annotation);
    if (slice.due()) await slice.pause();
  }
  return sortPlacement(placement);
}
