/**
 * Finds the knowledge base's entities in a text in one compiled pass: every
 * name and alias (and its upper-case form, as in captions and credits) in
 * one phrase matcher, longest first, as whole words so that æ, ø and å count
 * as letters (see `phrases.ts`). A genitive `-s`
 * (`Putins`, `USAs`) and the name part of a hyphenated compound
 * (`Donbass-regionen`) link to the entity. The surname of a person named in
 * full in the article (`Stoltenberg` beside `Jens Stoltenberg`) links to the
 * same person. One scan of the text (`scan.ts`) serves the phrase matchers
 * and the rules for names the knowledge base does not know (`names.ts`).
 */
import type { KnowledgeBase } from './knowledgeBase';
import { squashWhitespace, wordBeforeIsCapitalised } from '../text';
import { COUNTRY, gazetteer, PLACE } from './gazetteer';
import { findNames, type NameCandidate, STRONG_VOTE } from './names';
import { namesAroundKnown, worksInQuotes } from './namesAround';
import { compilePhrases, type PhraseMatcher, squashed } from './phrases';
import { scanText, type TextScan } from './scan';
import { factsOf } from './wordFacts';
import { withoutNotNames } from './corrections';
import { withAbbreviations } from './abbreviations';
import { FAMILY_NAME_FIRST } from './nameOrder';
import type { Entity, EntityMention, EntityType } from './types';

export interface Recognizer {
  /** The mentions in `text`, in text order, none overlapping. Results are cached per text. */
  recognize(text: string): readonly EntityMention[];
}

/** Lower-case particles that belong to a surname (`Le Drian`, `van der Bellen`). */
const SURNAME_PARTICLES = new Set(['le', 'la', 'de', 'du', 'van', 'von', 'der', 'den', 'di', 'da', 'al', 'el', 'bin']);
/** Generated upper-case forms need this many characters: `Ap` must not become `AP`. */
const MIN_UPPER_CASE_FORM = 4;
const CACHE_SIZE = 256;

export interface RecognizerOptions {
  /** Also find names the knowledge base does not know (default: yes). */
  readonly unknownNames?: boolean;
}

export function createRecognizer(knowledgeBase: KnowledgeBase, options: RecognizerOptions = {}): Recognizer {
  const forms = surfaceForms(knowledgeBase.entities);
  // A form of one character (`H` for Høyre) names the entity only in brackets after a name, `Kari Dahl (H)`:
  // anywhere else it is an initial or a letter.
  const phrases = compilePhrases([...forms.keys()].filter((form) => [...form].length > 1));
  const surnames = shortForms(knowledgeBase.entities);
  const cache = new Map<string, readonly EntityMention[]>();

  const recognize = (text: string): readonly EntityMention[] => {
    const cached = cache.get(text);
    if (cached) {
      // Refresh its place: the cache forgets the least recently used text first.
      cache.delete(text);
      cache.set(text, cached);
      return cached;
    }
    // One scan of the text serves the phrase matchers and the name rules.
    const scan = scanText(text);
    const mentions = withBracketed(text, findMentions(text, scan, phrases, forms), forms);
    let known = addShortForms(text, scan, mentions, knowledgeBase, surnames);
    let around: EntityMention[] = [];
    if (options.unknownNames !== false) {
      // `Oslo tingrett`, `Universitetet i Bergen`: the known place is part of an institution's name.
      around = [...namesAroundKnown(text, known), ...worksInQuotes(text)].map(ruleMention);
      if (around.length) {
        known = known.filter((k) => !around.some((a) => a.start < k.end && k.start < a.end));
        // A work's title holds no other names (`«Min mors hender»`): the first of two overlapping ones stays.
        around = around.sort((a, b) => a.start - b.start).filter((a, i, all) => i === 0 || all[i - 1].end <= a.start);
      }
    }
    const before = around.length ? known.concat(around) : known;
    // (`Direktoratet for samfunnssikkerhet og beredskap (DSB)`: a long form defined by its abbreviation, which then names it.)
    const found = options.unknownNames === false ? known : withAbbreviations(text, oneTypePerName(inTextOrder(known, around, unknownNames(text, scan, before))), ruleId);
    // The user's corrections: a form marked as not a name is never a mention (corrections.ts).
    const all = withoutNotNames(found, knowledgeBase);
    cache.set(text, all);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return all;
  };
  return { recognize };
}

/**
 * The three lists as one, by start: what a stable sort of them one after another gives (at the same
 * start, the first list's mention first). Each list is in text order already, so they are merged;
 * one that is not is sorted with the rest.
 */
