/**
 * The worker thread that finds the names in articles while the corpus is indexed, so that the extension
 * host stays free. It holds a recogniser for the knowledge base it was last sent and answers each batch
 * of texts with their mentions, tagged with the knowledge base's generation (the host drops answers for
 * an older one).
 */
import { parentPort } from 'node:worker_threads';
import { runAsBackgroundThread } from '../../node/backgroundThread';
import { mergeKnowledgeBaseFiles } from '../../core/entities/knowledgeBase';
import { packMentions } from '../../core/entities/mentionPack';
import { createRecognizer, type Recognizer } from '../../core/entities/recognizer';
import { readArticleFromDisk, readEntryFromDisk } from '../../node/articleFromDisk';
import { forEachLimit } from '../../core/async';
import type { RecognitionItem, RecognitionReply, RecognitionRequest, RecognitionResult } from './recognitionRunner';

// Indexing gives way to the extension host's thread (and the editor) when the cores are busy.
runAsBackgroundThread();

/**
 * Files read at once. The worker's reads share the process's four libuv threads with the extension host's:
 * a whole batch (32) at once queued ahead of the host's reads (the snippets of Search Corpus, the reader's
 * article) while a corpus was indexed; a few at a time still keep the recogniser busy.
 */
const READS_AT_ONCE = 4;

const utf8 = new TextEncoder();

let recognizer: Recognizer | undefined;
let generation = -1;

parentPort?.on('message', (request: RecognitionRequest) => {
  if (request.type === 'knowledgeBase') {
    // One layer: the host sends the knowledge base already merged, and its names marked as not names.
    recognizer = createRecognizer(mergeKnowledgeBaseFiles({ entities: request.entities, notNames: request.notNames }));
    generation = request.generation;
    return;
  }
  if (!recognizer || request.generation !== generation) {
    // Sent before the knowledge base it was meant for: the host asks again.
    const reply: RecognitionReply = { id: request.id, generation, results: undefined };
    parentPort?.postMessage(reply);
    return;
  }
  const active = recognizer;
  const answeredFor = generation;
  // Files are read (a few at a time) and parsed here too: the extension host only files the answers.
  const results = new Array<RecognitionResult>(request.items.length);
  void forEachLimit(
    request.items.map((item, place) => ({ item, place })),
    READS_AT_ONCE,
    async ({ item, place }) => {
      results[place] = await recognizeItem(active, item);
    },
  ).then(() => {
    const reply: RecognitionReply = { id: request.id, generation: answeredFor, results };
    parentPort?.postMessage(reply);
  });
});

async function recognizeItem(recognizer: Recognizer, item: RecognitionItem): Promise<RecognitionResult> {
  try {
    if ('text' in item) return { mentions: recognizer.recognize(item.text) };
    if ('entry' in item) {
      const { path, uri, fileName, origin, maxBytes } = item.entry;
      return { outcome: await readEntryFromDisk(path, uri, fileName, origin, maxBytes) };
    }
    const article = await readArticleFromDisk(item.path, item.maxBytes);
    // Packed: a few strings and one typed array an article cross to the host, not an object for every mention.
    // The text as bytes: the host hands them on to the search worker without a string of 2 KB on its heap.
    if ('failed' in article) return article;
    const { title, text, date } = article;
    return { packed: packMentions(recognizer.recognize(text)), article: { title, date, text: utf8.encode(text) } };
  } catch (error) {
    // One file that breaks the parser or the recogniser must not stop the others (or the worker).
    const reason = `It could not be read: ${error instanceof Error ? error.message : String(error)}`;
    if (!('entry' in item)) return { failed: reason };
    const { uri, fileName, origin } = item.entry;
    return { outcome: { kind: 'problem', reason, entry: { kind: 'problem', problem: { uri, fileName, origin, reason } } } };
  }
}
