/**
 * The verbs that report speech in Norwegian news text, in the forms a sentence uses them: `sier`, `sa`,
 * `har sagt`, `mener`, `skriver`, `la til` … A cue is found at a word of the text; a particle verb needs its
 * particle within a few words (`la hun til`), and a verb that means something else with another particle
 * (`sa opp`, `la fram`) is no cue.
 */

/** Verb forms, by the cue a quote gets: present, past and participle of each verb. */
const VERBS: readonly (readonly [cue: string, forms: string])[] = [
  ['si', 'sier sa sagt'],
  ['mene', 'mener mente ment'],
  ['forklare', 'forklarer forklarte forklart'],
  ['skrive', 'skriver skrev skrevet'],
  ['uttale', 'uttaler uttalte uttalt'],
  ['melde', 'melder meldte meldt'],
  ['opplyse', 'opplyser opplyste opplyst'],
  ['bekrefte', 'bekrefter bekreftet'],
  ['understreke', 'understreker understreket'],
  ['advare', 'advarer advarte advart'],
  ['hevde', 'hevder hevdet'],
  ['tro', 'tror trodde trodd'],
  ['varsle', 'varsler varslet'],
  ['fortelle', 'forteller fortalte fortalt'],
  ['påpeke', 'påpeker påpekte påpekt'],
  ['poengtere', 'poengterer poengterte poengtert'],
  ['erkjenne', 'erkjenner erkjente erkjent'],
  ['innrømme', 'innrømmer innrømmet'],
  ['svare', 'svarer svarte svart'],
  ['spørre', 'spør spurte spurt'],
  ['kreve', 'krever krevde krevd'],
  ['be', 'ber ba bedt'],
  ['oppfordre', 'oppfordrer oppfordret'],
  ['anslå', 'anslår anslo anslått'],
  ['frykte', 'frykter fryktet'],
  ['konkludere', 'konkluderer konkluderte konkludert'],
  ['fastslå', 'fastslår fastslo fastslått'],
  ['konstatere', 'konstaterer konstaterte konstatert'],
  ['avvise', 'avviser avviste avvist'],
  ['benekte', 'benekter benektet'],
  ['love', 'lover lovet lovte'],
  ['antyde', 'antyder antydet'],
  ['argumentere', 'argumenterer argumenterte argumentert'],
  ['kunngjøre', 'kunngjør kunngjorde kunngjort'],
  ['annonsere', 'annonserer annonserte annonsert'],
  ['uttrykke', 'uttrykker uttrykte uttrykt'],
  ['presisere', 'presiserer presiserte presisert'],
  ['nevne', 'nevner nevnte'],
  ['fastholde', 'fastholder fastholdt'],
  ['begrunne', 'begrunner begrunnet'],
  ['slå fast', ''],
  ['legge til', ''],
  ['vise til', ''],
  ['minne om', ''],
  ['kalle', 'kaller kalte'],
  ['betegne', 'betegner betegnet'],
  ['omtale', 'omtaler omtalte'],
  ['beskrive', 'beskriver beskrev beskrevet'],
  ['spå', 'spår spådde spådd'],
  ['rope', 'roper ropte ropt'],
  ['sitere', 'siterer siterte sitert'],
  ['gjenta', 'gjentar gjentok gjentatt'],
  ['forlange', 'forlanger forlangte forlangt'],
  ['anbefale', 'anbefaler anbefalte anbefalt'],
  ['foreslå', 'foreslår foreslo foreslått'],
  ['vedgå', 'vedgår vedgikk vedgått'],
  ['utelukke', 'utelukker utelukket'],
  // Passive forms, whose speaker is seldom named: `varsles det at …`.
  ['passive', 'sies varsles opplyses hevdes'],
  ['klage', 'klager klaget'],
  ['heter', 'heter het'],
  ['påstå', 'påstår påsto påstod påstått'],
  ['medgi', 'medgir medga medgitt'],
  ['bemerke', 'bemerker bemerket'],
  ['tilføye', 'tilføyer tilføyde tilføyd'],
  ['utdype', 'utdyper utdypet'],
  ['innvende', 'innvender innvendte'],
  ['insistere', 'insisterer insisterte'],
  ['forsikre', 'forsikrer forsikret'],
  ['beklage', 'beklager beklaget'],
  ['røpe', 'røper røpet'],
  ['rose', 'roser roste'],
  ['kritisere', 'kritiserer kritiserte'],
  // Nynorsk forms of the verbs above (`seier ho`, `meiner han`, `fortel`, `stadfestar`, `åtvarar`).
  ['nynorsk', 'seier meiner meinte meint fortel fortalde skriv skreiv stadfestar stadfesta understrekar understreka åtvarar åtvara hevdar hevda trur trudde varslar varsla påpeikar påpeika svarar svara spurde krev kravde bad oppmodar oppmoda fryktar frykta konkluderer lovar lova kunngjer kunngjorde presiserer nemner nemnde grunngjev grunngav skildrar skildra kallar kalla gjentek gjentok opplyser opplyste forklarer forklarte uttaler uttalte melder melde vedgår vedgjekk føreslår føreslo'],
];

