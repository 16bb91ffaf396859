// Files in memory for the annotations store's tests (annotationStore, limits): no disk, and saves that can be made to fail or overlap.
import type { FileRead, StoreFileSystem } from '../../src/core/annotations/store';

/** Files in memory; `failWrites` makes the next writes fail halfway, leaving a partial file as a crash would. */
export class MemoryFileSystem implements StoreFileSystem {
  readonly files = new Map<string, string>();
  failWrites = 0;
  /** Each write waits this long, so saves overlap. */
  delayMs = 0;

  private temporaries = 0;

  async read(path: string, maxBytes: number): Promise<FileRead> {
    const text = this.files.get(path);
    if (text === undefined) return { kind: 'missing' };
    const bytes = new TextEncoder().encode(text).length;
    return bytes > maxBytes ? { kind: 'tooLarge', bytes } : { kind: 'text', text };
  }
  temporaryPath(path: string): string {
    return `${path}.${++this.temporaries}.tmp`;
  }
  async write(path: string, text: string): Promise<void> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failWrites > 0) {
      this.failWrites--;
      this.files.set(path, text.slice(0, text.length / 2));
      throw new Error('disk full');
    }
    this.files.set(path, text);
  }
  async rename(from: string, to: string): Promise<void> {
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`no ${from}`);
    this.files.set(to, text);
    this.files.delete(from);
  }
  async copy(from: string, to: string): Promise<void> {
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`no ${from}`);
    this.files.set(to, text);
  }
  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }
}
