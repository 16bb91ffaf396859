/**
 * Glob patterns as VS Code's settings write them (`**` /`*` / `?` / `{a,b}` /
 * `[abc]`), matched against `/`-separated relative paths. Used where
 * `workspace.findFiles` cannot help: folders outside the workspace, the CLI.
 */

/** What is wrong with a glob pattern, in words for its author. */
class GlobError extends SyntaxError {}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, `**` at the end anything.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '{') {
      braceDepth++;
      source += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (ch === ',' && braceDepth > 0) {
      source += '|';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) throw new GlobError('a "[" is never closed');
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      // `[]` and `[!]` would match nothing, or anything including `/`.
      if (body === '' || body === '^') throw new GlobError(`"[${glob.slice(i + 1, close)}]" has no characters to match`);
      source += `[${body}]`;
      i = close;
    } else {
      source += ch.replace(/[.+^$()|\\\]/]/g, '\\$&');
    }
  }
  if (braceDepth > 0) throw new GlobError('a "{" is never closed');
  return new RegExp(`^${source}$`, 'u');
}

export type GlobMatcher = (relativePath: string) => boolean;

/** A matcher for one glob (nothing matches an empty one), or why the glob is not valid. */
export function compileGlob(glob: string): { readonly ok: true; readonly match: GlobMatcher } | { readonly ok: false; readonly reason: string } {
  if (glob.trim() === '') return { ok: true, match: () => false };
  let pattern: RegExp;
  try {
    pattern = globToRegExp(glob.trim());
  } catch (error) {
    const why = error instanceof GlobError ? error.message : 'check its braces and brackets';
    return { ok: false, reason: `"${glob}" is not a valid glob pattern (${why}).` };
  }
  return { ok: true, match: (relativePath) => pattern.test(relativePath.replace(/\\/g, '/')) };
}

/** A matcher for a glob known to be valid (see `compileGlob`); throws otherwise. */
export function globMatcher(glob: string): GlobMatcher {
  const compiled = compileGlob(glob);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.match;
}
