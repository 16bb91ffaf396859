const BITS = 14;
const SIZE = 1 << BITS;
const MASK = SIZE - 1;

/**
 * 32-bit integers by index from 0, in chunks of 16,384 that are added as the indexes grow: what it holds is
 * never copied, and it never asks for one large block of memory. The entity index's per-entity arrays,
 * doubled as typed arrays, copied and first touched 8–16 MB at once at a million entities, which held the
 * extension host for up to a quarter of a second.
 *
 * `get`, `set` and `add` take an index below `capacity` (`ensure` makes room); `at` takes any index and gives
 * the fill value beyond.
 */
export class Int32Chunks {
  private chunks: Int32Array[] = [];

  constructor(private readonly fill = 0) {}

  /** One past the highest index there is room for. */
  get capacity(): number {
    return this.chunks.length * SIZE;
  }

  /** Makes room for indexes below `count`. */
  ensure(count: number): void {
    while (this.chunks.length * SIZE < count) {
      const chunk = new Int32Array(SIZE);
      if (this.fill !== 0) chunk.fill(this.fill);
      this.chunks.push(chunk);
    }
  }

  get(index: number): number {
    return this.chunks[index >>> BITS][index & MASK];
  }

  /** The value at any index: the fill value where there is no room yet. */
  at(index: number): number {
    const chunk = this.chunks[index >>> BITS];
    return chunk === undefined || index < 0 ? this.fill : chunk[index & MASK];
  }

  set(index: number, value: number): void {
    this.chunks[index >>> BITS][index & MASK] = value;
  }

  add(index: number, delta: number): void {
    this.chunks[index >>> BITS][index & MASK] += delta;
  }

  /** Empties it: no room, every value the fill value. */
  clear(): void {
    this.chunks = [];
  }
}
