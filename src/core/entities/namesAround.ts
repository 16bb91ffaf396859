/**
 * Names built around a name the knowledge base found (`Oslo tingrett`, `Norges Skiforbund`, `Innovasjon
 * Norge`, `Nord-Norge`), and names in guillemets after the noun for what they name (`romanen «…»`,
 * `Ekstremværet «Berit»`): the rules that read the text around a span rather than its words.
 */
import { isLowerCaseAt, startsUpperCase, wordBeforeIsCapitalised } from '../text';
import { appositionType, isNamedWithPlace, tailType } from './cues';
import { GIVEN_NAME, PLACE, COUNTRY, SURNAME } from './gazetteer';
import type { NameCandidate } from './names';
import type { EntityType } from './types';
import { factsOf } from './wordFacts';

/** Letters of Norwegian that ASCII lacks, in lower case: æ, ø, å. */
function isNorwegianLower(code: number): boolean {
  return code === 0xe6 || code === 0xf8 || code === 0xe5;
}

/**
 * Whether the lower-case word at `from` (read up to `limit`) may end an institution's or a facility's
 * name (`tailType`): false only when it surely does not. A letter other than ASCII, æ, ø and å leaves
 * the answer to the pattern.
 */
function mayBeTail(text: string, from: number, limit: number): boolean {
  const stop = Math.min(limit, text.length);
  let i = from;
  while (i < stop) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || isNorwegianLower(code)) i++;
    else if (code >= 128) return true;
    else break;
  }
  return tailType(text.slice(from, i)) !== undefined;
}

/**
 * Whether the word that ends at `end` (read back to `bound`) may be an institution named with a place
 * (`isNamedWithPlace`): false only when it surely is not. A letter other than ASCII, æ, ø and å leaves
 * the answer to the pattern.
 */
function mayBeNamedWithPlace(text: string, bound: number, end: number): boolean {
  let i = end;
  for (; i > bound; i--) {
    const code = text.charCodeAt(i - 1) | 0x20;
    if ((code >= 97 && code <= 122) || isNorwegianLower(code)) continue;
    if (text.charCodeAt(i - 1) >= 128) return true;
    break;
  }
  return isNamedWithPlace(text.slice(i, end));
}

/**
 * Institutions and facilities named after a place the knowledge base knows: `Oslo tingrett`, `Bergen
 * kommune`, `Universitetet i Bergen`, `Norges Skiforbund`, `Bergens Tidende`, `Oslo Børs`, `Innovasjon
 * Norge`, `Helse Bergen`, and regions named from a country (`Nord-Norge`). The known name is part of the
 * larger one, which these rules find and type; the recogniser puts them in place of the known name.
 */
