/**
 * The worker thread that finds the names in articles while the corpus is indexed, so that the extension
 * host stays free. It holds a recogniser for the knowledge base it was last sent and answers each batch
 * of texts with their mentions, tagged with the knowledge base's generation (the host drops answers for
 * an older one).
 */
import { parentPort } from 'node:worker_threads';
import { runAsBackgroundThread } from '../../../node/backgroundThread';
import { mergeKnowledgeBaseFiles } from '../../../core/entities/knowledgeBase';
import { packMentions } from '../../../core/entities/mentionPack';
import { findQuotes } from '../../../core/quotes/findQuotes';
import { packQuotes } from '../../../core/quotes/quotePack';
import { createRecognizer, type Recognizer } from '../../../core/entities/recognizer';
import { readArticleFromDiskSync, readEntryFromDiskSync } from '../../../node/articleFromDisk';
import type { RecognitionItem, RecognitionReply, RecognitionRequest, RecognitionResult } from './recognitionRunner';

// Indexing gives way to the extension host's thread (and the editor) when the cores are busy.
runAsBackgroundThread();

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
  // Files are read (one after the other, with blocking reads: see `readFromDiskSync`) and parsed here too: the
  // extension host only files the answers.
  const results = request.items.map((item) => recognizeItem(active, item));
  const reply: RecognitionReply = { id: request.id, generation: answeredFor, results };
  parentPort?.postMessage(reply);
});

function recognizeItem(recognizer: Recognizer, item: RecognitionItem): RecognitionResult {
  try {
    if ('text' in item) return { mentions: recognizer.recognize(item.text) };
    if ('entry' in item) {
      const { path, uri, fileName, origin, maxBytes } = item.entry;
      return { outcome: readEntryFromDiskSync(path, uri, fileName, origin, maxBytes) };
    }
    const article = readArticleFromDiskSync(item.path, item.maxBytes);
    // Packed: a few strings and one typed array an article cross to the host, not an object for every mention.
    // The text as bytes: the host hands them on to the search worker without a string of 2 KB on its heap.
    if ('failed' in article) return article;
    const { title, text, date, paragraphStarts } = article;
    const mentions = recognizer.recognize(text);
    const packed = packMentions(mentions, paragraphStarts);
    // Its quotes too, packed beside the mentions (speakers as places in the pack's ids): offsets, never the words.
    const quotes = packQuotes(findQuotes(article, mentions), packed.ids, text);
    return { packed, quotes, article: { title, date, text: utf8.encode(text) } };
  } catch (error) {
    // One file that breaks the parser or the recogniser must not stop the others (or the worker).
    const reason = `It could not be read: ${error instanceof Error ? error.message : String(error)}`;
    if (!('entry' in item)) return { failed: reason };
    const { uri, fileName, origin } = item.entry;
    return { outcome: { kind: 'problem', reason, entry: { kind: 'problem', problem: { uri, fileName, origin, reason } } } };
  }
}
