/**
 * FNV-1a over UTF-16 code units: the hash the word scan computes as it reads (`scan.ts`), so that the
 * tables keyed by words (`wordFacts.ts`, `gazetteer.ts`) can look a word up without hashing it again.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `text[start, end)`, as the scan computes it (a signed 32-bit integer). */
export function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash | 0;
}
