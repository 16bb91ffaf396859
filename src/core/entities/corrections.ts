/**
 * Corrections of what recognition found, as edits of the user's
 * knowledge-base file (text in, text out, like knowledgeBaseEdit.ts):
 *
 * - change type: a name the rules found becomes an entity of that type; an
 *   entity of a knowledge base gets the type in the user's file (an entity of
 *   another file, the bundled one say, is copied whole with the new type:
 *   the same id replaces it, and its aliases and description come along);
 * - fix span: the right text becomes an entity (or an alias of the entity),
 *   and the wrong text is recorded as not a name;
 * - merge: the names become aliases of the target entity;
 * - not a name: the surface forms go to the file's top-level `notNames`, and
 *   the recogniser drops every mention with exactly that text.
 *
 * Giving a form to an entity takes it out of `notNames` again: the last
 * correction wins.
 */
import { MAX_ENTITY_NAME_LENGTH } from '../limits';
import { foldForMatching, squashWhitespace } from '../text';
import type { KnowledgeBase } from './knowledgeBase';
import { type EditResult, allowNames, editKnowledgeBase, finishKnowledgeBaseText, openKnowledgeBaseText } from './knowledgeBaseEdit';
import { ENTITY_TYPE_NAMES, type Entity, type EntityMention, type EntityType } from './types';

export type Correction =
  /** `entityId` and `name` as recognition gave them (`unknown-…` and the name as found, for a name the rules found). */
  | { readonly kind: 'changeType'; readonly entityId: string; readonly name: string; readonly type: EntityType }
  /** `wrong` is the mention's text, `right` the text it should have been (see `locateFix`). */
  | { readonly kind: 'fixSpan'; readonly entityId: string; readonly wrong: string; readonly right: string; readonly type: EntityType }
  /**
   * `forms` (a mention's text, or an entity's names) become names of `target`;
   * `sourceId`, an entity of the file being edited, is folded into it. A
   * target the rules found (not in `knowledgeBase`) becomes an entity.
   */
  | { readonly kind: 'merge'; readonly forms: readonly string[]; readonly target: Entity; readonly sourceId?: string }
  | { readonly kind: 'notName'; readonly forms: readonly string[] };

/** What a correction did, for the message after it (names are plain text). */
export function describeCorrection(correction: Correction): string {
  switch (correction.kind) {
    case 'changeType':
      return `${correction.name} is now a ${ENTITY_TYPE_NAMES[correction.type].toLowerCase()}`;
    case 'fixSpan':
      return `"${correction.right}" is now the name, and "${correction.wrong}" is not a name`;
    case 'merge':
      return `${correction.forms.map((form) => `"${form}"`).join(', ')} now ${correction.forms.length === 1 ? 'names' : 'name'} ${correction.target.name}`;
    case 'notName':
      return `${correction.forms.map((form) => `"${form}"`).join(', ')} ${correction.forms.length === 1 ? 'is' : 'are'} no longer taken for a name`;
  }
}

/**
 * Applies `correction` to a knowledge-base file's text (`undefined`: no file
 * yet). `knowledgeBase` is the merged one the correction was made against.
 * A file that is not a knowledge base is never rewritten.
 */
