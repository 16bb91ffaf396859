/**
 * Word lists from data packages, built into `generated/gazetteer.json` at build time (see
 * `scripts/gazetteer.mjs` for the sources and their licences): given names and surnames of many countries,
 * countries in Norwegian, and places (the Nordic countries' places, the world's larger cities, Norway's
 * postal places and counties). Sets are made on first use.
 */
import data from './generated/gazetteer.json';

export interface Gazetteer {
  isGivenName(word: string): boolean;
  isSurname(word: string): boolean;
  /** A country's Norwegian name (`Frankrike`, `Sør-Korea`). */
  isCountry(name: string): boolean;
  /** A place other than a country: a city, a municipality, a county (`Møre og Romsdal`). */
  isPlace(name: string): boolean;
}

let sets: { given: Set<string>; surnames: Set<string>; countries: Set<string>; places: Set<string> } | undefined;

function loaded(): NonNullable<typeof sets> {
  sets ??= {
    given: new Set(data.givenNames.split('\n')),
    surnames: new Set(data.surnames.split('\n')),
    countries: new Set(data.countries.split('\n')),
    places: new Set(data.places.split('\n')),
  };
  return sets;
}

/** `KARI` → `Kari`, `MØRE OG ROMSDAL` → `Møre og Romsdal`: upper-case text (captions, credits) looked up as written normally. */
function normalCase(name: string): string {
  // Most names are written normally: a lower-case second letter says so without a whole upper-casing.
  const second = name.charCodeAt(1);
  if ((second >= 97 && second <= 122) || name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && (word === 'og' || word === 'i') ? word : word.replace(/(^|-)(\p{L})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase())))
    .join(' ');
}

/** Looked up as written (`USA`, `Sogn og Fjordane`), and in normal case when written in capitals (`OSLO`). */
function has(set: ReadonlySet<string>, name: string): boolean {
  if (set.has(name)) return true;
  const normal = normalCase(name);
  return normal !== name && set.has(normal);
}

export const gazetteer: Gazetteer = {
  isGivenName: (word) => has(loaded().given, word),
  isSurname: (word) => has(loaded().surnames, word),
  isCountry: (name) => has(loaded().countries, name),
  isPlace: (name) => has(loaded().places, name),
};
