/**
 * Glob patterns as VS Code's settings write them (`**` /`*` / `?` / `{a,b}` /
 * `[abc]`), matched against `/`-separated relative paths. Used where
 * `workspace.findFiles` cannot help: folders outside the workspace, the CLI.
 */
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
      if (close < 0) {
        source += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else {
      source += ch.replace(/[.+^$()|\\\]/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

/** A matcher for one glob, or for nothing when the glob is empty. */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  if (glob.trim() === '') return () => false;
  const pattern = globToRegExp(glob.trim());
  return (relativePath) => pattern.test(relativePath.replace(/\\/g, '/'));
}
