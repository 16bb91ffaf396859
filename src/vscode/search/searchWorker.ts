/**
 * The worker thread that holds the corpus's search index (see `searchProtocol.ts`): the extension host
 * sends it each article as it is indexed and asks it the quick pick's queries.
 */
import { parentPort } from 'node:worker_threads';
import { SnapshotError } from '../../core/persist/snapshotFile';
import { SearchIndex } from '../../core/search/searchIndex';
import { checkSearchIndexState } from '../../core/search/searchIndexState';
import type { SearchReply, SearchRequest } from './searchProtocol';

const index = new SearchIndex();

function answer(request: SearchRequest): SearchReply | undefined {
  switch (request.type) {
    case 'add':
      index.add(request.key, { title: request.title, text: request.text, date: request.date, entityIds: request.entityIds });
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

parentPort?.on('message', (request: SearchRequest) => {
  let reply: SearchReply | undefined;
  try {
    reply = answer(request);
  } catch (error) {
    reply = { type: 'failed', id: 'id' in request ? request.id : undefined, message: error instanceof Error ? error.message : String(error) };
  }
  if (!reply) return;
  if (reply.type === 'export') {
    // The exported arrays are copies: handed over, not copied again.
    const { state } = reply;
    const buffers = [state.lengths, state.years, state.months, state.postingStarts, state.postings, state.sortedTerms, state.trigramStarts, state.trigramTerms].map((array) => array.buffer as ArrayBuffer);
    parentPort?.postMessage(reply, [...new Set(buffers)]);
  } else parentPort?.postMessage(reply);
});
