/**
 * The best few of many numbers (entities, articles) by a comparison, without sorting them all: a heap of at
 * most `limit` whose root is the worst kept, so that most candidates are turned away by one comparison with
 * it. The entity index's rankings and the co-occurrence and timeline queries use it.
 */

/** Adds `item` to a heap of at most `limit` items whose root is the worst (`worse(a, b) < 0`: a is worse). */
export function pushBounded(heap: number[], item: number, limit: number, worse: (a: number, b: number) => number): void {
  if (limit <= 0) return;
  if (heap.length < limit) {
    heap.push(item);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (worse(heap[i], heap[parent]) >= 0) break;
      // Swapped by hand: a destructuring swap allocated an array each time (100 MB over a cold index of 100,000 articles).
      const held = heap[i];
      heap[i] = heap[parent];
      heap[parent] = held;
      i = parent;
    }
    return;
  }
  if (worse(item, heap[0]) <= 0) return;
  heap[0] = item;
  for (let i = 0; ; ) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && worse(heap[left], heap[worst]) < 0) worst = left;
    if (right < heap.length && worse(heap[right], heap[worst]) < 0) worst = right;
    if (worst === i) return;
    const held = heap[i];
    heap[i] = heap[worst];
    heap[worst] = held;
    i = worst;
  }
}
