/**
 * A model of how VS Code's Markdown renderer shows a hover or tooltip, for
 * tests: enough of CommonMark for the markup this extension writes (escapes,
 * `&nbsp;`, `**`/`*`, `[label](target "title")`, `- ` and `> ` line starts,
 * paragraph breaks) and VS Code's two theme-icon passes (over the source,
 * where `\$(x)` becomes `\\$(x)`, and over the rendered text, where an
 * unescaped `$(x)` becomes an icon). What would be HTML or code is reported,
 * not rendered: neither shows as the text it was.
 */
export interface RenderedMarkdown {
  /** The text a reader sees (links' labels included; icons left out). */
  readonly text: string;
  readonly icons: readonly string[];
  readonly links: readonly { readonly label: string; readonly target: string }[];
  /** Raw HTML or code spans found: with supportHtml off VS Code drops the HTML; code loses its meaning as text. */
  readonly markup: readonly string[];
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const ICON_SOURCE = '\\$\\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\\)';

export function renderMarkdown(source: string, supportThemeIcons: boolean): RenderedMarkdown {
  const links: { label: string; target: string }[] = [];
  const markup: string[] = [];
  const prepared = supportThemeIcons ? source.replace(new RegExp(`\\\\${ICON_SOURCE}`, 'g'), (icon) => `\\${icon}`) : source;

  // Inline content from `from` up to an unescaped `stop` character (or the end); returns the text and where it stopped.
  const inline = (from: number, stop?: string): { text: string; end: number } => {
    let text = '';
    let i = from;
    while (i < prepared.length) {
      const ch = prepared[i];
      const atLineStart = i === 0 || prepared[i - 1] === '\n';
      if (ch === '\\' && PUNCTUATION.test(prepared[i + 1] ?? '')) {
        text += prepared[i + 1];
        i += 2;
      } else if (stop !== undefined && ch === stop) {
        return { text, end: i };
      } else if (prepared.startsWith('&nbsp;', i)) {
        text += ' ';
        i += 6;
      } else if (atLineStart && (prepared.startsWith('- ', i) || prepared.startsWith('> ', i))) {
        i += 2;
      } else if (ch === '\n') {
        if (!text.endsWith('\n')) text += '\n';
        i++;
      } else if (ch === '*') {
        i++;
      } else if (ch === '[') {
        const label = inline(i + 1, ']');
        const open = label.end + 1;
        if (prepared[label.end] === ']' && prepared[open] === '(') {
          const close = prepared.indexOf(')', open);
          const target = prepared.slice(open + 1, close).replace(/\s+"[^"]*"$/, '');
          links.push({ label: label.text, target });
          text += label.text;
          i = close + 1;
        } else {
          text += '[' + label.text;
          i = label.end;
        }
      } else if (ch === '<' || ch === '`') {
        const end = prepared.indexOf(ch === '<' ? '>' : '`', i + 1);
        markup.push(prepared.slice(i, end < 0 ? undefined : end + 1));
        i = end < 0 ? prepared.length : end + 1;
      } else {
        text += ch;
        i++;
      }
    }
    return { text, end: i };
  };

  const icons: string[] = [];
  let text = inline(0).text;
  if (supportThemeIcons) {
    text = text.replace(new RegExp(`(\\\\)?${ICON_SOURCE}`, 'g'), (whole, escaped: string | undefined, name: string) => {
      if (escaped) return whole.slice(1);
      icons.push(name);
      return '';
    });
  }
  return { text, icons, links, markup };
}