export function applyCorrection(text: string | undefined, correction: Correction, knowledgeBase: KnowledgeBase): EditResult {
  const file = openKnowledgeBaseText(text);
  if (!file.ok) return file;
  const { data, indent } = file;
  const entries = data.entities as unknown[];
  const taken = new Set(knowledgeBase.entities.map((entity) => entity.id));

  switch (correction.kind) {
    case 'changeType': {
      const name = squashWhitespace(correction.name);
      const known = knowledgeBase.byId(correction.entityId);
      if (!known) {
        if (!validForm(name)) return { ok: false, reason: `"${name}" is not a name that can be written (empty or longer than ${MAX_ENTITY_NAME_LENGTH} characters)` };
        return editKnowledgeBase(text, { kind: 'newEntity', name, type: correction.type, description: '' }, taken);
      }
      if (known.type === correction.type) return { ok: false, reason: `${known.name} is already a ${ENTITY_TYPE_NAMES[known.type].toLowerCase()}` };
      entryOf(entries, known).type = correction.type;
      return finishKnowledgeBaseText(data, indent, known.id);
    }
    case 'fixSpan': {
      const wrong = squashWhitespace(correction.wrong);
      const right = squashWhitespace(correction.right);
      if (!validForm(right)) return { ok: false, reason: `"${right}" is not a name that can be written (empty or longer than ${MAX_ENTITY_NAME_LENGTH} characters)` };
      if (wrong === right) return { ok: false, reason: `"${right}" is the name as it was found` };
      addNotNames(data, [wrong]);
      const owner = knowledgeBase.entities.find((entity) => entity.name === right || entity.aliases.includes(right));
      if (owner) {
        // Already a name the knowledge base knows: it is found once the wrong form no longer is.
        allowNames(data, [right]);
        return finishKnowledgeBaseText(data, indent, undefined);
      }
      const intermediate = finishKnowledgeBaseText(data, indent, undefined);
      if (!intermediate.ok) return intermediate;
      const known = knowledgeBase.byId(correction.entityId);
      // The entity keeps its identity under its right name; a name the rules found becomes an entity of its own.
      return known
        ? editKnowledgeBase(intermediate.text, { kind: 'alias', entity: known, alias: right }, taken)
        : editKnowledgeBase(intermediate.text, { kind: 'newEntity', name: right, type: correction.type, description: '' }, taken);
    }
    case 'merge': {
      const { target } = correction;
      if (correction.sourceId === target.id) return { ok: false, reason: `it cannot be merged into itself` };
      if (!knowledgeBase.byId(target.id)) {
        // A name the rules found: it becomes an entity, with the merged names as aliases.
        const aliases = correction.forms.map((form) => squashWhitespace(form)).filter(validForm);
        return editKnowledgeBase(text, { kind: 'newEntity', name: squashWhitespace(target.name), type: target.type, description: '', aliases }, taken);
      }
      const targetEntry = entryOf(entries, target);
      const aliases = (Array.isArray(targetEntry.aliases) ? targetEntry.aliases : (targetEntry.aliases = [])) as unknown[];
      const forms = [...new Set(correction.forms.map((form) => squashWhitespace(form)))].filter(validForm);
      const added = forms.filter((form) => form !== targetEntry.name && !aliases.includes(form));
      aliases.push(...added);
      // The source, where this file defines it, is gone: its names are the target's now.
      const sourceIndex = correction.sourceId === undefined ? -1 : entries.findIndex((entry) => isRecord(entry) && entry.id === correction.sourceId);
      if (sourceIndex >= 0) entries.splice(sourceIndex, 1);
      if (added.length === 0 && sourceIndex < 0) return { ok: false, reason: `${forms.map((form) => `"${form}"`).join(', ') || 'the name'} already ${forms.length === 1 ? 'names' : 'name'} ${target.name}` };
      allowNames(data, forms);
      return finishKnowledgeBaseText(data, indent, target.id);
    }
    case 'notName': {
      const forms = [...new Set(correction.forms.map((form) => squashWhitespace(form)))].filter(validForm);
      if (forms.length === 0) return { ok: false, reason: 'there is no name to mark' };
      addNotNames(data, forms);
      return finishKnowledgeBaseText(data, indent, undefined);
    }
  }
}

/**
 * The mentions whose text the knowledge base marks as not a name, left out;
 * in their place, the longest names of the knowledge base inside them (the
 * wrong `Emmanuel Macron` of a fixed span leaves its right `Macron`), left
 * to right. Only a dropped mention costs more than a set lookup.
 */
export function withoutNotNames(mentions: readonly EntityMention[], knowledgeBase: KnowledgeBase): readonly EntityMention[] {
  const { notNames } = knowledgeBase;
  if (!notNames || notNames.size === 0) return mentions;
  let kept: EntityMention[] | undefined;
  mentions.forEach((mention, index) => {
    if (!notNames.has(squashWhitespace(mention.text))) {
      kept?.push(mention);
      return;
    }
    kept ??= mentions.slice(0, index);
    kept.push(...namesInside(mention, formsOf(knowledgeBase), notNames));
  });
  return kept ?? mentions;
}

/** Each written form of the knowledge base (white space squashed) and the entity it names first. */
const formsByKnowledgeBase = new WeakMap<KnowledgeBase, ReadonlyMap<string, Entity>>();

function formsOf(knowledgeBase: KnowledgeBase): ReadonlyMap<string, Entity> {
  let forms = formsByKnowledgeBase.get(knowledgeBase);
  if (!forms) {
    const map = new Map<string, Entity>();
    for (const entity of knowledgeBase.entities) for (const form of [entity.name, ...entity.aliases]) if (!map.has(squashWhitespace(form))) map.set(squashWhitespace(form), entity);
    formsByKnowledgeBase.set(knowledgeBase, (forms = map));
  }
  return forms;
}

