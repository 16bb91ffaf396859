/**
 * Changes to a user's knowledge-base file, as text in and text out: a new
 * entity, or another name for an existing one. The file's other content is
 * kept as it was (other entities, unknown fields); a file that is not a
 * knowledge base is never rewritten.
 */
import { squashWhitespace } from '../text';
import { parseKnowledgeBase } from './knowledgeBase';
import type { Entity, EntityType } from './types';

export type KnowledgeBaseChange =
  | { readonly kind: 'newEntity'; readonly name: string; readonly type: EntityType; readonly description: string; readonly aliases?: readonly string[] }
  /** `entity` is the entity as the merged knowledge base has it (perhaps from another file). */
  | { readonly kind: 'alias'; readonly entity: Entity; readonly alias: string };

export type EditResult = { readonly ok: true; readonly text: string; readonly entityId: string } | { readonly ok: false; readonly reason: string };

/**
 * Applies `change` to a knowledge-base file's text (`undefined`: the file
 * does not exist yet). `takenIds` are the ids of the merged knowledge base,
 * so a new entity's id does not replace another file's entity.
 */
export function editKnowledgeBase(text: string | undefined, change: KnowledgeBaseChange, takenIds: ReadonlySet<string>): EditResult {
  const file = openKnowledgeBaseText(text);
  if (!file.ok) return file;
  const { data, indent } = file;
  const entries = data.entities as unknown[];

  if (change.kind === 'newEntity') {
    const name = change.name.trim();
    if (name === '') return { ok: false, reason: 'the canonical name is empty' };
    const fileIds = new Set(entries.map((entry) => (isRecord(entry) && typeof entry.id === 'string' ? entry.id : '')));
    const id = uniqueId(name, (candidate) => takenIds.has(candidate) || fileIds.has(candidate));
    const aliases = [...new Set((change.aliases ?? []).map((alias) => alias.trim()).filter((alias) => alias !== '' && alias !== name))];
    entries.push({ id, name, type: change.type, aliases, description: change.description.trim() });
    allowNames(data, [name, ...aliases]);
    return finishKnowledgeBaseText(data, indent, id);
  }

  const alias = change.alias.trim();
  if (alias === '') return { ok: false, reason: 'the name to add is empty' };
  const existing = entries.find((entry): entry is Record<string, unknown> => isRecord(entry) && entry.id === change.entity.id);
  if (existing) {
    const aliases = Array.isArray(existing.aliases) ? existing.aliases : (existing.aliases = []);
    if (existing.name === alias || aliases.includes(alias)) return { ok: false, reason: `"${alias}" is already a name of ${change.entity.name}` };
    aliases.push(alias);
  } else {
    // The entity lives in another knowledge base (the bundled one): a copy here, with the new name, takes precedence.
    const { id, name, type, aliases, description, wikidata, context } = change.entity;
    if (name === alias || aliases.includes(alias)) return { ok: false, reason: `"${alias}" is already a name of ${name}` };
    entries.push({ id, name, type, aliases: [...aliases, alias], description, ...(wikidata ? { wikidata } : {}), ...(context?.length ? { context: [...context] } : {}) });
  }
  allowNames(data, [alias]);
  return finishKnowledgeBaseText(data, indent, change.entity.id);
}

/** A knowledge-base file's JSON, ready to change; `undefined` or blank text is a new file. */
export type OpenedKnowledgeBase = { readonly ok: true; readonly data: Record<string, unknown>; readonly indent: string } | { readonly ok: false; readonly reason: string };

/** Reads a knowledge-base file's text for an edit: refused (with the reason) unless it is JSON with an `"entities"` array. */
export function openKnowledgeBaseText(text: string | undefined): OpenedKnowledgeBase {
  if (text === undefined || text.trim() === '') return { ok: true, data: { version: 1, entities: [] }, indent: '  ' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it first` };
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.entities)) {
    return { ok: false, reason: 'it has no "entities" array, so it is not a knowledge base' };
  }
  return { ok: true, data: parsed, indent: /^\{\s*\n(\s+)"/.exec(text)?.[1] ?? '  ' };
}

/** Names given to an entity are names again: they leave the file's `notNames` (the last correction wins). */
export function allowNames(data: Record<string, unknown>, names: readonly string[]): void {
  if (!Array.isArray(data.notNames)) return;
  const allowed = new Set(names.map((name) => squashWhitespace(name)));
  data.notNames = data.notNames.filter((entry) => typeof entry !== 'string' || !allowed.has(squashWhitespace(entry)));
  if ((data.notNames as unknown[]).length === 0) delete data.notNames;
}

/** The edited file's text, checked: what we write must read back, with `entityId` in it (if given). */
export function finishKnowledgeBaseText(data: Record<string, unknown>, indent: string, entityId: string | undefined): EditResult {
  const text = `${JSON.stringify(data, null, indent)}\n`;
  // What we write must read back: never leave a file the extension itself would reject.
  const check = parseKnowledgeBase(text);
  if (entityId !== undefined && !check.entities.some((entity) => entity.id === entityId)) {
    return { ok: false, reason: check.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') || 'the new entry did not read back' };
  }
  return { ok: true, text, entityId: entityId ?? '' };
}

/** An id for a new entity: its name in lower-case ASCII with hyphens, numbered if taken. */
export function uniqueId(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'entity';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
