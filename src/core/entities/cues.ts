/**
 * The words around a name that tell what it is, as Norwegian builds them: titles and roles (mostly
 * compounds ending in a role noun: `landslagssjef`, `konsernsjef`, `sametingspresident`), the noun a
 * name stands in apposition to (`selskapet Equinor`, `stormen Ingolf`, `Ekstremværet Ingolf`), the
 * lower-case word that ends an institution's or a facility's name (`Oslo tingrett`, `Ullevaal stadion`),
 * the head of `X i Y` names (`Universitetet i Bergen`, `Statsforvalteren i Møre og Romsdal`) and company
 * and club designators (`AS`, `ASA`, `FK`). Word classes, matched by their endings, not lists of names.
 */
import { endingFilter } from './endings';
import type { EntityType } from './types';

/** Role nouns, in the indefinite or definite form, alone or as the end of a compound (`hovedtrener`). */
const ROLE =
  /(?:president|minister|statsråd|kansler|sekretær|talsperson|talsmann|talskvinne|forsker|professor|leder|sjef|direktør|ordfører|journalist|fotograf|kommentator|ekspert|rådgiver|ambassadør|general|admiral|redaktør|advokat|representant|guvernør|mester|trener|manager|kaptein|spiller|keeper|dommer|aktor|forsvarer|lege|sykepleier|rektor|dekan|biskop|prest|forfatter|regissør|skuespiller|kunstner|komponist|dirigent|musiker|sanger|artist|analytiker|økonom|gründer|eier|investor|styremedlem|forvalter|inspektør|etterforsker|lensmann|rådmann|byråd|partner|politiker|aktivist|kommandør|sersjant|løytnant|oberst|major|konsul|diplomat|arkitekt|ingeniør|overlege|psykolog|tannlege|veterinær|bonde|fisker|reineier|elev|student|stipendiat|kurator|produsent|utvikler|designer|sjåfør|pilot|innbytter|bostyrer|bassist|trommeslager|gitarist|vokalist|postdoktor|amanuensis|anmelder|mekler|psykiater|spiss|målvakt|vakt|meteorolog|jordmor|fullmektig|tillitsvalgt|sangerinne|statsadvokat|ordførar|leiar|rådgjevar|forskar|sjukepleiar|statsforvaltar|forsvarar|etterforskar|saksbehandlar)(?:en)?$/u;
/** Short titles that are whole words, not compound ends. */
const TITLES = new Set(['kong', 'kongen', 'dronning', 'dronningen', 'prins', 'prinsesse', 'kronprins', 'kronprinsesse', 'pave', 'paven', 'fru', 'frøken', 'herr', 'dr', 'sir', 'lord', 'lady', 'mr', 'mrs', 'ms']);

/** Whether the lower-cased word is a title or a role that may stand before a person's name. */
const ROLE_ENDINGS = endingFilter(ROLE);

/**
 * Family and other people nouns in the definite form, which stand before a name as a role does (`Broren Tor
 * Berglund`, `datteren Ida`): never part of the name. Not the indefinite forms, some of which are given names (`Bror`).
 */
const KIN = new Set([
  'broren', 'søsteren', 'søstera', 'datteren', 'dattera', 'sønnen', 'faren', 'moren', 'mora', 'kona', 'mannen', 'ektemannen', 'ektefellen', 'samboeren',
  'kjæresten', 'bestefaren', 'bestemoren', 'farfaren', 'morfaren', 'farmoren', 'mormoren', 'onkelen', 'tanten', 'fetteren', 'kusinen', 'svigerfaren',
  'svigermoren', 'svogeren', 'svigerinnen', 'enken', 'enka', 'enkemannen', 'naboen', 'venninnen', 'vennen', 'kollegaen', 'kollegen',
  // Nynorsk.
  'dottera', 'sonen', 'systera', 'bestemora', 'sambuaren', 'grannen',
]);

export function isRole(folded: string): boolean {
  return TITLES.has(folded) || KIN.has(folded) || (folded.length >= 4 && ROLE_ENDINGS.mayMatch(folded) && ROLE.test(folded));
}