/** The knowledge base's names among the words of a mention (not the whole of it), longest first, left to right. */
function namesInside(mention: EntityMention, forms: ReadonlyMap<string, Entity>, notNames: ReadonlySet<string>): EntityMention[] {
  const words = [...mention.text.matchAll(/\S+/g)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
  const found: EntityMention[] = [];
  for (let i = 0; i < words.length; ) {
    let next = i + 1;
    for (let j = words.length; j > i; j--) {
      if (i === 0 && j === words.length) continue;
      const text = mention.text.slice(words[i].start, words[j - 1].end);
      const form = squashWhitespace(text);
      const entity = forms.get(form);
      if (!entity || notNames.has(form)) continue;
      const start = mention.start + words[i].start;
      found.push({ start, end: start + text.length, text, type: entity.type, entityId: entity.id, canonical: entity.name, source: 'knowledgeBase' });
      next = j;
      break;
    }
    i = next;
  }
  return found;
}

/** Words of a fixed span: letters (æ, ø, å too) and digits. */
const WORD = /[\p{L}\p{N}]/u;
/** A fix may reach this far beyond the mention, within its paragraph. */
const FIX_REACH = 200;

/**
 * Where `right`, the text a mention at `[start, end)` of `text` should have
 * had, is: an occurrence of it, at word boundaries, in the same paragraph,
 * that overlaps the mention (a part of it, or the mention and more), the
 * one that overlaps it most. A message says why there is none.
 */
export function locateFix(text: string, start: number, end: number, right: string): { readonly start: number; readonly end: number } | { readonly problem: string } {
  const wanted = squashWhitespace(right);
  if (wanted === '') return { problem: 'Type the name as it should be.' };
  if (wanted.length > MAX_ENTITY_NAME_LENGTH) return { problem: `A name is at most ${MAX_ENTITY_NAME_LENGTH} characters.` };
  const paragraphStart = Math.max(text.lastIndexOf('\n\n', start) + 1, start - FIX_REACH, 0);
  const nextBreak = text.indexOf('\n\n', end);
  const paragraphEnd = Math.min(nextBreak < 0 ? text.length : nextBreak, end + FIX_REACH);
  // White space in the name matches any run of white space (a line break in the text, say).
  const pattern = new RegExp(wanted.split(' ').map(escapeRegExp).join('\\s+'), 'gu');
  const window = text.slice(paragraphStart, paragraphEnd);
  let best: { start: number; end: number; overlap: number } | undefined;
  for (const match of window.matchAll(pattern)) {
    const from = paragraphStart + (match.index ?? 0);
    const to = from + match[0].length;
    if (WORD.test(text[from - 1] ?? '') || WORD.test(text[to] ?? '')) continue;
    const overlap = Math.min(to, end) - Math.max(from, start);
    if (overlap <= 0) continue;
    if (!best || overlap > best.overlap) best = { start: from, end: to, overlap };
  }
  if (!best) return { problem: `"${wanted}" must be words of the text around "${squashWhitespace(text.slice(start, end))}", overlapping it.` };
  if (best.start === start && best.end === end) return { problem: 'That is the name as it was found: change part of it.' };
  return { start: best.start, end: best.end };
}

/**
 * How far apart two names are, for offering the likeliest entity to merge
 * into first: the edit distance of their folded forms (`Gunvor Eikrem` is 1
 * from `Gunnvor Eikrem`, 7 from `Eikrem`).
 */
export function nameDistance(a: string, b: string): number {
  const x = foldForMatching(squashWhitespace(a));
  const y = foldForMatching(squashWhitespace(b));
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function validForm(form: string): boolean {
  return form !== '' && form.length <= MAX_ENTITY_NAME_LENGTH;
}

/** Adds forms to the file's `notNames`, once each, and takes them from the file's own aliases. */
function addNotNames(data: Record<string, unknown>, forms: readonly string[]): void {
  const list = (Array.isArray(data.notNames) ? data.notNames : (data.notNames = [])) as unknown[];
  const present = new Set(list.filter((entry): entry is string => typeof entry === 'string').map((entry) => squashWhitespace(entry)));
  for (const form of forms) if (!present.has(form)) list.push(form);
  const dropped = new Set(forms);
  for (const entry of data.entities as unknown[]) {
    if (isRecord(entry) && Array.isArray(entry.aliases)) entry.aliases = entry.aliases.filter((alias) => typeof alias !== 'string' || !dropped.has(squashWhitespace(alias)));
  }
}

/** The file's entry for `entity`; an entity of another knowledge base is copied in whole first (the same id takes precedence). */
function entryOf(entries: unknown[], entity: Entity): Record<string, unknown> {
  const existing = entries.find((entry): entry is Record<string, unknown> => isRecord(entry) && entry.id === entity.id);
  if (existing) return existing;
  const { id, name, type, aliases, description, wikidata, context } = entity;
  const copy: Record<string, unknown> = { id, name, type, aliases: [...aliases], description, ...(wikidata ? { wikidata } : {}), ...(context?.length ? { context: [...context] } : {}) };
  entries.push(copy);
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
