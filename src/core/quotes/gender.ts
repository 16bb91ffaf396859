/**
 * Whether a person's given name is a woman's or a man's, for resolving `hun` and `han`. Norway's common given
 * names are listed here, because the data packages' word on them is unreliable (`Kari` is a man's name in
 * Finland, `Tone` is listed as male); any other name goes to the gazetteer's lists, where the locales agree.
 */
import { FEMALE_NAME, MALE_NAME, gazetteer } from '../entities/gazetteer';
import { NORWEGIAN_FEMALE, NORWEGIAN_MALE } from '../entities/norwegianNames';
import { givenNameOf, sexOfMiddleName } from '../entities/nameOrder';

export type Sex = 'female' | 'male';

const table = new Map<string, Sex>();
for (const name of NORWEGIAN_FEMALE.split(/\s+/)) table.set(name, 'female');
for (const name of NORWEGIAN_MALE.split(/\s+/)) table.set(name, 'male');

/** The sex a given name tells (its first part for `Anne-Lise`), or undefined when it does not. */
export function sexOfGivenName(name: string): Sex | undefined {
  const first = name.split('-')[0];
  const listed = table.get(first);
  if (listed) return listed;
  const kinds = gazetteer.kinds(first);
  if (kinds & FEMALE_NAME) return 'female';
  if (kinds & MALE_NAME) return 'male';
  return undefined;
}

/** The sex a person's full name tells: by its given name, wherever the name order puts it (`Nguyen Thi Lan`). */
export function sexOfName(fullName: string): Sex | undefined {
  return sexOfMiddleName(fullName) ?? sexOfGivenName(givenNameOf(fullName));
}
