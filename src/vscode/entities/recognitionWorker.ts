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
import type { RecognitionReply, RecognitionRequest, RecognitionResult } from './recognitionRunner';

// Indexing gives way to the extension host's thread (and the editor) when the cores are busy.
runAsBackgroundThread();

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
  const at = generation;
  // Files are read (in parallel) and parsed here too: the extension host only files the answers.
  void Promise.all(
    request.items.map(async (item): Promise<RecognitionResult> => {
      try {
        if ('text' in item) return { mentions: active.recognize(item.text) };
        if ('entry' in item) {
          const { path, uri, fileName, origin, maxBytes } = item.entry;
          return { outcome: await readEntryFromDisk(path, uri, fileName, origin, maxBytes) };
        }
        const article = await readArticleFromDisk(item.path, item.maxBytes);
        // Packed: a few strings and one typed array an article cross to the host, not an object for every mention.
        return 'failed' in article ? article : { packed: packMentions(active.recognize(article.text)), article };
      } catch (error) {
        // One file that breaks the parser or the recogniser must not stop the others (or the worker).
        const reason = `It could not be read: ${error instanceof Error ? error.message : String(error)}`;
        if (!('entry' in item)) return { failed: reason };
        const { uri, fileName, origin } = item.entry;
        return { outcome: { kind: 'problem', reason, entry: { kind: 'problem', problem: { uri, fileName, origin, reason } } } };
      }
    }),
  ).then((results) => {
    const reply: RecognitionReply = { id: request.id, generation: at, results };
    parentPort?.postMessage(reply);
  });
});
