/** Named entities: what the knowledge base holds and what recognition finds in a text. */

export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How the UI names one entity of each type, and several. */
export const ENTITY_TYPE_NAMES: Readonly<Record<EntityType, string>> = { person: 'Person', organization: 'Organisation', place: 'Place', event: 'Event', other: 'Name' };
export const ENTITY_TYPE_PLURALS: Readonly<Record<EntityType, string>> = { person: 'People', organization: 'Organisations', place: 'Places', event: 'Events', other: 'Other names' };

/** One entity of a knowledge base, as written in its JSON file. */
export interface Entity {
  /** Unique within the merged knowledge base: lower-case letters, digits and hyphens. */
  readonly id: string;
  /** The canonical name, as the UI shows it. */
  readonly name: string;
  readonly type: EntityType;
  /** Other names and spellings (short forms, abbreviations, transliterations). */
  readonly aliases: readonly string[];
  /** One English sentence. */
  readonly description: string;
  /** `Q…`, where known. */
  readonly wikidata?: string;
  /**
   * For entities that share a name (`Utenriksdepartementet` of Norway and of
   * Ukraine): ids of entities whose mention near the name selects this one.
   */
  readonly context?: readonly string[];
}

/** A mention of an entity in a text; `text.slice(start, end)` is the mention. */
export interface EntityMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  readonly entityId: string;
  readonly canonical: string;
  /**
   * `knowledgeBase`: a name the knowledge base knows; `shortForm`: a later
   * short form of a name used earlier; `rule`: a name found by the rules for
   * names the knowledge base does not know (its `entityId` starts `unknown-`).
   */
  readonly source: 'knowledgeBase' | 'shortForm' | 'rule';
  /**
   * Rule-found names only: the type came from strong evidence in this text (a first name, a title or
   * role, a speech verb, the name's own words such as `ASA` or `tingrett`). The corpus index lets such a
   * type carry to the name's mentions in other articles, where the cues were weaker.
   */
  readonly strong?: true;
}
