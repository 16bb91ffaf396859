/**
 * Text from the corpus, a knowledge base or a user, made safe to put into
 * Markdown that VS Code renders (hovers, tooltips): every character that
 * could start Markdown, HTML, a link or a theme icon is taken literally.
 * Pure, so the escaping can be tested without VS Code.
 */

/** A theme icon as VS Code's renderer finds it: `$(name)` or `$(name~modifier)`. */
const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/** Every ASCII punctuation character: CommonMark lets a backslash make each of them literal. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export interface MarkdownTextOptions {
  /**
   * Whether the Markdown renders theme icons (`supportThemeIcons`). VS Code
   * finds `$(zap)` in the rendered text, after the Markdown's own escapes
   * are gone, so an icon is only kept literal by a backslash that survives
   * rendering: `\\` then `$(zap)`. Without icon support that backslash would
   * show, so it is added only then.
   */
  readonly themeIcons: boolean;
}

/**
 * `text` as Markdown source that renders as exactly that text: all ASCII
 * punctuation backslash-escaped (so no emphasis, code, link, image, HTML,
 * heading, list, table or autolink can start), tabs and runs of spaces
 * kept as `&nbsp;` (four leading spaces would make a code block), line
 * breaks as paragraph breaks, and theme icons made literal.
 */
export function escapeMarkdownText(text: string, options: MarkdownTextOptions): string {
  const literal = (part: string) => part.replace(ASCII_PUNCTUATION, '\\$&');
  let source = '';
  let from = 0;
  if (options.themeIcons) {
    for (const icon of text.matchAll(THEME_ICON)) {
      // `\\` renders as the one backslash that tells VS Code's icon pass to leave `$(…)` as text.
      source += literal(text.slice(from, icon.index)) + '\\\\' + literal(icon[0]);
      from = icon.index + icon[0].length;
    }
  }
  source += literal(text.slice(from));
  return source
    .replace(/\r\n?/g, '\n')
    // A tab or four spaces at a line start would make a code block: runs of white space are kept as &nbsp;, one space stays one.
    .replace(/\t|[ \t]{2,}/g, (spaces) => '&nbsp;'.repeat(spaces.replace(/\t/g, '    ').length))
    .replace(/\n+/g, '\n\n');
}

/**
 * `text` for a label that renders theme icons (quick pick rows: label,
 * description and detail): each `$(name)` gets the backslash that makes
 * VS Code show it as text. Nothing else in such labels is markup.
 */
export function escapeThemeIcons(text: string): string {
  return text.replace(THEME_ICON, (icon) => `\\${icon}`);
}
