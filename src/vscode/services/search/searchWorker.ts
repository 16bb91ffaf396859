/**
 * The worker thread that holds the corpus's search index (see `searchProtocol.ts`): the extension host
 * sends it each article as it is indexed and asks it the quick pick's queries.
 */
import { parentPort } from 'node:worker_threads';
import { SnapshotError } from '../../../core/persist/snapshotFile';
import { SearchIndex } from '../../../core/search/searchIndex';
import { type SearchIndexState, checkSearchIndexState } from '../../../core/search/searchIndexState';
import type { EntityIndexState } from '../../../core/entities/entityIndexState';
import { readIndexFile, writeIndexFile } from './indexFile';
import { type IndexPart, type IndexParts, addPart, noParts, partsOf, type SearchReply, type SearchRequest } from './searchProtocol';

// This thread runs at the extension host's own priority, unlike the recognition worker: it answers Search
// Corpus's keystrokes, and its indexing is short work, sliced between them (about 12 s of a cold index of
// 100,000 articles that takes two minutes). Lowered (nice + 10) like the recognition worker, a query waited
// for a core behind the workbench's and the host's threads: 76 ms at the 95th percentile while 100,000
// articles were indexed, 28-31 ms at the host's priority. A thread cannot raise its own priority again
// without privileges, so it cannot be lowered only while it indexes.

const index = new SearchIndex();
const utf8 = new TextDecoder();
// Merges of the postings' segments are made in slices between queries, not in the add that seals one.
index.setMergesInSteps(true);
/** Saves under way: the search index as it was when each began, and the files and entity strings sent so far. */
const saves = new Map<number, { search: SearchIndexState; parts: IndexParts }>();
/** What loads hold for the host to ask for, part by part (let go with the last). */
const loads = new Map<number, IndexPart[]>();

function post(reply: SearchReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(reply, [...new Set(transfer)]);
}

function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

async function save(request: Extract<SearchRequest, { type: 'save' }>): Promise<void> {
  const held = saves.get(request.id);
  saves.delete(request.id);
  if (!held) throw new Error('A save came without its first step.');
  const entities: EntityIndexState = { ...request.entities, ...held.parts.strings };
  const written = await writeIndexFile(request.path, { meta: request.meta, files: held.parts.files, search: held.search, entities });
  post({ type: 'saved', id: request.id, ...written });
}

async function load(request: Extract<SearchRequest, { type: 'load' }>): Promise<void> {
  // A load the host gave up on part of the way.
  loads.clear();
  const read = await readIndexFile(request.path, request.buildId);
  if (read.kind === 'none') return post({ type: 'loaded', id: request.id, outcome: { kind: 'none' } });
  if (read.kind === 'unreadable') return post({ type: 'loaded', id: request.id, outcome: { kind: 'refused', reason: read.reason } });
  if (!read.ok) return post({ type: 'loaded', id: request.id, outcome: { kind: 'refused', reason: read.reason } });
  const { snapshot } = read;
  try {
    index.restoreState(snapshot.search);
  } catch (error) {
    index.clear();
    if (error instanceof SnapshotError) return post({ type: 'loaded', id: request.id, outcome: { kind: 'refused', reason: error.message } });
    throw error;
  }
  // Held for the host to ask for, part by part.
  const e = snapshot.entities;
  const parts = [...partsOf(snapshot.files, e)];
  loads.set(request.id, parts);
  // Copies of the entity arrays, handed over: the search index keeps views of the file's bytes.
  const entities = { packStarts: e.packStarts.slice(), packs: e.packs.slice(), known: e.known.slice(), quoteStarts: e.quoteStarts.slice(), quotes: e.quotes.slice() };
  post(
    { type: 'loaded', id: request.id, outcome: { kind: 'ok', meta: snapshot.meta, entities, bytes: read.bytes, parts: parts.length } },
    buffersOf([entities.packStarts, entities.packs, entities.known, entities.quoteStarts, entities.quotes]),
  );
}

