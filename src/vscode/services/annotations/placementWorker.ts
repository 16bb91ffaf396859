/**
 * The worker thread that places a large article's annotations, so that the
 * extension host never waits for it. One request at a time, answered with
 * the indexes of the annotations given (the host keeps the objects).
 */
import { parentPort } from 'node:worker_threads';
import type { Annotation } from '../../../core/annotations/model';
import { placeAnnotations } from '../../../core/annotations/placement';
import type { PlacementReply, PlacementRequest } from './placementRunner';

parentPort?.on('message', (request: PlacementRequest) => {
  const index = new Map<Annotation, number>(request.annotations.map((annotation, i) => [annotation, i]));
  const at = (annotation: Annotation) => index.get(annotation) as number;
  const placement = placeAnnotations(request.text, request.annotations);
  const reply: PlacementReply = {
    id: request.id,
    placed: placement.placed.map(({ annotation, start, end, method }) => ({ index: at(annotation), start, end, method })),
    review: placement.review.map(({ annotation, reason, suggestion }) => ({ index: at(annotation), reason, suggestion })),
    orphans: placement.orphans.map(({ annotation, reason }) => ({ index: at(annotation), reason })),
  };
  parentPort?.postMessage(reply);
});