function inTextOrder(a: readonly EntityMention[], b: readonly EntityMention[], c: readonly EntityMention[]): EntityMention[] {
  if (!sortedByStart(a) || !sortedByStart(b) || !sortedByStart(c)) return [...a, ...b, ...c].sort((x, y) => x.start - y.start);
  const merged: EntityMention[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length || k < c.length) {
    const x = i < a.length ? a[i].start : Infinity;
    const y = j < b.length ? b[j].start : Infinity;
    const z = k < c.length ? c[k].start : Infinity;
    if (x <= y && x <= z) merged.push(a[i++]);
    else if (y <= z) merged.push(b[j++]);
    else merged.push(c[k++]);
  }
  return merged;
}

function sortedByStart(list: readonly EntityMention[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].start < list[i - 1].start) return false;
  return true;
}

/**
 * Every written form (white space normalised) and the entities it may name:
 * more than one where entities share a name. Explicit forms win over
 * generated upper-case ones.
 */
function surfaceForms(entities: readonly Entity[]): Map<string, Entity[]> {
  const forms = new Map<string, Entity[]>();
  const add = (key: string, entity: Entity) => {
    const list = forms.get(key);
    if (!list) forms.set(key, [entity]);
    else if (!list.includes(entity)) list.push(entity);
  };
  for (const entity of entities) for (const form of [entity.name, ...entity.aliases]) add(squashWhitespace(form), entity);
  const explicit = new Set(forms.keys());
  for (const entity of entities) {
    for (const form of [entity.name, ...entity.aliases]) {
      const upper = squashWhitespace(form).toLocaleUpperCase('nb');
      if (upper.length >= MIN_UPPER_CASE_FORM && !explicit.has(upper)) add(upper, entity);
    }
  }
  return forms;
}

function findMentions(text: string, scan: TextScan, phrases: PhraseMatcher, forms: ReadonlyMap<string, readonly Entity[]>): EntityMention[] {
  const mentions: EntityMention[] = [];
  // Names several entities share, chosen once the others are known: their places in `mentions`.
  let shared: { at: number; start: number; end: number; candidates: readonly Entity[] }[] | undefined;
  for (const match of phrases.find(text, scan)) {
    const candidates = forms.get(match.phrase);
    if (!candidates) continue;
    if (candidates.length === 1) mentions.push(mention(text, match.start, match.end, candidates[0], 'knowledgeBase'));
    else {
      (shared ??= []).push({ at: mentions.length, start: match.start, end: match.end, candidates });
      mentions.push(mention(text, match.start, match.end, candidates[0], 'knowledgeBase'));
    }
  }
  if (shared) {
    const chosen = new Set(shared.map((s) => s.at));
    const settled = mentions.filter((_, at) => !chosen.has(at)).map((m) => ({ start: m.start, end: m.end, id: m.entityId }));
    for (const { at, start, end, candidates } of shared) mentions[at] = mention(text, start, end, choose(text, start, end, candidates, settled), 'knowledgeBase');
  }
  return mentions;
}

/**
 * Adds forms of one letter in brackets, `(H)`, `(V)`, to `mentions`: party letters after a politician's
 * name, as Norwegian news writes them.
 */
function withBracketed(text: string, mentions: EntityMention[], forms: ReadonlyMap<string, readonly Entity[]>): EntityMention[] {
  let added: EntityMention[] | undefined;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    // `Kari Dahl (H)`: right after a capitalised word, a name (not `sa han (V)`, `karakteren (B)`).
    if (text.charCodeAt(open + 2) !== 41 || text.charCodeAt(open - 1) !== 32 || !wordBeforeIsCapitalised(text, open - 1)) continue;
    const candidates = forms.get(text[open + 1]);
    if (candidates) (added ??= []).push(mention(text, open + 1, open + 2, candidates[0], 'knowledgeBase'));
  }
  return added ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/**
 * One type for each rule-found name in a text: the names around known ones and in guillemets are found
 * apart from the others (`«Vestbø»` a film, `trener Vestbø` a person), and share their ids. The type
 * strong evidence gave most often wins, as within the rules (`unifyTypes` in names.ts).
 */
function oneTypePerName(mentions: EntityMention[]): EntityMention[] {
  let votes: Map<string, Map<EntityType, number>> | undefined;
  let mixed = false;
  for (const m of mentions) {
    if (m.source !== 'rule') continue;
    votes ??= new Map();
    let counts = votes.get(m.entityId);
    if (!counts) votes.set(m.entityId, (counts = new Map()));
    else if (!counts.has(m.type)) mixed = true;
    counts.set(m.type, (counts.get(m.type) ?? 0) + (m.strong ? STRONG_VOTE : 1));
  }
  if (!mixed || !votes) return mentions;
  return mentions.map((m) => {
    const counts = m.source === 'rule' ? votes?.get(m.entityId) : undefined;
    if (!counts || counts.size < 2) return m;
    let type = m.type;
    let best = 0;
    for (const [candidate, count] of counts) if (count > best) [type, best] = [candidate, count];
    if (type === m.type) return m;
    const { strong: _own, ...rest } = m;
    return best >= STRONG_VOTE ? { ...rest, type, strong: true } : { ...rest, type };
  });
}