/** Heads of nouns that stand in apposition before a name (`selskapet Equinor`), by the type they give it. */
const APPOSITION_HEADS: readonly (readonly [RegExp, EntityType])[] = [
  [/(selskap|konsern|firma|bedrift|bank|klubb|lag|parti|organisasjon|forening|forbund|avis|kanal|byrå|etat|institutt|stiftelse|fond|kjede|rederi|verft|butikk|restaurant|plattform|tjeneste|nettsted|app|start-up|oppstartsselskap|gruppe|band|kor|orkester|teater|museum|universitet|høgskole|skole|sykehus|foretak|tilsyn|direktorat|departement|kommune|fylkeskommune|domstol|tingrett|lagmannsrett|menighet|sameie|borettslag|aksjeselskap|konsulentselskap|tidsskrift|magasin|nettavis|plateselskap|flyselskap|fondet|investor|styrke|opprørsstyrke|milits|opprørsgruppe|bevegelse|allianse|koalisjon|nettverk)(?:et|en|a|ene|n|ne)?$/u, 'organization'],
  [/(by|bydel|bygd|kommune|fylke|land|øy|dal|fjord|elv|innsjø|vann|fjell|tind|bre|tettsted|landsby|region|grend|halvøy|nes|vik|havn|gate|vei|plass|torg|park|stadion|arena|hall|festning|slott|bru|tunnel|kirke|kapell|gård|hytte|holme|skjær|sund|lokalitet|øysamfunn|grende)(?:en|et|a|ene|n|ne)?$/u, 'place'],
  [/(storm|uvær|ekstremvær|orkan|syklon|festival|konferanse|rettssak|sak|mesterskap|turnering|cup|messe|konsert|operasjon|aksjon|valg|kampanje|uke|dag|jubileum|streik|ulykke|skred|flom|brann|konkurranse|pitchekonkurranse|teknologikonferanse|toppmøte|lekene|renn)(?:en|et|a|ene|n|ne)?$/u, 'event'],
  [/(bok|roman|diktsamling|film|serie|dokumentar|album|singel|låt|sang|hit|forestilling|musikal|opera|utstilling|maleri|skulptur|app|program|produkt|modell|skip|båt|fartøy|fly|lov|forskrift|rapport|avtale|plan|prosjekt|spill|podkast|drone|robot|brønnbåt)(?:en|et|a|ene|n|ne)?$/u, 'other'],
];

const APPOSITION_FILTERS = APPOSITION_HEADS.map(([head, type]) => [head, type, endingFilter(head)] as const);

/** Pronouns and determiners whose endings look like a head (`hennes`: `-nes`, a headland): never a noun before a name. */
const PRONOUNS = new Set(['hennes', 'hans', 'deres', 'dens', 'dets', 'sin', 'sitt', 'sine', 'denne', 'dette', 'disse', 'vår', 'vårt', 'våre']);

/** The type a lower-case noun gives a name in apposition after it (`klubben Viking`), or nothing: the longest head decides (`fartøyet` is a vessel, not an island). */
export function appositionType(folded: string): EntityType | undefined {
  if (folded.length < 3 || PRONOUNS.has(folded)) return undefined;
  if (isRole(folded)) return 'person';
  let best: EntityType | undefined;
  let bestLength = 0;
  for (const [head, type, filter] of APPOSITION_FILTERS) {
    const match = filter.mayMatch(folded) ? head.exec(folded) : null;
    if (match && match[1].length > bestLength) {
      best = type;
      bestLength = match[1].length;
    }
  }
  return best;
}

/**
 * A capitalised word at a sentence start that is a common noun in the definite form, standing before the
 * name it describes: `Ekstremværet Ingolf`, `Oljeserviceselskapet Ryfylke Brønnservice`, `Klubben Viking`.
 */
export function isDefiniteNoun(folded: string): boolean {
  return folded.length >= 5 && /(?:et|en|a|ene)$/u.test(folded) && !/(?:sen|son)$/u.test(folded) && appositionType(folded) !== undefined;
}

/** A lower-case word that ends an institution's name (`Oslo tingrett`, `Norsk kulturråd`, `Meteorologisk institutt`), also as a compound's end (`forskningsråd`). */
const ORGANIZATION_TAIL =
  /(?:hospital|tingrett|lagmannsrett|jordskifterett|kommune|fylkeskommune|politidistrikt|kulturråd|råd|rådet|institutt|instituttet|universitet|universitetssykehus|universitetssjukehus|høgskole|høyskole|vegvesen|direktorat|tilsyn|forbund|forening|organisasjon|parti|bibliotek|museum|museet|teater|orkester|filharmoni|kringkasting|kirkeråd|bispedømme|sparebank|bank|forsikring|energi|kraft|barnehage|skole|skule|videregående|stift|akademi|selskap|stiftelse|fond|forlag|avis|kor|klinikk|legesenter|arkiv|nemnd|ombud|tilsynet|direktoratet|politistasjon|statsadvokatembeter|embete|børs|skiklubb|idrettslag|idrettskrets|krets|borettslag|sameie|velforening|fellesråd|menighetsråd|landsforening|bondelag|sanitetsforening|register|registeret)$/u;
