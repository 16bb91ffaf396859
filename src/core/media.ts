/** News media: when a report names both a medium and a person speaking in it, the person is the speaker. */
const MEDIA = new Set([
  'ntb', 'reuters', 'ap', 'afp', 'anb', 'vg', 'nrk', 'tv 2', 'tv2', 'dagbladet', 'aftenposten', 'bbc', 'cnn', 'bloomberg', 'dpa', 'tass',
  'interfax', 'belta', 'ria novosti', 'e24', 'dn', 'dagens næringsliv', 'bergens tidende', 'bt', 'adresseavisen', 'stavanger aftenblad',
  'nettavisen', 'klassekampen', 'vårt land', 'nordlys', 'itromsø', 'fædrelandsvennen', 'p4', 'financial times', 'the guardian',
  'new york times', 'the new york times', 'washington post', 'the washington post', 'wall street journal', 'politico', 'axios',
  'al jazeera', 'sky news', 'le monde', 'der spiegel', 'bild', 'khrono', 'nationen', 'dagsavisen', 'morgenbladet', 'finansavisen',
]);

export function isMediumName(name: string): boolean {
  return MEDIA.has(name.toLowerCase());
}

/** News agencies, recognised in bylines whatever their case (`Av NTB , Kari Holm`, `Av Kari Holm / ntb`). */
const NEWS_AGENCIES = new Set(['ntb', 'anb', 'afp', 'ap', 'reuters', 'tt', 'ritzau', 'dpa', 'bloomberg', 'efe', 'ansa', 'upi']);

export function isNewsAgency(name: string): boolean {
  return NEWS_AGENCIES.has(name.toLowerCase());
}
