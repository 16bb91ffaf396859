/**
 * Word lists from data packages, built into `generated/gazetteer.json` at build time (see
 * `scripts/gazetteer.mjs` for the sources and their licences): given names and surnames of many countries,
 * countries in Norwegian, and places (the Nordic countries' places, the world's larger cities, Norway's
 * postal places and counties). The lookup table is made on first use.
 */
import { hashOf } from './fnv';
import data from './generated/gazetteer.json';
import { NORWEGIAN_FEMALE, NORWEGIAN_MALE } from './norwegianNames';

/** What the gazetteer knows a word or name as: any of these bits. */
export const GIVEN_NAME = 1;
export const SURNAME = 2;
export const COUNTRY = 4;
export const PLACE = 8;
/** A given name the data packages agree is a woman's (a man's). */
export const FEMALE_NAME = 16;
export const MALE_NAME = 32;

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

/** The names still to be put in the table, list by list, and the table so far. */
let making: { readonly table: Map<string, number>; readonly lists: { names: string[]; bit: number }[]; list: number; next: number } | undefined;

/** Puts up to `count` more names in the table; whether it is complete. */
function fill(count: number): boolean {
  if (table) return true;
  making ??= {
    table: new Map(),
    lists: [
      { names: data.givenNames.split('\n'), bit: GIVEN_NAME },
      // (Norway's common given names, which the data packages' lists partly miss.)
      { names: `${NORWEGIAN_FEMALE} ${NORWEGIAN_MALE}`.split(/\s+/u), bit: GIVEN_NAME },
      { names: data.surnames.split('\n'), bit: SURNAME },
      { names: data.countries.split('\n'), bit: COUNTRY },
      { names: data.places.split('\n'), bit: PLACE },
      { names: data.femaleNames.split('\n'), bit: FEMALE_NAME },
      { names: data.maleNames.split('\n'), bit: MALE_NAME },
    ],
    list: 0,
    next: 0,
  };
  const m = making;
  for (let left = count; left > 0 && m.list < m.lists.length; left--) {
    const { names, bit } = m.lists[m.list];
    const name = names[m.next++];
    m.table.set(name, (m.table.get(name) ?? 0) | bit);
    for (const at of filterBits(hashOf(name, 0, name.length))) filter[at >>> 5] |= 1 << (at & 31);
    if (m.next === names.length) {
      m.list++;
      m.next = 0;
    }
  }
  if (m.list < m.lists.length) return false;
  table = m.table;
  making = undefined;
  return true;
}

function loaded(): Map<string, number> {
  if (!table) fill(Infinity);
  return table as Map<string, number>;
}

/**
 * Makes the lookup table (a few hundred thousand names: about 0.15 s at once) in steps of `namesPerStep`,
 * for a thread that must not be held that long (the extension host): a caller may pause between steps. A
 * lookup before the last step finishes the table there and then.
 */
export function* prepareGazetteer(namesPerStep = 10_000): Generator<void, void, undefined> {
  while (!fill(namesPerStep)) yield;
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