/** A lower-case word that ends a facility's or a place's name (`Ullevaal stadion`, `Akershus festning`), also as a compound's end (`skistadion`). */
const FACILITY_TAIL =
  /(?:stadion|arena|festning|slott|bru|brua|tunnel|tunnelen|kirke|domkirke|kapell|torg|plass|park|gate|vei|allé|bygg|senter|sentrum|stasjon|flyplass|lufthavn|havn|kai|fjord|fjorden|elv|elva|vann|vannet|fjell|fjellet|dal|dalen|øy|øya|bukt|sund|brygge|hall|hallen|gård|gården|bygd|sykehus|sjukehus|fengsel|tinghus|rådhus|kraftverk|hotell|kino)$/u;

/** The type a lower-case word gives the capitalised name it ends, or nothing when it is no such word. */
const FACILITY_ENDINGS = endingFilter(FACILITY_TAIL);
const ORGANIZATION_TAIL_ENDINGS = endingFilter(ORGANIZATION_TAIL);

export function tailType(word: string): EntityType | undefined {
  // Short words only as themselves: `vann` ends `Mjøsa vann`, but no word merely ending in `-dal` does.
  if (word.length < 3) return undefined;
  const facility = FACILITY_ENDINGS.mayMatch(word) ? FACILITY_TAIL.exec(word) : null;
  const organization = ORGANIZATION_TAIL_ENDINGS.mayMatch(word) ? ORGANIZATION_TAIL.exec(word) : null;
  // The longer ending decides (`universitetssykehus` is an institution, `sykehus` a building).
  const facilityLength = facility && (facility[0].length === word.length || facility[0].length >= 4) ? facility[0].length : 0;
  const organizationLength = organization && (organization[0].length === word.length || organization[0].length >= 4) ? organization[0].length : 0;
  if (facilityLength === 0 && organizationLength === 0) return undefined;
  return organizationLength > facilityLength ? 'organization' : 'place';
}

/** Heads of `X i Y` names: `Universitetet i Bergen`, `Høgskolen i Innlandet`, `Statsforvalteren i Vestland`. */
const ORGANIZATION_HEAD =
  /(?:universitet(?:et)?|høgskolen|høyskolen|sykehuset|statsforvalteren|statsforvaltaren|høgskulen|fylkesmannen|politiet|politimesteren|tingrett|kommune|fylkeskommune|helse|bispedømme|kirken|sparebanken|banken|domkirken|menigheten|rådet|forbundet|foreningen|laget|klubben|direktoratet|tilsynet|departementet|senteret|instituttet|akademiet|skolen|museet|teatret|biblioteket|arkivet|ombudet|nemnda|havnevesenet|brannvesenet|vesenet|kontoret|etaten|spesialenheten|enheten|senter|forum|komiteen|kommisjonen|utvalget|institutt)$/iu;

/** Whether a name that starts with `word` is an institution's (`Helse Vest`, `Universitetet i Bergen`). */
const ORGANIZATION_HEAD_ENDINGS = endingFilter(ORGANIZATION_HEAD);

export function isOrganizationHead(word: string): boolean {
  return ORGANIZATION_HEAD_ENDINGS.mayMatch(word) && ORGANIZATION_HEAD.test(word);
}

/**
 * Institutions whose name is `<head> i <place>` (`Universitetet i Bergen`, `Statsforvalteren i Vestland`, `Politiet i Agder`, `Hovedredningssentralen i Nord-Norge`);
 * others are only said to be there (`Utenriksdepartementet i Ukraina` is a ministry and a country).
 */
const NAMED_WITH_PLACE = /^(?:universitetet|høgskolen|høyskolen|høgskulen|statsforvalteren|statsforvaltaren|fylkesmannen|sparebanken|bispedømmet|politiet|hovedredningssentralen|redningssentralen|sykehuset)$/iu;

const NAMED_WITH_PLACE_ENDINGS = endingFilter(NAMED_WITH_PLACE);

export function isNamedWithPlace(word: string): boolean {
  return NAMED_WITH_PLACE_ENDINGS.mayMatch(word) && NAMED_WITH_PLACE.test(word);
}

