/**
 * The entity index as arrays, for saving it between windows
 * (`EntityIndex.exportState`, `restoreState`, which checks a saved one adds up).
 */
import type { SectionValue, SnapshotSections } from '../persist/snapshotFile';

export interface EntityIndexState {
  /** Article URIs, by article number. */
  readonly uris: readonly string[];
  /** Article `a`'s groups are `packs[packStarts[a] .. packStarts[a + 1])`. */
  readonly packStarts: Int32Array;
  /**
   * Per article, its paragraph table (how many starts, then the starts: `mentionPack.ts`), then per entity it
   * mentions: entity number, type and strong count, count, (slot), then start and end of each mention.
   */
  readonly packs: Int32Array;
  /** Entity ids, canonical names and whether the knowledge base knows each, by entity number. */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly known: Uint8Array;
  /** Article `a`'s quotes are `quotes[quoteStarts[a] .. quoteStarts[a + 1])`: its text's hash, then its quotes (`QuoteIndex.exportRecord`). */
  readonly quoteStarts: Int32Array;
  readonly quotes: Int32Array;
  /** The cues and speaker names without an id the quotes point to. */
  readonly quoteStrings: readonly string[];
}

/** The sections an entity index is saved in, their names prefixed. */
export function entityStateSections(state: EntityIndexState, prefix = 'entities.'): Record<string, SectionValue> {
  return {
    [`${prefix}uris`]: state.uris,
    [`${prefix}packStarts`]: state.packStarts,
    [`${prefix}packs`]: state.packs,
    [`${prefix}ids`]: state.ids,
    [`${prefix}names`]: state.names,
    [`${prefix}known`]: state.known,
    [`${prefix}quoteStarts`]: state.quoteStarts,
    [`${prefix}quotes`]: state.quotes,
    [`${prefix}quoteStrings`]: state.quoteStrings,
  };
}

/** An entity index's state read back from its sections (checked as it is restored). */
export function entityStateFromSections(sections: SnapshotSections, prefix = 'entities.'): EntityIndexState {
  return {
    uris: sections.strings(`${prefix}uris`),
    packStarts: sections.i32(`${prefix}packStarts`),
    packs: sections.i32(`${prefix}packs`),
    ids: sections.strings(`${prefix}ids`),
    names: sections.strings(`${prefix}names`),
    known: sections.u8(`${prefix}known`),
    quoteStarts: sections.i32(`${prefix}quoteStarts`),
    quotes: sections.i32(`${prefix}quotes`),
    quoteStrings: sections.strings(`${prefix}quoteStrings`),
  };
}
