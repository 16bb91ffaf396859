/**
 * Kin nouns as a careful reader takes them when nobody in the article is named with one (`sier moren`, `forteller
 * sønnen`, `Bestefaren minnes`): their sex, and whether they are a grandparent, who is the oldest of a family. A friend
 * written so (`sier venninnen`, `forteller kameraten`) is read the same way.
 */
import type { Sex } from './gender';

export interface Kin {
  readonly sex: Sex;
  readonly grandparent: boolean;
}

const MALE = ['far', 'pappa', 'sønn', 'sonen', 'son', 'bror', 'storebror', 'lillebror', 'ektemann', 'onkel', 'svigerfar', 'svigersønn', 'enkemann', 'stefar', 'kamerat', 'kompis'];
const FEMALE = ['mor', 'mamma', 'datter', 'dotter', 'søster', 'storesøster', 'lillesøster', 'syster', 'kone', 'tant', 'tante', 'svigermor', 'svigerdatter', 'enke', 'enka', 'stemor', 'venninn', 'venninne'];
const MALE_GRAND = ['bestefar', 'farfar', 'morfar', 'oldefar'];
const FEMALE_GRAND = ['bestemor', 'farmor', 'mormor', 'oldemor'];

const KIN = new Map<string, Kin>([
  ...MALE.map((stem): [string, Kin] => [stem, { sex: 'male', grandparent: false }]),
  ...FEMALE.map((stem): [string, Kin] => [stem, { sex: 'female', grandparent: false }]),
  ...MALE_GRAND.map((stem): [string, Kin] => [stem, { sex: 'male', grandparent: true }]),
  ...FEMALE_GRAND.map((stem): [string, Kin] => [stem, { sex: 'female', grandparent: true }]),
]);

/** The kin noun a title's stem is (`mor` of `moren`, `sønn` of `sønnen`, `bestemor` of `bestemora`), if it is one. */
export function kinOf(stem: string): Kin | undefined {
  return KIN.get(stem) ?? KIN.get(stem.replace(/(?:en|a)$/u, ''));
}