/** Company, club and public enterprise designators after a name: `Equinor ASA`, `Molde FK`, `Tromsø IL`, `Saltfjorden havn KF`, `Sykehuset Innlandet HF`. */
export const DESIGNATORS = new Set(['AS', 'ASA', 'SA', 'BA', 'ANS', 'DA', 'KF', 'IKS', 'HF', 'SF', 'NUF', 'FK', 'IL', 'BK', 'IF', 'SK', 'FC', 'IK', 'TIL', 'Ltd', 'Inc', 'GmbH', 'AB', 'Oy', 'NV', 'BV', 'plc', 'LLC', 'Corp']);

/** The last word of a longer name that makes it an institution's, in lower case: `Norsk Utenrikspolitisk Institutt`, `Norges Bank`. */
export const ORGANIZATION_WORD_ENDING =
  /^(?:institutt|instituttet|universitet|universitetet|direktorat|direktoratet|tilsyn|tilsynet|forbund|forbundet|parti|partiet|bank|banken|råd|rådet|departement|departementet|kommune|fylkeskommune|sykehus|sykehuset|hospital|høgskole|høgskolen|akademi|akademiet|forening|foreningen|selskap|selskapet|stiftelse|stiftelsen|senter|senteret|group|holding|energy|service|services|consulting|markets|offshore|shipping|seafood|marine|maritime|solutions|industries|industri|technology|software|eiendom|logistikk|entreprenør|airlines|aviation|technologies|systems|media|press|news|airlines|airways|university|institute|council|agency|association|foundation|federation|union|ministry|press service|energi|kraft|sjømat|robotics|recordings|records|luftfart|gruppen|tidende|aftenblad|dagblad|budstikke|avis|avisen|posten|klubb|klub|skiklubb|skiforbund|børs|universität|université|universidad|capital|ventures|partners|invest|labs|studios|forlag|flyverforening|fiskerforbund)$/u;

/** One-word names ending like an organisation: `Utenriksdepartementet`, `Fiskeridirektoratet`, `Arbeiderpartiet`, `Sametinget`. */
export const ORGANIZATION_ENDING =
  /(?:departement(?:et)?|direktorat(?:et)?|tilsyn(?:et)?|institutt(?:et)?|universitet(?:et)?|partiet|parti|forbund(?:et)?|rådet|bank(?:en)?|vesen(?:et)?|verk(?:et)?|kommune|fylkeskommune|sykehus(?:et)?|politi(?:et)?|domstol(?:en)?|byrå(?:et)?|organisasjon(?:en)?|etaten|kontoret|foreningen|selskapet|stiftelsen|akademiet|høgskolen|tinget|retten|ombudet|nemnda|senteret|sentralen|tjenesten|gruppen|konsernet|bladet|avisen|posten|forsvaret|revisjonen|\p{Ll}{3}rett|\p{Ll}{3}nett|(?:B|b)ondelag(?:et)?|(?:I|i)drettslag(?:et)?|(?:S|s)anitetslag(?:et)?|(?:U|u)ngdomslag(?:et)?|(?:S|s)kytterlag(?:et)?|ASA|AS)$/u;

/**
 * A public body's one-word name, a compound of three letters or more before an institution's head in the definite
 * form: `Mattilsynet`, `Utdanningsdirektoratet`, `Skatteetaten`, `Fagforbundet`, `Barneombudet`, `Hovedredningssentralen`. A name even at a
 * sentence start, where the head alone (`Direktoratet`) or a noun like `Kraftverket` is not. And the services whose
 * head is a common noun's (`Kystvakten`, where `-vakten` would take `Nattevakten`).
 */
export const INSTITUTION_COMPOUND =
  /^(?:\p{Lu}\p{Ll}{2,}(?:tilsynet|direktoratet|departementet|etaten|forbundet|ombudet|foreningen|tjenesten|sentralen)|Kystvakten|Heimevernet|Sivilforsvaret|Luftambulansen|Redningsselskapet)$/u;

/** Names of events by their ending: `Eliteserien`, `Spellemannprisen`, `Øyafestivalen`, `Arendalsuka`, `Conference League`, `Oslo Innovation Week`. */
export const EVENT_ENDING = /(?:serien|ligaen|prisen|festivalen|festival|uka|uken|cupen|mesterskapet|lekene|rennet|league|cup|week|championship|games|open|summit|expo)$/u;

/** The patterns above that `endings.ts` filters, for its tests. */
export const FILTERED_CUES: readonly RegExp[] = [ROLE, ...APPOSITION_HEADS.map(([head]) => head), FACILITY_TAIL, ORGANIZATION_TAIL, ORGANIZATION_HEAD, NAMED_WITH_PLACE];
