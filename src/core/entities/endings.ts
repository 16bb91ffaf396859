/**
 * A quick "no" for the patterns of word endings the name rules test (`cues.ts`, `wordFacts.ts`):
 * `(?:departement(?:et)?|…|bank(?:en)?)$` and the like. Such a pattern is tried from every position of
 * the word, each alternative in turn; most words end in none of them. The literal endings a pattern
 * can match are read from its source once, into a trie of reversed endings, and a word whose end
 * walks to no ending in it cannot match: the pattern is run only for the rest. The answer is the
 * pattern's own, always: the trie only ever skips a pattern that would have said no.
 */

interface Node {
  /** An ending stops here. */
  end: boolean;
  readonly next: Map<number, Node>;
}

export interface EndingFilter {
  /** False only if `pattern` cannot match `word` (its end is none of the pattern's endings). */
  mayMatch(word: string): boolean;
}

/**
 * The filter for `pattern`, a pattern anchored at the end (`…$`) made of literal letters, groups of
 * alternatives (`(?:a|b)`, `(a|b)`, optionally `?`), `^` and classes with a count (`\p{Ll}{3}`). A
 * class only cuts what comes before it: the literal text after it is the ending. Anything else in
 * the pattern is an error, at load time. With the `i` flag, a word is compared in lower case (ASCII,
 * æ, ø, å, ü); any other character met on the way leaves the answer to the pattern.
 */
export function endingFilter(pattern: RegExp): EndingFilter {
  const source = pattern.source;
  if (!source.endsWith('$')) throw new Error(`endingFilter: ${source} is not anchored at the end`);
  const ignoreCase = pattern.flags.includes('i');
  const parser = { source, at: 0 };
  const endings = parseSequence(parser, source.length - 1);
  if (parser.at !== source.length - 1) throw new Error(`endingFilter: cannot read ${source} at ${parser.at}`);
  const root: Node = { end: false, next: new Map() };
  for (const ending of endings) {
    let node = root;
    const literal = ending.startsWith(CUT) ? ending.slice(1) : ending;
    const text = ignoreCase ? literal.toLowerCase() : literal;
    for (let i = text.length - 1; i >= 0; i--) {
      const code = text.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const mayMatch = (word: string): boolean => {
    let node = root;
    if (node.end) return true;
    for (let i = word.length - 1; i >= 0; i--) {
      let code = word.charCodeAt(i);
      if (ignoreCase) {
        if (code >= 65 && code <= 90) code += 32;
        else if (code >= 128) {
          if (code === 0xc6 || code === 0xd8 || code === 0xc5 || code === 0xdc) code += 32;
          else if (code !== 0xe6 && code !== 0xf8 && code !== 0xe5 && code !== 0xfc) return true;
        }
      }
      const child = node.next.get(code);
      if (child === undefined) return false;
      if (child.end) return true;
      node = child;
    }
    return false;
  };
  return { mayMatch };
}

/** Marks an ending that a class cut: nothing before it is part of it. */
const CUT = '\u0000';

/** The literal endings of the sequence from `parser.at` up to `stop` (or a `|` or `)`). */
function parseSequence(parser: { source: string; at: number }, stop: number): string[] {
  let endings = [''];
  const { source } = parser;
  while (parser.at < stop) {
    const char = source[parser.at];
    if (char === '|' || char === ')') break;
    if (char === '^') {
      parser.at++;
      continue;
    }
    let items: string[];
    if (char === '(') {
      parser.at += source.startsWith('(?:', parser.at) ? 3 : 1;
      items = [];
      for (;;) {
        items.push(...parseSequence(parser, stop));
        if (source[parser.at] === '|') parser.at++;
        else break;
      }
      if (source[parser.at] !== ')') throw new Error(`endingFilter: unclosed group in ${source}`);
      parser.at++;
    } else if (char === '\\') {
      // A class with a count (`\p{Ll}{3}`): what came before it is cut.
      const escape = /^\\p\{\w+\}\{\d+\}/u.exec(source.slice(parser.at));
      if (!escape) throw new Error(`endingFilter: cannot read ${source} at ${parser.at}`);
      parser.at += escape[0].length;
      endings = [CUT];
      continue;
    } else if ('[]{}*+?.'.includes(char)) {
      throw new Error(`endingFilter: cannot read ${source} at ${parser.at}`);
    } else {
      items = [char];
      parser.at++;
    }
    if (source[parser.at] === '?') {
      items.push('');
      parser.at++;
    }
    // (An alternative cut by a class keeps only its own text.)
    endings = endings.flatMap((ending) => items.map((item) => (item.startsWith(CUT) ? item : ending + item)));
  }
  return endings;
}
