/**
 * Word lists from data packages, built into `generated/gazetteer.json` at build time (see
 * `scripts/gazetteer.mjs` for the sources and their licences): given names and surnames of many countries,
 * countries in Norwegian, and places (the Nordic countries' places, the world's larger cities, Norway's
 * postal places and counties). The lookup table is made on first use.
 */
import { hashOf } from './fnv';
import data from './generated/gazetteer.json';

/** What the gazetteer knows a word or name as: any of these bits. */
export const GIVEN_NAME = 1;
export const SURNAME = 2;
export const COUNTRY = 4;
export const PLACE = 8;

export interface Gazetteer {
  /** All the kinds at once, in one lookup: `GIVEN_NAME | SURNAME | COUNTRY | PLACE` bits, 0 for an unknown word. */
  kinds(name: string): number;
  /** The same, for a name whose FNV-1a hash (`hashOf`) is known. */
  kindsHashed(name: string, hash: number): number;
  isGivenName(word: string): boolean;
  isSurname(word: string): boolean;
  /** A country's Norwegian name (`Frankrike`, `Sør-Korea`). */
  isCountry(name: string): boolean;
  /** A place other than a country: a city, a municipality, a county (`Møre og Romsdal`). */
  isPlace(name: string): boolean;
}

/** One map for the four lists: a name is looked up once, whatever is asked of it. */
let table: Map<string, number> | undefined;
/**
 * A Bloom filter of the names' FNV-1a hashes (two bits each): nearly every word of a text is no name
 * the gazetteer knows, and the filter says so from the hash the scan computed, without the map.
 */
const FILTER_BITS = 1 << 20;
const filter = new Int32Array(FILTER_BITS >>> 5);

function filterBits(hash: number): [number, number] {
  return [Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 12, Math.imul(hash ^ (hash >>> 13), 0x2c1b3c6d) >>> 12];
}

function mayHave(hash: number): boolean {
  const a = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 12;
  if ((filter[a >>> 5] & (1 << (a & 31))) === 0) return false;
  const b = Math.imul(hash ^ (hash >>> 13), 0x2c1b3c6d) >>> 12;
  return (filter[b >>> 5] & (1 << (b & 31))) !== 0;
}

function loaded(): Map<string, number> {
  if (table) return table;
  const made = new Map<string, number>();
  const add = (list: string, bit: number) => {
    for (const name of list.split('\n')) {
      made.set(name, (made.get(name) ?? 0) | bit);
      for (const at of filterBits(hashOf(name, 0, name.length))) filter[at >>> 5] |= 1 << (at & 31);
    }
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
  return kindsHashed(name, hashOf(name, 0, name.length));
}

function kindsHashed(name: string, hash: number): number {
  const map = loaded();
  const found = mayHave(hash) ? map.get(name) : undefined;
  if (found !== undefined) return found;
  const normal = normalCase(name);
  return normal !== name ? (map.get(normal) ?? 0) : 0;
}

export const gazetteer: Gazetteer = {
  kinds,
  kindsHashed,
  isGivenName: (word) => (kinds(word) & GIVEN_NAME) !== 0,
  isSurname: (word) => (kinds(word) & SURNAME) !== 0,
  isCountry: (name) => (kinds(name) & COUNTRY) !== 0,
  isPlace: (name) => (kinds(name) & PLACE) !== 0,
};