/** How far (in characters, within the paragraph) a context mention may be from a shared name. */
const CONTEXT_WINDOW = 160;

/**
 * Of entities sharing a name, the one whose context entity is mentioned
 * nearest to it in the same paragraph; with no such evidence, the first
 * candidate that has no context (the default reading), or the first.
 */
function choose(text: string, start: number, end: number, candidates: readonly Entity[], settled: readonly { start: number; end: number; id: string }[]): Entity {
  let best: { entity: Entity; distance: number } | undefined;
  for (const entity of candidates) {
    for (const other of settled) {
      if (!entity.context?.includes(other.id)) continue;
      const distance = other.start >= end ? other.start - end : start - other.end;
      if (distance < 0 || distance > CONTEXT_WINDOW) continue;
      const between = text.slice(Math.min(end, other.end), Math.max(start, other.start));
      if (between.includes('\n\n')) continue;
      if (!best || distance < best.distance) best = { entity, distance };
    }
  }
  return best?.entity ?? candidates.find((entity) => !entity.context?.length) ?? candidates[0];
}

/** The surnames of the knowledge base's people, compiled once: see `addShortForms`. */
interface ShortForms {
  readonly phrases: PhraseMatcher;
  /** Each person's surnames (of the name and of multi-word aliases). */
  readonly byEntity: ReadonlyMap<string, readonly string[]>;
}

function shortForms(entities: readonly Entity[]): ShortForms {
  const byEntity = new Map<string, string[]>();
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    const surnames = [...new Set([entity.name, ...entity.aliases].map((name) => surname(squashWhitespace(name))).filter((s): s is string => s !== undefined))];
    if (surnames.length) byEntity.set(entity.id, surnames);
  }
  return { phrases: compilePhrases([...byEntity.values()].flat()), byEntity };
}

/**
 * A person named in full can be named again by the surname alone, whether
 * or not the knowledge base lists that short form: `Stoltenberg` and
 * `Le Drian` in the article (also before the full name: a headline often
 * names the person by the surname alone) link to the full name, unless two
 * people named in the article share the surname. One pass of a phrase matcher compiled
 * once for all the knowledge base's surnames.
 */