function answer(request: SearchRequest): SearchReply | undefined {
  switch (request.type) {
    case 'holdSearch':
      saves.set(request.id, { search: index.exportState(), parts: noParts() });
      return undefined;
    case 'savePart': {
      const held = saves.get(request.id);
      if (held) addPart(held.parts, request.part);
      return undefined;
    }
    case 'loadPart': {
      const parts = loads.get(request.load);
      const part = parts?.[request.part];
      if (!parts || !part) throw new Error(`Load ${request.load} has no part ${request.part}.`);
      if (request.part === parts.length - 1) loads.delete(request.load);
      return { type: 'loadPart', id: request.id, part };
    }
    case 'save':
    case 'load':
      // Answered when the file is written or read (the next requests wait: they are handled in order).
      return undefined;
    case 'add':
      index.add(request.key, { title: request.title, text: typeof request.text === 'string' ? request.text : utf8.decode(request.text), date: request.date, entityIds: request.entityIds });
      return undefined;
    case 'remove':
      index.remove(request.key);
      return undefined;
    case 'clear':
      index.clear();
      return undefined;
    case 'search': {
      const resolved = new Map(request.resolved);
      const result = index.search(request.query, { limit: request.limit, resolveEntity: (name) => resolved.get(name) ?? [] });
      return { type: 'search', id: request.id, hits: result.hits, total: result.total, terms: [...result.terms] };
    }
    case 'export':
      return { type: 'export', id: request.id, state: index.exportState() };
    case 'restore':
      try {
        checkSearchIndexState(request.state);
        index.restoreState(request.state);
        return { type: 'restore', id: request.id };
      } catch (error) {
        index.clear();
        if (error instanceof SnapshotError) return { type: 'restore', id: request.id, error: error.message };
        throw error;
      }
  }
}

const failed = (request: SearchRequest, error: unknown): SearchReply => ({ type: 'failed', id: 'id' in request ? request.id : undefined, message: error instanceof Error ? error.message : String(error) });

/**
 * Adds, removals and clears wait here and are applied in slices: a query that comes while a large corpus
 * is indexed is answered at once from what is applied so far, not after every article sent before it.
 */
let writes: SearchRequest[] = [];
let nextWrite = 0;
let draining = false;
/** How long one slice of writes may hold the worker before a waiting query is answered. */
const WRITE_SLICE_MS = 15;
/** How long the merges of the postings may hold it after a slice of writes. */
const MERGE_SLICE_MS = 10;

function applyWrites(until: number): void {
  while (nextWrite < writes.length && performance.now() < until) {
    const request = writes[nextWrite++];
    try {
      answer(request);
    } catch (error) {
      post(failed(request, error));
    }
  }
  if (nextWrite === writes.length) {
    writes = [];
    nextWrite = 0;
  }
}

function drainSlice(): void {
  applyWrites(performance.now() + WRITE_SLICE_MS);
  // Then the merges waiting (a seal's could take most of a second at 100,000 articles), a slice of their own
  // so that they keep up with the adds.
  if (index.hasWork) {
    const until = performance.now() + MERGE_SLICE_MS;
    index.work(() => performance.now() >= until);
  }
  if (writes.length > 0 || index.hasWork) setImmediate(drainSlice);
  else draining = false;
}

/** Everything else one at a time, in order, after the writes sent before it: a save or a load holds the next ones until its file is written or read. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: SearchRequest) => {
  if (request.type === 'clear') {
    // At once, with the writes still waiting: they were sent before it, so it undoes them anyway, and a query
    // that comes next (answered from what is applied so far) must not be answered by the index it cleared.
    writes = [];
    nextWrite = 0;
    index.clear();
    return;
  }
  if (request.type === 'add' || request.type === 'remove') {
    writes.push(request);
    if (!draining) {
      draining = true;
      setImmediate(drainSlice);
    }
    return;
  }
  if (request.type === 'search') {
    try {
      const receivedAt = performance.timeOrigin + performance.now();
      if (request.complete) applyWrites(Infinity);
      post({ ...(answer(request) as Extract<SearchReply, { type: 'search' }>), receivedAt, answeredAt: performance.timeOrigin + performance.now() });
    } catch (error) {
      post(failed(request, error));
    }
    return;
  }
  queue = queue.then(async () => {
    try {
      // What was sent before it counts: a copy for a save is of the index with every article sent so far.
      applyWrites(Infinity);
      if (request.type === 'save') return await save(request);
      if (request.type === 'load') return await load(request);
      const reply = answer(request);
      if (!reply) return;
      // The exported arrays are copies, handed over, not copied again; but the postings are the index's
      // own (never changed, but still read): those are copied.
      if (reply.type === 'export') {
        const { state } = reply;
        post(reply, buffersOf([state.lengths, state.years, state.months, state.postingCounts, state.sortedTerms, state.trigramStarts, state.trigramTerms]));
      } else post(reply);
    } catch (error) {
      post(failed(request, error));
    }
  });
});
