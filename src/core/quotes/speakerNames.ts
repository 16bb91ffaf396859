/**
 * Speakers by name: a speaker as a quote gives it, names compared as a reader compares them (folded; a surname,
 * a body's stem or initials for the whole name), and whether a name no mention covers looks like a body's.
 */
import type { EntityMention } from '../entities/types';
import { foldForMatching as fold } from '../text';
import { isPersonNoun } from './subjects';
import { stemOf } from './titles';

export interface Speaker {
  readonly name: string;
  readonly id: string | null;
}

/** Names folded for comparison, kept: the same few dozen names are compared over and over in an article. */
const folds = new Map<string, string>();
const FOLDS_KEPT = 4096;

export function folded(text: string): string {
  let value = folds.get(text);
  if (value === undefined) {
    if (folds.size >= FOLDS_KEPT) folds.clear();
    value = fold(text);
    folds.set(text, value);
  }
  return value;
}

/** Whether a name written at a cue is the same as an entity's name: in full, its surname, its stem (`Legeforeningen`) or its initials (`DSB`). */
export function namesFit(name: string, candidate: string, organization: boolean): boolean {
  const key = folded(name);
  const other = folded(candidate);
  if (other === key || other.endsWith(` ${key}`)) return true;
  if (!organization) return false;
  const stem = folded(stemOf(name.toLowerCase()));
  if (stem.length >= 5 && other.includes(stem)) return true;
  if (/^\p{Lu}{2,6}$/u.test(name)) {
    const initials = candidate.split(/[\s-]+/u).filter((word) => word && !['og', 'for', 'i', 'av', 'til', 'på'].includes(word)).map((word) => word[0].toLowerCase()).join('');
    return initials === name.toLowerCase();
  }
  return false;
}

/** Whether a name the recognizer did not find looks like a body's (`Utdanningsforbundet i Vefsn`). */
export function looksLikeBody(name: string): boolean {
  return /(?:forbund|forbundet|departement|departementet|direktoratet|regjering|regjeringen|parlamentet|ambassaden|tilsynet|foreningen?|forening|rådet|sentralen|kommune|politidistrikt|etaten|selskapet|partiet|banken|instituttet|universitetet|sykehuset|klubben|laget|nemnda|ombudet|styret|byrå|byrået|\bAS|ASA)\b/iu.test(name) || /^\p{Lu}{2,6}$/u.test(name);
}

/** The speaker a mention names; a rule-found name that took a title in (`Agent Camilla Fosse`) without it. */
export function speakerOf(mention: EntityMention): Speaker {
  if (mention.source === 'rule') {
    const words = mention.canonical.split(' ');
    const title = words[0].toLowerCase();
    // (`Ordfører Kari Dahl` is Kari Dahl; `Statsforvalteren i Vestland` is a body's name, whole.)
    const rest = words.slice(1);
    if (words.length > 2 && rest.every((word) => /^\p{Lu}/u.test(word)) && (isPersonNoun(title) || isPersonNoun(`${title}en`))) return { name: rest.join(' '), id: mention.entityId };
  }
  return { name: mention.canonical, id: mention.entityId };
}
