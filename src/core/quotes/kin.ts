/**
 * Kin nouns as a careful reader takes them when nobody in the article is named with one (`sier moren`, `forteller
 * sønnen`, `Bestefaren minnes`): their sex, and whether they are a grandparent, who is the oldest of a family. A friend
 * written so (`sier venninnen`, `forteller kameraten`) is read the same way.
 */
import type { Sex } from './gender';

export interface Kin {
  readonly sex: Sex;
  readonly grandparent: boolean;
  /** A parent (`moren`, `faren`), or a child (`datteren`, `sønnen`): the other's relative. */
  readonly parent?: true;
  readonly child?: true;
}

const PARENTS = new Set(['far', 'pappa', 'stefar', 'mor', 'mamma', 'stemor']);
const CHILDREN = new Set(['sønn', 'sonen', 'son', 'datter', 'dotter']);

const MALE = ['far', 'pappa', 'sønn', 'sonen', 'son', 'bror', 'storebror', 'lillebror', 'ektemann', 'onkel', 'svigerfar', 'svigersønn', 'enkemann', 'stefar', 'kamerat', 'kompis'];
const FEMALE = ['mor', 'mamma', 'datter', 'dotter', 'søster', 'storesøster', 'lillesøster', 'syster', 'kone', 'tant', 'tante', 'svigermor', 'svigerdatter', 'enke', 'enka', 'stemor', 'venninn', 'venninne'];
const MALE_GRAND = ['bestefar', 'farfar', 'morfar', 'oldefar'];
const FEMALE_GRAND = ['bestemor', 'farmor', 'mormor', 'oldemor'];

function relation(stem: string): { parent?: true; child?: true } {
  return PARENTS.has(stem) ? { parent: true } : CHILDREN.has(stem) ? { child: true } : {};
}

const KIN = new Map<string, Kin>([
  ...MALE.map((stem): [string, Kin] => [stem, { sex: 'male', grandparent: false, ...relation(stem) }]),
  ...FEMALE.map((stem): [string, Kin] => [stem, { sex: 'female', grandparent: false, ...relation(stem) }]),
  ...MALE_GRAND.map((stem): [string, Kin] => [stem, { sex: 'male', grandparent: true }]),
  ...FEMALE_GRAND.map((stem): [string, Kin] => [stem, { sex: 'female', grandparent: true }]),
]);

/** The kin noun a title's stem is (`mor` of `moren`, `sønn` of `sønnen`, `bestemor` of `bestemora`), if it is one. */
export function kinOf(stem: string): Kin | undefined {
  return KIN.get(stem) ?? KIN.get(stem.replace(/(?:en|a)$/u, ''));
}
