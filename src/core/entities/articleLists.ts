import { Int32Chunks } from '../int32Chunks';

const LIST_BITS = 14;
const LIST_CHUNK = 1 << LIST_BITS;
const LIST_MASK = LIST_CHUNK - 1;

/**
 * For each entity of the entity index, the articles that mention it, in no particular order (slots, so that
 * an article leaves its entity's list in O(1): the last one takes its slot).
 *
 * Most of a corpus's entities are named in one article (at 10,000 articles, about 150,000 of 167,000), and a
 * JavaScript array for each, grown by `push`, took about 190 bytes even then (V8 grows an empty array to 16
 * slots at once): a third of the extension host's heap. Here one article is kept in a typed array, and
 * longer lists in arrays grown by doubling from two.
 */
export class ArticleLists {
  /** Per entity, how many articles its list has. */
  private readonly lengths = new Int32Chunks();
  /** Per entity with one article, that article. */
  private readonly only = new Int32Chunks();
  /**
   * Per entity with two or more, its articles in `[0, length)` (the array may have room beyond); in chunks of
   * `LIST_CHUNK` entities, so that no array of a million slots is grown (and copied) as entities come.
   */
  private lists: (number[] | undefined)[][] = [];

  /** Makes room for entities numbered below `count`. */
  ensure(count: number): void {
    this.lengths.ensure(count);
    this.only.ensure(count);
    while (this.lists.length * LIST_CHUNK < count) this.lists.push(new Array<number[] | undefined>(LIST_CHUNK).fill(undefined));
  }

  private listOf(entity: number): number[] {
    return this.lists[entity >>> LIST_BITS][entity & LIST_MASK] as number[];
  }

  private setList(entity: number, list: number[] | undefined): void {
    this.lists[entity >>> LIST_BITS][entity & LIST_MASK] = list;
  }

  length(entity: number): number {
    return this.lengths.at(entity);
  }

  /** Adds an article to the entity's list; its slot there. */
  push(entity: number, article: number): number {
    this.ensure(entity + 1);
    const length = this.lengths.get(entity);
    if (length === 0) this.only.set(entity, article);
    else if (length === 1) this.setList(entity, [this.only.get(entity), article]);
    else {
      let list = this.listOf(entity);
      if (length === list.length) {
        const grown = new Array<number>(length * 2);
        for (let i = 0; i < length; i++) grown[i] = list[i];
        this.setList(entity, (list = grown));
      }
      list[length] = article;
    }
    this.lengths.set(entity, length + 1);
    return length;
  }

  /** Puts an article in `slot` of the entity's list (one already there). */
  set(entity: number, slot: number, article: number): void {
    if (this.lengths.get(entity) === 1) this.only.set(entity, article);
    else this.listOf(entity)[slot] = article;
  }

  /** Takes the last article off the entity's list, and gives it. */
  pop(entity: number): number {
    const length = this.length(entity);
    if (length === 0) throw new RangeError(`entity ${entity} has no articles`);
    this.lengths.set(entity, length - 1);
    if (length === 1) return this.only.get(entity);
    const list = this.listOf(entity);
    const last = list[length - 1];
    if (length === 2) {
      this.only.set(entity, list[0]);
      this.setList(entity, undefined);
    }
    return last;
  }

  /** Empties the entity's list. */
  clear(entity: number): void {
    if (entity >= this.lengths.capacity) return;
    this.lengths.set(entity, 0);
    this.setList(entity, undefined);
  }

  /** The entity's articles, as a new array. */
  toArray(entity: number): number[] {
    const length = this.length(entity);
    if (length === 0) return [];
    if (length === 1) return [this.only.get(entity)];
    return this.listOf(entity).slice(0, length);
  }

  /** Empties every list. */
  reset(): void {
    this.lengths.clear();
    this.only.clear();
    this.lists = [];
  }
}