function addShortForms(text: string, scan: TextScan, mentions: EntityMention[], knowledgeBase: KnowledgeBase, forms: ShortForms): readonly EntityMention[] {
  const active = new Map<string, { entity: Entity } | null>();
  for (const found of mentions) {
    const surnames = forms.byEntity.get(found.entityId);
    if (!surnames) continue;
    const entity = knowledgeBase.byId(found.entityId) as Entity;
    for (const short of surnames) {
      const known = active.get(short);
      if (known === undefined) active.set(short, { entity });
      else if (known && known.entity.id !== entity.id) active.set(short, null); // two people share it: ambiguous
    }
  }
  if (active.size === 0) return mentions;
  const mask = scratchMask(text.length + 1);
  for (const m of mentions) mask.fill(1, m.start, m.end);
  const added: EntityMention[] = [];
  for (const match of forms.phrases.find(text, scan)) {
    const form = active.get(match.phrase);
    if (!form || mask[match.start] === 1 || mask[match.end - 1] === 1) continue;
    added.push(mention(text, match.start, match.end, form.entity, 'shortForm'));
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/** The mask of found spans, kept for the next text (cleared to its length for each). */
let spanMask = new Uint8Array(4096);

function scratchMask(length: number): Uint8Array {
  if (spanMask.length < length) spanMask = new Uint8Array(Math.max(length, spanMask.length * 2));
  else spanMask.fill(0, 0, length);
  return spanMask;
}

/** `Stoltenberg` of `Jens Stoltenberg`, `Le Drian` of `Jean-Yves Le Drian`; nothing for a one-word name. */
function surname(name: string): string | undefined {
  const words = name.split(' ');
  if (words.length < 2) return undefined;
  let first = words.length - 1;
  while (first > 1 && SURNAME_PARTICLES.has(words[first - 1].toLowerCase())) first--;
  const short = words.slice(first).join(' ');
  return short.length >= 3 ? short : undefined;
}

/** Names found by rules, each linked to an entity of its own, shared by its repetitions in the text. */
function unknownNames(text: string, scan: TextScan, known: readonly EntityMention[]): EntityMention[] {
  return linkSurnames(findNames(text, known, scan).map(ruleMention));
}

/**
 * A person the rules found by full name (`Kari Hansen`, `Håvard Solbakken Moe`) is named again by the
 * surname alone (`Hansen`, `Hansens`), or by the name without the first name (`Solbakken Moe`), before or
 * after the full name (a headline often comes first): those mentions become that person, whatever type
 * their own cues gave, unless two people in the text share the short form.
 */
function linkSurnames(mentions: EntityMention[]): EntityMention[] {
  const people = new Map<string, { mention: EntityMention } | null>();
  const register = (short: string, full: EntityMention) => {
    const seen = people.get(short);
    if (seen === undefined) people.set(short, { mention: full });
    else if (seen && seen.mention.entityId !== full.entityId) people.set(short, null);
  };
  // Longer names first, so that `Solbakken Moe` is known as the short form of `Håvard Solbakken Moe`.
  const named = mentions
    .filter((m) => m.type === 'person' && m.canonical.includes(' '))
    .map((m) => ({ m, words: m.canonical.split(' ').length }))
    .sort((a, b) => b.words - a.words);
  for (const { m } of named) {
    const full = people.get(m.canonical)?.mention ?? m;
    const words = m.canonical.split(' ');
    if (words.length >= 3) register(words.slice(1).join(' '), full);
    const short = surname(m.canonical);
    // A place is no surname to link (`Russland` of a misread `Nato Russland`).
    if (short && (gazetteer.kinds(short) & (PLACE | COUNTRY)) === 0) register(short, full);
    // Chinese, Vietnamese and Korean names put the family name first: `Zhao Minghui` is `Zhao` after.
    if (words.length <= 3 && FAMILY_NAME_FIRST.has(words[0])) register(words[0], full);
  }
  // `Siri Nærøs tredje album` before `Siri Nærø`: a full name in the genitive is that person.
  for (const { m } of named) {
    if (!/s$/u.test(m.canonical) || people.has(m.canonical)) continue;
    const stem = named.find((other) => other.m.canonical === m.canonical.slice(0, -1));
    if (stem) people.set(m.canonical, { mention: stem.m });
  }
  if (people.size === 0) return mentions;
  return mentions.map((m) => {
    const full = people.get(m.canonical) ?? (m.canonical.endsWith('s') ? people.get(m.canonical.slice(0, -1)) : undefined);
    if (!full || full.mention.entityId === m.entityId || full.mention === m) return m;
    // Before the full name only when that is surely a person's (`Håvard Solbakken Moe` after a headline's
    // `Solbakken Moe`); a guess (`Frustrert Viking`) takes only what follows it.
    if (full.mention.start > m.start && !full.mention.strong) return m;
    const { strong: _own, ...rest } = m;
    const linked: EntityMention = { ...rest, type: 'person', entityId: full.mention.entityId, canonical: full.mention.canonical };
    return full.mention.strong ? { ...linked, strong: true } : linked;
  });
}

function ruleMention(name: NameCandidate): EntityMention {
  const canonical = squashed(name.text);
  const entityId = ruleId(canonical);
  return name.strong
    ? { start: name.start, end: name.end, text: name.text, type: name.type, entityId, canonical, source: 'rule', strong: true }
    : { start: name.start, end: name.end, text: name.text, type: name.type, entityId, canonical, source: 'rule' };
}

/**
 * The id of a name the rules found: `unknown-` and its slug. Rule-found names repeat across a corpus, and
 * making the id costs more than looking it up: it is kept with the name's word facts (one-word names are
 * there already, from the scan).
 */
function ruleId(name: string): string {
  const facts = factsOf(name);
  return (facts.ruleId ??= `unknown-${makeSlug(name)}`);
}

function makeSlug(name: string): string {
  // Most names are ASCII letters, digits, æ, ø and å: built in one pass (the same slug as below), a run
  // of ASCII letters and digits at a time.
  const lower = name.toLowerCase();
  let slug = '';
  let dash = false;
  let run = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : -1;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      slug += dash ? `-${lower.slice(run, i)}` : lower.slice(run, i);
      dash = false;
      run = -1;
    }
    if (code < 0) break;
    let part: string | undefined;
    if (code === 0xe6) part = 'ae';
    else if (code === 0xf8 || code === 0xe5) part = code === 0xf8 ? 'o' : 'a';
    else if (code >= 128) return slowSlug(name);
    if (part === undefined) dash = slug !== '';
    else {
      slug += dash ? `-${part}` : part;
      dash = false;
    }
  }
  return slug;
}

function slowSlug(name: string): string {
  // Letters of other scripts stay (`Путин`): dropping them would give every such name one id.
  return name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

function mention(text: string, start: number, end: number, entity: Entity, source: EntityMention['source']): EntityMention {
  return { start, end, text: text.slice(start, end), type: entity.type, entityId: entity.id, canonical: entity.name, source };
}