/**
 * Verbs that attribute the words beside them without being speech themselves (`– Ja, smiler hun.`, `– Nei,
 * fortsetter Hansen.`): a cue only right after a quote, where the subject follows; in narration they report nothing.
 */
const ATTRIBUTING = new Set(
  [
    'smiler smilte', 'ler lo', 'humrer humret', 'gliser gliste glisa', 'flirer flirte', 'sukker sukket', 'stønner stønnet', 'fnyser fnøs',
    'jubler jublet', 'utbryter utbrøt', 'hvisker hvisket', 'mumler mumlet', 'nikker nikket', 'fortsetter fortsatte', 'avslutter avsluttet',
    'innleder innledet', 'repliserer repliserte', 'kommenterer kommenterte', 'resonnerer resonnerte', 'funderer funderte', 'undrer undret',
    'tenker tenkte', 'skryter skrøt', 'gråter gråt', 'klukker klukket', 'oppsummerer oppsummerte', 'kontrer kontret', 'parerer parerte',
    'erindrer erindret', 'erklærer erklærte', 'minnes mintes', 'proklamerer proklamerte',
  ].flatMap((forms) => forms.split(' ')),
);

/** Particle verbs: the verb's forms, and the particle that must follow within a few words. */
const PARTICLE_VERBS: readonly (readonly [forms: string, particle: string])[] = [
  ['slår slo slått', 'fast'],
  ['legger legg la lagt', 'til'],
  ['peikar peika', 'på'],
  ['viser viste vist', 'til'],
  ['minner minnet', 'om'],
  ['peker pekte pekt', 'på'],
  ['legger la lagt', 'vekt på'],
  ['gjør gjorde gjort', 'det klart'],
  // `skyter sønnen inn`, Nynorsk `skyt inn`: a word put in.
  ['skyter skjøt skutt skyt', 'inn'],
];

/** Particles after `sa`, `sier` … that make another verb (`sa opp`: resigned; `si fra`: still speech). */
const NOT_SPEECH_AFTER = new Map<string, ReadonlySet<string>>([
  // (`sa ja til sammenslåingen`, `sier nei`: a vote.)
  ['sa', new Set(['opp', 'ja', 'nei'])],
  ['sier', new Set(['opp', 'ja', 'nei'])],
  ['sagt', new Set(['opp', 'ja', 'nei'])],
  ['ber', new Set(['seg'])],
  ['lover', new Set(['godt'])],
  ['kaller', new Set(['inn'])],
  ['kalte', new Set(['inn'])],
  ['klager', new Set(['på'])],
  // (`meldte seg på`, `ble meldt inn`: signing up, a report to the police.)
  ['melder', new Set(['seg', 'inn'])],
  ['meldte', new Set(['seg', 'inn'])],
  ['meldt', new Set(['seg', 'inn'])],
  // (`forklarte seg for retten`: testimony, whose content a sentence of its own gives.)
  ['forklarer', new Set(['seg'])],
  ['forklarte', new Set(['seg'])],
  ['forklart', new Set(['seg'])],
]);

