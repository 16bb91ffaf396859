/**
 * Titles and roles as words: a title's stem (`presidenten` → `president`), whether a word is that title alone or
 * as a compound's end (`fiskeriminister`, `sauebonde` for `bonden`), a compound's own role (`sportsdirektør` →
 * `direktør`), and the titles that name the same office (`statsråd`, `minister`).
 */
import { isPersonNoun } from './subjects';

/** Titles that name the same office: a minister is a `statsråd`, a spokesperson a `talsmann` or `talskvinne`. */
export const SAME_TITLE = new Map<string, readonly string[]>([
  ['statsråd', ['minister']],
  ['minister', ['statsråd']],
  ['talsperson', ['talsmann', 'talskvinne']],
  ['talsmann', ['talsperson']],
  ['talskvinn', ['talsperson']],
  ['statsadvokat', ['aktor']],
  ['aktor', ['statsadvokat', 'politiadvokat']],
]);

/** A compound title's last part that is a role of its own: `fiskeriminister` → `minister`, `sportsdirektør` → `direktør`. */
export function roleHead(stem: string): string {
  for (let i = stem.length - 4; i >= 3; i--) if (isPersonNoun(stem.slice(i))) return stem.slice(i);
  return stem;
}

/** Whether a word is the title with this stem, alone or as a compound's end (`fiskeriminister`, `presidenten`). */
export function fitsStem(word: string, stem: string): boolean {
  // (`bonden` has the stem `bond`, which the compound `sauebonde` ends in with its `-e`.)
  // (Not for a stem that kept its definite ending, `legen`: `kollegene` ends in `legene`.)
  const withE = !stem.endsWith('en') && word.endsWith(`${stem}e`);
  return word.startsWith(stem) ? word.length <= stem.length + 3 : word.endsWith(stem) || withE || stemOf(word).endsWith(stem);
}

/** Kin nouns too short for the general rule: `faren` is `far`'s definite form, not a stem of its own. */
const SHORT_KIN = new Map<string, string>([['faren', 'far'], ['fars', 'far'], ['moren', 'mor'], ['mora', 'mor'], ['mors', 'mor'], ['kona', 'kone'], ['konen', 'kone']]);

/** `presidenten` → `president`, `ordføreren` → `ordfører`, `politiet` → `politi`, `faren` → `far`. */
export function stemOf(word: string): string {
  const kin = SHORT_KIN.get(word);
  if (kin) return kin;
  if (word.length > 5 && /(?:en|et)$/u.test(word)) return word.slice(0, -2);
  if (word.length > 5 && /[^e]a$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** Whether a word is the plural of the title with this stem: `leger`, `legene`, `ordførere`, `forskerne`. */
export function isPluralOf(word: string, stem: string): boolean {
  const base = stem.endsWith('er') ? `${stem}e` : `${stem}er`;
  return word.endsWith(base) || word.endsWith(`${stem}ene`) || word.endsWith(`${stem}erne`) || (stem.endsWith('er') && word.endsWith(`${stem}ne`));
}