export function namesAroundKnown(text: string, known: readonly { start: number; end: number; text: string; type: EntityType; canonical: string }[]): NameCandidate[] {
  const found: NameCandidate[] = [];
  const covered = (at: number) => known.some((k) => k.start <= at && at < k.end);
  for (const k of known) {
    if (k.type === 'person') continue;
    let start = k.start;
    let end = k.end;
    let type: EntityType | undefined;
    const place = k.type === 'place';
    // `Nord-Norge`, `Sør-Norges`: a region of a known country or place.
    if (place && text.charCodeAt(k.start - 1) === 45) {
      const region = /(?:^|[^\p{L}\p{M}\p{N}-])((?:Nord|Sør|Øst|Vest|Midt|Nordvest|Nordøst|Sørvest|Sørøst|Indre|Ytre)-)$/u.exec(text.slice(Math.max(0, k.start - 12), k.start));
      if (region) {
        start = k.start - region[1].length;
        type = 'place';
      }
    }
    // Cheap tests first: most mentions have neither a lower-case word after them nor ` i ` before them.
    const tail = text.charCodeAt(k.end) === 32 && isLowerCaseAt(text, k.end + 1) && mayBeTail(text, k.end + 1, k.end + 40) ? /^ (\p{Ll}+)(?![\p{L}\p{N}-])/u.exec(text.slice(k.end, k.end + 40)) : null;
    const tailKind = tail ? tailType(tail[1]) : undefined;
    if (tail && tailKind) {
      end = k.end + tail[0].length;
      type = tailKind;
      // `Oslo lufthavn Gardermoen`: a facility's own name after it.
      const own = tailKind === 'place' ? /^ (\p{Lu}\p{Ll}+)(?![\p{L}\p{N}-])/u.exec(text.slice(end, end + 40)) : null;
      if (own && !covered(end + 1)) end += own[0].length;
    } else if (text.charCodeAt(k.end) === 32 && startsUpperCase(text[k.end + 1] ?? '') && !covered(k.end + 1)) {
      // `Oslo Børs`, `Norges Skiforbund`, `Bergens Tidende`: capitalised words after the known name.
      const words = /^(?: \p{Lu}[\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)?){1,3}/u.exec(text.slice(k.end, k.end + 60));
      if (words) {
        const parts = words[0].slice(1).split(' ');
        // Stop before another known name, and at a first name (`i Oslo Kari Hansen …` is two names).
        let taken = 0;
        let length = 0;
        for (const part of parts) {
          const facts = factsOf(part);
          if (covered(k.end + length + 1) || (facts.kinds & GIVEN_NAME) !== 0 || facts.month || facts.starter || facts.allCaps) break;
          length += 1 + part.length;
          taken++;
        }
        const last = taken > 0 ? factsOf(parts[taken - 1]) : undefined;
        const genitive = k.text !== k.canonical && /s$/u.test(text.slice(k.start, k.end));
        const institution = last !== undefined && (last.organizationWord || last.organizationEnding || last.designator || last.tailType === 'organization');
        // After a genitive (`Norges`) only an institution's word: `Russlands Vladimir Putin` is two names.
        if (last && (!genitive || institution || last.eventEnding)) {
          end = k.end + length;
          type = last.eventEnding ? 'event' : last.tailType === 'place' ? 'place' : 'organization';
        }
      }
    }
    // `Norges vassdrags- og energidirektorat`, `Norges miljø- og biovitenskapelige universitet`: a country's genitive
    // before a compound cut before `- og` whose words end in an institution's word.
    if (place && type === undefined && k.text !== k.canonical && text.charCodeAt(k.end - 1) === 115 && text.charCodeAt(k.end) === 32 && isLowerCaseAt(text, k.end + 1)) {
      const cut = /^ \p{Ll}[\p{L}\p{M}]*- (?:og|eller)((?: \p{Ll}[\p{L}\p{M}]*(?![\p{L}\p{M}\p{N}-])){1,3})/u.exec(text.slice(k.end, k.end + 90));
      const words = cut ? cut[1].slice(1).split(' ') : [];
      // (The first of its words that ends one: `… universitet`, not a word of the sentence after it.)
      const last = words.findIndex((word) => tailType(word) === 'organization');
      if (cut && last >= 0) {
        end = k.end + cut[0].length - cut[1].length + words.slice(0, last + 1).reduce((sum, word) => sum + 1 + word.length, 0);
        type = 'organization';
      }
    }
    // `Innovasjon Norge`, `Sjømat Norge`, `Helse Bergen`: a capitalised word before a known place; also before a region
    // (`Hovedredningssentralen Sør-Norge`, `Norsk Landbruksrådgivning Nord-Norge`, with an adjective before the word).
    const from = start;
    const region = type === 'place' && from < k.start;
    if (place && (type === undefined || region) && text.charCodeAt(from - 1) === 32 && wordBeforeIsCapitalised(text, from - 1)) {
      const word = /(?:^|[^\p{L}\p{M}\p{N}.!?:–—«\n] ?)(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, from - 30), from));
      if (word && !covered(from - 2)) {
        const facts = factsOf(word[1]);
        let head = from - word[1].length - 1;
        const sentenceStart = (at: number): boolean => /(?:^|[.!?:–—«\n]\s*)$/u.test(text.slice(Math.max(0, at - 4), at));
        const fit = (facts.kinds & (GIVEN_NAME | PLACE | COUNTRY)) === 0 && !facts.role && !facts.starter && !facts.month && !facts.genitiveShape && !facts.adjective;
        const adjective = region ? /(?:^|[^\p{L}\p{M}\p{N}.!?:–—«\n] ?)(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, head - 20), head)) : null;
        if (adjective && /(?:sk|ske)$/u.test(adjective[1]) && !covered(head - 2)) head -= adjective[1].length + 1;
        // (Before a region, no surname either: `Kari Holm Nord-Norge` is no body's name.)
        if (fit && !(region && (facts.kinds & SURNAME) !== 0) && (!sentenceStart(head - 1) || facts.organizationHead || region)) {
          start = head;
          type = 'organization';
        }
      }
    }
    // (From the region's start: `Hovedredningssentralen i Nord-Norge`.)
    const at = start;
    const afterI = at >= 4 && text.charCodeAt(at - 1) === 32 && text.charCodeAt(at - 2) === 105 && text.charCodeAt(at - 3) === 32;
    const head = afterI && mayBeNamedWithPlace(text, Math.max(0, at - 40), at - 3) ? /(?:^|[^\p{L}\p{N}])(\p{Lu}\p{Ll}+) i $/u.exec(text.slice(Math.max(0, at - 40), at)) : null;
    if (head && isNamedWithPlace(head[1])) {
      start = at - head[1].length - ' i '.length;
      type = 'organization';
    }
    if (type) found.push({ start, end, text: text.slice(start, end), type, strong: true });
  }
  return found;
}

/**
 * Names in guillemets after the noun for what they name (`romanen «Når isen går»`, `filmen «Kon-Tiki»`,
 * `Ekstremværet «Gudmund»`, `dronen «Tidvann»`): the words inside are one name, of the type the noun
 * gives (a work or a product `other`, a storm an event), whatever capitals they have.
 */
export function worksInQuotes(text: string): NameCandidate[] {
  const found: NameCandidate[] = [];
  // From each opening guillemet: most texts have a few, quotes of speech among them.
  for (let open = text.indexOf('«'); open >= 0; open = text.indexOf('«', open + 1)) {
    const close = text.indexOf('»', open + 1);
    if (close < 0 || close - open > 81 || !startsUpperCase(text[open + 1] ?? '')) continue;
    const title = text.slice(open + 1, close).replace(/[\s.,!?]+$/u, '');
    if (title.includes('\n')) continue;
    const noun = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, open - 40), open));
    const type = noun ? appositionType(noun[1].toLowerCase()) : undefined;
    if (!type || (type !== 'other' && type !== 'event')) continue;
    // A storm's or a festival's name is a word or a few (`«Gudmund»`); after `saken` a longer quote is speech.
    if (type === 'event' && title.split(' ').length > 4) continue;
    found.push({ start: open + 1, end: open + 1 + title.length, text: title, type, strong: true });
  }
  return found;
}