/** Words before `seier` that make it the noun: a determiner, a possessive, an adjective or number, a verb of winning. */
const WIN_BEFORE = /^(?:en|ei|ein|sin|sitt|hans|hennes|deres|lagets|årets|sesongens|karrierens|første|andre|tredje|fjerde|femte|klare|store|viktige|knusende|overlegne|fortjente|sterke|første|\d\S*|tok|ta|tar|vant|vinne|vinner|sikret|sikra|sikre|fikk|få|får|jakter|jaktar|feiret|feira|ny|stor|klar|knapp|viktig|sikker|sterk|tung|grei)$/u;

/** Cue forms as written: the finite and participle forms of the verbs above. */
const SIMPLE = new Map<string, string>();
for (const [, forms] of VERBS) for (const form of forms.split(' ').filter(Boolean)) SIMPLE.set(form, form);
/** A form's particles, each as its words (`til`; `vekt på` of `la vekt på`). */
const PARTICLE = new Map<string, string[][]>();
for (const [forms, particle] of PARTICLE_VERBS) for (const form of forms.split(' ')) PARTICLE.set(form, [...(PARTICLE.get(form) ?? []), particle.split(' ')]);

/** A speech verb found at a word. */
export interface Cue {
  /** The cue as a quote names it: the verb as written, with its particle (`la til`, `legger til`). */
  readonly cue: string;
  /** The word index of the verb, and of the last word of the cue (the particle's, for a particle verb). */
  readonly verb: number;
  readonly last: number;
  /** `ifølge` (Nynorsk `ifølgje`): the source of what the sentence says, not a verb. */
  readonly according?: true;
}

/** `står det i …` (Nynorsk `står det i`, past `sto`, `stod`): a text's words, quoted. */
const STANDS = new Set(['står', 'sto', 'stod']);

/** `«…», står det i brevet`: what a text says, right after its words. */
export function standsAt(words: readonly string[], index: number): Cue | undefined {
  return STANDS.has(words[index] ?? '') && words[index + 1] === 'det' && words[index + 2] === 'i' ? { cue: `${words[index]} det`, verb: index, last: index + 1 } : undefined;
}

/** The cue at word `index` right after quoted words: a speech verb, or a verb that attributes them (`smiler hun`). */
export function attributionCueAt(words: readonly string[], index: number): Cue | undefined {
  const cue = cueAt(words, index);
  if (cue) return cue;
  const stands = standsAt(words, index);
  if (stands || !ATTRIBUTING.has(words[index] ?? '')) return stands;
  return { cue: words[index], verb: index, last: index };
}

/** Words may stand between a particle verb and its particle: `la hun til`, `la Hansen også til`. */
const PARTICLE_REACH = 3;

/**
 * The cue at word `index` of `words` (lower-cased words of a sentence or attribution), or undefined.
 * `ifølge` is a cue of its own.
 */
export function cueAt(words: readonly string[], index: number): Cue | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  if (word === 'ifølge' || word === 'ifølgje') return { cue: word, verb: index, last: index, according: true };
  const particles = PARTICLE.get(word);
  if (particles) {
    for (let j = index + 1; j <= index + PARTICLE_REACH && j < words.length; j++) {
      const particle = particles.find((parts) => parts.every((part, k) => words[j + k] === part));
      if (particle) return { cue: `${word} ${particle.join(' ')}`, verb: index, last: j + particle.length - 1 };
    }
    return undefined;
  }
  if (!SIMPLE.has(word)) return undefined;
  // Nynorsk `seier` (says) is Bokmål's noun for a win: `sin første seier`, `tok seier`, `en klar seier`.
  if (word === 'seier' && index > 0 && WIN_BEFORE.test(words[index - 1])) return undefined;
  const next = words[index + 1];
  // `heter det i meldingen`: what a text says; `heter` alone names something.
  if ((word === 'heter' || word === 'het') && next !== 'det') return undefined;
  if (word === 'heter' || word === 'het') return { cue: `${word} det`, verb: index, last: index + 1 };
  if (next !== undefined && NOT_SPEECH_AFTER.get(word)?.has(next)) return undefined;
  return { cue: word, verb: index, last: index };
}
