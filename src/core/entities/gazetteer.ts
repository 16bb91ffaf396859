/**
 * Word lists from data packages, built into `generated/gazetteer.json` at build time (see
 * `scripts/gazetteer.mjs` for the sources and their licences): given names and surnames of many countries,
 * countries in Norwegian, and places (the Nordic countries' places, the world's larger cities, Norway's
 * postal places and counties). The lookup table is made on first use.
 */
import data from './generated/gazetteer.json';

/** What the gazetteer knows a word or name as: any of these bits. */
export const GIVEN_NAME = 1;
export const SURNAME = 2;
export const COUNTRY = 4;
export const PLACE = 8;

export interface Gazetteer {
  /** All the kinds at once, in one lookup: `GIVEN_NAME | SURNAME | COUNTRY | PLACE` bits, 0 for an unknown word. */
  kinds(name: string): number;
  isGivenName(word: string): boolean;
  isSurname(word: string): boolean;
  /** A country's Norwegian name (`Frankrike`, `Sør-Korea`). */
  isCountry(name: string): boolean;
  /** A place other than a country: a city, a municipality, a county (`Møre og Romsdal`). */
  isPlace(name: string): boolean;
}

/** One map for the four lists: a name is looked up once, whatever is asked of it. */
let table: Map<string, number> | undefined;

function loaded(): Map<string, number> {
  if (table) return table;
  const made = new Map<string, number>();
  const add = (list: string, bit: number) => {
    for (const name of list.split('\n')) made.set(name, (made.get(name) ?? 0) | bit);
  };
  add(data.givenNames, GIVEN_NAME);
  add(data.surnames, SURNAME);
  add(data.countries, COUNTRY);
  add(data.places, PLACE);
  return (table = made);
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
function kinds(name: string): number {
  const map = loaded();
  const found = map.get(name);
  if (found !== undefined) return found;
  const normal = normalCase(name);
  return normal !== name ? (map.get(normal) ?? 0) : 0;
}

export const gazetteer: Gazetteer = {
  kinds,
  isGivenName: (word) => (kinds(word) & GIVEN_NAME) !== 0,
  isSurname: (word) => (kinds(word) & SURNAME) !== 0,
  isCountry: (name) => (kinds(name) & COUNTRY) !== 0,
  isPlace: (name) => (kinds(name) & PLACE) !== 0,
};
