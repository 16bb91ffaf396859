/**
 * Entity mentions in the formats of annotation tools: brat standoff and
 * CoNLL (one token a line with a BIO tag).
 */
import type { EntityMention, EntityType } from './types';

const BRAT_TYPES: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Place', event: 'Event', other: 'Other' };
const CONLL_TAGS: Record<EntityType, string> = { person: 'PER', organization: 'ORG', place: 'LOC', event: 'EVT', other: 'MISC' };

/** The code-point offset of each UTF-16 offset: brat counts characters as Python does. */
function codePointOffsets(text: string): (utf16: number) => number {
  let hasAstral = false;
  for (let i = 0; i < text.length && !hasAstral; i++) hasAstral = text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff;
  if (!hasAstral) return (utf16) => utf16;
  const table = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = points;
    const code = text.charCodeAt(i);
    if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) points++;
  }
  table[text.length] = points;
  return (utf16) => table[utf16];
}

/**
 * A brat `.ann` file for `text` (which is the `.txt` file): one text-bound
 * annotation per mention (split into fragments at line breaks, which brat
 * spans cannot cross) and an AnnotatorNotes line with the linked entity.
 */
export function toBratAnn(text: string, mentions: readonly EntityMention[]): string {
  const offset = codePointOffsets(text);
  const lines: string[] = [];
  mentions.forEach((mention, index) => {
    const fragments: string[] = [];
    const pieces: string[] = [];
    let at = mention.start;
    for (const line of mention.text.split('\n')) {
      const start = at;
      const end = at + line.length;
      if (end > start) {
        fragments.push(`${offset(start)} ${offset(end)}`);
        pieces.push(line);
      }
      at = end + 1;
    }
    const id = index + 1;
    lines.push(`T${id}\t${BRAT_TYPES[mention.type]} ${fragments.join(';')}\t${pieces.join(' ')}`);
    lines.push(`#${id}\tAnnotatorNotes T${id}\t${mention.canonical} (${mention.entityId})`);
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Words (letters, digits, marks) and single other characters, with their offsets. */
function tokenize(text: string): { text: string; start: number; end: number }[] {
  const tokens: { text: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * The text as CoNLL: a token and its BIO tag per line, a blank line after
 * each sentence and paragraph. A token belongs to a mention when it overlaps
 * it (`Putins` is one token, tagged as the mention `Putins`).
 */
export function toConll(text: string, mentions: readonly EntityMention[]): string {
  const lines: string[] = [];
  let m = 0;
  let previousMention = -1;
  let previousEnd = 0;
  for (const token of tokenize(text)) {
    if (lines.length && lines[lines.length - 1] !== '' && text.slice(previousEnd, token.start).includes('\n\n')) lines.push('');
    while (m < mentions.length && mentions[m].end <= token.start) m++;
    const mention = mentions[m];
    const inside = mention !== undefined && mention.start < token.end && token.start < mention.end;
    const tag = inside ? `${m === previousMention ? 'I' : 'B'}-${CONLL_TAGS[mention.type]}` : 'O';
    previousMention = inside ? m : -1;
    lines.push(`${token.text}\t${tag}`);
    if (/^[.!?]$/.test(token.text) && /^\s|^$/.test(text.slice(token.end, token.end + 1))) lines.push('');
    previousEnd = token.end;
  }
  if (lines.length && lines[lines.length - 1] !== '') lines.push('');
  return lines.join('\n');
}
