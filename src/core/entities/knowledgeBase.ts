/**
 * Knowledge bases: reading and checking the JSON files (the bundled one and
 * the user's), and merging them so that the user's entries take precedence.
 * The format is documented by schemas/knowledge-base.schema.json.
 */
import { MAX_ALIASES, MAX_DESCRIPTION_LENGTH, MAX_ENTITY_ID_LENGTH, MAX_ENTITY_NAME_LENGTH, MAX_KNOWLEDGE_BASE_BYTES, MAX_KNOWLEDGE_BASE_ENTITIES, MAX_NOT_NAMES, tooLargeMessage } from '../limits';
import { squashWhitespace } from '../text';
import { ENTITY_TYPES, type Entity, type EntityType } from './types';

export interface KnowledgeBase {
  readonly entities: readonly Entity[];
  byId(id: string): Entity | undefined;
  /** Surface forms that are never a mention (see corrections.ts), white space squashed. */
  readonly notNames?: ReadonlySet<string>;
}

export interface KnowledgeBaseIssue {
  /** Where in the file: `entities[3].type`. */
  readonly path: string;
  readonly message: string;
}

export interface ParsedKnowledgeBase {
  readonly entities: Entity[];
  /** The file's `notNames`: surface forms the user marked as never a name. */
  readonly notNames: string[];
  /** Entries that were skipped, and why. The rest of the file is still used. */
  readonly issues: KnowledgeBaseIssue[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WIKIDATA = /^Q[1-9][0-9]*$/;

/**
 * Reads a knowledge base file's text; never throws. A file that is not JSON
 * at all, or larger than MAX_KNOWLEDGE_BASE_BYTES, gives one issue and no
 * entities; entities past MAX_KNOWLEDGE_BASE_ENTITIES, and entries longer
 * than the limits of ../limits, are skipped with an issue.
 */
export function parseKnowledgeBase(json: string): ParsedKnowledgeBase {
  // Callers check the file's size before reading it; UTF-16 units never outnumber UTF-8 bytes, so this holds for the text too.
  if (json.length > MAX_KNOWLEDGE_BASE_BYTES) {
    return { entities: [], notNames: [], issues: [{ path: '', message: `not read: ${tooLargeMessage('it', json.length, MAX_KNOWLEDGE_BASE_BYTES, 'a knowledge base')}` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    return { entities: [], notNames: [], issues: [{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const list = isRecord(data) ? data.entities : undefined;
  if (!Array.isArray(list)) return { entities: [], notNames: [], issues: [{ path: 'entities', message: 'expected an "entities" array' }] };

  const entities: Entity[] = [];
  const issues: KnowledgeBaseIssue[] = [];
  const seen = new Set<string>();
  if (list.length > MAX_KNOWLEDGE_BASE_ENTITIES) {
    issues.push({ path: 'entities', message: `only the first ${MAX_KNOWLEDGE_BASE_ENTITIES.toLocaleString('en')} of ${list.length.toLocaleString('en')} entities are read` });
  }
  list.slice(0, MAX_KNOWLEDGE_BASE_ENTITIES).forEach((raw: unknown, index) => {
    const path = `entities[${index}]`;
    const problem = checkEntity(raw);
    if (typeof problem === 'string') {
      issues.push({ path, message: problem });
      return;
    }
    if (seen.has(problem.id)) {
      issues.push({ path: `${path}.id`, message: `duplicate id "${problem.id}"; the first one is used` });
      return;
    }
    seen.add(problem.id);
    entities.push(problem);
  });
  return { entities, notNames: readNotNames((data as Record<string, unknown>).notNames, issues), issues };
}

/** The optional top-level `notNames`: bad entries are skipped with an issue, as bad entities are. */
function readNotNames(raw: unknown, issues: KnowledgeBaseIssue[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({ path: 'notNames', message: 'expected an array of names' });
    return [];
  }
  if (raw.length > MAX_NOT_NAMES) {
    issues.push({ path: 'notNames', message: `only the first ${MAX_NOT_NAMES.toLocaleString('en')} of ${raw.length.toLocaleString('en')} names are read` });
  }
  const names: string[] = [];
  raw.slice(0, MAX_NOT_NAMES).forEach((name: unknown, index) => {
    if (typeof name !== 'string' || name.trim() === '') issues.push({ path: `notNames[${index}]`, message: 'must be a non-empty string' });
    else if (name.length > MAX_ENTITY_NAME_LENGTH) issues.push({ path: `notNames[${index}]`, message: `must be at most ${MAX_ENTITY_NAME_LENGTH} characters` });
    else names.push(name.trim());
  });
  return names;
}

function checkEntity(raw: unknown): Entity | string {
  if (!isRecord(raw)) return 'expected an object';
  const { id, name, type, aliases = [], description, wikidata, context } = raw;
  if (typeof id !== 'string' || !ID.test(id)) return '"id" must be lower-case letters, digits and single hyphens';
  if (id.length > MAX_ENTITY_ID_LENGTH) return `"id" must be at most ${MAX_ENTITY_ID_LENGTH} characters`;
  if (typeof name !== 'string' || name.trim() === '') return `"name" must be a non-empty string (entity "${id}")`;
  if (name.length > MAX_ENTITY_NAME_LENGTH) return `"name" must be at most ${MAX_ENTITY_NAME_LENGTH} characters (entity "${id}")`;
  if (typeof type !== 'string' || !ENTITY_TYPES.includes(type as EntityType)) {
    return `"type" must be one of ${ENTITY_TYPES.join(', ')} (entity "${id}")`;
  }
  if (!Array.isArray(aliases) || !aliases.every((alias) => typeof alias === 'string' && alias.trim() !== '')) {
    return `"aliases" must be an array of non-empty strings (entity "${id}")`;
  }
  if (aliases.length > MAX_ALIASES || aliases.some((alias: string) => alias.length > MAX_ENTITY_NAME_LENGTH)) {
    return `"aliases" must be at most ${MAX_ALIASES} names of at most ${MAX_ENTITY_NAME_LENGTH} characters (entity "${id}")`;
  }
  if (typeof description !== 'string') return `"description" must be a string (entity "${id}")`;
  if (description.length > MAX_DESCRIPTION_LENGTH) return `"description" must be at most ${MAX_DESCRIPTION_LENGTH.toLocaleString('en')} characters (entity "${id}")`;
  if (wikidata !== undefined && (typeof wikidata !== 'string' || !WIKIDATA.test(wikidata))) {
    return `"wikidata" must look like "Q7747" (entity "${id}")`;
  }
  if (context !== undefined && (!Array.isArray(context) || !context.every((ref) => typeof ref === 'string' && ID.test(ref)))) {
    return `"context" must be an array of entity ids (entity "${id}")`;
  }
  return {
    id,
    name: name.trim(),
    type: type as EntityType,
    aliases: (aliases as string[]).map((alias) => alias.trim()),
    description,
    ...(wikidata === undefined ? {} : { wikidata: wikidata as string }),
    ...(context === undefined ? {} : { context: context as string[] }),
  };
}

/**
 * Merges knowledge bases, later ones taking precedence: an entity with the
 * same id replaces the earlier one, and an alias used in a later knowledge
 * base is taken away from the entities of earlier ones. Within one
 * knowledge base, entities may share a name (see `Entity.context`).
 */
export function mergeKnowledgeBases(...layers: readonly (readonly Entity[])[]): KnowledgeBase {
  const byId = new Map<string, Entity>();
  const layerOf = new Map<string, number>();
  const lastLayerOfForm = new Map<string, number>();
  layers.forEach((layer, index) => {
    for (const entity of layer) {
      byId.set(entity.id, entity);
      layerOf.set(entity.id, index);
      for (const form of [entity.name, ...entity.aliases]) lastLayerOfForm.set(form, index);
    }
  });
  const entities = [...byId.values()]
    .map((entity) => {
      const aliases = entity.aliases.filter((alias) => lastLayerOfForm.get(alias) === layerOf.get(entity.id));
      return aliases.length === entity.aliases.length ? entity : { ...entity, aliases };
    })
    // Later knowledge bases first: where a name is still shared (an earlier entity's own name), theirs is the default reading.
    .sort((a, b) => (layerOf.get(b.id) ?? 0) - (layerOf.get(a.id) ?? 0));
  const index = new Map(entities.map((entity) => [entity.id, entity]));
  return { entities, byId: (id) => index.get(id) };
}

/** One knowledge base file's contribution to the merge: its entities and its `notNames`. */
export interface KnowledgeBaseLayer {
  readonly entities: readonly Entity[];
  readonly notNames?: readonly string[];
}

/**
 * As `mergeKnowledgeBases`, with each file's `notNames`: a form marked as not
 * a name stays so unless a later file gives it to an entity (later files take
 * precedence here too).
 */
export function mergeKnowledgeBaseFiles(...layers: readonly KnowledgeBaseLayer[]): KnowledgeBase {
  const merged = mergeKnowledgeBases(...layers.map((layer) => layer.entities));
  const notNames = new Set<string>();
  layers.forEach((layer, index) => {
    if (!layer.notNames?.length) return;
    const later = new Set(layers.slice(index + 1).flatMap((next) => next.entities.flatMap((entity) => [entity.name, ...entity.aliases].map((form) => squashWhitespace(form)))));
    for (const form of layer.notNames) if (!later.has(squashWhitespace(form))) notNames.add(squashWhitespace(form));
  });
  return notNames.size ? { ...merged, notNames } : merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
